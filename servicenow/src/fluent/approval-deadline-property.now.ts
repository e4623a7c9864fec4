import { Property } from '@servicenow/sdk/core'
import { kpowSettings } from './settings'

/**
 * How long approvers have to decide, changeable on the instance without a rebuild (System
 * Properties). The actions that run just before each Ask For Approval turn it into a due date-time;
 * an approval still undecided then is rejected automatically and the request closes incomplete.
 */
export const approvalDeadlineProperty = Property({
    $id: Now.ID['approval_deadline_hours_property'],
    name: 'x_kpow_jit.approval_deadline_hours',
    type: 'integer',
    value: kpowSettings.approvalDeadlineHours,
    description:
        'Hours an approver has to decide on a Kpow access request (each approval: the manager, then the Kpow Access Approvers group). An approval still undecided then is rejected automatically, the request closes incomplete and the requester is told.',
})
