import { describe, expect, it } from 'vitest'
import { authenticateBasic } from './basic-auth'
import { parseRealm } from './realm'
import { cachedBasicAuthenticator } from './verified-credentials-cache'

const header = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('cachedBasicAuthenticator', () => {
    const realm = parseRealm(
        'admin: CRYPT:adpexzg3FUZAk,kafka-admins\nuser: password,kafka-users\n',
        'realm.properties'
    )

    /** The real check, recording which headers it was asked to verify. */
    function countingVerify() {
        const verified: string[] = []
        const verify: typeof authenticateBasic = (checkedRealm, headerValue) => {
            verified.push(headerValue ?? '(none)')
            return authenticateBasic(checkedRealm, headerValue)
        }
        return { verify, verified }
    }

    it('verifies the right password once, then answers from the cache; a wrong one is verified every time', () => {
        const { verify, verified } = countingVerify()
        const authenticate = cachedBasicAuthenticator(realm, 1024, verify)
        for (let attempt = 0; attempt < 3; attempt++) {
            expect(authenticate(header('admin', 'admin'))).toEqual({ user: 'admin', roles: ['kafka-admins'] })
            expect(authenticate(header('admin', 'wrong'))).toBeNull()
            expect(authenticate(header('admin', 'admin '))).toBeNull()
        }
        expect(authenticate(undefined)).toBeNull()
        expect(verified.filter((value) => value === header('admin', 'admin'))).toHaveLength(1)
        expect(verified.filter((value) => value === header('admin', 'wrong'))).toHaveLength(3)
        expect(verified.filter((value) => value === header('admin', 'admin '))).toHaveLength(3)
    })

    it('evicts the oldest entry beyond its bound and still authenticates evicted users', () => {
        const { verify, verified } = countingVerify()
        const authenticate = cachedBasicAuthenticator(realm, 1, verify)
        expect(authenticate(header('admin', 'admin'))?.user).toBe('admin')
        expect(authenticate(header('user', 'password'))?.user).toBe('user')
        expect(authenticate(header('user', 'password'))?.user).toBe('user')
        expect(authenticate(header('admin', 'admin'))?.user).toBe('admin')
        // user's second call was a hit; admin was evicted by user and verified again.
        expect(verified).toEqual([header('admin', 'admin'), header('user', 'password'), header('admin', 'admin')])
    })
})
