import { Property } from '@servicenow/sdk/core'
import { kpowSettings } from './settings'

/**
 * The longest access the create action will ask Kpow for. The form only offers durations up to
 * the same maximum; this property is the server-side guard for requests that bypass the form.
 */
export const maxDurationProperty = Property({
    $id: Now.ID['max_duration_minutes_property'],
    name: 'x_kpow_jit.max_duration_minutes',
    type: 'integer',
    value: kpowSettings.maxDurationMinutes,
    description:
        "Longest temporary access, in minutes, that may be requested. Keep it at or below Kpow's TEMPORARY_POLICY_MAX_MS (1 hour by default).",
})
