import { describe, expect, it } from 'vitest'
import { EncodedQueryError, matchesEncodedQuery, parseEncodedQuery } from './encoded-query'

const item: Record<string, string> = {
    state: '3',
    approval: 'approved',
    short_description: 'Kpow access',
    assigned_to: '',
}
const resolve = (field: string) => item[field] ?? ''

describe('encoded queries', () => {
    it.each([
        ['state=3', true],
        ['state=4', false],
        ['state!=4', true],
        ['state!=3', false],
        ['stateIN3,4,7', true],
        ['stateIN4,7', false],
        ['stateNOT IN4,7', true],
        ['stateNOT IN3,4', false],
        ['assigned_toISEMPTY', true],
        ['assigned_toISNOTEMPTY', false],
        ['state=3^approval=approved', true],
        ['state=3^approval=rejected', false],
        ['state=4^ORstate=3', true],
        ['state=4^ORstate=7', false],
        // ^OR binds to the term before it: approval=rejected AND (state=4 OR state=3)
        ['approval=rejected^state=4^ORstate=3', false],
        ['approval=approved^state=4^ORstate=3', true],
        ['state=4^NQapproval=approved', true],
        ['state=4^NQapproval=rejected', false],
        ['short_descriptionLIKEkpow', true],
        ['short_descriptionSTARTSWITHKpow^EQ', true],
        ['state>2', true],
        ['state<3', false],
        ['', true],
    ])('%s -> %s', (query, expected) => {
        expect(matchesEncodedQuery(parseEncodedQuery(query), resolve)).toBe(expected)
    })

    it('keeps data pills whole, even with dots, spaces and carets inside', () => {
        const query = parseEncodedQuery('{{Service Catalog_1.request_item.state}}=3^{{abc.approval_state}}=approved')
        expect(query.alternatives[0]?.map((clause) => clause[0]?.field)).toEqual([
            '{{Service Catalog_1.request_item.state}}',
            '{{abc.approval_state}}',
        ])
    })

    it('refuses an operator it does not know, naming it', () => {
        expect(() => parseEncodedQuery('stateBETWEEN1@3')).toThrow(EncodedQueryError)
        expect(() => parseEncodedQuery('stateBETWEEN1@3')).toThrow(/unsupported operator in "stateBETWEEN1@3"/)
    })

    it('refuses a leading ^OR', () => {
        expect(() => parseEncodedQuery('^ORstate=3')).toThrow(/no condition before it/)
    })
})

describe('change operators (business rules, notifications)', () => {
    it('are refused where a query is matched, since matching needs the previous value', () => {
        expect(() => parseEncodedQuery('stateCHANGESTO7')).toThrow(EncodedQueryError)
    })

    it('are read when asked for, for the words of a condition', () => {
        const parsed = parseEncodedQuery('assigned_toVALCHANGES^stateCHANGESFROM2^ORstateCHANGESTO7^EQ', {
            changes: true,
        })
        expect(parsed.alternatives).toEqual([
            [
                [{ field: 'assigned_to', operator: 'VALCHANGES', value: '' }],
                [
                    { field: 'state', operator: 'CHANGESFROM', value: '2' },
                    { field: 'state', operator: 'CHANGESTO', value: '7' },
                ],
            ],
        ])
        expect(() => parseEncodedQuery('assigned_toVALCHANGESx', { changes: true })).toThrow(/takes no value/)
    })
})
