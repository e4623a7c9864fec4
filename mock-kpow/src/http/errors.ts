// One catalogue of the errors mock-kpow's HTTP layer can answer with, and one serializer.
// Handlers throw ApiError; the error middleware in api-app.ts is the only place that writes them.
// Bodies are JSON: {"error": code, "message": title, "fields": [{path, message}]?}.

export interface FieldError {
    /** JSON pointer-ish path into the request, e.g. "policy.actions[0]" or "header x-tenant-id". */
    readonly path: string
    readonly message: string
}

export type ApiErrorCode =
    | 'unauthorized'
    | 'forbidden'
    | 'grant_exceeds_caller'
    | 'not_found'
    | 'invalid_json'
    | 'invalid_request'
    | 'invalid_duration'
    | 'unsupported_media_type'
    | 'payload_too_large'
    | 'method_not_allowed'
    | 'unknown_tenant'
    | 'internal_error'

const STATUS: Record<ApiErrorCode, number> = {
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
    internal_error: 500,
}

export class ApiError extends Error {
    readonly status: number
    constructor(
        readonly code: ApiErrorCode,
        message: string,
        readonly fields: readonly FieldError[] = []
    ) {
        super(message)
        this.name = 'ApiError'
        this.status = STATUS[code]
    }

    toJSON(): { error: ApiErrorCode; message: string; fields?: readonly FieldError[] } {
        return this.fields.length > 0
            ? { error: this.code, message: this.message, fields: this.fields }
            : { error: this.code, message: this.message }
    }
}
