import type { FlowTimers } from '../flow/index'

/** Timers the test fires by hand: a one-hour wait times out when the test says so. */
export function manualTimers(): FlowTimers & { pending(): number[]; fireAll(): void } {
    const scheduled = new Map<number, { milliseconds: number; callback: () => void }>()
    let nextId = 1
    return {
        schedule(milliseconds, callback) {
            const id = nextId++
            scheduled.set(id, { milliseconds, callback })
            return () => scheduled.delete(id)
        },
        pending: () => [...scheduled.values()].map((timer) => timer.milliseconds),
        fireAll() {
            const due = [...scheduled.values()]
            scheduled.clear()
            for (const timer of due) timer.callback()
        },
    }
}
