import { Property } from '@servicenow/sdk/core'
import { kpowSettings } from './settings'

/**
 * Who a grant is for, changeable on the instance without a rebuild (System Properties). Kpow's
 * temporary policies attach to a role: `role` (the guide's behaviour, the default) grants the
 * profile's role and so everyone holding it; `personal` grants a role derived from the requester by
 * x_kpow_jit.personal_role_template, which Kpow must give that user alone.
 */
export const grantToProperty = Property({
    $id: Now.ID['grant_to_property'],
    name: 'x_kpow_jit.grant_to',
    type: 'string',
    value: kpowSettings.grantTo,
    description:
        'Who a Kpow grant is for: "role" (the default: the profile\'s role, so everyone holding that role gains the access) or "personal" (a role derived from the requester by x_kpow_jit.personal_role_template, which Kpow gives that user alone).',
})

export const personalRoleTemplateProperty = Property({
    $id: Now.ID['personal_role_template_property'],
    name: 'x_kpow_jit.personal_role_template',
    type: 'string',
    value: kpowSettings.personalRoleTemplate,
    description:
        "In personal mode, the Kpow role a grant goes to: ${user_name} is replaced by the requester's user name. Kpow must give each user this role (a Jetty realm: one extra role per user line; SAML/OpenID: the identity provider emits it).",
})
