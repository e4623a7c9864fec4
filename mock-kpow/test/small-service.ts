// A KpowService below HTTP for tests of its state: one static policy lets the `admins` role inspect
// every cluster, so an admin may grant TOPIC_DATA_QUERY on any topic to another role.
import type { AdjustableClock } from '../src/clock'
import { RANDOM_CLUSTERS } from '../src/engine/testing/random-policies'
import type { AccessRequest } from '../src/engine/types'
import { KpowService, type KpowServiceConfig } from '../src/kpow-service'
import type { Persistence } from '../src/store/persistence'

export const ADMIN_PRINCIPAL = { user: 'admin', roles: ['admins'] }

/** A refused login's audit record, as the login form writes it. */
export const REFUSED_LOGIN = {
    event: 'login-refused',
    user: 'mallory',
    action: 'LOGIN',
    resource: [],
    decision: 'Refused',
    detail: 'wrong username or password (realm kpow)',
} as const

/** What `devs` may do only through a temporary policy. */
export const DEVS_QUERY_ORDERS: AccessRequest = {
    roles: ['devs'],
    action: 'TOPIC_DATA_QUERY',
    resource: ['cluster', 'c1', 'topic', 'orders'],
}

export function startSmallService(
    clock: AdjustableClock,
    persistence: Persistence,
    extra: Pick<KpowServiceConfig, 'scheduler' | 'compile' | 'auditRecordsInMemory'> = {}
): Promise<KpowService> {
    return KpowService.start({
        rbac: {
            authorizedRoles: undefined,
            adminRoles: ['admins'],
            policies: [
                {
                    roles: ['admins'],
                    actions: ['TOPIC_INSPECT'],
                    effect: 'Allow',
                    resources: [['cluster', '*']],
                    source: 'rbac:0',
                },
            ],
            tenants: [],
        },
        clusters: RANDOM_CLUSTERS,
        strategy: 'STRICT',
        maxDurationMs: -1,
        clock,
        persistence,
        ...extra,
    })
}
