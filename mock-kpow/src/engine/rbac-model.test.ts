import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { RbacConfigError, parseRbacDocument } from './rbac-model'
import { formatSchemaErrors, temporaryPolicyBodySchema } from './schemas'
import { DEFAULT_TENANTS } from './tenants'

function refusal(doc: unknown): string {
    try {
        parseRbacDocument(doc, 'hash-rbac.yml')
    } catch (error) {
        expect(error).toBeInstanceOf(RbacConfigError)
        return (error as RbacConfigError).message
    }
    throw new Error('expected the document to be refused')
}

const allow = { resource: ['cluster', '*'], effect: 'Allow', actions: ['TOPIC_INSPECT'], role: 'kafka-admins' }

describe('parseRbacDocument normalises', () => {
    it('role/roles and resource/resources into lists, keeping policy order as the source', () => {
        const model = parseRbacDocument(
            {
                policies: [
                    allow,
                    {
                        resources: [
                            ['cluster', '*', 'group', 'tx_*'],
                            ['cluster', '*', 'group', 'payments_*'],
                        ],
                        effect: 'Stage',
                        actions: ['GROUP_EDIT'],
                        roles: ['kafka-user', 'ops'],
                    },
                ],
            },
            'hash-rbac.yml'
        )
        expect(model.policies).toEqual([
            {
                roles: ['kafka-admins'],
                actions: ['TOPIC_INSPECT'],
                effect: 'Allow',
                resources: [['cluster', '*']],
                source: 'rbac:0',
            },
            {
                roles: ['kafka-user', 'ops'],
                actions: ['GROUP_EDIT'],
                effect: 'Stage',
                resources: [
                    ['cluster', '*', 'group', 'tx_*'],
                    ['cluster', '*', 'group', 'payments_*'],
                ],
                source: 'rbac:1',
            },
        ])
    })

    it("absent authorized_roles as undefined, absent admin_roles as none, absent tenants as Kpow's two defaults", () => {
        const model = parseRbacDocument({ policies: [allow] }, 'f.yml')
        expect(model.authorizedRoles).toBeUndefined()
        expect(model.adminRoles).toEqual([])
        expect(model.tenants).toEqual(DEFAULT_TENANTS)
        expect(model.tenants.map((tenant) => tenant.name)).toEqual(['Global', 'Kpow Hidden'])
    })

    it('a tenant include/exclude written as one path (Kpow multi-tenancy docs: exclude: [ "cluster", "*", "broker", "*" ])', () => {
        const model = parseRbacDocument(
            {
                tenants: [
                    {
                        name: 'No brokers',
                        resources: [{ include: ['*'] }, { exclude: ['cluster', '*', 'broker', '*'] }],
                        roles: ['ops'],
                        presentation_mode: 'HIDE_RESOURCES',
                    },
                ],
            },
            'f.yml'
        )
        expect(model.tenants).toEqual([
            {
                name: 'No brokers',
                description: '',
                resources: [{ include: [['*']] }, { exclude: [['cluster', '*', 'broker', '*']] }],
                roles: ['ops'],
                presentationMode: 'HIDE_RESOURCES',
            },
        ])
    })

    it('an empty file section: no policies at all is a valid (deny-everything) model', () => {
        expect(parseRbacDocument({ admin_roles: ['kafka-admins'] }, 'f.yml').policies).toEqual([])
    })
})

