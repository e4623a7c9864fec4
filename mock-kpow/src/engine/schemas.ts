/**
 * JSON Schemas for RBAC policies, tenants and temporary-policy bodies (as Kpow's RBAC,
 * multi-tenancy and temporary-policy docs describe them), shared by the RBAC file validator
 * (rbac-model.ts) and the HTTP layer, which embeds `temporaryPolicyBodySchema` under `policy`
 * next to `duration_ms`.
 *
 * The schemas carry no `$id`, so one Ajv instance may embed them in several parent schemas.
 * Where a raw Ajv message would be cryptic (oneOf, enum of 25 actions), the subschema carries a
 * `description` that `formatSchemaErrors` turns into a sentence naming the field and the fix.
 *
 * What JSON Schema cannot say without tuple keywords (the domain type at index 0, the object type
 * at index 2) is checked by `resourcePathProblem`.
 */
import type { ErrorObject } from 'ajv'
import { KNOWN_ACTIONS, closestKnownAction } from './actions'
import type { ResourcePath } from './types'

export const EFFECTS = ['Allow', 'Deny', 'Stage'] as const
export const DOMAIN_TYPES = ['cluster', 'schema', 'connect', 'ksqldb'] as const
export const OBJECT_TYPES = [
    'topic',
    'group',
    'broker',
    'principal',
    'connector',
    'subject',
    'ksqldb-source',
    'ksqldb-query',
] as const
export const PRESENTATION_MODES = ['DEFAULT', 'HIDE_RESOURCES'] as const

const nonEmptyString = { type: 'string', minLength: 1 } as const

export const resourcePathSchema = {
    type: 'array',
    minItems: 1,
    maxItems: 4,
    items: nonEmptyString,
    description: 'a resource [DOMAIN_TYPE, DOMAIN_ID?, OBJECT_TYPE?, OBJECT_ID?] of 1 to 4 non-empty strings',
} as const

export const actionSchema = {
    type: 'string',
    enum: KNOWN_ACTIONS,
    title: 'action',
} as const

export const effectSchema = { type: 'string', enum: EFFECTS } as const

const policyProperties = {
    role: nonEmptyString,
    roles: { type: 'array', minItems: 1, items: nonEmptyString },
    actions: { type: 'array', minItems: 1, items: actionSchema },
    effect: effectSchema,
    resource: resourcePathSchema,
    resources: { type: 'array', minItems: 1, items: resourcePathSchema },
} as const

// The alternatives only test presence (`true`): a present but malformed value is reported once,
// by `properties`, rather than as a confusing "needs role or roles".
const exactlyOneRole = {
    description: 'have exactly one of "role" (one role) or "roles" (a list of roles)',
    oneOf: [
        { type: 'object', required: ['role'], properties: { role: true } },
        { type: 'object', required: ['roles'], properties: { roles: true } },
    ],
} as const

const exactlyOneResource = {
    description: 'have exactly one of "resource" (one resource) or "resources" (a list of resources)',
    oneOf: [
        { type: 'object', required: ['resource'], properties: { resource: true } },
        { type: 'object', required: ['resources'], properties: { resources: true } },
    ],
} as const

/** One policy as written in the RBAC file or in a temporary policy's `policy` object. */
export const policyBodySchema = {
    type: 'object',
    required: ['actions', 'effect'],
    additionalProperties: false,
    properties: policyProperties,
    allOf: [exactlyOneRole, exactlyOneResource],
} as const

/** The `policy` object of POST /admin/v1/temporary-policies: the same shape as a file policy. */
export const temporaryPolicyBodySchema = policyBodySchema

const resourcesOrOne = {
    description: 'be a resource path or a list of resource paths',
    anyOf: [resourcePathSchema, { type: 'array', minItems: 1, items: resourcePathSchema }],
} as const

export const tenantSchema = {
    type: 'object',
    required: ['name', 'resources', 'roles'],
    additionalProperties: false,
    properties: {
        name: nonEmptyString,
        description: { type: 'string' },
        resources: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                minProperties: 1,
                additionalProperties: false,
                properties: { include: resourcesOrOne, exclude: resourcesOrOne },
            },
        },
        roles: { type: 'array', minItems: 1, items: nonEmptyString },
        presentation_mode: { type: 'string', enum: PRESENTATION_MODES },
    },
} as const

const roleList = { type: 'array', items: nonEmptyString } as const

/** The RBAC YAML file's top level, as Kpow's RBAC and multi-tenancy docs describe it. */
export const rbacDocumentSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        admin_roles: roleList,
        authorized_roles: roleList,
        policies: { type: 'array', items: policyBodySchema },
        tenants: { type: 'array', items: tenantSchema },
        // Kpow's RBAC guide: SAML deployments may name the attribute that carries roles.
        saml: {
            type: 'object',
            additionalProperties: false,
            required: ['role_field'],
            properties: { role_field: nonEmptyString },
        },
    },
} as const

export interface FieldProblem {
    /** e.g. "policies[2].effect"; "" for the document itself. */
    readonly path: string
    readonly message: string
}

