// Forged-form protection. Signed-in forms carry the session's token (synchroniser token); the login
// form, posted before there is a session, carries a token that must equal a cookie set by the login
// page (double submit), so another site cannot log a browser in as the attacker (login CSRF).
// SameSite=Lax alone is not enough: it still lets a top-level cross-site POST from a same-site origin
// (another port of 127.0.0.1) through.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { ErrorReply } from './errors'

export const LOGIN_TOKEN_COOKIE = 'local_instance_login_token'

export function newToken(): string {
    return randomBytes(32).toString('base64url')
}

export function tokensMatch(sent: string, expected: string | undefined): boolean {
    if (!expected || sent.length !== expected.length) return false
    return timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
}

export const forgedFormReply: ErrorReply = {
    status: 403,
    title: 'Form refused',
    message:
        'This form did not come from a page of this site, or the page is out of date: nothing was changed. Reload the page and send the form again.',
}
