// Audit records: one per state change, per denial and per expiry, as Kpow keeps in its audit log
// topic (__oprtr_audit_log). The same records feed the API's persistence and the UI's audit pages.
import type { Effect, ResourcePath } from '../engine/types'

export type AuditEvent =
    | 'temporary-policy-created'
    | 'temporary-policy-deleted'
    | 'temporary-policy-expired'
    | 'temporary-policy-refused'
    | 'access-denied'
    | 'mutation-applied'
    | 'mutation-staged'
    | 'mutation-approved'
    | 'mutation-rejected'
    | 'login'
    | 'login-refused'
    /** How many refusals of one client address were counted, not recorded one by one (service/audit-bounds.ts). */
    | 'refusals-suppressed'

export interface AuditRecord {
    /** Monotonic sequence number, unique within one data directory. */
    readonly seq: number
    /** Epoch milliseconds on the mock's clock. */
    readonly ts: number
    readonly event: AuditEvent
    /** The user who acted; "system" for expiries. */
    readonly user: string
    readonly action: string
    readonly resource: ResourcePath
    /** The access decision, or "Refused" for a request rejected before evaluation (bad grant, auth). */
    readonly decision: Effect | 'Refused'
    readonly detail: string
}

export type NewAuditRecord = Omit<AuditRecord, 'seq'>
