// The mock's own JSON data endpoints on the UI port, over real HTTP: login and sessions, tenant
// filtering (includes, inferred topics, Kpow Hidden), RBAC on query, download and produce, staged
// mutations and their approval, the audit-log topic, the mock clock and reset.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, GUIDE_CLUSTER, guideCreateBody, startTestKpow, type TestKpow } from './start-test-kpow'
import { UI_FIXTURES, logInUi, request, uiUrlOf, type UiClient } from './ui/ui-client'

const TENANT_FLAGS = {
    rbac: join(UI_FIXTURES, 'tenants-rbac.yml'),
    realm: join(UI_FIXTURES, 'tenants-realm.properties'),
    clusters: join(UI_FIXTURES, 'two-clusters.yml'),
}
const messagesOf = (topic: string, cluster = GUIDE_CLUSTER) => `/mock/v1/clusters/${cluster}/topics/${topic}/messages`

interface MessageBody {
    messages: { partition: number; offset: number; timestamp: number; key: string | null; value: string | null }[]
}

let kpow: TestKpow | undefined
afterEach(async () => {
    await kpow?.close()
    kpow = undefined
})

async function start(flags = {}): Promise<TestKpow> {
    kpow = await startTestKpow(flags)
    return kpow
}

async function grant(
    running: TestKpow,
    actions: string[],
    topic: string,
    effect = 'Allow',
    role = 'kafka-users',
    durationMs = 600_000
): Promise<string> {
    const body = guideCreateBody(topic, durationMs) as { duration_ms: number; policy: Record<string, unknown> }
    const response = await running.call('POST', '/admin/v1/temporary-policies', {
        json: { ...body, policy: { ...body.policy, role, actions, effect } },
    })
    expect(response.status, response.text).toBe(200)
    return (response.json as { temporary_policy: { id: string } }).temporary_policy.id
}

describe('sessions on the UI port', () => {
    it('refuses every data endpoint without a session, and a wrong password, with 401 JSON', async () => {
        const running = await start()
        const base = uiUrlOf(running)
        for (const [method, path] of [
            ['GET', '/mock/v1/clusters'],
            ['GET', `/mock/v1/clusters/${GUIDE_CLUSTER}/topics`],
            ['GET', messagesOf('tx_trade1')],
            ['GET', `${messagesOf('tx_trade1')}/download`],
            ['POST', messagesOf('tx_trade1')],
            ['GET', '/mock/v1/staged-mutations'],
            ['GET', '/mock/v1/audit-log'],
        ] as const) {
            const response = await request(`${base}${path}`, method, method === 'POST' ? { json: { value: 'x' } } : {})
            expect(response.status, `${method} ${path}`).toBe(401)
            expect(response.json).toMatchObject({ error: 'unauthorized' })
            expect(response.headers.get('www-authenticate')).toBeNull()
        }
        const wrong = await request(`${base}/mock/v1/session`, 'POST', { json: { username: 'user', password: 'nope' } })
        expect(wrong.status).toBe(401)
    })

    it('sets an HttpOnly, SameSite=Lax session cookie with an expiry, and forgets it on logout', async () => {
        const running = await start()
        const response = await request(`${uiUrlOf(running)}/mock/v1/session`, 'POST', {
            json: { username: 'user', password: 'password' },
        })
        expect(response.status).toBe(200)
        const cookie = response.headers.get('set-cookie') ?? ''
        expect(cookie).toMatch(/^kpow_session=[A-Za-z0-9_-]{43};/)
        expect(cookie).toContain('HttpOnly')
        expect(cookie).toContain('SameSite=Lax')
        expect(cookie).toMatch(/Expires=\w{3}, /)
        expect(response.json).toEqual({
            user: 'user',
            roles: ['kafka-users', 'user-user'],
            is_admin: false,
            tenant: null,
            tenants: ['Global', 'Kpow Hidden'],
        })
        const sessionCookie = cookie.split(';')[0] ?? ''
        await request(`${uiUrlOf(running)}/mock/v1/session`, 'DELETE', { headers: { cookie: sessionCookie } })
        const after = await request(`${uiUrlOf(running)}/mock/v1/session`, 'GET', {
            headers: { cookie: sessionCookie },
        })
        expect(after.status).toBe(401)
    })

    it('refuses a user holding no authorized role with 403 and audits it', async () => {
        const running = await start(TENANT_FLAGS)
        const response = await request(`${uiUrlOf(running)}/mock/v1/session`, 'POST', {
            json: { username: 'guest', password: 'guest' },
        })
        expect(response.status).toBe(403)
        expect((response.json as { message: string }).message).toContain('holds no authorized role')
        expect(running.service.audit.auditRecords({ user: 'guest' }).map((record) => record.event)).toEqual([
            'login-refused',
        ])
    })

    it('asks users with several tenants to choose one, and refuses a tenant they are not in', async () => {
        const running = await start(TENANT_FLAGS)
        const user = await logInUi(running, 'user', 'password')
        const unchosen = await user.call('GET', '/mock/v1/clusters')
        expect(unchosen.status).toBe(400)
        expect(unchosen.json).toMatchObject({
            error: 'unknown_tenant',
            fields: [{ path: 'header x-tenant-id', message: 'must be one of: Trading, Payments' }],
        })
        const foreign = await user.call('GET', '/mock/v1/clusters', { headers: { 'x-tenant-id': 'Everything' } })
        expect(foreign.status).toBe(400)
        const pay = await logInUi(running, 'pay', 'pay')
        expect((await pay.call('GET', '/mock/v1/session')).json).toMatchObject({
            tenant: 'Payments',
            tenants: ['Payments'],
        })
    })
})

