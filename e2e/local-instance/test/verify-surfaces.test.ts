// What `npm run verify` reads of the local instance besides records, over real HTTP: the flow
// contexts (sys_flow_context, admin only) and the requested item's classic form opened by its
// address once logged in through /login.do, as verify's client does (a UI action shown to that user
// is a button whose id is its action name).
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningLocalInstance } from '../server'
import { startLocalInstanceServer } from '../server'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { callJson } from '../../../scripts/test/json-call.ts'
import { ServiceNowClient } from '../../../scripts/deploy/index.ts'

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

const END_ACCESS = 'x_kpow_jit_end_access'

/** verify's client, logged in as this person through /login.do. */
async function personOnForm(user: string): Promise<{ client: ServiceNowClient; cookies: Record<string, string> }> {
    const client = new ServiceNowClient({ instanceUrl: running.url, user, password: 'demo' })
    return { client, cookies: await client.loginFormSession() }
}

async function showsEndAccess(user: string): Promise<boolean | undefined> {
    const { client, cookies } = await personOnForm(user)
    return client.formShowsButton(cookies, 'sc_req_item', itemSysId, END_ACCESS)
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
    it('answers the form to the logged-in requester; End my Kpow access not shown before the grant', async () => {
        expect(await showsEndAccess('abel.tuter')).toBe(false)
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
        expect(await showsEndAccess('abel.tuter')).toBe(true)
        expect(await showsEndAccess('fred.fulfiller')).toBe(false)
    })

    it('refuses a wrong password; sends a caller without a session to the login; hides an item the user may not see', async () => {
        const wrong = new ServiceNowClient({ instanceUrl: running.url, user: 'abel.tuter', password: 'nope' })
        await expect(wrong.loginFormSession()).rejects.toThrow(
            'the login of user "abel.tuter" was refused (POST /login.do (login as a person) answered HTTP 200, not a redirect onwards)'
        )
        const anonymous = await fetch(`${running.url}/sc_req_item.do?sys_id=${itemSysId}`, { redirect: 'manual' })
        expect(anonymous.status).toBe(302)
        const { client, cookies } = await personOnForm('carol.nomanager')
        expect(await client.formShowsButton(cookies, 'sc_req_item', itemSysId, END_ACCESS)).toBeUndefined()
    })
})
