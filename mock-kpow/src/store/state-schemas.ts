// The shapes of the data directory's files, checked on load with the schemas the API checks requests
// with (the temporary policy's `policy` is the engine's temporaryPolicyBodySchema; its resources obey
// the same resource-type rule; its duration the same maximum), so state a client could never have
// created is refused at start with one line naming the file, the entry and the field, instead of
// failing later on a request.
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { MAX_CLOCK_OFFSET_MS } from '../clock'
import { formatSchemaErrors, resourcePathProblem, temporaryPolicyBodySchema } from '../engine/schemas'
import { validateDuration } from '../engine/index'
import type { TemporaryPolicy } from '../engine/types'
import type { AuditRecord } from './audit'

/** The range of instants a JavaScript Date can represent: a ts outside it breaks every date display. */
const MAX_DATE_MS = 8.64e15
const instant = { type: 'integer', minimum: 0, maximum: MAX_DATE_MS } as const
const nonEmptyString = { type: 'string', minLength: 1 } as const

const storedTemporaryPolicySchema = {
    type: 'object',
    required: ['id', 'created_ts', 'duration_ms', 'policy', 'tenant_id', 'created_by'],
    additionalProperties: false,
    properties: {
        id: { type: 'string', format: 'uuid' },
        created_ts: instant,
        duration_ms: { type: 'integer', minimum: 1 },
        policy: temporaryPolicyBodySchema,
        tenant_id: nonEmptyString,
        created_by: nonEmptyString,
    },
} as const

const stateFileSchema = {
    type: 'object',
    required: ['temporary_policies'],
    additionalProperties: false,
    properties: {
        version: { const: 1 },
        clock_offset_ms: { type: 'integer', minimum: 0, maximum: MAX_CLOCK_OFFSET_MS },
        temporary_policies: { type: 'array', items: storedTemporaryPolicySchema },
    },
} as const

const AUDIT_EVENTS = [
    'temporary-policy-created',
    'temporary-policy-deleted',
    'temporary-policy-expired',
    'temporary-policy-refused',
    'access-denied',
    'mutation-applied',
    'mutation-staged',
    'mutation-approved',
    'mutation-rejected',
    'login',
    'login-refused',
    'refusals-suppressed',
] as const satisfies readonly AuditRecord['event'][]

const auditRecordSchema = {
    type: 'object',
    required: ['seq', 'ts', 'event', 'user', 'action', 'resource', 'decision', 'detail'],
    additionalProperties: false,
    properties: {
        seq: { type: 'integer', minimum: 1 },
        ts: instant,
        event: { type: 'string', enum: AUDIT_EVENTS },
        user: { type: 'string' },
        action: { type: 'string' },
        resource: { type: 'array', items: { type: 'string' } },
        decision: { type: 'string', enum: ['Allow', 'Deny', 'Stage', 'Refused'] },
        detail: { type: 'string' },
    },
} as const

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false })
addFormats.default(ajv)
const validateStateFile = ajv.compile(stateFileSchema)
const validateAuditRecord = ajv.compile(auditRecordSchema)

export interface StateFile {
    readonly clockOffsetMs: number
    readonly temporaryPolicies: readonly TemporaryPolicy[]
}

/** The first problem of a parsed state file as "field: message", or the file's content. */
export function checkStateFile(document: unknown, maxDurationMs: number): { problem: string } | StateFile {
    const schemaProblem = firstProblem(validateStateFile, document)
    if (schemaProblem) return { problem: schemaProblem }
    const state = document as { clock_offset_ms?: number; temporary_policies: TemporaryPolicy[] }
    const seen = new Set<string>()
    for (const [index, policy] of state.temporary_policies.entries()) {
        const entry = `temporary_policies[${index}]`
        if (seen.has(policy.id)) return { problem: `${entry}.id: duplicate id ${policy.id}` }
        seen.add(policy.id)
        const durationProblem = validateDuration(policy.duration_ms, maxDurationMs)
        if (durationProblem) return { problem: `${entry}.duration_ms: ${durationProblem}` }
        const resources = policy.policy.resources ?? (policy.policy.resource ? [policy.policy.resource] : [])
        for (const [resourceIndex, resource] of resources.entries()) {
            const resourceProblem = resourcePathProblem(resource)
            const field = policy.policy.resources ? `resources[${resourceIndex}]` : 'resource'
            if (resourceProblem) return { problem: `${entry}.policy.${field}: ${resourceProblem}` }
        }
    }
    return { clockOffsetMs: state.clock_offset_ms ?? 0, temporaryPolicies: state.temporary_policies }
}

/** The first problem of one parsed audit line as "field: message", or undefined when it is a record. */
export function auditRecordProblem(record: unknown): string | undefined {
    return firstProblem(validateAuditRecord, record)
}

function firstProblem(validate: ValidateFunction, value: unknown): string | undefined {
    if (validate(value)) return undefined
    const [problem] = formatSchemaErrors(validate.errors ?? [])
    if (!problem) return 'is invalid'
    return `${problem.path === '' ? '(document)' : problem.path}: ${problem.message}`
}
