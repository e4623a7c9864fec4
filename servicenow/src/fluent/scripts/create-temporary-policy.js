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
    // A failed grant is told to the requester by email (notification "Kpow access could not be granted").
    var kpow = new x_kpow_jit.KpowClient(
        'Kpow - Create Temporary Policy',
        inputs.work_notes_record,
        'x_kpow_jit.access.grant_failed'
    )
    var CLUSTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
    var TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,249}$/
    var GROUP_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,255}$/
    var ROLE_NAME_PATTERN = /^[^*\s]{1,255}$/
    var MINUTE_MS = 60000
    // Kpow answers a create in milliseconds. The platform stops a script step after 30 s; 8 s leaves the
    // step more than 20 s to write why it failed, so the reason is always on the item.
    var HTTP_TIMEOUT_MS = 8000

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

    var profileId = String(inputs.profile_id || '')
    var roleName = String(inputs.role_name || '')
    var clusterId = String(inputs.cluster_id || '')
    var topicName = String(inputs.topic_name || '')
    var groupName = String(inputs.group_name || '')
    var durationText = String(inputs.duration_ms || '').replace(/^\s+|\s+$/g, '')
    var maxMinutes = parseInt(gs.getProperty('x_kpow_jit.max_duration_minutes', '60'), 10)

    // The profile is the instance's own definition: the caller only names it.
    var profile = kpow.profileWhere('id', profileId)
    if (!profile) {
        kpow.fail(
            'profile_id "' +
                profileId +
                '" is not an access profile in system property ' +
                x_kpow_jit.KpowClient.PROFILES_PROPERTY +
                '.',
            "the kind of access requested is not among your administrator's access profiles."
        )
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
            kpow.fail(
                'personal grants (x_kpow_jit.grant_to = personal) need the requested item in work_notes_record and x_kpow_jit.personal_role_template containing ${user_name}.',
                "your administrator's grant setting gives access to personal Kpow roles, and yours could not be worked out from this request."
            )
        }
        var personalRole = template.split('${user_name}').join(String(requester.getValue('user_name')))
        if (roleName !== personalRole || !ROLE_NAME_PATTERN.test(roleName)) {
            kpow.fail(
                'role_name "' +
                    roleName +
                    '" is not the requester\'s personal role ' +
                    personalRole +
                    ' (x_kpow_jit.grant_to = personal).',
                'the Kpow role ' +
                    roleName +
                    " is not your personal role, which your administrator's grant setting requires."
            )
        }
    } else if (grantTo !== 'role') {
        kpow.fail(
            'system property x_kpow_jit.grant_to is "' + grantTo + '"; set it to role or personal.',
            "your administrator's grant setting has a value this app does not know."
        )
    } else if (!ROLE_NAME_PATTERN.test(roleName) || !listed(profile.roles, roleName)) {
        kpow.fail(
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
        kpow.fail(
            'cluster_id "' + clusterId + '" is not a Kafka cluster id (22 characters from A-Z, a-z, 0-9, "_", "-").'
        )
    }
    if (!listed(profile.clusters, clusterId)) {
        kpow.fail(
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
            kpow.fail(
                'group_name "' +
                    groupName +
                    '" was given, but profile ' +
                    profile.id +
                    ' applies to a topic: name the topic in topic_name.'
            )
        }
        if (!TOPIC_NAME_PATTERN.test(topicName) || topicName === '.' || topicName === '..') {
            kpow.fail(
                'topic_name "' +
                    topicName +
                    '" is not one exact Kafka topic name (1-249 of a-z, A-Z, 0-9, ".", "_", "-"; wildcards are not allowed).'
            )
        }
        resourceName = topicName
    } else if (profile.resource_type === 'group') {
        if (topicName) {
            kpow.fail(
                'topic_name "' +
                    topicName +
                    '" was given, but profile ' +
                    profile.id +
                    ' applies to a consumer group: name the group in group_name.'
            )
        }
        if (!GROUP_NAME_PATTERN.test(groupName)) {
            kpow.fail(
                'group_name "' +
                    groupName +
                    '" is not one exact consumer group id (1-255 of a-z, A-Z, 0-9, ".", "_", "-"; wildcards are not allowed).'
            )
        }
        resourceName = groupName
    } else {
        kpow.fail(
            'profile ' + profile.id + ' has resource type "' + profile.resource_type + '" (expected topic or group).'
        )
    }
    if (!/^\d+$/.test(durationText)) {
        kpow.fail('duration_ms "' + durationText + '" must be a whole number of milliseconds.')
    }
    var durationMs = parseInt(durationText, 10)
    if (isNaN(maxMinutes) || maxMinutes < 1) {
        kpow.fail(
            'system property x_kpow_jit.max_duration_minutes must be a whole number of minutes, at least 1.',
            "your administrator's longest-access setting is not a whole number of minutes."
        )
    }
    var limitMs = Math.min(maxMinutes * MINUTE_MS, Number(profile.max_duration_ms))
    if (durationMs < MINUTE_MS || durationMs > limitMs || !listed(profile.durations_ms, String(durationMs))) {
        kpow.fail(
            'duration_ms ' +
                durationMs +
                ' is not a duration profile ' +
                profile.id +
                ' offers (' +
                profile.durations_ms.join(', ') +
                ' ms; at most ' +
                limitMs +
                ' ms, the lower of the profile maximum and x_kpow_jit.max_duration_minutes).',
            'the duration requested is not one this access offers: at most ' +
                kpow.minutesText(limitMs) +
                ", set by the access profile and your administrator's longest-access setting."
        )
    }

    kpow.connect(inputs.connection_alias)

    var policyRequest = {
        duration_ms: durationMs,
        policy: {
            role: roleName,
            actions: profile.actions.slice(),
            effect: 'Allow',
            resource: ['cluster', clusterId, profile.resource_type, resourceName],
        },
    }

    var requestTimeMs = new GlideDateTime().getNumericValue()
    kpow.note(
        x_kpow_jit.KpowClient.SENDING_NOTE +
            kpow.utcValue(requestTimeMs) +
            ' UTC' +
            ' (request_time_ms=' +
            requestTimeMs +
            '): ' +
            JSON.stringify(policyRequest)
    )
    var MAY_HAVE_CREATED = '. Kpow may have created the policy anyway; the flow looks for it.'
    var answer = kpow.send('post', '/admin/v1/temporary-policies', policyRequest, HTTP_TIMEOUT_MS)
    var status = answer.status
    var body = answer.body
    outputs.status_code = status
    var UNREACHABLE_FOR_REQUESTER =
        'Kpow did not answer in time. It may have created the access anyway; the flow looks for it and removes it.'
    if (!status) {
        kpow.fail(kpow.unreachable(answer.problem, HTTP_TIMEOUT_MS) + MAY_HAVE_CREATED, UNREACHABLE_FOR_REQUESTER)
    }
    if (kpow.isKpowRefusal(status, body)) {
        kpow.fail(
            'Kpow answered HTTP ' +
                status +
                ': ' +
                kpow.kpowMessage(body) +
                '. ' +
                x_kpow_jit.KpowClient.REFUSED_NOTE +
                ' (request_time_ms=' +
                requestTimeMs +
                ').'
        )
    }
    if (status < 200 || status > 299) {
        kpow.fail('Kpow answered HTTP ' + status + ': ' + kpow.kpowMessage(body) + MAY_HAVE_CREATED)
    }

    var created
    try {
        created = JSON.parse(body)
    } catch (notJson) {
        kpow.fail(
            'Kpow answered HTTP ' +
                status +
                ' with a body that is not JSON: ' +
                String(body).substring(0, 200) +
                MAY_HAVE_CREATED
        )
    }
    var policy = created && created.temporary_policy
    if (!policy || typeof policy.id !== 'string' || !policy.id) {
        kpow.fail('Kpow answered HTTP ' + status + ' without temporary_policy.id' + MAY_HAVE_CREATED)
    }
    var createdTs = Number(policy.created_ts)
    var grantedMs = Number(policy.duration_ms)
    if (isNaN(createdTs) || isNaN(grantedMs)) {
        kpow.fail(
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
        grantedItem.setValue('work_start', kpow.utcValue(createdTs))
        grantedItem.setValue('due_date', kpow.utcValue(createdTs + grantedMs))
        grantedItem.update()
    }

    outputs.policy_id = policy.id
    outputs.expires_at = kpow.utcValue(createdTs + grantedMs) + ' UTC'
    outputs.inspect_link = profile.resource_type === 'topic' ? inspectLink(clusterId, resourceName) : ''
    outputs.policy = JSON.stringify(policyRequest.policy)
    outputs.access_duration = kpow.glideDuration(grantedMs)
})(inputs, outputs)
