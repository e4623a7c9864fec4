import { Property } from '@servicenow/sdk/core'
import { kpowSettings } from './settings'

/** How long before Kpow ends a grant the requester is reminded (and offered an extension). */
export const expiryReminderProperty = Property({
    $id: Now.ID['expiry_reminder_minutes_property'],
    name: 'x_kpow_jit.expiry_reminder_minutes',
    type: 'integer',
    value: kpowSettings.expiryReminderMinutes,
    description:
        'Minutes before Kpow ends a grant that the requester is reminded, with a link to extend it (0: no reminder). Grants not longer than this get no reminder.',
})
