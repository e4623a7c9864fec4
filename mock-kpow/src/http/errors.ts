// The HTTP side of refusals: one code -> status map, one translator of what Express and its body
// parsers throw, and one writer per serialisation: JSON (the API and every /mock/v1 endpoint) here,
// HTML (the UI's pages) in ui/ui-app.ts on top of errorHtml's inputs. JSON bodies are
// {"error": code, "message": text, "fields": [{path, message}]?, ...details}.
import type { ErrorRequestHandler, Response } from 'express'
import { KpowError, type ErrorCode } from '../errors'

const STATUS: Record<ErrorCode, number> = {
    unauthorized: 401,
    forbidden: 403,
    grant_exceeds_caller: 403,
    not_found: 404,
    invalid_json: 400,
    invalid_request: 400,
    invalid_duration: 400,
    unsupported_media_type: 415,
    payload_too_large: 413,
    method_not_allowed: 405,
    unknown_tenant: 400,
    tenant_required: 400,
    outside_tenant: 403,
    internal_error: 500,
}

export function statusOf(error: KpowError): number {
    return STATUS[error.code]
}

/** What body-parser, raw-body and the router attach to the errors they pass on. */
interface FrameworkError {
    readonly type?: unknown
    readonly status?: unknown
    readonly limit?: unknown
    readonly charset?: unknown
    readonly message?: unknown
}

/**
 * Any thrown value as a KpowError: refusals pass through; the framework's own client errors (a body
 * that is not JSON, too large, cut short; a path whose percent-escapes do not decode) are worded
 * for the client; anything else is an internal error, logged once here and never shown.
 */
export function asKpowError(error: unknown): KpowError {
    if (error instanceof KpowError) return error
    const framework = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError
    switch (framework.type) {
        case 'entity.parse.failed':
            return new KpowError('invalid_json', `The body is not valid JSON: ${String(framework.message)}.`, [
                { path: '(body)', message: 'must be a JSON document' },
            ])
        case 'entity.too.large':
            return new KpowError('payload_too_large', `The body exceeds ${String(framework.limit)} bytes.`)
        case 'charset.unsupported':
            return new KpowError('unsupported_media_type', 'Only UTF-8 bodies are accepted.', [
                { path: 'header content-type', message: 'charset must be utf-8' },
            ])
        case 'request.aborted':
        case 'request.size.invalid':
            return new KpowError('invalid_request', 'The request body was incomplete.')
    }
    // The router's failure to percent-decode a route parameter: a URIError it marks 400.
    if (error instanceof URIError && framework.status === 400) {
        return new KpowError('invalid_request', 'The path has a malformed percent-escape.', [
            { path: '(path)', message: 'every % must start an escape of two hex digits encoding UTF-8' },
        ])
    }
    if (typeof framework.type === 'string' && typeof framework.status === 'number' && framework.status < 500)
        return new KpowError('invalid_request', 'The request body could not be read.')
    // The stack goes to the log only; the client sees a generic message.
    console.error('mock-kpow: internal error', error)
    return new KpowError('internal_error', 'Internal error in mock-kpow; see its log.')
}

export function errorBody(error: KpowError): Record<string, unknown> {
    const body: Record<string, unknown> = { error: error.code, message: error.message }
    if (error.fields.length > 0) body.fields = error.fields
    return { ...body, ...error.details }
}

export function writeJsonError(error: unknown, res: Response, basicRealm?: string): void {
    const refusal = asKpowError(error)
    const status = statusOf(refusal)
    if (status === 401 && basicRealm !== undefined) res.set('WWW-Authenticate', `Basic realm="${basicRealm}"`)
    res.status(status).json(errorBody(refusal))
}

/** The JSON error middleware; `basicRealm` adds the challenge to a 401 (the API's Basic auth). */
export function jsonErrors(basicRealm?: string): ErrorRequestHandler {
    return (error: unknown, _req, res, _next) => writeJsonError(error, res, basicRealm)
}
