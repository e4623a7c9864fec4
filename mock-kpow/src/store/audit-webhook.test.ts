import { describe, expect, it } from 'vitest'
import type { AuditRecord } from './audit'
import { isSentAt, webhookPayload } from './audit-webhook'

const record = (event: AuditRecord['event'], action: string): AuditRecord => ({
    seq: 1,
    ts: 0,
    event,
    user: 'admin',
    action,
    resource: ['cluster', 'c1', 'topic', 'tx_trade1'],
    decision: 'Allow',
    detail: 'id=abc',
})

describe('WEBHOOK_VERBOSITY', () => {
    const created = record('temporary-policy-created', 'CREATE_TEMPORARY_POLICY')
    const deleted = record('temporary-policy-deleted', 'DELETE_TEMPORARY_POLICY')
    const produced = record('mutation-applied', 'TOPIC_PRODUCE')
    const deniedQuery = record('access-denied', 'TOPIC_DATA_QUERY')
    const login = record('login', 'LOGIN')
    const refusedGrant = record('temporary-policy-refused', 'CREATE_TEMPORARY_POLICY')
    it.each<[string, AuditRecord, boolean, boolean, boolean]>([
        ['temporary policy created', created, true, false, true],
        ['temporary policy deleted', deleted, true, false, true],
        ['a produce', produced, true, false, true],
        ['a data query', deniedQuery, false, true, true],
        ['a login', login, false, false, false],
        ['a refused grant (nothing changed)', refusedGrant, false, false, false],
    ])('%s: MUTATIONS %s, QUERIES %s, ALL %s', (_name, sent, mutations, queries, all) => {
        expect(isSentAt('MUTATIONS', sent)).toBe(mutations)
        expect(isSentAt('QUERIES', sent)).toBe(queries)
        expect(isSentAt('ALL', sent)).toBe(all)
    })
})

describe('payloads', () => {
    it('generic carries the audit record; slack a text message naming user, event and resource', () => {
        const created = record('temporary-policy-created', 'CREATE_TEMPORARY_POLICY')
        expect(webhookPayload('generic', created)).toEqual({ source: 'mock-kpow', audit_record: created })
        expect(webhookPayload('slack', created)).toEqual({
            text: 'Kpow audit: admin temporary-policy-created CREATE_TEMPORARY_POLICY on ["cluster","c1","topic","tx_trade1"] (Allow) id=abc',
        })
    })
})
