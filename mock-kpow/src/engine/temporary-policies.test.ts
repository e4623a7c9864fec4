import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRbacYaml } from '../config/rbac-file'
import { guideKpowConfig } from '../../test/fixtures/guide-kpow-config'
import { evaluateAccess } from './evaluate'
import { activePolicies, checkGrant, isActive, toPolicy, validateDuration } from './temporary-policies'
import type { ClusterIdentity, EvaluationStrategy, Policy, TemporaryPolicy, TemporaryPolicyBody } from './types'

const guide = parseRbacYaml(readFileSync(guideKpowConfig.rbac, 'utf8'), 'hash-rbac.yml')

// The guide's example response.
const guideTemporary: TemporaryPolicy = {
    id: '0de3f8b1-8e1b-42e1-a99f-132e3c580e3f',
    created_ts: 1772169681579,
    duration_ms: 3600000,
    policy: {
        role: 'kafka-users',
        actions: ['TOPIC_DATA_QUERY'],
        resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
        effect: 'Allow',
    },
    tenant_id: '__kpow_global',
    created_by: 'admin',
}

describe('expiry: active while now < created_ts + duration_ms', () => {
    it.each<[string, number, boolean]>([
        ['at created_ts', guideTemporary.created_ts, true],
        ['at created_ts + duration - 1', guideTemporary.created_ts + guideTemporary.duration_ms - 1, true],
        ['at created_ts + duration', guideTemporary.created_ts + guideTemporary.duration_ms, false],
        ['an hour later still', guideTemporary.created_ts + 2 * guideTemporary.duration_ms, false],
    ])('%s -> active %s', (_name, now, active) => {
        expect(isActive(guideTemporary, now)).toBe(active)
        expect(activePolicies([guideTemporary], now)).toHaveLength(active ? 1 : 0)
    })

    it('an expired temporary policy grants nothing to the user', () => {
        const request = {
            roles: ['kafka-users'],
            action: 'TOPIC_DATA_QUERY',
            resource: guideTemporary.policy.resource ?? [],
        }
        const end = guideTemporary.created_ts + guideTemporary.duration_ms
        expect(
            evaluateAccess(request, [...guide.policies, ...activePolicies([guideTemporary], end - 1)], 'STRICT').reason
        ).toBe('Allowed')
        expect(
            evaluateAccess(request, [...guide.policies, ...activePolicies([guideTemporary], end)], 'STRICT').reason
        ).toBe('Implicit Deny')
    })
})

