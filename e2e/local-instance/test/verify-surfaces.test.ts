// What `npm run verify` reads of the local instance besides records, over real HTTP: the flow
// contexts (sys_flow_context, admin only) and the requested item's classic form in a UI session
// (sc_req_item.do, a button per UI action shown to that user, by its sys_id as gsft_id).
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningLocalInstance } from '../server'
import { startLocalInstanceServer } from '../server'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { callJson } from '../../../scripts/test/json-call.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const basic = (user: string) => `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`
const asAdmin = `Basic ${Buffer.from('admin:admin-secret').toString('base64')}`

let running: RunningLocalInstance
let kpow: KpowStandIn
let itemSysId = ''
beforeAll(async () => {
    kpow = await startKpowStandIn()
    running = await startLocalInstanceServer({
        updateSetFile: join(root, 'update-sets', 'kpow-jit-access.xml'),
        usersFile: join(root, 'e2e', 'local-instance', 'seed', 'users.json'),
        port: 0,
        activate: true,
        adminPassword: 'admin-secret',
        kpow: { url: kpow.url, user: 'admin', password: 'admin' },
    })
    const [catalogItem] = (
        await callJson(
            `${running.url}/api/now/table/sc_cat_item?sysparm_query=name=Request Kpow Topic Query Access&sysparm_fields=sys_id`,
            'GET',
            asAdmin
        )
    ).json.result as { sys_id: string }[]
    const ordered = await callJson(
        `${running.url}/api/sn_sc/servicecatalog/items/${catalogItem?.sys_id ?? ''}/order_now`,
        'POST',
        basic('abel.tuter'),
        {
            sysparm_quantity: 1,
            variables: {
                cluster_id: '42RglGpZQwy9D5VzTVpCWA',
                topic_name: 'tx_trade',
                role_name: 'kafka-users',
                duration_ms: '900000',
                justification: 'Replay of the trades feed',
            },
        }
    )
    const requestId = (ordered.json.result as { request_id: string }).request_id
    const [item] = (
        await callJson(
            `${running.url}/api/now/table/sc_req_item?sysparm_query=request=${requestId}&sysparm_fields=sys_id`,
            'GET',
            asAdmin
        )
    ).json.result as { sys_id: string }[]
    itemSysId = item?.sys_id ?? ''
    await running.instance.whenIdle()
}, 60_000)
afterAll(async () => {
    await running.close()
    await kpow.stop()
})

/** A UI session's cookie, as the SDK's login opens one. */
async function uiSession(user: string): Promise<string> {
    const login = await fetch(`${running.url}/angular.do?sysparm_type=view_form.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_name: user, user_password: 'demo' }),
    })
    return login.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; ')
}

describe('sys_flow_context', () => {
    it("lists the item's run as the platform states it, to the admin only", async () => {
        const answer = await callJson(
            `${running.url}/api/now/table/sys_flow_context?sysparm_query=source_record=${itemSysId}&sysparm_fields=name,state,source_table`,
            'GET',
            asAdmin
        )
        expect(answer.json.result).toEqual([
            { name: 'Kpow Access Lifecycle', state: 'WAITING', source_table: 'sc_req_item' },
        ])
        const requester = await callJson(
            `${running.url}/api/now/table/sys_flow_context?sysparm_query=source_record=${itemSysId}`,
            'GET',
            basic('abel.tuter')
        )
        expect(requester.status).toBe(403)
        const unknownField = await callJson(
            `${running.url}/api/now/table/sys_flow_context?sysparm_query=nosuch=1`,
            'GET',
            asAdmin
        )
        expect(unknownField.status).toBe(400)
    })
})

describe('sc_req_item.do', () => {
    it('answers the form with the buttons shown to the session user; none to an ungranted item', async () => {
        const page = await fetch(`${running.url}/sc_req_item.do?sys_id=${itemSysId}`, {
            headers: { cookie: await uiSession('abel.tuter') },
        })
        expect(page.status).toBe(200)
        const text = await page.text()
        expect(text).toContain('name="sc_req_item.do"')
        // Awaiting approval: End my Kpow access is not shown yet.
        expect(text).not.toContain('gsft_id=')
    })

    it('shows End my Kpow access to the requester of a granted item, not to a fulfiller', async () => {
        const [approval] = (
            await callJson(
                `${running.url}/api/now/table/sysapproval_approver?sysparm_query=sysapproval=${itemSysId}&sysparm_fields=sys_id`,
                'GET',
                asAdmin
            )
        ).json.result as { sys_id: string }[]
        await callJson(
            `${running.url}/api/now/table/sysapproval_approver/${approval?.sys_id ?? ''}`,
            'PATCH',
            basic('beth.anglin'),
            {
                state: 'approved',
            }
        )
        await running.instance.whenIdle()
        const [endAccess] = running.instance.database.query('sys_ui_action', 'action_name=x_kpow_jit_end_access')
        const formOf = async (user: string) =>
            (
                await fetch(`${running.url}/sc_req_item.do?sys_id=${itemSysId}`, {
                    headers: { cookie: await uiSession(user) },
                })
            ).text()
        expect(await formOf('abel.tuter')).toContain(`gsft_id="${endAccess?.sys_id ?? 'none'}"`)
        const fulfiller = await formOf('fred.fulfiller')
        expect(fulfiller).toContain('name="sc_req_item.do"')
        expect(fulfiller).not.toContain(`gsft_id="${endAccess?.sys_id ?? 'none'}"`)
    })

    it('sends a caller without a session to the login; hides an item the user may not see', async () => {
        const anonymous = await fetch(`${running.url}/sc_req_item.do?sys_id=${itemSysId}`, { redirect: 'manual' })
        expect(anonymous.status).toBe(302)
        const stranger = await fetch(`${running.url}/sc_req_item.do?sys_id=${itemSysId}`, {
            headers: { cookie: await uiSession('carol.nomanager') },
        })
        expect(stranger.status).toBe(404)
        expect(await stranger.text()).not.toContain('sc_req_item.do')
    })
})
