/**
 * Temporary policies (the article and Kpow's temporary policies article), as pure functions of their data and a
 * caller-supplied `now`, so expiry is exact and tested with fixed instants.
 *
 * A temporary policy is active while `now < created_ts + duration_ms`: at created_ts + duration - 1
 * it still grants, at created_ts + duration it grants nothing.
 *
 * An admin cannot grant beyond their own permissions (the guide: the admin "must also have
 * TOPIC_DATA_QUERY" to grant it). `checkGrant` is deliberately conservative: for every leaf action
 * of the new policy and every resource pattern it names, ONE of the caller's Allow patterns must
 * cover the whole pattern (a union of narrower grants does not count), no caller Deny may touch
 * any part of it, and under STRICT no caller Stage may either (Stage beats Allow there).
 */
import { expandActions } from './actions'
import { effectPrecedence, policyAppliesToRoles } from './evaluate'
import { patternCovers, patternsIntersect } from './match'
import { policyResources, policyRoles } from './rbac-model'
import type {
    ClusterIdentity,
    EvaluationStrategy,
    Policy,
    ResourcePath,
    TemporaryPolicy,
    TemporaryPolicyBody,
} from './types'

export function expiresAt(tp: TemporaryPolicy): number {
    return tp.created_ts + tp.duration_ms
}

export function isActive(tp: TemporaryPolicy, now: number): boolean {
    return now < expiresAt(tp)
}

export function toPolicy(tp: TemporaryPolicy): Policy {
    return {
        roles: policyRoles(tp.policy),
        actions: tp.policy.actions,
        effect: tp.policy.effect,
        resources: policyResources(tp.policy),
        source: `temporary:${tp.id}`,
    }
}

export function activePolicies(temporaries: Iterable<TemporaryPolicy>, now: number): Policy[] {
    const policies: Policy[] = []
    for (const tp of temporaries) if (isActive(tp, now)) policies.push(toPolicy(tp))
    return policies
}

export type GrantCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

function describe(resource: ResourcePath): string {
    return JSON.stringify(resource)
}

/**
 * Whether a caller holding `callerRoles` (under `policies`: static plus active temporary) may
 * create the temporary policy `body`. The reason names the action and resource that fail.
 */
export function checkGrant(
    callerRoles: readonly string[],
    body: TemporaryPolicyBody,
    policies: readonly Policy[],
    strategy: EvaluationStrategy,
    clusters?: readonly ClusterIdentity[]
): GrantCheck {
    const callerPolicies = policies.filter((policy) => policyAppliesToRoles(policy.roles, callerRoles))
    // Stage only blocks where it outranks Allow.
    const precedence = effectPrecedence(strategy)
    const stageBlocks = precedence.indexOf('Stage') < precedence.indexOf('Allow')
    for (const action of expandActions(body.actions)) {
        const relevant = callerPolicies.filter((policy) => expandActions(policy.actions).includes(action))
        for (const requested of policyResources(body)) {
            const blocker = relevant.find(
                (policy) =>
                    (policy.effect === 'Deny' || (policy.effect === 'Stage' && stageBlocks)) &&
                    policy.resources.some((pattern) => patternsIntersect(pattern, requested, clusters))
            )
            if (blocker !== undefined) {
                const verb = blocker.effect === 'Deny' ? 'is denied' : `is only staged (${strategy})`
                return {
                    ok: false,
                    reason: `caller ${verb} ${action} on ${describe(requested)} by policy ${blocker.source}`,
                }
            }
            const covered = relevant.some(
                (policy) =>
                    policy.effect === 'Allow' &&
                    policy.resources.some((pattern) => patternCovers(pattern, requested, clusters))
            )
            if (!covered) return { ok: false, reason: `caller lacks ${action} on ${describe(requested)}` }
        }
    }
    return { ok: true }
}

/**
 * duration_ms must be a positive integer no greater than TEMPORARY_POLICY_MAX_MS, unless that is
 * -1 (no limit). Returns what is wrong, or null.
 */
export function validateDuration(durationMs: unknown, maxMs: number): string | null {
    if (typeof durationMs !== 'number' || !Number.isSafeInteger(durationMs) || durationMs <= 0) {
        return `duration_ms must be a positive integer number of milliseconds (got ${JSON.stringify(durationMs) ?? String(durationMs)})`
    }
    if (maxMs !== -1 && durationMs > maxMs) {
        return `duration_ms ${durationMs} exceeds the maximum of ${maxMs} ms (TEMPORARY_POLICY_MAX_MS)`
    }
    return null
}
