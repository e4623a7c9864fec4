/**
 * Who may use Kpow at all, and who is an admin (seed 004, kpow-mock.md §3).
 *
 * "*" is a role held by everyone (seed 001): `authorized_roles: ["*"]` admits every authenticated
 * user, and a policy for role "*" makes its file name a role every user holds. Admin roles are
 * always authorized, whatever `authorized_roles` says.
 */
import type { RbacModel } from './types'

const EVERYONE = '*'

function holdsAny(userRoles: readonly string[], named: Iterable<string>): boolean {
    for (const role of named) {
        if (role === EVERYONE || userRoles.includes(role)) return true
    }
    return false
}

export function isAdmin(model: RbacModel, roles: readonly string[]): boolean {
    return holdsAny(roles, model.adminRoles)
}

/** Without `authorized_roles`: users holding at least one role named by a policy or admin_roles. */
export function isAuthorized(model: RbacModel, roles: readonly string[]): boolean {
    if (isAdmin(model, roles)) return true
    if (model.authorizedRoles !== undefined) return holdsAny(roles, model.authorizedRoles)
    return model.policies.some((policy) => holdsAny(roles, policy.roles))
}
