// The local instance against a hostile client, over real HTTP: cross-site writes with cached
// credentials, a password oracle, requests refused but applied, prototype-named tables and keys,
// XML bombs, racing clicks, control characters in credentials, a full disk. Each case asserts the
// status, that nothing changed when the answer is an error (the records read back), and that
// another client is served meanwhile.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTypeScript, type StartedProcess } from '../../../scripts/lib/common/index'
import { createLocalInstanceApp } from '../http/app'
import type { LocalInstance } from '../instance'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { flowName, instanceWithTheApp, itemName, order } from './lifecycle-order'
import { manualTimers } from './manual-timers'

const ADMIN_PASSWORD = 'admin-secret'
const KPOW_CREDENTIAL_PASSWORD = 'kpow-password-42'

let kpow: KpowStandIn
let instance: LocalInstance
let server: Server
let base: string

beforeAll(async () => {
    kpow = await startKpowStandIn()
    instance = instanceWithTheApp(kpow.url, {
        kpowPassword: KPOW_CREDENTIAL_PASSWORD,
        // No timer fires on its own: a granted item stays granted while a case looks at it.
        timers: manualTimers(),
    })
    instance.activateFlow(flowName)
    const app = createLocalInstanceApp({ instance, adminPassword: ADMIN_PASSWORD })
    server = await new Promise<Server>((listening) => {
        const started = app.listen(0, '127.0.0.1', () => listening(started))
    })
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})
afterAll(async () => {
    server.closeAllConnections()
    await new Promise((closed) => server.close(closed))
    instance.close()
    await kpow.stop()
})

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const asAdmin = basic('admin', ADMIN_PASSWORD)
const asFulfiller = basic('fred.fulfiller', 'demo')

interface Answer {
    status: number
    text: string
    json: Record<string, unknown>
    headers: Headers
}

async function send(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string | FormData } = {}
): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
        method,
        redirect: 'manual',
        headers: init.headers,
        body: init.body,
    })
    const text = await response.text()
    let json: Record<string, unknown> = {}
    try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    } catch {
        // A page, not JSON.
    }
    return { status: response.status, text, json, headers: response.headers }
}

const json = (method: string, path: string, body: unknown, authorization = asAdmin) =>
    send(method, path, {
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
    })

/** Another client, meanwhile: the login page and a REST read both answer at once. */
async function expectOthersServed(): Promise<void> {
    const started = performance.now()
    expect((await send('GET', '/login.do')).status).toBe(200)
    expect(
        (await send('GET', '/api/now/table/sys_user?sysparm_limit=1', { headers: { authorization: asAdmin } })).status
    ).toBe(200)
    expect(performance.now() - started).toBeLessThan(2_000)
}

/** The platform's error shape. */
function expectPlatformError(answer: Answer, status: number, message: RegExp): void {
    expect(answer.status).toBe(status)
    expect(answer.json).toEqual({
        error: { message: expect.stringMatching(message) as string, detail: expect.any(String) as string },
        status: 'failure',
    })
}

/** Every record of every table the tests touch, to compare before and after a refused request. */
function snapshot(): string {
    const tables = [
        'sys_properties',
        'basic_auth_credentials',
        'sc_req_item',
        'sys_remote_update_set',
        'sys_execution_tracker',
        'sys_update_preview_problem',
    ]
    return JSON.stringify(
        tables.map((table) => [
            table,
            instance.database.query(table),
            table === 'sc_req_item'
                ? instance.database
                      .query(table)
                      .map((item) => [
                          instance.database.journal(table, item.sys_id, 'comments'),
                          instance.database.journal(table, item.sys_id, 'work_notes'),
                      ])
                : [],
        ])
    )
}

