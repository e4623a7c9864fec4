import { describe, expect, it } from 'vitest'
import { patternAttribute } from './pattern-attribute'

const topicRegex = '^(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}$'

describe('patternAttribute', () => {
    it('rewrites the topic regex so that the v flag accepts it, with the same verdicts', () => {
        expect(() => new RegExp(topicRegex, 'v')).toThrow()
        const pattern = patternAttribute(topicRegex) ?? ''
        const browser = new RegExp(`^(?:${pattern})$`, 'v')
        const platform = new RegExp(topicRegex)
        for (const value of [
            'tx_trade1',
            '__oprtr_audit_log',
            'a-b.c',
            '*',
            'tx_*',
            '.',
            '..',
            '...',
            'a"b',
            "a'b",
            'a b',
            '',
            'x'.repeat(249),
            'x'.repeat(250),
        ]) {
            expect(browser.test(value), value).toBe(platform.test(value))
        }
    })

    it.each([
        ['^[A-Za-z0-9_-]{22}$', '^[A-Za-z0-9_\\-]{22}$'],
        ['^[-a-z]+$', '^[\\-a-z]+$'],
        ['^[^-a]+$', '^[^\\-a]+$'],
        ['^a-b$', '^a-b$'],
    ])('%s becomes %s', (regex, pattern) => {
        expect(patternAttribute(regex)).toBe(pattern)
    })

    it('leaves out what it cannot rewrite', () => {
        expect(patternAttribute('^[a-z&&[b]]$')).toBeUndefined()
    })
})
