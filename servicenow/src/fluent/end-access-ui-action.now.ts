import { UiAction } from '@servicenow/sdk/core'

/**
 * "I'm done": the requester ends their Kpow access early, in one click on the open item. The
 * button closes the item Closed Complete with a comment; the flow's wait for the close then revokes
 * the policy, as for any close. Shown only to the requester (opened by or requested for) while the
 * access is granted (state Work in Progress, approved): the condition and the script run on the
 * server, as that user.
 */
export const endAccessUiAction = UiAction({
    $id: Now.ID['end_my_kpow_access_ui_action'],
    table: 'sc_req_item',
    name: 'End my Kpow access',
    actionName: 'x_kpow_jit_end_access',
    hint: 'Closes this request now; the Kpow access it granted is revoked at once.',
    active: true,
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, style: 'destructive' },
    condition:
        "current.state == 2 && current.approval == 'approved' && (current.opened_by == gs.getUserID() || current.requested_for == gs.getUserID())",
    script: Now.include('./ui-action-scripts/end-my-kpow-access.js'),
    comments:
        'x_kpow_jit: the requester ends their Kpow access early. The Kpow Access Lifecycle flow waits for the item to close and then deletes the temporary policy.',
    order: 100,
})
