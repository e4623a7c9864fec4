// The audit part of the service: what happened, recorded in order, kept in memory for the views and
// appended durably to the audit file; listeners (the UI's audit-log topic, the webhook) see each
// record as it is written.
import type { AuditRecord, NewAuditRecord } from '../store/audit'
import type { AuditFilter, AuditLog, AuditPage, AuditPageRequest } from '../store/audit-log'
import type { Persistence } from '../store/persistence'
import { describeFailure } from './service-config'

/** What every part that records an event needs. */
export interface AuditRecorder {
    recordAudit(record: Omit<NewAuditRecord, 'ts'> & { ts?: number }): AuditRecord
}

export class AuditTrail implements AuditRecorder {
    private readonly listeners = new Set<(record: AuditRecord) => void>()

    /**
     * `beforeRead`: settles what is due before the records are read (expiries are recorded when
     * settled, so a read must not miss one that has happened on the clock).
     */
    constructor(
        private readonly log: AuditLog,
        private readonly persistence: Persistence,
        private readonly now: () => number,
        private readonly beforeRead: () => void
    ) {}

    recordAudit(record: Omit<NewAuditRecord, 'ts'> & { ts?: number }): AuditRecord {
        const stored = this.log.append({ ...record, ts: record.ts ?? this.now() })
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
}
