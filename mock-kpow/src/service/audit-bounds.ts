// What keeps refused and unauthenticated requests from growing the audit (memory and audit.jsonl)
// faster than a stated bound. A refusal records what the client sent (a path, a user name): each
// text is cut to AUDIT_TEXT_LIMIT characters with a marker saying how much was cut. Refusals that
// arrive over HTTP are also limited per client address: at most REFUSALS_PER_WINDOW records per
// window; the rest are counted, and one summary record per client and window says how many were
// not recorded one by one. State changes, expiries and successful logins are never cut or limited.
import type { Scheduler } from '../clock'
import type { AuditEvent, NewAuditRecord } from '../store/audit'

/** Longest text of a refusal record's field (user, action, detail, each resource part). */
export const AUDIT_TEXT_LIMIT = 256
/** Most resource parts a refusal record keeps (Kpow's longest pattern has four). */
export const AUDIT_RESOURCE_PARTS_LIMIT = 8
/** Refusal records per client address per window; the rest are counted in one summary record. */
export const REFUSALS_PER_WINDOW = 60
export const REFUSAL_WINDOW_MS = 60_000
/** Client addresses tracked at once; beyond it new addresses share one count. */
export const TRACKED_CLIENTS_LIMIT = 10_000
/** The shared count's name once TRACKED_CLIENTS_LIMIT addresses are tracked. */
export const OTHER_CLIENTS = '(other client addresses)'

/** Records of requests that were refused: what they carry came from the client. */
const REFUSAL_EVENTS: ReadonlySet<AuditEvent> = new Set(['login-refused', 'access-denied', 'temporary-policy-refused'])

export function isRefusal(record: Pick<NewAuditRecord, 'event'>): boolean {
    return REFUSAL_EVENTS.has(record.event)
}

/** `text` cut to AUDIT_TEXT_LIMIT characters, the cut marked with its length. */
export function boundedText(text: string): string {
    if (text.length <= AUDIT_TEXT_LIMIT) return text
    return `${text.slice(0, AUDIT_TEXT_LIMIT)}…[${text.length - AUDIT_TEXT_LIMIT} more characters]`
}

/** A refusal record with every text the client chose cut to the limits. */
export function boundedRefusal<T extends Omit<NewAuditRecord, 'ts'>>(record: T): T {
    const parts = record.resource.slice(0, AUDIT_RESOURCE_PARTS_LIMIT).map(boundedText)
    const cutParts = record.resource.length - parts.length
    return {
        ...record,
        user: boundedText(record.user),
        action: boundedText(record.action),
        detail: boundedText(record.detail),
        resource: cutParts > 0 ? [...parts, `…[${cutParts} more parts]`] : parts,
    }
}

/** What a summary says: how many refusals of one client were not recorded, and when they came. */
export interface Suppressed {
    readonly client: string
    readonly count: number
    /** Mock-clock instants of the first and the last refusal not recorded. */
    readonly fromTs: number
    readonly toTs: number
}

interface Window {
    readonly startedAt: number
    recorded: number
    suppressed: number
    fromTs: number
    toTs: number
    cancelSummary?: () => void
}

/** Fixed windows per client address, on real time (the mock clock jumps when tests move it). */
export class RefusalLimiter {
    private readonly windows = new Map<string, Window>()

    constructor(
        private readonly scheduler: Scheduler,
        /** The mock clock, for the instants a summary names. */
        private readonly now: () => number,
        private readonly summarize: (suppressed: Suppressed) => void
    ) {}

    /** Whether a refusal from `client` is recorded; if not, it is counted for the window's summary. */
    admit(client: string): boolean {
        const key = this.keyFor(client)
        const at = this.scheduler.now()
        let window = this.windows.get(key)
        if (window && at - window.startedAt >= REFUSAL_WINDOW_MS) {
            this.close(key, window)
            window = undefined
        }
        if (!window) {
            window = { startedAt: at, recorded: 0, suppressed: 0, fromTs: 0, toTs: 0 }
            this.windows.set(key, window)
        }
        if (window.recorded < REFUSALS_PER_WINDOW) {
            window.recorded += 1
            return true
        }
        const ts = this.now()
        if (window.suppressed === 0) {
            window.fromTs = ts
            const opened = window
            // The summary is written when the window ends even if the client sends nothing more.
            window.cancelSummary = this.scheduler.schedule(
                () => this.close(key, opened),
                opened.startedAt + REFUSAL_WINDOW_MS - at
            )
        }
        window.suppressed += 1
        window.toTs = ts
        return false
    }

    /** Writes every pending summary now and forgets all windows (at shutdown). */
    flush(): void {
        for (const [key, window] of [...this.windows]) this.close(key, window)
    }

    private keyFor(client: string): string {
        if (this.windows.has(client) || this.windows.size < TRACKED_CLIENTS_LIMIT) return client
        // Full: windows that ended make room; otherwise the newcomer shares the overflow count.
        const at = this.scheduler.now()
        for (const [key, window] of [...this.windows]) {
            if (at - window.startedAt >= REFUSAL_WINDOW_MS) this.close(key, window)
        }
        return this.windows.size < TRACKED_CLIENTS_LIMIT ? client : OTHER_CLIENTS
    }

    private close(key: string, window: Window): void {
        if (this.windows.get(key) !== window) return
        this.windows.delete(key)
        window.cancelSummary?.()
        if (window.suppressed > 0) {
            this.summarize({ client: key, count: window.suppressed, fromTs: window.fromTs, toTs: window.toTs })
        }
    }
}
