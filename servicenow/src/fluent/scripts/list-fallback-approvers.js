/*
 * Script step of "Kpow - List Approvers Other Than The Requester". Platform JavaScript in ES5 mode.
 * The active members of inputs.group (the Kpow Access Approvers group), without the requested item's opened_by and requested_for.
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
    outputs.approver_count = approvers.length
})(inputs, outputs)
