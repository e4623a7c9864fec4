/**
 * The RBAC file's document (already parsed from YAML) -> a validated, normalised RbacModel
 * (Kpow's RBAC and multi-tenancy docs).
 *
 * Kpow refuses a bad file at start and so does the mock: nothing starts half-configured. Every
 * problem is reported at once, one per line, as `<file>: <field>: <what is wrong>`, e.g.
 *   hash-rbac.yml: policies[2].effect: must be one of Allow, Deny, Stage (got "Alow")
 *   hash-rbac.yml: policies[0].actions[3]: unknown action "TOPIC_READ"; the closest known action is TOPIC_CREATE (must be one of ...)
 *
 * Normalisation: `role`/`roles` and `resource`/`resources` become lists; a tenant's
 * `include: [..]` may hold one resource path or a list of them; without a `tenants` key the model
 * carries Kpow's two default tenants.
 */
import { Ajv } from 'ajv'
import type { FieldProblem } from './schemas'
import { formatSchemaErrors, rbacDocumentSchema, resourcePathProblem } from './schemas'
import { DEFAULT_TENANTS } from './tenants'
import type { Policy, RbacModel, ResourcePath, TemporaryPolicyBody, Tenant, TenantResourceRule } from './types'

export {
    policyBodySchema,
    resourcePathSchema,
    tenantSchema,
    rbacDocumentSchema,
    temporaryPolicyBodySchema,
} from './schemas'

export class RbacConfigError extends Error {
    readonly fileName: string
    readonly problems: readonly FieldProblem[]

    constructor(fileName: string, problems: readonly FieldProblem[]) {
        super(problems.map((problem) => formatProblem(fileName, problem)).join('\n'))
        this.name = 'RbacConfigError'
        this.fileName = fileName
        this.problems = problems
    }
}

function formatProblem(fileName: string, problem: FieldProblem): string {
    return problem.path === '' ? `${fileName}: ${problem.message}` : `${fileName}: ${problem.path}: ${problem.message}`
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true })
const validateRbacDocument = ajv.compile(rbacDocumentSchema)

/** The document as the schema guarantees it, before normalisation (a file policy has a temporary policy's shape). */
type ResourceOrList = ResourcePath | readonly ResourcePath[]
type RawPolicy = TemporaryPolicyBody
interface RawTenant {
    readonly name: string
    readonly description?: string
    readonly resources: readonly { readonly include?: ResourceOrList; readonly exclude?: ResourceOrList }[]
    readonly roles: readonly string[]
    readonly presentation_mode?: string
}
interface RawRbacDocument {
    readonly admin_roles?: readonly string[]
    readonly authorized_roles?: readonly string[]
    readonly policies?: readonly RawPolicy[]
    readonly tenants?: readonly RawTenant[]
    readonly saml?: { readonly role_field: string }
}

function isSinglePath(value: ResourceOrList): value is ResourcePath {
    return typeof value[0] === 'string'
}

function asPathList(value: ResourceOrList | undefined): readonly ResourcePath[] | undefined {
    if (value === undefined) return undefined
    return isSinglePath(value) ? [value] : value
}

export function policyRoles(policy: { readonly role?: string; readonly roles?: readonly string[] }): readonly string[] {
    return policy.role !== undefined ? [policy.role] : (policy.roles ?? [])
}

export function policyResources(policy: {
    readonly resource?: ResourcePath
    readonly resources?: readonly ResourcePath[]
}): readonly ResourcePath[] {
    return policy.resource !== undefined ? [policy.resource] : (policy.resources ?? [])
}

/** Domain/object type problems in a policy's resources, with the field that holds each path. */
export function policyResourceProblems(
    policy: { readonly resource?: ResourcePath; readonly resources?: readonly ResourcePath[] },
    field: string
): FieldProblem[] {
    const located: [string, ResourcePath][] =
        policy.resource !== undefined
            ? [[`${field}.resource`, policy.resource]]
            : (policy.resources ?? []).map((path, index) => [`${field}.resources[${index}]`, path])
    const problems: FieldProblem[] = []
    for (const [path, resource] of located) {
        const message = resourcePathProblem(resource)
        if (message !== undefined) problems.push({ path, message })
    }
    return problems
}

function semanticProblems(document: RawRbacDocument): FieldProblem[] {
    const problems: FieldProblem[] = []
    ;(document.policies ?? []).forEach((policy, index) => {
        problems.push(...policyResourceProblems(policy, `policies[${index}]`))
    })
    const tenantIndexByName = new Map<string, number>()
    ;(document.tenants ?? []).forEach((tenant, tenantIndex) => {
        const earlier = tenantIndexByName.get(tenant.name)
        if (earlier !== undefined) {
            problems.push({
                path: `tenants[${tenantIndex}].name`,
                message: `duplicate tenant name ${JSON.stringify(tenant.name)} (also tenants[${earlier}]); names must be unique`,
            })
        } else tenantIndexByName.set(tenant.name, tenantIndex)
        tenant.resources.forEach((rule, ruleIndex) => {
            for (const kind of ['include', 'exclude'] as const) {
                const value = rule[kind]
                if (value === undefined) continue
                const field = `tenants[${tenantIndex}].resources[${ruleIndex}].${kind}`
                if (isSinglePath(value)) {
                    const message = resourcePathProblem(value)
                    if (message !== undefined) problems.push({ path: field, message })
                    continue
                }
                value.forEach((path, pathIndex) => {
                    const message = resourcePathProblem(path)
                    if (message !== undefined) problems.push({ path: `${field}[${pathIndex}]`, message })
                })
            }
        })
    })
    return problems
}

function toTenant(raw: RawTenant): Tenant {
    const resources: TenantResourceRule[] = raw.resources.map((rule) => {
        const include = asPathList(rule.include)
        const exclude = asPathList(rule.exclude)
        return { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) }
    })
    return {
        name: raw.name,
        description: raw.description ?? '',
        resources,
        roles: raw.roles,
        ...(raw.presentation_mode !== undefined ? { presentationMode: raw.presentation_mode } : {}),
    }
}

/** Validates and normalises an RBAC document; throws RbacConfigError listing every problem. */
export function parseRbacDocument(doc: unknown, fileName: string): RbacModel {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new RbacConfigError(fileName, [
            {
                path: '',
                message: `must be a mapping with the keys admin_roles, authorized_roles, policies, tenants (got ${doc === null ? 'an empty document' : Array.isArray(doc) ? 'a list' : typeof doc})`,
            },
        ])
    }
    if (!validateRbacDocument(doc)) {
        throw new RbacConfigError(fileName, formatSchemaErrors(validateRbacDocument.errors ?? []))
    }
    const document = doc as RawRbacDocument
    const problems = semanticProblems(document)
    if (problems.length > 0) throw new RbacConfigError(fileName, problems)

    const policies: Policy[] = (document.policies ?? []).map((policy, index) => ({
        roles: policyRoles(policy),
        actions: policy.actions,
        effect: policy.effect,
        resources: policyResources(policy),
        source: `rbac:${index}`,
    }))
    return {
        authorizedRoles: document.authorized_roles,
        adminRoles: document.admin_roles ?? [],
        policies,
        tenants: document.tenants === undefined ? DEFAULT_TENANTS : document.tenants.map(toTenant),
        ...(document.saml ? { samlRoleField: document.saml.role_field } : {}),
    }
}
