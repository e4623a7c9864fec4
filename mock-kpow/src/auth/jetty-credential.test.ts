import { describe, expect, it } from 'vitest'
import {
    cryptCredential,
    deobfuscate,
    describeCredentialProblem,
    md5Credential,
    obfuscate,
    verifyJettyCredential,
} from './jetty-credential'

describe('verifyJettyCredential', () => {
    it('plain text is compared exactly', () => {
        expect(verifyJettyCredential('password', 'password')).toBe(true)
        expect(verifyJettyCredential('password', 'Password')).toBe(false)
        expect(verifyJettyCredential('password', 'password ')).toBe(false)
        expect(verifyJettyCredential('password', '')).toBe(false)
    })

    it('OBF: the public example deobfuscates to "other"', () => {
        expect(deobfuscate('OBF:1xmk1w261u9r1w1c1xmq')).toBe('other')
        expect(verifyJettyCredential('OBF:1xmk1w261u9r1w1c1xmq', 'other')).toBe(true)
        expect(verifyJettyCredential('OBF:1xmk1w261u9r1w1c1xmq', 'others')).toBe(false)
        expect(verifyJettyCredential('OBF:1xmk1w261u9r1w1c1xmq', 'OBF:1xmk1w261u9r1w1c1xmq')).toBe(false)
    })

    it('OBF: non-ASCII passwords use the U form and round-trip through UTF-8', () => {
        const stored = obfuscate('pässwörd€')
        expect(stored).toMatch(/^OBF:.*U[0-9a-z]{4}/)
        expect(deobfuscate(stored)).toBe('pässwörd€')
        expect(verifyJettyCredential(stored, 'pässwörd€')).toBe(true)
        expect(verifyJettyCredential(stored, 'passwörd€')).toBe(false)
    })

    it('OBF: nested obfuscation is unwrapped to the innermost password', () => {
        const nested = obfuscate(obfuscate('other'))
        expect(deobfuscate(nested)).toBe('OBF:1xmk1w261u9r1w1c1xmq')
        expect(verifyJettyCredential(nested, 'other')).toBe(true)
        expect(verifyJettyCredential(nested, 'OBF:1xmk1w261u9r1w1c1xmq')).toBe(false)
    })

    it('OBF: the prefix is case-sensitive, so obf: is a plain password', () => {
        expect(verifyJettyCredential('obf:1xmk1w261u9r1w1c1xmq', 'other')).toBe(false)
        expect(verifyJettyCredential('obf:1xmk1w261u9r1w1c1xmq', 'obf:1xmk1w261u9r1w1c1xmq')).toBe(true)
    })

    it('MD5: hex digest of the ISO-8859-1 bytes, either case', () => {
        expect(md5Credential('jetty')).toBe('MD5:164c88b302622e17050af52c89945d44')
        expect(verifyJettyCredential('MD5:164c88b302622e17050af52c89945d44', 'jetty')).toBe(true)
        expect(verifyJettyCredential('MD5:164C88B302622E17050AF52C89945D44', 'jetty')).toBe(true)
        expect(verifyJettyCredential('MD5:164c88b302622e17050af52c89945d44', 'Jetty')).toBe(false)
        // é is one byte (0xE9) in ISO-8859-1, not the two of UTF-8.
        expect(md5Credential('é')).toBe('MD5:3406877694691ddd1dfb0aca54681407')
        expect(verifyJettyCredential('MD5:3406877694691ddd1dfb0aca54681407', 'é')).toBe(true)
        expect(verifyJettyCredential('MD5:' + '0'.repeat(32), 'jetty')).toBe(false)
        expect(verifyJettyCredential('md5:164c88b302622e17050af52c89945d44', 'jetty')).toBe(false)
    })

    it('CRYPT: traditional DES crypt with the stored value as salt', () => {
        expect(cryptCredential('admin', 'ad')).toBe('CRYPT:adpexzg3FUZAk')
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', 'admin')).toBe(true)
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', 'admim')).toBe(false)
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', '')).toBe(false)
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', 'adpexzg3FUZAk')).toBe(false)
        // DES crypt reads only the first eight characters, in Jetty as everywhere.
        expect(verifyJettyCredential(cryptCredential('12345678', 'Zz'), '12345678-and-more')).toBe(true)
        expect(verifyJettyCredential('CRYPT:short', 'admin')).toBe(false)
    })

    it('CRYPT: a NUL is a character of the password, not its end (Java strings do not end at NUL)', () => {
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', 'admin\0x')).toBe(false)
        expect(verifyJettyCredential('CRYPT:adpexzg3FUZAk', '\0admin')).toBe(false)
        expect(verifyJettyCredential(cryptCredential('ad\0min', 'ad'), 'ad\0min')).toBe(true)
        expect(verifyJettyCredential(cryptCredential('ad\0min', 'ad'), 'ad')).toBe(false)
        // The eighth character still ends what DES reads, NUL or not.
        expect(verifyJettyCredential(cryptCredential('1234567\0', 'Zz'), '1234567\0-and-more')).toBe(true)
    })
})

describe('describeCredentialProblem', () => {
    it.each([
        ['CRYPT:adpexzg3FUZA', /13-character/],
        ['CRYPT:adpexzg3FUZ!k', /13-character/],
        ['MD5:164c88', /32 hex digits/],
        ['MD5:164c88b302622e17050af52c89945dzz', /32 hex digits/],
        ['OBF:1xmk1w2', /4-character base-36 block/],
        ['OBF:1xmk!!!!', /4-character base-36 block/],
    ])('refuses %s', (stored, message) => {
        expect(describeCredentialProblem(stored)).toMatch(message)
    })

    it.each(['password', 'CRYPT:adpexzg3FUZAk', 'MD5:164c88b302622e17050af52c89945d44', 'OBF:1xmk1w261u9r1w1c1xmq'])(
        'accepts %s',
        (stored) => expect(describeCredentialProblem(stored)).toBeNull()
    )
})

describe('cryptCredential', () => {
    it('refuses a salt outside the crypt alphabet', () => {
        expect(() => cryptCredential('admin', 'a')).toThrow(/two characters/)
        expect(() => cryptCredential('admin', 'a!')).toThrow(/two characters/)
    })
})
