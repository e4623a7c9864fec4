// The temporary-policies API over real HTTP on port 0: shapes, every status code, expiry on the
// mock clock, tenants, and that bad input stores nothing.
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
    clustersResponseSchema,
    errorResponseSchema,
    temporaryPolicyListResponseSchema,
    temporaryPolicyResponseSchema,
} from '../src/http/api-schemas'
import { AdjustableClock } from '../src/clock'
import { ADMIN, GUIDE_CLUSTER, USER, basic, guideCreateBody, startTestKpow, type TestKpow } from './start-test-kpow'

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const check = {
    one: ajv.compile(temporaryPolicyResponseSchema),
    list: ajv.compile(temporaryPolicyListResponseSchema),
    error: ajv.compile(errorResponseSchema),
    clusters: ajv.compile(clustersResponseSchema),
}

function expectShape(validate: ReturnType<typeof ajv.compile>, body: unknown): void {
    const ok = validate(body)
    expect(validate.errors ?? [], JSON.stringify(body)).toEqual([])
    expect(ok).toBe(true)
}

interface Created {
    temporary_policy: { id: string; created_ts: number; duration_ms: number; policy: unknown }
    metadata: { tenant_id: string; is_staged: boolean; response_id: string }
}

let kpow: TestKpow
beforeEach(async () => {
    kpow = await startTestKpow()
})
afterEach(async () => {
    await kpow.close()
})

async function listIds(): Promise<string[]> {
    const list = await kpow.call('GET', '/admin/v1/temporary-policies')
    expect(list.status).toBe(200)
    return (list.json as { temporary_policies: { id: string }[] }).temporary_policies.map((policy) => policy.id)
}

async function decide(user: string, topic: string, action = 'TOPIC_DATA_QUERY') {
    const response = await kpow.call('POST', '/mock/v1/decide', {
        json: { user, action, resource: ['cluster', GUIDE_CLUSTER, 'topic', topic] },
    })
    expect(response.status).toBe(200)
    return response.json as { effect: string; reason: string; policies: { source: string }[] }
}

