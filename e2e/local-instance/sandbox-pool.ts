// Script sandboxes made ready before a step asks for one. Each is a thread (sandbox-thread.ts) holding
// a fresh QuickJS module with its limits and the Glide API: starting a thread and making a module took
// hundreds of milliseconds on a busy machine, so a few are kept ready. A sandbox serves one run; after
// it the thread is kept without it and makes a fresh one, so nothing a script did reaches the next run.
// A thread that was stopped (time limit), ran out of memory or broke is ended and replaced.
//
// Threads are the process's, not an instance's: every pool (one per local instance) takes from and
// gives back to the same reservoir, which keeps as many ready as the largest pool asks for, so a
// process that makes many instances (the tests) does not hold a few threads for each. The reservoir
// also bounds how many scripts run at once in the process (MAX_CONCURRENT_SCRIPT_RUNS): each may hold
// its memory bounds, so hostile scripts started together stay within the instance's memory ceiling.
import { MAX_CONCURRENT_SCRIPT_RUNS } from './sandbox-limits'
import type { ScriptSandboxSource } from './sandbox-thread'
import { ScriptThread } from './sandbox-thread'

/**
 * How many sandboxes wait ready by default: the most script steps the app's flows run between two
 * waits (closing: Read Current Grant twice, then Delete), and one for a form's UI action condition.
 */
export const DEFAULT_SANDBOX_POOL_SIZE = 4

/** Resolves once nothing waits on the CPU that a sandbox being made would hold up (no flow step running). */
export type QuietSignal = () => Promise<void>

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve).unref())

/** The process's script threads: ready ones (a sandbox made), idle ones (none), and the runs' turns. */
class ThreadReservoir {
    readonly ready: ScriptThread[] = []
    private readonly idle: ScriptThread[] = []
    private readonly pools = new Set<ScriptSandboxPool>()
    private filling: Promise<void> | undefined
    private running = 0
    private readonly waitingForTurn: (() => void)[] = []

    /** How many sandboxes the process keeps ready: what its largest pool asks for. */
    get target(): number {
        let largest = 0
        for (const pool of this.pools) largest = Math.max(largest, pool.size)
        return largest
    }

    register(pool: ScriptSandboxPool): void {
        this.pools.add(pool)
    }

    /** A disposed pool asks for nothing more: threads over what the others ask for are ended. */
    unregister(pool: ScriptSandboxPool): void {
        this.pools.delete(pool)
        for (const thread of this.ready.splice(this.target)) thread.terminate()
        for (const thread of this.idle.splice(Math.max(this.target, 1))) thread.terminate()
    }

    /** `fromReady`: a ready sandbox may serve (a pool of size 0 makes its own, on the run's path). */
    async take(fromReady: boolean): Promise<ScriptThread> {
        await this.turn()
        try {
            while (fromReady && this.ready.length > 0) {
                const thread = this.ready.shift()
                if (thread?.reusable) return thread
                thread?.terminate()
            }
            // None ready (all taken, or the pool keeps none): this run cannot wait for the background.
            return await this.prepared(this.idle.shift(), true)
        } catch (error) {
            this.leaveTurn()
            throw error
        }
    }

    release(thread: ScriptThread, quiet: QuietSignal): void {
        this.leaveTurn()
        const kept = this.ready.length + this.idle.length
        if (thread.reusable && kept < Math.max(this.target, 1)) this.idle.push(thread)
        else thread.terminate()
        this.scheduleFill(quiet)
    }

    /** Resolves once `size` sandboxes are ready, or making one failed. */
    whenFull(size: number, quiet: QuietSignal): Promise<void> {
        this.scheduleFill(quiet)
        return this.ready.length >= size ? Promise.resolve() : (this.filling ?? Promise.resolve())
    }

    scheduleFill(quiet: QuietSignal): void {
        if (this.filling || this.ready.length >= this.target) return
        this.filling = this.fill(quiet)
            .catch(() => {
                // A sandbox that cannot be made now is made on a step's path later, where its error is reported.
            })
            .finally(() => {
                this.filling = undefined
            })
    }

    private async fill(quiet: QuietSignal): Promise<void> {
        while (this.ready.length < this.target) {
            // Each sandbox after the current turn, once no step runs: requests and steps go first.
            await nextTurn()
            await quiet()
            if (this.ready.length >= this.target) return
            const thread = await this.prepared(this.idle.shift())
            if (this.ready.length >= this.target) thread.terminate()
            else this.ready.push(thread)
        }
    }

    /** A thread with a fresh sandbox: `thread` (an idle one) or a new one; `forRun`: a run waits for it. */
    private async prepared(thread: ScriptThread | undefined, forRun = false): Promise<ScriptThread> {
        const chosen = thread?.reusable ? thread : await ScriptThread.start()
        if (thread && chosen !== thread) thread.terminate()
        try {
            await chosen.prepare(forRun)
        } catch (error) {
            chosen.terminate()
            throw error
        }
        return chosen
    }

    /** Waits until fewer than MAX_CONCURRENT_SCRIPT_RUNS scripts run in the process. */
    private async turn(): Promise<void> {
        if (this.running < MAX_CONCURRENT_SCRIPT_RUNS) {
            this.running += 1
            return
        }
        // The run that ends hands its turn over (leaveTurn), so `running` stays as it is.
        await new Promise<void>((resolve) => this.waitingForTurn.push(resolve))
    }

    private leaveTurn(): void {
        const next = this.waitingForTurn.shift()
        if (next) next()
        else this.running -= 1
    }
}

const reservoir = new ThreadReservoir()

/**
 * Resolves once the process holds as many ready sandboxes as its largest pool asks for (or making one
 * failed). The threads being made keep no process alive, so the wait itself does: a program that
 * awaits this (a server starting) is not ended half-way by an empty event loop.
 */
export async function whenSandboxesReady(): Promise<void> {
    const holdProcess = setInterval(() => {}, 60_000)
    try {
        await reservoir.whenFull(reservoir.target, () => Promise.resolve())
    } finally {
        clearInterval(holdProcess)
    }
}

export class ScriptSandboxPool implements ScriptSandboxSource {
    private disposed = false

    /**
     * `size` sandboxes are kept ready (with the process's other pools: as many as the largest asks
     * for), made in the background when `quiet` says no flow step is running: a flow's steps between
     * two waits take sandboxes made before, never wait for one being made, and making one does not
     * compete with them for the CPU. Size 0 takes none of them: every run makes its sandbox on its
     * own path (in a thread kept from an earlier run when there is one).
     */
    constructor(
        readonly size: number = DEFAULT_SANDBOX_POOL_SIZE,
        private readonly quiet: QuietSignal = () => Promise.resolve()
    ) {
        reservoir.register(this)
        reservoir.scheduleFill(quiet)
    }

    /** How many sandboxes wait ready for this pool's runs now. */
    get readyCount(): number {
        return this.disposed ? 0 : Math.min(this.size, reservoir.ready.length)
    }

    take(): Promise<ScriptThread> {
        return reservoir.take(!this.disposed && this.size > 0)
    }

    release(thread: ScriptThread): void {
        reservoir.release(thread, this.quiet)
    }

    /**
     * Fills the pool if it is short and resolves once it holds `size` ready sandboxes (or making one
     * failed, or the pool is disposed): for tests.
     */
    whenFull(): Promise<void> {
        return this.disposed ? Promise.resolve() : reservoir.whenFull(this.size, this.quiet)
    }

    /** Asks for no more sandboxes: threads no other pool needs are ended; those in use when their runs end. */
    dispose(): void {
        if (this.disposed) return
        this.disposed = true
        reservoir.unregister(this)
    }
}
