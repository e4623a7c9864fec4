// The project's update set tells people what happens, by email (sys_email), in the local instance
// against a Kpow stand-in: the approver when a request waits, the requester when access is granted,
// rejected, revoked (closed or expired) and when granting failed.
import { afterEach, describe, expect, it } from 'vitest'
import type { LocalInstance } from '../instance'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { flowName, instanceWithTheApp, itemName, order } from './lifecycle-order'

const REQUESTER = 'abel.tuter@example.com'
const MINUTE = 60_000

let kpow: KpowStandIn | undefined
let instance: LocalInstance | undefined
afterEach(async () => {
    instance?.close()
    await kpow?.stop()
    instance = undefined
    kpow = undefined
})

async function setUp(options: { failWith?: number } = {}) {
    kpow = await startKpowStandIn(options)
    instance = instanceWithTheApp(kpow.url)
    instance.activateFlow(flowName)
    return instance
}

async function orderAndDecide(local: LocalInstance, decision: 'approve' | 'reject', comment: string) {
    const ordered = local.orderCatalogItem(itemName, order, 'abel.tuter')
    await local.whenIdle()
    const approval = local.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? ''
    if (decision === 'approve') local.approve(approval, 'beth.anglin', comment)
    else local.reject(approval, 'beth.anglin', comment)
    await local.whenIdle()
    return ordered.requestItem
}

function emailsTo(local: LocalInstance, address: string) {
    return local
        .emails()
        .filter((email) => email.recipients === address)
        .reverse()
}

describe('notifications of the Kpow Access Lifecycle', () => {
    it("tells the approver what waits (justification and profile), then the requester the grant and the close's revocation", async () => {
        const local = await setUp()
        const item = await orderAndDecide(local, 'approve', 'ok for the incident')

        const [waiting] = emailsTo(local, 'beth.anglin@example.com')
        expect(waiting?.subject).toBe(`Requested Item ${item.number} is awaiting your approval`)
        expect(waiting?.body).toContain(`Business Justification: ${order.justification}`)
        expect(waiting?.body).toContain('Request Kpow Topic Query Access for Abel Tuter')

        const [granted, ...more] = emailsTo(local, REQUESTER)
        expect(more).toEqual([])
        expect(granted).toMatchObject({
            subject: `Kpow access granted: ${item.number}`,
            target_table: 'sc_req_item',
            instance: item.sysId,
            type: 'send-ready',
        })
        expect(granted?.body).toMatch(
            /Your Kpow access is granted: Request Kpow Topic Query Access on topic tx_trade until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\./
        )
        expect(granted?.body).toContain('To end it earlier, open')

        local.setItemState(item.sysId, '4', 'fred.fulfiller')
        await local.whenIdle()
        const [, revoked] = emailsTo(local, REQUESTER)
        expect(revoked?.subject).toBe(`Kpow access ended: ${item.number}`)
        expect(revoked?.body).toContain('has ended: the request was closed, so the access was revoked in Kpow.')
        expect(revoked?.body).toContain('The request is Closed Incomplete')
        expect(JSON.stringify(local.emails())).not.toContain('admin-secret')
    })

    it('tells the requester when the access expired, once the clock passes the expiry', async () => {
        const local = await setUp()
        const item = await orderAndDecide(local, 'approve', 'ok')
        expect((await local.advanceClock(15 * MINUTE + 1000)).fired).toBe(1)
        const [, expired] = emailsTo(local, REQUESTER)
        expect(expired?.subject).toBe(`Kpow access ended: ${item.number}`)
        expect(expired?.body).toMatch(/has ended: it expired at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\./)
        expect(expired?.body).toContain('The request is Closed Complete')
    })

    it("tells the requester who rejected the request and the approver's comment", async () => {
        const local = await setUp()
        const item = await orderAndDecide(local, 'reject', 'Use the replay tool & not <prod>')
        const [rejected, ...more] = emailsTo(local, REQUESTER)
        expect(more).toEqual([])
        expect(rejected?.subject).toBe(`Kpow access rejected: ${item.number}`)
        expect(rejected?.body).toContain('was rejected by Beth Anglin.')
        expect(rejected?.body).toContain('Their comment: Use the replay tool &amp; not &lt;prod&gt;')
        expect(kpow?.requests).toEqual([])
    })

    it("tells the requester that granting failed, with Kpow's message and nothing of the credential", async () => {
        const local = await setUp({ failWith: 403 })
        const item = await orderAndDecide(local, 'approve', 'ok')
        const [failed, ...more] = emailsTo(local, REQUESTER)
        expect(more).toEqual([])
        expect(failed?.subject).toBe(`Kpow access could not be granted: ${item.number}`)
        expect(failed?.body).toContain('Kpow did not grant the access: Kpow answered HTTP 403: Kpow stand-in refuses')
        expect(failed?.body).not.toContain('admin-secret')
        expect(local.database.require('sc_req_item', item.sysId).state).toBe('4')
    })
})
