import { describe, expect, it } from 'vitest'
import { authenticateBasic, parseBasicAuthorization } from './basic-auth'
import { parseRealm } from './realm'

const basic = (raw: string): string => 'Basic ' + Buffer.from(raw, 'latin1').toString('base64')

describe('parseBasicAuthorization', () => {
    it.each([
        ['plain pair', basic('admin:admin'), { user: 'admin', password: 'admin' }],
        ['password containing colons', basic('user:pa:ss:'), { user: 'user', password: 'pa:ss:' }],
        ['empty password', basic('user:'), { user: 'user', password: '' }],
        [
            'lowercase scheme and extra blanks',
            '  basic    ' + Buffer.from('a:b').toString('base64') + ' ',
            { user: 'a', password: 'b' },
        ],
        [
            'missing padding',
            'Basic ' + Buffer.from('ab:c').toString('base64').replace(/=+$/, ''),
            { user: 'ab', password: 'c' },
        ],
        ['latin-1 bytes', basic('jos\u00e9:\u00e9t\u00e9'), { user: 'josé', password: 'été' }],
    ])('parses %s', (_name, header, expected) => {
        expect(parseBasicAuthorization(header)).toEqual(expected)
    })

    it.each([
        ['absent header', undefined],
        ['empty header', ''],
        ['scheme only', 'Basic'],
        ['other scheme', 'Bearer ' + Buffer.from('a:b').toString('base64')],
        ['no colon in the pair', basic('adminadmin')],
        ['characters outside base64', 'Basic YWRt!W46YWRtaW4='],
        ['two tokens', 'Basic YWRtaW46YWRtaW4= extra'],
        ['impossible base64 length', 'Basic YWRtaW46Y'],
        ['padding in the middle', 'Basic YW=RtaW46YWRtaW4='],
    ])('gives null for %s', (_name, header) => {
        expect(parseBasicAuthorization(header)).toBeNull()
    })
})

describe('authenticateBasic', () => {
    const realm = parseRealm('admin: CRYPT:adpexzg3FUZAk,kafka-admins\nuser: password,kafka-users', 'realm.properties')

    it('admits a matching user with their roles', () => {
        expect(authenticateBasic(realm, basic('admin:admin'))).toEqual({ user: 'admin', roles: ['kafka-admins'] })
        expect(authenticateBasic(realm, basic('user:password'))).toEqual({ user: 'user', roles: ['kafka-users'] })
    })

    it('refuses a wrong password, an unknown user and a malformed header', () => {
        expect(authenticateBasic(realm, basic('user:wrong'))).toBeNull()
        expect(authenticateBasic(realm, basic('ghost:password'))).toBeNull()
        expect(authenticateBasic(realm, 'Basic !!!')).toBeNull()
        expect(authenticateBasic(realm, undefined)).toBeNull()
    })
})
