// A Scheduler whose time moves only when a test says so: what would run after a real delay runs,
// in order, inside advance(), so a test of "after the quiet period" neither sleeps nor races.
import type { Scheduler } from '../src/clock'

interface Task {
    readonly at: number
    readonly callback: () => void
}

export class ManualScheduler implements Scheduler {
    private time = 0
    private tasks: Task[] = []

    now(): number {
        return this.time
    }

    schedule(callback: () => void, delayMs: number): () => void {
        const task = { at: this.time + delayMs, callback }
        this.tasks.push(task)
        return () => {
            this.tasks = this.tasks.filter((other) => other !== task)
        }
    }

    /** Moves time forward by `ms`, running each task that falls due, at its own instant. */
    advance(ms: number): void {
        const until = this.time + ms
        for (;;) {
            const due = this.tasks.filter((task) => task.at <= until).sort((a, b) => a.at - b.at)[0]
            if (!due) break
            this.tasks = this.tasks.filter((task) => task !== due)
            this.time = due.at
            due.callback()
        }
        this.time = until
    }
}
