// The live temporary policies and what follows from them, shared by the service's parts: the store
// (durable-then-apply), the decision indexes, and exact expiry. Every read first settles policies
// whose created_ts + duration_ms has passed on the clock, so no sweep interval can leave an expired
// policy granting anything.
import { compilePolicies, isActive } from '../engine/index'
import type { AccessRequest, Decision, ResourcePath, TemporaryPolicy } from '../engine/types'
import { KpowError } from '../errors'
import type { AuditLog } from '../store/audit-log'
import type { PersistedState } from '../store/persistence'
import { TemporaryPolicyStore, type StateChange } from '../store/temporary-policy-store'
import { realScheduler } from '../clock'
import { DecisionIndexes } from '../decision-indexes'
import type { AuditRecorder } from './audit-trail'
import { describeFailure, type KpowServiceConfig } from './service-config'

export class LivePolicies {
    private readonly store: TemporaryPolicyStore
    private readonly indexes: DecisionIndexes
    /** The soonest expiry instant of the live temporary policies: settling is one comparison until then. */
    private nextExpiryTs = Number.POSITIVE_INFINITY

    constructor(
        private readonly config: KpowServiceConfig,
        state: PersistedState,
        private readonly auditLog: AuditLog,
        private readonly audit: AuditRecorder
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
    }

    /** Records (and persists) expiries that happened while stopped, then compiles the combined index. */
    async start(): Promise<void> {
        this.temporariesChanged()
        if (this.settleExpiries()) await this.persist()
        this.indexes.compileCombinedIndexNow()
    }

    /** The live policies by id, after settling expiries. */
    current(): ReadonlyMap<string, TemporaryPolicy> {
        this.settleExpiries()
        return this.store.policies
    }

    /** The access decision for roles, counting every temporary policy active at this instant. */
    decide(request: AccessRequest): Decision {
        this.settleExpiries()
        return this.indexes.decide(request)
    }

    /**
     * Writes the state change durably, then applies it, resolving with the policies it removed; a
     * failed write changes nothing and is answered as an internal error (the cause goes to the log,
     * not to the client).
     */
    async commit(change: StateChange): Promise<readonly TemporaryPolicy[]> {
        try {
            return await this.store.commit(change)
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

    /** Makes every pending change durable (no-op in memory mode). */
    async persist(): Promise<void> {
        if (!this.config.persistence.durable) return
        await Promise.all([this.store.commit({ kind: 'checkpoint' }), this.auditLog.flush()])
    }

    /**
     * Removes temporary policies whose expiry instant has passed and audits each expiry at that
     * instant. Returns whether anything expired. Cheap when nothing is due (one comparison).
     */
    settleExpiries(): boolean {
        const now = this.config.clock.now()
        if (now < this.nextExpiryTs) return false
        const expired = [...this.store.policies.values()]
            .filter((policy) => !isActive(policy, now))
            .sort((a, b) => a.created_ts + a.duration_ms - (b.created_ts + b.duration_ms))
        this.store.forget(expired.map((policy) => policy.id))
        for (const policy of expired) {
            this.audit.recordAudit({
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

    /** Stops the background compilation timer. */
    close(): void {
        this.indexes.close()
    }

    private temporariesChanged(): void {
        this.indexes.temporariesChanged()
        let soonest = Number.POSITIVE_INFINITY
        for (const policy of this.store.policies.values())
            soonest = Math.min(soonest, policy.created_ts + policy.duration_ms)
        this.nextExpiryTs = soonest
    }
}

/** The resource an audit record names for a policy: its first pattern. */
export function resourceOf(policy: TemporaryPolicy | undefined): ResourcePath {
    return policy?.policy.resource ?? policy?.policy.resources?.[0] ?? []
}
