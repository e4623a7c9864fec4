import { describe, expect, it } from 'vitest'
import { KNOWN_ACTIONS, LEAF_ACTIONS, closestKnownAction, expandActions, isKnownAction } from './actions'

describe('expandActions', () => {
    it.each<[string, readonly string[], readonly string[]]>([
        [
            'the article: TOPIC_INSPECT encapsulates both TOPIC_DATA_QUERY and TOPIC_DATA_DOWNLOAD',
            ['TOPIC_INSPECT'],
            ['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD'],
        ],
        [
            'CONNECT_EDIT includes CONNECT_INSPECT and the other connector edits',
            ['CONNECT_EDIT'],
            ['CONNECT_INSPECT', 'CONNECT_ALTER_STATE', 'CONNECT_EDIT_CONFIG', 'CONNECT_DELETE'],
        ],
        [
            'SCHEMA_EDIT = SCHEMA_VERSION_EDIT + SCHEMA_DELETE',
            ['SCHEMA_EDIT'],
            ['SCHEMA_VERSION_EDIT', 'SCHEMA_DELETE'],
        ],
        [
            'leaves stay themselves, duplicates collapse, order is kept',
            ['TOPIC_PRODUCE', 'TOPIC_INSPECT', 'TOPIC_DATA_QUERY'],
            ['TOPIC_PRODUCE', 'TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD'],
        ],
        [
            "the guide's admin policy",
            [
                'TOPIC_CREATE',
                'TOPIC_PRODUCE',
                'TOPIC_EDIT',
                'TOPIC_DELETE',
                'TOPIC_INSPECT',
                'GROUP_EDIT',
                'ACL_EDIT',
                'BULK_ACTION',
                'BROKER_EDIT',
            ],
            [
                'TOPIC_CREATE',
                'TOPIC_PRODUCE',
                'TOPIC_EDIT',
                'TOPIC_DELETE',
                'TOPIC_DATA_QUERY',
                'TOPIC_DATA_DOWNLOAD',
                'GROUP_EDIT',
                'ACL_EDIT',
                'BULK_ACTION',
                'BROKER_EDIT',
            ],
        ],
    ])('%s', (_name, actions, leaves) => {
        expect(expandActions(actions)).toEqual(leaves)
    })

    it('creation is not an edit: CONNECT_EDIT does not grant CONNECT_CREATE, SCHEMA_EDIT not SCHEMA_CREATE', () => {
        expect(expandActions(['CONNECT_EDIT'])).not.toContain('CONNECT_CREATE')
        expect(expandActions(['SCHEMA_EDIT'])).not.toContain('SCHEMA_CREATE')
    })

    it('every umbrella expands to known leaves only', () => {
        for (const action of KNOWN_ACTIONS)
            for (const leaf of expandActions([action])) expect(LEAF_ACTIONS).toContain(leaf)
    })
})

describe('isKnownAction', () => {
    it.each([
        ['TOPIC_DATA_QUERY', true],
        ['TOPIC_INSPECT', true],
        ['KSQLDB_TERMINATE_QUERY', true],
        ['CONNECT_INSPECT', true],
        ['TOPIC_ELECT_LEADER', true],
        ['TOPIC_ALTER_REASSIGNMENTS', true],
        ['BROKER_UNREGISTER', true],
        ['PRODUCER_EDIT', true],
        ['QUOTA_EDIT', true],
        ['ADMIN', true],
        ['GROUP_DELETE', true],
        ['KPOW_ADMIN', true],
        ['TOPIC_ALTER_REPLICAS', true],
        ['SCHEMA_EDIT', true],
        ['CONNECT_EDIT', true],
        ['topic_data_query', false],
        ['TOPIC_READ', false],
        ['', false],
    ])('%s -> %s', (name, known) => {
        expect(isKnownAction(name)).toBe(known)
    })
})

describe('older names (Corrections: still in Factor House files)', () => {
    it('aliases expand to the current action', () => {
        expect(expandActions(['KPOW_ADMIN'])).toEqual(['ADMIN'])
        expect(expandActions(['TOPIC_ALTER_REPLICAS'])).toEqual(['TOPIC_ALTER_REASSIGNMENTS'])
    })
    it('GROUP_EDIT does not grant GROUP_DELETE (split in 91.4)', () => {
        expect(expandActions(['GROUP_EDIT'])).toEqual(['GROUP_EDIT'])
    })
})

describe('closestKnownAction', () => {
    it.each([
        ['TOPIC_READ', 'TOPIC_CREATE'],
        ['topic_data_query', 'TOPIC_DATA_QUERY'],
        ['TOPIC_DATA_QUERRY', 'TOPIC_DATA_QUERY'],
        ['KPOW_ADMINS', 'KPOW_ADMIN'],
        ['QUOTAS_EDIT', 'QUOTA_EDIT'],
    ])('%s -> %s', (name, closest) => {
        expect(closestKnownAction(name)).toBe(closest)
    })
})
