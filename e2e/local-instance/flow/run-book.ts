// The run bookkeeping: every run of the instance, the step log of each, whether any run is busy
// (whenIdle), and storing a run (with where it goes on from) as it starts, waits and ends.
import { glideDateTime } from '../tables'
import type { Database } from '../tables'
import type { FlowContextStore } from '../store'
import type { FlowContext, FlowRun, Scope, StepLog, StepStatus, WaitState } from './run-model'

export class RunBook {
    readonly runs: FlowRun[] = []
    private busy = 0
    private idleWaiters: (() => void)[] = []
    /** Where each unfinished run is (node index per level) and its data pills, for storing it. */
    private readonly positions = new WeakMap<FlowRun, { path: number[]; scope: Scope }>()
    /** Set by `stop`: runs go no further and nothing more is stored (the store is closing). */
    private stoppedAt = false

    constructor(
        private readonly database: Database,
        /** Where runs are stored as they start, wait and end; none: memory only. */
        private readonly contexts: FlowContextStore | undefined
    ) {}

    get stopped(): boolean {
        return this.stoppedAt
    }

    /** Stops every run where it is (as a process exit would), so that nothing writes to a closed store. */
    stop(): void {
        this.stoppedAt = true
    }

    /** Resolves once every run is waiting on a record or finished. */
    whenIdle(): Promise<void> {
        if (this.busy === 0) return Promise.resolve()
        return new Promise((resolve) => this.idleWaiters.push(resolve))
    }

    /** A run starts (or goes on after a wait): the instance is busy until it leaves. */
    enter(): void {
        this.busy += 1
    }

    leave(): void {
        this.busy -= 1
        if (this.busy === 0) {
            const waiters = this.idleWaiters
            this.idleWaiters = []
            for (const resolve of waiters) resolve()
        }
    }

    /** Starts following where an unfinished run is, with its data pills. */
    follow(run: FlowRun, scope: Scope): void {
        this.positions.set(run, { path: [], scope })
    }

    /** The run has ended: it goes on from nowhere. */
    forget(run: FlowRun): void {
        this.positions.delete(run)
    }

    /** The node indexes down to where the run is, which the core updates as it walks. */
    path(run: FlowRun): number[] {
        return this.positions.get(run)?.path ?? []
    }

    /** Stores the run: with where it goes on from while it has not ended. */
    store(run: FlowRun, wait?: WaitState, after?: boolean): void {
        const contexts = this.contexts
        if (!contexts || this.stoppedAt) return
        const position = this.positions.get(run)
        const context: FlowContext = {
            run,
            resume: position && {
                path: [...position.path],
                wait,
                after,
                scope: [...position.scope].map(([source, values]) => [source, [...values]]),
            },
        }
        contexts.putFlowContext(run.id, context)
    }

    openStep(
        run: FlowRun,
        node: { uiId: string; order: number; label: string },
        depth: number,
        kind: StepLog['kind'],
        inputs: Record<string, string>
    ): StepLog {
        const log: StepLog = {
            uiId: node.uiId,
            order: node.order,
            depth,
            name: node.label,
            kind,
            status: 'running',
            inputs,
            outputs: {},
            messages: [],
            startedAt: this.now(),
        }
        run.steps.push(log)
        return log
    }

    /** The latest log entry of a node: the one a resumed run goes on writing to. */
    lastStep(run: FlowRun, uiId: string): StepLog | undefined {
        return run.steps.findLast((step) => step.uiId === uiId)
    }

    closeStep(log: StepLog, status: StepStatus, outputs: Record<string, string>): void {
        log.status = status
        log.outputs = outputs
        log.endedAt = this.now()
    }

    now(): string {
        return glideDateTime(this.database.now())
    }
}