/** The SDK's UI session (login, token), as a deploy opens it before an upload. */
async function uiSession(): Promise<{ cookie: string; token: string }> {
    const login = await fetch(`${base}/angular.do?sysparm_type=view_form.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_name: 'admin', user_password: ADMIN_PASSWORD }),
    })
    expect(await login.json()).toEqual({ status: 'success', message: '' })
    const cookie = login.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ')
    const user = await fetch(`${base}/angular.do?sysparm_type=get_user`, { method: 'POST', headers: { cookie } })
    return { cookie, token: user.headers.get('x-usertoken-response') ?? '' }
}

async function upload(xml: string): Promise<Answer> {
    const { cookie, token } = await uiSession()
    const form = new FormData()
    form.set('sysparm_ck', token)
    form.set('sysparm_target', 'sys_remote_update_set')
    form.set('attachFile', new Blob([xml], { type: 'text/xml' }), 'set.xml')
    return send('POST', '/sys_upload.do', { headers: { cookie, 'x-usertoken': token }, body: form })
}

/** An item ordered by abel.tuter and approved by beth.anglin: granted, state Work in Progress. */
async function grantedItem(): Promise<string> {
    const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
    await instance.whenIdle()
    const approval = instance
        .approvalsFor('beth.anglin', 'requested')
        .find((candidate) => candidate.sysapproval === ordered.requestItem.sysId)
    instance.approve(approval?.sys_id ?? '', 'beth.anglin', 'ok')
    await instance.whenIdle()
    expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({ state: '2' })
    return ordered.requestItem.sysId
}

describe('cross-site writes', () => {
    const appSetId = () => instance.database.query('sys_remote_update_set')[0]?.sys_id ?? ''

    it('refuses a text/plain or form POST with Basic credentials by its content type (415): nothing committed or previewed', async () => {
        const before = snapshot()
        const plain = await send('POST', `/api/sn_cicd/update_set/commit/${appSetId()}`, {
            headers: { authorization: asAdmin, 'content-type': 'text/plain' },
            body: '{"force_commit":"true"}',
        })
        expectPlatformError(plain, 415, /Unsupported Content-Type "text\/plain"/)
        const form = await send('POST', `/api/sn_cicd/update_set/preview/${appSetId()}`, {
            headers: { authorization: asAdmin, 'content-type': 'application/x-www-form-urlencoded' },
            body: 'a=b',
        })
        expectPlatformError(form, 415, /Unsupported Content-Type/)
        const created = await send('POST', '/api/now/table/sys_properties', {
            headers: { authorization: asAdmin, 'content-type': 'text/plain' },
            body: JSON.stringify({ name: 'x_evil.property', value: 'planted' }),
        })
        expectPlatformError(created, 415, /Unsupported Content-Type/)
        expect(snapshot()).toBe(before)
        await expectOthersServed()
        // The deploy's own calls still go: JSON, and a preview without a body (refused here for its
        // state, the set being committed, not for its type).
        expect(
            (await json('POST', '/api/now/table/sys_properties', { name: 'x_ok.property', value: 'v' })).status
        ).toBe(201)
        const bodiless = await send('POST', `/api/sn_cicd/update_set/preview/${appSetId()}`, {
            headers: { authorization: asAdmin },
        })
        expectPlatformError(bodiless, 400, /committed/)
    })

    it('refuses a write a browser marks as coming from another site, body or not (403)', async () => {
        const before = snapshot()
        const marks: Record<string, string>[] = [
            { origin: 'https://attacker.example' },
            { origin: 'null' },
            { 'sec-fetch-site': 'cross-site' },
        ]
        for (const headers of marks) {
            const answer = await send('POST', `/api/sn_cicd/update_set/preview/${appSetId()}`, {
                headers: { authorization: asAdmin, ...headers },
            })
            expectPlatformError(answer, 403, /Cross-site request refused/)
        }
        expect(snapshot()).toBe(before)
        await expectOthersServed()
    })

    it('takes an upload only as a multipart form with the session token', async () => {
        const before = snapshot()
        const { cookie, token } = await uiSession()
        const plain = await send('POST', '/sys_upload.do', {
            headers: { cookie, 'content-type': 'text/plain' },
            body: `sysparm_ck=${token}`,
        })
        expectPlatformError(plain, 415, /Unsupported Content-Type/)
        const form = new FormData()
        form.set('sysparm_target', 'sys_remote_update_set')
        form.set('attachFile', new Blob(['<unload/>'], { type: 'text/xml' }), 'set.xml')
        const tokenless = await send('POST', '/sys_upload.do', { headers: { cookie }, body: form })
        expectPlatformError(tokenless, 403, /sysparm_ck does not match/)
        // The REST API takes Basic only: the session's cookie (and token) alone write nothing there.
        const cookieOnly = await send('POST', '/api/now/table/sys_properties', {
            headers: { cookie, 'x-usertoken': token, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'x_evil.cookie', value: 'v' }),
        })
        expectPlatformError(cookieOnly, 401, /User Not Authenticated/)
        expect(snapshot()).toBe(before)
        await expectOthersServed()
    })

    it('refuses a login whose token the server did not issue (an attacker-chosen double-submit cookie)', async () => {
        for (const nonce of ['AAAA', 'A'.repeat(43)]) {
            const answer = await send('POST', '/login.do', {
                headers: {
                    'content-type': 'application/x-www-form-urlencoded',
                    cookie: `local_instance_login_token=${nonce}; token=AAAA`,
                },
                body: new URLSearchParams({
                    user_name: 'abel.tuter',
                    user_password: 'demo',
                    sysparm_ck: 'AAAA',
                    next: '/catalog_home.do',
                }).toString(),
            })
            expect(answer.status).toBe(403)
            expect(answer.headers.getSetCookie().some((cookie) => cookie.startsWith('local_instance_session='))).toBe(
                false
            )
        }
        await expectOthersServed()
    })
})

describe('secrets', () => {
    it('never returns a password, and refuses it in a filter, an order or a dot-walk (400 naming the field)', async () => {
        const read = await send('GET', '/api/now/table/basic_auth_credentials?sysparm_fields=name,password', {
            headers: { authorization: asAdmin },
        })
        expect(read.status).toBe(200)
        const rows = read.json.result as Record<string, string>[]
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.every((row) => row.password === '')).toBe(true)
        expect(read.text).not.toContain(KPOW_CREDENTIAL_PASSWORD)
        for (const [table, query] of [
            ['basic_auth_credentials', 'passwordSTARTSWITHk'],
            ['basic_auth_credentials', 'passwordSTARTSWITHzzz'],
            ['basic_auth_credentials', `password=${KPOW_CREDENTIAL_PASSWORD}`],
            ['basic_auth_credentials', 'active=true^ORpasswordLIKEk'],
            ['basic_auth_credentials', 'ORDERBYpassword'],
            ['basic_auth_credentials', 'ORDERBYDESCpassword'],
            ['http_connection', 'credential.passwordSTARTSWITHk'],
        ] as const) {
            const answer = await send('GET', `/api/now/table/${table}?sysparm_query=${encodeURIComponent(query)}`, {
                headers: { authorization: asAdmin },
            })
            expectPlatformError(answer, 400, /password" is a password field/)
        }
        const grouped = await send('GET', '/api/now/table/basic_auth_credentials?sysparm_query=GROUPBYpassword', {
            headers: { authorization: asAdmin },
        })
        expectPlatformError(grouped, 400, /Invalid sysparm_query/)
        await expectOthersServed()
    })
})

describe('an error means nothing happened', () => {
    it('refuses a state outside the choice list before writing the comment sent with it', async () => {
        const itemId = (await grantedItem()) as string
        for (const state of ['99', '-5x', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
            const before = snapshot()
            const answer = await json(
                'PATCH',
                `/api/now/table/sc_req_item/${itemId}`,
                { state, comments: `comment with state ${state}` },
                asFulfiller
            )
            expectPlatformError(answer, 400, /state must be one of/)
            expect(snapshot()).toBe(before)
        }
        const approval = instance.database.query('sysapproval_approver', `sysapproval=${itemId}`)[0]
        const refusedDecision = await json(
            'PATCH',
            `/api/now/table/sysapproval_approver/${approval?.sys_id ?? ''}`,
            { state: 'toString', comments: 'x' },
            asAdmin
        )
        expectPlatformError(refusedDecision, 400, /state must be one of/)
        await expectOthersServed()
    })

    it('answers prototype-named tables with 400 in the platform shape on every method, never a 500', async () => {
        const before = snapshot()
        for (const table of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
            for (const [method, path] of [
                ['GET', `/api/now/table/${table}`],
                ['GET', `/api/now/table/${table}/0123456789abcdef0123456789abcdef`],
                ['POST', `/api/now/table/${table}`],
                ['PATCH', `/api/now/table/${table}/0123456789abcdef0123456789abcdef`],
                ['DELETE', `/api/now/table/${table}/0123456789abcdef0123456789abcdef`],
            ] as const) {
                const answer = await json(
                    method,
                    path,
                    method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' }
                )
                expectPlatformError(answer, 400, /Invalid table/)
            }
        }
        // A field named after the prototype is no field either.
        expectPlatformError(
            await send('GET', '/api/now/table/sys_properties?sysparm_query=constructor=x', {
                headers: { authorization: asAdmin },
            }),
            400,
            /Invalid sysparm_query/
        )
        expect(snapshot()).toBe(before)
        await expectOthersServed()
    })

    it('refuses a body holding __proto__, constructor or prototype keys: no such key reaches a record', async () => {
        const before = snapshot()
        for (const body of [
            '{"name":"x_evil.one","value":"v","__proto__":{"polluted":"yes"}}',
            '{"name":"x_evil.two","value":"v","__proto__":"x"}',
            '{"name":"x_evil.three","constructor":{"prototype":{"polluted":"yes"}}}',
            '{"name":"x_evil.four","nested":[{"prototype":1}]}',
        ]) {
            const answer = await send('POST', '/api/now/table/sys_properties', {
                headers: { authorization: asAdmin, 'content-type': 'application/json' },
                body,
            })
            expectPlatformError(answer, 400, /reserved key/)
        }
        expect(snapshot()).toBe(before)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        await expectOthersServed()
    })

    it('refuses a body whose Content-Encoding lies with a 4xx, on the REST API and the pages', async () => {
        const before = snapshot()
        for (const encoding of ['gzip', 'deflate', 'br']) {
            const api = await send('POST', '/api/now/table/sys_properties', {
                headers: { authorization: asAdmin, 'content-type': 'application/json', 'content-encoding': encoding },
                body: JSON.stringify({ name: 'x_evil.encoded', value: 'v' }),
            })
            expectPlatformError(api, 400, /not what its Content-Encoding says/)
            const login = await send('POST', '/login.do', {
                headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': encoding },
                body: 'user_name=abel.tuter&user_password=demo',
            })
            expect(login.status).toBe(400)
        }
        const unknown = await send('POST', '/api/now/table/sys_properties', {
            headers: { authorization: asAdmin, 'content-type': 'application/json', 'content-encoding': 'x-made-up' },
            body: JSON.stringify({ name: 'x_evil.encoded', value: 'v' }),
        })
        expectPlatformError(unknown, 415, /Unsupported Content-Encoding/)
        expect(snapshot()).toBe(before)
        await expectOthersServed()
    })

    it('refuses update set XML with a DTD or external entity, and 200 000-deep XML, with a 400 at once', async () => {
        const before = snapshot()
        const external =
            '<?xml version="1.0"?><!DOCTYPE unload [<!ENTITY x SYSTEM "file:///etc/passwd">]><unload><sys_remote_update_set><name>&x;</name><sys_id>0123456789abcdef0123456789abcdef</sys_id></sys_remote_update_set></unload>'
        const withDtd = await upload(external)
        expectPlatformError(withDtd, 400, /document type declaration/)
        expect(withDtd.text).not.toContain('root:')
        const started = performance.now()
        const deep = await upload(`<unload>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</unload>`)
        expect(performance.now() - started).toBeLessThan(2_000)
        expectPlatformError(deep, 400, /cannot be read: Maximum nested tags exceeded/)
        expect(snapshot()).toBe(before)
        await expectOthersServed()
    })
})

describe('races', () => {
    it('ends the access once however many times "End my Kpow access" is clicked at the same time', async () => {
        const itemId = await grantedItem()
        const loginPage = await send('GET', '/login.do')
        const loginCookie = loginPage.headers.getSetCookie()[0]?.split(';')[0] ?? ''
        const loginToken = /name="sysparm_ck" value="([^"]+)"/.exec(loginPage.text)?.[1] ?? ''
        const loggedIn = await send('POST', '/login.do', {
            headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
                user_name: 'abel.tuter',
                user_password: 'demo',
                sysparm_ck: loginToken,
                next: '/catalog_home.do',
            }).toString(),
        })
        expect(loggedIn.status).toBe(302)
        const cookie =
            loggedIn.headers
                .getSetCookie()
                .find((header) => header.startsWith('local_instance_session='))
                ?.split(';')[0] ?? ''
        const page = await send('GET', `/sc_req_item.do?sys_id=${itemId}`, { headers: { cookie } })
        const csrf = /name="sysparm_ck" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
        const action =
            /name="sys_action" value="(\w+)" id="\w+" class="[^"]*" data-action-name="\w+" gsft_id=/.exec(
                page.text
            )?.[1] ?? ''
        expect(action).not.toBe('')

        const clicks = await Promise.all(
            Array.from({ length: 20 }, () =>
                send('POST', '/sc_req_item.do', {
                    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
                    body: new URLSearchParams({
                        sysparm_ck: csrf,
                        sys_uniqueValue: itemId,
                        sys_action: action,
                    }).toString(),
                })
            )
        )
        await instance.whenIdle()
        expect(clicks.filter((click) => click.status === 303)).toHaveLength(1)
        const refused = clicks.filter((click) => click.status !== 303)
        expect(refused).toHaveLength(19)
        for (const click of refused) {
            expect(click.status).toBe(403)
            expect(click.text).toContain('is not available to you on this record now')
        }
        const endedEarly = instance.database
            .journal('sc_req_item', itemId, 'comments')
            .filter((entry) => entry.value.startsWith('Kpow access ended early'))
        expect(endedEarly).toHaveLength(1)
        expect(instance.database.require('sc_req_item', itemId)).toMatchObject({ state: '3', active: 'false' })
        await expectOthersServed()
    })
})

describe('credentials', () => {
    it('refuses Basic credentials holding a NUL or any control character (401)', async () => {
        for (const suffix of ['\0x', '\u0001', '\t', '\r', '\u001b', '\u007f']) {
            const answer = await send('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                headers: { authorization: basic('admin', `${ADMIN_PASSWORD}${suffix}`) },
            })
            expectPlatformError(answer, 401, /User Not Authenticated/)
        }
        const nulInName = await send('GET', '/api/now/table/sys_user?sysparm_limit=1', {
            headers: { authorization: basic('admin\0', ADMIN_PASSWORD) },
        })
        expect(nulInName.status).toBe(401)
        await expectOthersServed()
    })
})

/** Whether this machine lets a test lower a running process's file size limit (util-linux prlimit). */
const canLimitFileSize = spawnSync('prlimit', ['--version']).status === 0

describe('a full disk', () => {
    let started: StartedProcess | undefined
    afterAll(async () => {
        await started?.stop()
    })

    it.skipIf(!canLimitFileSize)(
        'answers a write it cannot store 503 in one line, changes nothing, stays up and serves others',
        async () => {
            const dataDir = join(mkdtempSync(join(tmpdir(), 'local-instance-full-')), 'data')
            started = startTypeScript(
                resolve(import.meta.dirname, '..', 'cli.ts'),
                [
                    '--data-dir',
                    dataDir,
                    '--port',
                    '0',
                    '--update-set',
                    resolve(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml'),
                    '--activate',
                    '--kpow-url',
                    kpow.url,
                    '--admin-password',
                    ADMIN_PASSWORD,
                ],
                { env: { PATH: process.env.PATH ?? '' } }
            )
            const url = (await started.waitFor(/listening on (http:\/\/\S+)/, 60_000))[1] ?? ''
            const pid = String(started.child.pid)
            const call = (method: string, path: string, authorization: string, body?: unknown) =>
                fetch(`${url}${path}`, {
                    method,
                    headers: {
                        authorization,
                        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                })
            const items = async () =>
                ((await (await call('GET', '/api/now/table/sc_req_item', asAdmin)).json()) as { result: unknown[] })
                    .result.length
            const catalog = (await (
                await call(
                    'GET',
                    `/api/now/table/sc_cat_item?sysparm_query=name=${encodeURIComponent(itemName)}`,
                    asAdmin
                )
            ).json()) as { result: { sys_id: string }[] }
            const orderNow = () =>
                call(
                    'POST',
                    `/api/sn_sc/servicecatalog/items/${catalog.result[0]?.sys_id ?? ''}/order_now`,
                    basic('abel.tuter', 'demo'),
                    { variables: order }
                )
            const itemsBefore = await items()

            // The disk is "full": the process may write no byte more to any file (SQLite's included).
            expect(spawnSync('prlimit', ['--pid', pid, '--fsize=0:unlimited']).status).toBe(0)
            const refused = await orderNow()
            expect(refused.status).toBe(503)
            expect(await refused.json()).toEqual({
                error: {
                    message: 'The instance could not store the change: nothing was changed',
                    detail: 'try again later',
                },
                status: 'failure',
            })
            expect(await items()).toBe(itemsBefore)
            expect((await fetch(`${url}/login.do`)).status).toBe(200)
            // The order was not stored, so its flow run never started (nor failed in the background).
            expect(started.output()).not.toContain('flow run')
            expect(started.child.exitCode).toBeNull()

            expect(spawnSync('prlimit', ['--pid', pid, '--fsize=unlimited:unlimited']).status).toBe(0)
            expect((await orderNow()).status).toBe(200)
            expect(await items()).toBe(itemsBefore + 1)

            // The approver decides while the disk is full: through the Table API and the page, 503, still requested.
            const pending = async () =>
                (
                    (await (
                        await call('GET', '/api/now/table/sysapproval_approver?sysparm_query=state=requested', asAdmin)
                    ).json()) as { result: { sys_id: string }[] }
                ).result
            await vi.waitFor(async () => expect(await pending()).toHaveLength(1), { timeout: 10_000 })
            const approvalId = (await pending())[0]?.sys_id ?? ''
            const loginPage = await fetch(`${url}/login.do`)
            const loginCookie = loginPage.headers.getSetCookie()[0]?.split(';')[0] ?? ''
            const loginToken = /name="sysparm_ck" value="([^"]+)"/.exec(await loginPage.text())?.[1] ?? ''
            const loggedIn = await fetch(`${url}/login.do`, {
                method: 'POST',
                redirect: 'manual',
                headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ user_name: 'beth.anglin', user_password: 'demo', sysparm_ck: loginToken }),
            })
            const session =
                loggedIn.headers
                    .getSetCookie()
                    .find((header) => header.startsWith('local_instance_session='))
                    ?.split(';')[0] ?? ''
            const approvalPath = `${url}/sysapproval_approver.do?sys_id=${approvalId}`
            const approvalPage = await (await fetch(approvalPath, { headers: { cookie: session } })).text()
            const formToken = /name="sysparm_ck" value="([^"]+)"/.exec(approvalPage)?.[1] ?? ''
            expect(spawnSync('prlimit', ['--pid', pid, '--fsize=0:unlimited']).status).toBe(0)
            const patched = await call(
                'PATCH',
                `/api/now/table/sysapproval_approver/${approvalId}`,
                basic('beth.anglin', 'demo'),
                {
                    state: 'approved',
                }
            )
            expect(patched.status).toBe(503)
            const posted = await fetch(approvalPath, {
                method: 'POST',
                redirect: 'manual',
                headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ sysparm_ck: formToken, sys_action: 'approve' }),
            })
            expect(posted.status).toBe(503)
            expect(await posted.text()).toContain('The instance could not store the change, so nothing was changed')
            expect(spawnSync('prlimit', ['--pid', pid, '--fsize=unlimited:unlimited']).status).toBe(0)
            expect(await pending()).toHaveLength(1)
            expect(started.child.exitCode).toBeNull()
            const output = started.output()
            expect(output).toMatch(/local instance: the data dir .* could not store the change \(SQLITE_\w+/)
            expect(output).not.toMatch(/\n\s+at /)
            expect(output).not.toContain('SqliteError')
        },
        90_000
    )
})
