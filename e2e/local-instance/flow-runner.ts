// Executes flows as Flow Designer does: in the background after the trigger, action by action,
// honouring If/Else, pausing at approvals and waits until a record change satisfies them (the
// runner listens to table changes; it never polls). Every run keeps a log of its steps.
//
// With a store (--data-dir), a run is stored when it starts, after each action, each time it starts
// to wait (where: the path of node indexes down to the action, the data pills so far, and what it
// waits for: the record and condition with the timeout's due time, or the approvals and their
// rules; the approvals are stored with the run in one transaction) and when it ends. `resume` picks
// stored runs up after a restart: a wait is entered again (a timeout whose due time passed fires at
// once), a run stopped in an action goes on with that action, which runs again (at least once,
// never lost: a Kpow call in flight at the kill is made again).
import type { Database, StoredRecord } from './tables'
import { TableError, glideDateTime, newSysId } from './tables'
import type { ActionNode, FlowCatalog, FlowDefinition, FlowNode, LogicNode } from './flow-model'
import type { ApprovalDueAction } from './flow-model'
import {
    catalogVariableIds,
    dueActionState,
    glideDateTimeMilliseconds,
    isTrue,
    parseApprovalDueDate,
    timeoutMilliseconds,
} from './flow-model'
import type { DataPill, EncodedQuery, ApprovalDecision, ResolvedCondition } from '../../scripts/lib/update-set/index'
import {
    replaceDataPills,
    singlePill,
    matchesEncodedQuery,
    parseEncodedQuery,
    decideApproval,
} from '../../scripts/lib/update-set/index'
import type { JavaScriptLevel, SandboxHost, ScriptLogLevel } from './glide-sandbox'
import { runPlatformScript } from './glide-sandbox'
import type { FlowContextStore } from './store'
import { queueEvent } from './notifications'

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

type Scope = Map<string, Map<string, RunValue>>

/** End Flow: stops the run as complete, through any Try. */
class EndFlowSignal extends Error {}

interface RunValue {
    value: string
    /** Set when the value is a reference to a record of this table. */
    table?: string
}

interface ResolvedRuleSet {
    decides: ApprovalDecision[]
    rules: ResolvedCondition[][]
}

/** What a waiting run waits for, in a form that is stored and resumed from. */
type WaitState =
    | {
          kind: 'condition'
          description: string
          table: string
          sysId: string
          conditions: string
          /** When the timeout passes (epoch ms on the database's clock); none: no timeout. */
          dueAt?: number
      }
    | {
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

/** Where a run goes on from: node indexes from the flow's top level down, and the wait there (if any). */
interface ResumePoint {
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

export const realTimers: FlowTimers = {
    schedule(milliseconds, callback) {
        const handle = setTimeout(callback, milliseconds)
        handle.unref()
        return () => clearTimeout(handle)
    },
}

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

export class FlowRunError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'FlowRunError'
    }
}

export class FlowEngine {
    private readonly flowRuns: FlowRun[] = []
    private busy = 0
    private idleWaiters: (() => void)[] = []
    /** Where each unfinished run is (node index per level) and its data pills, for storing it. */
    private readonly positions = new WeakMap<FlowRun, { path: number[]; scope: Scope }>()
    /** Set by `stop`: runs go no further and nothing more is stored (the store is closing). */
    private stopped = false

    constructor(private readonly options: FlowEngineOptions) {}

    runs(): readonly FlowRun[] {
        return this.flowRuns
    }

    /** Stops every run where it is (as a process exit would), so that nothing writes to a closed store. */
    stop(): void {
        this.stopped = true
    }

    /** Resolves once every run is waiting on a record or finished. */
    whenIdle(): Promise<void> {
        if (this.busy === 0) return Promise.resolve()
        return new Promise((resolve) => this.idleWaiters.push(resolve))
    }

