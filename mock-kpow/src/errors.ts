// Refusals as plain data, below any protocol: a code saying what kind of refusal, a message for a
// person, the request fields at fault, and details a client may act on. The service, the data plane
// and the staged mutations throw these; http/errors.ts alone maps a code to an HTTP status and
// writes the answer (JSON for clients, HTML for pages), so nothing below http/ knows about HTTP.

export interface FieldError {
    /** JSON pointer-ish path into the request, e.g. "policy.actions[0]" or "header x-tenant-id". */
    readonly path: string
    readonly message: string
}

export type ErrorCode =
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
    | 'tenant_required'
    | 'outside_tenant'
    | 'internal_error'

export class KpowError extends Error {
    constructor(
        readonly code: ErrorCode,
        message: string,
        readonly fields: readonly FieldError[] = [],
        /** Extra top-level members of a JSON answer, e.g. a denial's action and access control. */
        readonly details: Readonly<Record<string, string>> = {}
    ) {
        super(message)
        this.name = 'KpowError'
    }
}
