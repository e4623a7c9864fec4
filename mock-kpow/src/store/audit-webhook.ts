// Kpow's audit sinks (WEBHOOK_PROVIDER, WEBHOOK_URL, WEBHOOK_VERBOSITY): audit records sent to a
// webhook as they are written. Delivery is off the request path: a record is queued and the request
// goes on; the queue is sent in order, each record retried with backoff when the receiver fails or
// cannot be reached, then dropped with one log line. A slow or dead receiver never delays an answer.
import type { AuditRecord } from './audit'

export type WebhookProvider = 'generic' | 'slack'
export type WebhookVerbosity = 'MUTATIONS' | 'QUERIES' | 'ALL'

export interface WebhookSettings {
    readonly provider: WebhookProvider
    readonly url: string
    readonly verbosity: WebhookVerbosity
}

export interface AuditWebhookOptions {
    /** Attempts per record, the first included (default 5). */
    readonly attempts?: number
    /** Wait before the first retry, doubled for each next one (default 250 ms). */
    readonly firstRetryDelayMs?: number
    /** How long one delivery may take before it counts as failed (default 5 s). */
    readonly timeoutMs?: number
    readonly log?: (line: string) => void
}

/** State changes: what MUTATIONS sends (a refused grant changed nothing, a login is no mutation). */
const MUTATION_EVENTS: ReadonlySet<AuditRecord['event']> = new Set([
    'temporary-policy-created',
    'temporary-policy-deleted',
    'temporary-policy-expired',
    'mutation-applied',
    'mutation-staged',
    'mutation-approved',
    'mutation-rejected',
])

/** Data queries: the mock audits those it refuses (a granted inspect is not recorded). */
const QUERY_ACTIONS: ReadonlySet<string> = new Set(['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD'])

export function isSentAt(verbosity: WebhookVerbosity, record: AuditRecord): boolean {
    const mutation = MUTATION_EVENTS.has(record.event)
    const query = !mutation && QUERY_ACTIONS.has(record.action)
    switch (verbosity) {
        case 'MUTATIONS':
            return mutation
        case 'QUERIES':
            return query
        case 'ALL':
            return mutation || query
        default: {
            const unreachable: never = verbosity
            throw new Error(`unknown webhook verbosity ${String(unreachable)}`)
        }
    }
}

/** The request body: the record itself (generic) or a Slack incoming-webhook message. */
export function webhookPayload(provider: WebhookProvider, record: AuditRecord): unknown {
    if (provider === 'generic') return { source: 'mock-kpow', audit_record: record }
    const resource = record.resource.length > 0 ? ` on ${JSON.stringify(record.resource)}` : ''
    return {
        text: `Kpow audit: ${record.user} ${record.event} ${record.action}${resource} (${record.decision}) ${record.detail}`.trim(),
    }
}

export class AuditWebhook {
    private readonly queue: AuditRecord[] = []
    private sending: Promise<void> | undefined
    private closed = false
    private readonly inFlight = new AbortController()
    private readonly attempts: number
    private readonly firstRetryDelayMs: number
    private readonly timeoutMs: number
    private readonly log: (line: string) => void

    constructor(
        readonly settings: WebhookSettings,
        options: AuditWebhookOptions = {}
    ) {
        this.attempts = options.attempts ?? 5
        this.firstRetryDelayMs = options.firstRetryDelayMs ?? 250
        this.timeoutMs = options.timeoutMs ?? 5_000
        this.log = options.log ?? ((line) => console.error(line))
    }

    /** Queues the record if the verbosity sends it; returns at once. */
    offer(record: AuditRecord): void {
        if (this.closed || !isSentAt(this.settings.verbosity, record)) return
        this.queue.push(record)
        this.sending ??= this.drain().finally(() => {
            this.sending = undefined
        })
    }

    /** Resolves once everything queued so far was delivered or given up (tests; shutdown). */
    async idle(): Promise<void> {
        while (this.sending) await this.sending
    }

    /** Stops delivering: pending records are dropped, an attempt in flight is aborted. */
    close(): void {
        this.closed = true
        this.queue.length = 0
        this.inFlight.abort()
    }

    private async drain(): Promise<void> {
        for (let record = this.queue.shift(); record && !this.closed; record = this.queue.shift()) {
            await this.deliver(record)
        }
    }

    private async deliver(record: AuditRecord): Promise<void> {
        let problem = ''
        for (let attempt = 1; attempt <= this.attempts && !this.closed; attempt++) {
            if (attempt > 1) await this.wait(this.firstRetryDelayMs * 2 ** (attempt - 2))
            if (this.closed) return
            try {
                const response = await fetch(this.settings.url, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(webhookPayload(this.settings.provider, record)),
                    signal: AbortSignal.any([this.inFlight.signal, AbortSignal.timeout(this.timeoutMs)]),
                })
                await response.arrayBuffer().catch(() => undefined)
                if (response.ok) return
                problem = `HTTP ${response.status}`
            } catch (error) {
                if (this.closed) return
                problem =
                    error instanceof Error
                        ? error.cause instanceof Error
                            ? error.cause.message
                            : error.message
                        : String(error)
            }
        }
        if (!this.closed) {
            this.log(
                `mock-kpow: audit webhook ${this.settings.url}: gave up on record ${record.seq} (${record.event}) after ${this.attempts} attempts: ${problem}`
            )
        }
    }

    private wait(ms: number): Promise<void> {
        return new Promise((resolve) => {
            const signal = this.inFlight.signal
            const stop = () => {
                clearTimeout(timer)
                resolve()
            }
            const timer = setTimeout(() => {
                signal.removeEventListener('abort', stop)
                resolve()
            }, ms)
            // A retry pending at shutdown must not keep the process alive.
            timer.unref()
            signal.addEventListener('abort', stop, { once: true })
        })
    }
}
