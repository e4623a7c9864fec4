/*
 * Script step of "Kpow - Delete Temporary Policy". Platform JavaScript in ES5 mode. Kpow answers
 * 404 for a policy that has already expired: access has ended either way, so that is success,
 * reported through the outcome output. Every failure is also written as a work note on
 * inputs.work_notes_record (when given) before the action fails, since the flow's catch branch
 * cannot read the failed action's error.
 */
;(function execute(inputs, outputs) {
    var ACTION_NAME = 'Kpow - Delete Temporary Policy'
    // No email from here: the flow tells the requester how their access ended (event x_kpow_jit.access.revoked).
    var FAILURE_EVENT = ''
    var POLICY_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/
    var RAW_BODY_LIMIT = 500
    // As for the create: far below the platform's 30 s step limit, so the step always notes why it failed.
    var HTTP_TIMEOUT_MS = 8000

    function noteOnRecord(text) {
        var recordId = String(inputs.work_notes_record || '')
        if (!recordId) return
        var item = new GlideRecord('sc_req_item')
        if (!item.get(recordId)) return
        item.work_notes = text
        item.update()
    }

    // The requester's email when FAILURE_EVENT names one (notifications.now.ts): the reason with Kpow's
    // status and message, nothing of the connection or its credential.
    function tellRequester(message) {
        var recordId = String(inputs.work_notes_record || '')
        if (!FAILURE_EVENT || !recordId) return
        var item = new GlideRecord('sc_req_item')
        if (!item.get(recordId)) return
        gs.eventQueue(FAILURE_EVENT, item, message, '')
    }

    // requesterMessage replaces message in the requester's email when message carries an exception's
    // text (the platform's wording, meant for the people working the request, not for the requester).
    function fail(message, requesterMessage) {
        var text = ACTION_NAME + ' failed: ' + message
        noteOnRecord(text)
        tellRequester(requesterMessage || message)
        throw new Error(text)
    }

    // Kpow's error body is {"error", "message", "fields": [{"path", "message"}]}; anything else
    // (a proxy's HTML page, plain text) is passed on raw, truncated.
    function kpowMessage(body) {
        var parsed
        try {
            parsed = JSON.parse(body)
        } catch (notJson) {
            parsed = null
        }
        var message = ''
        if (parsed && typeof parsed.message === 'string') message = parsed.message
        else if (parsed && typeof parsed.error === 'string') message = parsed.error
        var details = []
        var problems = parsed && (parsed.fields || parsed.errors)
        if (problems && problems.length) {
            for (var i = 0; i < problems.length; i++) {
                var problem = problems[i] || {}
                details.push((problem.path ? problem.path + ': ' : '') + (problem.message || JSON.stringify(problem)))
            }
        }
        if (message && details.length) return message + ' (' + details.join('; ') + ')'
        if (message) return message
        if (details.length) return details.join('; ')
        if (body) {
            var raw = String(body)
            return raw.length > RAW_BODY_LIMIT ? raw.substring(0, RAW_BODY_LIMIT) + '... (truncated)' : raw
        }
        return 'no response body'
    }

    var policyId = String(inputs.policy_id || '')
    if (!POLICY_ID_PATTERN.test(policyId)) {
        fail('policy_id "' + policyId + '" is not a Kpow temporary policy id (letters, digits and "-").')
    }

    var connection = new sn_cc.ConnectionInfoProvider().getConnectionInfo(inputs.connection_alias)
    if (!connection) {
        fail(
            'the "Kpow API" connection alias has no active HTTP connection; create one with a Basic Auth credential (see the app README).'
        )
    }
    var baseUrl = String(connection.getAttribute('connection_url') || '').replace(/\/+$/, '')
    if (!baseUrl) {
        fail('the "Kpow API" HTTP connection has no connection URL.')
    }

    var request = new sn_ws.RESTMessageV2()
    request.setEndpoint(baseUrl + '/admin/v1/temporary-policies/' + encodeURIComponent(policyId))
    request.setHttpMethod('delete')
    request.setBasicAuth(connection.getCredentialAttribute('user_name'), connection.getCredentialAttribute('password'))
    request.setRequestHeader('Accept', 'application/json')
    request.setHttpTimeout(HTTP_TIMEOUT_MS)

    var response
    try {
        response = request.execute()
    } catch (transportError) {
        fail(
            'could not reach Kpow through the "Kpow API" connection (HTTP timeout ' +
                HTTP_TIMEOUT_MS / 1000 +
                ' s): ' +
                (transportError && transportError.message ? transportError.message : transportError) +
                '. Policy ' +
                policyId +
                ' may still be live until it expires.'
        )
    }
    var status = Number(response.getStatusCode())
    outputs.status_code = status

    // The platform reports a connection failure or timeout as status 0 with an error message.
    if (!status) {
        fail(
            'could not reach Kpow through the "Kpow API" connection (HTTP timeout ' +
                HTTP_TIMEOUT_MS / 1000 +
                ' s): ' +
                (response.getErrorMessage() || 'no HTTP answer') +
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
    fail('Kpow answered HTTP ' + status + ' for policy ' + policyId + ': ' + kpowMessage(response.getBody()))
})(inputs, outputs)
