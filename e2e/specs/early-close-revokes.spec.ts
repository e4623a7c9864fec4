// Closing a granted request in any other way also revokes: the fulfiller closes it incomplete, or
// the requester cancels it.
import {
    decide,
    onLocal,
    expect,
    itemField,
    openItem,
    orderAccess,
    setState,
    test,
    waitForEffect,
    waitForWorkNote,
    type Kpow,
} from './fixtures'
import type { Page } from '@playwright/test'
import { target } from './target'

async function grantedItem(people: { instanceAs(userName: string): Promise<Page> }, kpow: Kpow, topic: string) {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const { item } = await orderAccess(requester, { topic })
    await decide(manager, item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', topic, 'Allow')
    return { requester, item }
}

test('closed incomplete by the fulfiller: access revoked', async ({ people, kpow }) => {
    const { requester, item } = await grantedItem(people, kpow, 'tx_trade1')
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const comment = 'Closed: the incident review no longer needs this access.'
    await setState(fulfiller, item, 'Closed Incomplete', 'Not needed any more', comment)
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Deny')
    expect(await kpow.policies()).toEqual([])
    const notes = await waitForWorkNote(fulfiller, 'Kpow access revoked because the request was closed.')
    expect(notes.join('\n')).toContain('Not needed any more')
    expect(await itemField(fulfiller, 'state')).toBe('Closed Incomplete')
    // The fulfiller's comment reaches the requester, by its author; their work note does not.
    const requesterForm = await openItem(requester, item)
    const entries = await requesterForm.activityEntries()
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'Additional comments', text: comment }))
    await onLocal("the fulfiller's name is the local demo user's", async () => {
        expect(entries).toContainEqual({ kind: 'Additional comments', author: 'Fred Fulfiller', text: comment })
    })
    expect(entries.map((entry) => entry.text)).not.toContain('Not needed any more')
})

test('cancelled by the requester: access revoked', async ({ people, kpow }) => {
    test.skip(target === 'instance', "cancels through the local instance's own Cancel request button")
    const { requester, item } = await grantedItem(people, kpow, 'payments_eu')
    const form = await openItem(requester, item)
    await form.uiAction('Cancel request').click()
    await expect(form.infoMessage()).toHaveText(`${item} cancelled.`)
    await waitForEffect(kpow, 'user', 'payments_eu', 'Deny')
    expect(await kpow.policies()).toEqual([])
    const fulfiller = await people.instanceAs('fred.fulfiller')
    await openItem(fulfiller, item)
    await waitForWorkNote(fulfiller, 'Kpow access revoked because the request was closed.')
    expect(await itemField(requester, 'state')).toBe('Closed Incomplete')
    await expect(form.uiAction('Cancel request')).toHaveCount(0)
})
