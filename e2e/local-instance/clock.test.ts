import { describe, expect, it } from 'vitest'
import type { ClockOffsetStore } from './store'
import { InstanceClock, MAX_CLOCK_OFFSET_MS } from './clock'
import { LocalInstanceError } from './errors'

const START = Date.parse('2026-11-29T10:00:00Z')
const MINUTE = 60_000

function memoryStore(initial?: number): ClockOffsetStore & { writes: number[] } {
    let offset = initial
    const writes: number[] = []
    return {
        writes,
        loadClockOffset: () => offset,
        putClockOffset(value) {
            writes.push(value)
            offset = value
        },
    }
}

describe("the local instance's clock", () => {
    it('fires the timers that come due, in due order (ties in the order set), and none early', async () => {
        const clock = new InstanceClock(() => START)
        const fired: string[] = []
        clock.schedule(30 * MINUTE, () => fired.push('approval deadline at 30 min'))
        clock.schedule(10 * MINUTE, () => fired.push('reminder at 10 min'))
        clock.schedule(60 * MINUTE, () => fired.push('expiry at 60 min'))
        clock.schedule(10 * MINUTE, () => fired.push('second timer at 10 min'))

        expect(await clock.advance(10 * MINUTE - 1)).toMatchObject({ fired: 0 })
        expect(fired).toEqual([])

        const advanced = await clock.advance(25 * MINUTE)
        expect(advanced).toEqual({ nowMs: START + 35 * MINUTE - 1, offsetMs: 35 * MINUTE - 1, fired: 3 })
        expect(fired).toEqual(['reminder at 10 min', 'second timer at 10 min', 'approval deadline at 30 min'])
        expect(clock.pendingDueTimes()).toEqual([START + 60 * MINUTE])
    })

    it('lets each woken run settle before the next timer fires, and fires a timer set meanwhile once it is due', async () => {
        const clock = new InstanceClock(() => START)
        const events: string[] = []
        clock.schedule(MINUTE, () => {
            events.push(`first fired at ${String((clock.now().getTime() - START) / MINUTE)} min`)
            // A woken run sets its next timer (e.g. a reminder, then the expiry): due within the same advance.
            clock.schedule(MINUTE, () => events.push('timer set by the first fired'))
        })
        clock.schedule(5 * MINUTE, () => events.push('third fired'))
        await clock.advance(10 * MINUTE, async () => {
            await Promise.resolve()
            events.push('settled')
        })
        expect(events).toEqual([
            'first fired at 1 min',
            'settled',
            'timer set by the first fired',
            'settled',
            'third fired',
            'settled',
        ])
    })

    it('does not fire a cancelled timer', async () => {
        const clock = new InstanceClock(() => START)
        let fired = false
        const cancel = clock.schedule(MINUTE, () => (fired = true))
        cancel()
        expect(await clock.advance(2 * MINUTE)).toMatchObject({ fired: 0 })
        expect(fired).toBe(false)
    })

    it('refuses an advance outside 0..10 years, changing nothing', () => {
        const store = memoryStore()
        const clock = new InstanceClock(() => START, store)
        expect(() => clock.advance(-1)).toThrow(LocalInstanceError)
        expect(() => clock.advance(1.5)).toThrow(/advance_ms=1.5 is out of range/)
        expect(() => clock.advance(MAX_CLOCK_OFFSET_MS + 1)).toThrow(/at most/)
        expect(clock.offsetMs).toBe(0)
        expect(store.writes).toEqual([])
    })

    it('stores the offset before applying it, and starts from the stored offset', async () => {
        const store = memoryStore()
        const clock = new InstanceClock(() => START, store)
        await clock.advance(90 * MINUTE)
        expect(store.writes).toEqual([90 * MINUTE])
        const restarted = new InstanceClock(() => START, store)
        expect(restarted.now().getTime()).toBe(START + 90 * MINUTE)

        const failing: ClockOffsetStore = {
            loadClockOffset: () => undefined,
            putClockOffset() {
                throw new Error('disk full')
            },
        }
        const unchanged = new InstanceClock(() => START, failing)
        expect(() => unchanged.advance(MINUTE)).toThrow('disk full')
        expect(unchanged.now().getTime()).toBe(START)
    })

    it('fires a timer when real time reaches its due time, without an advance', async () => {
        let real = START
        const clock = new InstanceClock(() => real)
        const fired = new Promise<string>((resolve) => clock.schedule(20, () => resolve('fired by real time')))
        real += 20
        await expect(fired).resolves.toBe('fired by real time')
    })
})
