import { Record } from '@servicenow/sdk/core'
import { kpowSettings } from './settings'

/**
 * Approves requests from people who have no manager. Shipping the group keeps the flow free of
 * instance-specific sys_ids: an administrator only adds members (who should not include the
 * requesters they approve for; the flow refuses self-approval anyway).
 */
export const fallbackApprovalGroup = Record({
    $id: Now.ID['fallback_approval_group'],
    table: 'sys_user_group',
    data: {
        name: kpowSettings.fallbackApprovalGroupName,
        description:
            'Approves Kpow topic query access requests when the requester has no manager. Add the Kafka data owners or platform administrators.',
        active: true,
    },
})
