import { describe, expect, it } from 'vitest'
import { authenticateBasic } from './basic-auth'
import { parseRealm } from './realm'

const basic = (raw: string): string => 'Basic ' + Buffer.from(raw, 'latin1').toString('base64')

describe('authenticateBasic', () => {
    const realm = parseRealm(
        'admin: CRYPT:adpexzg3FUZAk,kafka-admins\nuser: password,kafka-users\njose: \u00e9t\u00e9,kafka-users',
        'realm.properties'
    )

    it('admits a matching user with their roles', () => {
        expect(authenticateBasic(realm, basic('admin:admin'))).toEqual({ user: 'admin', roles: ['kafka-admins'] })
        expect(authenticateBasic(realm, basic('user:password'))).toEqual({ user: 'user', roles: ['kafka-users'] })
    })

    it('reads the pair as ISO-8859-1, as Jetty does', () => {
        expect(authenticateBasic(realm, basic('jose:\u00e9t\u00e9'))).toEqual({ user: 'jose', roles: ['kafka-users'] })
        const utf8 = 'Basic ' + Buffer.from('jose:\u00e9t\u00e9', 'utf8').toString('base64')
        expect(authenticateBasic(realm, utf8)).toBeNull()
    })

    it('refuses a wrong password, an unknown user and a malformed header', () => {
        expect(authenticateBasic(realm, basic('user:wrong'))).toBeNull()
        expect(authenticateBasic(realm, basic('ghost:password'))).toBeNull()
        expect(authenticateBasic(realm, 'Basic !!!')).toBeNull()
        expect(authenticateBasic(realm, undefined)).toBeNull()
    })

    it('does not take admin:admin\\0x for admin:admin (a CRYPT: password)', () => {
        expect(authenticateBasic(realm, basic('admin:admin\0x'))).toBeNull()
        expect(authenticateBasic(realm, basic('admin:admin\0'))).toBeNull()
        expect(authenticateBasic(realm, basic('user:password\0x'))).toBeNull()
    })
})
