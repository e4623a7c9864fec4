// The audit part of the service: what happened, recorded in order, kept in memory for the views and
// appended durably to the audit file; listeners (the UI's audit-log topic, the webhook) see each
// record as it is written. Refusals are bounded (service/audit-bounds.ts): their texts cut, and
// those from a client address limited per window, the rest counted in one summary record.
import type { Scheduler } from '../clock'
import type { AuditRecord, NewAuditRecord } from '../store/audit'
import type { AuditFilter, AuditLog, AuditPage, AuditPageRequest } from '../store/audit-log'
import type { Persistence } from '../store/persistence'
import {
    boundedRefusal,
    isRefusal,
    REFUSAL_WINDOW_MS,
    REFUSALS_PER_WINDOW,
    RefusalLimiter,
    type Suppressed,
} from './audit-bounds'
import { describeFailure } from './service-config'

type AuditInput = Omit<NewAuditRecord, 'ts'> & { ts?: number }

/** What every part that records an event needs. */
export interface AuditRecorder {
    recordAudit(record: AuditInput): AuditRecord
    /**
     * A refused request from `client` (its address): recorded unless that address has had its
     * share of refusal records this window, in which case it is counted for the window's summary.
     */
    recordRefusal(client: string, record: AuditInput): void
}

export class AuditTrail implements AuditRecorder {
    private readonly listeners = new Set<(record: AuditRecord) => void>()
    private readonly limiter: RefusalLimiter

    /**
     * `beforeRead`: settles what is due before the records are read (expiries are recorded when
     * settled, so a read must not miss one that has happened on the clock).
     */
    constructor(
        private readonly log: AuditLog,
        private readonly persistence: Persistence,
        private readonly now: () => number,
        private readonly beforeRead: () => void,
        /** Real time for the refusal windows (the mock clock jumps when tests move it). */
        scheduler: Scheduler
    ) {
        this.limiter = new RefusalLimiter(scheduler, now, (suppressed) => this.recordSuppressed(suppressed))
    }

    recordAudit(record: AuditInput): AuditRecord {
        const bounded = isRefusal(record) ? boundedRefusal(record) : record
        const stored = this.log.append({ ...bounded, ts: record.ts ?? this.now() })
        for (const listener of this.listeners) listener(stored)
        return stored
    }

    recordRefusal(client: string, record: AuditInput): void {
        if (this.limiter.admit(client)) this.recordAudit(record)
    }

    /** Writes the summaries of refusals not recorded one by one (the service is stopping). */
    close(): void {
        this.limiter.flush()
    }

    /** Notified of every audit record as it is written (the UI's audit-log topic reads these). */
    onAudit(listener: (record: AuditRecord) => void): () => void {
        this.listeners.add(listener)
        return () => this.listeners.delete(listener)
    }

    /** The audit records held in memory (the newest ones; the audit files keep more), oldest first. */
    auditRecords(filter: AuditFilter = {}): AuditRecord[] {
        this.beforeRead()
        return this.log.records(filter)
    }

    auditPage(filter: AuditFilter, request: AuditPageRequest): AuditPage {
        this.beforeRead()
        return this.log.page(filter, request)
    }

    /** How many audit records memory holds now: bounded by auditRecordsInMemory. */
    get auditRecordsHeld(): number {
        return this.log.heldInMemory
    }

    /**
     * Resolves once every audit record so far is durable. Handlers await it before answering (a
     * failed login too, so a kill -9 after the answer keeps the record). A failure keeps the records
     * queued for the next append and is logged, not thrown: what they record has happened.
     */
    async flushAudit(): Promise<void> {
        if (!this.persistence.durable) return
        await this.log.flush().catch((error: unknown) => {
            console.error(
                `mock-kpow: could not append to the audit log; the records are kept for the next append: ${describeFailure(error)}`
            )
        })
    }

    private recordSuppressed(suppressed: Suppressed): void {
        const from = new Date(suppressed.fromTs).toISOString()
        const to = new Date(suppressed.toTs).toISOString()
        this.recordAudit({
            event: 'refusals-suppressed',
            user: 'system',
            action: 'AUDIT_RATE_LIMIT',
            resource: [],
            decision: 'Refused',
            detail: `client=${suppressed.client} suppressed=${suppressed.count} from=${from} to=${to}: refused requests not recorded one by one (at most ${REFUSALS_PER_WINDOW} per client address every ${REFUSAL_WINDOW_MS / 1000} s are)`,
        })
        void this.flushAudit()
    }
}
