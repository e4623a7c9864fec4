// The audit log: every record is appended to audit.jsonl (with --data-dir), while memory holds only
// the newest `capacity` records in a ring buffer, so a flood of failed logins costs a bounded amount
// of memory. The views (the Settings page, GET /mock/v1/audit-log, the audit-log topic) read the
// records held in memory, a page at a time; the files keep more (rotated at a size: store/persistence.ts).
import type { AuditRecord } from './audit'
import { CoalescingWriter } from './coalescing-writer'
import type { Persistence } from './persistence'

export const DEFAULT_AUDIT_RECORDS_IN_MEMORY = 10_000

export interface AuditFilter {
    readonly user?: string
    readonly action?: string
    readonly fromTs?: number
    readonly toTs?: number
}

export interface AuditPageRequest {
    /** 1-based. */
    readonly page: number
    readonly limit: number
    readonly order: 'oldest-first' | 'newest-first'
}

export interface AuditPage {
    readonly records: readonly AuditRecord[]
    readonly page: number
    readonly limit: number
    /** Matching records held in memory (older ones are in audit.jsonl only). */
    readonly total: number
    readonly pages: number
}

export class AuditLog {
    /** Ring buffer: `held` records, the oldest at `start`. */
    private readonly ring: (AuditRecord | undefined)[]
    private start = 0
    private held = 0
    private nextSeq: number
    private pending: AuditRecord[] = []
    private readonly writer: CoalescingWriter

    constructor(
        loaded: readonly AuditRecord[],
        private readonly persistence: Persistence,
        readonly capacity: number = DEFAULT_AUDIT_RECORDS_IN_MEMORY
    ) {
        this.ring = new Array<AuditRecord | undefined>(capacity)
        for (const record of loaded.slice(-capacity)) this.hold(record)
        this.nextSeq = (loaded.at(-1)?.seq ?? 0) + 1
        this.writer = new CoalescingWriter(async () => {
            const batch = this.pending
            this.pending = []
            try {
                await persistence.appendAudit(batch)
            } catch (error) {
                // Kept for the next append: the records describe things that did happen.
                this.pending = [...batch, ...this.pending]
                throw error
            }
        })
    }

    /** Records held in memory now (at most `capacity`). */
    get heldInMemory(): number {
        return this.held
    }

    /** Numbers and stores a record; with --data-dir its append starts at once (see flush). */
    append(record: Omit<AuditRecord, 'seq'>): AuditRecord {
        const stored: AuditRecord = { seq: this.nextSeq++, ...record }
        this.hold(stored)
        if (this.persistence.durable) {
            this.pending.push(stored)
            // Started now, not at the next state change: a refused login leaves no other write behind it.
            void this.writer.flush().catch(() => undefined)
        }
        return stored
    }

    /** Resolves once every record appended so far is durable. */
    flush(): Promise<void> {
        if (!this.persistence.durable) return Promise.resolve()
        return this.writer.flush()
    }

    /** Every record held in memory, oldest first. */
    records(filter: AuditFilter = {}): AuditRecord[] {
        const matching: AuditRecord[] = []
        for (let index = 0; index < this.held; index++) {
            const record = this.ring[(this.start + index) % this.capacity] as AuditRecord
            if (matches(record, filter)) matching.push(record)
        }
        return matching
    }

    page(filter: AuditFilter, request: AuditPageRequest): AuditPage {
        const matching = this.records(filter)
        if (request.order === 'newest-first') matching.reverse()
        const pages = Math.max(1, Math.ceil(matching.length / request.limit))
        const from = (request.page - 1) * request.limit
        return {
            records: matching.slice(from, from + request.limit),
            page: request.page,
            limit: request.limit,
            total: matching.length,
            pages,
        }
    }

    private hold(record: AuditRecord): void {
        if (this.held < this.capacity) {
            this.ring[(this.start + this.held) % this.capacity] = record
            this.held++
            return
        }
        // Full: the newest overwrites the oldest.
        this.ring[this.start] = record
        this.start = (this.start + 1) % this.capacity
    }
}

function matches(record: AuditRecord, filter: AuditFilter): boolean {
    return (
        (filter.user === undefined || record.user === filter.user) &&
        (filter.action === undefined || record.action === filter.action) &&
        (filter.fromTs === undefined || record.ts >= filter.fromTs) &&
        (filter.toTs === undefined || record.ts <= filter.toTs)
    )
}
