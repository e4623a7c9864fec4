// The Kpow API's request and response shapes as JSON Schemas: the single statement of each shape,
// compiled once here for the handlers and imported by the tests to check every response.
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { policyResourceProblems, type TemporaryPolicyBody } from '../engine/index'
import { formatSchemaErrors, temporaryPolicyBodySchema } from '../engine/schemas'
import { KpowError } from '../errors'

const resourceSchema = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } as const

export const createTemporaryPolicyRequestSchema = {
    $id: 'create-temporary-policy-request',
    type: 'object',
    required: ['duration_ms', 'policy'],
    additionalProperties: false,
    properties: {
        duration_ms: { type: 'integer' },
        policy: temporaryPolicyBodySchema,
    },
} as const

const metadataSchema = {
    type: 'object',
    required: ['response_id', 'is_staged', 'tenant_id'],
    additionalProperties: false,
    properties: {
        response_id: { type: 'string', format: 'uuid' },
        is_staged: { type: 'boolean' },
        tenant_id: { type: 'string', minLength: 1 },
    },
} as const

const temporaryPolicySchema = {
    type: 'object',
    required: ['id', 'created_ts', 'duration_ms', 'policy'],
    additionalProperties: false,
    properties: {
        id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' },
        created_ts: { type: 'integer', minimum: 0 },
        duration_ms: { type: 'integer', minimum: 1 },
        policy: temporaryPolicyBodySchema,
    },
} as const

export const temporaryPolicyResponseSchema = {
    $id: 'temporary-policy-response',
    type: 'object',
    required: ['temporary_policy', 'metadata'],
    additionalProperties: false,
    properties: { temporary_policy: temporaryPolicySchema, metadata: metadataSchema },
} as const

export const temporaryPolicyListResponseSchema = {
    $id: 'temporary-policy-list-response',
    type: 'object',
    required: ['temporary_policies', 'metadata'],
    additionalProperties: false,
    properties: { temporary_policies: { type: 'array', items: temporaryPolicySchema }, metadata: metadataSchema },
} as const

export const errorResponseSchema = {
    $id: 'error-response',
    type: 'object',
    required: ['error', 'message'],
    additionalProperties: false,
    properties: {
        error: { type: 'string' },
        message: { type: 'string', minLength: 1 },
        fields: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['path', 'message'],
                additionalProperties: false,
                properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
        },
    },
} as const

export const clustersResponseSchema = {
    $id: 'clusters-response',
    type: 'object',
    required: ['clusters', 'metadata'],
    additionalProperties: false,
    properties: {
        clusters: {
            type: 'array',
            items: {
                type: 'object',
                required: ['id', 'label'],
                additionalProperties: false,
                properties: { id: { type: 'string' }, label: { type: 'string' } },
            },
        },
        metadata: metadataSchema,
    },
} as const

/** The mock's own decision probe: either roles or a user, plus an action and a concrete resource. */
export const decideRequestSchema = {
    $id: 'decide-request',
    type: 'object',
    required: ['action', 'resource'],
    additionalProperties: false,
    oneOf: [{ required: ['roles'] }, { required: ['user'] }],
    properties: {
        roles: { type: 'array', items: { type: 'string', minLength: 1 } },
        user: { type: 'string', minLength: 1 },
        action: { type: 'string', minLength: 1 },
        resource: resourceSchema,
    },
} as const

export const clockRequestSchema = {
    $id: 'clock-request',
    type: 'object',
    required: ['advance_ms'],
    additionalProperties: false,
    properties: { advance_ms: { type: 'integer', minimum: 0 } },
} as const

// verbose: formatSchemaErrors (the engine's, shared with the RBAC file validator) quotes the bad value.
// strictRequired off: decide's oneOf names properties declared on the parent schema.
export const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false })
addFormats.default(ajv)

export const validators = {
    createTemporaryPolicy: ajv.compile(createTemporaryPolicyRequestSchema),
    decide: ajv.compile(decideRequestSchema),
    clock: ajv.compile(clockRequestSchema),
} as const

/** Validates a parsed body, throwing an KpowError that names every bad field. */
export function requireValid<T>(validate: ValidateFunction, body: unknown): T {
    if (validate(body)) return body as T
    const fields = formatSchemaErrors(validate.errors ?? []).map((problem) => ({
        path: problem.path === '' ? '(body)' : problem.path,
        message: problem.message,
    }))
    throw new KpowError('invalid_request', 'The request body is not valid; see fields.', fields)
}

/**
 * A create-temporary-policy body, checked by the schema and then by the RBAC file loader's own rule
 * for resource types (the engine's policyResourceProblems), so a typo such as "topics" is refused
 * here exactly as the loader refuses it, instead of being stored and silently matching nothing.
 */
export function requireValidTemporaryPolicyRequest(body: unknown): {
    duration_ms: number
    policy: TemporaryPolicyBody
} {
    const request = requireValid<{ duration_ms: number; policy: TemporaryPolicyBody }>(
        validators.createTemporaryPolicy,
        body
    )
    const problems = policyResourceProblems(request.policy, 'policy')
    if (problems.length > 0)
        throw new KpowError('invalid_request', 'The policy names an unknown resource type.', problems)
    return request
}
