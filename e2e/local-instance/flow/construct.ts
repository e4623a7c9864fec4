// The interface between the core (engine.ts), which walks a flow's nodes, and the modules that
// run one kind of construct each (logic.ts, actions.ts and the built-in actions they dispatch to).
// A new construct is a new module whose handler the core's registry names; the core does not
// change.
import type { ActionNode, FlowCatalog, FlowNode, LogicNode } from '../flow-model'
import type { JavaScriptLevel, SandboxHost, ScriptLogLevel } from '../glide-sandbox'
import type { FlowContextStore } from '../store'
import type { Database } from '../tables'
import type { RunBook } from './run-book'
import type { FlowRun, FlowTimers, ResumePoint, RunValue, Scope, StepLog, WaitState } from './run-model'

export interface FlowEngineOptions {
    database: Database
    timers: FlowTimers
    /** Where runs are stored as they start, wait and end; none: memory only. */
    contexts?: FlowContextStore
    /** What is committed now: the catalog is rebuilt by each commit. */
    catalog(): FlowCatalog
    javaScriptLevel(): JavaScriptLevel
    /** For tests only: scales script steps' time limit and HTTP timeouts (glide-sandbox.ts); default 1. */
    scriptTimeScale?: number
    sandboxHost(runAsUserSysId: string, log: (level: ScriptLogLevel, message: string) => void): SandboxHost
}

/** What every construct runs with: the instance's options and the run bookkeeping. */
export interface FlowServices {
    readonly options: FlowEngineOptions
    readonly database: Database
    readonly book: RunBook
}

/** What a node leaves for the node after it on the same level: an If's decision, a Try's caught error. */
export interface SiblingOutcome {
    ifTaken?: boolean
    tryError?: string
}

/** One node about to run: the run, its pills, its depth, and how it was reached. */
export interface NodeRun {
    readonly run: FlowRun
    readonly scope: Scope
    readonly depth: number
    /** After a restart, the run goes on at this node: the point (its path starts at this node). */
    readonly resuming: ResumePoint | undefined
    /** After a restart, the run goes on inside this block: the point below it. */
    readonly inside: ResumePoint | undefined
    /** What the node before it on this level left (nothing for the first). */
    readonly previous: SiblingOutcome
    /** Runs a block's children one level deeper (from `resume` inside them after a restart). */
    runChildren(children: FlowNode[], resume?: ResumePoint): Promise<void>
}

export interface NodeHandler<Node extends FlowNode> {
    run(node: Node, at: NodeRun, services: FlowServices): Promise<SiblingOutcome | undefined>
}

/** The core's registry: one handler per node kind. */
export type NodeHandlers = {
    [Kind in FlowNode['kind']]: NodeHandler<Kind extends 'action' ? ActionNode : LogicNode>
}

/** A built-in action's call: its resolved inputs, its log, and the wait it resumes (after a restart). */
export interface ActionCall {
    readonly run: FlowRun
    readonly node: ActionNode
    readonly inputs: Map<string, RunValue>
    readonly log: StepLog
    readonly scope: Scope
    readonly resumedWait: WaitState | undefined
    /** An input's resolved text; '' when absent. */
    input(name: string): string
}

/** A built-in action (Flow Designer's own, by name): its outputs as data pills. */
export type BuiltInAction = (call: ActionCall, services: FlowServices) => Promise<Map<string, RunValue>>
