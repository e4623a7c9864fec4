/*
 * Script step of "Kpow - Delete Temporary Policy". Platform JavaScript in ES5 mode. Kpow answers
 * 404 for a policy that has already expired: access has ended either way, so that is success,
 * reported through the outcome output. Every failure is also written as a work note on
 * inputs.work_notes_record (when given) before the action fails (x_kpow_jit.KpowClient), since the
 * flow's catch branch cannot read the failed action's error.
 */
;(function execute(inputs, outputs) {
    // No email from here (no failure event): the flow tells the requester how their access ended
    // (event x_kpow_jit.access.revoked).
    var kpow = new x_kpow_jit.KpowClient('Kpow - Delete Temporary Policy', inputs.work_notes_record, '')
    var POLICY_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/
    // As for the create: far below the platform's 30 s step limit, so the step always notes why it failed.
    var HTTP_TIMEOUT_MS = 8000

    var policyId = String(inputs.policy_id || '')
    if (!POLICY_ID_PATTERN.test(policyId)) {
        kpow.fail('policy_id "' + policyId + '" is not a Kpow temporary policy id (letters, digits and "-").')
    }
    kpow.connect(inputs.connection_alias)

    var answer = kpow.send(
        'delete',
        '/admin/v1/temporary-policies/' + encodeURIComponent(policyId),
        null,
        HTTP_TIMEOUT_MS
    )
    var status = answer.status
    outputs.status_code = status
    if (!status) {
        kpow.fail(
            kpow.unreachable(answer.problem, HTTP_TIMEOUT_MS) +
                '. Policy ' +
                policyId +
                ' may still be live until it expires.'
        )
    }
    if (status >= 200 && status <= 299) {
        outputs.already_expired = false
        outputs.outcome = 'Kpow temporary policy ' + policyId + ' deleted; access revoked.'
        return
    }
    if (status === 404) {
        outputs.already_expired = true
        outputs.outcome =
            'Kpow temporary policy ' + policyId + ' had already expired (Kpow answered 404); nothing left to revoke.'
        return
    }
    kpow.fail('Kpow answered HTTP ' + status + ' for policy ' + policyId + ': ' + kpow.kpowMessage(answer.body))
})(inputs, outputs)
