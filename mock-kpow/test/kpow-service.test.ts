// KpowService's decision paths (static only, static + temporary indexes, the combined index
// compiled after a quiet period) must always give what the engine's reference evaluator gives
// over the active policies, including right after a change and at the instant of expiry.
import { afterEach, describe, expect, it } from 'vitest'
import { AdjustableClock } from '../src/clock'
import { evaluateAccess, isActive, toPolicy } from '../src/engine/index'
import type { AccessRequest, TemporaryPolicy } from '../src/engine/types'
import {
    deploymentPolicies,
    deploymentRequest,
    RANDOM_CLUSTERS,
    seededRandom,
} from '../src/engine/testing/random-policies'
import { KpowService } from '../src/kpow-service'
import { ADMIN_PRINCIPAL, DEVS_QUERY_ORDERS, startSmallService } from './small-service'
import { MemoryPersistence } from '../src/store/persistence'

const NOW = 1_800_000_000_000
let service: KpowService | undefined
afterEach(() => service?.close())

function persistenceWith(temporaries: TemporaryPolicy[]): MemoryPersistence {
    return new MemoryPersistence({ temporaryPolicies: temporaries })
}

async function deploymentService(clock: AdjustableClock) {
    const random = seededRandom(7)
    const policies = deploymentPolicies(random, 2_000)
    const temporaries: TemporaryPolicy[] = policies.slice(0, 200).map((policy, index) => ({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        created_ts: NOW - 1_000,
        // Spread expiries over the next 200 seconds so clock moves expire some and not others.
        duration_ms: 1_000 + index * 1_000,
        policy: { roles: policy.roles, actions: policy.actions, effect: policy.effect, resources: policy.resources },
        tenant_id: '__kpow_global',
        created_by: 'test',
    }))
    const rbac = { authorizedRoles: undefined, adminRoles: ['admins'], policies: policies.slice(200), tenants: [] }
    service = await KpowService.start({
        rbac,
        clusters: RANDOM_CLUSTERS,
        strategy: 'STRICT',
        maxDurationMs: -1,
        clock,
        persistence: persistenceWith(temporaries),
    })
    const requests: AccessRequest[] = Array.from({ length: 1_500 }, () => deploymentRequest(random))
    const expected = (request: AccessRequest) =>
        evaluateAccess(
            request,
            [...rbac.policies, ...temporaries.filter((policy) => isActive(policy, clock.now())).map(toPolicy)],
            'STRICT',
            RANDOM_CLUSTERS
        )
    return { service, requests, expected }
}

function expectAgreement(
    subject: KpowService,
    requests: readonly AccessRequest[],
    expected: (request: AccessRequest) => ReturnType<typeof evaluateAccess>
): number {
    let allowed = 0
    for (const request of requests) {
        const got = subject.decide(request)
        const want = expected(request)
        expect(
            { effect: got.effect, reason: got.reason, sources: got.policies.map((policy) => policy.source) },
            JSON.stringify(request)
        ).toEqual({
            effect: want.effect,
            reason: want.reason,
            sources: want.policies.map((policy) => policy.source),
        })
        if (got.effect === 'Allow') allowed++
    }
    return allowed
}

describe('KpowService decisions', () => {
    it('agree with the reference evaluator on the combined index, after expiries and after the recompile', async () => {
        const clock = new AdjustableClock(() => NOW)
        const { service: subject, requests, expected } = await deploymentService(clock)
        expect(expectAgreement(subject, requests, expected)).toBeGreaterThan(0)
        await subject.advanceClock(50_500) // about a quarter of the temporary policies expire: the combined index is stale now
        expectAgreement(subject, requests, expected)
        await new Promise((resolve) => setTimeout(resolve, 300)) // the combined index is recompiled
        expectAgreement(subject, requests, expected)
        await subject.advanceClock(1_000_000) // every temporary policy has expired
        expectAgreement(subject, requests, expected)
    })

    it('see a new temporary policy at once and lose it at its exact expiry instant', async () => {
        const clock = new AdjustableClock(() => NOW)
        service = await startSmallService(clock, persistenceWith([]))
        const request = DEVS_QUERY_ORDERS
        expect(service.decide(request).reason).toBe('Implicit Deny')
        const admin = ADMIN_PRINCIPAL
        const grant = await service.createTemporaryPolicy(
            admin,
            {
                role: 'devs',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Allow',
                resource: ['cluster', 'c1', 'topic', 'orders'],
            },
            60_000,
            '__kpow_global'
        )
        expect(service.decide(request).effect).toBe('Allow')
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(service.decide(request).policies.map((policy) => policy.source)).toEqual([`temporary:${grant.id}`])
        await service.createTemporaryPolicy(
            admin,
            {
                role: 'devs',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Deny',
                resource: ['cluster', 'c1', 'topic', 'ord*'],
            },
            120_000,
            '__kpow_global'
        )
        expect(service.decide(request).reason).toBe('Explicit Deny')
        await service.advanceClock(119_999)
        expect(service.decide(request).reason).toBe('Explicit Deny')
        await service.advanceClock(1)
        expect(service.decide(request).reason).toBe('Implicit Deny')
    })
})
