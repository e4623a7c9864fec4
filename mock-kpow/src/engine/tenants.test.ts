import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRbacYaml } from '../config/rbac-file'
import { DEFAULT_TENANTS, DEFAULT_TENANT_ID, isVisible, tenantCovers, tenantsFor } from './tenants'
import type { RbacModel, ResourcePath, Tenant } from './types'

function fixture(name: string): RbacModel {
    return parseRbacYaml(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name)
}

const restrictions = fixture('multi-tenancy-restrictions.yml')
function tenant(name: string): Tenant {
    const found = restrictions.tenants.find((candidate) => candidate.name === name)
    if (found === undefined) throw new Error(`no tenant ${name} in the fixture`)
    return found
}

const [globalTenant, kpowHidden] = DEFAULT_TENANTS as [Tenant, Tenant]
const CLUSTER = '42RglGpZQwy9D5VzTVpCWA'

describe('default tenants (Kpow multi-tenancy docs)', () => {
    it('"This configuration matches the default tenants that Kpow provides if you have none configured"', () => {
        expect(fixture('multi-tenancy-default-tenants.yml').tenants).toEqual(DEFAULT_TENANTS)
    })

    it('the API reports the global tenant as __kpow_global', () => {
        expect(DEFAULT_TENANT_ID).toBe('__kpow_global')
    })

    it.each<[string, Tenant, ResourcePath, boolean]>([
        [
            'Global: All Kafka resources (the audit log topic)',
            globalTenant,
            ['cluster', CLUSTER, 'topic', '__oprtr_audit_log'],
            true,
        ],
        [
            'Global: All Kafka resources (a schema subject)',
            globalTenant,
            ['schema', 'a2f06a916672d71d675f', 'subject', 's'],
            true,
        ],
        ['Kpow Hidden: excludes topic oprtr*', kpowHidden, ['cluster', CLUSTER, 'topic', 'oprtr_metrics'], false],
        [
            'Kpow Hidden: excludes topic __oprtr* (the audit log)',
            kpowHidden,
            ['cluster', CLUSTER, 'topic', '__oprtr_audit_log'],
            false,
        ],
        [
            'Kpow Hidden: excludes __consumer_offsets',
            kpowHidden,
            ['cluster', CLUSTER, 'topic', '__consumer_offsets'],
            false,
        ],
        ['Kpow Hidden: excludes group oprtr*', kpowHidden, ['cluster', CLUSTER, 'group', 'oprtr_streams'], false],
        [
            'Kpow Hidden: keeps group __oprtr* (only topics are excluded by that prefix)',
            kpowHidden,
            ['cluster', CLUSTER, 'group', '__oprtr_x'],
            true,
        ],
        ['Kpow Hidden: keeps ordinary topics', kpowHidden, ['cluster', CLUSTER, 'topic', 'tx_trade1'], true],
        ['Kpow Hidden: keeps the cluster itself', kpowHidden, ['cluster', CLUSTER], true],
    ])('%s', (_name, subject, resource, visible) => {
        expect(isVisible(subject, resource)).toBe(visible)
    })
})

describe('Kpow multi-tenancy docs restriction examples', () => {
    it.each<[string, string, ResourcePath, boolean]>([
        [
            'Restrict brokers: exclude: [ "cluster", "*", "broker", "*" ] hides brokers',
            'No brokers',
            ['cluster', CLUSTER, 'broker', '1'],
            false,
        ],
        ['Restrict brokers: topics stay visible', 'No brokers', ['cluster', CLUSTER, 'topic', 't'], true],
        ['Restrict brokers: the cluster stays visible', 'No brokers', ['cluster', CLUSTER], true],
        [
            'Restrict ACL principals: only the principal User:Kpow',
            'Kpow principal only',
            ['cluster', CLUSTER, 'principal', 'User:Kpow'],
            true,
        ],
        [
            'Restrict ACL principals: not User:alice',
            'Kpow principal only',
            ['cluster', CLUSTER, 'principal', 'User:alice'],
            false,
        ],
        [
            'Restrict connectors to tx-*: tx-orders',
            'tx connectors',
            ['connect', CLUSTER, 'connector', 'tx-orders'],
            true,
        ],
        [
            'Restrict connectors to tx-*: csv-orders',
            'tx connectors',
            ['connect', CLUSTER, 'connector', 'csv-orders'],
            false,
        ],
        [
            'Restrict connectors to tx-*: no topics at all',
            'tx connectors',
            ['cluster', CLUSTER, 'topic', 'tx-orders'],
            false,
        ],
        [
            'Restrict subjects to tx-*: tx-events',
            'tx subjects',
            ['schema', 'a2f06a916672d71d675f', 'subject', 'tx-events'],
            true,
        ],
        [
            'Restrict subjects to tx-*: payments',
            'tx subjects',
            ['schema', 'a2f06a916672d71d675f', 'subject', 'payments'],
            false,
        ],
        ['Include topics by name: tx-topic', 'Transactions', ['cluster', CLUSTER, 'topic', 'tx-topic'], true],
        ['Include topics by prefix: tx-top*', 'Transactions', ['cluster', CLUSTER, 'topic', 'tx-topical'], true],
        ['Include topics by suffix: *-topic', 'Transactions', ['cluster', CLUSTER, 'topic', 'payments-topic'], true],
        ['Include groups by prefix: tx-grou*', 'Transactions', ['cluster', CLUSTER, 'group', 'tx-group'], true],
        [
            'Other groups are implicitly excluded',
            'Transactions',
            ['cluster', CLUSTER, 'group', 'payments-group'],
            false,
        ],
        [
            'Exclusions are applied last: tx-topic-secret',
            'Transactions',
            ['cluster', CLUSTER, 'topic', 'tx-topic-secret'],
            false,
        ],
        ['A cluster holding included topics is visible', 'Transactions', ['cluster', CLUSTER], true],
    ])('%s', (_name, tenantName, resource, visible) => {
        expect(isVisible(tenant(tenantName), resource)).toBe(visible)
    })
})

