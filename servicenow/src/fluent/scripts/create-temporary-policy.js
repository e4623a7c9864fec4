/*
 * Script step of "Kpow - Create Temporary Policy". Platform JavaScript in ES5 mode: no let/const,
 * arrow functions or template literals. The request body is built as an object and serialised
 * with JSON.stringify, so no input can change the shape of the policy.
 */
(function execute(inputs, outputs) {
    var CLUSTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
    var TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,249}$/;
    var ROLE_NAME_PATTERN = /^[^*\s]{1,255}$/;
    var MINUTE_MS = 60000;

    function fail(message) {
        throw new Error('Kpow - Create Temporary Policy: ' + message);
    }

    function kpowMessage(response, body) {
        var parsed;
        try {
            parsed = JSON.parse(body);
        } catch (notJson) {
            parsed = null;
        }
        if (parsed && typeof parsed.message === 'string') return parsed.message;
        if (parsed && typeof parsed.error === 'string') return parsed.error;
        if (parsed && parsed.errors) return JSON.stringify(parsed.errors);
        if (body) return String(body).substring(0, 500);
        return response.getErrorMessage() || 'no response body';
    }

    function utcText(epochMs) {
        return new Date(epochMs).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '') + ' UTC';
    }

    var roleName = String(inputs.role_name || '');
    var clusterId = String(inputs.cluster_id || '');
    var topicName = String(inputs.topic_name || '');
    var durationText = String(inputs.duration_ms || '').replace(/^\s+|\s+$/g, '');
    var maxMinutes = parseInt(gs.getProperty('x_kpow_jit.max_duration_minutes', '60'), 10);

    if (!ROLE_NAME_PATTERN.test(roleName)) {
        fail('role_name "' + roleName + '" must be one Kpow role name without spaces or "*"; pick it from the catalog item.');
    }
    if (!CLUSTER_ID_PATTERN.test(clusterId)) {
        fail('cluster_id "' + clusterId + '" is not a Kafka cluster id (22 characters from A-Z, a-z, 0-9, "_", "-").');
    }
    if (!TOPIC_NAME_PATTERN.test(topicName) || topicName === '.' || topicName === '..') {
        fail('topic_name "' + topicName + '" is not one exact Kafka topic name (1-249 of a-z, A-Z, 0-9, ".", "_", "-"; wildcards are not allowed).');
    }
    if (!/^\d+$/.test(durationText)) {
        fail('duration_ms "' + durationText + '" must be a whole number of milliseconds.');
    }
    var durationMs = parseInt(durationText, 10);
    if (isNaN(maxMinutes) || maxMinutes < 1) {
        fail('system property x_kpow_jit.max_duration_minutes must be a whole number of minutes, at least 1.');
    }
    if (durationMs < MINUTE_MS || durationMs > maxMinutes * MINUTE_MS) {
        fail('duration_ms ' + durationMs + ' must be between ' + MINUTE_MS + ' (1 minute) and ' + maxMinutes * MINUTE_MS +
            ' (' + maxMinutes + ' minutes, x_kpow_jit.max_duration_minutes).');
    }

    var connection = new sn_cc.ConnectionInfoProvider().getConnectionInfo(inputs.connection_alias);
    if (!connection) {
        fail('the "Kpow API" connection alias has no active HTTP connection; create one with a Basic Auth credential (see the app README).');
    }
    var baseUrl = String(connection.getAttribute('connection_url') || '').replace(/\/+$/, '');
    if (!baseUrl) {
        fail('the "Kpow API" HTTP connection has no connection URL.');
    }

    var policyRequest = {
        duration_ms: durationMs,
        policy: {
            role: roleName,
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resource: ['cluster', clusterId, 'topic', topicName]
        }
    };

    var request = new sn_ws.RESTMessageV2();
    request.setEndpoint(baseUrl + '/admin/v1/temporary-policies');
    request.setHttpMethod('post');
    request.setBasicAuth(connection.getCredentialAttribute('user_name'), connection.getCredentialAttribute('password'));
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('Accept', 'application/json');
    request.setHttpTimeout(30000);
    request.setRequestBody(JSON.stringify(policyRequest));

    var response = request.execute();
    var status = response.getStatusCode();
    var body = response.getBody();
    outputs.status_code = status;

    if (status < 200 || status > 299) {
        fail('Kpow answered HTTP ' + status + ': ' + kpowMessage(response, body));
    }

    var created;
    try {
        created = JSON.parse(body);
    } catch (notJson) {
        fail('Kpow answered HTTP ' + status + ' with a body that is not JSON: ' + String(body).substring(0, 200));
    }
    var policy = created && created.temporary_policy;
    if (!policy || typeof policy.id !== 'string' || !policy.id) {
        fail('Kpow answered HTTP ' + status + ' without temporary_policy.id.');
    }
    var createdTs = Number(policy.created_ts);
    var grantedMs = Number(policy.duration_ms);
    if (isNaN(createdTs) || isNaN(grantedMs)) {
        fail('Kpow answered HTTP ' + status + ' without numeric temporary_policy.created_ts and duration_ms.');
    }

    outputs.policy_id = policy.id;
    outputs.expires_at = utcText(createdTs + grantedMs);
})(inputs, outputs);
