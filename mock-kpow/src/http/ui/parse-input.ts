// Turns query strings and form fields into typed requests, or an KpowError naming each bad field.
// Pages and JSON endpoints share these, so both accept and refuse exactly the same input.
import { KpowError, type FieldError } from '../../errors'
import type { MessageQuery, NewMessage } from '../../data/data-store'
import type { AuditFilter, AuditPageRequest } from '../../store/audit-log'

export type Fields = Readonly<Record<string, unknown>>

export const DEFAULT_MESSAGE_COUNT = 20
export const MAX_MESSAGE_COUNT = 500

export function text(fields: Fields, name: string): string | undefined {
    const value = fields[name]
    if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0].trim() : undefined
    return typeof value === 'string' ? value.trim() : undefined
}

/** A form's multi-select arrives as one string or a list of them. */
export function list(fields: Fields, name: string): string[] {
    const value = fields[name]
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
    return values
        .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
        .map((item) => item.trim())
}

function integer(
    fields: Fields,
    name: string,
    problems: FieldError[],
    bounds: { min: number; max?: number }
): number | undefined {
    const raw = text(fields, name)
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!/^\d+$/.test(raw) || value < bounds.min || (bounds.max !== undefined && value > bounds.max)) {
        problems.push({
            path: name,
            message: `must be a whole number${bounds.max !== undefined ? ` from ${bounds.min} to ${bounds.max}` : ` of at least ${bounds.min}`} (got "${raw}")`,
        })
        return undefined
    }
    return value
}

export function parseMessageQuery(fields: Fields): MessageQuery {
    const problems: FieldError[] = []
    const mode = text(fields, 'mode') || 'latest'
    const count = integer(fields, 'count', problems, { min: 1, max: MAX_MESSAGE_COUNT }) ?? DEFAULT_MESSAGE_COUNT
    const filters = { keyContains: text(fields, 'key') || undefined, valueContains: text(fields, 'value') || undefined }
    if (mode !== 'latest' && mode !== 'offset') {
        problems.push({ path: 'mode', message: `must be "latest" or "offset" (got "${mode}")` })
    }
    const partition = integer(fields, 'partition', problems, { min: 0 })
    const offset = integer(fields, 'offset', problems, { min: 0 })
    if (mode === 'offset' && partition === undefined && !problems.some((p) => p.path === 'partition')) {
        problems.push({ path: 'partition', message: 'is required when querying from an offset' })
    }
    if (problems.length > 0) throw new KpowError('invalid_request', 'The query is not valid.', problems)
    return mode === 'offset'
        ? { mode, partition: partition ?? 0, offset: offset ?? 0, count, ...filters }
        : { mode: 'latest', count, ...filters }
}

export function parseNewMessage(fields: Fields): NewMessage {
    const problems: FieldError[] = []
    const partition = integer(fields, 'partition', problems, { min: 0 })
    const key = fields.key === null ? null : text(fields, 'key')
    const rawValue = fields.value
    const value = rawValue === null ? null : typeof rawValue === 'string' ? rawValue : undefined
    if (rawValue !== undefined && rawValue !== null && typeof rawValue !== 'string') {
        problems.push({ path: 'value', message: 'must be text (send JSON values as their JSON text)' })
    }
    if (problems.length > 0) throw new KpowError('invalid_request', 'The message is not valid.', problems)
    return {
        key: key === undefined || key === '' ? null : key,
        value: value === undefined || value === '' ? null : value,
        ...(partition === undefined ? {} : { partition }),
    }
}

/** Datetime fields (`<input type="datetime-local">`, read as UTC) or epoch milliseconds. */
export function parseInstant(fields: Fields, name: string, problems: FieldError[]): number | undefined {
    const raw = text(fields, name)
    if (raw === undefined || raw === '') return undefined
    if (/^\d+$/.test(raw)) return Number(raw)
    const ts = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`)
    if (Number.isNaN(ts)) {
        problems.push({
            path: name,
            message: `must be a date and time such as 2026-11-20T08:30 (UTC) or epoch milliseconds (got "${raw}")`,
        })
        return undefined
    }
    return ts
}

/** "cluster, id, topic, name" or a JSON array. */
/**
 * The create form's resource: a JSON array (when it starts with "[") or comma-separated elements.
 * Text that starts like JSON but does not parse is refused as invalid JSON, naming the field, rather
 * than read as odd elements that then fail as a permission problem.
 */
export function parseResource(raw: string): string[] {
    const trimmed = raw.trim()
    if (trimmed.startsWith('[')) {
        let parsed: unknown
        try {
            parsed = JSON.parse(trimmed)
        } catch (error) {
            throw invalidResourceJson(`is not valid JSON (${(error as Error).message})`)
        }
        if (!Array.isArray(parsed) || !parsed.every((element) => typeof element === 'string')) {
            throw invalidResourceJson('must be a JSON array of strings')
        }
        return parsed
    }
    return raw
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')
}

function invalidResourceJson(problem: string): KpowError {
    return new KpowError('invalid_json', `Resource: invalid JSON. The resource ${problem}.`, [
        {
            path: 'resource',
            message:
                'write a JSON array such as ["cluster", "42RglGpZQwy9D5VzTVpCWA", "topic", "tx_trade1"], or the elements separated by commas',
        },
    ])
}

export const DEFAULT_AUDIT_PAGE_SIZE = 100
export const MAX_AUDIT_PAGE_SIZE = 1_000

/** `page` (1-based) and `limit` of the audit views; problems name each bad field. */
export function parseAuditPage(
    fields: Fields,
    problems: FieldError[],
    order: AuditPageRequest['order']
): AuditPageRequest {
    return {
        page: integer(fields, 'page', problems, { min: 1 }) ?? 1,
        limit: integer(fields, 'limit', problems, { min: 1, max: MAX_AUDIT_PAGE_SIZE }) ?? DEFAULT_AUDIT_PAGE_SIZE,
        order,
    }
}

/** The link to another page of an audit view, keeping the filter and the page size. */
export function auditPageHref(path: string, fields: Fields, page: number, limit: number): string {
    const query = new URLSearchParams()
    for (const name of ['user', 'action', 'from', 'to']) {
        const value = text(fields, name)
        if (value) query.set(name, value)
    }
    query.set('page', String(page))
    query.set('limit', String(limit))
    return `${path}?${query.toString()}`
}

/** The audit-log filter of the Settings page and of GET /mock/v1/audit-log; problems name each bad field. */
export function parseAuditFilter(fields: Fields, problems: FieldError[]): AuditFilter {
    return {
        user: text(fields, 'user') || undefined,
        action: text(fields, 'action') || undefined,
        fromTs: parseInstant(fields, 'from', problems),
        toTs: parseInstant(fields, 'to', problems),
    }
}
