import { Property } from '@servicenow/sdk/core'

/**
 * Where Kpow's UI answers, for the grant note's link to Data > Inspect. Not the alias' connection: that
 * is Kpow's API (its own port, often its own host, perhaps reached through a MID Server), while the
 * link is opened by people in their browsers. Empty (the default): the note carries no link.
 */
export const kpowUiUrlProperty = Property({
    $id: Now.ID['kpow_ui_url_property'],
    name: 'x_kpow_jit.kpow_ui_url',
    type: 'string',
    value: '',
    description:
        "Kpow's UI address as people open it in a browser, with its scheme and host (not the API's address behind the Kpow API alias). Grant notes of topic profiles link to Data > Inspect there; empty: no link.",
})