describe('POST /admin/v1/temporary-policies', () => {
    it('creates the guide example: echoes the policy, UUID v4 id, created_ts on the clock, global tenant', async () => {
        const before = kpow.clock.now()
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })
        expect(response.status).toBe(200)
        expectShape(check.one, response.json)
        const created = response.json as Created
        expect(created.temporary_policy.id).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        )
        expect(created.temporary_policy.created_ts).toBeGreaterThanOrEqual(before)
        expect(created.temporary_policy.created_ts).toBeLessThanOrEqual(kpow.clock.now())
        expect(created.temporary_policy.duration_ms).toBe(3_600_000)
        expect(created.temporary_policy.policy).toEqual((guideCreateBody() as { policy: unknown }).policy)
        expect(created.metadata).toMatchObject({ is_staged: false, tenant_id: '__kpow_global' })
        expect(await listIds()).toEqual([created.temporary_policy.id])
    })

    it('grants access to that topic only, and only while it lives', async () => {
        expect(await decide('user', '__oprtr_audit_log')).toMatchObject({ effect: 'Deny', reason: 'Implicit Deny' })
        const created = (
            await kpow.call('POST', '/admin/v1/temporary-policies', {
                json: guideCreateBody('__oprtr_audit_log', 60_000),
            })
        ).json as Created
        const allowed = await decide('user', '__oprtr_audit_log')
        expect(allowed.effect).toBe('Allow')
        expect(allowed.policies.map((policy) => policy.source)).toEqual([`temporary:${created.temporary_policy.id}`])
        expect((await decide('user', 'tx_trade1')).effect).toBe('Deny')
        expect((await decide('user', '__oprtr_audit_log', 'TOPIC_DATA_DOWNLOAD')).effect).toBe('Deny')
    })

    it('echoes x-tenant-id as metadata.tenant_id and refuses an unknown tenant', async () => {
        const hidden = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: guideCreateBody('tx_trade1'),
            headers: { 'x-tenant-id': 'Kpow Hidden' },
        })
        expect(hidden.status).toBe(200)
        expect((hidden.json as Created).metadata.tenant_id).toBe('Kpow Hidden')
        // Kpow Hidden excludes __oprtr* topics: a policy granted there cannot reach them.
        const outside = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: guideCreateBody('__oprtr_audit_log'),
            headers: { 'x-tenant-id': 'Kpow Hidden' },
        })
        expect(outside.status).toBe(403)
        expect(outside.json).toMatchObject({ error: 'outside_tenant' })
        const unknown = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: guideCreateBody(),
            headers: { 'x-tenant-id': 'no-such-tenant' },
        })
        expect(unknown.status).toBe(400)
        expectShape(check.error, unknown.json)
        expect(JSON.stringify(unknown.json)).toContain('x-tenant-id')
        expect(await listIds()).toHaveLength(1)
    })

    it.each([
        ['no credentials', null],
        ['a wrong password', basic('admin', 'wrong')],
        ['an unknown user', basic('nobody', 'admin')],
        ['a malformed header', 'Basic !!!not-base64'],
        ['another scheme', 'Bearer abc'],
    ])('answers 401 with WWW-Authenticate for %s', async (_name, auth) => {
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', { auth, json: guideCreateBody() })
        expect(response.status).toBe(401)
        expect(response.headers.get('www-authenticate')).toBe('Basic realm="kpow_api"')
        expectShape(check.error, response.json)
        expect(await listIds()).toEqual([])
    })

    it('answers 403 to a user without an admin role, for every temporary-policy endpoint', async () => {
        const id = (
            (await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })).json as Created
        ).temporary_policy.id
        for (const [method, path] of [
            ['POST', '/admin/v1/temporary-policies'],
            ['GET', '/admin/v1/temporary-policies'],
            ['GET', `/admin/v1/temporary-policies/${id}`],
            ['DELETE', `/admin/v1/temporary-policies/${id}`],
        ] as const) {
            const response = await kpow.call(method, path, {
                auth: USER,
                json: method === 'POST' ? guideCreateBody() : undefined,
            })
            expect(response.status, `${method} ${path}`).toBe(403)
            expectShape(check.error, response.json)
        }
        expect(await listIds()).toEqual([id])
    })

    it('answers 403 with the reason when the admin would grant beyond their own permissions', async () => {
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: {
                duration_ms: 60_000,
                policy: {
                    role: 'kafka-users',
                    actions: ['CONNECT_CREATE'],
                    effect: 'Allow',
                    resource: ['connect', '*'],
                },
            },
        })
        expect(response.status).toBe(403)
        expectShape(check.error, response.json)
        expect((response.json as { message: string }).message).toContain('CONNECT_CREATE')
        const everything = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: {
                duration_ms: 60_000,
                policy: { role: 'kafka-users', actions: ['TOPIC_DATA_QUERY'], effect: 'Allow', resource: ['*'] },
            },
        })
        expect(everything.status).toBe(403)
        expect(await listIds()).toEqual([])
    })

    const badBodies: [string, unknown, string][] = [
        ['duration_ms missing', { policy: (guideCreateBody() as { policy: unknown }).policy }, 'duration_ms'],
        ['duration_ms a string', { ...(guideCreateBody() as object), duration_ms: '3600000' }, 'duration_ms'],
        ['duration_ms a fraction', { ...(guideCreateBody() as object), duration_ms: 1.5 }, 'duration_ms'],
        ['policy missing', { duration_ms: 1000 }, 'policy'],
        ['an unknown top-level field', { ...(guideCreateBody() as object), extra: true }, 'extra'],
        ['an unknown policy field', withPolicy({ comment: 'x' }), 'policy.comment'],
        ['an unknown effect', withPolicy({ effect: 'Permit' }), 'policy.effect'],
        ['an unknown action', withPolicy({ actions: ['TOPIC_DATA_READ'] }), 'policy.actions'],
        ['no actions', withPolicy({ actions: [] }), 'policy.actions'],
        ['an empty resource', withPolicy({ resource: [] }), 'policy.resource'],
        ['an empty resource element', withPolicy({ resource: ['cluster', ''] }), 'policy.resource'],
        ['a resource that is a string', withPolicy({ resource: 'cluster' }), 'policy.resource'],
        ['no role', withPolicy({ role: undefined }), 'policy'],
        ['actions not strings', withPolicy({ actions: [42] }), 'policy.actions'],
        ['a body that is an array', [guideCreateBody()], '(body)'],
        ['a body that is null', null, '(body)'],
    ]
    it.each(badBodies)('answers 400 naming the field for %s, and stores nothing', async (_name, body, field) => {
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', { json: body })
        expect(response.status).toBe(400)
        expectShape(check.error, response.json)
        const fields = (response.json as { fields: { path: string }[] }).fields
        expect(
            fields.some((entry) => entry.path.startsWith(field)),
            JSON.stringify(fields)
        ).toBe(true)
        expect(await listIds()).toEqual([])
    })

    it.each([
        ['zero', 0],
        ['negative', -5],
        ['above TEMPORARY_POLICY_MAX_MS', 3_600_001],
    ])('answers 400 for a duration that is %s', async (_name, duration) => {
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: guideCreateBody('t', duration),
        })
        expect(response.status).toBe(400)
        expectShape(check.error, response.json)
        expect((response.json as { fields: { path: string }[] }).fields[0]?.path).toBe('duration_ms')
        expect(await listIds()).toEqual([])
    })

    it('accepts exactly TEMPORARY_POLICY_MAX_MS, and any duration when it is -1', async () => {
        expect(
            (await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('t', 3_600_000) })).status
        ).toBe(200)
        const unlimited = await startTestKpow({}, { TEMPORARY_POLICY_MAX_MS: '-1' })
        try {
            expect(
                (
                    await unlimited.call('POST', '/admin/v1/temporary-policies', {
                        json: guideCreateBody('t', 86_400_000 * 365),
                    })
                ).status
            ).toBe(200)
        } finally {
            await unlimited.close()
        }
    })

    it.each([
        ['application/json; charset=utf-8', 200],
        ['Application/JSON', 200],
        ['application/jsonp', 415],
        ['text/json', 415],
        ['application/json-patch+json', 415],
    ])('treats Content-Type %s as %i', async (contentType, status) => {
        const response = await kpow.call('POST', '/admin/v1/temporary-policies', {
            body: JSON.stringify(guideCreateBody()),
            headers: { 'content-type': contentType },
        })
        expect(response.status).toBe(status)
        expect(await listIds()).toHaveLength(status === 200 ? 1 : 0)
    })

    it('answers 400 for malformed JSON, 415 for another content type, 413 for an oversized body', async () => {
        const malformed = await kpow.call('POST', '/admin/v1/temporary-policies', {
            body: '{"duration_ms": 1000, "policy": {',
            headers: { 'content-type': 'application/json' },
        })
        expect(malformed.status).toBe(400)
        expect(malformed.json).toMatchObject({ error: 'invalid_json' })
        const form = await kpow.call('POST', '/admin/v1/temporary-policies', {
            body: 'duration_ms=1000',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
        expect(form.status).toBe(415)
        expectShape(check.error, form.json)
        const none = await kpow.call('POST', '/admin/v1/temporary-policies', {
            body: JSON.stringify(guideCreateBody()),
        })
        expect(none.status).toBe(415)
        const huge = await kpow.call('POST', '/admin/v1/temporary-policies', {
            json: { ...(guideCreateBody() as object), padding: 'x'.repeat(70 * 1024) },
        })
        expect(huge.status).toBe(413)
        expectShape(check.error, huge.json)
        expect(await listIds()).toEqual([])
    })
})

