// Access decisions over compiled indexes: the static RBAC policies (compiled once) and the active
// temporary policies (recompiled on first use after a change, cheap because there are few).
// Evaluating two indexes costs ~40% more than one, so once the temporary policies have been quiet
// for a moment a combined index of both is compiled off the request path and used while its version
// is current; any change bumps the version, so a stale combined index is never consulted.
import { evaluateAccess, toPolicy, type compilePolicies, type PolicyIndex } from './engine/index'
import type {
    AccessRequest,
    ClusterIdentity,
    Decision,
    EvaluationStrategy,
    Policy,
    TemporaryPolicy,
} from './engine/types'
import type { Scheduler } from './clock'

/** How long the temporary policies must stay unchanged before the combined index is compiled. */
export const COMBINE_AFTER_QUIET_MS = 200

export interface DecisionIndexesConfig {
    readonly staticPolicies: readonly Policy[]
    readonly clusters: readonly ClusterIdentity[]
    readonly strategy: EvaluationStrategy
    readonly scheduler: Scheduler
    readonly compile: typeof compilePolicies
    /** The live temporary policies (the store's): read, never changed, here. */
    readonly temporaries: ReadonlyMap<string, TemporaryPolicy>
}

export class DecisionIndexes {
    private readonly staticIndex: PolicyIndex
    private temporaryIndex: PolicyIndex | undefined
    /** Scheduler time of the last change, for the combined index's quiet period (not the mock clock). */
    private lastChangeAt = 0
    /** Bumped on every change to the temporary policies. */
    private version = 0
    private combinedIndex: { readonly version: number; readonly index: PolicyIndex } | undefined
    /** Cancels the pending combined-index compilation, if one is scheduled. */
    private cancelCombine: (() => void) | undefined
    private activePolicyList: { readonly version: number; readonly policies: readonly Policy[] } | undefined

    constructor(private readonly config: DecisionIndexesConfig) {
        this.staticIndex = config.compile(config.staticPolicies, config.clusters)
    }

    /** The access decision, counting every temporary policy in the store now (expiries settled by the caller). */
    decide(request: AccessRequest): Decision {
        const { strategy } = this.config
        if (this.config.temporaries.size === 0) return this.staticIndex.evaluate(request, strategy)
        const combined = this.combinedIndex
        if (combined?.version === this.version) return combined.index.evaluate(request, strategy)
        const fromStatic = this.staticIndex.evaluate(request, strategy)
        const fromTemporary = this.currentTemporaryIndex().evaluate(request, strategy)
        if (fromTemporary.reason === 'Implicit Deny') return fromStatic
        if (fromStatic.reason === 'Implicit Deny') return fromTemporary
        // Both sides matched: re-evaluating just the deciding policies of each side lets the engine's
        // single effect-combination function pick the winner, rather than a second copy of the rules.
        return evaluateAccess(
            request,
            [...fromStatic.policies, ...fromTemporary.policies],
            strategy,
            this.config.clusters
        )
    }

    /**
     * Static and live temporary policies as one list, rebuilt once per change of the temporary
     * policies (the grant check and the combined index both read it; the RBAC file may be large).
     */
    activePolicies(): readonly Policy[] {
        if (this.activePolicyList?.version !== this.version) {
            this.activePolicyList = {
                version: this.version,
                policies: [
                    ...this.config.staticPolicies,
                    ...[...this.config.temporaries.values()].map((policy) => toPolicy(policy)),
                ],
            }
        }
        return this.activePolicyList.policies
    }

    /** The temporary policies changed: indexes over them are stale from now on. */
    temporariesChanged(): void {
        this.version++
        this.temporaryIndex = undefined
        this.lastChangeAt = this.config.scheduler.now()
        // Debounced: a burst of creates and deletes compiles the combined index once, after it ends.
        if (this.cancelCombine === undefined) this.scheduleCombinedIndex(COMBINE_AFTER_QUIET_MS)
    }

    /** At start, where compiling is part of loading and nothing waits on requests. */
    compileCombinedIndexNow(): void {
        this.compileCombinedIndex(true)
    }

    /** Stops the background compilation. */
    close(): void {
        this.cancelCombine?.()
        this.cancelCombine = undefined
    }

    private compileCombinedIndex(immediately = false): void {
        this.close()
        if (this.config.temporaries.size === 0) {
            this.combinedIndex = undefined
            return
        }
        const quietFor = this.config.scheduler.now() - this.lastChangeAt
        if (!immediately && quietFor < COMBINE_AFTER_QUIET_MS) {
            // Still busy: look again once the quiet period would have passed.
            this.scheduleCombinedIndex(COMBINE_AFTER_QUIET_MS - quietFor)
            return
        }
        this.combinedIndex = {
            version: this.version,
            index: this.config.compile(this.activePolicies(), this.config.clusters),
        }
    }

    private scheduleCombinedIndex(delayMs: number): void {
        this.cancelCombine = this.config.scheduler.schedule(() => this.compileCombinedIndex(), delayMs)
    }

    /** The temporary-only index, compiled on first use after a change: writes never pay for it. */
    private currentTemporaryIndex(): PolicyIndex {
        if (this.temporaryIndex === undefined) {
            this.temporaryIndex = this.config.compile(
                [...this.config.temporaries.values()].map((policy) => toPolicy(policy)),
                this.config.clusters
            )
        }
        return this.temporaryIndex
    }
}