describe('toPolicy', () => {
    it('normalises role/resource and names its source temporary:<id>', () => {
        expect(toPolicy(guideTemporary)).toEqual({
            roles: ['kafka-users'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resources: [['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log']],
            source: 'temporary:0de3f8b1-8e1b-42e1-a99f-132e3c580e3f',
        })
    })

    it('keeps roles and resources lists as given', () => {
        const policy = toPolicy({
            ...guideTemporary,
            policy: {
                roles: ['a', 'b'],
                actions: ['GROUP_EDIT'],
                effect: 'Stage',
                resources: [['cluster', '*', 'group', 'tx_*']],
            },
        })
        expect(policy.roles).toEqual(['a', 'b'])
        expect(policy.resources).toEqual([['cluster', '*', 'group', 'tx_*']])
    })
})

describe('checkGrant: an admin cannot grant beyond their own permissions', () => {
    const clusters: readonly ClusterIdentity[] = [{ id: '42RglGpZQwy9D5VzTVpCWA', name: 'Prod' }]
    const adminRoles = ['kafka-admins']
    const body = (overrides: Partial<TemporaryPolicyBody>): TemporaryPolicyBody => ({
        ...guideTemporary.policy,
        ...overrides,
    })
    const denyAudit: Policy = {
        roles: ['kafka-admins'],
        actions: ['TOPIC_DATA_QUERY'],
        effect: 'Deny',
        resources: [['cluster', '*', 'topic', '__oprtr*']],
        source: 'rbac:1',
    }
    const stageTx: Policy = {
        roles: ['*'],
        actions: ['TOPIC_PRODUCE'],
        effect: 'Stage',
        resources: [['cluster', '*', 'topic', 'tx_*']],
        source: 'rbac:2',
    }

    it.each<
        [string, readonly string[], TemporaryPolicyBody, readonly Policy[], EvaluationStrategy, string | undefined]
    >([
        [
            'the guide: admin holds TOPIC_DATA_QUERY (via TOPIC_INSPECT) on [cluster, *], so may grant it',
            adminRoles,
            guideTemporary.policy,
            guide.policies,
            'STRICT',
            undefined,
        ],
        [
            'the admin may grant the umbrella TOPIC_INSPECT it holds',
            adminRoles,
            body({ actions: ['TOPIC_INSPECT'] }),
            guide.policies,
            'STRICT',
            undefined,
        ],
        [
            'the admin may grant on a cluster named by its environment name',
            adminRoles,
            body({ resource: ['cluster', 'Prod', 'topic', 'x'] }),
            guide.policies,
            'STRICT',
            undefined,
        ],
        [
            'the admin may grant a Deny it could itself exercise',
            adminRoles,
            body({ effect: 'Deny' }),
            guide.policies,
            'STRICT',
            undefined,
        ],
        [
            'the admin lacks schema actions',
            adminRoles,
            body({ actions: ['SCHEMA_CREATE'], resource: ['schema', '*'] }),
            guide.policies,
            'STRICT',
            'caller lacks SCHEMA_CREATE on ["schema","*"]',
        ],
        [
            'the admin lacks TOPIC_TRUNCATE',
            adminRoles,
            body({ actions: ['TOPIC_DATA_QUERY', 'TOPIC_TRUNCATE'] }),
            guide.policies,
            'STRICT',
            'caller lacks TOPIC_TRUNCATE on ["cluster","42RglGpZQwy9D5VzTVpCWA","topic","__oprtr_audit_log"]',
        ],
        [
            '[cluster,*] does not cover ["*"] (schemas, connect, ksqlDB too)',
            adminRoles,
            body({ resource: ['*'] }),
            guide.policies,
            'STRICT',
            'caller lacks TOPIC_DATA_QUERY on ["*"]',
        ],
        [
            'a user with no policy cannot grant anything',
            ['kafka-users'],
            guideTemporary.policy,
            guide.policies,
            'STRICT',
            'caller lacks TOPIC_DATA_QUERY on ["cluster","42RglGpZQwy9D5VzTVpCWA","topic","__oprtr_audit_log"]',
        ],
        [
            'one uncovered resource of several refuses the grant',
            adminRoles,
            body({
                resource: undefined,
                resources: [
                    ['cluster', '*', 'topic', 'x'],
                    ['connect', '*'],
                ],
            }),
            guide.policies,
            'STRICT',
            'caller lacks TOPIC_DATA_QUERY on ["connect","*"]',
        ],
        [
            'a caller Deny touching part of the pattern refuses it',
            adminRoles,
            body({ resource: ['cluster', '*', 'topic'] }),
            [...guide.policies, denyAudit],
            'STRICT',
            'caller is denied TOPIC_DATA_QUERY on ["cluster","*","topic"] by policy rbac:1',
        ],
        [
            'a caller Deny elsewhere does not',
            adminRoles,
            body({ resource: ['cluster', '*', 'topic', 'orders'] }),
            [...guide.policies, denyAudit],
            'STRICT',
            undefined,
        ],
        [
            'STRICT: a caller Stage touching the pattern refuses it',
            adminRoles,
            body({ actions: ['TOPIC_PRODUCE'], resource: ['cluster', '*', 'topic', 'tx_trade1'] }),
            [...guide.policies, stageTx],
            'STRICT',
            'caller is only staged (STRICT) TOPIC_PRODUCE on ["cluster","*","topic","tx_trade1"] by policy rbac:2',
        ],
        [
            'STAGE_LENIENT: the Allow outranks the Stage',
            adminRoles,
            body({ actions: ['TOPIC_PRODUCE'], resource: ['cluster', '*', 'topic', 'tx_trade1'] }),
            [...guide.policies, stageTx],
            'STAGE_LENIENT',
            undefined,
        ],
    ])('%s', (_name, callerRoles, requested, policies, strategy, reason) => {
        const result = checkGrant(callerRoles, requested, policies, strategy, clusters)
        expect(result).toEqual(reason === undefined ? { ok: true } : { ok: false, reason })
    })

    it('a caller allowed only a narrower topic cannot grant the wider pattern', () => {
        const narrow: Policy = {
            roles: ['leads'],
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resources: [['cluster', '*', 'topic', 'tx_*']],
            source: 'rbac:0',
        }
        expect(
            checkGrant(['leads'], body({ resource: ['cluster', '*', 'topic', 'tx_a*'] }), [narrow], 'STRICT')
        ).toEqual({ ok: true })
        expect(checkGrant(['leads'], body({ resource: ['cluster', '*', 'topic', 't*'] }), [narrow], 'STRICT')).toEqual({
            ok: false,
            reason: 'caller lacks TOPIC_DATA_QUERY on ["cluster","*","topic","t*"]',
        })
    })
})

describe('validateDuration', () => {
    it.each<[string, unknown, number, string | null]>([
        ["the guide's one hour under the default maximum", 3600000, 3600000, null],
        ['one millisecond', 1, 3600000, null],
        ['-1 means no maximum', 365 * 24 * 3600000, -1, null],
        ['zero', 0, 3600000, 'duration_ms must be a positive integer number of milliseconds (got 0)'],
        ['negative', -5, -1, 'duration_ms must be a positive integer number of milliseconds (got -5)'],
        ['fractional', 1.5, 3600000, 'duration_ms must be a positive integer number of milliseconds (got 1.5)'],
        [
            'a string',
            '3600000',
            3600000,
            'duration_ms must be a positive integer number of milliseconds (got "3600000")',
        ],
        [
            'missing',
            undefined,
            3600000,
            'duration_ms must be a positive integer number of milliseconds (got undefined)',
        ],
        [
            'over the maximum',
            3600001,
            3600000,
            'duration_ms 3600001 exceeds the maximum of 3600000 ms (TEMPORARY_POLICY_MAX_MS)',
        ],
    ])('%s', (_name, duration, max, expected) => {
        expect(validateDuration(duration, max)).toBe(expected)
    })
})
