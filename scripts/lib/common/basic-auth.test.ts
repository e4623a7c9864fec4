import { describe, expect, it } from 'vitest'
import { basicAuthorization, parseBasicAuthorization } from './basic-auth.ts'

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
    ])('parses %s', (_name, header, expected) => {
        expect(parseBasicAuthorization(header)).toEqual(expected)
        expect(parseBasicAuthorization(header, 'latin1')).toEqual(expected)
    })

    it('decodes the pair in the charset the server reads', () => {
        expect(parseBasicAuthorization(basic('jos\u00e9:\u00e9t\u00e9'), 'latin1')).toEqual({
            user: 'josé',
            password: 'été',
        })
        const utf8 = 'Basic ' + Buffer.from('jos\u00e9:\u00e9t\u00e9', 'utf8').toString('base64')
        expect(parseBasicAuthorization(utf8, 'utf8')).toEqual({ user: 'josé', password: 'été' })
        expect(parseBasicAuthorization(utf8, 'latin1')).toEqual({ user: 'josÃ©', password: 'Ã©tÃ©' })
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
        ['a NUL in the password', basic('admin:admin\0x')],
        ['a NUL ending the password', basic('admin:admin\0')],
        ['a NUL in the user name', basic('admin\0x:admin')],
        ['a tab in the password', basic('admin:admin\tx')],
        ['a line feed in the user name', basic('admin\n:admin')],
        ['an escape in the password', basic('admin:\u001badmin')],
        ['a DEL ending the password', basic('admin:admin\u007f')],
    ])('gives null for %s', (_name, header) => {
        expect(parseBasicAuthorization(header)).toBeNull()
        expect(parseBasicAuthorization(header, 'latin1')).toBeNull()
    })
})

describe('basicAuthorization', () => {
    it('gives the header the parser reads back, in either charset', () => {
        expect(basicAuthorization('admin', 'admin')).toBe('Basic YWRtaW46YWRtaW4=')
        expect(parseBasicAuthorization(basicAuthorization('jos\u00e9', 'p:w'))).toEqual({
            user: 'josé',
            password: 'p:w',
        })
        expect(parseBasicAuthorization(basicAuthorization('jos\u00e9', 'p:w', 'latin1'), 'latin1')).toEqual({
            user: 'josé',
            password: 'p:w',
        })
    })
})
