// The local instance's clock and outbox over real HTTP: advancing the clock (admin only, bounded,
// kept in --data-dir) fires the flow's expiry wait; the approver's approval request email and the
// emails the flow sends land in sys_email, readable through the Table API and the Outbox pages.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningLocalInstance } from '../server'
import { startLocalInstanceServer } from '../server'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { callJson } from '../../../scripts/test/json-call.ts'
import { itemName, order } from './lifecycle-order'

const root = join(import.meta.dirname, '..', '..', '..')
const setFile = join(root, 'update-sets', 'kpow-jit-access.xml')
const usersFile = join(root, 'e2e', 'local-instance', 'seed', 'users.json')
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const asAdmin = basic('admin', 'admin')
const MINUTE = 60_000

let running: RunningLocalInstance | undefined
let kpow: KpowStandIn | undefined
afterEach(async () => {
    await running?.close()
    await kpow?.stop()
    running = undefined
    kpow = undefined
})

async function start(dataDir?: string): Promise<RunningLocalInstance> {
    // Kpow's created_ts on the instance's clock, as mock-kpow's clock is kept in step with it.
    kpow ??= await startKpowStandIn({ nowMs: () => running?.instance.clock.now().getTime() ?? Date.now() })
    running = await startLocalInstanceServer({
        updateSetFile: setFile,
        usersFile,
        port: 0,
        activate: true,
        kpow: { url: kpow.url, user: 'admin', password: 'admin' },
        dataDir,
    })
    return running
}

describe("the local instance's clock over HTTP", () => {
    it('is read and advanced by admins only, within bounds', async () => {
        const { url } = await start()
        const before = await callJson(`${url}/api/local_instance/clock`, 'GET', asAdmin)
        expect(before.status).toBe(200)
        expect(before.json.result).toMatchObject({ offset_ms: 0 })

        const refused = await callJson(`${url}/api/local_instance/clock`, 'POST', basic('abel.tuter', 'demo'), {
            advance_ms: MINUTE,
        })
        expect(refused.status).toBe(403)
        const negative = await callJson(`${url}/api/local_instance/clock`, 'POST', asAdmin, { advance_ms: -5 })
        expect(negative.status).toBe(400)
        expect(JSON.stringify(negative.json)).toContain('advance_ms=-5 is out of range')
        const notNumber = await callJson(`${url}/api/local_instance/clock`, 'POST', asAdmin, { advance_ms: '5' })
        expect(notNumber.status).toBe(400)

        const advanced = await callJson(`${url}/api/local_instance/clock`, 'POST', asAdmin, { advance_ms: MINUTE })
        expect(advanced.status).toBe(200)
        expect(advanced.json.result).toMatchObject({ offset_ms: MINUTE, fired_timers: 0 })
    })

    it("fires the flow's expiry wait when advanced past it, and keeps the offset across a restart", async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'local-instance-clock-'))
        const { instance, url } = await start(dataDir)
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId).state).toBe('2')

        // 15 minutes granted: a minute short of it only the reminder (10 minutes before) has fired; past
        // it the wait times out and the item closes.
        const early = await callJson(`${url}/api/local_instance/clock`, 'POST', asAdmin, { advance_ms: 14 * MINUTE })
        expect(early.json.result).toMatchObject({ fired_timers: 1 })
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId).state).toBe('2')
        const late = await callJson(`${url}/api/local_instance/clock`, 'POST', asAdmin, { advance_ms: 2 * MINUTE })
        expect(late.json.result).toMatchObject({ fired_timers: 1 })
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            state: '3',
            active: 'false',
        })

        await running?.close()
        const restarted = await start(dataDir)
        expect(restarted.instance.clock.offsetMs).toBe(16 * MINUTE)
    })
})

describe('the outbox', () => {
    it("holds the approver's approval request email with the justification and the item's choices", async () => {
        const { instance, url } = await start()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()

        const answer = await callJson(
            `${url}/api/now/table/sys_email?sysparm_query=recipients=beth.anglin@example.com`,
            'GET',
            asAdmin
        )
        expect(answer.status).toBe(200)
        const [email, ...others] = answer.json.result as Record<string, string>[]
        expect(others).toEqual([])
        expect(email).toMatchObject({
            type: 'send-ready',
            subject: `Requested Item ${ordered.requestItem.number} is awaiting your approval`,
            target_table: 'sysapproval_approver',
        })
        expect(email?.body).toContain(`Business Justification: ${order.justification}`)
        expect(email?.body).toContain(`Topic Name: ${order.topic_name}`)

        const forbidden = await callJson(`${url}/api/now/table/sys_email`, 'GET', basic('abel.tuter', 'demo'))
        expect(forbidden.status).toBe(403)

        const cookie = await logIn(url, 'admin', 'admin')
        const outbox = await fetch(`${url}/outbox`, { headers: { cookie } })
        expect(outbox.status).toBe(200)
        const listing = await outbox.text()
        expect(listing).toContain('beth.anglin@example.com')
        const page = await fetch(`${url}/outbox/${email?.sys_id ?? ''}`, { headers: { cookie } })
        expect(await page.text()).toContain(`Business Justification: ${order.justification}`)

        const requesterCookie = await logIn(url, 'abel.tuter', 'demo')
        expect((await fetch(`${url}/outbox`, { headers: { cookie: requesterCookie } })).status).toBe(403)
    })
})

/** Logs in through the form (its anti-forgery cookie and token) and returns the session cookie. */
async function logIn(url: string, userName: string, password: string): Promise<string> {
    const form = await fetch(`${url}/login.do`)
    const loginCookie = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const token = /name="sysparm_ck" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
    const response = await fetch(`${url}/login.do`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_name: userName, user_password: password, sysparm_ck: token, next: '/' }),
    })
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('local_instance_session='))
    return session?.split(';')[0] ?? ''
}
