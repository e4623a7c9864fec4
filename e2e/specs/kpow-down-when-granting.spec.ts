// Kpow cannot be reached when the approval comes in (the alias points at a closed port): the item
// records the failure and is closed incomplete, and nothing is half-done in Kpow.
import { decide, expect, itemField, openItem, orderAccess, test, waitForWorkNote } from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "points the local instance's Kpow connection at a closed port")

// Port 9 (discard) on loopback: nothing listens there, the connection is refused.
test.use({ kpowUrl: 'http://127.0.0.1:9' })

test('Kpow unreachable when granting: the failure is on the item and nothing is granted', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1' })
    await decide(manager, item, 'Approve', 'ok')

    const form = await openItem(fulfiller, item)
    const notes = await waitForWorkNote(fulfiller, 'Kpow access not granted: Kpow - Create Temporary Policy failed')
    expect(notes.join('\n')).toMatch(
        /Kpow - Create Temporary Policy failed: could not reach Kpow through the "Kpow API" connection/
    )
    expect(await itemField(fulfiller, 'state')).toBe('Closed Incomplete')
    expect(await itemField(fulfiller, 'approval')).toBe('Approved')

    const run = await form.flowRun()
    await expect(run.getByRole('caption')).toContainText('complete')
    await expect(run.getByRole('note').first()).toContainText('could not reach Kpow')
    await expect(run.getByRole('row', { name: /Kpow - Create Temporary Policy/ }).first()).toContainText('error')

    expect(await kpow.policies()).toEqual([])
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
})
