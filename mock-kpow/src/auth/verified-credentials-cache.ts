// Remembers successful HTTP Basic logins so a client sending the same Authorization header on
// every call (ServiceNow's REST steps do) pays for DES crypt once, not per request: crypt costs
// ~200 µs here, which alone would cap the API near 5 000 requests/s.
//
// Only successes are cached, keyed by a SHA-256 of the whole header, so a cache hit requires the
// right password; a failed attempt always runs the full constant-time check. The realm files are
// read once at start, so an entry can never outlive the credential it proves.
import { createHash } from 'node:crypto'
import { authenticateBasic } from './basic-auth'
import type { AuthenticatedUser, Realm } from './realm'

export interface BasicAuthenticator {
    (headerValue: string | undefined): AuthenticatedUser | null
}

/** `verify`: the full (expensive) check; injected so tests can count how often it runs. */
export function cachedBasicAuthenticator(
    realm: Realm,
    maxEntries = 1024,
    verify: typeof authenticateBasic = authenticateBasic
): BasicAuthenticator {
    const verified = new Map<string, AuthenticatedUser>()
    return (headerValue) => {
        if (headerValue === undefined) return null
        const key = createHash('sha256').update(headerValue).digest('base64')
        const hit = verified.get(key)
        if (hit) return hit
        const user = verify(realm, headerValue)
        if (user) {
            // Oldest-first eviction: Map iteration order is insertion order.
            if (verified.size >= maxEntries) verified.delete(verified.keys().next().value as string)
            verified.set(key, user)
        }
        return user
    }
}
