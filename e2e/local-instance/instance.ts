// The local instance: loads an update set (the built artifact, not the sources), seeds users,
// wires connection aliases to configured endpoints, and runs the flows when items are ordered.
// This module composes the jobs, each in its own module: loading (loading.ts), ordering
// (ordering.ts), approvals (approvals.ts), fulfilment (fulfilment.ts), the platform's task rules
// (task-rules.ts) and the flow engine (flow-runner.ts). Pages and the HTTP server use this API.
import { approvalsFor, recordApprovalDecision } from './approvals'
import { LocalInstanceError } from './errors'
import { setItemState } from './fulfilment'
import type { FlowCatalog } from './flow-model'
import type { FlowRun, FlowTimers } from './flow-runner'
import { FlowEngine, realTimers } from './flow-runner'
import type { AliasConnection, LoadReport, UsersFixture } from './loading'
import { loadUpdateSet } from './loading'
import type { CatalogEntry, OrderResult } from './ordering'
import { catalogItems, orderCatalogItem, requestItemVariables } from './ordering'
import { sandboxHost } from './sandbox-host'
import type { ApprovalState, RequestItemState } from './schema'
import type { Database, StoredRecord } from './tables'
import { userSysIdOf } from './users'
import { mayCancel, requestItemVisibleTo, requestVisibleTo } from './visibility'

export { LocalInstanceError, OrderRefusedError } from './errors'
export type { OrderProblem } from './errors'
export { seededSysId } from './loading'
export type { AliasConnection, LoadReport, UserFixture, UsersFixture } from './loading'
export type { CatalogEntry, OrderResult } from './ordering'

export interface LocalInstanceOptions {
    updateSetXml: string
    users: UsersFixture
    /** Keyed by the alias' name (`Kpow API`), id (`x_kpow_jit.Kpow_API`) or sys_id. */
    aliases: Record<string, AliasConnection>
    timers?: FlowTimers
    now?: () => Date
}

export interface LocalInstance {
    readonly database: Database
    readonly report: LoadReport
    readonly catalog: FlowCatalog
    userSysId(userName: string): string
    /** Active catalog items with their variables in form order. */
    catalogItems(): CatalogEntry[]
    /** Orders an item as `asUserName`; starts the item's flow in the background. */
    orderCatalogItem(itemName: string, variables: Record<string, string>, asUserName: string): OrderResult
    /** Values of an item's variables, by variable name. */
    requestItemVariables(requestItemSysId: string): Record<string, string>
    approvalsFor(userName: string, state?: ApprovalState): StoredRecord[]
    approve(approvalSysId: string, asUserName: string, comment?: string): StoredRecord
    reject(approvalSysId: string, asUserName: string, comment?: string): StoredRecord
    setItemState(requestItemSysId: string, state: RequestItemState, asUserName: string, workNote?: string): StoredRecord
    addWorkNote(requestItemSysId: string, note: string, asUserName: string): StoredRecord
    /** The requester's Cancel: the stage says why, and the item closes incomplete (the flow's close-wait sees it). */
    cancelRequest(requestItemSysId: string, asUserName: string, requesterName: string): StoredRecord
    /** The request, if the user may see it (its opener, or a fulfiller). */
    requestVisibleTo(requestSysId: string, userName: string, isFulfiller: boolean): StoredRecord | undefined
    /** The requested item, if the user may see it (requester, approver, or a fulfiller). */
    requestItemVisibleTo(itemSysId: string, userName: string, isFulfiller: boolean): StoredRecord | undefined
    /** Whether the user may Cancel the item (its opener, while open and no longer awaiting approval). */
    mayCancel(item: StoredRecord, userName: string): boolean
    /** The number of the requested item an approval is for. */
    approvalItemNumber(approvalSysId: string): string
    /** As an administrator does after importing the set (imports leave flows draft). */
    activateFlow(flowName: string): void
    flowRuns(): readonly FlowRun[]
    /** Flow Designer's "Test" of an action by name: runs it alone with literal inputs, as a user. */
    testAction(actionName: string, inputs: Record<string, string>, asUserName: string): Promise<FlowRun>
    /** Resolves once every flow run is waiting on a record or finished. */
    whenIdle(): Promise<void>
}

