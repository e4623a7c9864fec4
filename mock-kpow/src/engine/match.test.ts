import { describe, expect, it } from 'vitest'
import { matchElement, matchResource, patternCovers, patternsIntersect } from './match'
import type { ClusterIdentity, ResourcePath } from './types'

// Kpow RBAC guide's startup log: "* g10tMLohRLKthriTt0749g (Local)", "* lkc-lo019 (Confluent Cloud)".
const SEED_001_CLUSTERS: readonly ClusterIdentity[] = [
    { id: 'g10tMLohRLKthriTt0749g', name: 'Local' },
    { id: 'lkc-lo019', name: 'Confluent Cloud' },
]

describe('matchElement: Kpow RBAC docs "Rules for using *"', () => {
    it.each<[string, string, string, boolean]>([
        ['All | * | All resources', '*', 'anything-at-all', true],
        ['All | * | All resources (empty)', '*', '', true],
        ['Starts with | tx_* | All resources starting with tx_', 'tx_*', 'tx_trade1', true],
        ['Starts with | tx_* (exactly the prefix)', 'tx_*', 'tx_', true],
        ['Starts with | tx_* (not a prefix)', 'tx_*', 'audit_tx_trade', false],
        ['Ends with | *_event | All resources ending with _event', '*_event', 'order_event', true],
        ['Ends with | *_event (not a suffix)', '*_event', 'order_events', false],
        ['Contains | *csv* | All resources which contains csv', '*csv*', 'my-csv-sink', true],
        ['Contains | *csv* (at the start)', '*csv*', 'csv', true],
        ['Contains | *csv* (absent)', '*csv*', 'my-json-sink', false],
        ['exact: tx-events', 'tx-events', 'tx-events', true],
        ['exact: tx-events vs tx-events2', 'tx-events', 'tx-events2', false],
        ['exact is case-sensitive', 'TX-EVENTS', 'tx-events', false],
        ['an inner * is literal: tx*trade', 'tx*trade', 'tx_trade', false],
        ['an inner * is literal: tx*trade matches itself', 'tx*trade', 'tx*trade', true],
        ['Kpow RBAC docs connector csv-*', 'csv-*', 'csv-orders', true],
        ['Kpow multi-tenancy docs topic prefix tx-top*', 'tx-top*', 'tx-topic', true],
        ['Kpow multi-tenancy docs topic suffix *-topic', '*-topic', 'tx-topic', true],
        ['Kpow multi-tenancy docs Kpow Hidden __oprtr*', '__oprtr*', '__oprtr_audit_log', true],
        [
            'Kpow multi-tenancy docs Kpow Hidden oprtr* leaves __oprtr topics to their own rule',
            'oprtr*',
            '__oprtr_audit_log',
            false,
        ],
    ])('%s: matchElement(%j, %j) = %s', (_name, pattern, value, expected) => {
        expect(matchElement(pattern, value)).toBe(expected)
    })
})

const TOPIC_T: ResourcePath = ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'topic', 'tx-events']
const OTHER_CLUSTER_TOPIC: ResourcePath = ['cluster', 'lkc-lo019', 'topic', 'payments']
const GROUP_G: ResourcePath = ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'group', 'tx_group']
const CLUSTER: ResourcePath = ['cluster', 'N9xnGujkR32eYxHICeaHuQ']
const SUBJECT: ResourcePath = ['schema', 'a2f06a916672d71d675f', 'subject', 'tx-events']
const OTHER_SUBJECT: ResourcePath = ['schema', 'a2f06a916672d71d675f', 'subject', 'payments']
const CONNECTOR_CSV: ResourcePath = ['connect', 'g10tMLohRLKthriTt0749g', 'connector', 'csv-orders']
const CONNECTOR_JSON: ResourcePath = ['connect', 'g10tMLohRLKthriTt0749g', 'connector', 'json-orders']
const KSQL_SOURCE: ResourcePath = ['ksqldb', 'ksql-1', 'ksqldb-source', 'QUERYABLE_GRADES']
const KSQL_QUERY: ResourcePath = ['ksqldb', 'ksql-1', 'ksqldb-query', 'CTAS_GRADES_1']

