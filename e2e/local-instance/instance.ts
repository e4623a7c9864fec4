// The local instance: seeds users, receives update sets (the built artifact, not the sources) as a
// deploy sends them or as a file at start, wires connection aliases, and runs the active flows when
// items are ordered. This module composes the jobs, each in its own module: deploying
// (deployment.ts: retrieve, preview, commit, activate), loading (loading.ts), ordering
// (ordering.ts), approvals (approvals.ts), fulfilment (fulfilment.ts), the platform's task rules
// (task-rules.ts) and the flow runner (flow/). Pages and the HTTP server use this API.
import { approvalsFor, recordApprovalDecision } from './approvals'
import type { ClockAdvance } from './clock'
import { InstanceClock } from './clock'
import { LocalInstanceError } from './errors'
import { setItemState } from './fulfilment'
import type { FlowCatalog } from './flow-model'
import type { FlowContext, FlowRun, FlowTimers } from './flow/index'
import { FlowEngine } from './flow/index'
import type { ActivationResult, Progress } from './deployment'
import { Deployment, progressOf } from './deployment'
import type { AliasConnection, LoadReport, UsersFixture } from './loading'
import { configureAliases, fillFixtureGroups, newInstanceDatabase, seedUsers, usersWithAdmin } from './loading'
import type { CatalogEntry, OrderResult } from './ordering'
import { catalogItems, orderCatalogItem, requestItemVariables } from './ordering'
import { sandboxHost } from './sandbox-host'
import { ScriptSandboxPool } from './sandbox-pool'
import { SqliteInstanceStore } from './store'
import { UnsupportedUpdateSetError } from './unsupported'
import type { ApprovalState, RequestItemState } from './schema'
import type { Database, StoredRecord } from './tables'
import { TableError } from './tables'
import { userSysIdOf } from './users'
import { mayCancel, requestItemVisibleTo, requestVisibleTo } from './visibility'
import type { UiActionButton, UiActionOutcome } from './ui-actions'
import { RecordTurns, runUiAction, visibleUiActions } from './ui-actions'

export { LocalInstanceError, OrderRefusedError, StoreUnavailableError } from './errors'
export type { OrderProblem } from './errors'
export type { AliasConnection, UsersFixture } from './loading'
export type { Progress } from './deployment'
export type { UiActionButton } from './ui-actions'
export { UiActionRefusedError } from './ui-actions'

export interface LocalInstanceOptions {
    /**
     * An update set to start with: retrieved, previewed and committed as a deploy would (flows stay
     * draft); refused with everything the instance cannot run. Without it the instance starts empty.
     */
    updateSetXml?: string
    users: UsersFixture
    /**
     * Connections for the set's aliases, keyed by the alias' name (`Kpow API`), id
     * (`x_kpow_jit.Kpow_API`) or sys_id; every alias must have one. Without it, a deploy creates them.
     */
    aliases?: Record<string, AliasConnection>
    /**
     * System properties an administrator sets after the commit (System Properties), by name: each must
     * be a property the set carries. Not applied when resuming a data dir (its values stand).
     */
    properties?: Record<string, string>
    /** Flow timers; default: the instance's clock (advanceClock fires them). */
    timers?: FlowTimers
    /** Real time for the clock; its offset (advanceClock) is added. */
    now?: () => Date
    /**
     * A folder for the instance's state (store.ts): tables, committed sets and flow runs survive a
     * restart. A folder holding an instance already is resumed: its set and connections stand, so
     * `updateSetXml` and `aliases` are not applied. Without it: memory only.
     */
    dataDir?: string
    /**
     * For tests only: multiplies every script's time limit (30 s: script steps, UI action conditions
     * and scripts) and HTTP timeout, so a test can
     * let Kpow be slower than a timeout without waiting 10 s for it (0.05: the create's 10 s timeout
     * becomes 500 ms). Scripts and their notes still read the unscaled numbers. Default 1.
     */
    scriptTimeScale?: number
    /**
     * How many script sandboxes wait ready for the next script steps (sandbox-pool.ts; default 4).
     * 0 makes a fresh one as each step starts: for the lifecycle benchmark's baseline only.
     */
    sandboxPool?: number
}

