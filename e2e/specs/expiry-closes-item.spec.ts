// Honest expiry: nobody closes the item; when Kpow's access ends (the chosen 1 minute), the flow's
// wait (timed out by the grant's own duration) closes the item Closed Complete with "access expired
// at ...", and tells the requester in a comment. Both clocks are moved (the `clocks` fixture), so
// the spec waits for no real minute: just short of the expiry nothing has happened, just past it
// the wait's timer fires and the item closes.
import { RequestedItemPage } from '../pages/servicenow'
import {
    decide,
    expect,
    itemField,
    openItem,
    orderAccess,
    test,
    untilFlowWaitsOnRecord,
    waitForEffect,
    wallClock,
} from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "moves the local instance's and mock-kpow's clocks to the expiry")

// How far short of, then past, the expiry the clocks are moved: wider than the real time the steps
// between two moves take on a busy machine.
const MARGIN_MS = 5_000

test("the item closes itself when Kpow's access expires, not before", async ({ people, kpow, clocks }) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '1 minute' })
    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const [policy] = await kpow.policies()
    expect(policy?.duration_ms).toBe(60_000)
    const expiresAt = (policy?.created_ts ?? 0) + (policy?.duration_ms ?? 0)

    const fulfiller = await people.instanceAs('fred.fulfiller')
    // The expiry timer must be set before the clocks move, or the move would skip it.
    await untilFlowWaitsOnRecord(fulfiller, item, 'Kpow Access Lifecycle')

    // Just short of the expiry: no timer fired, the access stands, the item stays open.
    const { kpowNowTs } = await clocks.advance(0)
    const shortOfExpiry = await clocks.advance(expiresAt - kpowNowTs - MARGIN_MS)
    expect(shortOfExpiry.firedTimers).toBe(0)
    expect(shortOfExpiry.kpowNowTs).toBeLessThan(expiresAt)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Allow')
    await fulfiller.reload()
    expect(await itemField(fulfiller, 'state')).not.toBe('Closed Complete')

    // Just past it: Kpow has expired the policy and the flow's wait times out, closing the item.
    const pastExpiry = await clocks.advance(2 * MARGIN_MS)
    expect(pastExpiry.firedTimers).toBe(1)
    expect(pastExpiry.instanceNowTs).toBeGreaterThanOrEqual(expiresAt)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    await expect(async () => {
        await fulfiller.reload()
        expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    }).toPass({ timeout: 15_000, intervals: [250, 500] })
    // In UTC, named (the item's Due date gives it in each viewer's zone).
    const utc = `${wallClock(expiresAt, 'UTC')} UTC`
    expect((await new RequestedItemPage({ page: fulfiller }).workNotes()).join('\n')).toContain(
        `Kpow access expired at ${utc}: policy`
    )
    const requesterForm = await openItem(requester, item)
    expect((await requesterForm.additionalComments()).join('\n')).toContain(
        `Your Kpow access expired at ${utc}; this request is closed.`
    )
})