describe('inferred resources: topics consumed by included groups', () => {
    const transactions = tenant('Transactions')
    const groupTopics = new Map([
        ['tx-group-settlement', ['ledger', 'tx-topic-secret']],
        ['payments-group', ['payments']],
    ])

    it.each<[string, ResourcePath, boolean]>([
        [
            'Initially, all resources are implicitly excluded (ledger without inference)',
            ['cluster', CLUSTER, 'topic', 'ledger'],
            false,
        ],
        [
            'Inferred resources are added: ledger is consumed by the included tx-group-settlement',
            ['cluster', CLUSTER, 'topic', 'ledger'],
            true,
        ],
        [
            'a topic consumed only by a group that is not included stays hidden',
            ['cluster', CLUSTER, 'topic', 'payments'],
            false,
        ],
        [
            'Exclusions are applied last: an inferred but excluded topic stays hidden',
            ['cluster', CLUSTER, 'topic', 'tx-topic-secret'],
            false,
        ],
    ])('%s', (name, resource, visible) => {
        const context = name.includes('without inference') ? {} : { groupTopics }
        expect(isVisible(transactions, resource, context)).toBe(visible)
    })
})

describe('tenantsFor', () => {
    it('returns the tenants assigned to any of the roles; a tenant role "*" is everyone', () => {
        expect(tenantsFor(restrictions, ['ops']).map((t) => t.name)).toEqual([
            'No brokers',
            'Kpow principal only',
            'Transactions',
        ])
        expect(tenantsFor(restrictions, ['schema-team']).map((t) => t.name)).toEqual(['tx subjects'])
        expect(tenantsFor(restrictions, ['nobody'])).toEqual([])
        const defaults = fixture('rbac-docs-example.yml')
        expect(tenantsFor(defaults, []).map((t) => t.name)).toEqual(['Global', 'Kpow Hidden'])
    })
})

describe('tenantCovers: what a temporary policy granted in a tenant may name [C]', () => {
    const trading: Tenant = {
        name: 'Trading',
        description: '',
        resources: [
            { include: [['cluster', '*', 'topic', 'tx_*']] },
            { include: [['cluster', '*', 'group', 'settlement']] },
            { exclude: [['cluster', '*', 'topic', 'tx_secret*']] },
        ],
        roles: ['traders'],
    }
    const groupTopics = new Map([['settlement', ['ledger']]])
    it.each<[string, readonly string[], boolean]>([
        ['a topic the tenant includes', ['cluster', 'c1', 'topic', 'tx_trade1'], true],
        ['a narrower wildcard inside an include', ['cluster', '*', 'topic', 'tx_trade*'], true],
        ['a topic inferred through an included group', ['cluster', 'c1', 'topic', 'ledger'], true],
        ['a topic outside', ['cluster', 'c1', 'topic', 'payments_eu'], false],
        ['the whole cluster reaches outside', ['cluster', 'c1'], false],
        ['a wildcard that touches an exclude', ['cluster', '*', 'topic', 'tx_*'], false],
        ['an excluded topic', ['cluster', 'c1', 'topic', 'tx_secret_1'], false],
    ])('%s -> %s', (_name, pattern, covered) => {
        expect(tenantCovers(trading, pattern, { groupTopics })).toBe(covered)
    })
})
