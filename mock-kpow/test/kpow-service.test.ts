// KpowService's decision paths (static only, static + temporary indexes, the combined index
// compiled after a quiet period) must always give what the engine's reference evaluator gives
// over the active policies, including right after a change and at the instant of expiry.
import { afterEach, describe, expect, it } from 'vitest'
import { AdjustableClock } from '../src/clock'
import { compilePolicies, evaluateAccess, isActive, toPolicy } from '../src/engine/index'
import type { AccessRequest, TemporaryPolicy } from '../src/engine/types'
import {
    deploymentPolicies,
    deploymentRequest,
    RANDOM_CLUSTERS,
    seededRandom,
} from '../src/engine/testing/random-policies'
import { COMBINE_AFTER_QUIET_MS, KpowService, type KpowServiceConfig } from '../src/kpow-service'
import { ManualScheduler } from './manual-scheduler'
import { ADMIN_PRINCIPAL, DEVS_QUERY_ORDERS, startSmallService } from './small-service'
import { MemoryPersistence } from '../src/store/persistence'

const NOW = 1_800_000_000_000
let service: KpowService | undefined
afterEach(() => service?.control.close())

function persistenceWith(temporaries: TemporaryPolicy[]): MemoryPersistence {
    return new MemoryPersistence({ temporaryPolicies: temporaries })
}

async function deploymentService(clock: AdjustableClock, extra: Pick<KpowServiceConfig, 'scheduler' | 'compile'>) {
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
        ...extra,
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
        const got = subject.authorization.decide(request)
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

/** The engine's compilePolicies, recording the size of each policy list it compiles. */
function countingCompile(): { compile: typeof compilePolicies; sizes: number[] } {
    const sizes: number[] = []
    return {
        sizes,
        compile: (policies, clusters) => {
            sizes.push(policies.length)
            return compilePolicies(policies, clusters)
        },
    }
}

describe('KpowService decisions', () => {
    it('agree with the reference evaluator on the combined index, after expiries and after the recompile', async () => {
        const clock = new AdjustableClock(() => NOW)
        const scheduler = new ManualScheduler()
        const compiled = countingCompile()
        const {
            service: subject,
            requests,
            expected,
        } = await deploymentService(clock, {
            scheduler,
            compile: compiled.compile,
        })
        // At start: the static index and the combined index (1 800 static + the temporary policies still active).
        expect(compiled.sizes).toEqual([1_800, 1_800 + subject.temporaryPolicies.listTemporaryPolicies().length])
        expect(expectAgreement(subject, requests, expected)).toBeGreaterThan(0)
        await subject.control.advanceClock(50_500) // about a quarter of the temporary policies expire: the combined index is stale now
        expectAgreement(subject, requests, expected)
        const active = subject.temporaryPolicies.listTemporaryPolicies().length
        expect(active).toBeLessThan(200)
        // Stale: the temporary-only index answered (compiled on first use), the combined one waits for quiet.
        expect(compiled.sizes.slice(2)).toEqual([active])
        scheduler.advance(COMBINE_AFTER_QUIET_MS) // the combined index is recompiled, once
        expect(compiled.sizes.slice(2)).toEqual([active, 1_800 + active])
        expectAgreement(subject, requests, expected)
        expect(compiled.sizes).toHaveLength(4)
        await subject.control.advanceClock(1_000_000) // every temporary policy has expired
        expectAgreement(subject, requests, expected)
    })

    it('see a new temporary policy at once and lose it at its exact expiry instant', async () => {
        const clock = new AdjustableClock(() => NOW)
        const scheduler = new ManualScheduler()
        service = await startSmallService(clock, persistenceWith([]), { scheduler })
        const request = DEVS_QUERY_ORDERS
        expect(service.authorization.decide(request).reason).toBe('Implicit Deny')
        const admin = ADMIN_PRINCIPAL
        const grant = await service.temporaryPolicies.createTemporaryPolicy(
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
        expect(service.authorization.decide(request).effect).toBe('Allow')
        scheduler.advance(COMBINE_AFTER_QUIET_MS)
        expect(service.authorization.decide(request).policies.map((policy) => policy.source)).toEqual([
            `temporary:${grant.id}`,
        ])
        await service.temporaryPolicies.createTemporaryPolicy(
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
        expect(service.authorization.decide(request).reason).toBe('Explicit Deny')
        await service.control.advanceClock(119_999)
        expect(service.authorization.decide(request).reason).toBe('Explicit Deny')
        await service.control.advanceClock(1)
        expect(service.authorization.decide(request).reason).toBe('Implicit Deny')
    })

    it('compiles the combined index once after a burst of changes, and only once the quiet period has passed', async () => {
        const scheduler = new ManualScheduler()
        const compiled = countingCompile()
        service = await startSmallService(new AdjustableClock(() => NOW), persistenceWith([]), {
            scheduler,
            compile: compiled.compile,
        })
        expect(compiled.sizes).toEqual([1]) // the static index; no temporary policies, no combined index
        for (const topic of ['orders', 'payments', 'refunds']) {
            await service.temporaryPolicies.createTemporaryPolicy(
                ADMIN_PRINCIPAL,
                {
                    role: 'devs',
                    actions: ['TOPIC_DATA_QUERY'],
                    effect: 'Allow',
                    resource: ['cluster', 'c1', 'topic', topic],
                },
                60_000,
                '__kpow_global'
            )
            scheduler.advance(COMBINE_AFTER_QUIET_MS - 1) // each change restarts the quiet period
        }
        expect(service.authorization.decide(DEVS_QUERY_ORDERS).effect).toBe('Allow')
        expect(compiled.sizes).toEqual([1, 3]) // the temporary-only index, compiled on first use
        scheduler.advance(1)
        expect(compiled.sizes).toEqual([1, 3, 4]) // static + temporary, once
        expect(service.authorization.decide(DEVS_QUERY_ORDERS).effect).toBe('Allow')
        scheduler.advance(10 * COMBINE_AFTER_QUIET_MS)
        expect(compiled.sizes).toHaveLength(3)
    })
})