describe('matchResource: Kpow RBAC docs / Kpow RBAC guide "Example Resources"', () => {
    it.each<[string, ResourcePath, ResourcePath, boolean]>([
        ['["cluster", "*"] - all clusters and all objects (a topic)', ['cluster', '*'], TOPIC_T, true],
        [
            '["cluster", "*"] - all clusters and all objects (another cluster)',
            ['cluster', '*'],
            OTHER_CLUSTER_TOPIC,
            true,
        ],
        ['["cluster", "*"] - all clusters and all objects (the cluster itself)', ['cluster', '*'], CLUSTER, true],
        ['["cluster", "*"] - all clusters (not a schema registry)', ['cluster', '*'], SUBJECT, false],
        [
            '["cluster", "*", "topic"] - all topics on all clusters',
            ['cluster', '*', 'topic'],
            OTHER_CLUSTER_TOPIC,
            true,
        ],
        ['["cluster", "*", "topic"] - all topics (not groups)', ['cluster', '*', 'topic'], GROUP_G, false],
        ['["cluster", "*", "topic"] - all topics (not the cluster itself)', ['cluster', '*', 'topic'], CLUSTER, false],
        [
            '["cluster", "N9xnGujkR32eYxHICeaHuQ"] - all objects in a cluster',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ'],
            GROUP_G,
            true,
        ],
        [
            '["cluster", "N9xnGujkR32eYxHICeaHuQ"] - all objects in a cluster (not another)',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ'],
            OTHER_CLUSTER_TOPIC,
            false,
        ],
        [
            '["cluster", "*", "topic", "tx-events"] - named topic in all clusters',
            ['cluster', '*', 'topic', 'tx-events'],
            TOPIC_T,
            true,
        ],
        [
            '["cluster", "*", "topic", "tx-events"] - named topic (not another topic)',
            ['cluster', '*', 'topic', 'tx-events'],
            OTHER_CLUSTER_TOPIC,
            false,
        ],
        ['["schema", "*"] - all schema registries and all objects', ['schema', '*'], SUBJECT, true],
        ['["schema", "*"] - all schema registries (not a topic)', ['schema', '*'], TOPIC_T, false],
        [
            '["schema", "*", "subject", "tx-events"] - named subject in all schema registries',
            ['schema', '*', 'subject', 'tx-events'],
            SUBJECT,
            true,
        ],
        [
            '["schema", "*", "subject", "tx-events"] - named subject (not another)',
            ['schema', '*', 'subject', 'tx-events'],
            OTHER_SUBJECT,
            false,
        ],
        [
            '["schema", "*", "subject", "tx-events"] - a topic of the same name is no subject',
            ['schema', '*', 'subject', 'tx-events'],
            TOPIC_T,
            false,
        ],
        ['["connect", "*"] - all connect clusters and all objects', ['connect', '*'], CONNECTOR_JSON, true],
        [
            '["connect", "*", "connector", "csv-*"] - matching connector in all connect clusters',
            ['connect', '*', 'connector', 'csv-*'],
            CONNECTOR_CSV,
            true,
        ],
        [
            '["connect", "*", "connector", "csv-*"] - not a non-matching connector',
            ['connect', '*', 'connector', 'csv-*'],
            CONNECTOR_JSON,
            false,
        ],
        ['["ksqldb", "*"] - all ksqldb servers and all objects (a query)', ['ksqldb', '*'], KSQL_QUERY, true],
        [
            '["ksqldb", "*", "ksqldb-source", "QUERYABLE_GRADES"] - source named QUERYABLE_GRADES',
            ['ksqldb', '*', 'ksqldb-source', 'QUERYABLE_GRADES'],
            KSQL_SOURCE,
            true,
        ],
        [
            '["ksqldb", "*", "ksqldb-source", "QUERYABLE_GRADES"] - not a query',
            ['ksqldb', '*', 'ksqldb-source', 'QUERYABLE_GRADES'],
            KSQL_QUERY,
            false,
        ],
        ['["*"] - everything (a subject)', ['*'], SUBJECT, true],
        ['["*"] - everything (a ksqlDB query)', ['*'], KSQL_QUERY, true],
        [
            'Kpow RBAC docs policy ["cluster", "N9x...", "topic", "tx_audit"] matches tx_audit',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'topic', 'tx_audit'],
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'topic', 'tx_audit'],
            true,
        ],
        [
            'Kpow RBAC docs policy ["cluster", "*", "group", "tx_*"] matches group tx_group',
            ['cluster', '*', 'group', 'tx_*'],
            GROUP_G,
            true,
        ],
        [
            'Kpow RBAC docs policy ["cluster", "*", "group", "payments_*"] not group tx_group',
            ['cluster', '*', 'group', 'payments_*'],
            GROUP_G,
            false,
        ],
        [
            'a pattern longer than the resource does not match it',
            ['cluster', '*', 'topic', 'tx-events'],
            CLUSTER,
            false,
        ],
        [
            'the guide: ["cluster", "42RglGpZQwy9D5VzTVpCWA", "topic", "__oprtr_audit_log"]',
            ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
            ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
            true,
        ],
    ])('%s', (_name, pattern, resource, expected) => {
        expect(matchResource(pattern, resource)).toBe(expected)
    })
})

