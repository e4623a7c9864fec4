import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRbacYaml } from '../config/rbac-file'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { KNOWN_ACTIONS } from './actions'
import { compilePolicies, evaluateAccess } from './evaluate'
import {
    RANDOM_CLUSTERS,
    deploymentPolicies,
    deploymentRequest,
    randomPolicies,
    randomRequest,
    seededRandom,
} from './testing/random-policies'
import type {
    AccessRequest,
    ClusterIdentity,
    Decision,
    DecisionReason,
    EvaluationStrategy,
    Policy,
    RbacModel,
} from './types'

function fixture(name: string): RbacModel {
    return parseRbacYaml(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name)
}

const guideRbac = parseRbacYaml(readFileSync(guideKpowConfig.rbac, 'utf8'), 'hash-rbac.yml')
const rbacDocs = fixture('rbac-docs-example.yml')
const rbacGuide = fixture('rbac-guide-example.yml')

/** Both evaluators, asserted identical, so every scenario below also tests the compiled index. */
function decide(
    request: AccessRequest,
    policies: readonly Policy[],
    strategy: EvaluationStrategy = 'STRICT',
    clusters?: readonly ClusterIdentity[]
): Decision {
    const reference = evaluateAccess(request, policies, strategy, clusters)
    expect(compilePolicies(policies, clusters).evaluate(request, strategy)).toEqual(reference)
    return reference
}

type Row = [string, readonly string[], string, readonly string[], DecisionReason, readonly string[]]

const N9X = 'N9xnGujkR32eYxHICeaHuQ'