describe('GET and DELETE /admin/v1/temporary-policies/{id}', () => {
    it('gets, deletes with no body, then answers 404', async () => {
        const id = (
            (await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })).json as Created
        ).temporary_policy.id
        const got = await kpow.call('GET', `/admin/v1/temporary-policies/${id}`)
        expect(got.status).toBe(200)
        expectShape(check.one, got.json)
        const deleted = await kpow.call('DELETE', `/admin/v1/temporary-policies/${id}`)
        expect(deleted.status).toBe(204)
        expect(deleted.text).toBe('')
        expect((await kpow.call('GET', `/admin/v1/temporary-policies/${id}`)).status).toBe(404)
        const again = await kpow.call('DELETE', `/admin/v1/temporary-policies/${id}`)
        expect(again.status).toBe(404)
        expectShape(check.error, again.json)
        expect((await decide('user', '__oprtr_audit_log')).effect).toBe('Deny')
    })

    it('answers 404 for an unknown id', async () => {
        expect(
            (await kpow.call('GET', '/admin/v1/temporary-policies/0de3f8b1-8e1b-42e1-a99f-132e3c580e3f')).status
        ).toBe(404)
        expect((await kpow.call('DELETE', '/admin/v1/temporary-policies/not-a-uuid')).status).toBe(404)
    })

    it('expires exactly at created_ts + duration_ms on the mock clock, with no sweep delay', async () => {
        // Freeze wall time so only the mock clock moves: exactness to the millisecond is the point.
        await kpow.close()
        const frozen = Date.now()
        kpow = await startTestKpow({}, {}, { clock: new AdjustableClock(() => frozen) })
        const created = (
            (
                await kpow.call('POST', '/admin/v1/temporary-policies', {
                    json: guideCreateBody('__oprtr_audit_log', 60_000),
                })
            ).json as Created
        ).temporary_policy
        const untilExpiry = created.created_ts + created.duration_ms - kpow.clock.now()
        await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: untilExpiry - 1 } })
        expect((await kpow.call('GET', `/admin/v1/temporary-policies/${created.id}`)).status).toBe(200)
        expect((await decide('user', '__oprtr_audit_log')).effect).toBe('Allow')
        await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: 1 } })
        expect((await decide('user', '__oprtr_audit_log')).effect).toBe('Deny')
        expect((await kpow.call('GET', `/admin/v1/temporary-policies/${created.id}`)).status).toBe(404)
        expect((await kpow.call('DELETE', `/admin/v1/temporary-policies/${created.id}`)).status).toBe(404)
        expect(await listIds()).toEqual([])
        const expiry = kpow.service.audit.auditRecords().find((record) => record.event === 'temporary-policy-expired')
        expect(expiry).toMatchObject({ ts: created.created_ts + created.duration_ms, user: 'system' })
    })

    it('answers 405 for a method the path does not support, and 404 JSON for an unknown path', async () => {
        expect((await kpow.call('PUT', '/admin/v1/temporary-policies', { json: {} })).status).toBe(405)
        const missing = await kpow.call('GET', '/admin/v1/nothing-here')
        expect(missing.status).toBe(404)
        expectShape(check.error, missing.json)
    })
})

