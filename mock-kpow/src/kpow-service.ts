// The mock's state and rules in one place, below HTTP: the RBAC model, the realms, the live
// temporary policies, the audit log and the clock. Handlers (API and UI) translate requests into
// these calls and the results back; they never touch state or the engine directly.
//
// It composes the parts that each do one job: the temporary-policy store (durable-then-apply,
// store/temporary-policy-store.ts), the decision indexes (decision-indexes.ts), the audit log
// (store/audit-log.ts) and the clock (clock.ts); what is left here are the rules that tie them
// together: who may do what, grants, expiry and reset. Expiry is exact: every call first
// settles policies whose created_ts + duration_ms has passed on the clock, so no sweep interval can
// leave an expired policy granting anything. State changes (temporary policies, the clock offset)
// are durable-then-apply: an error answer means nothing changed.
import { randomUUID } from 'node:crypto'
import {
    DEFAULT_TENANT_ID,
    checkGrant,
    compilePolicies,
    isActive,
    isAdmin,
    isVisible,
    tenantCovers,
    tenantsConfigured,
    tenantsFor,
    validateDuration,
} from './engine/index'
import type {
    AccessRequest,
    ClusterIdentity,
    Decision,
    EvaluationStrategy,
    RbacModel,
    ResourcePath,
    TemporaryPolicy,
    TemporaryPolicyBody,
    Tenant,
} from './engine/types'
import { KpowError } from './errors'
import type { AuditRecord, NewAuditRecord } from './store/audit'
import { AuditLog, type AuditFilter, type AuditPage, type AuditPageRequest } from './store/audit-log'
import type { Persistence, PersistedState } from './store/persistence'
import { TemporaryPolicyStore, type StateChange } from './store/temporary-policy-store'
import { realScheduler, type AdjustableClock, type Scheduler } from './clock'
import { COMBINE_AFTER_QUIET_MS, DecisionIndexes } from './decision-indexes'

export { COMBINE_AFTER_QUIET_MS }

export interface Principal {
    readonly user: string
    readonly roles: readonly string[]
}

export interface KpowServiceConfig {
    readonly rbac: RbacModel
    readonly clusters: readonly ClusterIdentity[]
    readonly strategy: EvaluationStrategy
    /** TEMPORARY_POLICY_MAX_MS; -1 means no limit. */
    readonly maxDurationMs: number
    /** Its offset is state: loaded from and committed to `persistence` with the temporary policies. */
    readonly clock: AdjustableClock
    readonly persistence: Persistence
    /** Time for the combined index's quiet period (default: real time); tests advance it instead of sleeping. */
    readonly scheduler?: Scheduler
    /** How indexes are compiled (default: the engine's compilePolicies); tests count compilations through it. */
    readonly compile?: typeof compilePolicies
    /** Audit records kept in memory for the views (default 10 000); the audit file keeps every one. */
    readonly auditRecordsInMemory?: number
    /** Consumer group -> topics of a cluster, for tenants that include a group (its topics are inferred). */
    readonly groupTopics?: (clusterId: string) => ReadonlyMap<string, readonly string[]>
}

export type { AuditFilter }

export class KpowService {
    private readonly store: TemporaryPolicyStore
    private readonly auditLog: AuditLog
    private readonly indexes: DecisionIndexes
    /** The soonest expiry instant of the live temporary policies: settling is one comparison until then. */
    private nextExpiryTs = Number.POSITIVE_INFINITY
    private readonly listeners = new Set<(record: AuditRecord) => void>()
    private readonly resetListeners = new Set<() => void>()

    private constructor(
        readonly config: KpowServiceConfig,
        state: PersistedState
    ) {
        this.store = new TemporaryPolicyStore(
            state,
            (next) => config.persistence.saveState(next),
            () => {
                config.clock.setOffset(this.store.clockOffsetMs)
                this.temporariesChanged()
            }
        )
        this.indexes = new DecisionIndexes({
            staticPolicies: config.rbac.policies,
            clusters: config.clusters,
            strategy: config.strategy,
            scheduler: config.scheduler ?? realScheduler,
            compile: config.compile ?? compilePolicies,
            temporaries: this.store.policies,
        })
        config.clock.setOffset(state.clockOffsetMs)
        this.auditLog = new AuditLog(state.audit, config.persistence, config.auditRecordsInMemory)
    }