describe.each([
    ['Kpow RBAC docs', rbacDocs],
    ['Kpow RBAC guide', rbacGuide],
])('%s example configuration (STRICT)', (_seed, model) => {
    it.each<Row>([
        [
            'kafka-admin is allowed to inspect (TOPIC_DATA_QUERY via TOPIC_INSPECT) all topics in a specific cluster',
            ['kafka-admin'],
            'TOPIC_DATA_QUERY',
            ['cluster', N9X, 'topic', 'orders'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'kafka-admin is allowed to inspect (TOPIC_DATA_DOWNLOAD via TOPIC_INSPECT)',
            ['kafka-admin'],
            'TOPIC_DATA_DOWNLOAD',
            ['cluster', N9X, 'topic', 'orders'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'kafka-admin is allowed to ... produce ... all topics in a specific cluster',
            ['kafka-admin'],
            'TOPIC_PRODUCE',
            ['cluster', N9X, 'topic', 'orders'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'kafka-admin is allowed to ... edit all topics in a specific cluster',
            ['kafka-admin'],
            'TOPIC_EDIT',
            ['cluster', N9X, 'topic', 'orders'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'then explicitly denied produce ... to one specific topic (tx_audit)',
            ['kafka-admin'],
            'TOPIC_PRODUCE',
            ['cluster', N9X, 'topic', 'tx_audit'],
            'Explicit Deny',
            ['rbac:1'],
        ],
        [
            'then explicitly denied ... edit actions to one specific topic (tx_audit)',
            ['kafka-admin'],
            'TOPIC_EDIT',
            ['cluster', N9X, 'topic', 'tx_audit'],
            'Explicit Deny',
            ['rbac:1'],
        ],
        [
            'the deny names only produce and edit: inspecting tx_audit stays allowed',
            ['kafka-admin'],
            'TOPIC_DATA_QUERY',
            ['cluster', N9X, 'topic', 'tx_audit'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'the topic grant is for that cluster only',
            ['kafka-admin'],
            'TOPIC_PRODUCE',
            ['cluster', 'lkc-lo019', 'topic', 'orders'],
            'Implicit Deny',
            [],
        ],
        [
            'kafka-admin is then permitted group edit permissions on all clusters',
            ['kafka-admin'],
            'GROUP_EDIT',
            ['cluster', 'lkc-lo019', 'group', 'trade_b2'],
            'Allowed',
            ['rbac:2'],
        ],
        [
            'kafka-user are permitted stage access to the group edit action for groups starting with tx_',
            ['kafka-user'],
            'GROUP_EDIT',
            ['cluster', N9X, 'group', 'tx_settlement'],
            'Staged',
            ['rbac:3'],
        ],
        [
            'kafka-user: groups not starting with tx_ are implicitly denied',
            ['kafka-user'],
            'GROUP_EDIT',
            ['cluster', N9X, 'group', 'trade_b2'],
            'Implicit Deny',
            [],
        ],
        [
            'All remaining actions are implicitly denied actions to all users on all resources (kafka-user inspect)',
            ['kafka-user'],
            'TOPIC_DATA_QUERY',
            ['cluster', N9X, 'topic', 'orders'],
            'Implicit Deny',
            [],
        ],
        [
            'All remaining actions are implicitly denied (kafka-admin TOPIC_DELETE)',
            ['kafka-admin'],
            'TOPIC_DELETE',
            ['cluster', N9X, 'topic', 'orders'],
            'Implicit Deny',
            [],
        ],
        [
            'All remaining actions are implicitly denied (a role the file never names)',
            ['ops-support'],
            'GROUP_EDIT',
            ['cluster', N9X, 'group', 'tx_a'],
            'Implicit Deny',
            [],
        ],
        [
            'Where multiple policies apply to one resource, Deny effects take precedence (both roles)',
            ['kafka-user', 'kafka-admin'],
            'TOPIC_PRODUCE',
            ['cluster', N9X, 'topic', 'tx_audit'],
            'Explicit Deny',
            ['rbac:1'],
        ],
        [
            'STRICT: Stage policies take precedence over Allow policies (both roles, tx_ group)',
            ['kafka-admin', 'kafka-user'],
            'GROUP_EDIT',
            ['cluster', N9X, 'group', 'tx_settlement'],
            'Staged',
            ['rbac:3'],
        ],
        [
            'an umbrella request is decided leaf by leaf: kafka-admin TOPIC_INSPECT',
            ['kafka-admin'],
            'TOPIC_INSPECT',
            ['cluster', N9X, 'topic', 'orders'],
            'Allowed',
            ['rbac:0'],
        ],
        [
            'an unknown action is never granted',
            ['kafka-admin'],
            'TOPIC_READ',
            ['cluster', N9X, 'topic', 'orders'],
            'Implicit Deny',
            [],
        ],
    ])('%s', (_name, roles, action, resource, reason, sources) => {
        const decision = decide({ roles, action, resource }, model.policies)
        expect(decision.reason).toBe(reason)
        expect(decision.policies.map((policy) => policy.source)).toEqual(sources)
    })
})

describe('Kpow RBAC docs: resources (plural) is also supported', () => {
    it.each<[string, string, DecisionReason]>([
        ['["cluster", "*", "group", "tx_*"]', 'tx_settlement', 'Staged'],
        ['["cluster", "*", "group", "payments_*"]', 'payments_b2', 'Staged'],
        ['neither pattern', 'orders_b2', 'Implicit Deny'],
    ])('kafka-user GROUP_EDIT under %s', (_name, group, reason) => {
        const decision = decide(
            { roles: ['kafka-user'], action: 'GROUP_EDIT', resource: ['cluster', N9X, 'group', group] },
            rbacDocs.policies
        )
        expect(decision.reason).toBe(reason)
    })
})

describe('Kpow RBAC docs: RBAC_EVALUATION_STRATEGY', () => {
    const bothRoles = {
        roles: ['kafka-admin', 'kafka-user'],
        action: 'GROUP_EDIT',
        resource: ['cluster', N9X, 'group', 'tx_settlement'],
    }

    it.each<[EvaluationStrategy, DecisionReason, string]>([
        ['STRICT', 'Staged', 'rbac:3'],
        ['STAGE_LENIENT', 'Allowed', 'rbac:2'],
    ])('%s: a Stage and an Allow on the same group -> %s by %s', (strategy, reason, source) => {
        const decision = decide(bothRoles, rbacDocs.policies, strategy)
        expect(decision.reason).toBe(reason)
        expect(decision.policies.map((policy) => policy.source)).toEqual([source])
    })

    it('STAGE_LENIENT: useful when a user has attached Stage policies and an admin assigns an Allow temporary policy', () => {
        const temporaryAllow: Policy = {
            roles: ['kafka-user'],
            actions: ['GROUP_EDIT'],
            effect: 'Allow',
            resources: [['cluster', N9X, 'group', 'tx_settlement']],
            source: 'temporary:0de3f8b1-8e1b-42e1-a99f-132e3c580e3f',
        }
        const request = {
            roles: ['kafka-user'],
            action: 'GROUP_EDIT',
            resource: ['cluster', N9X, 'group', 'tx_settlement'],
        }
        expect(decide(request, [...rbacDocs.policies, temporaryAllow], 'STRICT').reason).toBe('Staged')
        expect(decide(request, [...rbacDocs.policies, temporaryAllow], 'STAGE_LENIENT').policies).toEqual([
            temporaryAllow,
        ])
    })

    it.each<EvaluationStrategy>(['STRICT', 'STAGE_LENIENT'])('%s: Deny still wins over Allow and Stage', (strategy) => {
        const deny: Policy = {
            roles: ['*'],
            actions: ['GROUP_EDIT'],
            effect: 'Deny',
            resources: [['cluster', '*', 'group', 'tx_settlement']],
            source: 'rbac:99',
        }
        const decision = decide(bothRoles, [...rbacDocs.policies, deny], strategy)
        expect(decision).toEqual({ effect: 'Deny', reason: 'Explicit Deny', policies: [deny] })
    })
})

describe("the guide's RBAC file (hash-rbac.yml)", () => {
    const auditLog = ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log']

    it.each<[string, readonly string[], string, readonly string[], DecisionReason]>([
        [
            'admin may TOPIC_DATA_QUERY (TOPIC_INSPECT encapsulates it) on the audit log',
            ['kafka-admins'],
            'TOPIC_DATA_QUERY',
            auditLog,
            'Allowed',
        ],
        [
            'admin may TOPIC_DATA_QUERY on any cluster and topic',
            ['kafka-admins'],
            'TOPIC_DATA_QUERY',
            ['cluster', 'any-cluster', 'topic', 'any-topic'],
            'Allowed',
        ],
        [
            'admin may TOPIC_DATA_DOWNLOAD (TOPIC_INSPECT encapsulates it)',
            ['kafka-admins'],
            'TOPIC_DATA_DOWNLOAD',
            auditLog,
            'Allowed',
        ],
        [
            'admin may BROKER_EDIT any broker',
            ['kafka-admins'],
            'BROKER_EDIT',
            ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'broker', '1'],
            'Allowed',
        ],
        [
            'admin has no schema actions',
            ['kafka-admins'],
            'SCHEMA_CREATE',
            ['schema', 'a2f06a916672d71d675f'],
            'Implicit Deny',
        ],
        [
            'No "Allow" policies are defined for kafka-users initially: user cannot inspect',
            ['kafka-users'],
            'TOPIC_DATA_QUERY',
            auditLog,
            'Implicit Deny',
        ],
    ])('%s', (_name, roles, action, resource, reason) => {
        expect(decide({ roles, action, resource }, guideRbac.policies).reason).toBe(reason)
    })

    it("the guide's temporary policy lets kafka-users query that topic only", () => {
        const temporary: Policy = {
            roles: ['kafka-users'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resources: [auditLog],
            source: 'temporary:0de3f8b1-8e1b-42e1-a99f-132e3c580e3f',
        }
        const policies = [...guideRbac.policies, temporary]
        expect(
            decide({ roles: ['kafka-users'], action: 'TOPIC_DATA_QUERY', resource: auditLog }, policies).policies
        ).toEqual([temporary])
        expect(
            decide({ roles: ['kafka-users'], action: 'TOPIC_DATA_DOWNLOAD', resource: auditLog }, policies).reason
        ).toBe('Implicit Deny')
        expect(decide({ roles: ['kafka-users'], action: 'TOPIC_INSPECT', resource: auditLog }, policies).reason).toBe(
            'Implicit Deny'
        )
        expect(
            decide(
                {
                    roles: ['kafka-users'],
                    action: 'TOPIC_DATA_QUERY',
                    resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', 'other'],
                },
                policies
            ).reason
        ).toBe('Implicit Deny')
    })
})

describe('roles and decisions', () => {
    const everyone: Policy = {
        roles: ['*'],
        actions: ['TOPIC_DATA_QUERY'],
        effect: 'Allow',
        resources: [['cluster', '*', 'topic', 'public_*']],
        source: 'rbac:0',
    }

    it('a policy role "*" matches every role, and users with no role at all', () => {
        for (const roles of [['kafka-users'], ['anything'], []]) {
            expect(
                decide({ roles, action: 'TOPIC_DATA_QUERY', resource: ['cluster', 'c', 'topic', 'public_news'] }, [
                    everyone,
                ]).reason
            ).toBe('Allowed')
        }
    })

    it('a user role "*" is only a role name, not a master key', () => {
        const admins: Policy = { ...everyone, roles: ['kafka-admins'], resources: [['cluster', '*']], source: 'rbac:1' }
        expect(
            decide({ roles: ['*'], action: 'TOPIC_DATA_QUERY', resource: ['cluster', 'c', 'topic', 'x'] }, [admins])
                .reason
        ).toBe('Implicit Deny')
    })

    it('an explicit deny lists every denying policy, in policy order, once each', () => {
        const denyA: Policy = {
            roles: ['a', 'b'],
            actions: ['TOPIC_PRODUCE'],
            effect: 'Deny',
            resources: [
                ['cluster', '*'],
                ['cluster', 'c', 'topic'],
            ],
            source: 'rbac:0',
        }
        const allow: Policy = {
            roles: ['a'],
            actions: ['TOPIC_PRODUCE'],
            effect: 'Allow',
            resources: [['*']],
            source: 'rbac:1',
        }
        const denyB: Policy = {
            roles: ['*'],
            actions: ['TOPIC_PRODUCE'],
            effect: 'Deny',
            resources: [['cluster', 'c', 'topic', 't']],
            source: 'rbac:2',
        }
        const decision = decide(
            { roles: ['b', 'a'], action: 'TOPIC_PRODUCE', resource: ['cluster', 'c', 'topic', 't'] },
            [denyA, allow, denyB]
        )
        expect(decision).toEqual({ effect: 'Deny', reason: 'Explicit Deny', policies: [denyA, denyB] })
    })

    it('implicit deny names no policy', () => {
        expect(decide({ roles: ['a'], action: 'TOPIC_PRODUCE', resource: ['cluster', 'c'] }, [])).toEqual({
            effect: 'Deny',
            reason: 'Implicit Deny',
            policies: [],
        })
    })

    it('an umbrella request takes the most restrictive of its leaves', () => {
        const queryOnly: Policy = {
            roles: ['a'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resources: [['cluster', '*']],
            source: 'rbac:0',
        }
        const stagedDownload: Policy = {
            roles: ['a'],
            actions: ['TOPIC_DATA_DOWNLOAD'],
            effect: 'Stage',
            resources: [['cluster', '*']],
            source: 'rbac:1',
        }
        const request = { roles: ['a'], action: 'TOPIC_INSPECT', resource: ['cluster', 'c', 'topic', 't'] }
        expect(decide(request, [queryOnly]).reason).toBe('Implicit Deny')
        expect(decide(request, [queryOnly, stagedDownload]).policies).toEqual([stagedDownload])
    })

    it('a cluster named by its environment name in a policy matches requests by id, and vice versa', () => {
        const byName: Policy = {
            roles: ['a'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resources: [['cluster', 'Prod', 'topic', 'orders']],
            source: 'rbac:0',
        }
        const byId: Policy = {
            roles: ['a'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Deny',
            resources: [['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', 'secret*']],
            source: 'rbac:1',
        }
        const policies = [byName, byId]
        expect(
            decide(
                {
                    roles: ['a'],
                    action: 'TOPIC_DATA_QUERY',
                    resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', 'orders'],
                },
                policies,
                'STRICT',
                RANDOM_CLUSTERS
            ).reason
        ).toBe('Allowed')
        expect(
            decide(
                { roles: ['a'], action: 'TOPIC_DATA_QUERY', resource: ['cluster', 'Prod', 'topic', 'secret-1'] },
                policies,
                'STRICT',
                RANDOM_CLUSTERS
            ).reason
        ).toBe('Explicit Deny')
        expect(
            decide(
                { roles: ['a'], action: 'TOPIC_DATA_QUERY', resource: ['cluster', 'Local', 'topic', 'orders'] },
                policies,
                'STRICT',
                RANDOM_CLUSTERS
            ).reason
        ).toBe('Implicit Deny')
    })
})

describe('compiled index = evaluateAccess (seeded property test)', () => {
    it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: 40 policy sets x 150 requests agree under both strategies', (seed) => {
        const random = seededRandom(seed)
        const reasons = new Map<DecisionReason, number>()
        for (let set = 0; set < 40; set++) {
            const policies = randomPolicies(random, 1 + Math.floor(random() * 60))
            const clusters = random() < 0.8 ? RANDOM_CLUSTERS : undefined
            const index = compilePolicies(policies, clusters)
            for (let query = 0; query < 150; query++) {
                const request = randomRequest(random)
                for (const strategy of ['STRICT', 'STAGE_LENIENT'] as const) {
                    const expected = evaluateAccess(request, policies, strategy, clusters)
                    const actual = index.evaluate(request, strategy)
                    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                        expect({ request, strategy, actual }).toEqual({ request, strategy, actual: expected })
                    }
                    reasons.set(expected.reason, (reasons.get(expected.reason) ?? 0) + 1)
                }
            }
        }
        // The generator must exercise every outcome, or agreement proves little.
        for (const reason of ['Allowed', 'Staged', 'Explicit Deny', 'Implicit Deny'] as const) {
            expect(reasons.get(reason) ?? 0).toBeGreaterThan(100)
        }
    })

    it('agrees on deployment-shaped policy sets too', () => {
        const random = seededRandom(42)
        const policies = deploymentPolicies(random, 2000, 50)
        const index = compilePolicies(policies, RANDOM_CLUSTERS)
        for (let query = 0; query < 3000; query++) {
            const request = deploymentRequest(random, 50)
            expect(index.evaluate(request, 'STRICT')).toEqual(
                evaluateAccess(request, policies, 'STRICT', RANDOM_CLUSTERS)
            )
        }
    })

    it('every known action can be granted and is kept apart from the others', () => {
        for (const action of KNOWN_ACTIONS) {
            const policy: Policy = {
                roles: ['r'],
                actions: [action],
                effect: 'Allow',
                resources: [['*']],
                source: 'rbac:0',
            }
            const index = compilePolicies([policy])
            const leafRequest = { roles: ['r'], action, resource: ['cluster', 'c', 'topic', 't'] }
            expect(index.evaluate(leafRequest, 'STRICT').reason).toBe('Allowed')
            expect(index.evaluate({ ...leafRequest, action: 'KSQLDB_QUERY' }, 'STRICT').reason).toBe(
                action === 'KSQLDB_QUERY' ? 'Allowed' : 'Implicit Deny'
            )
        }
    })
})
