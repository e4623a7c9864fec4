// The local instance's clock: real time plus an offset that tests and the demo advance (as
// mock-kpow's /mock/v1/clock does), and the timers of flows on it (a Wait For Condition's timeout,
// and any other timer a flow step sets: approval due dates, reminders). A timer is due at a time on
// this clock, not after a real delay: advancing the clock fires every timer that comes due, in due
// order (ties in the order they were set), and waits for the flows they wake to settle before the
// next one; real time passing fires them too. The offset is state: with --data-dir it is stored
// before it is applied (a restart keeps it, so a due time stored by a waiting flow keeps its meaning).
import type { FlowTimers } from './flow/index'
import { LocalInstanceError } from './errors'
import type { ClockOffsetStore } from './store'

/** How far ahead of real time the clock may run, as mock-kpow's: far enough for any test. */
export const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 60 * 60 * 1000
/** setTimeout's longest delay; a timer further away is armed again when this passes. */
const LONGEST_REAL_DELAY_MS = 2 ** 31 - 1

interface PendingTimer {
    id: number
    dueAt: number
    callback: () => void
    cancelReal: () => void
}

export interface ClockAdvance {
    /** The clock after the advance (epoch ms). */
    nowMs: number
    offsetMs: number
    /** Timers that came due and fired, in due order. */
    fired: number
}

export class InstanceClock implements FlowTimers {
    private offset: number
    private readonly pending = new Map<number, PendingTimer>()
    private nextId = 1
    /** Advances run one after another: a second waits for the first's timers to settle. */
    private advancing: Promise<unknown> = Promise.resolve()

    constructor(
        private readonly base: () => number = Date.now,
        private readonly store?: ClockOffsetStore
    ) {
        this.offset = store?.loadClockOffset() ?? 0
    }

    now(): Date {
        return new Date(this.base() + this.offset)
    }

    get offsetMs(): number {
        return this.offset
    }

    /** Due times (epoch ms on this clock) of the timers not yet fired, earliest first. */
    pendingDueTimes(): number[] {
        return [...this.pending.values()].map((timer) => timer.dueAt).sort((left, right) => left - right)
    }

    /** Calls `callback` once this clock reaches now + `milliseconds`; the returned function cancels it. */
    schedule(milliseconds: number, callback: () => void): () => void {
        const id = this.nextId++
        const timer: PendingTimer = {
            id,
            dueAt: this.now().getTime() + Math.max(0, milliseconds),
            callback,
            cancelReal: () => {},
        }
        this.pending.set(id, timer)
        this.arm(timer)
        return () => {
            timer.cancelReal()
            this.pending.delete(id)
        }
    }

    /**
     * Moves the clock ahead by `ms` (stored first when there is a store), walking it through the due
     * time of each timer that comes due, earliest first, and firing it there; after each, `settle` is awaited (the flow engine's whenIdle), so a run a
     * timer woke reaches its next wait before the next timer fires. A timer set meanwhile that is
     * already due fires in the same advance. Refused (nothing changes) outside 0..the 10-year limit.
     */
    advance(ms: number, settle: () => Promise<void> = () => Promise.resolve()): Promise<ClockAdvance> {
        const allowed = MAX_CLOCK_OFFSET_MS - this.offset
        if (!Number.isSafeInteger(ms) || ms < 0 || ms > allowed)
            throw new LocalInstanceError(
                `advance_ms=${String(ms)} is out of range: it must be an integer from 0 to ${String(allowed)} (the clock may run at most ${String(MAX_CLOCK_OFFSET_MS)} ms, 10 years, ahead of real time and is ${String(this.offset)} ms ahead now)`
            )
        const target = this.offset + ms
        this.store?.putClockOffset(target)
        const run = this.advancing.then(async () => {
            let fired = 0
            // The clock walks to each due time in turn: a run woken at 10 minutes sees 10 minutes, and
            // a timer it sets from there is due within this advance if it falls before the target.
            for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
                this.offset = Math.max(this.offset, timer.dueAt - this.base())
                this.fire(timer)
                fired += 1
                await settle()
            }
            this.offset = Math.max(this.offset, target)
            for (const timer of this.pending.values()) this.arm(timer)
            return { nowMs: this.now().getTime(), offsetMs: this.offset, fired }
        })
        this.advancing = run.catch(() => undefined)
        return run
    }

    /** Forgets every timer (the instance is closing). */
    stop(): void {
        for (const timer of this.pending.values()) timer.cancelReal()
        this.pending.clear()
    }

    /** The earliest timer due by the time the offset reaches `targetOffset`. */
    private nextDue(targetOffset: number): PendingTimer | undefined {
        const now = this.base() + targetOffset
        let next: PendingTimer | undefined
        for (const timer of this.pending.values()) {
            if (timer.dueAt > now) continue
            if (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.id < next.id)) next = timer
        }
        return next
    }

    private fire(timer: PendingTimer): void {
        timer.cancelReal()
        this.pending.delete(timer.id)
        timer.callback()
    }

    /** A real timer for what is left until the due time; when it goes off early (a long delay), armed again. */
    private arm(timer: PendingTimer): void {
        timer.cancelReal()
        const delay = Math.min(Math.max(0, timer.dueAt - this.now().getTime()), LONGEST_REAL_DELAY_MS)
        const handle = setTimeout(() => {
            if (!this.pending.has(timer.id)) return
            if (timer.dueAt <= this.now().getTime()) this.fire(timer)
            else this.arm(timer)
        }, delay)
        handle.unref()
        timer.cancelReal = () => clearTimeout(handle)
    }
}
