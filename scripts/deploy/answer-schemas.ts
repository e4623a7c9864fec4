/**
 * The shapes of the answers the deploy tool reads, as JSON Schemas (ajv): ServiceNow's Table API,
 * CI/CD progress, flow activation, order_now and error bodies, and Kpow's temporary-policy list. An
 * answer of another shape is never read as "nothing there": `readAnswer` names what came instead.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parseJson } from './http.ts'

// Union types ("string or null") are what these answers hold.
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true })

/** A Table API field: text, or a reference as {link, value} (or {value, display_value}). */
export type FieldValue = string | number | boolean | null | { value: string | number | boolean | null }
export type RawRecord = Record<string, FieldValue>

const SCALAR = { type: ['string', 'number', 'boolean', 'null'] } as const

const fieldValue = {
    anyOf: [SCALAR, { type: 'object', required: ['value'], properties: { value: SCALAR } }],
}

const recordSchema = { type: 'object', additionalProperties: fieldValue } as const

export const tableListAnswer: ValidateFunction<{ result: RawRecord[] }> = ajv.compile({
    type: 'object',
    required: ['result'],
    properties: { result: { type: 'array', items: recordSchema } },
})

export const tableRecordAnswer: ValidateFunction<{ result: RawRecord }> = ajv.compile({
    type: 'object',
    required: ['result'],
    properties: { result: recordSchema },
})

/** The platform's error body: {"error": {"message", "detail"}, "status": "failure"}. */
export const serviceNowErrorAnswer: ValidateFunction<{ error: { message?: unknown; detail?: unknown } }> = ajv.compile({
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object' } },
})

const TEXT = { type: ['string', 'null'] } as const
const COUNT = {
    anyOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^[0-9]+$' },
    ],
} as const

export interface RawProgress {
    status: string | number
    status_label?: string | null
    status_message?: string | null
    status_detail?: string | null
    error?: string | null
    percent_complete?: string | number | null
    links?: { progress?: { id?: string } }
}

/** CI/CD progress: status 0 pending, 1 running, 2 successful, 3 failed, 4 cancelled. */
export const progressAnswer: ValidateFunction<{ result: RawProgress }> = ajv.compile({
    type: 'object',
    required: ['result'],
    properties: {
        result: {
            type: 'object',
            required: ['status'],
            properties: {
                status: {
                    anyOf: [
                        { type: 'integer', minimum: 0, maximum: 4 },
                        { type: 'string', pattern: '^[0-4]$' },
                    ],
                },
                status_label: TEXT,
                status_message: TEXT,
                status_detail: TEXT,
                error: TEXT,
                percent_complete: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] },
                links: {
                    type: 'object',
                    // The id goes into the next call's path: an id, nothing that could lead elsewhere.
                    properties: {
                        progress: {
                            type: 'object',
                            properties: { id: { type: 'string', pattern: '^[0-9A-Za-z_-]{0,64}$' } },
                        },
                    },
                },
            },
        },
    },
})

export interface RawActivation {
    summary: { total: string | number; succeeded: string | number; failed: string | number }
    results: Array<{
        sys_id: string
        status: string
        message?: string | null
        errorMessage?: string | null
        flow_name?: string | null
    }>
}

/** What `now-sdk install`'s activation reads: {result: {summary: {total, succeeded, failed}, results: [...]}}. */
export const activationAnswer: ValidateFunction<{ result: RawActivation }> = ajv.compile({
    type: 'object',
    required: ['result'],
    properties: {
        result: {
            type: 'object',
            required: ['summary', 'results'],
            properties: {
                summary: {
                    type: 'object',
                    required: ['total', 'succeeded', 'failed'],
                    properties: { total: COUNT, succeeded: COUNT, failed: COUNT },
                },
                results: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['sys_id', 'status'],
                        properties: {
                            sys_id: { type: 'string' },
                            status: { type: 'string' },
                            message: TEXT,
                            errorMessage: TEXT,
                            flow_name: TEXT,
                        },
                    },
                },
            },
        },
    },
})

/** The UI login (POST /angular.do?sysparm_type=view_form.login): {status, message}, as the SDK's UISession reads it. */
export const loginAnswer: ValidateFunction<{ status: string; message?: string | null }> = ajv.compile({
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string' }, message: TEXT },
})

export interface RawTemporaryPolicy {
    id: string
    duration_ms?: number | string
    policy?: Record<string, unknown>
}

/** Kpow's GET /admin/v1/temporary-policies. */
export const temporaryPoliciesAnswer: ValidateFunction<{ temporary_policies: RawTemporaryPolicy[] }> = ajv.compile({
    type: 'object',
    required: ['temporary_policies'],
    properties: {
        temporary_policies: {
            type: 'array',
            items: {
                type: 'object',
                required: ['id'],
                properties: {
                    id: { type: 'string', minLength: 1 },
                    duration_ms: { type: ['number', 'string'] },
                    policy: { type: 'object' },
                },
            },
        },
    },
})

function firstError(errors: ErrorObject[] | null | undefined): string {
    const error = errors?.[0]
    if (!error) return 'an unexpected shape'
    return `${error.instancePath || 'the body'} ${error.message ?? 'is not as expected'}`
}

/** What the body is, when it is not the JSON `validate` wants: "an empty body", "null", "JSON whose /result must be array". */
export function answerProblem(text: string, validate: ValidateFunction): string | undefined {
    if (text.trim() === '') return 'an empty body'
    const body = parseJson(text)
    if (body === undefined) return 'a body that is not JSON'
    if (body === null) return 'null'
    if (validate(body)) return undefined
    return `JSON of another shape (${firstError(validate.errors)})`
}

/** The body as `validate`'s type, or the problem with it. */
export function readAnswer<Shape>(
    text: string,
    validate: ValidateFunction<Shape>
): { body: Shape; problem?: undefined } | { body?: undefined; problem: string } {
    const problem = answerProblem(text, validate)
    if (problem !== undefined) return { problem }
    return { body: parseJson(text) as Shape }
}
