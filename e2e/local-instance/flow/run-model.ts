// What a flow run is while it runs and as it is stored: its log (runs and steps), the data pills
// it has so far, and where it goes on from after a restart (the path down to the node and what it
// waits for there). Every construct module and the core share these shapes.
import type { ApprovalDecision, ResolvedCondition } from '../../../scripts/lib/update-set/index'
import type { ApprovalDueAction } from '../flow-model'
import type { ScriptLogLevel } from '../glide-sandbox'
import type { Database } from '../tables'

export type FlowRunStatus = 'queued' | 'running' | 'waiting' | 'complete' | 'error' | 'not_started'
export type StepStatus = 'running' | 'waiting' | 'complete' | 'error' | 'skipped'

export interface StepLog {
    uiId: string
    order: number
    depth: number
    name: string
    kind: 'action' | 'logic' | 'script-step'
    status: StepStatus
    inputs: Record<string, string>
    outputs: Record<string, string>
    messages: { level: ScriptLogLevel; message: string }[]
    error?: string
    startedAt: string
    endedAt?: string
}

export interface FlowRun {
    id: string
    flowSysId: string
    flowName: string
    status: FlowRunStatus
    /** Why a run is waiting, failed or did not start. */
    reason?: string
    trigger: { table: string; sysId: string; number: string }
    runAsUserSysId: string
    startedAt: string
    endedAt?: string
    steps: StepLog[]
}

export interface RunValue {
    value: string
    /** Set when the value is a reference to a record of this table. */
    table?: string
}

/** The data pills of a run: by source (the trigger, a step's ui_id, `flow_variable`), by name. */
export type Scope = Map<string, Map<string, RunValue>>

export interface ResolvedRuleSet {
    decides: ApprovalDecision[]
    rules: ResolvedCondition[][]
}

/** Wait For Condition's wait: the record, its condition, and when the timeout passes. */
export interface ConditionWait {
    kind: 'condition'
    description: string
    table: string
    sysId: string
    conditions: string
    /** When the timeout passes (epoch ms on the database's clock); none: no timeout. */
    dueAt?: number
}

/** Ask For Approval's wait: the approvals asked for, the rules deciding them, the due date. */
export interface ApprovalWait {
    kind: 'approval'
    description: string
    table: string
    sysId: string
    approvalIds: string[]
    ruleSets: ResolvedRuleSet[]
    approvalField: string
    journalField: string
    /** Ask For Approval's due date: when (epoch ms on the database's clock, as `date`) and what then. */
    due?: { at: number; date: string; action: ApprovalDueAction }
}

/** What a waiting run waits for, in a form that is stored and resumed from. */
export type WaitState = ConditionWait | ApprovalWait

/** Where a run goes on from: node indexes from the flow's top level down, and the wait there (if any). */
export interface ResumePoint {
    path: number[]
    wait?: WaitState
    /** The action at the path has completed: go on with the node after it. */
    after?: boolean
}

/** A run as stored: its log and, until it ends, where it goes on from with the data pills so far. */
export interface FlowContext {
    run: FlowRun
    resume?: ResumePoint & { scope: [string, [string, RunValue][]][] }
}

/** Timers are injected so that tests (and the e2e harness) can let a timeout pass at once. */
export interface FlowTimers {
    /** Calls `callback` after `milliseconds`; returns a function cancelling it. */
    schedule(milliseconds: number, callback: () => void): () => void
}

/** A step's failure: an action failing, an input it cannot use. A Try catches these, nothing else. */
export class FlowRunError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'FlowRunError'
    }
}

/** End Flow: stops the run as complete, through any Try. */
export class EndFlowSignal extends Error {}

/** A user's user_name for logs and notes; 'system' for none (a run as the system). */
export function userName(database: Database, userSysId: string): string {
    return database.get('sys_user', userSysId)?.user_name ?? 'system'
}
