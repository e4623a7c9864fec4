/**
 * Who may use Kpow at all, and who is an admin (Kpow's RBAC docs).
 *
 * "*" is a role held by everyone (Kpow's RBAC guide): `authorized_roles: ["*"]` admits every authenticated
 * user, and a policy for role "*" makes its file name a role every user holds. Admin roles are
 * always authorized, whatever `authorized_roles` says.
 */
import { expandActions } from './actions'
import type { Policy, RbacModel } from './types'

const EVERYONE = '*'

function holdsAny(userRoles: readonly string[], named: Iterable<string>): boolean {
    for (const role of named) {
        if (role === EVERYONE || userRoles.includes(role)) return true
    }
    return false
}

/** Roles the RBAC file makes admins through policies: Allow of ADMIN (or KPOW_ADMIN), not denied. */
interface AdminByPolicy {
    readonly allowed: readonly string[]
    readonly denied: readonly string[]
}

const adminByPolicyCache = new WeakMap<readonly Policy[], AdminByPolicy>()

function adminByPolicy(policies: readonly Policy[]): AdminByPolicy {
    let found = adminByPolicyCache.get(policies)
    if (found === undefined) {
        const allowed: string[] = []
        const denied: string[] = []
        for (const policy of policies) {
            if (!expandActions(policy.actions).includes('ADMIN')) continue
            if (policy.effect === 'Allow') allowed.push(...policy.roles)
            else if (policy.effect === 'Deny') denied.push(...policy.roles)
        }
        found = { allowed, denied }
        adminByPolicyCache.set(policies, found)
    }
    return found
}

/**
 * Kpow admins: users holding one of `admin_roles`, or [C] a role the RBAC file Allows the ADMIN
 * action ("be a Kpow admin"; KPOW_ADMIN is its older name) on any resource, unless a Deny of ADMIN
 * applies to one of their roles. Only the file counts: a temporary policy granting ADMIN makes
 * nobody an admin, so admin rights cannot be handed out through the API they protect.
 */
export function isAdmin(model: RbacModel, roles: readonly string[]): boolean {
    if (holdsAny(roles, model.adminRoles)) return true
    const byPolicy = adminByPolicy(model.policies)
    if (byPolicy.allowed.length === 0) return false
    return holdsAny(roles, byPolicy.allowed) && !holdsAny(roles, byPolicy.denied)
}

/** Without `authorized_roles`: users holding at least one role named by a policy or admin_roles. */
export function isAuthorized(model: RbacModel, roles: readonly string[]): boolean {
    if (isAdmin(model, roles)) return true
    if (model.authorizedRoles !== undefined) return holdsAny(roles, model.authorizedRoles)
    return model.policies.some((policy) => holdsAny(roles, policy.roles))
}
