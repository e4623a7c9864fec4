import { EmailNotification, Record } from '@servicenow/sdk/core'

/**
 * What the requester is told by email, and when. Each notification is an event of the app
 * (sysevent_register, `x_kpow_jit.<suffix>`, at most 40 characters) and an email notification on
 * the requested item for that event (generation type "event"), sent to the item's Requested for.
 * The flow fires the event with Fire Event at its outcome point (parm1/parm2 carry what only the
 * flow knows: the expiry, the approver's comment, why the access ended); a script fires it with
 * gs.eventQueue(name, item, parm1, parm2). `${field}` and `${dot.walked.field}` are the item's
 * display values, `${event.parm1}` / `${event.parm2}` the event's parameters. No mail scripts, no
 * templates: the local instance runs exactly this (e2e/README.md, "Events, notifications and the outbox").
 * Each is sent to the requester even when their own session queued the event (End my Kpow access):
 * `sendToCreator` (send_self); otherwise the platform leaves out the event's creator.
 *
 * Adding one (a reminder, an extension's outcome, ...): copy one event + notification pair below
 * with new ids and a new event name, fire it from the flow (the event name as a literal: the SDK
 * takes no constants there)
 *
 *     wfa.action(action.core.fireEvent, { $id: Now.ID['tell_<what>'] }, {
 *         event_name: 'x_kpow_jit.access.<what>', table: 'sc_req_item',
 *         record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`, parm1: `...`, parm2: '' })
 *
 * then `npm run build -- --record-keys`, list it in the README's notification table, and assert it in
 * a spec with `waitForEmail(localInstance, 'abel.tuter@example.com', 'its subject')` (e2e/specs/fixtures.ts).
 * Never put a credential, the Kpow policy body or another user's data in a parameter or a message
 * (`npm run check:defects` refuses secret-looking fields).
 */

// Granted: parm1 = what and until when (the profile, the resource, the expiry in UTC, named).
Record({
    $id: Now.ID['event_access_granted'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.granted',
        suffix: 'access.granted',
        table: 'sc_req_item',
        description: 'Kpow access was granted for a requested item (parm1: what and until when)',
        fired_by: 'flow Kpow Access Lifecycle, after the grant note',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_granted'],
    name: 'Kpow access granted',
    description: 'Tells the requester what was granted, until when, and how to end it early.',
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.granted' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access granted: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your Kpow access is granted: ${event.parm1}.</p><p>It ends by itself then. To end it earlier, open ${number} in My Requests and choose End my Kpow access: the access is revoked at once.</p>',
    },
})

// Rejected by an approver: parm1 = who, parm2 = their comment. Only for a rejection (not a cancelled approval).
Record({
    $id: Now.ID['event_access_rejected'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.rejected',
        suffix: 'access.rejected',
        table: 'sc_req_item',
        description: 'An approver rejected a Kpow access request (parm1: who, parm2: their comment)',
        fired_by: 'flow Kpow Access Lifecycle, when the approval ends other than approved',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_rejected'],
    name: 'Kpow access rejected',
    description: 'Tells the requester who rejected the request and why.',
    table: 'sc_req_item',
    triggerConditions: {
        generationType: 'event',
        eventName: 'x_kpow_jit.access.rejected',
        condition: 'approval=rejected',
    },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access rejected: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your request ${number} (${cat_item}) was rejected by ${event.parm1}.</p><p>Their comment: ${event.parm2}</p><p>Nothing was granted in Kpow. Submit a new request if you still need the access.</p>',
    },
})

// Revoked: parm1 = why (the request was closed or cancelled; it expired; Kpow could not remove it yet).
Record({
    $id: Now.ID['event_access_revoked'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.revoked',
        suffix: 'access.revoked',
        table: 'sc_req_item',
        description: 'Kpow access of a requested item ended (parm1: why)',
        fired_by: 'flow Kpow Access Lifecycle, after the revocation',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_revoked'],
    name: 'Kpow access ended',
    description: 'Tells the requester that their access ended, and why: closed, cancelled or expired.',
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.revoked' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access ended: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your Kpow access for ${number} (${cat_item}) has ended: ${event.parm1}.</p><p>The request is ${state} (stage: ${stage}).</p>',
    },
})

// Granting failed: parm1 = why, with Kpow's status and message (fired by the create action's script).
Record({
    $id: Now.ID['event_access_grant_failed'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.grant_failed',
        suffix: 'access.grant_failed',
        table: 'sc_req_item',
        description: "Kpow could not create an approved access (parm1: why, with Kpow's message)",
        fired_by: 'action Kpow - Create Temporary Policy (script), when it fails for a requested item',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_grant_failed'],
    name: 'Kpow access could not be granted',
    description: "Tells the requester that Kpow refused or failed the approved access, with Kpow's message.",
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.grant_failed' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access could not be granted: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your request ${number} (${cat_item}) was approved, but Kpow did not grant the access: ${event.parm1}</p><p>Nothing was granted. The fulfillers can see the details on the request; submit a new request once the cause is fixed.</p>',
    },
})

// Extended: parm1 = the new end (UTC), parm2 = the extension request's number.
Record({
    $id: Now.ID['event_access_extended'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.extended',
        suffix: 'access.extended',
        table: 'sc_req_item',
        description: 'Kpow access of a requested item was extended (parm1: the new end; parm2: the extension request)',
        fired_by: 'flow Kpow Access Extension, once the new policy exists and the old one is deleted',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_extended'],
    name: 'Kpow access extended',
    description: 'Tells the requester that their access now ends later, and how to end it early.',
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.extended' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access extended: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your Kpow access for ${number} (${cat_item}) is extended (request ${event.parm2}): it now ends at ${event.parm1}. The access did not lapse while it was renewed.</p><p>Done sooner? Use End my Kpow access on ${number} (or close it) to end it now.</p>',
    },
})

// Expiring soon: parm1 = when (UTC), parm2 = the link that opens Extend Kpow Access for this item.
Record({
    $id: Now.ID['event_access_expiring'],
    table: 'sysevent_register',
    data: {
        event_name: 'x_kpow_jit.access.expiring',
        suffix: 'access.expiring',
        table: 'sc_req_item',
        description: 'Kpow access of a requested item ends soon (parm1: when; parm2: the link that extends it)',
        fired_by:
            'flows Kpow Access Lifecycle and Kpow Access Extension, x_kpow_jit.expiry_reminder_minutes before the end',
    },
})
EmailNotification({
    $id: Now.ID['notification_access_expiring'],
    name: 'Kpow access ends soon',
    description: 'Reminds the requester before Kpow ends their access, with a link to extend it.',
    table: 'sc_req_item',
    triggerConditions: { generationType: 'event', eventName: 'x_kpow_jit.access.expiring' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: true },
    emailContent: {
        subject: 'Kpow access ends soon: ${number}',
        messageHtml:
            '<p>Hello ${requested_for.name},</p><p>Your Kpow access for ${number} (${cat_item}) ends at ${event.parm1}.</p><p>Need longer? <a href="${event.parm2}">Extend it</a> (Extend Kpow Access, with ${number} filled in). Close the request when you are done to end it now.</p>',
    },
})
