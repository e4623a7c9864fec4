/*
 * Script Include x_kpow_jit.KpowClient. Platform JavaScript in ES5 mode. What the Kpow actions'
 * script steps share: calls to Kpow's API through the "Kpow API" connection alias
 * (sn_cc.ConnectionInfoProvider for the URL and Basic credential, sn_ws.RESTMessageV2 for the call),
 * Kpow's error messages, notes and failure emails on the requested item, the access profiles, the
 * item's variables and the platform's date-time texts.
 *
 *     var kpow = new x_kpow_jit.KpowClient('Kpow - Delete Temporary Policy', inputs.work_notes_record, '')
 *     kpow.connect(inputs.connection_alias)
 *     var answer = kpow.send('delete', '/admin/v1/temporary-policies/' + id, null, 8000)
 *
 * A failure (fail) is written as a work note on the item (when there is one) and, when the action
 * names a failure event, told to the requester by email, before the action fails: a flow's catch
 * branch cannot read the failed action's error.
 */
var KpowClient = Class.create()

/** Texts "Kpow - Create Temporary Policy" writes and "Kpow - Reconcile Temporary Policy" reads back. */
KpowClient.SENDING_NOTE = 'Kpow - Create Temporary Policy: sending the request to Kpow at '
KpowClient.REFUSED_NOTE = 'Kpow refused the request, so nothing was created'
KpowClient.PROFILES_PROPERTY = 'x_kpow_jit.access_profiles'
KpowClient.MINUTE_MS = 60000

