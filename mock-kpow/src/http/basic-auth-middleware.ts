// HTTP Basic authentication for the API listener: the pure check lives in auth/; this only
// attaches the principal to the request or refuses with 401 (the error middleware adds
// WWW-Authenticate).
import type { NextFunction, Request, Response } from 'express'
import { cachedBasicAuthenticator, type Realm } from '../auth/index'
import type { AuditRecorder, Authorization, Principal } from '../kpow-service'
import { KpowError } from '../errors'
import { clientAddress } from './client-address'

const PRINCIPAL = Symbol('principal')
type WithPrincipal = Request & { [PRINCIPAL]?: Principal }

/**
 * `adminAction`, when given, also requires an admin role (403 otherwise, audited), in the same
 * middleware: one router layer per request instead of two, on the API's hottest paths.
 */
export function basicAuth(
    realm: Realm,
    realmName: string,
    parts: { readonly authorization: Pick<Authorization, 'requireAdmin'>; readonly audit: AuditRecorder }
) {
    const authenticate = cachedBasicAuthenticator(realm)
    return (adminAction?: string) =>
        (req: Request, _res: Response, next: NextFunction): void => {
            const principal = authenticate(req.get('authorization'))
            if (!principal) {
                parts.audit.recordRefusal(clientAddress(req), {
                    event: 'login-refused',
                    user: 'anonymous',
                    action: `${req.method} ${req.path}`,
                    resource: [],
                    decision: 'Refused',
                    detail: `HTTP Basic authentication failed for realm ${realmName}`,
                })
                throw new KpowError(
                    'unauthorized',
                    'Authentication required: send HTTP Basic credentials of a Kpow API user.'
                )
            }
            ;(req as WithPrincipal)[PRINCIPAL] = principal
            if (adminAction !== undefined)
                parts.authorization.requireAdmin(principal, adminAction, [], clientAddress(req))
            next()
        }
}

export function principalOf(req: Request): Principal {
    const principal = (req as WithPrincipal)[PRINCIPAL]
    if (!principal) throw new KpowError('unauthorized', 'Authentication required.')
    return principal
}
