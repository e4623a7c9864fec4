// Malformed and hostile requests over real HTTP, on both listeners: each is a client's mistake, so
// each gets a 4xx naming the problem (never a 500, never a stack trace in the body or the log), and
// a refused request changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { GUIDE_CLUSTER, guideCreateBody, startTestKpow, type TestKpow } from './start-test-kpow'
import { csrfTokenIn, logInUi, openLoginForm, request, uiUrlOf, type UiResponse } from './ui/ui-client'

const COLLECTION = '/admin/v1/temporary-policies'
const DEEP = 6_000
const deeplyNested = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`
const messagesOf = (topic: string) => `/mock/v1/clusters/${GUIDE_CLUSTER}/topics/${topic}/messages`

let kpow: TestKpow
let logged: MockInstance<typeof console.error>
beforeEach(async () => {
    kpow = await startTestKpow()
    logged = vi.spyOn(console, 'error')
})
afterEach(async () => {
    logged.mockRestore()
    await kpow.close()
})

/** No stack trace reached the client or the log. */
function expectNoStackTrace(response: { text: string }): void {
    expect(response.text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|node_modules|URIError|SyntaxError|RangeError/)
    expect(logged).not.toHaveBeenCalled()
}

async function storedPolicyCount(): Promise<number> {
    return kpow.service.temporaryPolicies.listTemporaryPolicies().length
}

/** A raw POST to the API, for bodies that fetch's string encoding would repair. */
async function postBytes(path: string, body: Uint8Array, contentType: string): Promise<UiResponse> {
    const response = await fetch(`${kpow.apiUrl}${path}`, {
        method: 'POST',
        headers: {
            authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64'),
            'content-type': contentType,
        },
        body,
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as unknown }
}

describe('malformed percent-escapes', () => {
    it('answers a garbled session cookie with a fresh login page', async () => {
        const base = uiUrlOf(kpow)
        const page = await request(`${base}/data/inspect`, 'GET', { headers: { cookie: 'kpow_session=%' } })
        expect(page.status).toBe(303)
        expect(page.headers.get('location')).toBe('/login?next=%2Fdata%2Finspect')
        const login = await request(`${base}/login`, 'GET', { headers: { cookie: 'kpow_session=%; other=%zz' } })
        expect(login.status).toBe(200)
        expect(login.text).toContain('Log in to Kpow')
        const json = await request(`${base}/mock/v1/session`, 'GET', { headers: { cookie: 'kpow_session=%' } })
        expect(json.status).toBe(401)
        expectNoStackTrace(page)
        expectNoStackTrace(json)
    })

    it("answers a path parameter that does not decode with 400 in the API's error shape", async () => {
        const id = (
            (await kpow.call('POST', COLLECTION, { json: guideCreateBody() })).json as {
                temporary_policy: { id: string }
            }
        ).temporary_policy.id
        for (const method of ['GET', 'DELETE']) {
            const response = await kpow.call(method, `${COLLECTION}/%`)
            expect(response.status, method).toBe(400)
            expect(response.json).toMatchObject({
                error: 'invalid_request',
                message: 'The path has a malformed percent-escape.',
            })
            expectNoStackTrace(response)
        }
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const topics = await admin.call('GET', '/mock/v1/clusters/%E0%A4%A/topics')
        expect(topics.status).toBe(400)
        expect(topics.json).toMatchObject({ error: 'invalid_request' })
        const page = await admin.call('GET', '/settings/temporary-policies')
        const form = await admin.call('POST', '/settings/temporary-policies/%/delete', {
            form: { _csrf: csrfTokenIn(page.text) },
        })
        expect(form.status).toBe(400)
        expect(form.text).toContain('The path has a malformed percent-escape.')
        expectNoStackTrace(topics)
        expectNoStackTrace(form)
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies().map((policy) => policy.id)).toEqual([id])
    })
})

describe('deeply nested JSON', () => {
    it('is refused with 400 naming the limit, before validation, on every JSON endpoint', async () => {
        const apiCalls = [
            [COLLECTION, deeplyNested],
            [COLLECTION, `{"duration_ms": 1000, "policy": ${deeplyNested}}`],
            ['/mock/v1/decide', `{"action": "TOPIC_DATA_QUERY", "roles": ${deeplyNested}}`],
            ['/mock/v1/clock', deeplyNested],
        ] as const
        for (const [path, body] of apiCalls) {
            const response = await kpow.call('POST', path, { body, headers: { 'content-type': 'application/json' } })
            expect(response.status, path).toBe(400)
            expect((response.json as { message: string }).message).toBe('The body nests deeper than 32 levels.')
            expectNoStackTrace(response)
        }
        const base = uiUrlOf(kpow)
        const login = await request(`${base}/mock/v1/session`, 'POST', {
            body: `{"username": "admin", "password": "admin", "x": ${deeplyNested}}`,
            headers: { 'content-type': 'application/json' },
        })
        expect(login.status).toBe(400)
        expect(login.headers.get('set-cookie')).toBeNull()
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const produced = await admin.call('POST', messagesOf('customer_events'), {
            body: `{"key": "deep", "value": "x", "headers": ${deeplyNested}}`,
            headers: { 'content-type': 'application/json' },
        })
        expect(produced.status).toBe(400)
        expect((produced.json as { message: string }).message).toContain('32 levels')
        expectNoStackTrace(login)
        expectNoStackTrace(produced)
        expect(await storedPolicyCount()).toBe(0)
        const found = await admin.call('GET', `${messagesOf('customer_events')}?key=deep`)
        expect((found.json as { messages: unknown[] }).messages).toEqual([])
    })

    it('still accepts the nesting Kpow bodies use, and brackets inside strings', async () => {
        const created = await kpow.call('POST', COLLECTION, { json: guideCreateBody() })
        expect(created.status).toBe(200)
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const brackets = `"[{\\"${'['.repeat(100)}`
        const produced = await admin.call('POST', messagesOf('customer_events'), {
            json: { key: 'brackets', value: brackets },
        })
        expect(produced.status, produced.text).toBe(200)
        expect(produced.json).toMatchObject({ message: { value: brackets } })
    })
})

describe('bodies that are not UTF-8, or not what Kpow accepts', () => {
    it('refuses invalid UTF-8 with 400 and stores nothing', async () => {
        const good = Buffer.from(JSON.stringify(guideCreateBody()))
        const topic = good.indexOf('__oprtr_audit_log')
        const bad = Buffer.concat([good.subarray(0, topic), Buffer.from([0xff, 0xfe]), good.subarray(topic)])
        const response = await postBytes(COLLECTION, bad, 'application/json')
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ error: 'invalid_request', message: 'The body is not valid UTF-8.' })
        expect(await storedPolicyCount()).toBe(0)

        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const page = await admin.call('GET', `/data/produce?cluster=${GUIDE_CLUSTER}&topic=customer_events`)
        const form = `_csrf=${csrfTokenIn(page.text)}&cluster=${GUIDE_CLUSTER}&topic=customer_events&key=bad&value=%FF%FE`
        const produced = await admin.call('POST', '/data/produce', {
            body: form,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
        expect(produced.status).toBe(400)
        expect(produced.text).toContain('The form has a malformed percent-escape.')
        const found = await admin.call('GET', `${messagesOf('customer_events')}?key=bad`)
        expect((found.json as { messages: unknown[] }).messages).toEqual([])
        expectNoStackTrace(produced)
    })

    it('refuses a charset other than UTF-8 with 415 naming it, and stores nothing', async () => {
        const utf16 = Buffer.from(JSON.stringify(guideCreateBody()), 'utf16le')
        const response = await postBytes(COLLECTION, utf16, 'application/json; charset=utf-16le')
        expect(response.status).toBe(415)
        expect((response.json as { message: string }).message).toContain('charset=utf-16le')
        const latin1 = await kpow.call('POST', COLLECTION, {
            json: guideCreateBody(),
            headers: { 'content-type': 'application/json; charset=ISO-8859-1' },
        })
        expect(latin1.status).toBe(415)
        expect(await storedPolicyCount()).toBe(0)
        const declaredUtf8 = await kpow.call('POST', COLLECTION, {
            json: guideCreateBody(),
            headers: { 'content-type': 'application/json; charset=UTF-8' },
        })
        expect(declaredUtf8.status).toBe(200)
    })

    it('refuses a resource type the RBAC loader would refuse, naming the field, and stores nothing', async () => {
        const body = guideCreateBody() as { policy: { resource: string[] } }
        body.policy.resource = ['cluster', GUIDE_CLUSTER, 'topics', 'tx_trade1']
        const response = await kpow.call('POST', COLLECTION, { json: body })
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({
            error: 'invalid_request',
            fields: [{ path: 'policy.resource', message: expect.stringContaining('unknown object type "topics"') }],
        })
        const domainTypo = guideCreateBody() as { policy: { resource: string[] } }
        domainTypo.policy.resource = ['clusters', GUIDE_CLUSTER]
        expect((await kpow.call('POST', COLLECTION, { json: domainTypo })).status).toBe(400)

        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const page = await admin.call('GET', '/settings/temporary-policies')
        const form = await admin.call('POST', '/settings/temporary-policies', {
            form: {
                _csrf: csrfTokenIn(page.text),
                role: 'kafka-users',
                actions: 'TOPIC_DATA_QUERY',
                effect: 'Allow',
                resource: `cluster, ${GUIDE_CLUSTER}, topics, tx_trade1`,
                duration_ms: '60000',
            },
        })
        expect(form.status).toBe(400)
        expect(form.text).toContain('unknown object type &quot;topics&quot;')
        expect(await storedPolicyCount()).toBe(0)
    })
})

describe('CSRF', () => {
    async function stageOne(): Promise<string> {
        const policy = guideCreateBody('payments_eu', 600_000) as { policy: Record<string, unknown> }
        policy.policy.actions = ['TOPIC_PRODUCE']
        policy.policy.effect = 'Stage'
        expect((await kpow.call('POST', COLLECTION, { json: policy })).status).toBe(200)
        const user = await logInUi(kpow, 'user', 'password', 'Global')
        const staged = await user.call('POST', messagesOf('payments_eu'), { json: { key: 'K', value: 'v' } })
        expect(staged.status).toBe(202)
        return (staged.json as { staged_mutation: { id: string } }).staged_mutation.id
    }

    it('refuses a staged-mutation decision posted as a form without the token, and changes nothing', async () => {
        const id = await stageOne()
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        for (const decision of ['approve', 'reject']) {
            // What a form on another site could send with the admin's cookie.
            const json = await admin.call('POST', `/mock/v1/staged-mutations/${id}/${decision}`, { form: {} })
            expect(json.status, decision).toBe(415)
            const page = await admin.call('POST', `/settings/staged-mutations/${id}/${decision}`, { form: {} })
            expect(page.status, decision).toBe(403)
            expect(page.text).toContain('The form is stale or came from another site')
            const wrong = await admin.call('POST', `/settings/staged-mutations/${id}/${decision}`, {
                form: { _csrf: 'x'.repeat(32) },
            })
            expect(wrong.status, decision).toBe(403)
        }
        const listed = await admin.call('GET', '/mock/v1/staged-mutations')
        expect(listed.json).toMatchObject({ staged_mutations: [{ id, status: 'pending' }] })
    })

    it('refuses a reset posted as a form with Basic credentials (what a cross-site form sends)', async () => {
        expect((await kpow.call('POST', COLLECTION, { json: guideCreateBody() })).status).toBe(200)
        const forged = await kpow.call('POST', '/mock/v1/reset', {
            body: '',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
        expect(forged.status).toBe(415)
        expect(await storedPolicyCount()).toBe(1)
    })

    it('refuses a login post without the login form token, with a fresh login page, and signs nobody in', async () => {
        const base = uiUrlOf(kpow)
        const auditBefore = kpow.service.audit.auditRecords().length
        const forged = await request(`${base}/login`, 'POST', { form: { username: 'admin', password: 'admin' } })
        expect(forged.status).toBe(403)
        expect(forged.text).toContain('This login form had expired or was sent from another site')
        expect(forged.headers.get('set-cookie') ?? '').not.toContain('kpow_session=')

        const loginForm = await openLoginForm(base)
        const stolenToken = await request(`${base}/login`, 'POST', {
            form: { username: 'admin', password: 'admin', _csrf: loginForm.csrf },
        })
        expect(stolenToken.status).toBe(403)
        const otherNonce = await openLoginForm(base)
        const mismatched = await request(`${base}/login`, 'POST', {
            form: { username: 'admin', password: 'admin', _csrf: loginForm.csrf },
            headers: { cookie: otherNonce.cookie },
        })
        expect(mismatched.status).toBe(403)
        expect(mismatched.headers.get('set-cookie') ?? '').not.toContain('kpow_session=')
        expect(kpow.service.audit.auditRecords()).toHaveLength(auditBefore)

        const genuine = await request(`${base}/login`, 'POST', {
            form: { username: 'admin', password: 'admin', _csrf: loginForm.csrf },
            headers: { cookie: loginForm.cookie },
        })
        expect(genuine.status).toBe(303)
        expect(genuine.headers.get('set-cookie')).toContain('kpow_session=')
    })
})
