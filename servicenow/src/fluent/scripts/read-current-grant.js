/*
 * Script step of "Kpow - Read Current Grant". Platform JavaScript in ES5 mode. Tells a waiting flow
 * where the item's access stands now, on the instance's clock: whether the flow's policy is still
 * the item's current one (an approved extension replaces it: correlation_id then names the new
 * policy, and the extension's flow owns the rest), whether the item is still open, how long until
 * the reminder and until the current policy ends (glide_duration values, what a Wait For Condition
 * timeout takes), and whether the reminder is due now.
 *
 * The item records the current grant in task fields: correlation_id (the Kpow policy id), due_date
 * (when Kpow ends it, UTC). An item without them (a grant recorded only in the flow) counts as the
 * flow's own, ending at the flow's expires_at.
 */
;(function execute(inputs, outputs) {
    // Failures are not noted on the item: the flow's own notes tell what stopped.
    var kpow = new x_kpow_jit.KpowClient('Kpow - Read Current Grant', '', '')
    var MINUTE_MS = 60000

    var item = new GlideRecord('sc_req_item')
    if (!item.get(String(inputs.requested_item || ''))) {
        kpow.fail('requested item "' + String(inputs.requested_item || '') + '" was not found.')
    }
    var flowPolicy = String(inputs.policy_id || '')
    var recordedPolicy = String(item.getValue('correlation_id') || '')
    var current = recordedPolicy === '' || recordedPolicy === flowPolicy
    // The end of the item's current grant (of the replacing policy when this one was replaced).
    var dueText = recordedPolicy !== '' ? String(item.getValue('due_date') || '') : ''
    if (!dueText) dueText = String(inputs.expires_at || '').replace(/ UTC$/, '')
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(dueText)) {
        kpow.fail('the item records no end for policy ' + flowPolicy + ' (due_date or expires_at "' + dueText + '").')
    }
    var leadMinutes = parseInt(gs.getProperty('x_kpow_jit.expiry_reminder_minutes', '10'), 10)
    if (isNaN(leadMinutes) || leadMinutes < 0) {
        kpow.fail(
            'system property x_kpow_jit.expiry_reminder_minutes must be a whole number of minutes (0: no reminder).'
        )
    }

    var now = new GlideDateTime().getNumericValue()
    var endsAt = new GlideDateTime(dueText).getNumericValue()
    var remindAt = endsAt - leadMinutes * MINUTE_MS
    var open =
        String(item.getValue('active')) !== 'false' && ['3', '4', '7'].indexOf(String(item.getValue('state'))) === -1

    outputs.current = current ? 'true' : 'false'
    outputs.open = open ? 'true' : 'false'
    outputs.current_policy_id = recordedPolicy || flowPolicy
    outputs.expires_at = dueText + ' UTC'
    outputs.until_expiry = kpow.glideDuration(endsAt - now)
    // Empty when the reminder time has come (or there is none): the flow then does not wait for it.
    outputs.until_reminder = leadMinutes > 0 && remindAt > now ? kpow.glideDuration(remindAt - now) : ''
    outputs.remind = current && open && leadMinutes > 0 && now >= remindAt && now < endsAt ? 'true' : 'false'
    outputs.minutes_left = String(Math.max(0, Math.ceil((endsAt - now) / MINUTE_MS)))
    var base = String(gs.getProperty('glide.servlet.uri', '') || '')
    if (base && base.charAt(base.length - 1) !== '/') base += '/'
    outputs.extend_link =
        base +
        'sp?id=sc_cat_item&sys_id=' +
        String(inputs.extend_item || '') +
        '&requested_item=' +
        encodeURIComponent(String(item.getValue('number') || ''))
})(inputs, outputs)
