import { describe, expect, it } from 'vitest'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { guideRealmTests } from '../../test/guide-config-checks'
import { parseRealm } from './realm'
import { cryptCredential, md5Credential, obfuscate } from './jetty-credential'

describe("the guide's hash-realm.properties (the project's fixture), read unchanged", () => {
    guideRealmTests(guideKpowConfig)
})

describe('parseRealm', () => {
    it('accepts every credential encoding on one file', () => {
        const realm = parseRealm(
            [
                `admin: CRYPT:adpexzg3FUZAk,kafka-admins`,
                `plain: secret,a`,
                `obf: ${obfuscate('other')},b`,
                `md5: ${md5Credential('jetty')},c`,
                `crypt2: ${cryptCredential('s3cret', 'q.')},d`,
            ].join('\n'),
            'all.properties'
        )
        expect(realm.authenticate('admin', 'admin')?.roles).toEqual(['kafka-admins'])
        expect(realm.authenticate('plain', 'secret')?.roles).toEqual(['a'])
        expect(realm.authenticate('obf', 'other')?.roles).toEqual(['b'])
        expect(realm.authenticate('md5', 'jetty')?.roles).toEqual(['c'])
        expect(realm.authenticate('crypt2', 's3cret')?.roles).toEqual(['d'])
        expect(realm.authenticate('md5', 'MD5:164c88b302622e17050af52c89945d44')).toBeNull()
    })

    it('splits credential and roles at commas, trims roles and ignores empty ones', () => {
        const realm = parseRealm('u:  pw ,  r1 ,, r2 ,\nnoroles: pw\n', 'r.properties')
        expect(realm.rolesOf('u')).toEqual(['r1', 'r2'])
        expect(realm.authenticate('u', 'pw')).toEqual({ user: 'u', roles: ['r1', 'r2'] })
        expect(realm.authenticate('noroles', 'pw')).toEqual({ user: 'noroles', roles: [] })
    })

    it('follows Properties rules: escapes in names, continuations, later duplicates', () => {
        const realm = parseRealm('jane\\ doe = pw,\\\n    role-a\nu: first,x\nu: second,y', 'r.properties')
        expect(realm.authenticate('jane doe', 'pw')?.roles).toEqual(['role-a'])
        expect(realm.authenticate('u', 'first')).toBeNull()
        expect(realm.authenticate('u', 'second')?.roles).toEqual(['y'])
    })

    it('refuses malformed credentials, naming the file and the user', () => {
        expect(() => parseRealm('admin: CRYPT:adpex,kafka-admins', 'bad.properties')).toThrow(
            /bad\.properties: user "admin": a CRYPT: credential must be/
        )
        expect(() => parseRealm('bob: MD5:abc', 'bad.properties')).toThrow(/user "bob": an MD5: credential/)
        expect(() => parseRealm('eve: OBF:zz', 'bad.properties')).toThrow(/user "eve": invalid OBF credential/)
        expect(() => parseRealm('empty: ,role', 'bad.properties')).toThrow(/user "empty" has no credential/)
    })
})
