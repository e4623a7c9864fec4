// HTTP Basic (RFC 7617), both ways, for every part that sends or checks it: mock-kpow's API, the
// local instance's REST API, the deploy tool and its fakes. One parser, so the servers refuse the
// same malformed headers.

export interface BasicCredentials {
    readonly user: string
    readonly password: string
}

/**
 * How the decoded bytes become text: Jetty (Kpow) reads ISO-8859-1 by default, so a password reaches
 * its realm byte for byte; ServiceNow reads UTF-8.
 */
export type BasicCharset = 'latin1' | 'utf8'

const BASIC_AUTHORIZATION = /^basic[ ]+([A-Za-z0-9+/]+={0,2})$/i

/** Whether `text` holds one of RFC 5234's CTL characters: U+0000 to U+001F and U+007F. */
function hasControlCharacter(text: string): boolean {
    for (let index = 0; index < text.length; index += 1) {
        const code = text.charCodeAt(index)
        if (code < 0x20 || code === 0x7f) return true
    }
    return false
}

/**
 * `Basic base64(user ":" password)`, the password being everything after the first colon. An absent
 * or malformed header gives null, and so do credentials holding a control character: RFC 7617
 * forbids them in both parts, and a check written in C (crypt(3)) would stop reading at a NUL,
 * taking `admin:admin\0x` for `admin:admin`.
 */
export function parseBasicAuthorization(
    headerValue: string | undefined,
    charset: BasicCharset = 'utf8'
): BasicCredentials | null {
    const token = BASIC_AUTHORIZATION.exec(headerValue?.trim() ?? '')?.[1]
    if (token === undefined) return null
    const unpaddedLength = token.replace(/=+$/, '').length
    // Node's decoder silently skips what it cannot use; a length that is 1 mod 4 cannot be base64.
    if (unpaddedLength % 4 === 1 || (token.includes('=') && token.length % 4 !== 0)) return null
    const decoded = Buffer.from(token, 'base64').toString(charset)
    const colon = decoded.indexOf(':')
    if (colon < 0 || hasControlCharacter(decoded)) return null
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** The `Authorization` header value for HTTP Basic, the pair encoded as `charset`. */
export function basicAuthorization(user: string, password: string, charset: BasicCharset = 'utf8'): string {
    return `Basic ${Buffer.from(`${user}:${password}`, charset).toString('base64')}`
}
