/**
 * Deterministic generators of policies and access requests, for the index-vs-reference property
 * test and for throughput measurements. Seeded (mulberry32) so a failure reproduces exactly.
 */
import type { AccessRequest, ClusterIdentity, Effect, Policy, ResourcePath } from '../types'

export type Random = () => number

/** mulberry32: tiny, fast, good enough to spread test cases; never for anything secret. */
export function seededRandom(seed: number): Random {
    let state = seed >>> 0
    return () => {
        state = (state + 0x6d2b79f5) >>> 0
        let t = state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

export function pick<T>(random: Random, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)] as T
}

function pickSome<T>(random: Random, items: readonly T[], max: number): T[] {
    const count = 1 + Math.floor(random() * max)
    return Array.from({ length: count }, () => pick(random, items))
}

export const RANDOM_CLUSTERS: readonly ClusterIdentity[] = [
    { id: '42RglGpZQwy9D5VzTVpCWA', name: 'Prod' },
    { id: 'g10tMLohRLKthriTt0749g', name: 'Local' },
    { id: 'lkc-lo019', name: 'Confluent Cloud' },
]

const ROLES = ['kafka-admins', 'kafka-users', 'ops']
/**
 * A few actions, umbrellas and their leaves among them: dense enough that random policies and
 * requests meet often (every known action is exercised by its own test).
 */
const ACTIONS = [
    'TOPIC_INSPECT',
    'TOPIC_DATA_QUERY',
    'TOPIC_DATA_DOWNLOAD',
    'GROUP_EDIT',
    'CONNECT_EDIT',
    'CONNECT_DELETE',
]
// Small pools, so that random patterns and resources meet often; every wildcard form matches
// some of the literals, and clusters appear under both their id and their name.
const DOMAIN_TYPES = ['cluster', 'cluster', 'cluster', 'connect']
const DOMAIN_IDS = ['42RglGpZQwy9D5VzTVpCWA', 'Prod', 'g10tMLohRLKthriTt0749g', 'Local', 'unknown-1']
const OBJECT_TYPES = ['topic', 'topic', 'group']
const OBJECT_IDS = ['tx_trade1', 'tx_audit', 'order_event', 'my-csv-sink', 'payments_b2']
const ELEMENT_WILDCARDS = ['*', 'tx_*', '*_event', '*csv*', 'pay*', '*_b2', 'Pro*', '42R*', 'Loc*', '*-1']
const EFFECTS: readonly Effect[] = ['Allow', 'Deny', 'Stage']

function patternElement(random: Random, literals: readonly string[]): string {
    return random() < 0.35 ? pick(random, ELEMENT_WILDCARDS) : pick(random, literals)
}

export function randomPattern(random: Random): ResourcePath {
    const length = 1 + Math.floor(random() * 4)
    const pools = [DOMAIN_TYPES, DOMAIN_IDS, OBJECT_TYPES, OBJECT_IDS]
    return pools.slice(0, length).map((pool) => patternElement(random, pool))
}

export function randomResource(random: Random): ResourcePath {
    const length = pick(random, [1, 2, 2, 3, 4, 4, 4, 4, 4, 4])
    const pools = [DOMAIN_TYPES, DOMAIN_IDS, OBJECT_TYPES, OBJECT_IDS]
    return pools.slice(0, length).map((pool) => pick(random, pool))
}

export function randomPolicies(random: Random, count: number): Policy[] {
    return Array.from({ length: count }, (_, index) => ({
        roles: random() < 0.1 ? ['*'] : pickSome(random, ROLES, 2),
        actions: pickSome(random, ACTIONS, 3),
        effect: pick(random, EFFECTS),
        resources: Array.from({ length: random() < 0.8 ? 1 : 2 }, () => randomPattern(random)),
        source: `rbac:${index}`,
    }))
}

export function randomRequest(random: Random): AccessRequest {
    const roleCount = Math.floor(random() * 3)
    return {
        roles: Array.from({ length: roleCount }, () => pick(random, [...ROLES, '*'])),
        action: random() < 0.05 ? 'NOT_AN_ACTION' : pick(random, ACTIONS),
        resource: randomResource(random),
    }
}

/**
 * A deployment-shaped policy set for throughput: many team roles, each granted a handful of
 * actions on its own topics and groups (mostly exact names, some prefixes, a few cluster-wide
 * grants), plus a few policies for everyone ("*") and some denies, as a JIT-access setup that
 * has accumulated 10,000 policies would look.
 */
export function deploymentPolicies(random: Random, count: number, teams = 1000): Policy[] {
    const clusterIds = RANDOM_CLUSTERS.map((cluster) => cluster.id)
    return Array.from({ length: count }, (_, index) => {
        const team = `team-${Math.floor(random() * teams)}`
        const cluster = random() < 0.1 ? pick(random, RANDOM_CLUSTERS).name : pick(random, clusterIds)
        const shape = random()
        const objectType = random() < 0.8 ? 'topic' : 'group'
        const resource: ResourcePath =
            shape < 0.7
                ? ['cluster', cluster, objectType, `${team}.${objectType}-${Math.floor(random() * 20)}`]
                : shape < 0.85
                  ? ['cluster', cluster, objectType, `${team}.*`]
                  : shape < 0.95
                    ? ['cluster', cluster]
                    : ['cluster', '*', 'topic', `${team}.shared-*`]
        if (random() < 0.01) {
            // Grants for everyone are broad and few: shared read access to public topics.
            return {
                roles: ['*'],
                actions: ['TOPIC_INSPECT'],
                effect: 'Allow',
                resources: [
                    [
                        'cluster',
                        pick(random, clusterIds),
                        'topic',
                        pick(random, ['public.*', 'shared.*', '*.schema-changes']),
                    ],
                ],
                source: `rbac:${index}`,
            }
        }
        return {
            roles: [team],
            actions: pickSome(
                random,
                ['TOPIC_INSPECT', 'TOPIC_PRODUCE', 'TOPIC_EDIT', 'GROUP_EDIT', 'TOPIC_DATA_QUERY'],
                2
            ),
            effect: random() < 0.85 ? 'Allow' : random() < 0.5 ? 'Deny' : 'Stage',
            resources: [resource],
            source: `rbac:${index}`,
        }
    })
}

export function deploymentRequest(random: Random, teams = 1000): AccessRequest {
    const team = `team-${Math.floor(random() * teams)}`
    const objectType = random() < 0.8 ? 'topic' : 'group'
    return {
        roles: random() < 0.3 ? [team, `team-${Math.floor(random() * teams)}`] : [team],
        action: pick(random, ['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD', 'TOPIC_PRODUCE', 'GROUP_EDIT', 'TOPIC_EDIT']),
        resource: [
            'cluster',
            pick(random, RANDOM_CLUSTERS).id,
            objectType,
            `${team}.${objectType}-${Math.floor(random() * 25)}`,
        ],
    }
}
