// The temporary-policies part of the service: list, read, grant and revoke, each audited. Grants
// are bounded by the caller's own RBAC-file permissions and by the tenant they are granted in.
import { randomUUID } from 'node:crypto'
import { checkGrant, tenantCovers, tenantsConfigured, validateDuration } from '../engine/index'
import type { TemporaryPolicy, TemporaryPolicyBody } from '../engine/types'
import { KpowError } from '../errors'
import type { AuditTrail } from './audit-trail'
import { tenantNamed, type Authorization } from './authorization'
import { resourceOf, type LivePolicies } from './live-policies'
import type { KpowServiceConfig, Principal } from './service-config'

export class TemporaryPolicies {
    constructor(
        private readonly config: KpowServiceConfig,
        private readonly live: LivePolicies,
        private readonly authorization: Authorization,
        private readonly audit: AuditTrail
    ) {}

    /** Active temporary policies (of one tenant, when given and tenants are configured), oldest first. */
    listTemporaryPolicies(tenantId?: string): TemporaryPolicy[] {
        return [...this.live.current().values()]
            .filter((policy) => this.inTenant(policy, tenantId))
            .sort((a, b) => a.created_ts - b.created_ts || a.id.localeCompare(b.id))
    }

    getTemporaryPolicy(id: string, tenantId?: string): TemporaryPolicy {
        const policy = this.live.current().get(id)
        if (!policy || !this.inTenant(policy, tenantId)) throw notFound(id)
        return policy
    }

    async createTemporaryPolicy(
        principal: Principal,
        body: TemporaryPolicyBody,
        durationMs: number,
        tenantId: string
    ): Promise<TemporaryPolicy> {
        const firstResource = body.resource ?? body.resources?.[0] ?? []
        this.authorization.requireAdmin(principal, 'CREATE_TEMPORARY_POLICY', firstResource)
        const durationProblem = validateDuration(durationMs, this.config.maxDurationMs)
        if (durationProblem) {
            throw new KpowError('invalid_duration', durationProblem, [
                { path: 'duration_ms', message: durationProblem },
            ])
        }
        this.live.settleExpiries()
        this.requireInsideTenant(principal, body, tenantId)
        // The caller may only grant what they hold themselves [C]: what the RBAC file gives them, not
        // what a temporary policy lent them. Counting temporary grants would let an admin lent 60 s of
        // access re-grant it to anyone for an hour, a derived grant outliving its source.
        const grant = checkGrant(
            principal.roles,
            body,
            this.config.rbac.policies,
            this.config.strategy,
            this.config.clusters
        )
        if (!grant.ok) {
            this.audit.recordAudit({
                event: 'temporary-policy-refused',
                user: principal.user,
                action: 'CREATE_TEMPORARY_POLICY',
                resource: firstResource,
                decision: 'Refused',
                detail: grant.reason,
            })
            throw new KpowError('grant_exceeds_caller', `Cannot grant beyond your own permissions: ${grant.reason}.`)
        }
        const policy: TemporaryPolicy = {
            id: randomUUID(),
            created_ts: this.config.clock.now(),
            duration_ms: durationMs,
            policy: body,
            tenant_id: tenantId,
            created_by: principal.user,
        }
        await this.live.commit({ kind: 'create', policy })
        this.audit.recordAudit({
            event: 'temporary-policy-created',
            user: principal.user,
            action: 'CREATE_TEMPORARY_POLICY',
            resource: firstResource,
            decision: body.effect,
            detail: `id=${policy.id} actions=${body.actions.join(',')} duration_ms=${durationMs} expires_ts=${policy.created_ts + durationMs}`,
        })
        await this.audit.flushAudit()
        return policy
    }

    async deleteTemporaryPolicy(principal: Principal, id: string, tenantId?: string): Promise<void> {
        const found = this.live.current().get(id)
        const policy = found && this.inTenant(found, tenantId) ? found : undefined
        this.authorization.requireAdmin(principal, 'DELETE_TEMPORARY_POLICY', resourceOf(policy))
        if (!policy) throw notFound(id)
        // Checked again as the delete reaches memory: a racing delete (or the expiry) that got there
        // first removed it, and this request deleted nothing.
        const [removed] = await this.live.commit({ kind: 'delete', id })
        if (!removed) throw notFound(id)
        this.audit.recordAudit({
            event: 'temporary-policy-deleted',
            user: principal.user,
            action: 'DELETE_TEMPORARY_POLICY',
            resource: resourceOf(policy),
            decision: policy.policy.effect,
            detail: `id=${id}`,
        })
        await this.audit.flushAudit()
    }

    /**
     * Temporary policies belong to the tenant they were granted in: with configured tenants a
     * request sees and deletes only its tenant's [C]; without, every policy is global.
     */
    private inTenant(policy: TemporaryPolicy, tenantId: string | undefined): boolean {
        return tenantId === undefined || !tenantsConfigured(this.config.rbac) || policy.tenant_id === tenantId
    }

    /** Refuses a policy whose resources reach outside the tenant it is granted in [C]. */
    private requireInsideTenant(principal: Principal, body: TemporaryPolicyBody, tenantId: string): void {
        const tenant = tenantNamed(this.config.rbac, tenantId)
        if (tenant === undefined) return
        for (const pattern of body.resource !== undefined ? [body.resource] : (body.resources ?? [])) {
            const cluster = this.config.clusters.find((known) => known.id === pattern[1] || known.name === pattern[1])
            const context = {
                clusters: this.config.clusters,
                groupTopics: cluster ? this.config.groupTopics?.(cluster.id) : undefined,
            }
            if (tenantCovers(tenant, pattern, context)) continue
            const reason = `${JSON.stringify(pattern)} reaches outside tenant "${tenant.name}"`
            this.audit.recordAudit({
                event: 'temporary-policy-refused',
                user: principal.user,
                action: 'CREATE_TEMPORARY_POLICY',
                resource: pattern,
                decision: 'Refused',
                detail: reason,
            })
            throw new KpowError(
                'outside_tenant',
                `A temporary policy granted in tenant "${tenant.name}" may only name resources the tenant includes: ${reason}.`,
                [{ path: 'policy.resource', message: `must lie inside tenant "${tenant.name}"` }]
            )
        }
    }
}

function notFound(id: string): KpowError {
    return new KpowError('not_found', `No active temporary policy with id "${id}" (unknown, deleted or expired).`)
}
