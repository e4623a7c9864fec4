import { describe, expect, it } from 'vitest'
import { parseRealm } from './realm'
import { cachedBasicAuthenticator } from './verified-credentials-cache'

const header = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('cachedBasicAuthenticator', () => {
    const realm = parseRealm(
        'admin: CRYPT:adpexzg3FUZAk,kafka-admins\nuser: password,kafka-users\n',
        'realm.properties'
    )

    it('accepts the right password on every call and never caches a wrong one', () => {
        const authenticate = cachedBasicAuthenticator(realm)
        for (let attempt = 0; attempt < 3; attempt++) {
            expect(authenticate(header('admin', 'admin'))).toEqual({ user: 'admin', roles: ['kafka-admins'] })
            expect(authenticate(header('admin', 'wrong'))).toBeNull()
            expect(authenticate(header('admin', 'admin '))).toBeNull()
        }
        expect(authenticate(undefined)).toBeNull()
    })

    it('evicts the oldest entry beyond its bound and still authenticates evicted users', () => {
        const authenticate = cachedBasicAuthenticator(realm, 1)
        expect(authenticate(header('admin', 'admin'))?.user).toBe('admin')
        expect(authenticate(header('user', 'password'))?.user).toBe('user')
        expect(authenticate(header('admin', 'admin'))?.user).toBe('admin')
    })
})
