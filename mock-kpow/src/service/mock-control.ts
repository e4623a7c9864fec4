// The mock's own controls, beyond Kpow's API: the mock clock, the reset, and the service's
// lifecycle (making writes durable, releasing the data directory).
import type { AuditTrail } from './audit-trail'
import { resourceOf, type LivePolicies } from './live-policies'
import type { KpowServiceConfig } from './service-config'

export class MockControl {
    private readonly resetListeners = new Set<() => void>()

    constructor(
        private readonly config: KpowServiceConfig,
        private readonly live: LivePolicies,
        private readonly audit: AuditTrail
    ) {}

    /** The mock clock's now. */
    now(): number {
        return this.config.clock.now()
    }

    /** Moves the mock clock ahead by `ms` (durably: a restart keeps the offset); returns the new now. */
    async advanceClock(ms: number): Promise<number> {
        this.config.clock.offsetAfter(ms)
        await this.live.commit({ kind: 'advance-clock', ms })
        this.live.settleExpiries()
        await this.audit.flushAudit()
        return this.now()
    }

    /** The mock's reset: forgets temporary policies (audited) and rewinds the clock offset. */
    async reset(): Promise<void> {
        const removed = await this.live.commit({ kind: 'reset' })
        for (const policy of removed) {
            this.audit.recordAudit({
                event: 'temporary-policy-deleted',
                user: 'system',
                action: 'MOCK_RESET',
                resource: resourceOf(policy),
                decision: policy.policy.effect,
                detail: `id=${policy.id} removed by POST /mock/v1/reset`,
            })
        }
        for (const listener of this.resetListeners) listener()
        await this.audit.flushAudit()
    }

    /** Other state owners (the clock, the UI's staged mutations) register to be reset with the service. */
    onReset(listener: () => void): void {
        this.resetListeners.add(listener)
    }

    /** Makes every pending change durable (no-op in memory mode). */
    async persist(): Promise<void> {
        await this.live.persist()
    }

    /** Stops the background compilation timer (the service itself holds no other resources). */
    close(): void {
        this.live.close()
    }

    /** Makes pending writes durable, then releases the data directory. */
    async shutdown(): Promise<void> {
        this.close()
        this.audit.close()
        try {
            await this.persist()
        } finally {
            await this.config.persistence.close()
        }
    }
}
