// UI sessions: the shared store (scripts/lib/common: session ids and form tokens, the login form's
// signed nonce, constant-time checks) holding who is signed in, the tenant they work in and the next
// page's message. Lifetime is wall-clock time, not the mock clock: advancing the mock clock to
// expire a policy must not log the tester out.
import { SessionStore as SharedSessionStore, type Session as SharedSession } from '../../../../scripts/lib/common/index'
import type { Principal } from '../../kpow-service'
import type { FieldError } from '../../errors'

export const SESSION_COOKIE = 'kpow_session'
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000
/** The login form's nonce (see the shared store's loginNonce): a cookie only /login reads. */
export const LOGIN_NONCE_COOKIE = 'kpow_login_nonce'

export interface SessionData extends Principal {
    /** Name of the tenant the user works in; undefined until chosen. */
    tenant: string | undefined
    /** A one-shot message for the next page (post/redirect/get). */
    flash?: Flash
}

export type Session = SharedSession<SessionData>

export interface Flash {
    readonly kind: 'ok' | 'error'
    readonly message: string
    readonly fields?: readonly FieldError[]
}

export class SessionStore extends SharedSessionStore<SessionData> {
    constructor(wallClock: () => number = Date.now) {
        super({ lifetimeMs: SESSION_TTL_MS, wallClock })
    }

    /** A session for a signed-in user. */
    signIn(principal: Principal, tenant: string | undefined): Session {
        return this.create({ user: principal.user, roles: principal.roles, tenant })
    }
}
