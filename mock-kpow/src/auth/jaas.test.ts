import { describe, expect, it } from 'vitest'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { guideJaasTests } from '../../test/guide-config-checks'
import { parseJaasConfig, realmFileFor } from './jaas'

const MODULE = 'org.eclipse.jetty.jaas.spi.PropertyFileLoginModule'

describe("the guide's hash-jaas.conf (the project's fixture)", () => {
    guideJaasTests(guideKpowConfig)
})

describe('parseJaasConfig', () => {
    it('handles comments, quoted names and values, odd whitespace and case of flags', () => {
        const text = [
            '/* UI users */ kpow{',
            `  ${MODULE}   REQUIRED // trailing comment`,
            '',
            '\tfile = "/etc/kpow/my realm.properties"\r\n  debug=true ;',
            '};',
            '// the API',
            '"kpow_api" { ' + MODULE + ' sufficient file="C:\\\\kpow\\\\realm.properties" /* inline */; };',
            'KafkaClient { org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p\\"q"; };',
        ].join('\n')
        const config = parseJaasConfig(text, 'custom.conf')
        expect(realmFileFor(config, 'kpow')).toBe('/etc/kpow/my realm.properties')
        expect(config.entries.get('kpow')?.modules[0]?.flag).toBe('required')
        expect(config.entries.get('kpow')?.modules[0]?.options.get('debug')).toBe('true')
        expect(realmFileFor(config, 'kpow_api')).toBe('C:\\kpow\\realm.properties')
        expect(config.entries.get('KafkaClient')?.modules[0]?.options.get('password')).toBe('p"q')
    })

    it.each([
        [
            'missing trailing semicolon after }',
            `kpow { ${MODULE} required file="x"; }`,
            /custom\.conf:1: expected ';' after the '}' closing entry "kpow" but found end of file/,
        ],
        [
            'missing semicolon after options',
            `kpow { ${MODULE} required file="x" };`,
            /expected an option name or ';' in entry "kpow" but found '}'/,
        ],
        [
            'unknown flag',
            `kpow { ${MODULE} mandatory file="x"; };`,
            /expected a flag \(required, requisite, sufficient, optional\)/,
        ],
        ['option without value', `kpow { ${MODULE} required file=; };`, /expected a value for option "file"/],
        ['unclosed quote', `kpow { ${MODULE} required file="x; };`, /quoted value is not closed/],
        ['unclosed comment', `/* kpow { };`, /comment "\/\*" is never closed/],
        [
            'duplicate entry',
            `a { ${MODULE} required file="x"; };\na { ${MODULE} required file="y"; };`,
            /custom\.conf:2: entry "a" is defined twice/,
        ],
    ])('refuses %s', (_name, text, message) => {
        expect(() => parseJaasConfig(text, 'custom.conf')).toThrow(message)
    })
})

describe('realmFileFor', () => {
    const config = parseJaasConfig(
        [
            `ldap { org.eclipse.jetty.jaas.spi.LdapLoginModule required hostname="ldap"; };`,
            `nofile { ${MODULE} required debug="true"; };`,
            `two { ${MODULE} required file="a"; ${MODULE} optional file="b"; };`,
            `none { };`,
        ].join('\n'),
        'kpow.conf'
    )

    it.each([
        [
            'ldap',
            /kpow\.conf: entry "ldap" uses login module org\.eclipse\.jetty\.jaas\.spi\.LdapLoginModule, which the mock does not support; use org\.eclipse\.jetty\.jaas\.spi\.PropertyFileLoginModule/,
        ],
        ['nofile', /kpow\.conf: entry "nofile" has no file option; add file=/],
        ['two', /entry "two" must hold exactly one login module \(found 2\)/],
        ['none', /entry "none" must hold exactly one login module \(found 0\)/],
        ['kpow_api', /kpow\.conf: entry "kpow_api" is missing \(entries found: ldap, nofile, two, none\)/],
    ])('refuses entry %s', (entry, message) => {
        expect(() => realmFileFor(config, entry)).toThrow(message)
    })
})
