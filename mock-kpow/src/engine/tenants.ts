/**
 * Multi-tenancy (Kpow's multi-tenancy docs): tenants decide what a user sees, RBAC what they may do.
 *
 * A tenant's visible set, in the order of Kpow's multi-tenancy docs:
 *   1. start with nothing;
 *   2. add resources matched by an `include`;
 *   3. add inferred resources: topics consumed by an included group;
 *   4. remove resources matched by an `exclude` (last, so an exclude beats an include or inference).
 *
 * A container resource (a cluster, ["cluster", id]) is visible when anything below it is included,
 * e.g. a tenant including ["cluster", "*", "topic", "tx_*"] sees every cluster (holding only its
 * tx_ topics); it is removed only by an exclude that matches the container itself, so excluding
 * ["cluster", "*", "broker", "*"] hides brokers, not clusters.
 */
import { matchResource, patternCovers, patternsIntersect, isWildcard } from './match'
import type { ClusterIdentity, RbacModel, ResourcePath, Tenant } from './types'

/** The tenant id Kpow reports in API metadata when no tenant is selected. */
export const DEFAULT_TENANT_ID = '__kpow_global'

/** Kpow's tenants when the RBAC file has no `tenants` key, exactly as Kpow's multi-tenancy docs spells them. */
export const DEFAULT_TENANTS: readonly Tenant[] = [
    {
        name: 'Global',
        description: 'All configured Kafka resources.',
        resources: [{ include: [['*']] }],
        roles: ['*'],
    },
    {
        name: 'Kpow Hidden',
        description: 'All configured Kafka resources except internal Kpow resources and __consumer_offsets.',
        resources: [
            { include: [['*']] },
            {
                exclude: [
                    ['cluster', '*', 'topic', 'oprtr*'],
                    ['cluster', '*', 'topic', '__oprtr*'],
                    ['cluster', '*', 'topic', '__consumer_offsets'],
                    ['cluster', '*', 'group', 'oprtr*'],
                ],
            },
        ],
        roles: ['*'],
    },
]

/** The tenants a user holding `roles` may enter; a tenant role "*" admits everyone. */
export function tenantsFor(model: RbacModel, roles: readonly string[]): Tenant[] {
    return model.tenants.filter((tenant) => tenant.roles.some((role) => role === '*' || roles.includes(role)))
}

export interface TenantInference {
    /**
     * Consumer group id -> the topics it consumes, in the cluster of the resource being checked.
     * Without it no topic is inferred.
     */
    readonly groupTopics?: ReadonlyMap<string, readonly string[]>
    readonly clusters?: readonly ClusterIdentity[]
}

function includedBy(pattern: ResourcePath, resource: ResourcePath, clusters?: readonly ClusterIdentity[]): boolean {
    // A pattern longer than the resource includes it when it reaches below it.
    const reachable = pattern.length > resource.length ? pattern.slice(0, resource.length) : pattern
    return matchResource(reachable, resource, clusters)
}

function isTopic(resource: ResourcePath): boolean {
    return resource.length === 4 && resource[0] === 'cluster' && resource[2] === 'topic'
}

function inferred(includes: readonly ResourcePath[], resource: ResourcePath, context: TenantInference): boolean {
    if (context.groupTopics === undefined || !isTopic(resource)) return false
    const [domainType, domainId, , topic] = resource as readonly [string, string, string, string]
    for (const [group, topics] of context.groupTopics) {
        if (!topics.includes(topic)) continue
        const groupResource = [domainType, domainId, 'group', group]
        if (includes.some((pattern) => matchResource(pattern, groupResource, context.clusters))) return true
    }
    return false
}

export function isVisible(tenant: Tenant, resource: ResourcePath, context: TenantInference = {}): boolean {
    const includes = tenant.resources.flatMap((rule) => rule.include ?? [])
    const excludes = tenant.resources.flatMap((rule) => rule.exclude ?? [])
    const added =
        includes.some((pattern) => includedBy(pattern, resource, context.clusters)) ||
        inferred(includes, resource, context)
    if (!added) return false
    return !excludes.some((pattern) => matchResource(pattern, resource, context.clusters))
}

/** Whether the RBAC file configures tenants (a `tenants` key with at least one), rather than Kpow's defaults. */
export function tenantsConfigured(model: RbacModel): boolean {
    return model.tenants !== DEFAULT_TENANTS && model.tenants.length > 0
}

/**
 * Whether everything a policy's resource pattern can reach lies inside the tenant [C]: one include
 * covers the whole pattern (or, for a literal topic, the topic is visible through an included
 * group), and no exclude touches any part of it. A temporary policy granted in a tenant must pass
 * this for each of its resources, so it cannot reach outside the tenant.
 */
export function tenantCovers(tenant: Tenant, pattern: ResourcePath, context: TenantInference = {}): boolean {
    const includes = tenant.resources.flatMap((rule) => rule.include ?? [])
    const excludes = tenant.resources.flatMap((rule) => rule.exclude ?? [])
    if (excludes.some((exclude) => patternsIntersect(exclude, pattern, context.clusters))) return false
    if (includes.some((include) => patternCovers(include, pattern, context.clusters))) return true
    const literal = pattern.length === 4 && !pattern.some(isWildcard)
    return literal && isVisible(tenant, pattern, context)
}
