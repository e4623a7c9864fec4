// Honest expiry: nobody closes the item; when Kpow's access ends (the chosen 1 minute), the flow's
// wait (timed out by the grant's own duration) closes the item Closed Complete with "access expired
// at ...", and tells the requester in a comment. Real time: this spec waits about a minute.
import { decide, expect, itemField, openItem, orderAccess, test, waitForEffect, wallClock } from './fixtures'

test("the item closes itself within seconds of Kpow's expiry", async ({ people, kpow }) => {
    test.setTimeout(150_000)
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '1 minute' })
    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const [policy] = await kpow.policies()
    const expiresAt = (policy?.created_ts ?? 0) + (policy?.duration_ms ?? 0)

    const fulfiller = await people.instanceAs('fred.fulfiller')
    await openItem(fulfiller, item)
    await expect(async () => {
        await fulfiller.reload()
        expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    }).toPass({ timeout: 100_000, intervals: [1_000] })
    const closedAt = Date.now()
    // Within seconds of Kpow's expiry, never before it.
    expect(closedAt).toBeGreaterThanOrEqual(expiresAt)
    expect(closedAt - expiresAt).toBeLessThan(20_000)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    // In the requester's time zone (abel.tuter: Europe/Berlin), named; the work note adds UTC.
    const berlin = `${wallClock(expiresAt, 'Europe/Berlin')} Europe/Berlin`
    await expect(fulfiller.getByRole('list', { name: 'Work notes' })).toContainText(
        `Kpow access expired at ${berlin} (${wallClock(expiresAt, 'UTC')} UTC)`
    )
    await openItem(requester, item)
    await expect(requester.getByRole('list', { name: 'Comments' })).toContainText(
        `Your Kpow access expired at ${berlin}; this request is closed.`
    )
})
