import { EmailNotification, Record } from '@servicenow/sdk/core'

/**
 * The requester's email when the approval deadline passed, beside the others of
 * notifications.now.ts and made the same way: an event of the app and a notification on the item for
 * it. parm1 = the deadline in hours (x_kpow_jit.approval_deadline_hours). Not the "rejected" email:
 * nobody rejected, nobody decided.
 */
Record({
    $id: Now.ID['event_approval_deadline_passed'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.deadline_passed',
        suffix: 'access.deadline_passed',
        table: 'sc_req_item',
        description: 'Nobody decided a Kpow access request before its approval deadline (parm1: the deadline in hours)',
        fired_by: 'flow Kpow Access Lifecycle, when Ask For Approval rejected at its due date',
    },
})
EmailNotification({
    $id: Now.ID['notification_approval_deadline_passed'],
    name: 'Kpow access not approved in time',
    description: 'Tells the requester that nobody decided within the approval deadline, so nothing was granted.',
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.deadline_passed' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access not granted, approval deadline passed: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Nobody decided on your request ${number} (${cat_item}) within ${event.parm1} hours, so it was rejected automatically and closed.</p><p>Nothing was granted in Kpow. Submit a new request if you still need the access.</p>',
    },
})