    /** Loads persisted state, then records (and persists) expiries that happened while stopped. */
    static async start(config: KpowServiceConfig): Promise<KpowService> {
        const state = await config.persistence.load()
        const service = new KpowService(config, state)
        service.temporariesChanged()
        if (service.settleExpiries()) await service.persist()
        service.indexes.compileCombinedIndexNow()
        return service
    }

    get rbac(): RbacModel {
        return this.config.rbac
    }

    now(): number {
        return this.config.clock.now()
    }

    isAdmin(principal: Principal): boolean {
        return isAdmin(this.config.rbac, principal.roles)
    }

    /** The access decision for roles, counting every temporary policy active at this instant. */
    decide(request: AccessRequest): Decision {
        this.settleExpiries()
        return this.indexes.decide(request)
    }

    /** Active temporary policies (of one tenant, when given and tenants are configured), oldest first. */
    listTemporaryPolicies(tenantId?: string): TemporaryPolicy[] {
        this.settleExpiries()
        return [...this.store.policies.values()]
            .filter((policy) => this.inTenant(policy, tenantId))
            .sort((a, b) => a.created_ts - b.created_ts || a.id.localeCompare(b.id))
    }

    getTemporaryPolicy(id: string, tenantId?: string): TemporaryPolicy {
        this.settleExpiries()
        const policy = this.store.policies.get(id)
        if (!policy || !this.inTenant(policy, tenantId)) throw notFound(id)
        return policy
    }

    requireAdmin(principal: Principal, attempted: string, resource: ResourcePath): void {
        if (this.isAdmin(principal)) return
        this.recordAudit({
            event: 'access-denied',
            user: principal.user,
            action: attempted,
            resource,
            decision: 'Deny',
            detail: `${attempted} requires an admin role (${this.config.rbac.adminRoles.join(', ') || 'none configured'})`,
        })
        throw new KpowError(
            'forbidden',
            `${attempted} is for Kpow admins only; user "${principal.user}" holds no admin role.`
        )
    }

    /**
     * The tenant an API request acts in, from its `x-tenant-id` (a tenant name). Without configured
     * tenants everything is one global tenant, `__kpow_global`, and Kpow's default tenant names are
     * accepted too. With configured tenants a request names one of the caller's tenants; one that does
     * not, when the caller has exactly one tenant, acts in that one (as Kpow's multi-tenancy docs enters a single-tenant
     * user into it) [C]; otherwise it is refused naming the caller's tenants.
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

    /** The tenant named by a resolved tenant id; undefined for `__kpow_global` (everything). */
    private tenantOf(tenantId: string): Tenant | undefined {
        if (tenantId === DEFAULT_TENANT_ID) return undefined
        return this.config.rbac.tenants.find((tenant) => tenant.name === tenantId)
    }

