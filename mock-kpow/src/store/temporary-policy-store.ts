// The live temporary policies and the clock offset, changed durable-then-apply: a change is written
// (with every other change waiting at that moment: one file rewrite for a burst of 200 creates) and
// only once the write succeeded does it reach memory, where decisions read it. A failed write
// rejects its changes and leaves memory as it was, so an error answer means nothing happened, and
// the next successful write, which starts from memory, cannot carry a failed change to disk.
// Each change learns what it removed as it reached memory: of 100 racing deletes of one policy only
// the first finds it there, so only one is told it deleted it.
import { MAX_CLOCK_OFFSET_MS } from '../clock'
import type { TemporaryPolicy } from '../engine/types'
import type { DurableState } from './persistence'

export type StateChange =
    | { readonly kind: 'create'; readonly policy: TemporaryPolicy }
    | { readonly kind: 'delete'; readonly id: string }
    | { readonly kind: 'advance-clock'; readonly ms: number }
    /** The mock's reset: no temporary policies, no clock offset. */
    | { readonly kind: 'reset' }
    /** No change: rewrites the current state (after expiries removed policies from memory). */
    | { readonly kind: 'checkpoint' }

interface Waiting {
    readonly change: StateChange
    readonly resolve: (removed: readonly TemporaryPolicy[]) => void
    readonly reject: (error: unknown) => void
}

export class TemporaryPolicyStore {
    private readonly live = new Map<string, TemporaryPolicy>()
    private offsetMs: number
    private waiting: Waiting[] = []
    private writing = false

    constructor(
        initial: DurableState,
        private readonly save: (state: DurableState) => Promise<void>,
        /** Called after each durable batch reached memory (indexes and the clock follow it). */
        private readonly onApplied: () => void
    ) {
        for (const policy of initial.temporaryPolicies) this.live.set(policy.id, policy)
        this.offsetMs = initial.clockOffsetMs
    }

    /** The policies decisions see: only durable ones. */
    get policies(): ReadonlyMap<string, TemporaryPolicy> {
        return this.live
    }

    get clockOffsetMs(): number {
        return this.offsetMs
    }

    /**
     * Resolves once the change is durable and applied, with the policies it removed from memory (none
     * when another change or an expiry removed them first); rejects, having applied nothing, if the
     * write fails.
     */
    commit(change: StateChange): Promise<readonly TemporaryPolicy[]> {
        return new Promise((resolve, reject) => {
            this.waiting.push({ change, resolve, reject })
            void this.drain()
        })
    }

    /**
     * Drops expired policies from memory without a write: expiry is a fact of the clock, and a
     * stored expired policy is harmless (loading settles it again); the next write leaves it out.
     */
    forget(ids: readonly string[]): void {
        for (const id of ids) this.live.delete(id)
    }

    private async drain(): Promise<void> {
        if (this.writing) return
        this.writing = true
        try {
            while (this.waiting.length > 0) {
                const batch = this.waiting
                this.waiting = []
                const next = new Map(this.live)
                let nextOffset = this.offsetMs
                for (const { change } of batch) nextOffset = apply(next, nextOffset, change).offsetMs
                try {
                    await this.save({ temporaryPolicies: [...next.values()], clockOffsetMs: nextOffset })
                } catch (error) {
                    for (const waiter of batch) waiter.reject(error)
                    continue
                }
                // Applied change by change rather than replaced by `next`: expiries may have run during the write.
                const removed = batch.map(({ change }) => {
                    const applied = apply(this.live, this.offsetMs, change)
                    this.offsetMs = applied.offsetMs
                    return applied.removed
                })
                this.onApplied()
                batch.forEach((waiter, index) => waiter.resolve(removed[index] ?? []))
            }
        } finally {
            this.writing = false
        }
    }
}

/** Applies one change to `policies`: the clock offset after it and the policies it removed. */
function apply(
    policies: Map<string, TemporaryPolicy>,
    offsetMs: number,
    change: StateChange
): { readonly offsetMs: number; readonly removed: readonly TemporaryPolicy[] } {
    switch (change.kind) {
        case 'create':
            policies.set(change.policy.id, change.policy)
            return { offsetMs, removed: [] }
        case 'delete': {
            const policy = policies.get(change.id)
            policies.delete(change.id)
            return { offsetMs, removed: policy ? [policy] : [] }
        }
        case 'advance-clock':
            // Checked against the limit when requested; two advances in one batch must not exceed it together.
            return { offsetMs: Math.min(offsetMs + change.ms, MAX_CLOCK_OFFSET_MS), removed: [] }
        case 'reset': {
            const removed = [...policies.values()]
            policies.clear()
            return { offsetMs: 0, removed }
        }
        case 'checkpoint':
            return { offsetMs, removed: [] }
    }
}
