// Logging in, shared by the login form and POST /mock/v1/session: the `kpow` realm's check, then
// RBAC's authorized_roles, then the session cookie. Refusals and successes are audited.
import type { Response } from 'express'
import type { Realm } from '../../auth/index'
import { isAuthorized } from '../../engine/index'
import type { AuditRecorder, Authorization } from '../../kpow-service'
import { tenantsOf } from './request-context'
import { SESSION_COOKIE, type Session } from './sessions'

export type LoginOutcome =
    | { readonly kind: 'ok'; readonly principal: { readonly user: string; readonly roles: readonly string[] } }
    | { readonly kind: 'bad-credentials' }
    | { readonly kind: 'not-authorized'; readonly roles: readonly string[] }

/**
 * The `kpow` realm's check, then RBAC's authorized_roles; both refusals and successes are audited,
 * refusals within the per-client limit (`client`: the request's address).
 */
export function logIn(
    deps: { readonly audit: AuditRecorder; readonly authorization: Authorization; readonly realm: Realm },
    client: string,
    username: string,
    password: string
): LoginOutcome {
    const { audit, authorization } = deps
    const user = deps.realm.authenticate(username, password)
    if (!user) {
        audit.recordRefusal(client, {
            event: 'login-refused',
            user: username || 'anonymous',
            action: 'LOGIN',
            resource: [],
            decision: 'Refused',
            detail: 'wrong username or password (realm kpow)',
        })
        return { kind: 'bad-credentials' }
    }
    if (!isAuthorized(authorization.rbac, user.roles)) {
        audit.recordRefusal(client, {
            event: 'login-refused',
            user: user.user,
            action: 'LOGIN',
            resource: [],
            decision: 'Refused',
            detail: `no authorized role (holds ${user.roles.join(', ') || 'none'})`,
        })
        return { kind: 'not-authorized', roles: user.roles }
    }
    audit.recordAudit({
        event: 'login',
        user: user.user,
        action: 'LOGIN',
        resource: [],
        decision: 'Allow',
        detail: `roles=${user.roles.join(',')}`,
    })
    return { kind: 'ok', principal: { user: user.user, roles: user.roles } }
}

/** A user admitted to exactly one tenant works in it; with several they choose. */
export function onlyTenant(
    authorization: Authorization,
    principal: { readonly roles: readonly string[] }
): string | undefined {
    const tenants = tenantsOf(authorization, principal)
    return tenants.length === 1 ? tenants[0]?.name : undefined
}

export function setSessionCookie(res: Response, session: Session): void {
    res.cookie(SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'lax',
        expires: new Date(session.expiresAt),
        path: '/',
    })
}
