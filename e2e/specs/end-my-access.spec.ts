// "I'm done": the requester ends their granted access early with one button on the
// item, "End my Kpow access" (a UI action: condition and script run on the instance as the viewer).
// The item closes Closed Complete, the flow's close-wait revokes the policy in Kpow, and the
// requester is told. Nobody else sees the button. Runs on both targets; the local instance's
// confirmation message and the revocation email (its outbox) are checked on the local one only.
import { RequestedItemPage } from '../pages/servicenow'
import {
    decide,
    expect,
    itemField,
    onLocal,
    openItem,
    orderAccess,
    test,
    waitForEffect,
    waitForEmail,
    waitForWorkNote,
} from './fixtures'

test('the requester ends the access early; the policy is gone; others never see the button', async ({
    people,
    kpow,
    localInstance,
}) => {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '1 hour' })
    const form = await openItem(requester, item)
    const endButton = form.uiAction('End my Kpow access')
    // Not before the access is granted.
    await expect(endButton).toHaveCount(0)
    await decide(manager, item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    await expect(async () => {
        await requester.reload()
        await expect(endButton).toBeVisible({ timeout: 500 })
    }).toPass({ timeout: 15_000 })

    // The approver and a fulfiller see the item, never the button.
    // An approver opens the item by its address (My Requests lists only their own).
    const managerForm = new RequestedItemPage({ page: manager })
    await managerForm.openItem(await form.uniqueValue())
    await managerForm.expectItem(item)
    await expect(managerForm.uiAction('End my Kpow access')).toHaveCount(0)
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const fulfillerForm = await openItem(fulfiller, item)
    await expect(fulfillerForm.uiAction('End my Kpow access')).toHaveCount(0)

    await endButton.click()
    await onLocal("the local instance's own confirmation message", async () => {
        await expect(form.infoMessage()).toContainText(`${item}: End my Kpow access done.`)
    })
    expect(await itemField(requester, 'state')).toBe('Closed Complete')
    await expect(endButton).toHaveCount(0)

    await waitForEffect(kpow, 'user', 'tx_trade1', 'Deny')
    expect(await kpow.policies()).toEqual([])
    await waitForWorkNote(fulfiller, 'Kpow access revoked because the request was closed.')
    await expect(async () => {
        await requester.reload()
        expect((await form.additionalComments()).join('\n')).toContain(
            'Your Kpow access has ended: this request was closed.'
        )
    }).toPass({ timeout: 15_000 })
    expect((await form.additionalComments()).join('\n')).toContain(
        `Kpow access ended early by the requester (${await people.userNameOf('abel.tuter')})`
    )
    await onLocal("the revocation email is read from the local instance's outbox", async () => {
        const email = await waitForEmail(localInstance, 'abel.tuter', `Kpow access ended: ${item}`)
        expect(email.body).toContain('the request was closed, so the access was revoked in Kpow')
        expect(email.body).toContain('Closed Complete')
    })
})
