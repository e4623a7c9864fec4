// The Service Catalog trigger: a run for a requested item, as the flow's run-as user, with the
// trigger's data pills (the item, its table) and the flow variables empty. The platform runs only
// an active, published flow: a run of a draft flow is logged as not started.
import type { FlowDefinition } from '../flow-model'
import type { StoredRecord } from '../tables'
import { newSysId } from '../tables'
import type { FlowServices } from './construct'
import type { FlowRun, RunValue, Scope } from './run-model'

/** The run for the item, and its data pills when the flow may run (none: it did not start). */
export function catalogTriggerRun(
    { database, book }: FlowServices,
    flow: FlowDefinition,
    requestItem: StoredRecord,
    triggeringUserSysId: string
): { run: FlowRun; scope?: Scope } {
    // run_as system: scripts run as the system (gs.getUserID() is empty), writes are by 'system'.
    const runAsUserSysId = flow.runAs === 'system' ? '' : triggeringUserSysId
    const run: FlowRun = {
        id: newSysId(),
        flowSysId: flow.sysId,
        flowName: flow.name,
        status: 'queued',
        trigger: { table: 'sc_req_item', sysId: requestItem.sys_id, number: requestItem.number ?? '' },
        runAsUserSysId,
        startedAt: book.now(),
        steps: [],
    }
    book.runs.push(run)
    const state = database.get('sys_hub_flow', flow.sysId)
    if (state?.active !== 'true') {
        run.status = 'not_started'
        run.reason = `flow "${flow.name}" is not active (status ${state?.status || 'draft'}); activate it first, as after an update set import`
        run.endedAt = run.startedAt
        book.store(run)
        return { run }
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
    return { run, scope }
}
