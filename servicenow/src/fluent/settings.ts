/**
 * The knobs an operator turns before building the app. Fluent sources are read statically by the
 * SDK, so these are literal data only (no computed values). scripts/update-set/update-set.test.ts
 * checks the built choices stay within the maximum. Keep each duration key = its label in ms.
 * Nothing here is a secret: the Kpow URL and credential live only in the instance's Connection
 * & Credential records.
 */
export const kpowSettings = {
    /** Kpow's TEMPORARY_POLICY_MAX_MS defaults to one hour; never offer more than Kpow accepts. */
    maxDurationMinutes: 60,
    /**
     * Durations offered on the form. The key (the value the flow passes to Kpow) is in
     * milliseconds, the label in the unit people use.
     */
    durationChoices: {
        '60000': { label: '1 minute', sequence: 1 },
        '300000': { label: '5 minutes', sequence: 2 },
        '900000': { label: '15 minutes', sequence: 3 },
        '1800000': { label: '30 minutes', sequence: 4 },
        '3600000': { label: '1 hour', sequence: 5 },
    },
    durationHelpText:
        'How long Kpow keeps the access open: from 1 minute up to 1 hour. Closing this request earlier revokes the access at once.',
    /** Kpow roles a requester may choose from; the key is the role name sent to Kpow. */
    roleChoices: {
        'kafka-users': { label: 'kafka-users', sequence: 1 },
    },
    /** Who approves when the requester has no manager (never auto-approval). */
    fallbackApprovalGroupName: 'Kpow Access Approvers',
} as const
