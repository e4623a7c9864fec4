// Kpow expires the policy (its clock moved past created_ts + duration_ms) before anyone closes the
// item: closing then deletes an unknown policy (404 = done), and the item says it had expired.
import { RequestedItemPage } from '../pages/servicenow'
import { decide, expect, itemField, orderAccess, setState, test, waitForEffect, waitForWorkNote } from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "moves mock-kpow's clock past the policy's expiry")

test('a policy that expired in Kpow before the close is reported, not an error', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '1 minute' })
    await decide(manager, item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const [policy] = await kpow.policies()
    expect(policy?.duration_ms).toBe(60_000)

    await kpow.advanceClock(60_000)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    expect(await kpow.policies()).toEqual([])

    await setState(fulfiller, item, 'Closed Complete')
    const notes = await waitForWorkNote(fulfiller, 'had already expired (Kpow answered 404)')
    expect(notes[0]).toBe(
        `Kpow access revoked because the request was closed. Kpow temporary policy ${policy?.id ?? ''} had already expired (Kpow answered 404); nothing left to revoke.`
    )
    expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    const run = await new RequestedItemPage({ page: fulfiller }).flowRun()
    await expect(run.getByRole('caption')).toContainText('complete')
    await expect(run.getByRole('note')).toHaveCount(0)
})
