/*
 * Script step of "Kpow - Read Access Request". Platform JavaScript in ES5 mode. Reads what the
 * requester asked for from the requested item's variables, and the access profile that serves its
 * catalog item from the x_kpow_jit.access_profiles property (generated from settings.ts): the
 * profile is found by the item's catalog item, never by anything the requester typed.
 *
 * Every failure is also written as a work note on the item before the action fails: a flow's catch
 * branch cannot read the failed action's error.
 */
;(function execute(inputs, outputs) {
    var kpow = new x_kpow_jit.KpowClient('Kpow - Read Access Request', inputs.requested_item, '')

    var item = new GlideRecord('sc_req_item')
    if (!item.get(String(inputs.requested_item || ''))) {
        kpow.fail('requested item "' + String(inputs.requested_item || '') + '" was not found.')
    }
    var itemName = String(item.getDisplayValue('cat_item') || '')

    var profile = kpow.profileServing(itemName)

    var values = kpow.itemVariables(item.getUniqueValue())

    function value(name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : ''
    }

    // Who the grant is for (x_kpow_jit.grant_to, changeable without a rebuild): the profile's role, or
    // the requester's personal role. In personal mode the role variable of the form is ignored.
    var grantTo = String(gs.getProperty('x_kpow_jit.grant_to', 'role'))
    var roleName
    if (grantTo === 'personal') {
        var template = String(gs.getProperty('x_kpow_jit.personal_role_template', 'user-${user_name}'))
        var requester = new GlideRecord('sys_user')
        var userName = requester.get(String(item.getValue('requested_for') || ''))
            ? String(requester.getValue('user_name'))
            : ''
        if (template.indexOf('${user_name}') === -1 || !userName) {
            kpow.fail(
                'personal grants need x_kpow_jit.personal_role_template to contain ${user_name} and the item to have a requested for user.'
            )
        }
        roleName = template.split('${user_name}').join(userName)
        outputs.reach =
            'Only the requester gains this access: it is granted to their personal Kpow role ' + roleName + '.'
    } else if (grantTo === 'role') {
        roleName = value('role_name') || profile.roles[0]
        outputs.reach =
            'Everyone who holds the Kpow role ' +
            roleName +
            " gains this access while it lasts, not only the requester (your administrator's grant setting gives access to roles, not to persons)."
    } else {
        kpow.fail('system property x_kpow_jit.grant_to is "' + grantTo + '"; set it to role or personal.')
    }
    outputs.grant_to = grantTo

    // Until when the manager may decide: Ask For Approval rejects an approval still undecided then.
    var deadline = kpow.approvalDeadline()
    outputs.approval_due = deadline.due
    outputs.approval_deadline_hours = deadline.hours

    outputs.profile_id = profile.id
    outputs.profile_name = profile.name
    outputs.actions = profile.actions.join(', ')
    outputs.approvers = profile.approvers
    outputs.role_name = roleName
    outputs.cluster_id = value('cluster_id')
    outputs.topic_name = value('topic_name')
    outputs.group_name = value('group_name')
    outputs.resource_name = profile.resource_type === 'group' ? value('group_name') : value('topic_name')
    outputs.resource_type = profile.resource_type
    outputs.duration_ms = value('duration_ms')
    outputs.justification = value('justification')
    outputs.ticket_number = value('ticket_number')
})(inputs, outputs)