export function createLocalInstance(options: LocalInstanceOptions): LocalInstance {
    const { database, report, catalog } = loadUpdateSet(
        options.updateSetXml,
        options.users,
        options.aliases,
        options.now ?? (() => new Date())
    )
    const engine = new FlowEngine({
        database,
        catalog,
        timers: options.timers ?? realTimers,
        javaScriptLevel: report.javaScriptLevel,
        sandboxHost: (userSysId, log) => sandboxHost(database, userSysId, log),
    })
    const userSysId = (userName: string): string => userSysIdOf(database, userName)
    const decide = (approvalSysId: string, asUserName: string, state: 'approved' | 'rejected', comment?: string) =>
        recordApprovalDecision(database, {
            approvalSysId,
            approverSysId: userSysId(asUserName),
            asUserName,
            state,
            comment,
        })
    const changeState = (requestItemSysId: string, state: RequestItemState, asUserName: string, workNote?: string) =>
        setItemState(database, { requestItemSysId, state, asUserName, actorSysId: userSysId(asUserName), workNote })

    return {
        database,
        report,
        catalog,
        userSysId,
        catalogItems: () => catalogItems(database),
        orderCatalogItem: (itemName, variables, asUserName) =>
            orderCatalogItem(database, catalog, engine, {
                itemName,
                variables,
                asUserName,
                requester: userSysId(asUserName),
            }),
        requestItemVariables: (requestItemSysId) => requestItemVariables(database, requestItemSysId),
        approvalsFor: (userName, state) => approvalsFor(database, userSysId(userName), state),
        approve: (approvalSysId, asUserName, comment) => decide(approvalSysId, asUserName, 'approved', comment),
        reject: (approvalSysId, asUserName, comment) => decide(approvalSysId, asUserName, 'rejected', comment),
        setItemState: changeState,
        addWorkNote: (requestItemSysId, note, asUserName) =>
            database.update('sc_req_item', requestItemSysId, { work_notes: note }, asUserName),
        cancelRequest(requestItemSysId, asUserName, requesterName) {
            database.update('sc_req_item', requestItemSysId, { stage: 'Request Cancelled' }, asUserName)
            return changeState(requestItemSysId, '4', asUserName, `Request cancelled by ${requesterName}.`)
        },
        requestVisibleTo: (requestSysId, userName, isFulfiller) =>
            requestVisibleTo(database, requestSysId, { sysId: userSysId(userName), isFulfiller }),
        requestItemVisibleTo: (itemSysId, userName, isFulfiller) =>
            requestItemVisibleTo(database, itemSysId, { sysId: userSysId(userName), isFulfiller }),
        mayCancel: (item, userName) => mayCancel(item, userSysId(userName)),
        approvalItemNumber: (approvalSysId) =>
            database.displayValue('sysapproval_approver', approvalSysId, 'sysapproval'),
        activateFlow(flowName) {
            const flow = catalog.flows.find((candidate) => candidate.name === flowName)
            if (!flow)
                throw new LocalInstanceError(
                    `No flow "${flowName}" in the update set (flows: ${catalog.flows.map((candidate) => candidate.name).join(', ')})`
                )
            flow.active = true
            flow.status = 'published'
        },
        flowRuns: () => engine.runs(),
        async testAction(actionName, inputs, asUserName) {
            const action = [...catalog.actions.values()].find((candidate) => candidate.name === actionName)
            if (!action)
                throw new LocalInstanceError(
                    `No action "${actionName}" in the update set (actions: ${[...catalog.actions.values()].map((candidate) => candidate.name).join(', ')})`
                )
            return engine.testAction(action.sysId, inputs, userSysId(asUserName))
        },
        whenIdle: () => engine.whenIdle(),
    }
}
