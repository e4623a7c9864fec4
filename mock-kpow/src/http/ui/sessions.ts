// UI sessions, in memory like the rest of the mock's UI state. Ids are 256 random bits; each session
// also carries a CSRF token that every form post must echo (SameSite=Lax already stops cross-site
// posts in current browsers; the token covers the rest). Session lifetime is wall-clock time, not
// the mock clock: advancing the mock clock to expire a policy must not log the tester out.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Principal } from '../../kpow-service'
import type { FieldError } from '../../errors'

export const SESSION_COOKIE = 'kpow_session'
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000

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

    private sweep(): void {
        const now = this.wallClock()
        for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id)
    }
}

export function csrfMatches(session: Session, presented: unknown): boolean {
    if (typeof presented !== 'string') return false
    const expected = Buffer.from(session.csrfToken)
    const actual = Buffer.from(presented)
    return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
    if (!header) return undefined
    for (const part of header.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0) continue
        if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
    }
    return undefined
}