describe('tenant filtering', () => {
    it('shows each tenant only its clusters and topics (includes, inference from groups, excludes)', async () => {
        const running = await start(TENANT_FLAGS)
        const topicsOf = async (client: UiClient, tenant: string, cluster: string) => {
            const response = await client.call('GET', `/mock/v1/clusters/${cluster}/topics`, {
                headers: { 'x-tenant-id': tenant },
            })
            return response.status === 200
                ? (response.json as { topics: { name: string }[] }).topics.map((topic) => topic.name)
                : response.status
        }
        const clustersOf = async (client: UiClient, tenant: string) =>
            (
                (await client.call('GET', '/mock/v1/clusters', { headers: { 'x-tenant-id': tenant } })).json as {
                    clusters: { id: string }[]
                }
            ).clusters.map((cluster) => cluster.id)

        const admin = await logInUi(running, 'admin', 'admin')
        expect(await clustersOf(admin, 'Everything')).toEqual([GUIDE_CLUSTER, 'second-cluster-id'])
        expect(await topicsOf(admin, 'Everything', GUIDE_CLUSTER)).toEqual([
            '__oprtr_audit_log',
            'customer_events',
            'payments_eu',
            'tx_trade1',
        ])

        const user = await logInUi(running, 'user', 'password')
        expect(await clustersOf(user, 'Trading')).toEqual([GUIDE_CLUSTER, 'second-cluster-id'])
        expect(await topicsOf(user, 'Trading', GUIDE_CLUSTER)).toEqual(['tx_trade1'])
        expect(await topicsOf(user, 'Trading', 'second-cluster-id')).toEqual(['tx_archive'])
        // Payments includes only a consumer group: the topic it reads is inferred. Its pattern names
        // every cluster ("*"), so both clusters are visible, the second one empty.
        expect(await clustersOf(user, 'Payments')).toEqual([GUIDE_CLUSTER, 'second-cluster-id'])
        expect(await topicsOf(user, 'Payments', GUIDE_CLUSTER)).toEqual(['payments_eu'])
        expect(await topicsOf(user, 'Payments', 'second-cluster-id')).toEqual([])
        expect(await topicsOf(user, 'Trading', 'no-such-cluster')).toBe(404)
    })

    it("hides Kpow's internal topics in the default Kpow Hidden tenant", async () => {
        const running = await start()
        const user = await logInUi(running, 'user', 'password')
        const names = async (tenant: string) =>
            (
                (
                    await user.call('GET', `/mock/v1/clusters/${GUIDE_CLUSTER}/topics`, {
                        headers: { 'x-tenant-id': tenant },
                    })
                ).json as { topics: { name: string }[] }
            ).topics.map((topic) => topic.name)
        expect(await names('Global')).toContain('__oprtr_audit_log')
        expect(await names('Kpow Hidden')).toEqual(['customer_events', 'payments_eu', 'tx_trade1'])
    })

    it('answers 404, not 403, for a topic outside the tenant on every endpoint, even when RBAC would allow it', async () => {
        const running = await start(TENANT_FLAGS)
        await grant(running, ['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD', 'TOPIC_PRODUCE'], 'customer_events')
        const user = await logInUi(running, 'user', 'password', 'Trading')
        for (const [method, path] of [
            ['GET', messagesOf('customer_events')],
            ['GET', `${messagesOf('customer_events')}/download`],
            ['POST', messagesOf('customer_events')],
            ['GET', messagesOf('tx_archive', 'no-such-cluster')],
        ] as const) {
            const response = await user.call(method, path, method === 'POST' ? { json: { value: 'x' } } : {})
            expect(response.status, `${method} ${path}`).toBe(404)
            expect((response.json as { message: string }).message).toContain('tenant "Trading"')
        }
        const inTenant = await user.call('GET', messagesOf('tx_archive', 'second-cluster-id'))
        expect(inTenant.status).toBe(403)
        expect(
            running.service.audit.auditRecords({ user: 'user' }).filter((record) => record.event === 'mutation-applied')
        ).toEqual([])
    })
})

