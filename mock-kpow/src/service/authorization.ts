// The decisions and authorization part of the service: what the RBAC model and the live temporary
// policies allow, who is an admin, and which tenant a request acts in.
import { DEFAULT_TENANT_ID, isAdmin, isVisible, tenantsConfigured, tenantsFor } from '../engine/index'
import type { AccessRequest, ClusterIdentity, Decision, RbacModel, ResourcePath, Tenant } from '../engine/types'
import { KpowError } from '../errors'
import type { AuditRecorder } from './audit-trail'
import type { LivePolicies } from './live-policies'
import type { KpowServiceConfig, Principal } from './service-config'

export class Authorization {
    constructor(
        private readonly config: KpowServiceConfig,
        private readonly live: LivePolicies,
        private readonly audit: AuditRecorder
    ) {}

    get rbac(): RbacModel {
        return this.config.rbac
    }

    get clusters(): readonly ClusterIdentity[] {
        return this.config.clusters
    }

    /** The access decision for roles, counting every temporary policy active at this instant. */
    decide(request: AccessRequest): Decision {
        return this.live.decide(request)
    }

    isAdmin(principal: Principal): boolean {
        return isAdmin(this.config.rbac, principal.roles)
    }

    /** `client`: the address of the HTTP request this is for, whose refusals are limited per window. */
    requireAdmin(principal: Principal, attempted: string, resource: ResourcePath, client?: string): void {
        if (this.isAdmin(principal)) return
        const refusal = {
            event: 'access-denied',
            user: principal.user,
            action: attempted,
            resource,
            decision: 'Deny',
            detail: `${attempted} requires an admin role (${this.config.rbac.adminRoles.join(', ') || 'none configured'})`,
        } as const
        if (client === undefined) this.audit.recordAudit(refusal)
        else this.audit.recordRefusal(client, refusal)
        throw new KpowError(
            'forbidden',
            `${attempted} is for Kpow admins only; user "${principal.user}" holds no admin role.`
        )
    }

    /**
     * The tenant an API request acts in, from its `x-tenant-id` (a tenant name). Without configured
     * tenants everything is one global tenant, `__kpow_global`, and Kpow's default tenant names are
     * accepted too. With configured tenants a request names one of the caller's tenants; one that does
     * not, when the caller has exactly one tenant, acts in that one (as Kpow's multi-tenancy docs say a single-tenant
     * user is entered into it) [C]; otherwise it is refused naming the caller's tenants.
     */
    resolveTenant(principal: Principal, requested: string | undefined): string {
        const configured = tenantsConfigured(this.config.rbac)
        const mine = tenantsFor(this.config.rbac, principal.roles)
        if (requested === undefined || requested === '' || requested === DEFAULT_TENANT_ID) {
            if (!configured) return DEFAULT_TENANT_ID
            const [only, ...others] = mine
            if (only !== undefined && others.length === 0) return only.name
            throw new KpowError(
                'tenant_required',
                `This Kpow has tenants: name yours in the x-tenant-id header (user "${principal.user}" may use ${mine.map((tenant) => `"${tenant.name}"`).join(', ') || 'none'}).`,
                [{ path: 'header x-tenant-id', message: 'must name one of your tenants' }]
            )
        }
        const tenant = mine.find((candidate) => candidate.name === requested)
        if (!tenant) {
            throw new KpowError('unknown_tenant', `Unknown tenant "${requested}" for user "${principal.user}".`, [
                {
                    path: 'header x-tenant-id',
                    message: configured
                        ? `must be the name of one of your tenants: ${mine.map((candidate) => candidate.name).join(', ') || 'none'}`
                        : `must be ${DEFAULT_TENANT_ID} or the name of one of your tenants`,
                },
            ])
        }
        return tenant.name
    }

    /** The clusters a tenant sees (all of them in `__kpow_global`). */
    clustersIn(tenantId: string): ClusterIdentity[] {
        const tenant = tenantNamed(this.config.rbac, tenantId)
        return this.config.clusters.filter(
            (cluster) =>
                tenant === undefined ||
                isVisible(tenant, ['cluster', cluster.id], {
                    clusters: this.config.clusters,
                    groupTopics: this.config.groupTopics?.(cluster.id),
                })
        )
    }
}

/** The tenant named by a resolved tenant id; undefined for `__kpow_global` (everything). */
export function tenantNamed(rbac: RbacModel, tenantId: string): Tenant | undefined {
    if (tenantId === DEFAULT_TENANT_ID) return undefined
    return rbac.tenants.find((tenant) => tenant.name === tenantId)
}