/** What a start on an existing data dir picked up. */
export interface ResumedState {
    dataDir: string
    /** Flow runs that had not ended and go on (waiting again, or from their last wait). */
    unfinishedFlowRuns: number
}

// The instance's API in roles: each caller takes the narrow one(s) it needs (the pages, the REST API,
// the Table API, the server, tests), so what a caller may touch is visible in its signature.

/** The tables and who the users are: what authentication, role checks and every view read. */
export interface InstanceAccounts {
    readonly database: Database
    /** Every user, the administrator included, with their roles. */
    readonly users: UsersFixture
    userSysId(userName: string): string
    /** Whether the user has the role; `admin` has every role, as on the platform. */
    hasRole(userName: string, role: string): boolean
}

/** Deploying, as a deploy and an administrator do it: retrieve, preview, commit, activate. */
export interface InstanceDeployment {
    /** What the update set given at start loaded; undefined for an instance started empty or resumed. */
    readonly report: LoadReport | undefined
    /** Set when the instance was resumed from a data dir that held one. */
    readonly resumed: ResumedState | undefined
    /** "Import Update Set from XML": the file becomes a retrieved set in state loaded. */
    retrieveUpdateSet(xml: string, asUserName: string): StoredRecord
    /** Deletes a retrieved set, its records and preview problems; what it committed stays. */
    deleteRetrievedUpdateSet(remoteSetId: string): void
    /** Lists what the instance cannot run as preview problems; the progress record of the preview. */
    previewUpdateSet(remoteSetId: string): Progress
    /** Commits a previewed set without errors; a failed progress (and no change) otherwise. */
    commitUpdateSet(remoteSetId: string, asUserName: string): Progress
    /** A CI/CD progress record by id. */
    progress(progressId: string): Progress | undefined
    /** Publishes actions, then activates flows (`wfa_fluent/activate_flows`). */
    activate(request: { flows: string[]; actions: string[] }, asUserName: string): ActivationResult[]
    /** As an administrator does after importing the set (imports leave flows draft): its actions, then the flow. */
    activateFlow(flowName: string): void
}

/** The Service Catalog and what follows an order: requests, approvals, form buttons, the outbox. */
export interface InstanceRequests {
    /** Active catalog items with their variables in form order. */
    catalogItems(): CatalogEntry[]
    /** Orders an item as `asUserName`; starts the item's flow in the background. */
    orderCatalogItem(itemName: string, variables: Record<string, string>, asUserName: string): OrderResult
    /** Values of an item's variables, by variable name. */
    requestItemVariables(requestItemSysId: string): Record<string, string>
    approvalsFor(userName: string, state?: ApprovalState): StoredRecord[]
    approve(approvalSysId: string, asUserName: string, comment?: string): StoredRecord
    reject(approvalSysId: string, asUserName: string, comment?: string): StoredRecord
    /** The item's form saved by a fulfiller: its state, with a work note and an additional comment when given. */
    setItemState(
        requestItemSysId: string,
        state: RequestItemState,
        asUserName: string,
        workNote?: string,
        comment?: string
    ): StoredRecord
    addWorkNote(requestItemSysId: string, note: string, asUserName: string): StoredRecord
    /** The requested item's form buttons (UI actions) the user sees now: their conditions run as that user. */
    uiActionsFor(requestItemSysId: string, userName: string): Promise<UiActionButton[]>
    /**
     * Clicks a form button as the user: its condition is checked again, then its script runs as them
     * (UiActionRefusedError when the condition does not hold; nothing ran).
     */
    runUiAction(requestItemSysId: string, uiActionSysId: string, userName: string): Promise<UiActionOutcome>
    /** The requester's Cancel: the stage says why, and the item closes incomplete (the flow's close-wait sees it). */
    cancelRequest(requestItemSysId: string, asUserName: string, requesterName: string): StoredRecord
    /** The request, if the user may see it (its opener, or a fulfiller). */
    requestVisibleTo(requestSysId: string, userName: string, isFulfiller: boolean): StoredRecord | undefined
    /** The requested item, if the user may see it (requester, approver, or a fulfiller). */
    requestItemVisibleTo(itemSysId: string, userName: string, isFulfiller: boolean): StoredRecord | undefined
    /** Whether the user may Cancel the item (its opener, while open and no longer awaiting approval). */
    mayCancel(item: StoredRecord, userName: string): boolean
    /** The outbox: every email (sys_email), newest first. */
    emails(): StoredRecord[]
}

