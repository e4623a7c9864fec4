// The UI's pages over plain HTTP (the browser specs under ui/ drive the same pages in Chromium):
// login redirects, the tenant step, admin-only settings, CSRF on forms, and HTML escaping of data.
import { afterEach, describe, expect, it } from 'vitest'
import { GUIDE_CLUSTER, guideCreateBody, startTestKpow, type TestKpow } from './start-test-kpow'
import { csrfTokenIn, logInUi, openLoginForm, request, uiUrlOf } from './ui/ui-client'

let kpow: TestKpow | undefined
afterEach(async () => {
    await kpow?.close()
    kpow = undefined
})

async function formLogin(
    base: string,
    username: string,
    password: string
): Promise<{ status: number; location: string | null; cookie: string }> {
    const loginForm = await openLoginForm(base)
    const response = await request(`${base}/login`, 'POST', {
        form: { username, password, next: '/settings/audit-log', _csrf: loginForm.csrf },
        headers: { cookie: loginForm.cookie },
    })
    return {
        status: response.status,
        location: response.headers.get('location'),
        cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    }
}

describe('UI pages', () => {
    it('sends visitors to the login page, then through the tenant choice back to where they were going', async () => {
        kpow = await startTestKpow()
        const base = uiUrlOf(kpow)
        const anonymous = await request(`${base}/data/inspect?topic=tx_trade1`, 'GET')
        expect(anonymous.status).toBe(303)
        expect(anonymous.headers.get('location')).toBe('/login?next=%2Fdata%2Finspect%3Ftopic%3Dtx_trade1')
        const wrong = await formLogin(base, 'admin', 'wrong')
        expect(wrong.status).toBe(401)
        const login = await formLogin(base, 'admin', 'admin')
        expect(login.status).toBe(303)
        expect(login.location).toBe('/tenant?next=%2Fsettings%2Faudit-log')
        const settings = await request(`${base}/settings/audit-log`, 'GET', { headers: { cookie: login.cookie } })
        expect(settings.headers.get('location')).toBe('/tenant?next=%2Fsettings%2Faudit-log')
        const loginForm = await openLoginForm(base)
        const open = await request(`${base}/login`, 'POST', {
            form: { username: 'user', password: 'password', next: '//evil.example/', _csrf: loginForm.csrf },
            headers: { cookie: loginForm.cookie },
        })
        expect(open.headers.get('location')).toBe('/tenant?next=%2Fdata%2Finspect')
    })

    it('answers a non-admin on Settings with 403 and a page saying so', async () => {
        kpow = await startTestKpow()
        const user = await logInUi(kpow, 'user', 'password', 'Global')
        for (const path of ['/settings/temporary-policies', '/settings/staged-mutations', '/settings/audit-log']) {
            const response = await user.call('GET', path)
            expect(response.status, path).toBe(403)
            expect(response.text).toContain(
                'Settings are for Kpow admins only: user &quot;user&quot; holds no admin role (kafka-admins).'
            )
        }
    })

    it('refuses a form post without the session CSRF token', async () => {
        kpow = await startTestKpow()
        const id = (
            (await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })).json as {
                temporary_policy: { id: string }
            }
        ).temporary_policy.id
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const forged = await admin.call('POST', `/settings/temporary-policies/${id}/delete`, { form: {} })
        expect(forged.status).toBe(403)
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies().map((policy) => policy.id)).toEqual([id])
        const page = await admin.call('GET', '/settings/temporary-policies')
        const csrf = csrfTokenIn(page.text)
        const deleted = await admin.call('POST', `/settings/temporary-policies/${id}/delete`, { form: { _csrf: csrf } })
        expect(deleted.status).toBe(303)
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
    })

    it('escapes message keys and values in the inspect page', async () => {
        kpow = await startTestKpow()
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const evil = '<script>alert("x")</script>'
        await admin.call('POST', `/mock/v1/clusters/${GUIDE_CLUSTER}/topics/customer_events/messages`, {
            json: { key: evil, value: evil },
        })
        const page = await admin.call('GET', `/data/inspect?cluster=${GUIDE_CLUSTER}&topic=customer_events&key=script`)
        expect(page.status).toBe(200)
        expect(page.text).not.toContain(evil)
        expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    })

    it("renders Kpow's denial in the inspect page with status 403", async () => {
        kpow = await startTestKpow()
        const user = await logInUi(kpow, 'user', 'password', 'Global')
        const page = await user.call('GET', `/data/inspect?cluster=${GUIDE_CLUSTER}&topic=tx_trade1`)
        expect(page.status).toBe(403)
        expect(page.text).toContain('Permission Denied. Action: TOPIC_DATA_QUERY / Access Control: Implicit Deny')
    })
})

describe('Settings > Temporary policies and Data > Inspect: what users met', () => {
    async function adminWithForm() {
        kpow = await startTestKpow()
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        const create = async (fields: Record<string, string>) => {
            const page = await admin.call('GET', '/settings/temporary-policies')
            return admin.call('POST', '/settings/temporary-policies', {
                form: {
                    role: 'kafka-users',
                    effect: 'Allow',
                    actions: 'TOPIC_DATA_QUERY',
                    duration_ms: '60000',
                    ...fields,
                    _csrf: csrfTokenIn(page.text),
                },
            })
        }
        return { admin, create }
    }

    it('lists each policy with its id in a Policy ID column, so a ServiceNow note can be matched to a row', async () => {
        const { admin } = await adminWithForm()
        const created = await kpow?.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('tx_trade1') })
        const id = (created?.json as { temporary_policy: { id: string } }).temporary_policy.id
        const page = await admin.call('GET', '/settings/temporary-policies')
        expect(page.text).toContain('<th scope="col">Policy ID</th>')
        expect(page.text).toMatch(new RegExp(`<tr data-policy-id="${id}">\\s*<td class="mono[^"]*">${id}</td>`))
    })

    it('reports a malformed JSON resource as invalid JSON, not as a permission problem, and stores nothing', async () => {
        const { create } = await adminWithForm()
        const answer = await create({ resource: `["cluster", "${GUIDE_CLUSTER}", "topic", "tx_trade1"` })
        expect(answer.status).toBe(400)
        expect(answer.text).toContain('Resource: invalid JSON.')
        expect(answer.text).not.toMatch(/Cannot grant|Permission|caller lacks/)
        expect(kpow?.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
        const notStrings = await create({ resource: '["cluster", 42]' })
        expect(notStrings.text).toContain('must be a JSON array of strings')
    })

    it('reports a refused duration once', async () => {
        const { create } = await adminWithForm()
        const answer = await create({ resource: `cluster, ${GUIDE_CLUSTER}, topic, tx_trade1`, duration_ms: '7200000' })
        expect(answer.status).toBe(400)
        expect(answer.text.split('exceeds the maximum of 3600000 ms').length - 1).toBe(1)
    })

    it('offers "Download as JSON" only to users holding TOPIC_DATA_DOWNLOAD', async () => {
        kpow = await startTestKpow()
        await kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('tx_trade1') })
        const user = await logInUi(kpow, 'user', 'password', 'Global')
        const inspect = `/data/inspect?cluster=${GUIDE_CLUSTER}&topic=tx_trade1`
        const userPage = await user.call('GET', inspect)
        expect(userPage.status).toBe(200)
        expect(userPage.text).toContain('TRD-2026-')
        expect(userPage.text).not.toContain('Download as JSON')
        const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
        expect((await admin.call('GET', inspect)).text).toContain('Download as JSON')
    })
})
