// The mock's clock: wall time plus an offset that POST /mock/v1/clock advances, so expiry can be
// tested without sleeping. Everything that needs "now" asks this object; the engine is given the
// instant as a parameter and never reads a clock itself. The offset is state like any other: the
// service persists it with the temporary policies (a policy created on an advanced clock must
// expire on that clock after a restart) and applies a change only once it is durable.
import { KpowError } from './errors'

export interface Clock {
    now(): number
}

/** How far ahead of real time the mock clock may run: far enough for any test, and every instant stays a valid date. */
export const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 60 * 60 * 1000

export class AdjustableClock implements Clock {
    private offset = 0
    constructor(private readonly base: () => number = Date.now) {}

    now(): number {
        return this.base() + this.offset
    }

    get offsetMs(): number {
        return this.offset
    }

    /** Sets the offset (a loaded or a durably committed one); callers validate with offsetAfter first. */
    setOffset(offsetMs: number): void {
        this.offset = offsetMs
    }

    /** The offset advancing by `ms` would give, or a refusal naming advance_ms and its allowed range. */
    offsetAfter(ms: number): number {
        const allowed = MAX_CLOCK_OFFSET_MS - this.offset
        if (!Number.isSafeInteger(ms) || ms < 0 || ms > allowed) {
            throw new KpowError(
                'invalid_request',
                `advance_ms=${ms} is out of range: the mock clock may run at most ${MAX_CLOCK_OFFSET_MS} ms (10 years) ahead of real time and is ${this.offset} ms ahead now. POST /mock/v1/reset rewinds it.`,
                [{ path: 'advance_ms', message: `must be an integer from 0 to ${allowed}` }]
            )
        }
        return this.offset + ms
    }
}

/**
 * Real time for the service's own housekeeping (the combined index's quiet period), apart from the
 * mock clock, which tests move in jumps. Injected so tests advance it instead of sleeping.
 */
export interface Scheduler {
    /** Milliseconds on a clock that only moves forward with real (or, in tests, simulated) time. */
    now(): number
    /** Runs `callback` after `delayMs`; the returned function cancels it. Never keeps the process alive. */
    schedule(callback: () => void, delayMs: number): () => void
}

export const realScheduler: Scheduler = {
    now: () => performance.now(),
    schedule(callback, delayMs) {
        const timer = setTimeout(callback, delayMs)
        timer.unref()
        return () => clearTimeout(timer)
    },
}