    /** Starts the flow in the background for a requested item, as the Service Catalog trigger does. */
    startForRequestedItem(flow: FlowDefinition, requestItem: StoredRecord, triggeringUserSysId: string): FlowRun {
        // run_as system: scripts run as the system (gs.getUserID() is empty), writes are by 'system'.
        const runAsUserSysId = flow.runAs === 'system' ? '' : triggeringUserSysId
        const run: FlowRun = {
            id: newSysId(),
            flowSysId: flow.sysId,
            flowName: flow.name,
            status: 'queued',
            trigger: { table: 'sc_req_item', sysId: requestItem.sys_id, number: requestItem.number ?? '' },
            runAsUserSysId,
            startedAt: this.now(),
            steps: [],
        }
        this.flowRuns.push(run)
        // The platform runs only an active, published flow: a committed set leaves its flows draft.
        const state = this.options.database.get('sys_hub_flow', flow.sysId)
        if (state?.active !== 'true') {
            run.status = 'not_started'
            run.reason = `flow "${flow.name}" is not active (status ${state?.status || 'draft'}); activate it first, as after an update set import`
            run.endedAt = run.startedAt
            this.store(run)
            return run
        }
        const scope: Scope = new Map([
            [
                flow.trigger.pillSource,
                new Map<string, RunValue>([
                    ['request_item', { value: requestItem.sys_id, table: 'sc_req_item' }],
                    ['table_name', { value: 'sc_req_item' }],
                ]),
            ],
            ['flow_variable', new Map<string, RunValue>(flow.flowVariables.map((name) => [name, { value: '' }]))],
        ])
        this.drive(run, flow, scope, undefined)
        return run
    }

    /**
     * Picks up stored runs after a restart: finished ones are listed, unfinished ones go on from
     * where they were stored (a wait is entered again; a timeout already due fires at once).
     */
    resume(contexts: readonly FlowContext[]): void {
        for (const { run, resume } of contexts) {
            this.flowRuns.push(run)
            if (!resume) continue
            const flow = this.options.catalog().flows.find((candidate) => candidate.sysId === run.flowSysId)
            if (!flow) {
                run.status = 'error'
                run.reason = `flow "${run.flowName}" is no longer committed: the run cannot go on after the restart`
                run.endedAt = this.now()
                this.store(run)
                continue
            }
            const scope: Scope = new Map(resume.scope.map(([source, values]) => [source, new Map(values)]))
            this.drive(run, flow, scope, resume.path.length > 0 ? resume : undefined)
        }
    }

