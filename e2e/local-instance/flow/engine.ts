// The core of the flow runner: runs a flow in the background after its trigger, node by node,
// handing each node to the handler its kind names (the registry below: flow logic, actions), and
// keeps each run's state through the run bookkeeping (run-book.ts). Runs pause at approvals and
// waits until a record change satisfies them (waits.ts).
//
// With a store (--data-dir), a run is stored when it starts, after each action, each time it starts
// to wait (where: the path of node indexes down to the action, the data pills so far, and what it
// waits for: the record and condition with the timeout's due time, or the approvals and their
// rules; the approvals are stored with the run in one transaction) and when it ends. `resume` picks
// stored runs up after a restart: a wait is entered again (a timeout whose due time passed fires at
// once), a run stopped in an action goes on with that action, which runs again (at least once,
// never lost: a Kpow call in flight at the kill is made again).
import { StoreUnavailableError } from '../errors'
import type { FlowDefinition, FlowNode } from '../flow-model'
import type { StoredRecord } from '../tables'
import { actionHandler } from './actions'
import type { FlowEngineOptions, FlowServices, NodeHandlers, NodeRun, SiblingOutcome } from './construct'
import { logicHandlers } from './logic'
import { RunBook } from './run-book'
import type { FlowContext, FlowRun, ResumePoint, Scope } from './run-model'
import { EndFlowSignal } from './run-model'
import { testCustomAction } from './script-steps'
import { subflowHandler } from './subflow'
import { catalogTriggerRun } from './trigger'

/** Every construct the runner knows, by node kind: a new construct is a new entry here. */
const nodeHandlers: NodeHandlers = { action: actionHandler, ...logicHandlers, subflow: subflowHandler }

export class FlowEngine {
    private readonly services: FlowServices

    constructor(options: FlowEngineOptions) {
        this.services = { options, database: options.database, book: new RunBook(options.database, options.contexts) }
    }

    private get book(): RunBook {
        return this.services.book
    }

    runs(): readonly FlowRun[] {
        return this.book.runs
    }

    /** Stops every run where it is (as a process exit would), so that nothing writes to a closed store. */
    stop(): void {
        this.book.stop()
    }

    /** Resolves once every run is waiting on a record or finished. */
    whenIdle(): Promise<void> {
        return this.book.whenIdle()
    }

    /** Starts the flow in the background for a requested item, as the Service Catalog trigger does. */
    startForRequestedItem(flow: FlowDefinition, requestItem: StoredRecord, triggeringUserSysId: string): FlowRun {
        const known = this.book.runs.length
        try {
            const { run, scope } = catalogTriggerRun(this.services, flow, requestItem, triggeringUserSysId)
            // An order that is not stored after all (its transaction fails) started no run.
            this.services.database.afterCommit(
                () => {},
                () => this.discard(run)
            )
            if (scope) this.drive(run, flow, scope, undefined)
            return run
        } catch (error) {
            // The run could not be stored: it never started.
            for (const run of this.book.runs.splice(known)) this.book.forget(run)
            throw error
        }
    }

    private discard(run: FlowRun): void {
        const index = this.book.runs.indexOf(run)
        if (index >= 0) this.book.runs.splice(index, 1)
        this.book.forget(run)
    }

    /**
     * Picks up stored runs after a restart: finished ones are listed, unfinished ones go on from
     * where they were stored (a wait is entered again; a timeout already due fires at once).
     */
    resume(contexts: readonly FlowContext[]): void {
        for (const { run, resume } of contexts) {
            this.book.runs.push(run)
            if (!resume) continue
            const flow = this.services.options.catalog().flows.find((candidate) => candidate.sysId === run.flowSysId)
            if (!flow) {
                run.status = 'error'
                run.reason = `flow "${run.flowName}" is no longer committed: the run cannot go on after the restart`
                run.endedAt = this.book.now()
                this.book.store(run)
                continue
            }
            const scope: Scope = new Map(resume.scope.map(([source, values]) => [source, new Map(values)]))
            this.drive(run, flow, scope, resume.path.length > 0 ? resume : undefined)
        }
    }

    /**
     * Flow Designer's "Test" of an action: runs it alone with literal inputs, as `runAsUserSysId`,
     * logged as a run of its own. Lets a caller hand an action values no form would let through.
     */
    testAction(actionSysId: string, inputs: Record<string, string>, runAsUserSysId: string): Promise<FlowRun> {
        return testCustomAction(this.services, actionSysId, inputs, runAsUserSysId)
    }

    /** Runs the flow in the background (from a resume point after a restart), storing it as it goes. */
    private drive(run: FlowRun, flow: FlowDefinition, scope: Scope, resume: ResumePoint | undefined): void {
        const book = this.book
        book.follow(run, scope)
        book.store(run)
        book.enter()
        // Driven once what started it is stored; if that fails, the run never goes (nor keeps the engine busy).
        this.services.database.afterCommit(
            () => setImmediate(() => this.go(run, flow, scope, resume)),
            () => book.leave()
        )
    }

    private go(run: FlowRun, flow: FlowDefinition, scope: Scope, resume: ResumePoint | undefined): void {
        const book = this.book
        if (book.stopped) {
            book.leave()
            return
        }
        run.status = 'running'
        this.runNodes(run, flow.nodes, scope, 0, resume)
            .then(() => {
                run.status = 'complete'
            })
            .catch((error: unknown) => {
                if (error instanceof EndFlowSignal) {
                    run.status = 'complete'
                    run.reason = 'ended by End Flow'
                    return
                }
                run.status = 'error'
                run.reason = error instanceof Error ? error.message : String(error)
            })
            .finally(() => {
                run.endedAt = book.now()
                book.forget(run)
                try {
                    book.store(run)
                } catch (error) {
                    // In the background nobody waits for an answer: the log says it, the process goes on.
                    if (!(error instanceof StoreUnavailableError)) throw error
                    console.error(`local instance: flow run ${run.id} ended but was not stored: ${error.message}`)
                } finally {
                    book.leave()
                }
            })
    }

    /**
     * Runs the nodes in order, each by its kind's handler; with `resume`, from the node at its first
     * index: a block (If, Else, Try, Catch) the run was inside is entered again without being decided
     * again, the waiting action waits again. The path of node indexes follows the walk.
     */
    private async runNodes(
        run: FlowRun,
        nodes: FlowNode[],
        scope: Scope,
        depth: number,
        resume?: ResumePoint
    ): Promise<void> {
        const path = this.book.path(run)
        const level = path.length
        path.push(0)
        try {
            let previous: SiblingOutcome = {}
            const start = resume?.path[0] ?? 0
            for (const [index, node] of nodes.entries()) {
                if (index < start) continue
                path[level] = index
                const resuming = index === start ? resume : undefined
                if (resuming?.after && resuming.path.length === 1) continue
                const at: NodeRun = {
                    run,
                    scope,
                    depth,
                    resuming,
                    // Inside this block (a deeper path), or waiting at this action (the path ends here).
                    inside:
                        resuming && resuming.path.length > 1
                            ? { ...resuming, path: resuming.path.slice(1) }
                            : undefined,
                    previous,
                    runChildren: (children, from) => this.runNodes(run, children, scope, depth + 1, from),
                }
                previous = (await this.runNode(node, at)) ?? {}
            }
        } finally {
            path.length = level
        }
    }

    /** The node's kind names its handler. */
    private runNode(node: FlowNode, at: NodeRun): Promise<SiblingOutcome | undefined> {
        return node.kind === 'action'
            ? nodeHandlers.action.run(node, at, this.services)
            : nodeHandlers[node.kind].run(node, at, this.services)
    }
}
