/*
 * Script step of "Kpow - Reconcile Temporary Policy". Platform JavaScript in ES5 mode. Runs after
 * "Kpow - Create Temporary Policy" failed: when its request may have reached Kpow (no answer in time,
 * a dropped connection, a 5xx, a broken 2xx), Kpow may have created the policy anyway, and nothing
 * in ServiceNow would ever revoke it. This step finds out and removes it:
 *
 * - The create noted its request and the time it sent it on the item, just before sending; with no
 *   such note it never sent anything. A 4xx that was Kpow's own refusal is noted by the create too:
 *   Kpow created nothing.
 * - Otherwise it lists Kpow's temporary policies and looks for the one the request asked for: same
 *   role, actions, effect, resource and duration, created since the request was sent (less a margin
 *   for the two clocks). Exactly one: it is deleted. None: nothing to remove. Several: it deletes
 *   none (one may be another request's grant) and says so.
 * - When Kpow does not answer, the outcome is "unresolved": the flow calls this action once more, and
 *   the last attempt says plainly that access may exist, until when at the latest, and what an
 *   administrator should do.
 *
 * It never fails the action for Kpow's sake: the flow needs its outcome. It writes the technical
 * detail as a work note and, on its last word, tells the requester in an additional comment.
 */
;(function execute(inputs, outputs) {
    var ACTION_NAME = 'Kpow - Reconcile Temporary Policy'
    // Written by "Kpow - Create Temporary Policy".
    var SENDING_NOTE = x_kpow_jit.KpowClient.SENDING_NOTE
    var REFUSED_NOTE = x_kpow_jit.KpowClient.REFUSED_NOTE
    // Patient, unlike the create (8 s): a Kpow that handles requests in order answers this look-up only
    // after the create it was slow with. Look-up and delete together stay under the platform's 30 s
    // step limit: 18 + 8 = 26 s.
    var LIST_TIMEOUT_MS = 18000
    var DELETE_TIMEOUT_MS = 8000
    // The request time is the instance's clock, created_ts Kpow's: allow them to differ this much.
    var CLOCK_MARGIN_MS = 120000
    var POLICY_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/

    var itemId = String(inputs.work_notes_record || '')
    var lastAttempt = String(inputs.last_attempt) === 'true'
    var item = new GlideRecord('sc_req_item')
    if (!itemId || !item.get(itemId)) {
        throw new Error(ACTION_NAME + ' failed: work_notes_record "' + itemId + '" is not a requested item.')
    }

    var kpow = new x_kpow_jit.KpowClient(ACTION_NAME, itemId, '')
    function utcText(epochMs) {
        return kpow.utcText(epochMs)
    }
    function finish(outcome, workNote, requesterComment, mayExistUntil) {
        outputs.outcome = outcome
        outputs.may_exist_until = mayExistUntil || ''
        item.setValue('work_notes', ACTION_NAME + ': ' + workNote)
        if (requesterComment) item.setValue('comments', requesterComment)
        item.update()
    }

    var NOT_GRANTED =
        'Your access was not granted: Kpow could not create it. The fulfillers can see why on this request; submit a new request once they have fixed the cause.'

    // The create's notes, newest first on the platform; matched by their request time, not their order.
    var journal = String(item.work_notes.getJournalEntry(-1) || '')
    var sent = null
    var sendingPattern = new RegExp(SENDING_NOTE + '[^\\n]*? \\(request_time_ms=(\\d+)\\): (\\{[^\\n]*\\})', 'g')
    var match
    while ((match = sendingPattern.exec(journal)) !== null) {
        var requestTimeMs = Number(match[1])
        if (!sent || requestTimeMs > sent.requestTimeMs) {
            try {
                sent = { requestTimeMs: requestTimeMs, request: JSON.parse(match[2]) }
            } catch (notJson) {
                // A note that only looks like the create's: not a request this step can look for.
            }
        }
    }
    if (!sent || !sent.request || !sent.request.policy) {
        finish(
            'nothing_sent',
            'the create stopped before sending its request to Kpow (its note above says why), so Kpow created nothing; nothing to look for.',
            NOT_GRANTED
        )
        return
    }
    if (journal.indexOf(REFUSED_NOTE + ' (request_time_ms=' + sent.requestTimeMs + ')') !== -1) {
        finish(
            'refused',
            'Kpow refused the create with its own error (the note above), so it created nothing; nothing to look for.',
            NOT_GRANTED
        )
        return
    }

    var asked = sent.request.policy
    var askedDurationMs = Number(sent.request.duration_ms)
    var description =
        'role ' +
        asked.role +
        ', actions ' +
        asked.actions.join(', ') +
        ' on ' +
        JSON.stringify(asked.resource) +
        ' for ' +
        askedDurationMs +
        ' ms, created since ' +
        utcText(sent.requestTimeMs)
    var attemptText = lastAttempt ? ' (last attempt)' : ' (first attempt; the flow tries once more)'

    function sameList(left, right) {
        if (!left || !right || left.length !== right.length) return false
        for (var i = 0; i < left.length; i++) if (String(left[i]) !== String(right[i])) return false
        return true
    }

    function sortedCopy(list) {
        var copy = []
        for (var i = 0; list && i < list.length; i++) copy.push(String(list[i]))
        return copy.sort()
    }

    function roleOf(policy) {
        if (typeof policy.role === 'string') return policy.role
        return policy.roles && policy.roles.length === 1 ? String(policy.roles[0]) : ''
    }

    function resourceOf(policy) {
        if (policy.resource) return policy.resource
        return policy.resources && policy.resources.length === 1 ? policy.resources[0] : null
    }

    function isTheAskedPolicy(candidate) {
        var policy = (candidate && candidate.policy) || {}
        return (
            roleOf(policy) === asked.role &&
            String(policy.effect) === String(asked.effect) &&
            sameList(sortedCopy(policy.actions), sortedCopy(asked.actions)) &&
            sameList(resourceOf(policy), asked.resource) &&
            Number(candidate.duration_ms) === askedDurationMs &&
            Number(candidate.created_ts) >= sent.requestTimeMs - CLOCK_MARGIN_MS
        )
    }

    kpow.connectionProblem(inputs.connection_alias)
    // One call to Kpow; never throws: { status, body } or { problem } when there was no usable answer.
    function callKpow(method, path, timeoutMs) {
        var answer = kpow.send(method, path, null, timeoutMs)
        if (!answer.status && !kpow.baseUrl) return { problem: answer.problem }
        if (!answer.status) return { problem: 'no answer within ' + timeoutMs / 1000 + ' s: ' + answer.problem }
        return answer
    }
    function unresolved(why, knownPolicy) {
        var untilMs = knownPolicy
            ? Number(knownPolicy.created_ts) + Number(knownPolicy.duration_ms)
            : new GlideDateTime().getNumericValue() + askedDurationMs
        var until = utcText(untilMs)
        var what = knownPolicy
            ? 'Kpow holds temporary policy ' +
              knownPolicy.id +
              ' from this request (' +
              description +
              '); it ends on its own at ' +
              until +
              '.'
            : 'Kpow may hold a temporary policy from this request (' +
              description +
              '); if so it ends on its own by ' +
              until +
              ' at the latest (its duration, counted from now).'
        if (!lastAttempt) {
            finish('unresolved', why + attemptText + '. ' + what, '', until)
            return
        }
        finish(
            'unresolved',
            why +
                attemptText +
                '. ' +
                what +
                ' Administrator: in Kpow, Settings > Temporary policies (or GET /admin/v1/temporary-policies), delete ' +
                (knownPolicy
                    ? 'policy ' + knownPolicy.id
                    : 'any policy with that role, actions and resource created since ' + utcText(sent.requestTimeMs)) +
                ', then note here what was done.',
            'Your access was not granted, but Kpow did not answer in time and may have created it anyway: if so, it ends by ' +
                until +
                ' at the latest. The Kpow administrators have been asked on this request to check and remove it; submit a new request if you still need access.',
            until
        )
    }

    var listed = callKpow('get', '/admin/v1/temporary-policies', LIST_TIMEOUT_MS)
    if (listed.problem) {
        unresolved("could not list Kpow's temporary policies: " + listed.problem)
        return
    }
    var answer = null
    try {
        answer = JSON.parse(listed.body)
    } catch (notJson) {
        answer = null
    }
    if (listed.status < 200 || listed.status > 299 || !answer || !answer.temporary_policies) {
        unresolved(
            "could not list Kpow's temporary policies: Kpow answered HTTP " +
                listed.status +
                ': ' +
                listed.body.substring(0, 300)
        )
        return
    }
    var matches = []
    for (var i = 0; i < answer.temporary_policies.length; i++) {
        if (isTheAskedPolicy(answer.temporary_policies[i])) matches.push(answer.temporary_policies[i])
    }
    var listedAt = utcText(new GlideDateTime().getNumericValue())

    if (matches.length === 0) {
        finish(
            'none_found',
            'the create request (sent ' +
                utcText(sent.requestTimeMs) +
                ") may have reached Kpow, so Kpow's temporary policies were listed at " +
                listedAt +
                ': none matches ' +
                description +
                '. Kpow holds no policy from this request; nothing to remove.',
            'Your access was not granted: Kpow did not answer in time, and it holds no access from this request. Submit a new request once the fulfillers have fixed the cause.'
        )
        return
    }
    if (matches.length > 1) {
        var ids = []
        var latestEndMs = 0
        for (var m = 0; m < matches.length; m++) {
            ids.push(matches[m].id)
            latestEndMs = Math.max(latestEndMs, Number(matches[m].created_ts) + Number(matches[m].duration_ms))
        }
        var latestEnd = utcText(latestEndMs)
        finish(
            'ambiguous',
            'Kpow holds ' +
                matches.length +
                ' temporary policies matching ' +
                description +
                ' (' +
                ids.join(', ') +
                "): one may be this request's, the others other requests' grants, and Kpow's policies say nothing of who asked, so none was deleted. They end on their own by " +
                latestEnd +
                " at the latest. Administrator: in Kpow, Settings > Temporary policies, delete the one no other request's grant note names, then note here what was done.",
            'Your access was not granted, but Kpow did not answer in time and may have created it anyway: if so, it ends by ' +
                latestEnd +
                ' at the latest. The Kpow administrators have been asked on this request to check and remove it; submit a new request if you still need access.',
            latestEnd
        )
        return
    }

    var found = matches[0]
    if (!POLICY_ID_PATTERN.test(String(found.id))) {
        unresolved(
            'Kpow listed a matching policy with an id that is not a temporary policy id ("' + found.id + '")',
            found
        )
        return
    }
    var deleted = callKpow('delete', '/admin/v1/temporary-policies/' + encodeURIComponent(found.id), DELETE_TIMEOUT_MS)
    if (deleted.problem || ((deleted.status < 200 || deleted.status > 299) && deleted.status !== 404)) {
        unresolved(
            'found temporary policy ' +
                found.id +
                ' matching ' +
                description +
                ', but could not delete it: ' +
                (deleted.problem || 'Kpow answered HTTP ' + deleted.status + ': ' + deleted.body.substring(0, 300)),
            found
        )
        return
    }
    finish(
        'deleted',
        'the create request (sent ' +
            utcText(sent.requestTimeMs) +
            ') reached Kpow after all: temporary policy ' +
            found.id +
            ' (' +
            description +
            ', created ' +
            utcText(Number(found.created_ts)) +
            ') was found and ' +
            (deleted.status === 404
                ? 'had already ended (Kpow answered 404).'
                : 'deleted (Kpow answered HTTP ' + deleted.status + ').') +
            ' No access from this request remains.',
        'Your access was not granted: Kpow did not answer in time. It had created the access after all, and it has been removed again, so you have no access from this request. Submit a new request once the fulfillers have fixed the cause.'
    )
})(inputs, outputs)