/** "/policies/2/effect" -> "policies[2].effect" */
export function instancePathToField(instancePath: string): string {
    let field = ''
    for (const segment of instancePath.split('/').slice(1)) {
        const key = segment.replace(/~1/g, '/').replace(/~0/g, '~')
        if (/^\d+$/.test(key)) field += `[${key}]`
        else field += field === '' ? key : `.${key}`
    }
    return field
}

function joinField(parent: string, key: string): string {
    return parent === '' ? key : `${parent}.${key}`
}

function describeError(error: ErrorObject): FieldProblem {
    const path = instancePathToField(error.instancePath)
    const parentSchema: unknown = error.parentSchema
    const annotations = (typeof parentSchema === 'object' && parentSchema !== null ? parentSchema : {}) as {
        description?: unknown
        title?: unknown
    }
    const got = error.data === undefined ? '' : ` (got ${JSON.stringify(error.data)})`
    switch (error.keyword) {
        case 'additionalProperties': {
            const { additionalProperty } = error.params as { additionalProperty: string }
            const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}
            return {
                path: joinField(path, additionalProperty),
                message: `unknown key; allowed keys: ${Object.keys(properties).join(', ')}`,
            }
        }
        case 'required': {
            const { missingProperty } = error.params as { missingProperty: string }
            return { path: joinField(path, missingProperty), message: 'is required' }
        }
        case 'enum': {
            const { allowedValues } = error.params as { allowedValues: readonly unknown[] }
            const list = allowedValues.map(String).join(', ')
            if (annotations.title === 'action' && typeof error.data === 'string') {
                return {
                    path,
                    message: `unknown action ${JSON.stringify(error.data)}; the closest known action is ${closestKnownAction(error.data)} (must be one of ${list})`,
                }
            }
            if (typeof annotations.title === 'string') {
                return {
                    path,
                    message: `unknown ${annotations.title} ${JSON.stringify(error.data)}; must be one of ${list}`,
                }
            }
            return { path, message: `must be one of ${list}${got}` }
        }
        case 'oneOf':
        case 'anyOf':
            if (typeof annotations.description === 'string') return { path, message: `must ${annotations.description}` }
            return { path, message: `${error.message ?? 'is invalid'}${got}` }
        case 'minItems': {
            const { limit } = error.params as { limit: number }
            return { path, message: limit === 1 ? 'must not be empty' : `must have at least ${limit} items` }
        }
        case 'minLength':
            return { path, message: 'must be a non-empty string' }
        case 'maxItems':
            return {
                path,
                message:
                    typeof annotations.description === 'string'
                        ? `must be ${annotations.description}${got}`
                        : `${error.message ?? 'has too many items'}${got}`,
            }
        case 'type': {
            const { type } = error.params as { type: string }
            const article = /^[aeiou]/.test(type) ? 'an' : 'a'
            return { path, message: `must be ${article} ${type}${got}` }
        }
        case 'minProperties':
            return { path, message: 'must not be empty' }
        default:
            return { path, message: `${error.message ?? 'is invalid'}${got}` }
    }
}

/**
 * Ajv errors (compiled with `allErrors` and `verbose`) as one problem per field. Errors raised
 * inside a described oneOf/anyOf are folded into that alternative's single sentence.
 */
export function formatSchemaErrors(errors: readonly ErrorObject[]): FieldProblem[] {
    const combinatorPaths = errors
        .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
        .map((error) => `${error.schemaPath}/`)
    const problems: FieldProblem[] = []
    const seen = new Set<string>()
    for (const error of errors) {
        if (combinatorPaths.some((prefix) => error.schemaPath.startsWith(prefix))) continue
        const problem = describeError(error)
        const key = `${problem.path}\u0000${problem.message}`
        if (seen.has(key)) continue
        seen.add(key)
        problems.push(problem)
    }
    return problems
}

const domainTypeSet: ReadonlySet<string> = new Set(DOMAIN_TYPES)
const objectTypeSet: ReadonlySet<string> = new Set(OBJECT_TYPES)

function isWildcardElement(element: string): boolean {
    return element.startsWith('*') || element.endsWith('*')
}

/**
 * What is wrong with a resource path's types, or undefined. Wildcards are accepted in either
 * position; a literal must be a known domain type (index 0) or object type (index 2), which catches
 * typos such as "topics" that would otherwise silently match nothing.
 */
export function resourcePathProblem(path: ResourcePath): string | undefined {
    const domainType = path[0]
    if (domainType !== undefined && !isWildcardElement(domainType) && !domainTypeSet.has(domainType)) {
        return `unknown domain type ${JSON.stringify(domainType)}; must be one of ${DOMAIN_TYPES.join(', ')} or a wildcard`
    }
    const objectType = path[2]
    if (objectType !== undefined && !isWildcardElement(objectType) && !objectTypeSet.has(objectType)) {
        return `unknown object type ${JSON.stringify(objectType)}; must be one of ${OBJECT_TYPES.join(', ')} or a wildcard`
    }
    return undefined
}
