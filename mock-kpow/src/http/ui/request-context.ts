// Per-request identity on the UI port: the session from the cookie, the tenant the user works in,
// and the Viewer handed to the data plane. Pages and JSON endpoints resolve these the same way.
import { parse as parseCookies } from 'cookie'
import type { Request } from 'express'
import type { Viewer } from '../../data/data-access'
import { tenantsFor } from '../../engine/index'
import type { Tenant } from '../../engine/types'
import type { Authorization } from '../../kpow-service'
import { KpowError } from '../../errors'
import type { Chrome } from './layout'
import { SESSION_COOKIE, type Session, type SessionStore } from './sessions'

/**
 * One cookie of the request. The cookie library leaves a value whose percent-escapes do not decode
 * as it is, so a garbled cookie names no session (the visitor gets a fresh login page) instead of
 * throwing.
 */
export function cookieOf(req: Request, name: string): string | undefined {
    return parseCookies(req.get('cookie') ?? '')[name]
}

export function sessionOf(req: Request, sessions: SessionStore): Session | undefined {
    return sessions.get(cookieOf(req, SESSION_COOKIE))
}

export function tenantsOf(authorization: Authorization, session: Pick<Session, 'roles'>): Tenant[] {
    return tenantsFor(authorization.rbac, session.roles)
}

/** The tenant named `requested` (or the session's), if the user may enter it. */
export function tenantOf(authorization: Authorization, session: Session, requested?: string): Tenant | undefined {
    const name = requested ?? session.tenant
    return tenantsOf(authorization, session).find((tenant) => tenant.name === name)
}

export function viewerFor(authorization: Authorization, session: Session, requestedTenant?: string): Viewer {
    const tenant = tenantOf(authorization, session, requestedTenant)
    if (!tenant) {
        const names = tenantsOf(authorization, session).map((candidate) => candidate.name)
        throw new KpowError(
            'unknown_tenant',
            requestedTenant === undefined
                ? 'No tenant chosen: pick one at /tenant or send the x-tenant-id header.'
                : `Unknown tenant "${requestedTenant}" for user "${session.user}".`,
            [
                {
                    path: 'header x-tenant-id',
                    message: `must be one of: ${names.join(', ') || '(no tenant admits this user)'}`,
                },
            ]
        )
    }
    return { principal: { user: session.user, roles: session.roles }, tenant }
}

export function chromeFor(authorization: Authorization, session: Session): Chrome {
    return {
        user: session.user,
        isAdmin: authorization.isAdmin(session),
        tenant: session.tenant,
        tenants: tenantsOf(authorization, session).map((tenant) => tenant.name),
        canSwitchTenant: tenantsOf(authorization, session).length > 1,
        csrfToken: session.csrfToken,
    }
}

/** Only same-site paths: an open redirect after login would make the login page a phishing aid. */
export function safeNext(next: unknown, fallback = '/data/inspect'): string {
    return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
        ? next
        : fallback
}
