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
    var ACTION_NAME = 'Kpow - Read Access Request'
    var PROFILES_PROPERTY = 'x_kpow_jit.access_profiles'

    function noteOnRecord(text) {
        var recordId = String(inputs.requested_item || '')
        if (!recordId) return
        var item = new GlideRecord('sc_req_item')
        if (!item.get(recordId)) return
        item.work_notes = text
        item.update()
    }

    function fail(message) {
        var text = ACTION_NAME + ' failed: ' + message
        noteOnRecord(text)
        throw new Error(text)
    }

    var item = new GlideRecord('sc_req_item')
    if (!item.get(String(inputs.requested_item || ''))) {
        fail('requested item "' + String(inputs.requested_item || '') + '" was not found.')
    }
    var itemName = String(item.getDisplayValue('cat_item') || '')

    var profiles
    try {
        profiles = JSON.parse(gs.getProperty(PROFILES_PROPERTY, '[]'))
    } catch (notJson) {
        fail('system property ' + PROFILES_PROPERTY + ' is not JSON; redeploy the update set to restore it.')
    }
    var profile = null
    for (var i = 0; profiles && i < profiles.length; i++) {
        if (profiles[i] && profiles[i].name === itemName) profile = profiles[i]
    }
    if (!profile) {
        fail('no access profile serves catalog item "' + itemName + '" (system property ' + PROFILES_PROPERTY + ').')
    }

    // The item's variables by name: sc_item_option_mtom links the item to each answer.
    var values = {}
    var links = new GlideRecord('sc_item_option_mtom')
    links.addQuery('request_item', item.getUniqueValue())
    links.query()
    while (links.next()) {
        var answer = new GlideRecord('sc_item_option')
        if (!answer.get(String(links.getValue('sc_item_option') || ''))) continue
        var question = new GlideRecord('item_option_new')
        if (!question.get(String(answer.getValue('item_option_new') || ''))) continue
        values[String(question.getValue('name'))] = String(answer.getValue('value') || '')
    }

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
            fail(
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
            ' gains this access while it lasts, not only the requester (x_kpow_jit.grant_to = role).'
    } else {
        fail('system property x_kpow_jit.grant_to is "' + grantTo + '"; set it to role or personal.')
    }
    outputs.grant_to = grantTo

    // Until when the manager may decide (x_kpow_jit.approval_deadline_hours, changeable without a
    // rebuild): Ask For Approval rejects an approval still undecided at this date-time (UTC).
    var deadlineHours = Number(gs.getProperty('x_kpow_jit.approval_deadline_hours', '8'))
    if (!(deadlineHours > 0)) {
        fail('system property x_kpow_jit.approval_deadline_hours is not a number of hours above 0; set it to e.g. 8.')
    }
    var approvalDue = new GlideDateTime()
    approvalDue.addSeconds(Math.round(deadlineHours * 3600))
    outputs.approval_due = approvalDue.getValue()
    outputs.approval_deadline_hours = String(deadlineHours)

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