describe('TOPIC_DATA_QUERY on messages', () => {
    it('denies implicitly, allows the granted topic only, and denies again after delete and after expiry', async () => {
        const running = await start()
        const user = await logInUi(running, 'user', 'password', 'Global')
        const before = await user.call('GET', messagesOf('__oprtr_audit_log'))
        expect(before.status).toBe(403)
        expect(before.json).toEqual({
            error: 'forbidden',
            message: 'Permission Denied. Action: TOPIC_DATA_QUERY / Access Control: Implicit Deny',
            action: 'TOPIC_DATA_QUERY',
            access_control: 'Implicit Deny',
        })

        const id = await grant(running, ['TOPIC_DATA_QUERY'], '__oprtr_audit_log')
        const during = await user.call('GET', messagesOf('__oprtr_audit_log'))
        expect(during.status).toBe(200)
        expect((during.json as MessageBody).messages.length).toBeGreaterThan(0)
        expect((await user.call('GET', messagesOf('tx_trade1'))).status).toBe(403)

        expect((await running.call('DELETE', `/admin/v1/temporary-policies/${id}`)).status).toBe(204)
        expect((await user.call('GET', messagesOf('__oprtr_audit_log'))).status).toBe(403)

        await grant(running, ['TOPIC_DATA_QUERY'], 'tx_trade1', 'Allow', 'kafka-users', 60_000)
        expect((await user.call('GET', messagesOf('tx_trade1'))).status).toBe(200)
        await running.call('POST', '/mock/v1/clock', { json: { advance_ms: 60_000 } })
        expect((await user.call('GET', messagesOf('tx_trade1'))).status).toBe(403)
    })

    it('names the deciding policy on an explicit deny, even against a temporary Allow', async () => {
        const running = await start(TENANT_FLAGS)
        const id = await grant(running, ['TOPIC_DATA_QUERY'], 'payments_eu')
        const user = await logInUi(running, 'user', 'password', 'Payments')
        const response = await user.call('GET', messagesOf('payments_eu'))
        expect(response.status).toBe(403)
        expect(response.json).toMatchObject({ access_control: 'Explicit Deny (RBAC policy #2)' })
        expect(id).toBeTruthy()
        const pay = await logInUi(running, 'pay', 'pay')
        expect((await pay.call('GET', messagesOf('payments_eu'))).status).toBe(200)
    })

    it('queries the latest N across partitions, from a partition and offset, and filters key and value', async () => {
        const running = await start(TENANT_FLAGS)
        const admin = await logInUi(running, 'admin', 'admin', 'Everything')
        const keys = async (query: string) => {
            const response = await admin.call('GET', `${messagesOf('tx_trade1')}?${query}`)
            expect(response.status, response.text).toBe(200)
            return (response.json as MessageBody).messages.map(
                (message) => `${message.key}@${message.partition}/${message.offset}`
            )
        }
        expect(await keys('count=2')).toEqual(['TRD-4@0/2', 'TRD-3@0/1'])
        expect(await keys('mode=offset&partition=0&offset=1&count=5')).toEqual(['TRD-3@0/1', 'TRD-4@0/2'])
        expect(await keys('mode=offset&partition=1')).toEqual(['TRD-2@1/0'])
        expect(await keys('value=aapl')).toEqual(['TRD-3@0/1', 'TRD-1@0/0'])
        expect(await keys('key=TRD-2')).toEqual(['TRD-2@1/0'])
        const first = await admin.call('GET', `${messagesOf('tx_trade1')}?mode=offset&partition=0&count=1`)
        expect((first.json as MessageBody).messages[0]).toEqual({
            partition: 0,
            offset: 0,
            timestamp: Date.parse('2026-11-20T08:00:00Z'),
            key: 'TRD-1',
            value: '{"tradeId":"TRD-1","symbol":"AAPL","quantity":100}',
            headers: {},
        })
    })

    it('refuses bad query parameters with 400 naming each field', async () => {
        const running = await start()
        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        const response = await admin.call('GET', `${messagesOf('tx_trade1')}?count=0&mode=offset&offset=-1`)
        expect(response.status).toBe(400)
        const paths = (response.json as { fields: { path: string }[] }).fields.map((field) => field.path)
        expect(paths).toEqual(['count', 'offset', 'partition'])
        expect((await admin.call('GET', `${messagesOf('tx_trade1')}?mode=oldest`)).status).toBe(400)
    })

    it("reads the mock's own audit records from __oprtr_audit_log, newest first", async () => {
        const running = await start()
        const id = await grant(running, ['TOPIC_DATA_QUERY'], '__oprtr_audit_log')
        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        const response = await admin.call('GET', `${messagesOf('__oprtr_audit_log')}?value=temporary-policy-created`)
        const [latest] = (response.json as MessageBody).messages
        expect(latest?.key).toBe('admin')
        expect(JSON.parse(latest?.value ?? '{}')).toMatchObject({
            event: 'temporary-policy-created',
            detail: expect.stringContaining(`id=${id}`),
        })
    })
})

