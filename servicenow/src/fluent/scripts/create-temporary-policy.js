/*
 * Script step of "Kpow - Create Temporary Policy". Platform JavaScript in ES5 mode: no let/const,
 * arrow functions or template literals. The policy's actions and resource type come from the access
 * profile in system property x_kpow_jit.access_profiles; the inputs only name the profile and the
 * requester's choices, each checked against it. The request body is built as an object and
 * serialised with JSON.stringify, so no input can change the shape of the policy.
 *
 * Every failure is also written as a work note on inputs.work_notes_record (when given), and the
 * requester is told by email (event x_kpow_jit.access.grant_failed), before the action fails: a flow's catch branch cannot read the failed action's error, and the people
 * working the request need Kpow's status and message where they look.
 *
 * Just before it sends, the script notes the request and its time on the item: if the answer never
 * comes (or the step is stopped), "Kpow - Reconcile Temporary Policy" reads that note to look for the
 * policy Kpow may have created anyway. A 4xx that is Kpow's own JSON refusal is noted as such: Kpow
 * created nothing, so there is nothing to look for.
 */
;(function execute(inputs, outputs) {
    var ACTION_NAME = 'Kpow - Create Temporary Policy'
    // A failed grant is told to the requester by email (notification "Kpow access could not be granted").
    var FAILURE_EVENT = 'x_kpow_jit.access.grant_failed'
    var CLUSTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
    var TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,249}$/
    var GROUP_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,255}$/
    var ROLE_NAME_PATTERN = /^[^*\s]{1,255}$/
    var MINUTE_MS = 60000
    var RAW_BODY_LIMIT = 500
    // Kpow answers a create in milliseconds. The platform stops a script step after 30 s; 8 s leaves the
    // step more than 20 s to write why it failed, so the reason is always on the item.
    var HTTP_TIMEOUT_MS = 8000
    // Read by "Kpow - Reconcile Temporary Policy": keep both texts in step with that script.
    var SENDING_NOTE = 'Kpow - Create Temporary Policy: sending the request to Kpow at '
    var REFUSED_NOTE = 'Kpow refused the request, so nothing was created'

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

    // A refusal is Kpow's own JSON error on a 4xx (not 408, a proxy's timeout): Kpow read the request and
    // created nothing. Anything else (5xx, a proxy's page, no answer) may have come after Kpow created it.
    function isKpowRefusal(status, body) {
        if (status < 400 || status > 499 || status === 408) return false
        try {
            var parsed = JSON.parse(body)
            return !!parsed && (typeof parsed.message === 'string' || typeof parsed.error === 'string')
        } catch (notJson) {
            return false
        }
    }

    // A glide_duration value (what a flow's Wait For Condition timeout takes): a date-time after the
    // epoch, "1970-01-01 00:15:00" for 15 minutes; rounded up to the second so the wait never ends
    // before Kpow's expiry.
    function glideDuration(milliseconds) {
        var seconds = Math.ceil(milliseconds / 1000)
        function two(number) {
            return (number < 10 ? '0' : '') + number
        }
        return (
            '1970-01-01 ' +
            two(Math.floor(seconds / 3600)) +
            ':' +
            two(Math.floor((seconds % 3600) / 60)) +
            ':' +
            two(seconds % 60)
        )
    }

    // yyyy-MM-dd HH:mm:ss in UTC, the platform's internal date-time value.
    function utcValue(epochMs) {
        return new Date(epochMs)
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d{3}Z$/, '')
    }

    // The requested item's "requested for" user, or null.
    function requestedFor() {
        var item = new GlideRecord('sc_req_item')
        var user = new GlideRecord('sys_user')
        if (!item.get(String(inputs.work_notes_record || ''))) return null
        return user.get(String(item.getValue('requested_for') || '')) ? user : null
    }

    // A link to Kpow's Data > Inspect with the topic chosen, in the form of Kpow's own deep links, for
    // topic profiles (Kpow documents no deep link to a consumer group: group profiles get none). The
    // UI's address is not the API's (the alias' connection): it is x_kpow_jit.kpow_ui_url; empty, or
    // not an http(s) address, gives no link, never a failed grant.
    function inspectLink(clusterId, topicName) {
        var uiUrl = String(gs.getProperty('x_kpow_jit.kpow_ui_url', '') || '').replace(/\/+$/, '')
        if (!/^https?:\/\/[^\s/]+/.test(uiUrl)) return ''
        return (
            'Kpow Data > Inspect: ' +
            uiUrl +
            '/#/tenant/__kpow_global/cluster/' +
            encodeURIComponent(clusterId) +
            '/data/inspect?topic=' +
            encodeURIComponent(topicName)
        )
    }

    var PROFILES_PROPERTY = 'x_kpow_jit.access_profiles'
    var profileId = String(inputs.profile_id || '')
    var roleName = String(inputs.role_name || '')
    var clusterId = String(inputs.cluster_id || '')
    var topicName = String(inputs.topic_name || '')
    var groupName = String(inputs.group_name || '')
    var durationText = String(inputs.duration_ms || '').replace(/^\s+|\s+$/g, '')
    var maxMinutes = parseInt(gs.getProperty('x_kpow_jit.max_duration_minutes', '60'), 10)

    // The profile is the instance's own definition: the caller only names it.
    var profiles
    try {
        profiles = JSON.parse(gs.getProperty(PROFILES_PROPERTY, '[]'))
    } catch (notJson) {
        fail('system property ' + PROFILES_PROPERTY + ' is not JSON; redeploy the update set to restore it.')
    }
    var profile = null
    for (var p = 0; profiles && p < profiles.length; p++) {
        if (profiles[p] && profiles[p].id === profileId) profile = profiles[p]
    }
    if (!profile) {
        fail('profile_id "' + profileId + '" is not an access profile in system property ' + PROFILES_PROPERTY + '.')
    }

    function listed(list, value) {
        for (var i = 0; list && i < list.length; i++) if (String(list[i]) === value) return true
        return false
    }

    // Personal mode: the only role allowed is the requester's own, derived from the requested item
    // (never from the caller), so nobody can grant a personal policy to someone else's role.
    var grantTo = String(gs.getProperty('x_kpow_jit.grant_to', 'role'))
    if (grantTo === 'personal') {
        var template = String(gs.getProperty('x_kpow_jit.personal_role_template', 'user-${user_name}'))
        var requester = requestedFor()
        if (template.indexOf('${user_name}') === -1 || !requester) {
            fail(
                'personal grants (x_kpow_jit.grant_to = personal) need the requested item in work_notes_record and x_kpow_jit.personal_role_template containing ${user_name}.'
            )
        }
        var personalRole = template.split('${user_name}').join(String(requester.getValue('user_name')))
        if (roleName !== personalRole || !ROLE_NAME_PATTERN.test(roleName)) {
            fail(
                'role_name "' +
                    roleName +
                    '" is not the requester\'s personal role ' +
                    personalRole +
                    ' (x_kpow_jit.grant_to = personal).'
            )
        }
    } else if (grantTo !== 'role') {
        fail('system property x_kpow_jit.grant_to is "' + grantTo + '"; set it to role or personal.')
    } else if (!ROLE_NAME_PATTERN.test(roleName) || !listed(profile.roles, roleName)) {
        fail(
            'role_name "' +
                roleName +
                '" is not a role profile ' +
                profile.id +
                ' grants to (' +
                profile.roles.join(', ') +
                '); pick it from the catalog item.'
        )
    }
    if (!CLUSTER_ID_PATTERN.test(clusterId)) {
        fail('cluster_id "' + clusterId + '" is not a Kafka cluster id (22 characters from A-Z, a-z, 0-9, "_", "-").')
    }
    if (!listed(profile.clusters, clusterId)) {
        fail(
            'cluster_id "' +
                clusterId +
                '" is not a cluster of profile ' +
                profile.id +
                ' (' +
                profile.clusters.join(', ') +
                ').'
        )
    }
    var resourceName
    if (profile.resource_type === 'topic') {
        if (groupName) {
            fail(
                'group_name "' +
                    groupName +
                    '" was given, but profile ' +
                    profile.id +
                    ' applies to a topic: name the topic in topic_name.'
            )
        }
        if (!TOPIC_NAME_PATTERN.test(topicName) || topicName === '.' || topicName === '..') {
            fail(
                'topic_name "' +
                    topicName +
                    '" is not one exact Kafka topic name (1-249 of a-z, A-Z, 0-9, ".", "_", "-"; wildcards are not allowed).'
            )
        }
        resourceName = topicName
    } else if (profile.resource_type === 'group') {
        if (topicName) {
            fail(
                'topic_name "' +
                    topicName +
                    '" was given, but profile ' +
                    profile.id +
                    ' applies to a consumer group: name the group in group_name.'
            )
        }
        if (!GROUP_NAME_PATTERN.test(groupName)) {
            fail(
                'group_name "' +
                    groupName +
                    '" is not one exact consumer group id (1-255 of a-z, A-Z, 0-9, ".", "_", "-"; wildcards are not allowed).'
            )
        }
        resourceName = groupName
    } else {
        fail('profile ' + profile.id + ' has resource type "' + profile.resource_type + '" (expected topic or group).')
    }
    if (!/^\d+$/.test(durationText)) {
        fail('duration_ms "' + durationText + '" must be a whole number of milliseconds.')
    }
    var durationMs = parseInt(durationText, 10)
    if (isNaN(maxMinutes) || maxMinutes < 1) {
        fail('system property x_kpow_jit.max_duration_minutes must be a whole number of minutes, at least 1.')
    }
    var limitMs = Math.min(maxMinutes * MINUTE_MS, Number(profile.max_duration_ms))
    if (durationMs < MINUTE_MS || durationMs > limitMs || !listed(profile.durations_ms, String(durationMs))) {
        fail(
            'duration_ms ' +
                durationMs +
                ' is not a duration profile ' +
                profile.id +
                ' offers (' +
                profile.durations_ms.join(', ') +
                ' ms; at most ' +
                limitMs +
                ' ms, the lower of the profile maximum and x_kpow_jit.max_duration_minutes).'
        )
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

    var policyRequest = {
        duration_ms: durationMs,
        policy: {
            role: roleName,
            actions: profile.actions.slice(),
            effect: 'Allow',
            resource: ['cluster', clusterId, profile.resource_type, resourceName],
        },
    }

    var request = new sn_ws.RESTMessageV2()
    request.setEndpoint(baseUrl + '/admin/v1/temporary-policies')
    request.setHttpMethod('post')
    request.setBasicAuth(connection.getCredentialAttribute('user_name'), connection.getCredentialAttribute('password'))
    request.setRequestHeader('Content-Type', 'application/json')
    request.setRequestHeader('Accept', 'application/json')
    request.setHttpTimeout(HTTP_TIMEOUT_MS)
    request.setRequestBody(JSON.stringify(policyRequest))

    var requestTimeMs = new GlideDateTime().getNumericValue()
    noteOnRecord(
        SENDING_NOTE +
            utcValue(requestTimeMs) +
            ' UTC' +
            ' (request_time_ms=' +
            requestTimeMs +
            '): ' +
            JSON.stringify(policyRequest)
    )
    var MAY_HAVE_CREATED = '. Kpow may have created the policy anyway; the flow looks for it.'
    var UNREACHABLE_FOR_REQUESTER =
        'Kpow did not answer in time. It may have created the access anyway; the flow looks for it and removes it.'
    var response
    try {
        response = request.execute()
    } catch (transportError) {
        fail(
            'could not reach Kpow through the "Kpow API" connection (HTTP timeout ' +
                HTTP_TIMEOUT_MS / 1000 +
                ' s): ' +
                (transportError && transportError.message ? transportError.message : transportError) +
                MAY_HAVE_CREATED,
            UNREACHABLE_FOR_REQUESTER
        )
    }
    var status = Number(response.getStatusCode())
    var body = response.getBody()
    outputs.status_code = status

    // The platform reports a connection failure or timeout as status 0 with an error message.
    if (!status) {
        fail(
            'could not reach Kpow through the "Kpow API" connection (HTTP timeout ' +
                HTTP_TIMEOUT_MS / 1000 +
                ' s): ' +
                (response.getErrorMessage() || 'no HTTP answer') +
                MAY_HAVE_CREATED,
            UNREACHABLE_FOR_REQUESTER
        )
    }
    if (isKpowRefusal(status, body)) {
        fail(
            'Kpow answered HTTP ' +
                status +
                ': ' +
                kpowMessage(body) +
                '. ' +
                REFUSED_NOTE +
                ' (request_time_ms=' +
                requestTimeMs +
                ').'
        )
    }
    if (status < 200 || status > 299) {
        fail('Kpow answered HTTP ' + status + ': ' + kpowMessage(body) + MAY_HAVE_CREATED)
    }

    var created
    try {
        created = JSON.parse(body)
    } catch (notJson) {
        fail(
            'Kpow answered HTTP ' +
                status +
                ' with a body that is not JSON: ' +
                String(body).substring(0, 200) +
                MAY_HAVE_CREATED
        )
    }
    var policy = created && created.temporary_policy
    if (!policy || typeof policy.id !== 'string' || !policy.id) {
        fail('Kpow answered HTTP ' + status + ' without temporary_policy.id' + MAY_HAVE_CREATED)
    }
    var createdTs = Number(policy.created_ts)
    var grantedMs = Number(policy.duration_ms)
    if (isNaN(createdTs) || isNaN(grantedMs)) {
        fail(
            'Kpow answered HTTP ' +
                status +
                ' without numeric temporary_policy.created_ts and duration_ms' +
                MAY_HAVE_CREATED
        )
    }

    // The item records its current grant (task fields): an extension replaces the policy there and
    // the waiting flows read it back (Kpow - Read Current Grant, Kpow - Extend Temporary Policy).
    var grantedItem = new GlideRecord('sc_req_item')
    if (inputs.work_notes_record && grantedItem.get(String(inputs.work_notes_record))) {
        grantedItem.setValue('correlation_id', policy.id)
        grantedItem.setValue('work_start', utcValue(createdTs))
        grantedItem.setValue('due_date', utcValue(createdTs + grantedMs))
        grantedItem.update()
    }

    outputs.policy_id = policy.id
    outputs.expires_at = utcValue(createdTs + grantedMs) + ' UTC'
    outputs.inspect_link = profile.resource_type === 'topic' ? inspectLink(clusterId, resourceName) : ''
    outputs.policy = JSON.stringify(policyRequest.policy)
    outputs.access_duration = glideDuration(grantedMs)
})(inputs, outputs)