describe('RbacConfigError names the file, the policy index and the field', () => {
    it.each<[string, unknown, string]>([
        [
            'an unknown effect',
            { policies: [allow, allow, { ...allow, effect: 'Permit' }] },
            'hash-rbac.yml: policies[2].effect: must be one of Allow, Deny, Stage (got "Permit")',
        ],
        [
            'an unknown action names the action',
            { policies: [{ ...allow, actions: ['TOPIC_INSPECT', 'TOPIC_READ'] }] },
            'hash-rbac.yml: policies[0].actions[1]: unknown action "TOPIC_READ"; the closest known action is TOPIC_CREATE (must be one of ADMIN, TOPIC_DATA_QUERY',
        ],
        [
            'empty actions',
            { policies: [{ ...allow, actions: [] }] },
            'hash-rbac.yml: policies[0].actions: must not be empty',
        ],
        [
            'empty resources',
            { policies: [{ effect: 'Allow', actions: ['GROUP_EDIT'], role: 'r', resources: [] }] },
            'hash-rbac.yml: policies[0].resources: must not be empty',
        ],
        [
            'an empty resource path',
            { policies: [{ ...allow, resource: [] }] },
            'hash-rbac.yml: policies[0].resource: must not be empty',
        ],
        [
            'an empty string in a resource',
            { policies: [{ ...allow, resource: ['cluster', ''] }] },
            'hash-rbac.yml: policies[0].resource[1]: must be a non-empty string',
        ],
        [
            'a resource longer than four elements',
            { policies: [{ ...allow, resource: ['cluster', '*', 'topic', 't', 'x'] }] },
            'hash-rbac.yml: policies[0].resource: must be a resource [DOMAIN_TYPE, DOMAIN_ID?, OBJECT_TYPE?, OBJECT_ID?]',
        ],
        [
            'a misspelt domain type',
            { policies: [{ ...allow, resource: ['clusters', '*'] }] },
            'hash-rbac.yml: policies[0].resource: unknown domain type "clusters"; must be one of cluster, schema, connect, ksqldb or a wildcard',
        ],
        [
            'a misspelt object type',
            {
                policies: [
                    {
                        effect: 'Allow',
                        actions: ['TOPIC_INSPECT'],
                        role: 'r',
                        resources: [
                            ['cluster', '*'],
                            ['cluster', '*', 'topics', 'x'],
                        ],
                    },
                ],
            },
            'hash-rbac.yml: policies[0].resources[1]: unknown object type "topics"',
        ],
        [
            'both role and roles missing',
            { policies: [{ effect: 'Allow', actions: ['GROUP_EDIT'], resource: ['cluster', '*'] }] },
            'hash-rbac.yml: policies[0]: must have exactly one of "role" (one role) or "roles" (a list of roles)',
        ],
        [
            'both role and roles given',
            { policies: [{ ...allow, roles: ['b'] }] },
            'hash-rbac.yml: policies[0]: must have exactly one of "role" (one role) or "roles" (a list of roles)',
        ],
        [
            'both resource and resources missing',
            { policies: [{ effect: 'Allow', actions: ['GROUP_EDIT'], role: 'r' }] },
            'hash-rbac.yml: policies[0]: must have exactly one of "resource" (one resource) or "resources" (a list of resources)',
        ],
        [
            'effect missing',
            { policies: [{ actions: ['GROUP_EDIT'], role: 'r', resource: ['cluster', '*'] }] },
            'hash-rbac.yml: policies[0].effect: is required',
        ],
        [
            'an unknown key in a policy',
            { policies: [{ ...allow, rol: 'x' }] },
            'hash-rbac.yml: policies[0].rol: unknown key; allowed keys: role, roles, actions, effect, resource, resources',
        ],
        [
            'an unknown top-level key',
            { policies: [], admin_role: ['x'] },
            'hash-rbac.yml: admin_role: unknown key; allowed keys: admin_roles, authorized_roles, policies, tenants, saml',
        ],
        [
            'a role that is not a string',
            { policies: [{ ...allow, role: 5 }] },
            'hash-rbac.yml: policies[0].role: must be a string (got 5)',
        ],
        [
            'authorized_roles not a list',
            { authorized_roles: '*' },
            'hash-rbac.yml: authorized_roles: must be an array (got "*")',
        ],
        [
            'a list instead of a mapping',
            [allow],
            'hash-rbac.yml: must be a mapping with the keys admin_roles, authorized_roles, policies, tenants (got a list)',
        ],
        [
            'an empty document',
            null,
            'hash-rbac.yml: must be a mapping with the keys admin_roles, authorized_roles, policies, tenants (got an empty document)',
        ],
        [
            'a tenant without roles',
            { tenants: [{ name: 'T', resources: [{ include: ['*'] }] }] },
            'hash-rbac.yml: tenants[0].roles: is required',
        ],
        [
            'a tenant rule that is neither a path nor a list of paths',
            { tenants: [{ name: 'T', resources: [{ include: [['*'], 5] }], roles: ['*'] }] },
            'hash-rbac.yml: tenants[0].resources[0].include: must be a resource path or a list of resource paths',
        ],
        [
            'an unknown presentation mode',
            { tenants: [{ name: 'T', resources: [{ include: ['*'] }], roles: ['*'], presentation_mode: 'HIDDEN' }] },
            'hash-rbac.yml: tenants[0].presentation_mode: must be one of DEFAULT, HIDE_RESOURCES (got "HIDDEN")',
        ],
        [
            'duplicate tenant names',
            {
                tenants: [
                    { name: 'T', resources: [{ include: ['*'] }], roles: ['*'] },
                    { name: 'T', resources: [{ include: ['*'] }], roles: ['a'] },
                ],
            },
            'hash-rbac.yml: tenants[1].name: duplicate tenant name "T" (also tenants[0]); names must be unique',
        ],
    ])('%s', (_name, doc, expected) => {
        expect(refusal(doc)).toContain(expected)
    })

    it('lists every problem, one per line, each naming the file', () => {
        const message = refusal({
            policies: [
                { ...allow, effect: 'allow' },
                { ...allow, actions: ['NOPE'] },
            ],
        })
        const lines = message.split('\n')
        expect(lines).toHaveLength(2)
        expect(lines[0]).toMatch(/^hash-rbac\.yml: policies\[0\]\.effect: /)
        expect(lines[1]).toMatch(/^hash-rbac\.yml: policies\[1\]\.actions\[0\]: unknown action "NOPE"/)
    })

    it('carries the problems as data for callers that render them', () => {
        try {
            parseRbacDocument({ policies: [{ ...allow, effect: 'Nope' }] }, 'x.yml')
            expect.unreachable()
        } catch (error) {
            expect((error as RbacConfigError).fileName).toBe('x.yml')
            expect((error as RbacConfigError).problems).toEqual([
                { path: 'policies[0].effect', message: 'must be one of Allow, Deny, Stage (got "Nope")' },
            ])
        }
    })
})

