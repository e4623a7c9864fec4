// The pages over real HTTP: sessions, escaping, per-field order errors, who may do what.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocalInstance } from '../instance'
import { createLocalInstance } from '../instance'
import users from '../fixtures/users.json'
import { createLocalInstanceApp, DEMO_PASSWORD } from './app'

const updateSetXml = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml'),
    'utf8'
)
const good = {
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    topic_name: 'tx_trade1',
    role_name: 'kafka-users',
    duration_ms: '900000',
}

let server: Server
let base: string
let instance: LocalInstance

beforeEach(async () => {
    // The flow stays draft: these tests are about the pages, and no order reaches Kpow.
    instance = createLocalInstance({
        updateSetXml,
        users,
        aliases: { 'Kpow API': { url: 'http://127.0.0.1:9', user: 'admin', password: 'x' } },
    })
    const app = createLocalInstanceApp({ instance, users })
    server = await new Promise<Server>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})
afterEach(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
})

async function call(path: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(`${base}${path}`, {
        method: init.form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
            ...(init.cookie ? { cookie: init.cookie } : {}),
            ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    return {
        status: response.status,
        location: response.headers.get('location'),
        setCookie: response.headers.get('set-cookie') ?? '',
        text: await response.text(),
    }
}

async function logIn(userName: string): Promise<string> {
    const response = await call('/login', { form: { user_name: userName, password: DEMO_PASSWORD, next: '/catalog' } })
    expect(response.status).toBe(303)
    return response.setCookie.split(';')[0] ?? ''
}

function itemSysId(): string {
    return instance.catalogItems()[0]?.item.sys_id ?? ''
}

describe('local instance pages', () => {
    it('sends anonymous visitors to the login page and keeps where they were going', async () => {
        const response = await call('/approvals')
        expect(response.status).toBe(303)
        expect(response.location).toBe('/login?next=%2Fapprovals')
    })

    it('logs in seeded users with the demo password into an HttpOnly, SameSite=Lax session', async () => {
        const refused = await call('/login', { form: { user_name: 'abel.tuter', password: 'wrong', next: '/' } })
        expect(refused.status).toBe(401)
        expect(refused.text).toContain('Unknown user name or wrong password.')
        expect((await call('/login', { form: { user_name: 'nobody', password: DEMO_PASSWORD } })).status).toBe(401)
        const accepted = await call('/login', {
            form: { user_name: 'abel.tuter', password: DEMO_PASSWORD, next: '//evil.example/x' },
        })
        expect(accepted.status).toBe(303)
        expect(accepted.location).toBe('/catalog')
        expect(accepted.setCookie).toMatch(/HttpOnly/)
        expect(accepted.setCookie).toMatch(/SameSite=Lax/)
    })

    it('renders the form from the variables, in order, with help, choices and browser patterns', async () => {
        const page = (await call(`/catalog/${itemSysId()}`, { cookie: await logIn('abel.tuter') })).text
        const order = ['var-cluster_id', 'var-topic_name', 'var-role_name', 'var-duration_ms'].map((id) =>
            page.indexOf(`id="${id}"`)
        )
        expect(
            order.every((position, index) => position > 0 && (index === 0 || position > (order[index - 1] ?? 0)))
        ).toBe(true)
        expect(page).toContain('<label for="var-topic_name">')
        expect(page).toContain('Wildcards such as * are refused')
        expect(page).toMatch(/<option value="900000">15 minutes<\/option>/)
        expect(page).toContain('pattern="^(?!\\.{1,2}$)[a-zA-Z0-9._\\-]{1,249}$"')
    })

    it('refuses a bad order with each error beside its field and the typed values escaped', async () => {
        const cookie = await logIn('abel.tuter')
        const hostile = '"><script>alert(1)</script>'
        const response = await call(`/catalog/${itemSysId()}`, {
            cookie,
            form: { ...good, topic_name: hostile, duration_ms: '99' },
        })
        expect(response.status).toBe(422)
        expect(response.text).not.toContain('<script>alert(1)</script>')
        expect(response.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
        expect(response.text).toMatch(/<p class="error" id="var-topic_name-error">Enter one exact Kafka topic name/)
        expect(response.text).toMatch(
            /<p class="error" id="var-duration_ms-error">&quot;duration_ms&quot; must be one of/
        )
        expect(response.text).toMatch(/<p class="error" id="var-cluster_id-error"><\/p>/)
        expect(instance.database.query('sc_request')).toEqual([])
    })

    it('orders, shows the request number, and lets only people concerned see the item', async () => {
        const cookie = await logIn('abel.tuter')
        const ordered = await call(`/catalog/${itemSysId()}`, { cookie, form: good })
        expect(ordered.status).toBe(303)
        const status = await call(ordered.location ?? '', { cookie })
        const request = instance.database.query('sc_request')[0]
        expect(status.text).toContain(`Request number: <strong>${request?.number ?? 'missing'}</strong>`)
        const item = instance.database.query('sc_req_item')[0]
        expect((await call(`/items/${item?.sys_id ?? ''}`, { cookie })).text).toContain('15 minutes (900000)')
        expect((await call(`/items/${item?.sys_id ?? ''}`, { cookie: await logIn('carol.nomanager') })).status).toBe(
            404
        )
        expect((await call(`/items/${item?.sys_id ?? ''}`, { cookie: await logIn('fred.fulfiller') })).status).toBe(200)
    })

    it('lets only fulfillers change the state', async () => {
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        const path = `/items/${ordered.requestItem.sysId}/state`
        const refused = await call(path, { cookie: await logIn('abel.tuter'), form: { state: '3' } })
        expect(refused.status).toBe(403)
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId).state).toBe('1')
        const fulfiller = await logIn('fred.fulfiller')
        expect((await call(path, { cookie: fulfiller, form: { state: '3', work_note: 'done <b>' } })).status).toBe(303)
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            state: '3',
            active: 'false',
        })
        const page = (await call(`/items/${ordered.requestItem.sysId}`, { cookie: fulfiller })).text
        expect(page).toContain('done &lt;b&gt;')
        expect((await call(path, { cookie: fulfiller, form: { state: '-5' } })).status).toBe(303)
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId).state).toBe('3')
    })

    it('refuses a form over 64 KB with 413 and a page saying what to do, ordering nothing', async () => {
        const cookie = await logIn('abel.tuter')
        const response = await call(`/catalog/${itemSysId()}`, {
            cookie,
            form: { ...good, topic_name: 'x'.repeat(70 * 1024) },
        })
        expect(response.status).toBe(413)
        expect(response.text).toContain('<h1>Form too large</h1>')
        expect(response.text).toContain('larger than 64 KB and was not processed')
        expect(instance.database.query('sc_request')).toEqual([])
    })

    it('treats a session cookie with a malformed percent-escape as no session, without a stack trace', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
        try {
            const login = await call('/login', { cookie: 'local_instance_session=%' })
            expect(login.status).toBe(200)
            expect(login.text).toContain('<h1>Log in</h1>')
            expect(login.text).not.toMatch(/URIError|at .*\.ts:\d+/)
            const protectedPage = await call('/catalog', { cookie: 'local_instance_session=%E0%A4%A' })
            expect(protectedPage.status).toBe(303)
            expect(protectedPage.location).toBe('/login?next=%2Fcatalog')
            expect(logged).not.toHaveBeenCalled()
        } finally {
            logged.mockRestore()
        }
    })

    it('shows a requester the item, its state, variables and comments, never work notes, approvers or the flow log', async () => {
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        instance.database.update(
            'sc_req_item',
            ordered.requestItem.sysId,
            { work_notes: 'internal: checked by the on-call', comments: 'We are on it.' },
            'fred.fulfiller'
        )
        const path = `/items/${ordered.requestItem.sysId}`
        const requesterPage = (await call(path, { cookie: await logIn('abel.tuter') })).text
        expect(requesterPage).toContain('data-field="state">Open<')
        expect(requesterPage).toContain('15 minutes (900000)')
        expect(requesterPage).toContain('We are on it.')
        for (const hidden of ['internal: checked by the on-call', 'Work notes', 'Flow runs', 'approvals-heading'])
            expect(requesterPage).not.toContain(hidden)
        const fulfillerPage = (await call(path, { cookie: await logIn('fred.fulfiller') })).text
        expect(fulfillerPage).toContain('internal: checked by the on-call')
        expect(fulfillerPage).toContain('Flow runs')
        expect(fulfillerPage).toContain('We are on it.')
    })
})
