// UI sessions, in memory like the rest of the mock's UI state. Ids are 256 random bits; each session
// also carries a CSRF token that every form post must echo (SameSite=Lax already stops cross-site
// posts in current browsers; the token covers the rest). Session lifetime is wall-clock time, not
// the mock clock: advancing the mock clock to expire a policy must not log the tester out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Principal } from '../../kpow-service'
import type { FieldError } from '../../errors'

export const SESSION_COOKIE = 'kpow_session'
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000
/**
 * Login CSRF: before there is a session, the login form is bound to a random nonce in this cookie.
 * The form carries an HMAC of the nonce under a per-process secret, so a site that cannot read this
 * cookie cannot post a valid login (which would sign the victim in as the attacker).
 */
export const LOGIN_NONCE_COOKIE = 'kpow_login_nonce'
const NONCE_PATTERN = /^[A-Za-z0-9_-]{32}$/

export interface Session extends Principal {
    readonly id: string
    readonly csrfToken: string
    readonly expiresAt: number
    /** Name of the tenant the user works in; undefined until chosen. */
    tenant: string | undefined
    /** A one-shot message for the next page (post/redirect/get). */
    flash?: Flash
}

export interface Flash {
    readonly kind: 'ok' | 'error'
    readonly message: string
    readonly fields?: readonly FieldError[]
}

export class SessionStore {
    private readonly sessions = new Map<string, Session>()
    private readonly loginSecret = randomBytes(32)

    constructor(private readonly wallClock: () => number = Date.now) {}

    create(principal: Principal, tenant: string | undefined): Session {
        this.sweep()
        const session: Session = {
            id: randomBytes(32).toString('base64url'),
            csrfToken: randomBytes(24).toString('base64url'),
            expiresAt: this.wallClock() + SESSION_TTL_MS,
            user: principal.user,
            roles: principal.roles,
            tenant,
        }
        this.sessions.set(session.id, session)
        return session
    }

    get(id: string | undefined): Session | undefined {
        if (id === undefined) return undefined
        const session = this.sessions.get(id)
        if (!session) return undefined
        if (session.expiresAt <= this.wallClock()) {
            this.sessions.delete(id)
            return undefined
        }
        return session
    }

    destroy(id: string): void {
        this.sessions.delete(id)
    }

    /** The visitor's login nonce if it is one of ours in form, else a fresh one to set as the cookie. */
    loginNonce(presented: string | undefined): { readonly nonce: string; readonly fresh: boolean } {
        if (presented !== undefined && NONCE_PATTERN.test(presented)) return { nonce: presented, fresh: false }
        return { nonce: randomBytes(24).toString('base64url'), fresh: true }
    }

    /** The token the login form carries for this nonce. */
    loginToken(nonce: string): string {
        return createHmac('sha256', this.loginSecret).update(nonce).digest('base64url')
    }

    loginTokenMatches(nonce: string | undefined, presented: unknown): boolean {
        return nonce !== undefined && NONCE_PATTERN.test(nonce) && tokensEqual(this.loginToken(nonce), presented)
    }

    private sweep(): void {
        const now = this.wallClock()
        for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id)
    }
}

export function csrfMatches(session: Session, presented: unknown): boolean {
    return tokensEqual(session.csrfToken, presented)
}

function tokensEqual(expectedToken: string, presented: unknown): boolean {
    if (typeof presented !== 'string') return false
    const expected = Buffer.from(expectedToken)
    const actual = Buffer.from(presented)
    return expected.length === actual.length && timingSafeEqual(expected, actual)
}