describe('matchResource: a cluster may be named by its ID or its environment name (release 79)', () => {
    it.each<[string, ResourcePath, ResourcePath, boolean]>([
        [
            'pattern names "Local", resource uses its id',
            ['cluster', 'Local', 'topic', '*'],
            ['cluster', 'g10tMLohRLKthriTt0749g', 'topic', 't'],
            true,
        ],
        [
            'pattern uses the id, resource names "Local"',
            ['cluster', 'g10tMLohRLKthriTt0749g'],
            ['cluster', 'Local', 'topic', 't'],
            true,
        ],
        [
            'a name with a space: "Confluent Cloud"',
            ['cluster', 'Confluent Cloud'],
            ['cluster', 'lkc-lo019', 'group', 'g'],
            true,
        ],
        ['"Local" does not name lkc-lo019', ['cluster', 'Local'], ['cluster', 'lkc-lo019', 'topic', 't'], false],
        ['a wildcard may match the name: "Conf*"', ['cluster', 'Conf*'], ['cluster', 'lkc-lo019', 'topic', 't'], true],
        [
            'a wildcard may match the id: "lkc-*" against the name',
            ['cluster', 'lkc-*'],
            ['cluster', 'Confluent Cloud'],
            true,
        ],
        [
            'connect domains share their Kafka cluster id (Kpow RBAC guide)',
            ['connect', 'Local'],
            ['connect', 'g10tMLohRLKthriTt0749g', 'connector', 'c'],
            true,
        ],
        ['unknown names stay literal', ['cluster', 'Prod'], ['cluster', 'g10tMLohRLKthriTt0749g'], false],
    ])('%s', (_name, pattern, resource, expected) => {
        expect(matchResource(pattern, resource, SEED_001_CLUSTERS)).toBe(expected)
    })

    it('without clusters, a name is only itself', () => {
        expect(matchResource(['cluster', 'Local'], ['cluster', 'g10tMLohRLKthriTt0749g'])).toBe(false)
    })

    it('an ambiguous name aliases nothing', () => {
        const clusters = [
            { id: 'a1', name: 'Prod' },
            { id: 'b2', name: 'Prod' },
        ]
        expect(matchResource(['cluster', 'Prod'], ['cluster', 'a1'], clusters)).toBe(false)
        expect(matchResource(['cluster', 'a1'], ['cluster', 'a1'], clusters)).toBe(true)
    })
})