describe('temporaryPolicyBodySchema (embedded by the HTTP layer under "policy")', () => {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true })
    // Embedded twice, as the HTTP layer does: the schema must carry no $id.
    const validate = ajv.compile({
        type: 'object',
        properties: { request: temporaryPolicyBodySchema, echo: temporaryPolicyBodySchema },
    })

    const guideBody = {
        role: 'kafka-users',
        actions: ['TOPIC_DATA_QUERY'],
        effect: 'Allow',
        resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
    }

    it("accepts the guide's request body", () => {
        expect(validate({ request: guideBody })).toBe(true)
    })

    it.each<[string, unknown, { path: string; message: string }]>([
        [
            'an unknown action',
            { ...guideBody, actions: ['TOPIC_QUERY'] },
            {
                path: 'request.actions[0]',
                message: expect.stringContaining('unknown action "TOPIC_QUERY"') as unknown as string,
            },
        ],
        ['no actions', { ...guideBody, actions: [] }, { path: 'request.actions', message: 'must not be empty' }],
        [
            'an unknown effect',
            { ...guideBody, effect: 'allow' },
            { path: 'request.effect', message: 'must be one of Allow, Deny, Stage (got "allow")' },
        ],
        [
            'an extra field',
            { ...guideBody, expires: 5 },
            { path: 'request.expires', message: expect.stringContaining('unknown key') as unknown as string },
        ],
        [
            'an empty resource',
            { ...guideBody, resource: [] },
            { path: 'request.resource', message: 'must not be empty' },
        ],
        [
            'an empty resource element',
            { ...guideBody, resource: ['cluster', ''] },
            { path: 'request.resource[1]', message: 'must be a non-empty string' },
        ],
        [
            'no role',
            { actions: ['TOPIC_DATA_QUERY'], effect: 'Allow', resource: ['cluster', '*'] },
            { path: 'request', message: 'must have exactly one of "role" (one role) or "roles" (a list of roles)' },
        ],
    ])('refuses %s, field by field', (_name, body, problem) => {
        expect(validate({ request: body })).toBe(false)
        expect(formatSchemaErrors(validate.errors ?? [])).toContainEqual(problem)
    })
})

describe('action names as Kpow has them today, and the older ones its files still use', () => {
    it('a file naming every current action and every older name loads, each policy keeping its names', () => {
        const current = ['TOPIC_ELECT_LEADER', 'TOPIC_ALTER_REASSIGNMENTS', 'BROKER_UNREGISTER', 'PRODUCER_EDIT']
        const older = ['TOPIC_INSPECT', 'SCHEMA_EDIT', 'CONNECT_EDIT', 'KPOW_ADMIN', 'TOPIC_ALTER_REPLICAS']
        const model = parseRbacDocument(
            {
                policies: [
                    { role: 'ops', effect: 'Allow', resource: ['cluster', '*'], actions: [...current, 'QUOTA_EDIT'] },
                    { role: 'ops', effect: 'Allow', resource: ['*'], actions: ['ADMIN', 'GROUP_DELETE'] },
                    { role: 'legacy', effect: 'Allow', resource: ['*'], actions: older },
                ],
            },
            'current.yml'
        )
        expect(model.policies.map((policy) => policy.actions)).toEqual([
            [...current, 'QUOTA_EDIT'],
            ['ADMIN', 'GROUP_DELETE'],
            older,
        ])
    })

    it('a truly unknown name names the file, the policy and the closest known action', () => {
        expect(() =>
            parseRbacDocument(
                { policies: [allow, { ...allow, actions: ['TOPIC_ELECT_LEADERS'] }] },
                '/etc/kpow/rbac/team.yml'
            )
        ).toThrow(
            /^\/etc\/kpow\/rbac\/team\.yml: policies\[1\]\.actions\[0\]: unknown action "TOPIC_ELECT_LEADERS"; the closest known action is TOPIC_ELECT_LEADER \(/
        )
    })
})
