// The clusters file: the bundled default and every refusal of a bad file, each naming the file,
// the path and the fix; and the store's offsets, partitioning and reset.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTERS_FILE, loadClustersFile, parseClustersDocument } from '../src/data/clusters-file'
import { DataStore } from '../src/data/data-store'
import { GUIDE_CLUSTER, startTestKpow } from './start-test-kpow'

describe('the bundled clusters file', () => {
    it("holds the guide's cluster with the audit log and realistic trade and payment messages", () => {
        const store = new DataStore(loadClustersFile(DEFAULT_CLUSTERS_FILE), 'Local Kafka Cluster', () => [])
        expect(store.clusters()).toEqual([{ id: GUIDE_CLUSTER, name: 'Local Kafka Cluster' }])
        const topics = store.topics(GUIDE_CLUSTER)
        expect(topics.map((topic) => topic.name)).toEqual(
            expect.arrayContaining(['__oprtr_audit_log', 'tx_trade1', 'payments_eu'])
        )
        expect(topics.find((topic) => topic.name === '__oprtr_audit_log')?.auditLog).toBe(true)
        for (const name of ['tx_trade1', 'payments_eu']) {
            const messages = store.query(GUIDE_CLUSTER, name, { mode: 'latest', count: 500 })
            expect(messages.length, name).toBeGreaterThanOrEqual(10)
            for (const message of messages) expect(() => JSON.parse(message.value ?? '')).not.toThrow()
        }
    })
})

describe('refusing a bad clusters file', () => {
    const refusal = (yaml: string) => {
        try {
            parseClustersDocument(yaml, 'clusters.yml')
        } catch (error) {
            return (error as Error).message
        }
        return 'accepted'
    }
    const cluster = (topics: string) => `clusters:\n  - id: c1\n    topics:\n${topics}`

    it.each([
        [
            'no clusters key',
            'topics: []',
            /^clusters\.yml: clusters: is required; topics: unknown key; allowed keys: clusters$/,
        ],
        [
            'an unknown field',
            cluster('      - name: t\n        colour: red\n'),
            /clusters\[0\]\.topics\[0\]\.colour: unknown key; allowed keys: name, partitions, audit_log, messages/,
        ],
        [
            'a bad topic name',
            cluster('      - name: "has space"\n'),
            /clusters\[0\]\.topics\[0\]\.name: must match pattern/,
        ],
        [
            'a duplicate topic',
            cluster('      - name: t\n      - name: t\n'),
            /clusters\[0\]\.topics\[1\]\.name: duplicate topic "t"/,
        ],
        [
            'a partition out of range',
            cluster(
                '      - name: t\n        partitions: 2\n        messages:\n          - { partition: 2, timestamp: 0 }\n'
            ),
            /messages\[0\]\.partition: must be below the topic's 2 partition/,
        ],
        [
            'an unparseable timestamp',
            cluster('      - name: t\n        messages:\n          - { timestamp: "yesterday" }\n'),
            /timestamp: must be an ISO-8601 instant/,
        ],
        [
            'messages on the audit log',
            cluster('      - name: a\n        audit_log: true\n        messages: []\n'),
            /audit_log topic holds the mock's audit records/,
        ],
        [
            'a group reading a missing topic',
            `${cluster('      - name: t\n')}    groups:\n      - { id: g, topics: [nope] }\n`,
            /topic "nope" is not a topic of cluster c1/,
        ],
        ['broken YAML', 'clusters: [', /clusters\.yml: not valid YAML/],
    ])('refuses %s', (_name, yaml, expected) => {
        expect(refusal(yaml)).toMatch(expected)
    })

    it('stops the mock at start, naming the file', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'clusters-'))
        const file = join(dir, 'bad.yml')
        writeFileSync(file, cluster('      - name: t\n      - name: t\n'))
        await expect(startTestKpow({ clusters: file })).rejects.toThrow(
            `${file}: clusters[0].topics[1].name: duplicate topic "t"`
        )
    })
})

describe('the data store', () => {
    it('numbers offsets per partition in time order, keeps keyed messages on one partition, and resets', () => {
        const config = parseClustersDocument(
            [
                'clusters:',
                '  - id: c1',
                '    topics:',
                '      - name: t',
                '        partitions: 4',
                '        messages:',
                '          - { partition: 1, timestamp: "2026-01-01T00:00:02Z", value: second }',
                '          - { partition: 1, timestamp: "2026-01-01T00:00:01Z", value: first }',
            ].join('\n'),
            'inline.yml'
        )
        const store = new DataStore(config, 'Env', () => [])
        expect(
            store
                .query('c1', 't', { mode: 'offset', partition: 1, offset: 0, count: 5 })
                .map((m) => `${m.offset}:${m.value}`)
        ).toEqual(['0:first', '1:second'])
        const a = store.append('c1', 't', { key: 'same-key', value: 'a' }, 1)
        const b = store.append('c1', 't', { key: 'same-key', value: 'b' }, 2)
        expect(b.partition).toBe(a.partition)
        expect(b.offset).toBe(a.offset + 1)
        store.reset()
        expect(store.topics('c1')[0]?.messageCount).toBe(2)
    })
})
