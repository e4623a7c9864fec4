import { Alias } from '@servicenow/sdk/core'

/**
 * The only handle the actions have on Kpow. The HTTP connection (URL) and the Basic Auth
 * credential behind it are created on the instance by an administrator, so neither a host nor a
 * secret ever travels in the sources or the update set.
 */
export const kpowConnectionAlias = Alias({
    $id: Now.ID['kpow_connection_alias'],
    name: 'Kpow API',
    type: 'connection',
    connectionType: 'httpConnection',
    description:
        "Kpow's API (API_ENABLED=true, default port 4000). Create one HTTP Connection with the API's base URL and an HTTP Basic Auth credential for a Kpow admin user that also holds TOPIC_DATA_QUERY.",
})