describe('audit log', () => {
    it('records creation, deletion, refusals and denials with user, action, resource, decision and time', async () => {
        const id = (
            (await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })).json as Created
        ).temporary_policy.id
        await kpow.call('DELETE', `/admin/v1/temporary-policies/${id}`)
        await kpow.call('GET', '/admin/v1/temporary-policies', { auth: USER })
        const events = kpow.service.audit.auditRecords().map((record) => [record.event, record.user, record.decision])
        expect(events).toEqual([
            ['temporary-policy-created', 'admin', 'Allow'],
            ['temporary-policy-deleted', 'admin', 'Allow'],
            ['access-denied', 'user', 'Deny'],
        ])
        const created = kpow.service.audit.auditRecords()[0]
        expect(created?.resource).toEqual(['cluster', GUIDE_CLUSTER, 'topic', '__oprtr_audit_log'])
        expect(created?.detail).toContain(id)
    })
})

describe('GET /kafka/v1/clusters and the mock endpoints', () => {
    it('lists the default cluster', async () => {
        const response = await kpow.call('GET', '/kafka/v1/clusters', { auth: USER })
        expect(response.status).toBe(200)
        expectShape(check.clusters, response.json)
        expect((response.json as { clusters: unknown[] }).clusters).toEqual([
            { id: GUIDE_CLUSTER, label: 'Local Kafka Cluster' },
        ])
    })

    it('decides for roles as well as users, and refuses unknown users and actions with 400', async () => {
        const byRoles = await kpow.call('POST', '/mock/v1/decide', {
            json: {
                roles: ['kafka-admins'],
                action: 'TOPIC_DATA_QUERY',
                resource: ['cluster', GUIDE_CLUSTER, 'topic', 'x'],
            },
        })
        expect(byRoles.json).toMatchObject({ effect: 'Allow', reason: 'Allowed' })
        const unknownUser = await kpow.call('POST', '/mock/v1/decide', {
            json: { user: 'ghost', action: 'TOPIC_DATA_QUERY', resource: ['cluster', GUIDE_CLUSTER] },
        })
        expect(unknownUser.status).toBe(400)
        const unknownAction = await kpow.call('POST', '/mock/v1/decide', {
            json: { user: 'user', action: 'READ', resource: ['cluster', GUIDE_CLUSTER] },
        })
        expect(unknownAction.status).toBe(400)
        expect(JSON.stringify(unknownAction.json)).toContain('action')
        const both = await kpow.call('POST', '/mock/v1/decide', {
            json: { user: 'user', roles: [], action: 'TOPIC_DATA_QUERY', resource: ['cluster', GUIDE_CLUSTER] },
        })
        expect(both.status).toBe(400)
        expect((await kpow.call('POST', '/mock/v1/decide', { auth: USER, json: {} })).status).toBe(403)
    })

    it('resets temporary policies and the clock', async () => {
        await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })
        await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: 10_000 } })
        const reset = await kpow.call('POST', '/mock/v1/reset', { auth: ADMIN, json: {} })
        expect(reset.status).toBe(204)
        expect(await listIds()).toEqual([])
        expect(Math.abs(kpow.clock.now() - Date.now())).toBeLessThan(5_000)
        expect((await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: -1 } })).status).toBe(400)
    })
})

function withPolicy(changes: Record<string, unknown>): unknown {
    const body = guideCreateBody() as { duration_ms: number; policy: Record<string, unknown> }
    const policy = { ...body.policy, ...changes }
    for (const key of Object.keys(changes)) if (changes[key] === undefined) delete policy[key]
    return { ...body, policy }
}
