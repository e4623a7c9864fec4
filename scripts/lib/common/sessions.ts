// Browser sessions and forged-form protection for the kit's two UIs (mock-kpow's pages, the local
// instance's pages and its UI session for uploads). Sessions live in memory, like the rest of those
// servers' UI state.
//
// - Signed-in forms carry the session's own token (synchroniser token).
// - The login form, posted before there is a session, is bound to a random nonce in a cookie only
//   /login reads; the form carries an HMAC of the nonce under a per-process secret (signed double
//   submit), so a site that cannot read that cookie cannot post a valid login, which would sign the
//   victim in as the attacker (login CSRF). SameSite=Lax alone is not enough: it lets a top-level
//   cross-site POST from a same-site origin (another port of 127.0.0.1) through.
// Every comparison is constant-time. A library such as csrf-csrf would bring its own cookie and
// header conventions, and neither server has a header to carry them in plain form posts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh random token: 32 bytes as base64url (43 characters). */
export function newToken(): string {
    return randomBytes(32).toString('base64url')
}

/** Whether `presented` is exactly `expected`, in constant time; false when either is missing or not text. */
export function tokensMatch(expected: string | undefined, presented: unknown): boolean {
    if (expected === undefined || expected === '' || typeof presented !== 'string') return false
    const expectedBytes = Buffer.from(expected)
    const presentedBytes = Buffer.from(presented)
    return expectedBytes.length === presentedBytes.length && timingSafeEqual(expectedBytes, presentedBytes)
}

/** What every session has besides what its server keeps in it. */
export interface SessionKeys {
    readonly id: string
    /** What every form this session posts must carry. */
    readonly csrfToken: string
    /** Wall-clock ms; Infinity without a lifetime. */
    readonly expiresAt: number
}

export type Session<Data extends object> = Data & SessionKeys

export interface SessionStoreOptions {
    /** How long a session lasts; without it a session lasts until it is destroyed. */
    readonly lifetimeMs?: number
    /**
     * Time for the lifetime. Wall-clock time, not a mock clock: advancing a test clock to expire a
     * policy must not log the tester out.
     */
    readonly wallClock?: () => number
}

const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/

export class SessionStore<Data extends object> {
    private readonly sessions = new Map<string, Session<Data>>()
    private readonly loginSecret = randomBytes(32)
    private readonly wallClock: () => number

    constructor(private readonly options: SessionStoreOptions = {}) {
        this.wallClock = options.wallClock ?? Date.now
    }

    create(data: Data): Session<Data> {
        this.sweep()
        const keys: SessionKeys = {
            id: newToken(),
            csrfToken: newToken(),
            expiresAt:
                this.options.lifetimeMs === undefined
                    ? Number.POSITIVE_INFINITY
                    : this.wallClock() + this.options.lifetimeMs,
        }
        const session = { ...data, ...keys } as Session<Data>
        this.sessions.set(session.id, session)
        return session
    }

    get(id: string | undefined): Session<Data> | undefined {
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

    /** Whether a form posted in `session` carries its token. */
    formTokenMatches(session: SessionKeys, presented: unknown): boolean {
        return tokensMatch(session.csrfToken, presented)
    }

    /** The visitor's login nonce if it is one of ours in form, else a fresh one to set as the cookie. */
    loginNonce(presented: string | undefined): { readonly nonce: string; readonly fresh: boolean } {
        if (presented !== undefined && NONCE_PATTERN.test(presented)) return { nonce: presented, fresh: false }
        return { nonce: newToken(), fresh: true }
    }

    /** The token the login form carries for this nonce. */
    loginToken(nonce: string): string {
        return createHmac('sha256', this.loginSecret).update(nonce).digest('base64url')
    }

    /** Whether a posted login form carries the token of the nonce its cookie holds. */
    loginTokenMatches(nonce: string | undefined, presented: unknown): boolean {
        return nonce !== undefined && NONCE_PATTERN.test(nonce) && tokensMatch(this.loginToken(nonce), presented)
    }

    private sweep(): void {
        const now = this.wallClock()
        for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id)
    }
}