/** The flows' runs as a run's log page shows them: each run and the committed flow it ran. */
export interface InstanceFlowRuns {
    /** The flows and actions committed so far. */
    readonly catalog: FlowCatalog
    flowRuns(): readonly FlowRun[]
}

/** Test and demo control: the clock flow timers run on, settling, an action run alone. */
export interface InstanceControl {
    /** The instance's clock: real time plus the offset advanceClock adds (kept in the data dir). */
    readonly clock: { now(): Date; readonly offsetMs: number }
    /**
     * Moves the clock ahead (a test or demo control, as mock-kpow's /mock/v1/clock): every flow timer
     * that comes due fires, in due order, each run settling before the next. Refused outside 0..10 years.
     */
    advanceClock(ms: number): Promise<ClockAdvance>
    /** Resolves once every flow run is waiting on a record or finished. */
    whenIdle(): Promise<void>
    /** Flow Designer's "Test" of an action by name: runs it alone with literal inputs, as a user. */
    testAction(actionName: string, inputs: Record<string, string>, asUserName: string): Promise<FlowRun>
}

/** The whole instance, as createLocalInstance returns it to the server and tests that own it. */
export interface LocalInstance
    extends InstanceAccounts, InstanceDeployment, InstanceRequests, InstanceFlowRuns, InstanceControl {
    /** Closes the data dir (releasing its lock); nothing without one. */
    close(): void
}

export function createLocalInstance(options: LocalInstanceOptions): LocalInstance {
    const store = options.dataDir === undefined ? undefined : SqliteInstanceStore.open(options.dataDir)
    try {
        return startInstance(options, store)
    } catch (error) {
        store?.close()
        throw error
    }
}

function setProperties(database: Database, properties: Record<string, string>): void {
    for (const [name, value] of Object.entries(properties)) {
        const [property] = database.query('sys_properties', `name=${name}`)
        if (!property)
            throw new LocalInstanceError(
                `system property ${name} is not in the instance: it comes with the update set (is the set the app's?)`
            )
        database.update('sys_properties', property.sys_id, { value })
    }
}

