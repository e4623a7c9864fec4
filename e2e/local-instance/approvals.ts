// Approvers' side: the approvals waiting for a user, and recording a decision. An approval can be
// decided only by its approver, only while requested, and never once its item is closed.
import { LocalInstanceError } from './errors'
import { closedStateLabel } from './fulfilment'
import type { ApprovalState } from './schema'
import type { Database, StoredRecord } from './tables'

export function approvalsFor(database: Database, approverSysId: string, state?: ApprovalState): StoredRecord[] {
    return database.query('sysapproval_approver', `approver=${approverSysId}${state ? `^state=${state}` : ''}`)
}

export function recordApprovalDecision(
    database: Database,
    decision: {
        approvalSysId: string
        approverSysId: string
        asUserName: string
        state: 'approved' | 'rejected'
        comment?: string
    }
): StoredRecord {
    const { approvalSysId, approverSysId, asUserName, state, comment } = decision
    const approval = database.get('sysapproval_approver', approvalSysId)
    if (!approval) throw new LocalInstanceError(`No approval ${approvalSysId}`)
    if (approval.approver !== approverSysId)
        throw new LocalInstanceError(`${asUserName} is not the approver of ${approvalSysId}`)
    const item = database.get('sc_req_item', approval.sysapproval ?? '')
    if (item?.active === 'false')
        throw new LocalInstanceError(
            `${item.number ?? ''} is closed (${closedStateLabel(item)}): its approvals can no longer be decided`
        )
    if (approval.state !== 'requested')
        throw new LocalInstanceError(`Approval ${approvalSysId} is ${approval.state ?? ''}, not requested`)
    return database.update('sysapproval_approver', approvalSysId, { state, comments: comment ?? '' }, asUserName)
}
