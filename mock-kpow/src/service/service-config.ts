// What the service's parts are built from, and who calls them.
import type { compilePolicies } from '../engine/index'
import type { ClusterIdentity, EvaluationStrategy, RbacModel } from '../engine/types'
import type { Persistence } from '../store/persistence'
import type { AdjustableClock, Scheduler } from '../clock'

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
    /** Audit records kept in memory for the views (default 10 000); the audit files keep more. */
    readonly auditRecordsInMemory?: number
    /** Consumer group -> topics of a cluster, for tenants that include a group (its topics are inferred). */
    readonly groupTopics?: (clusterId: string) => ReadonlyMap<string, readonly string[]>
}

/** One log line for an I/O failure (its message names the call, the path and the code), never a stack. */
export function describeFailure(error: unknown): string {
    return error instanceof Error ? error.message : String(error)
}
