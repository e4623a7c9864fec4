// Who may see and act on what, as the platform's ACLs decide for these pages: a requested item is
// visible to its requester (opened by or requested for), its approvers and fulfillers; a request to
// its opener and fulfillers; only the opener cancels, once the item is open and no longer awaiting
// approval.
import type { Database, StoredRecord } from './tables'

export interface Visitor {
    sysId: string
    isFulfiller: boolean
}

export function requestVisibleTo(database: Database, requestSysId: string, visitor: Visitor): StoredRecord | undefined {
    const found = database.get('sc_request', requestSysId)
    return found && (visitor.isFulfiller || found.opened_by === visitor.sysId) ? found : undefined
}

export function requestItemVisibleTo(
    database: Database,
    itemSysId: string,
    visitor: Visitor
): StoredRecord | undefined {
    const item = database.get('sc_req_item', itemSysId)
    if (!item) return undefined
    if (visitor.isFulfiller || item.opened_by === visitor.sysId || item.requested_for === visitor.sysId) return item
    const approver =
        database.query('sysapproval_approver', `sysapproval=${item.sys_id}^approver=${visitor.sysId}`).length > 0
    return approver ? item : undefined
}

export function mayCancel(item: StoredRecord, visitorSysId: string): boolean {
    return item.opened_by === visitorSysId && item.active === 'true' && item.approval !== 'requested'
}