describe('patternCovers: everything inner matches, outer matches', () => {
    it.each<[string, ResourcePath, ResourcePath, boolean]>([
        [
            'the guide: admin ["cluster","*"] covers the requested topic',
            ['cluster', '*'],
            ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
            true,
        ],
        ['["*"] covers everything', ['*'], ['schema', '*'], true],
        ['["cluster","*"] does not cover ["*"] (schemas too)', ['cluster', '*'], ['*'], false],
        ['a pattern covers itself', ['cluster', '*', 'group', 'tx_*'], ['cluster', '*', 'group', 'tx_*'], true],
        ['tx_* covers tx_a*', ['cluster', '*', 'topic', 'tx_*'], ['cluster', '*', 'topic', 'tx_a*'], true],
        ['tx_a* does not cover tx_*', ['cluster', '*', 'topic', 'tx_a*'], ['cluster', '*', 'topic', 'tx_*'], false],
        [
            'tx_* covers the exact tx_audit',
            ['cluster', '*', 'topic', 'tx_*'],
            ['cluster', '*', 'topic', 'tx_audit'],
            true,
        ],
        [
            '*_event covers *order_event',
            ['cluster', '*', 'topic', '*_event'],
            ['cluster', '*', 'topic', '*order_event'],
            true,
        ],
        [
            '*csv* covers csv-* (Kpow RBAC docs connector)',
            ['connect', '*', 'connector', '*csv*'],
            ['connect', '*', 'connector', 'csv-*'],
            true,
        ],
        ['*csv* covers *-csv', ['connect', '*', 'connector', '*csv*'], ['connect', '*', 'connector', '*-csv'], true],
        [
            '*csv* covers *my-csv-x*',
            ['connect', '*', 'connector', '*csv*'],
            ['connect', '*', 'connector', '*my-csv-x*'],
            true,
        ],
        [
            'csv-* does not cover *csv*',
            ['connect', '*', 'connector', 'csv-*'],
            ['connect', '*', 'connector', '*csv*'],
            false,
        ],
        [
            'a prefix never covers a suffix',
            ['cluster', '*', 'topic', 'tx_*'],
            ['cluster', '*', 'topic', '*_event'],
            false,
        ],
        [
            'one topic does not cover all topics',
            ['cluster', '*', 'topic', 'tx_audit'],
            ['cluster', '*', 'topic'],
            false,
        ],
        [
            'one cluster does not cover all clusters',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ'],
            ['cluster', '*', 'topic', 't'],
            false,
        ],
        [
            'a specific cluster covers its topic',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ'],
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'topic', 't'],
            true,
        ],
        [
            'a shorter inner is not covered by a longer outer',
            ['cluster', '*', 'topic', '*'],
            ['cluster', '*', 'topic'],
            false,
        ],
        [
            'a domain name covers its id',
            ['cluster', 'Local'],
            ['cluster', 'g10tMLohRLKthriTt0749g', 'topic', 't'],
            true,
        ],
        ['an id covers its name', ['cluster', 'g10tMLohRLKthriTt0749g'], ['cluster', 'Local', 'topic', 't'], true],
        [
            'an id does not cover a wildcard that also names unknown clusters',
            ['cluster', 'g10tMLohRLKthriTt0749g'],
            ['cluster', 'Loc*'],
            false,
        ],
    ])('%s', (_name, outer, inner, expected) => {
        expect(patternCovers(outer, inner, SEED_001_CLUSTERS)).toBe(expected)
    })
})

describe('patternsIntersect: could one resource match both (conservative)', () => {
    it.each<[string, ResourcePath, ResourcePath, boolean]>([
        [
            'Kpow RBAC docs: Deny tx_audit meets the cluster Allow',
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ', 'topic', 'tx_audit'],
            ['cluster', 'N9xnGujkR32eYxHICeaHuQ'],
            true,
        ],
        [
            'Kpow RBAC docs: tx_* groups and payments_* groups never meet',
            ['cluster', '*', 'group', 'tx_*'],
            ['cluster', '*', 'group', 'payments_*'],
            false,
        ],
        ['topics and groups never meet', ['cluster', '*', 'topic'], ['cluster', '*', 'group'], false],
        ['clusters and schemas never meet', ['cluster', '*'], ['schema', '*'], false],
        ['["*"] meets everything', ['*'], ['ksqldb', 'k', 'ksqldb-query', 'q'], true],
        [
            'nested prefixes meet: tx_* and tx_a*',
            ['cluster', '*', 'topic', 'tx_*'],
            ['cluster', '*', 'topic', 'tx_a*'],
            true,
        ],
        [
            'a prefix and a suffix meet (tx_ ... _event)',
            ['cluster', '*', 'topic', 'tx_*'],
            ['cluster', '*', 'topic', '*_event'],
            true,
        ],
        [
            'suffixes that end differently never meet',
            ['cluster', '*', 'topic', '*_event'],
            ['cluster', '*', 'topic', '*_log'],
            false,
        ],
        ['exact vs wildcard', ['cluster', '*', 'topic', 'tx_audit'], ['cluster', '*', 'topic', '*audit*'], true],
        ['different exact topics never meet', ['cluster', '*', 'topic', 'a'], ['cluster', '*', 'topic', 'b'], false],
        ['an id meets its name', ['cluster', 'Local'], ['cluster', 'g10tMLohRLKthriTt0749g', 'topic', 't'], true],
        ['two clusters never meet', ['cluster', 'Local'], ['cluster', 'lkc-lo019'], false],
        ['a name wildcard meets an id wildcard of the same cluster', ['cluster', 'Loc*'], ['cluster', 'g10t*'], true],
    ])('%s', (_name, a, b, expected) => {
        expect(patternsIntersect(a, b, SEED_001_CLUSTERS)).toBe(expected)
        expect(patternsIntersect(b, a, SEED_001_CLUSTERS)).toBe(expected)
    })
})