    /** The clusters a tenant sees (all of them in `__kpow_global`). */
    clustersIn(tenantId: string): ClusterIdentity[] {
        const tenant = this.tenantOf(tenantId)
        return this.config.clusters.filter(
            (cluster) =>
                tenant === undefined ||
                isVisible(tenant, ['cluster', cluster.id], {
                    clusters: this.config.clusters,
                    groupTopics: this.config.groupTopics?.(cluster.id),
                })
        )
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
        const tenant = this.tenantOf(tenantId)
        if (tenant === undefined) return
        for (const pattern of body.resource !== undefined ? [body.resource] : (body.resources ?? [])) {
            const cluster = this.config.clusters.find((known) => known.id === pattern[1] || known.name === pattern[1])
            const context = {
                clusters: this.config.clusters,
                groupTopics: cluster ? this.config.groupTopics?.(cluster.id) : undefined,
            }
            if (tenantCovers(tenant, pattern, context)) continue
            const reason = `${JSON.stringify(pattern)} reaches outside tenant "${tenant.name}"`
            this.recordAudit({
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

    async createTemporaryPolicy(
        principal: Principal,
        body: TemporaryPolicyBody,
        durationMs: number,
        tenantId: string
    ): Promise<TemporaryPolicy> {
        const firstResource = body.resource ?? body.resources?.[0] ?? []
        this.requireAdmin(principal, 'CREATE_TEMPORARY_POLICY', firstResource)
        const durationProblem = validateDuration(durationMs, this.config.maxDurationMs)
        if (durationProblem) {
            throw new KpowError('invalid_duration', durationProblem, [
                { path: 'duration_ms', message: durationProblem },
            ])
        }
        this.settleExpiries()
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
            this.recordAudit({
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
            created_ts: this.now(),
            duration_ms: durationMs,
            policy: body,
            tenant_id: tenantId,
            created_by: principal.user,
        }
        await this.commit({ kind: 'create', policy })
        this.recordAudit({
            event: 'temporary-policy-created',
            user: principal.user,
            action: 'CREATE_TEMPORARY_POLICY',
            resource: firstResource,
            decision: body.effect,
            detail: `id=${policy.id} actions=${body.actions.join(',')} duration_ms=${durationMs} expires_ts=${policy.created_ts + durationMs}`,
        })
        await this.flushAudit()
        return policy
    }

    async deleteTemporaryPolicy(principal: Principal, id: string, tenantId?: string): Promise<void> {
        this.settleExpiries()
        const found = this.store.policies.get(id)
        const policy = found && this.inTenant(found, tenantId) ? found : undefined
        this.requireAdmin(principal, 'DELETE_TEMPORARY_POLICY', resourceOf(policy))
        if (!policy) throw notFound(id)
        await this.commit({ kind: 'delete', id })
        this.recordAudit({
            event: 'temporary-policy-deleted',
            user: principal.user,
            action: 'DELETE_TEMPORARY_POLICY',
            resource: resourceOf(policy),
            decision: policy.policy.effect,
            detail: `id=${id}`,
        })
        await this.flushAudit()
    }

    /** Moves the mock clock ahead by `ms` (durably: a restart keeps the offset); returns the new now. */
    async advanceClock(ms: number): Promise<number> {
        this.config.clock.offsetAfter(ms)
        await this.commit({ kind: 'advance-clock', ms })
        this.settleExpiries()
        await this.flushAudit()
        return this.now()
    }

    /** The mock's reset: forgets temporary policies (audited) and rewinds the clock offset. */
    async reset(): Promise<void> {
        const removed = [...this.store.policies.values()]
        await this.commit({ kind: 'reset' })
        for (const policy of removed) {
            this.recordAudit({
                event: 'temporary-policy-deleted',
                user: 'system',
                action: 'MOCK_RESET',
                resource: resourceOf(policy),
                decision: policy.policy.effect,
                detail: `id=${policy.id} removed by POST /mock/v1/reset`,
            })
        }
        for (const listener of this.resetListeners) listener()
        await this.flushAudit()
    }

    /** Other state owners (the clock, the UI's staged mutations) register to be reset with the service. */
    onReset(listener: () => void): void {
        this.resetListeners.add(listener)
    }

    recordAudit(record: Omit<NewAuditRecord, 'ts'> & { ts?: number }): AuditRecord {
        const stored = this.auditLog.append({ ...record, ts: record.ts ?? this.now() })
        for (const listener of this.listeners) listener(stored)
        return stored
    }

    /** Notified of every audit record as it is written (the UI's audit-log topic reads these). */
    onAudit(listener: (record: AuditRecord) => void): () => void {
        this.listeners.add(listener)
        return () => this.listeners.delete(listener)
    }

    /** The audit records held in memory (the newest ones; the audit file keeps all), oldest first. */
    auditRecords(filter: AuditFilter = {}): AuditRecord[] {
        this.settleExpiries()
        return this.auditLog.records(filter)
    }

    auditPage(filter: AuditFilter, request: AuditPageRequest): AuditPage {
        this.settleExpiries()
        return this.auditLog.page(filter, request)
    }

    /** How many audit records memory holds now: bounded by auditRecordsInMemory. */
    get auditRecordsHeld(): number {
        return this.auditLog.heldInMemory
    }

    /** Makes every pending change durable (no-op in memory mode). */
    async persist(): Promise<void> {
        if (!this.config.persistence.durable) return
        await Promise.all([this.store.commit({ kind: 'checkpoint' }), this.auditLog.flush()])
    }

    /**
     * Writes the state change durably, then applies it; a failed write changes nothing and is
     * answered as an internal error (the cause goes to the log, not to the client).
     */
    private async commit(change: StateChange): Promise<void> {
        try {
            await this.store.commit(change)
        } catch (error) {
            console.error(
                `mock-kpow: could not write the data directory; the change was not made: ${describeFailure(error)}`
            )
            const code = (error as NodeJS.ErrnoException).code ?? 'write failed'
            throw new KpowError(
                'internal_error',
                `The change could not be saved to the data directory (${code}); nothing was changed. See mock-kpow's log.`
            )
        }
    }

    /**
     * Resolves once every audit record so far is durable. Handlers await it before answering (a
     * failed login too, so a kill -9 after the answer keeps the record). A failure keeps the records
     * queued for the next append and is logged, not thrown: what they record has happened.
     */
    async flushAudit(): Promise<void> {
        if (!this.config.persistence.durable) return
        await this.auditLog.flush().catch((error: unknown) => {
            console.error(
                `mock-kpow: could not append to the audit log; the records are kept for the next append: ${describeFailure(error)}`
            )
        })
    }

    /**
     * Removes temporary policies whose expiry instant has passed and audits each expiry at that
     * instant. Returns whether anything expired. Cheap when nothing is due (one comparison).
     */
    settleExpiries(): boolean {
        const now = this.now()
        if (now < this.nextExpiryTs) return false
        const expired = [...this.store.policies.values()]
            .filter((policy) => !isActive(policy, now))
            .sort((a, b) => a.created_ts + a.duration_ms - (b.created_ts + b.duration_ms))
        this.store.forget(expired.map((policy) => policy.id))
        for (const policy of expired) {
            this.recordAudit({
                ts: policy.created_ts + policy.duration_ms,
                event: 'temporary-policy-expired',
                user: 'system',
                action: 'EXPIRE_TEMPORARY_POLICY',
                resource: resourceOf(policy),
                decision: policy.policy.effect,
                detail: `id=${policy.id} created_by=${policy.created_by}`,
            })
        }
        this.temporariesChanged()
        // Expiry changes durable state; persist in the background (errors surface on the next write).
        if (expired.length > 0) void this.persist().catch(() => undefined)
        return expired.length > 0
    }

    /** Stops the background compilation timer (the service itself holds no other resources). */
    close(): void {
        this.indexes.close()
    }

    /** Makes pending writes durable, then releases the data directory. */
    async shutdown(): Promise<void> {
        this.close()
        try {
            await this.persist()
        } finally {
            await this.config.persistence.close()
        }
    }

    private temporariesChanged(): void {
        this.indexes.temporariesChanged()
        let soonest = Number.POSITIVE_INFINITY
        for (const policy of this.store.policies.values())
            soonest = Math.min(soonest, policy.created_ts + policy.duration_ms)
        this.nextExpiryTs = soonest
    }
}

function resourceOf(policy: TemporaryPolicy | undefined): ResourcePath {
    return policy?.policy.resource ?? policy?.policy.resources?.[0] ?? []
}

function notFound(id: string): KpowError {
    return new KpowError('not_found', `No active temporary policy with id "${id}" (unknown, deleted or expired).`)
}

/** One log line for an I/O failure (its message names the call, the path and the code), never a stack. */
function describeFailure(error: unknown): string {
    return error instanceof Error ? error.message : String(error)
}