function startInstance(options: LocalInstanceOptions, store: SqliteInstanceStore | undefined): LocalInstance {
    const scale = options.scriptTimeScale
    if (scale !== undefined && !(Number.isFinite(scale) && scale > 0))
        throw new LocalInstanceError(
            `scriptTimeScale must be a positive number (1 = the platform's own limits), not ${String(scale)}`
        )
    const pool = options.sandboxPool
    if (pool !== undefined && !(Number.isInteger(pool) && pool >= 0))
        throw new LocalInstanceError(
            `sandboxPool must be a whole number of ready script sandboxes (0 or more), not ${String(pool)}`
        )
    const realNow = options.now ?? (() => new Date())
    const clock = new InstanceClock(() => realNow().getTime(), store)
    const now = () => clock.now()
    const users = usersWithAdmin(options.users)
    const database = newInstanceDatabase(now, store)
    const resuming = store?.hasState() ?? false
    if (store && resuming) restoreTables(database, store)
    const deployment = new Deployment(database, now, () => fillFixtureGroups(database, users))
    // One transaction: a start that fails (or is killed) half-way leaves no half-made instance behind.
    const report = resuming
        ? undefined
        : database.transaction(() => {
              seedUsers(database, users)
              const loaded = options.updateSetXml === undefined ? undefined : deployAtStart(deployment, options)
              if (options.aliases !== undefined) {
                  const problems = configureAliases(database, options.aliases)
                  if (problems.length > 0)
                      throw new UnsupportedUpdateSetError(`update set "${loaded?.updateSetName ?? ''}"`, problems)
              }
              setProperties(database, options.properties ?? {})
              return loaded
          })
    const engine: FlowEngine = new FlowEngine({
        database,
        catalog: () => deployment.current().catalog,
        timers: options.timers ?? clock,
        javaScriptLevel: () => deployment.current().javaScriptLevel,
        scriptTimeScale: options.scriptTimeScale,
        sandboxHost: (userSysId, log) => sandboxHost(database, userSysId, log, sandboxes, options.scriptTimeScale),
        contexts: store,
    })
    // Sandboxes are made while no flow step runs (the engine is idle: every run waits or has ended).
    const sandboxes = new ScriptSandboxPool(options.sandboxPool, () => engine.whenIdle())
    let resumed: ResumedState | undefined
    if (store && resuming) {
        const contexts = store.loadFlowContexts() as FlowContext[]
        engine.resume(contexts)
        resumed = {
            dataDir: store.directory,
            unfinishedFlowRuns: contexts.filter((context) => context.resume !== undefined).length,
        }
    }
    const userSysId = (userName: string): string => userSysIdOf(database, userName)
    const hasRole = (userName: string, role: string): boolean => {
        const roles = users.users.find((user) => user.user_name === userName)?.roles ?? []
        return roles.includes(role) || roles.includes('admin')
    }
    const decide = (approvalSysId: string, asUserName: string, state: 'approved' | 'rejected', comment?: string) =>
        recordApprovalDecision(database, {
            approvalSysId,
            approverSysId: userSysId(asUserName),
            asUserName,
            state,
            comment,
        })
    const changeState = (
        requestItemSysId: string,
        state: RequestItemState,
        asUserName: string,
        workNote?: string,
        comment?: string
    ) =>
        setItemState(database, {
            requestItemSysId,
            state,
            asUserName,
            actorSysId: userSysId(asUserName),
            workNote,
            comment,
        })
    const catalog = () => deployment.current().catalog
    const uiActionTurns = new RecordTurns()

    return {
        database,
        report,
        resumed,
        get catalog() {
            return catalog()
        },
        users,
        userSysId,
        hasRole,
        retrieveUpdateSet: (xml, asUserName) => database.transaction(() => deployment.retrieve(xml, asUserName)),
        deleteRetrievedUpdateSet: (remoteSetId) => database.transaction(() => deployment.deleteRetrieved(remoteSetId)),
        previewUpdateSet: (remoteSetId) => database.transaction(() => deployment.preview(remoteSetId).progress),
        commitUpdateSet: (remoteSetId, asUserName) =>
            database.transaction(() => deployment.commit(remoteSetId, asUserName)),
        progress(progressId) {
            const record = database.get('sys_execution_tracker', progressId)
            return record ? progressOf(record) : undefined
        },
        activate: (request, asUserName) => database.transaction(() => deployment.activate(request, asUserName)),
        catalogItems: () => catalogItems(database),
        orderCatalogItem: (itemName, variables, asUserName) =>
            database.transaction(() =>
                orderCatalogItem(database, catalog(), engine, {
                    itemName,
                    variables,
                    asUserName,
                    requester: userSysId(asUserName),
                })
            ),
        requestItemVariables: (requestItemSysId) => requestItemVariables(database, requestItemSysId),
        approvalsFor: (userName, state) => approvalsFor(database, userSysId(userName), state),
        approve: (approvalSysId, asUserName, comment) => decide(approvalSysId, asUserName, 'approved', comment),
        reject: (approvalSysId, asUserName, comment) => decide(approvalSysId, asUserName, 'rejected', comment),
        setItemState: changeState,
        addWorkNote: (requestItemSysId, note, asUserName) =>
            database.update('sc_req_item', requestItemSysId, { work_notes: note }, asUserName),
        uiActionsFor: (requestItemSysId, userName) =>
            visibleUiActions(
                database,
                database.require('sc_req_item', requestItemSysId),
                'sc_req_item',
                sandboxHost(database, userSysId(userName), () => {}, sandboxes, options.scriptTimeScale),
                deployment.current().javaScriptLevel
            ),
        // In the record's turn: the condition is checked on the record as it is then, not as it was at the click.
        runUiAction: (requestItemSysId, uiActionSysId, userName) =>
            uiActionTurns.take('sc_req_item', requestItemSysId, async () => {
                const messages: string[] = []
                const outcome = await runUiAction(
                    database,
                    uiActionSysId,
                    database.require('sc_req_item', requestItemSysId),
                    'sc_req_item',
                    sandboxHost(
                        database,
                        userSysId(userName),
                        (level, message) => {
                            if (level === 'info' || level === 'error') messages.push(message)
                        },
                        sandboxes,
                        options.scriptTimeScale
                    ),
                    deployment.current().javaScriptLevel
                )
                return { ...outcome, messages }
            }),
        cancelRequest(requestItemSysId, asUserName, requesterName) {
            return database.transaction(() => {
                database.update('sc_req_item', requestItemSysId, { stage: 'Request Cancelled' }, asUserName)
                return changeState(requestItemSysId, '4', asUserName, `Request cancelled by ${requesterName}.`)
            })
        },
        requestVisibleTo: (requestSysId, userName, isFulfiller) =>
            requestVisibleTo(database, requestSysId, { sysId: userSysId(userName), isFulfiller }),
        requestItemVisibleTo: (itemSysId, userName, isFulfiller) =>
            requestItemVisibleTo(database, itemSysId, { sysId: userSysId(userName), isFulfiller }),
        mayCancel: (item, userName) => mayCancel(item, userSysId(userName)),
        activateFlow(flowName) {
            const flow = catalog().flows.find((candidate) => candidate.name === flowName)
            if (!flow)
                throw new LocalInstanceError(
                    `No flow "${flowName}" in the update set (flows: ${catalog()
                        .flows.map((candidate) => candidate.name)
                        .join(', ')})`
                )
            const actions = [...catalog().actions.keys()]
            const failed = deployment
                .activate({ flows: [flow.sysId], actions }, 'admin')
                .filter((result) => result.status !== 'success')
            if (failed.length > 0) throw new LocalInstanceError(failed.map((result) => result.message).join('; '))
        },
        flowRuns: () => engine.runs(),
        async testAction(actionName, inputs, asUserName) {
            const action = [...catalog().actions.values()].find((candidate) => candidate.name === actionName)
            if (!action)
                throw new LocalInstanceError(
                    `No action "${actionName}" in the update set (actions: ${[...catalog().actions.values()].map((candidate) => candidate.name).join(', ')})`
                )
            return engine.testAction(action.sysId, inputs, userSysId(asUserName))
        },
        whenIdle: () => engine.whenIdle(),
        clock,
        advanceClock: (ms) => clock.advance(ms, () => engine.whenIdle()),
        emails: () => [...database.query('sys_email')].reverse(),
        close() {
            clock.stop()
            engine.stop()
            sandboxes.dispose()
            store?.close()
        },
    }
}

/** Fills the tables from the data dir; a row of a table this version does not have is refused, with the fix. */
function restoreTables(database: Database, store: SqliteInstanceStore): void {
    try {
        database.restore(store.loadTables())
    } catch (error) {
        if (!(error instanceof TableError)) throw error
        throw new LocalInstanceError(
            `${store.directory} holds a row this version of the local instance cannot read (${error.message.split(' (known:')[0] ?? ''}): use the kit that wrote it, or pass another --data-dir`
        )
    }
}

/** The set given at start, through the deploy's own path: retrieve, preview (refused if anything cannot run), commit. */
function deployAtStart(deployment: Deployment, options: LocalInstanceOptions): LoadReport {
    const remoteSet = deployment.retrieve(options.updateSetXml ?? '', 'admin')
    const preview = deployment.preview(remoteSet.sys_id)
    if (preview.problems.length > 0)
        throw new UnsupportedUpdateSetError(`update set "${remoteSet.name ?? ''}"`, preview.problems)
    const committed = deployment.commit(remoteSet.sys_id, 'admin')
    if (committed.state !== '2') throw new LocalInstanceError(committed.error)
    return preview.report
}