KpowClient.prototype = {
    /**
     * actionName: the action failures are named after; itemSysId: the requested item that receives
     * notes ('' for none); failureEvent: the event that tells the requester of a failure ('' for none).
     */
    initialize: function (actionName, itemSysId, failureEvent) {
        this.actionName = String(actionName)
        this.itemSysId = String(itemSysId || '')
        this.failureEvent = String(failureEvent || '')
        this.connection = null
        this.baseUrl = ''
    },

    RAW_BODY_LIMIT: 500,

    /** The requested item the notes go to, or null. */
    item: function () {
        if (!this.itemSysId) return null
        var item = new GlideRecord('sc_req_item')
        return item.get(this.itemSysId) ? item : null
    },

    note: function (text) {
        var item = this.item()
        if (!item) return
        item.work_notes = text
        item.update()
    },

    // The requester's email when the action names a failure event (notifications.now.ts): the reason
    // with Kpow's status and message, nothing of the connection or its credential.
    tellRequester: function (message) {
        if (!this.failureEvent) return
        var item = this.item()
        if (!item) return
        gs.eventQueue(this.failureEvent, item, message, '')
    },

    // requesterMessage replaces message in the requester's email when message carries an exception's
    // text (the platform's wording, meant for the people working the request, not for the requester).
    fail: function (message, requesterMessage) {
        var text = this.actionName + ' failed: ' + message
        this.note(text)
        this.tellRequester(requesterMessage || message)
        throw new Error(text)
    },

    // Kpow's error body is {"error", "message", "fields": [{"path", "message"}]}; anything else
    // (a proxy's HTML page, plain text) is passed on raw, truncated.
    kpowMessage: function (body) {
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
            return raw.length > this.RAW_BODY_LIMIT ? raw.substring(0, this.RAW_BODY_LIMIT) + '... (truncated)' : raw
        }
        return 'no response body'
    },

    // A refusal is Kpow's own JSON error on a 4xx (not 408, a proxy's timeout): Kpow read the request and
    // created nothing. Anything else (5xx, a proxy's page, no answer) may have come after Kpow created it.
    isKpowRefusal: function (status, body) {
        if (status < 400 || status > 499 || status === 408) return false
        try {
            var parsed = JSON.parse(body)
            return !!parsed && (typeof parsed.message === 'string' || typeof parsed.error === 'string')
        } catch (notJson) {
            return false
        }
    },

    /** Why the alias cannot be used ('' when it can); remembers its URL and credential for send. */
    connectionProblem: function (aliasSysId) {
        this.connection = new sn_cc.ConnectionInfoProvider().getConnectionInfo(aliasSysId)
        if (!this.connection) {
            return 'the "Kpow API" connection alias has no active HTTP connection; create one with a Basic Auth credential (see the app README).'
        }
        this.baseUrl = String(this.connection.getAttribute('connection_url') || '').replace(/\/+$/, '')
        if (!this.baseUrl) return 'the "Kpow API" HTTP connection has no connection URL.'
        return ''
    },

    /** As connectionProblem, failing the action when the alias cannot be used. */
    connect: function (aliasSysId) {
        var problem = this.connectionProblem(aliasSysId)
        if (problem) this.fail(problem)
        return this
    },

    /**
     * One call to Kpow's API (path below the connection URL; body: an object sent as JSON, or null).
     * Never throws: { status, body }, or { status: 0, problem } when no HTTP answer came (the platform
     * reports a connection failure or timeout as status 0 with an error message, or throws).
     */
    send: function (method, path, body, timeoutMs) {
        if (!this.baseUrl) {
            return {
                status: 0,
                body: '',
                problem: 'the "Kpow API" connection alias has no active HTTP connection with a URL',
            }
        }
        var request = new sn_ws.RESTMessageV2()
        request.setEndpoint(this.baseUrl + path)
        request.setHttpMethod(method)
        request.setBasicAuth(
            this.connection.getCredentialAttribute('user_name'),
            this.connection.getCredentialAttribute('password')
        )
        if (body) request.setRequestHeader('Content-Type', 'application/json')
        request.setRequestHeader('Accept', 'application/json')
        request.setHttpTimeout(timeoutMs)
        if (body) request.setRequestBody(JSON.stringify(body))
        var response
        try {
            response = request.execute()
        } catch (transportError) {
            return {
                status: 0,
                body: '',
                problem: String(transportError && transportError.message ? transportError.message : transportError),
            }
        }
        var status = Number(response.getStatusCode())
        if (!status) return { status: 0, body: '', problem: String(response.getErrorMessage() || 'no HTTP answer') }
        return { status: status, body: String(response.getBody() || ''), problem: '' }
    },

    /** The text of a call that got no HTTP answer (send's problem), with the timeout it had. */
    unreachable: function (problem, timeoutMs) {
        return (
            'could not reach Kpow through the "Kpow API" connection (HTTP timeout ' +
            timeoutMs / 1000 +
            ' s): ' +
            problem
        )
    },

    /** The access profiles (system property x_kpow_jit.access_profiles, generated from settings.ts). */
    profiles: function () {
        try {
            return JSON.parse(gs.getProperty(KpowClient.PROFILES_PROPERTY, '[]'))
        } catch (notJson) {
            this.fail(
                'system property ' +
                    KpowClient.PROFILES_PROPERTY +
                    ' is not JSON; redeploy the update set to restore it.'
            )
        }
    },

    /** The access profile whose field (id, name) is value, or null. */
    profileWhere: function (field, value) {
        var profiles = this.profiles()
        var found = null
        for (var i = 0; profiles && i < profiles.length; i++) {
            if (profiles[i] && profiles[i][field] === value) found = profiles[i]
        }
        return found
    },

    /** The access profile serving a catalog item (by the item's name); fails the action when none does. */
    profileServing: function (catalogItemName) {
        var profile = this.profileWhere('name', catalogItemName)
        if (!profile) {
            this.fail(
                'no access profile serves catalog item "' +
                    catalogItemName +
                    '" (system property ' +
                    KpowClient.PROFILES_PROPERTY +
                    ').'
            )
        }
        return profile
    },

    /** A requested item's catalog variables by name: sc_item_option_mtom links the item to each answer. */
    itemVariables: function (itemSysId) {
        var values = {}
        var links = new GlideRecord('sc_item_option_mtom')
        links.addQuery('request_item', itemSysId)
        links.query()
        while (links.next()) {
            var answer = new GlideRecord('sc_item_option')
            if (!answer.get(String(links.getValue('sc_item_option') || ''))) continue
            var question = new GlideRecord('item_option_new')
            if (!question.get(String(answer.getValue('item_option_new') || ''))) continue
            values[String(question.getValue('name'))] = String(answer.getValue('value') || '')
        }
        return values
    },

    /**
     * Until when an approval asked now may be decided: now plus x_kpow_jit.approval_deadline_hours
     * (changeable without a rebuild), as a date-time value (UTC) Ask For Approval's due date takes,
     * and the hours as text.
     */
    approvalDeadline: function () {
        var hours = Number(gs.getProperty('x_kpow_jit.approval_deadline_hours', '8'))
        if (!(hours > 0)) {
            this.fail(
                'system property x_kpow_jit.approval_deadline_hours is not a number of hours above 0; set it to e.g. 8.'
            )
        }
        var due = new GlideDateTime()
        due.addSeconds(Math.round(hours * 3600))
        return { due: due.getValue(), hours: String(hours) }
    },

    /** yyyy-MM-dd HH:mm:ss in UTC, the platform's internal date-time value. */
    utcValue: function (epochMs) {
        return new Date(epochMs).toISOString().replace('T', ' ').substring(0, 19)
    },

    /** The same, named: what texts for people say. */
    utcText: function (epochMs) {
        return this.utcValue(epochMs) + ' UTC'
    },

    // A glide_duration value (what a flow's Wait For Condition timeout takes): a date-time after the
    // epoch, "1970-01-01 00:15:00" for 15 minutes; rounded up to the second (a wait never ends early),
    // at least 1 s.
    glideDuration: function (milliseconds) {
        // Whole days roll into the date: "1970-01-02 01:00:00" is 25 hours (hours stay 00-23).
        return this.utcValue(Math.max(1, Math.ceil(milliseconds / 1000)) * 1000)
    },

    /** "1 minute", "15 minutes". */
    minutesText: function (milliseconds) {
        var minutes = Math.round(milliseconds / KpowClient.MINUTE_MS)
        return minutes === 1 ? '1 minute' : minutes + ' minutes'
    },

    type: 'KpowClient',
}
