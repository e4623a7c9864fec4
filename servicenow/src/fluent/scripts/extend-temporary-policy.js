/*
 * Script step of "Kpow - Extend Temporary Policy". Platform JavaScript in ES5 mode. Serves the
 * "Extend Kpow Access" item: its variables name the requester's open access item, how much longer
 * (extension_ms) and why. With check_only it only decides (the flow asks for approval in between);
 * without, it checks again (the item may have closed or been extended meanwhile) and extends.
 *
 * Kpow has no update endpoint: the new policy (the current one as Kpow holds it, read back with GET,
 * with a later end) is created BEFORE the old one is deleted, so access never lapses; a failed create
 * deletes nothing. The original item records the current grant in task fields: correlation_id (the
 * policy id), work_start (when access began), due_date (when Kpow ends it, UTC). The whole access,
 * work_start to the new end, stays within the profile's maximum.
 *
 * A request the rules refuse is not an error: outputs.refusal says why, for the requester. Kpow
 * failures fail the action after a work note on the extension item (a catch cannot read them).
 */
;(function execute(inputs, outputs) {
    var ACTION_NAME = 'Kpow - Extend Temporary Policy'
    var MINUTE_MS = 60000
    // Kpow's calls here are three in one step (read, create, delete): 20 s each would pass the step's
    // 30 s only if Kpow were slow on all three.
    var HTTP_TIMEOUT_MS = 20000

    var extension = new GlideRecord('sc_req_item')
    if (!extension.get(String(inputs.requested_item || ''))) {
        throw new Error(ACTION_NAME + ' failed: requested item "' + inputs.requested_item + '" was not found.')
    }
    // Failures are noted on the extension item; the requester reads the refusal in the flow's comment.
    var kpow = new x_kpow_jit.KpowClient(ACTION_NAME, extension.getUniqueValue(), '')

    // The extension item's variables by name.
    var values = kpow.itemVariables(extension.getUniqueValue())
    var number = String(values.requested_item || '').replace(/^\s+|\s+$/g, '')
    var extensionMs = parseInt(String(values.extension_ms || ''), 10)
    outputs.justification = String(values.justification || '')
    outputs.extension_label = isNaN(extensionMs) ? '' : kpow.minutesText(extensionMs)

    function refuse(reason) {
        outputs.refusal = reason
    }

    var original = new GlideRecord('sc_req_item')
    original.addQuery('number', number)
    original.query()
    if (!number || !original.next()) return refuse('there is no requested item ' + number + '.')
    outputs.original_item = original.getUniqueValue()
    outputs.original_number = number
    var requester = String(extension.getValue('opened_by') || '')
    if (
        requester !== String(original.getValue('requested_for')) &&
        requester !== String(original.getValue('opened_by'))
    ) {
        return refuse(number + ' is not your request: only its requester can extend its access.')
    }
    var open =
        String(original.getValue('active')) !== 'false' &&
        ['3', '4', '7'].indexOf(String(original.getValue('state'))) === -1
    var currentPolicy = String(original.getValue('correlation_id') || '')
    var dueText = String(original.getValue('due_date') || '')
    var startText = String(original.getValue('work_start') || '')
    if (!open || !currentPolicy || !dueText || !startText) {
        return refuse(number + ' has no live Kpow access to extend (it is closed, or access was never granted).')
    }
    var now = new GlideDateTime().getNumericValue()
    var endsAt = new GlideDateTime(dueText).getNumericValue()
    if (endsAt <= now) return refuse('the access of ' + number + ' has already ended; submit a new request.')
    outputs.current_policy_id = currentPolicy
    outputs.current_expires_at = dueText + ' UTC'

    var itemName = String(original.getDisplayValue('cat_item') || '')
    var profile = kpow.profileServing(itemName)
    outputs.profile_name = profile.name
    outputs.approvers = profile.approvers
    if (isNaN(extensionMs) || extensionMs < MINUTE_MS || String(extensionMs) !== String(values.extension_ms)) {
        return refuse(
            'extension_ms "' + values.extension_ms + '" is not a whole number of milliseconds, at least one minute.'
        )
    }
    var maxMinutes = parseInt(gs.getProperty('x_kpow_jit.max_duration_minutes', '60'), 10)
    var limitMs = Math.min(Number(profile.max_duration_ms), isNaN(maxMinutes) ? 0 : maxMinutes * MINUTE_MS)
    var startedAt = new GlideDateTime(startText).getNumericValue()
    var newEnd = endsAt + extensionMs
    if (newEnd - startedAt > limitMs) {
        return refuse(
            'with ' +
                kpow.minutesText(extensionMs) +
                ' more, the access of ' +
                number +
                ' would last ' +
                kpow.minutesText(newEnd - startedAt) +
                ' in all; ' +
                profile.name +
                ' allows at most ' +
                kpow.minutesText(limitMs) +
                ' from the first grant (' +
                kpow.minutesText(Math.max(0, limitMs - (endsAt - startedAt))) +
                ' more at most).'
        )
    }
    outputs.preapproved = extensionMs <= Number(profile.preapproved_extension_ms || 0) ? 'true' : 'false'
    outputs.new_expires_at = kpow.utcText(newEnd)
    outputs.refusal = ''
    // Until when the manager may decide on the extension (Ask For Approval rejects it then).
    outputs.approval_due = kpow.approvalDeadline().due
    if (String(inputs.check_only) === 'true') return

    kpow.connect(inputs.connection_alias)
    var base = '/admin/v1/temporary-policies'
    // No HTTP answer is status 0 with why as the body: the texts below tell the two apart.
    function call(method, path, body) {
        var answer = kpow.send(method, base + path, body, HTTP_TIMEOUT_MS)
        return answer.status ? answer : { status: 0, body: answer.problem }
    }
    function parsedPolicy(answer, what) {
        var policy
        try {
            policy = JSON.parse(answer.body).temporary_policy
        } catch (notJson) {
            policy = null
        }
        if (!policy || typeof policy.id !== 'string' || !policy.policy)
            kpow.fail('Kpow answered ' + what + ' without a temporary_policy.')
        return policy
    }

    // The current policy as Kpow holds it: the new one grants exactly that, for longer.
    var read = call('get', '/' + encodeURIComponent(currentPolicy))
    if (read.status === 404)
        return refuse('the access of ' + number + ' has already ended in Kpow; submit a new request.')
    if (read.status < 200 || read.status > 299) {
        kpow.fail(
            'reading policy ' +
                currentPolicy +
                ': Kpow answered HTTP ' +
                read.status +
                ': ' +
                kpow.kpowMessage(read.body) +
                '. Nothing was changed.'
        )
    }
    var granted = parsedPolicy(read, 'the read').policy
    var resource = granted.resource || []
    for (var a = 0; a < (granted.actions || []).length; a++) {
        if (profile.actions.indexOf(granted.actions[a]) === -1)
            kpow.fail(
                'policy ' +
                    currentPolicy +
                    ' holds ' +
                    granted.actions[a] +
                    ', which profile ' +
                    profile.id +
                    ' does not grant. Nothing was changed.'
            )
    }
    if (resource[2] !== profile.resource_type || String(resource[3] || '').indexOf('*') !== -1) {
        kpow.fail(
            'policy ' +
                currentPolicy +
                ' is on ' +
                JSON.stringify(resource) +
                ', not one ' +
                profile.resource_type +
                ' of profile ' +
                profile.id +
                '. Nothing was changed.'
        )
    }
    var created = call('post', '', {
        duration_ms: newEnd - new GlideDateTime().getNumericValue(),
        policy: { role: granted.role, actions: granted.actions, effect: 'Allow', resource: resource },
    })
    if (created.status < 200 || created.status > 299) {
        kpow.fail(
            (created.status
                ? 'Kpow answered HTTP ' + created.status + ': ' + kpow.kpowMessage(created.body)
                : 'could not reach Kpow: ' + created.body) +
                '. Policy ' +
                currentPolicy +
                ' is unchanged.'
        )
    }
    var replacement = parsedPolicy(created, 'the create')
    var newExpiry = Number(replacement.created_ts) + Number(replacement.duration_ms)
    // The new policy is current from here on, whatever the delete answers.
    original.setValue('correlation_id', replacement.id)
    original.setValue('due_date', kpow.utcText(newExpiry).replace(/ UTC$/, ''))
    original.update()

    var removed = call('delete', '/' + encodeURIComponent(currentPolicy))
    var oldOutcome =
        removed.status === 404 || (removed.status >= 200 && removed.status < 300)
            ? 'policy ' + currentPolicy + ' deleted'
            : 'policy ' +
              currentPolicy +
              ' could not be deleted (' +
              (removed.status ? 'HTTP ' + removed.status + ': ' + kpow.kpowMessage(removed.body) : removed.body) +
              '); it ends on its own at ' +
              dueText +
              ' UTC'
    outputs.new_policy_id = replacement.id
    outputs.old_policy_outcome = oldOutcome
    outputs.new_expires_at = kpow.utcText(newExpiry)
})(inputs, outputs)
