/*
 * Script step of "Kpow - List Approvers Other Than The Requester". Platform JavaScript in ES5 mode.
 * The active members of inputs.group (the Kpow Access Approvers group), without the requested item's opened_by and requested_for,
 * and the group's approval due date-time.
 */
;(function execute(inputs, outputs) {
    var item = new GlideRecord('sc_req_item')
    if (!item.get(String(inputs.requested_item || ''))) throw new Error('No requested item ' + inputs.requested_item)
    var requesters = [String(item.opened_by), String(item.requested_for)]
    var approvers = []
    var member = new GlideRecord('sys_user_grmember')
    member.addQuery('group', String(inputs.group || ''))
    member.query()
    while (member.next()) {
        var user = String(member.user)
        if (requesters.indexOf(user) >= 0 || approvers.indexOf(user) >= 0) continue
        if (String(member.user.active) === 'false') continue
        approvers.push(user)
    }
    outputs.approvers = approvers.join(',')
    // The group's own deadline starts now, when it is asked (x_kpow_jit.approval_deadline_hours).
    var deadlineHours = Number(gs.getProperty('x_kpow_jit.approval_deadline_hours', '8'))
    if (!(deadlineHours > 0))
        throw new Error(
            'System property x_kpow_jit.approval_deadline_hours is not a number of hours above 0; set it to e.g. 8.'
        )
    var approvalDue = new GlideDateTime()
    approvalDue.addSeconds(Math.round(deadlineHours * 3600))
    outputs.approval_due = approvalDue.getValue()
    outputs.approver_count = approvers.length
})(inputs, outputs)
