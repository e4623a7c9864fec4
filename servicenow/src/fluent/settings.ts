/**
 * The knobs an operator turns before building the app. Fluent sources are read statically by the
 * SDK, so these are literal data only (no computed values). scripts/lib/update-set/update-set.test.ts
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
    /** Extensions offered on "Extend Kpow Access": key in milliseconds, label in minutes. */
    extensionChoices: {
        '300000': { label: '5 minutes', sequence: 1 },
        '900000': { label: '15 minutes', sequence: 2 },
        '1800000': { label: '30 minutes', sequence: 3 },
    },
    /** Default of x_kpow_jit.expiry_reminder_minutes: the reminder comes this long before Kpow's end. */
    expiryReminderMinutes: 10,
    /** Kpow roles a requester may choose from; the key is the role name sent to Kpow. */
    roleChoices: {
        'kafka-users': { label: 'kafka-users', sequence: 1 },
    },
    /** Who approves when the requester has no manager (never auto-approval). */
    fallbackApprovalGroupName: 'Kpow Access Approvers',
    /** Kpow's TEMPORARY_POLICY_MAX_MS in minutes: no profile may offer or allow more. */
    kpowTemporaryPolicyMaxMinutes: 60,
    /**
     * Default of the x_kpow_jit.grant_to property (changeable on the instance without a rebuild):
     * 'role' grants the profile's role (everyone holding it gains the access), 'personal' a role
     * derived from the requester by personalRoleTemplate.
     */
    grantTo: 'role',
    /** Default of x_kpow_jit.personal_role_template: ${user_name} is the requester's user name. */
    personalRoleTemplate: 'user-${user_name}',
    /**
     * Default of x_kpow_jit.approval_deadline_hours (changeable on the instance without a rebuild): an
     * approval nobody decided within this many hours is rejected automatically (Ask For Approval's due date).
     */
    approvalDeadlineHours: 8,
} as const

/** Kpow actions a profile may grant (Kpow's RBAC action names). */
export type KpowAction =
    'TOPIC_DATA_QUERY' | 'TOPIC_DATA_DOWNLOAD' | 'TOPIC_INSPECT' | 'TOPIC_PRODUCE' | 'GROUP_EDIT' | 'GROUP_DELETE'

/**
 * One kind of access a requester can ask for. The create action builds the Kpow policy from the
 * profile's definition on the instance (the `x_kpow_jit.access_profiles` property, generated from
 * this list), never from anything the form sends: a requester picks the resource and the
 * duration, nothing else.
 */
export interface AccessProfile {
    /** Stable key: letters, digits and "_"; names the generated records. Never reuse one. */
    id: string
    /** The catalog item's name, as requesters see it. */
    name: string
    description: string
    actions: readonly KpowAction[]
    /** What the requester names: a topic or a consumer group. Wildcards are refused everywhere. */
    resourceType: 'topic' | 'group'
    /** Kafka cluster ids (22 characters) the profile may be used on. */
    clusters: readonly string[]
    /** Kpow roles a grant may go to in role mode (x_kpow_jit.grant_to = role); the first is the default. */
    roles: readonly string[]
    /** Durations offered on the form, in minutes, each at most maxDurationMinutes. */
    durationsMinutes: readonly number[]
    /** Longest grant for this profile; never above kpowTemporaryPolicyMaxMinutes. */
    maxDurationMinutes: number
    /** manager (the approvers group when there is none), group, or the manager then the group. */
    approvers: 'manager' | 'group' | 'manager_then_group'
    /**
     * Extensions of at most this many minutes need no approval (0 or absent: every extension is
     * approved as the original request). An extension never takes the whole access, from the first
     * grant to the new end, beyond maxDurationMinutes.
     */
    preApprovedExtensionMinutes?: number
    /**
     * The guide's hand-written item "Request Kpow Topic Query Access" serves this profile; every
     * other profile gets a catalog item generated from this entry (npm run build).
     */
    guideItem?: true
}

/**
 * The access profiles. Adding one: an entry here, `npm run build -- --record-keys`, commit, redeploy
 * the update set. The build refuses a profile above Kpow's maximum or with an unknown cluster id.
 */
export const accessProfiles: readonly AccessProfile[] = [
    {
        id: 'topic_query',
        name: 'Request Kpow Topic Query Access',
        description: 'Query the messages of one Kafka topic in Kpow (Data > Inspect), read only.',
        actions: ['TOPIC_DATA_QUERY'],
        resourceType: 'topic',
        clusters: ['42RglGpZQwy9D5VzTVpCWA'],
        roles: ['kafka-users'],
        durationsMinutes: [1, 5, 15, 30, 60],
        maxDurationMinutes: 60,
        approvers: 'manager',
        preApprovedExtensionMinutes: 15,
        guideItem: true,
    },
    {
        id: 'group_edit',
        name: 'Request Kpow Consumer Group Edit Access',
        description:
            "Edit one consumer group's offsets in Kpow, e.g. skip a poison message during an incident (in Workflows: the consumer group, then Skip Offset).",
        actions: ['GROUP_EDIT'],
        resourceType: 'group',
        clusters: ['42RglGpZQwy9D5VzTVpCWA'],
        roles: ['kafka-users'],
        durationsMinutes: [15, 30, 60],
        maxDurationMinutes: 60,
        approvers: 'manager_then_group',
    },
]