    /** Runs the flow in the background (from a resume point after a restart), storing it as it goes. */
    private drive(run: FlowRun, flow: FlowDefinition, scope: Scope, resume: ResumePoint | undefined): void {
        this.positions.set(run, { path: [], scope })
        this.store(run)
        this.enter()
        setImmediate(() => {
            if (this.stopped) {
                this.leave()
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
                    run.endedAt = this.now()
                    this.positions.delete(run)
                    this.store(run)
                    this.leave()
                })
        })
    }

    /** Stores the run: with where it goes on from while it has not ended. */
    private store(run: FlowRun, wait?: WaitState, after?: boolean): void {
        const contexts = this.options.contexts
        if (!contexts || this.stopped) return
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

    /**
     * Flow Designer's "Test" of an action: runs it alone with literal inputs, as `runAsUserSysId`,
     * logged as a run of its own. Lets a caller hand an action values no form would let through.
     */
    async testAction(actionSysId: string, inputs: Record<string, string>, runAsUserSysId: string): Promise<FlowRun> {
        const action = this.options.catalog().actions.get(actionSysId)
        if (!action) throw new FlowRunError(`custom action ${actionSysId} is not loaded`)
        const run: FlowRun = {
            id: newSysId(),
            flowSysId: action.sysId,
            flowName: `Test of action "${action.name}"`,
            status: 'running',
            trigger: { table: 'sys_hub_action_type_definition', sysId: action.sysId, number: '' },
            runAsUserSysId,
            startedAt: this.now(),
            steps: [],
        }
        this.flowRuns.push(run)
        const node: ActionNode = {
            kind: 'action',
            uiId: 'test',
            sysId: action.sysId,
            order: 1,
            label: action.name,
            customActionId: action.sysId,
            inputs: [],
        }
        const log = this.openStep(run, node, 0, 'action', { ...inputs })
        this.enter()
        try {
            const outputs = await this.runCustomAction(
                run,
                node,
                new Map(Object.entries(inputs).map(([name, value]) => [name, { value }])),
                log,
                0
            )
            this.closeStep(
                log,
                'complete',
                Object.fromEntries([...outputs].map(([name, value]) => [name, value.value]))
            )
            run.status = 'complete'
        } catch (error) {
            log.error = error instanceof Error ? error.message : String(error)
            this.closeStep(log, 'error', {})
            run.status = 'error'
            run.reason = log.error
        } finally {
            run.endedAt = this.now()
            this.leave()
        }
        return run
    }

    /**
     * Runs the nodes in order; with `resume`, from the node at its first index: a block (If, Else,
     * Try, Catch) the run was inside is entered again without being decided again, the waiting
     * action waits again.
     */
    private async runNodes(
        run: FlowRun,
        nodes: FlowNode[],
        scope: Scope,
        depth: number,
        resume?: ResumePoint
    ): Promise<void> {
        const path = this.positions.get(run)?.path ?? []
        const level = path.length
        path.push(0)
        try {
            await this.runNodesFrom(run, nodes, scope, depth, resume, (index) => (path[level] = index))
        } finally {
            path.length = level
        }
    }

    private async runNodesFrom(
        run: FlowRun,
        nodes: FlowNode[],
        scope: Scope,
        depth: number,
        resume: ResumePoint | undefined,
        at: (index: number) => void
    ): Promise<void> {
        let previousIfTaken: boolean | undefined
        let previousTryError: string | undefined
        const start = resume?.path[0] ?? 0
        for (const [index, node] of nodes.entries()) {
            if (index < start) continue
            at(index)
            const resuming = index === start ? resume : undefined
            if (resuming?.after && resuming.path.length === 1) continue
            // Inside this block (a deeper path), or waiting at this action (the path ends here).
            const inside =
                resuming && resuming.path.length > 1 ? { ...resuming, path: resuming.path.slice(1) } : undefined
            const ifTaken = previousIfTaken
            const tryError = previousTryError
            previousIfTaken = undefined
            previousTryError = undefined
            switch (node.kind) {
                case 'action':
                    await this.runAction(run, node, scope, depth, resuming?.wait)
                    break
                case 'if':
                    previousIfTaken = inside ? true : this.runIf(run, node, scope, depth)
                    if (previousIfTaken) await this.runNodes(run, node.children, scope, depth + 1, inside)
                    break
                case 'else': {
                    if (inside) {
                        await this.runNodes(run, node.children, scope, depth + 1, inside)
                        break
                    }
                    const taken = ifTaken === false
                    this.closeStep(this.openStep(run, node, depth, 'logic', {}), taken ? 'complete' : 'skipped', {
                        branch: taken ? 'taken' : 'not taken',
                    })
                    if (taken) await this.runNodes(run, node.children, scope, depth + 1)
                    break
                }
                case 'setFlowVariables': {
                    const assigned = Object.fromEntries(
                        node.variables.map((variable) => [variable.name, this.resolveText(variable.value, scope)])
                    )
                    const flowVariables = scope.get('flow_variable') ?? new Map<string, RunValue>()
                    for (const [name, value] of Object.entries(assigned)) flowVariables.set(name, { value })
                    scope.set('flow_variable', flowVariables)
                    this.closeStep(this.openStep(run, node, depth, 'logic', {}), 'complete', assigned)
                    break
                }
                case 'endFlow':
                    this.closeStep(this.openStep(run, node, depth, 'logic', {}), 'complete', {})
                    throw new EndFlowSignal()
                case 'try': {
                    const log =
                        (inside && this.lastStep(run, node.uiId)) || this.openStep(run, node, depth, 'logic', {})
                    try {
                        await this.runNodes(run, node.children, scope, depth + 1, inside)
                        this.closeStep(log, 'complete', { outcome: 'no error' })
                    } catch (error) {
                        if (!(error instanceof FlowRunError)) throw error
                        previousTryError = error.message
                        this.closeStep(log, 'complete', { outcome: 'error caught', error: error.message })
                    }
                    break
                }
                case 'catch': {
                    if (inside) {
                        await this.runNodes(run, node.children, scope, depth + 1, inside)
                        break
                    }
                    const taken = tryError !== undefined
                    this.closeStep(
                        this.openStep(run, node, depth, 'logic', tryError ? { error: tryError } : {}),
                        taken ? 'complete' : 'skipped',
                        {
                            branch: taken ? 'taken' : 'not taken',
                        }
                    )
                    if (taken) await this.runNodes(run, node.children, scope, depth + 1)
                    break
                }
                default: {
                    const unreachable: never = node
                    throw new FlowRunError(`unknown flow node ${JSON.stringify(unreachable)}`)
                }
            }
        }
    }

    private runIf(run: FlowRun, node: LogicNode, scope: Scope, depth: number): boolean {
        const log = this.openStep(run, node, depth, 'logic', { condition: node.condition })
        const query = this.withPillValues(parseEncodedQuery(node.condition), scope)
        const resolvedFields: Record<string, string> = {}
        const taken = matchesEncodedQuery(query, (field) => {
            const value = this.resolveText(field, scope)
            resolvedFields[field] = value
            return value
        })
        this.closeStep(log, 'complete', { ...resolvedFields, result: String(taken) })
        return taken
    }

    private withPillValues(query: EncodedQuery, scope: Scope): EncodedQuery {
        return {
            ...query,
            alternatives: query.alternatives.map((clauses) =>
                clauses.map((terms) => terms.map((term) => ({ ...term, value: this.resolveText(term.value, scope) })))
            ),
        }
    }

    private async runAction(
        run: FlowRun,
        node: ActionNode,
        scope: Scope,
        depth: number,
        resumedWait?: WaitState
    ): Promise<void> {
        const resolved = new Map(node.inputs.map((input) => [input.name, this.resolveValue(input.value, scope)]))
        const shownInputs = Object.fromEntries([...resolved].map(([name, value]) => [name, value.value]))
        const log =
            (resumedWait && this.lastStep(run, node.uiId)) || this.openStep(run, node, depth, 'action', shownInputs)
        try {
            const outputs = node.builtIn
                ? await this.runBuiltIn(run, node, resolved, log, scope, resumedWait)
                : await this.runCustomAction(run, node, resolved, log, depth)
            scope.set(node.uiId, outputs)
            this.closeStep(
                log,
                'complete',
                Object.fromEntries([...outputs].map(([name, value]) => [name, value.value]))
            )
            this.store(run, undefined, true)
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            log.error = message
            this.closeStep(log, 'error', {})
            throw new FlowRunError(`${node.label} (#${String(node.order)}) failed: ${message}`)
        }
    }

    private async runBuiltIn(
        run: FlowRun,
        node: ActionNode,
        inputs: Map<string, RunValue>,
        log: StepLog,
        scope: Scope,
        resumedWait?: WaitState
    ): Promise<Map<string, RunValue>> {
        const database = this.options.database
        const input = (name: string) => inputs.get(name)?.value ?? ''
        const author = this.userName(run.runAsUserSysId)
        switch (node.builtIn) {
            case 'getCatalogVariables': {
                const itemId = input('requested_item')
                const outputs = new Map<string, RunValue>()
                for (const variableId of catalogVariableIds(node)) {
                    const variable = database.require('item_option_new', variableId)
                    outputs.set(variable.name ?? '', { value: catalogVariableValue(database, itemId, variableId) })
                }
                return outputs
            }
            case 'updateRecord': {
                const table = input('table_name')
                const sysId = input('record')
                // Field by field, as Flow Designer does: the template is split into fields first and
                // each field's pills are resolved after, so a value holding "^" or "=" stays text.
                const template = node.inputs.find((candidate) => candidate.name === 'values')?.value ?? ''
                const values = Object.fromEntries(
                    Object.entries(parseTemplateValues(template)).map(([field, value]) => [
                        field,
                        this.resolveText(value, scope),
                    ])
                )
                database.update(table, sysId, values, author)
                return new Map([
                    ['record', { value: sysId, table }],
                    ['table_name', { value: table }],
                ])
            }
            case 'waitForCondition': {
                if (resumedWait?.kind === 'condition') {
                    const remaining = Math.max(0, (resumedWait.dueAt ?? 0) - database.now().getTime())
                    const outcome = await this.waitForRecord(
                        run,
                        log,
                        resumedWait,
                        resumedWait.dueAt === undefined ? undefined : remaining
                    )
                    return new Map([['state', { value: outcome === 'timeout' ? '1' : '0' }]])
                }
                const record = inputs.get('record')
                const table = input('table_name') || record?.table || ''
                const sysId = record?.value ?? ''
                const conditions = input('conditions')
                database.require(table, sysId)
                const timeout = isTrue(input('timeout_flag'))
                    ? timeoutMilliseconds(input('timeout_duration'))
                    : undefined
                // A computed timeout (a pill) must be a duration when the wait starts; never wait unbounded.
                if (isTrue(input('timeout_flag')) && timeout === undefined)
                    throw new FlowRunError(
                        `timeout_duration "${input('timeout_duration')}" is not a duration (expected 1970-01-01 HH:mm:ss)`
                    )
                const wait: WaitState = {
                    kind: 'condition',
                    description: `record ${table} ${sysId} to match "${parseEncodedQuery(conditions).text}"${timeout === undefined ? '' : ` (timeout ${String(timeout)} ms)`}`,
                    table,
                    sysId,
                    conditions,
                    dueAt: timeout === undefined ? undefined : database.now().getTime() + timeout,
                }
                const outcome = await this.waitForRecord(run, log, wait, timeout)
                // State 0: the condition was met; 1: the wait timed out.
                return new Map([['state', { value: outcome === 'timeout' ? '1' : '0' }]])
            }
            case 'lookUpRecord': {
                const table = input('table')
                const matches = database.query(table, input('conditions'))
                const descending = input('sort_type') === 'sort_desc'
                const found = descending ? matches[matches.length - 1] : matches[0]
                log.messages.push({ level: 'debug', message: `${String(matches.length)} record(s) match` })
                if (!found) {
                    if (!isTrue(input('__snc_dont_fail_on_error')))
                        throw new FlowRunError(
                            `Look Up Record found no ${table} record matching "${input('conditions')}"`
                        )
                    return new Map([
                        ['Record', { value: '', table }],
                        ['Table', { value: table }],
                        ['status', { value: '1' }],
                        ['error_message', { value: 'No record found' }],
                    ])
                }
                return new Map([
                    ['Record', { value: found.sys_id, table }],
                    ['Table', { value: table }],
                    ['status', { value: '0' }],
                    ['error_message', { value: '' }],
                ])
            }
            case 'fireEvent': {
                // The event input names the registered event (the SDK writes its name; a sys_id of the
                // sysevent_register record is read as that record's name).
                const named = input('event_name')
                const name = database.get('sysevent_register', named)?.event_name ?? named
                const record = inputs.get('record')
                const table = input('table') || record?.table || ''
                const queued = queueEvent(database, {
                    name,
                    table,
                    sysId: record?.value ?? '',
                    parm1: input('parm1'),
                    parm2: input('parm2'),
                    userSysId: run.runAsUserSysId,
                })
                log.messages.push({
                    level: 'info',
                    message: `event ${name} queued: ${String(queued.emails.length)} email(s) to the outbox`,
                })
                return new Map()
            }
            case 'askForApproval':
                return new Map([
                    [
                        'approval_state',
                        {
                            value: await this.askForApproval(
                                run,
                                node,
                                inputs,
                                log,
                                scope,
                                resumedWait?.kind === 'approval' ? resumedWait : undefined
                            ),
                        },
                    ],
                ])
            case undefined:
                throw new FlowRunError(`${node.label} is not a built-in action`)
        }
    }

    private async askForApproval(
        run: FlowRun,
        node: ActionNode,
        inputs: Map<string, RunValue>,
        log: StepLog,
        scope: Scope,
        resumedWait?: Extract<WaitState, { kind: 'approval' }>
    ): Promise<ApprovalDecision | 'cancelled'> {
        // The approvals and the run waiting on them are stored together: a restart finds both or neither.
        const wait =
            resumedWait ??
            this.options.database.transaction(() => {
                const requested = this.requestApprovals(node, inputs, log, scope)
                if (requested !== 'approved') this.store(run, requested)
                return requested
            })
        if (wait === 'approved') return 'approved'
        const database = this.options.database
        const { table, sysId, approvalIds, ruleSets, approvalField, journalField } = wait
        const decide = (): ApprovalDecision | undefined => {
            const states = new Map(
                approvalIds.map((approvalId) => {
                    const approval = database.require('sysapproval_approver', approvalId)
                    return [approval.approver ?? '', approval.state ?? '']
                })
            )
            return decideApproval(ruleSets, states)
        }
        let decision = decide()
        let duePassed = false
        if (!decision) {
            const { due } = wait
            const outcome = await this.waitFor(
                run,
                log,
                wait,
                (change) => {
                    if (change.table !== 'sysapproval_approver' || !approvalIds.includes(change.sysId)) return false
                    decision = decide()
                    return decision !== undefined
                },
                due && Math.max(0, due.at - database.now().getTime())
            )
            // The due date passed with the approval undecided: what is still requested gets the due
            // action's state (as the system), and that state is the approval's outcome.
            if (outcome === 'timeout' && due) {
                duePassed = true
                for (const approvalId of approvalIds) {
                    if (database.require('sysapproval_approver', approvalId).state === 'requested')
                        database.update(
                            'sysapproval_approver',
                            approvalId,
                            { state: dueActionState[due.action] },
                            'system'
                        )
                }
                log.messages.push({
                    level: 'info',
                    message: `due date ${due.date} passed without a decision: ${dueActionState[due.action]}`,
                })
            }
        }
        // Approvals cancelled because the item closed (task-rules.ts) end the approval as cancelled: nothing was decided.
        const cancelled = approvalIds.every(
            (approvalId) => database.require('sysapproval_approver', approvalId).state === 'cancelled'
        )
        const outcome =
            duePassed && wait.due ? dueActionState[wait.due.action] : cancelled ? 'cancelled' : (decision ?? 'rejected')
        for (const approvalId of approvalIds) {
            if (database.require('sysapproval_approver', approvalId).state === 'requested') {
                database.update('sysapproval_approver', approvalId, { state: 'not_required' }, 'system')
            }
        }
        const values: Record<string, string> = { [approvalField]: outcome }
        if (journalField)
            values[journalField] =
                `${outcome === 'approved' ? 'Approved' : outcome === 'rejected' ? 'Rejected' : 'Cancelled'}${duePassed ? ` at the due date ${wait.due?.date ?? ''}, nobody having decided` : ''} (${this.decisionSummary(approvalIds)})`
        database.update(table, sysId, values, 'system')
        return outcome
    }

    /** Creates the approval records the rules need; 'approved' when no approver resolves (as the platform does). */
    private requestApprovals(
        node: ActionNode,
        inputs: Map<string, RunValue>,
        log: StepLog,
        scope: Scope
    ): Extract<WaitState, { kind: 'approval' }> | 'approved' {
        const database = this.options.database
        const table = inputs.get('table')?.value ?? ''
        const sysId = inputs.get('record')?.value ?? ''
        const approvalField = inputs.get('approval_field')?.value || 'approval'
        const journalField = inputs.get('journal_field')?.value || ''
        if (table !== 'sc_req_item')
            throw new FlowRunError(`Ask For Approval on table "${table}" is not supported (only sc_req_item)`)
        database.require(table, sysId)
        const due = this.approvalDue(node, scope)
        const ruleSets = (node.approvalRules ?? []).map((ruleSet) => ({
            decides: ruleSet.decides,
            rules: ruleSet.rules.map((rule) =>
                rule.map((condition): ResolvedCondition => ({
                    condition,
                    approvers: this.resolveApprovers(condition.users, condition.groups, scope),
                }))
            ),
        }))
        const approvers = [
            ...new Set(ruleSets.flatMap((ruleSet) => ruleSet.rules.flat().flatMap((resolved) => resolved.approvers))),
        ]
        log.inputs.resolved_approvers = approvers.map((approver) => this.userName(approver)).join(', ')
        if (approvers.length === 0) {
            // What the platform does when every approver pill is empty (e.g. a requester without a
            // manager): the approval is granted at once. Flows must guard against it themselves.
            log.messages.push({ level: 'warn', message: 'No approvers resolved: approved at once, as on the platform' })
            database.update(table, sysId, { [approvalField]: 'approved' }, 'system')
            return 'approved'
        }
        database.update(table, sysId, { [approvalField]: 'requested' }, 'system')
        const approvalIds = approvers.map(
            (approver) =>
                database.insert(
                    'sysapproval_approver',
                    {
                        approver,
                        sysapproval: sysId,
                        source_table: table,
                        document_id: sysId,
                        state: 'requested',
                        due_date: due?.date ?? '',
                    },
                    'system'
                ).sys_id
        )
        return {
            kind: 'approval',
            description: `approval by ${log.inputs.resolved_approvers}`,
            table,
            sysId,
            approvalIds,
            ruleSets,
            approvalField,
            journalField,
            due: due && due.action !== 'none' ? { ...due, action: due.action } : undefined,
        }
    }

    /**
     * The due date of an Ask For Approval: its date split out of the JSON before its pill is resolved;
     * a resolved date that is not a date-time fails the action (never an approval without its deadline).
     */
    private approvalDue(
        node: ActionNode,
        scope: Scope
    ): { at: number; date: string; action: ApprovalDueAction | 'none' } | undefined {
        const text = node.inputs.find((input) => input.name === 'due_date')?.value ?? ''
        if (text === '') return undefined
        const dueDate = parseApprovalDueDate(text)
        if (typeof dueDate === 'string') throw new FlowRunError(dueDate)
        const date = this.resolveText(dueDate.date, scope).trim()
        const at = glideDateTimeMilliseconds(date)
        if (at === undefined) {
            if (dueDate.action === 'none') return undefined
            throw new FlowRunError(
                `due_date's date "${dueDate.date}" is "${date}", not a date-time (expected YYYY-MM-DD HH:mm:ss)`
            )
        }
        return { at, date, action: dueDate.action }
    }

    private decisionSummary(approvalIds: string[]): string {
        const database = this.options.database
        return approvalIds
            .map((approvalId) => database.require('sysapproval_approver', approvalId))
            .map((approval) => `${this.userName(approval.approver ?? '')}: ${approval.state ?? ''}`)
            .join('; ')
    }

    private resolveApprovers(users: string[], groups: string[], scope: Scope): string[] {
        const database = this.options.database
        const ids = (entries: string[]) =>
            entries
                .flatMap((entry) => this.resolveText(entry, scope).split(','))
                .map((value) => value.trim())
                .filter((value) => value !== '')
        const groupMembers = ids(groups).flatMap((groupId) =>
            database.query('sys_user_grmember', `group=${groupId}`).map((member) => member.user ?? '')
        )
        return [...new Set([...ids(users), ...groupMembers])].filter(
            (userId) => database.get('sys_user', userId)?.active !== 'false'
        )
    }

    private async runCustomAction(
        run: FlowRun,
        node: ActionNode,
        inputs: Map<string, RunValue>,
        log: StepLog,
        depth: number
    ): Promise<Map<string, RunValue>> {
        const action = this.options.catalog().actions.get(node.customActionId ?? '')
        if (!action) throw new FlowRunError(`custom action ${node.customActionId ?? ''} is not loaded`)
        const actionInputs = new Map([...inputs].map(([name, value]) => [name, value.value]))
        const stepOutputs = new Map<string, Map<string, string>>()
        const resolveInAction = (value: string) =>
            replaceDataPills(value, (pill) => {
                if (pill.source === 'action') return actionInputs.get(pill.path[0] ?? '') ?? ''
                const cid = /^step\[(.+)\]$/.exec(pill.source)?.[1] ?? ''
                return stepOutputs.get(cid)?.get(pill.path[0] ?? '') ?? ''
            })
        for (const step of action.steps) {
            const scriptInputs = Object.fromEntries(
                step.inputs.map((input) => [input.name, resolveInAction(input.value)])
            )
            const stepLog = this.openStep(
                run,
                { uiId: `${node.uiId}/${step.cid}`, order: step.order, label: `${action.name} / ${step.label}` },
                depth + 1,
                'script-step',
                scriptInputs
            )
            const outputs: Record<string, unknown> = {}
            try {
                await runPlatformScript(
                    this.options.sandboxHost(run.runAsUserSysId, (level, message) =>
                        stepLog.messages.push({ level, message })
                    ),
                    {
                        script: step.script,
                        recordName: `${action.updateName} (action "${action.name}", step "${step.label}")`,
                        level: this.options.javaScriptLevel(),
                        globals: { inputs: { ...scriptInputs }, outputs },
                        timeScale: this.options.scriptTimeScale,
                    }
                )
            } catch (error) {
                stepLog.error = error instanceof Error ? error.message : String(error)
                this.closeStep(stepLog, 'error', {})
                throw error
            }
            const declared = new Map(
                step.outputs.map((name) => [
                    name,
                    outputs[name] === undefined || outputs[name] === null ? '' : String(outputs[name]),
                ])
            )
            stepOutputs.set(step.cid, declared)
            this.closeStep(stepLog, 'complete', Object.fromEntries(declared))
        }
        log.messages.push({ level: 'debug', message: `${String(action.steps.length)} step(s) of "${action.name}" ran` })
        return new Map(action.outputs.map((output) => [output.name, { value: resolveInAction(output.value) }]))
    }

    /** Waits until the record matches the wait's condition (at once if it does), or the timeout passes. */
    private waitForRecord(
        run: FlowRun,
        log: StepLog,
        wait: Extract<WaitState, { kind: 'condition' }>,
        timeoutMs: number | undefined
    ): Promise<'condition' | 'timeout'> {
        const database = this.options.database
        const query = parseEncodedQuery(wait.conditions)
        const satisfied = () =>
            matchesEncodedQuery(query, (field) => database.resolvePath(wait.table, wait.sysId, field))
        if (satisfied()) return Promise.resolve('condition')
        return this.waitFor(
            run,
            log,
            wait,
            (change) => change.table === wait.table && change.sysId === wait.sysId && satisfied(),
            timeoutMs
        )
    }

    /** Pauses the run (stored with what it waits for) until a record change makes `done` true, or the timeout passes. */
    private waitFor(
        run: FlowRun,
        log: StepLog,
        wait: WaitState,
        done: (change: { table: string; sysId: string }) => boolean,
        timeoutMs?: number
    ): Promise<'condition' | 'timeout'> {
        run.status = 'waiting'
        run.reason = `waiting for ${wait.description}`
        log.status = 'waiting'
        this.store(run, wait)
        this.leave()
        return new Promise((resolve) => {
            let cancelTimer = () => {}
            const resume = (outcome: 'condition' | 'timeout') => {
                if (this.stopped) return
                stopListening()
                cancelTimer()
                this.enter()
                run.status = 'running'
                delete run.reason
                log.status = 'running'
                log.messages.push({
                    level: 'info',
                    message: outcome === 'timeout' ? 'wait timed out' : 'condition met',
                })
                resolve(outcome)
            }
            const stopListening = this.options.database.onChange((change) => {
                if (done(change)) resume('condition')
            })
            if (timeoutMs !== undefined) cancelTimer = this.options.timers.schedule(timeoutMs, () => resume('timeout'))
        })
    }

    /** A value that is exactly one pill keeps its table (a record stays a record). */
    private resolveValue(value: string, scope: Scope): RunValue {
        const pill = singlePill(value)
        if (pill) return this.resolvePill(pill, scope)
        return { value: this.resolveText(value, scope) }
    }

    private resolveText(value: string, scope: Scope): string {
        return replaceDataPills(value, (pill) => this.resolvePill(pill, scope).value)
    }

    private resolvePill(pill: DataPill, scope: Scope): RunValue {
        if (pill.source === 'static') return { value: pill.path.join('.') }
        const [output, ...walk] = pill.path
        const base = scope.get(pill.source)?.get(output ?? '')
        // A pill from a step that did not run (another branch) is empty, as in Flow Designer.
        if (!base) return { value: '' }
        if (walk.length === 0) return base
        if (!base.table)
            throw new TableError(`{{${pill.text}}} dot-walks from "${output ?? ''}", which is not a record`)
        const database = this.options.database
        const path = walk.join('.')
        const target = database.describePath(base.table, path)
        const value = base.value === '' ? '' : database.resolvePath(base.table, base.value, path)
        return target.field.type === 'reference' ? { value, table: target.field.reference ?? '' } : { value }
    }

    private openStep(
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
    private lastStep(run: FlowRun, uiId: string): StepLog | undefined {
        return run.steps.findLast((step) => step.uiId === uiId)
    }

    private closeStep(log: StepLog, status: StepStatus, outputs: Record<string, string>): void {
        log.status = status
        log.outputs = outputs
        log.endedAt = this.now()
    }

    private userName(userSysId: string): string {
        return this.options.database.get('sys_user', userSysId)?.user_name ?? 'system'
    }

    private now(): string {
        return glideDateTime(this.options.database.now())
    }

    private enter(): void {
        this.busy += 1
    }

    private leave(): void {
        this.busy -= 1
        if (this.busy === 0) {
            const waiters = this.idleWaiters
            this.idleWaiters = []
            for (const resolve of waiters) resolve()
        }
    }
}

/** Update Record's `values`: `field=value^field=value^EQ`, split before any pill is replaced. */
export function parseTemplateValues(template: string): Record<string, string> {
    const values: Record<string, string> = {}
    for (const part of template.split('^')) {
        if (part === '' || part === 'EQ') continue
        const equals = part.indexOf('=')
        if (equals <= 0) throw new FlowRunError(`template value "${part}" is not field=value`)
        values[part.slice(0, equals)] = part.slice(equals + 1)
    }
    return values
}

export function catalogVariableValue(database: Database, requestItemId: string, variableId: string): string {
    for (const link of database.query('sc_item_option_mtom', `request_item=${requestItemId}`)) {
        const option = database.get('sc_item_option', link.sc_item_option ?? '')
        if (option?.item_option_new === variableId) return option.value ?? ''
    }
    return ''
}
