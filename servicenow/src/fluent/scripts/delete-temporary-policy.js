/*
 * Script step of "Kpow - Delete Temporary Policy". Platform JavaScript in ES5 mode. Kpow answers
 * 404 for a policy that has already expired: access has ended either way, so that is success,
 * reported through the outcome output.
 */
(function execute(inputs, outputs) {
    var POLICY_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

    function fail(message) {
        throw new Error('Kpow - Delete Temporary Policy: ' + message);
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

    var policyId = String(inputs.policy_id || '');
    if (!POLICY_ID_PATTERN.test(policyId)) {
        fail('policy_id "' + policyId + '" is not a Kpow temporary policy id (letters, digits and "-").');
    }

    var connection = new sn_cc.ConnectionInfoProvider().getConnectionInfo(inputs.connection_alias);
    if (!connection) {
        fail('the "Kpow API" connection alias has no active HTTP connection; create one with a Basic Auth credential (see the app README).');
    }
    var baseUrl = String(connection.getAttribute('connection_url') || '').replace(/\/+$/, '');
    if (!baseUrl) {
        fail('the "Kpow API" HTTP connection has no connection URL.');
    }

    var request = new sn_ws.RESTMessageV2();
    request.setEndpoint(baseUrl + '/admin/v1/temporary-policies/' + encodeURIComponent(policyId));
    request.setHttpMethod('delete');
    request.setBasicAuth(connection.getCredentialAttribute('user_name'), connection.getCredentialAttribute('password'));
    request.setRequestHeader('Accept', 'application/json');
    request.setHttpTimeout(30000);

    var response = request.execute();
    var status = response.getStatusCode();
    outputs.status_code = status;

    if (status >= 200 && status <= 299) {
        outputs.already_expired = false;
        outputs.outcome = 'Kpow temporary policy ' + policyId + ' deleted; access revoked.';
        return;
    }
    if (status === 404) {
        outputs.already_expired = true;
        outputs.outcome = 'Kpow temporary policy ' + policyId + ' had already expired (Kpow answered 404); nothing left to revoke.';
        return;
    }
    fail('Kpow answered HTTP ' + status + ': ' + kpowMessage(response, response.getBody()));
})(inputs, outputs);