describe('TOPIC_DATA_DOWNLOAD', () => {
    it('needs the download action, not just query', async () => {
        const running = await start()
        const user = await logInUi(running, 'user', 'password', 'Global')
        await grant(running, ['TOPIC_DATA_QUERY'], 'tx_trade1')
        const refused = await user.call('GET', `${messagesOf('tx_trade1')}/download`)
        expect(refused.status).toBe(403)
        expect(refused.json).toMatchObject({ action: 'TOPIC_DATA_DOWNLOAD', access_control: 'Implicit Deny' })
        await grant(running, ['TOPIC_DATA_DOWNLOAD'], 'tx_trade1')
        const allowed = await user.call('GET', `${messagesOf('tx_trade1')}/download?count=3`)
        expect(allowed.status).toBe(200)
        expect(allowed.headers.get('content-disposition')).toMatch(/^attachment; filename="?tx_trade1\.json"?$/)
        expect((allowed.json as MessageBody).messages).toHaveLength(3)
    })
})

describe('TOPIC_PRODUCE and staged mutations', () => {
    it('refuses under Deny, applies under Allow, stages under Stage', async () => {
        const running = await start()
        const user = await logInUi(running, 'user', 'password', 'Global')
        const produce = () =>
            user.call('POST', messagesOf('tx_trade1'), { json: { key: 'TRD-9', value: '{"tradeId":"TRD-9"}' } })

        const denied = await produce()
        expect(denied.status).toBe(403)
        expect(denied.json).toMatchObject({ action: 'TOPIC_PRODUCE', access_control: 'Implicit Deny' })

        const allowId = await grant(running, ['TOPIC_PRODUCE', 'TOPIC_DATA_QUERY'], 'tx_trade1')
        const applied = await produce()
        expect(applied.status).toBe(200)
        expect(applied.json).toMatchObject({
            outcome: 'applied',
            message: { key: 'TRD-9', value: '{"tradeId":"TRD-9"}' },
        })
        const found = await user.call('GET', `${messagesOf('tx_trade1')}?key=TRD-9`)
        expect((found.json as MessageBody).messages).toHaveLength(1)
        await running.call('DELETE', `/admin/v1/temporary-policies/${allowId}`)

        await grant(running, ['TOPIC_PRODUCE'], 'tx_trade1', 'Stage')
        const staged = await produce()
        expect(staged.status).toBe(202)
        expect(staged.json).toMatchObject({
            outcome: 'staged',
            staged_mutation: { status: 'pending', user: 'user', topic: 'tx_trade1' },
        })
        expect(
            running.service.audit.auditRecords({ user: 'user', action: 'TOPIC_PRODUCE' }).map((record) => record.event)
        ).toEqual(['access-denied', 'mutation-applied', 'mutation-staged'])
    })

    it('lets only admins list and decide; approval applies the message once', async () => {
        const running = await start()
        await grant(running, ['TOPIC_PRODUCE'], 'payments_eu', 'Stage')
        const user = await logInUi(running, 'user', 'password', 'Global')
        const staged = await user.call('POST', messagesOf('payments_eu'), {
            json: { key: 'K-1', value: 'hello', partition: '1' },
        })
        const id = (staged.json as { staged_mutation: { id: string } }).staged_mutation.id

        expect((await user.call('GET', '/mock/v1/staged-mutations')).status).toBe(403)
        expect((await user.call('POST', `/mock/v1/staged-mutations/${id}/approve`, { json: {} })).status).toBe(403)

        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        const listed = await admin.call('GET', '/mock/v1/staged-mutations')
        expect(
            (listed.json as { staged_mutations: { id: string }[] }).staged_mutations.map((mutation) => mutation.id)
        ).toEqual([id])
        const approved = await admin.call('POST', `/mock/v1/staged-mutations/${id}/approve`, { json: {} })
        expect(approved.status, approved.text).toBe(200)
        expect(approved.json).toMatchObject({
            staged_mutation: { status: 'approved', decided_by: 'admin' },
            message: { partition: 1, key: 'K-1' },
        })
        const again = await admin.call('POST', `/mock/v1/staged-mutations/${id}/approve`, { json: {} })
        expect(again.status).toBe(400)
        const latest = await admin.call('GET', `${messagesOf('payments_eu')}?key=K-1`)
        expect((latest.json as MessageBody).messages.map((message) => message.value)).toEqual(['hello'])
        expect((await admin.call('POST', '/mock/v1/staged-mutations/nope/reject', { json: {} })).status).toBe(404)
    })

    it('refuses approval by an admin who may not produce there, and allows rejection', async () => {
        const running = await start(TENANT_FLAGS)
        await grant(running, ['TOPIC_PRODUCE'], 'tx_trade1', 'Stage')
        const user = await logInUi(running, 'user', 'password', 'Trading')
        const staged = await user.call('POST', messagesOf('tx_trade1'), { json: { value: 'x' } })
        expect(staged.status).toBe(202)
        const id = (staged.json as { staged_mutation: { id: string } }).staged_mutation.id
        const auditor = await logInUi(running, 'auditor', 'auditor')
        const refused = await auditor.call('POST', `/mock/v1/staged-mutations/${id}/approve`, { json: {} })
        expect(refused.status).toBe(403)
        expect(refused.json).toMatchObject({ action: 'TOPIC_PRODUCE', access_control: 'Implicit Deny' })
        const rejected = await auditor.call('POST', `/mock/v1/staged-mutations/${id}/reject`, { json: {} })
        expect(rejected.json).toMatchObject({ staged_mutation: { status: 'rejected', decided_by: 'auditor' } })
    })

    it('refuses producing to the audit log, a missing partition, and a non-JSON body', async () => {
        const running = await start()
        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        expect((await admin.call('POST', messagesOf('__oprtr_audit_log'), { json: { value: 'x' } })).status).toBe(400)
        const partition = await admin.call('POST', messagesOf('tx_trade1'), { json: { value: 'x', partition: '7' } })
        expect(partition.json).toMatchObject({
            fields: [{ path: 'partition', message: 'must be between 0 and 2, or empty to partition by key' }],
        })
        const form = await admin.call('POST', messagesOf('tx_trade1'), { form: { value: 'x' } })
        expect(form.status).toBe(415)
        const broken = await admin.call('POST', messagesOf('tx_trade1'), {
            body: '{',
            headers: { 'content-type': 'application/json' },
        })
        expect(broken.status).toBe(400)
    })

    it('forgets produced messages and staged mutations on the mock reset', async () => {
        const running = await start()
        await grant(running, ['TOPIC_PRODUCE'], 'tx_trade1', 'Stage')
        const user = await logInUi(running, 'user', 'password', 'Global')
        await user.call('POST', messagesOf('tx_trade1'), { json: { value: 'staged' } })
        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        await admin.call('POST', messagesOf('tx_trade1'), { json: { key: 'RESET-ME', value: 'x' } })
        expect(
            ((await admin.call('GET', '/mock/v1/staged-mutations')).json as { staged_mutations: unknown[] })
                .staged_mutations
        ).toHaveLength(1)
        expect((await running.call('POST', '/mock/v1/reset', { auth: ADMIN, json: {} })).status).toBe(204)
        expect(
            ((await admin.call('GET', '/mock/v1/staged-mutations')).json as { staged_mutations: unknown[] })
                .staged_mutations
        ).toHaveLength(0)
        expect(
            ((await admin.call('GET', `${messagesOf('tx_trade1')}?key=RESET-ME`)).json as MessageBody).messages
        ).toHaveLength(0)
    })
})

describe('the audit log endpoint', () => {
    it('is for admins and filters by user, action and time', async () => {
        const running = await start()
        const user = await logInUi(running, 'user', 'password', 'Global')
        expect((await user.call('GET', '/mock/v1/audit-log')).status).toBe(403)
        const admin = await logInUi(running, 'admin', 'admin', 'Global')
        await grant(running, ['TOPIC_DATA_QUERY'], 'tx_trade1')
        const byAction = await admin.call('GET', '/mock/v1/audit-log?action=CREATE_TEMPORARY_POLICY')
        expect(
            (byAction.json as { audit_records: { user: string }[] }).audit_records.map((record) => record.user)
        ).toEqual(['admin'])
        const byUser = await admin.call('GET', '/mock/v1/audit-log?user=user')
        expect(
            (byUser.json as { audit_records: { event: string }[] }).audit_records.map((record) => record.event)
        ).toEqual(['login', 'access-denied'])
        const future = await admin.call('GET', `/mock/v1/audit-log?from=${running.clock.now() + 60_000}`)
        expect((future.json as { audit_records: unknown[] }).audit_records).toEqual([])
        const bad = await admin.call('GET', '/mock/v1/audit-log?to=yesterday')
        expect(bad.status).toBe(400)
    })
})
