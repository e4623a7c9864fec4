import type { AuthenticatedUser, Realm } from './realm'

export interface BasicCredentials {
    user: string
    password: string
}

const BASIC_AUTHORIZATION = /^basic[ ]+([A-Za-z0-9+/]+={0,2})$/i

/**
 * RFC 7617: `Basic base64(user ":" password)`, the password being everything after the first
 * colon. Malformed or absent headers give null. The bytes are read as ISO-8859-1, as Jetty's
 * BasicAuthenticator does by default, so a password reaches the realm byte for byte.
 */
export function parseBasicAuthorization(headerValue: string | undefined): BasicCredentials | null {
    const match = BASIC_AUTHORIZATION.exec(headerValue?.trim() ?? '')
    const token = match?.[1]
    if (token === undefined) return null
    const unpaddedLength = token.replace(/=+$/, '').length
    // Node's decoder silently skips what it cannot use; a length that is 1 mod 4 cannot be base64.
    if (unpaddedLength % 4 === 1 || (token.includes('=') && token.length % 4 !== 0)) return null
    const decoded = Buffer.from(token, 'base64').toString('latin1')
    const colon = decoded.indexOf(':')
    if (colon < 0) return null
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export function authenticateBasic(realm: Realm, headerValue: string | undefined): AuthenticatedUser | null {
    const credentials = parseBasicAuthorization(headerValue)
    return credentials === null ? null : realm.authenticate(credentials.user, credentials.password)
}
