// The platform's task business rules the flow relies on, for requested items:
// - a closed state (Closed Complete, Closed Incomplete, Closed Skipped) makes the item inactive and
//   stamps when it closed, whoever closes it (a fulfiller, the Cancel button, or the flow's own
//   Update Record);
// - once an item is inactive, its approvals still requested are cancelled: nobody can decide them
//   any more, and the flow waiting on them ends without a grant.
import type { Database, BeforeWriteRule, RecordChange } from './tables'
import { glideDateTime } from './tables'

/** sc_req_item states that close the item. */
export const closedItemStates: readonly string[] = ['3', '4', '7']

export function isClosedItemState(state: string | undefined): boolean {
    return closedItemStates.includes(state ?? '')
}

export function requestItemCloseRule(now: () => Date): BeforeWriteRule {
    return {
        table: 'sc_req_item',
        before(current, values): Record<string, string> {
            const state = values.state ?? current?.state
            if (!isClosedItemState(state)) return {}
            return {
                active: 'false',
                closed_at: values.closed_at ?? (current?.closed_at || glideDateTime(now())),
            }
        },
    }
}

/** Registers the after-rule that cancels a closed item's pending approvals. */
export function cancelApprovalsOfClosedItems(database: Database): void {
    database.onChange((change: RecordChange) => {
        if (change.table !== 'sc_req_item' || !change.changedFields.includes('active')) return
        if (change.record.active !== 'false') return
        for (const approval of database.query('sysapproval_approver', `sysapproval=${change.sysId}^state=requested`))
            database.update('sysapproval_approver', approval.sys_id, { state: 'cancelled' }, 'system')
    })
}
