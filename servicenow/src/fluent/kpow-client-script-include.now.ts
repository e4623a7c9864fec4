import { ScriptInclude } from '@servicenow/sdk/core'

/**
 * x_kpow_jit.KpowClient: the Kpow calls, error texts, notes on the item, access profiles and
 * date-time texts every Kpow action's script step uses (`new x_kpow_jit.KpowClient(...)`), written
 * once. Callable from this application's scripts only.
 */
export const kpowClientScriptInclude = ScriptInclude({
    $id: Now.ID['kpow_client_script_include'],
    name: 'KpowClient',
    apiName: 'x_kpow_jit.KpowClient',
    description:
        "Calls Kpow's temporary-policy API through the Kpow API connection alias and writes what happened on the requested item; shared by the Kpow actions.",
    script: Now.include('./scripts/kpow-client.js'),
    accessibleFrom: 'package_private',
    active: true,
})
