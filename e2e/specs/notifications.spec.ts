// What people are told by email (the local instance's outbox, sys_email): the approver when a request
// waits (justification and profile), the requester when access is granted, revoked after the close
// or at the expiry (both clocks moved ahead together), rejected (with the approver's comment), and
// when granting failed (Kpow's message).
import type { Page } from '@playwright/test'
import {
    decide,
    expect,
    orderAccess,
    readOutbox,
    setState,
    test,
    untilFlowWaitsOnRecord,
    waitForEffect,
    waitForEmail,
    type Email,
} from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "reads the local instance's outbox (sys_email) and moves both clocks")

const REQUESTER = 'abel.tuter@example.com'
const JUSTIFICATION = 'Replaying trades for INC0010042'

/** The email's own page in the Outbox, as the admin sees it. */
async function openEmail(admin: Page, email: Email): Promise<void> {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click()
    await admin.getByRole('link', { name: email.subject }).click()
    await expect(admin.getByRole('heading', { name: email.subject })).toBeVisible()
}

test('the approver is asked with the justification; the requester is told of the grant, then of the revocation after the close', async ({
    people,
    localInstance,
    kpow,
}) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', justification: JUSTIFICATION })

    const waiting = await waitForEmail(localInstance, 'beth.anglin@example.com', `${item} is awaiting your approval`)
    expect(waiting.body).toContain(`Business Justification: ${JUSTIFICATION}`)
    expect(waiting.body).toContain('Request Kpow Topic Query Access for Abel Tuter')
    const admin = await people.instanceAs('admin')
    await openEmail(admin, waiting)
    await expect(admin.getByRole('definition').filter({ hasText: 'beth.anglin@example.com' })).toBeVisible()
    await expect(admin.getByLabel('HTML source')).toContainText(`Business Justification: ${JUSTIFICATION}`)

    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const granted = await waitForEmail(localInstance, REQUESTER, `Kpow access granted: ${item}`)
    expect(granted.body).toMatch(
        /Your Kpow access is granted: Request Kpow Topic Query Access on topic tx_trade1 until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\./
    )
    expect(granted.body).toContain(`To end it earlier, open ${item} in My Requests`)
    await openEmail(admin, granted)
    await expect(admin.frameLocator('iframe[title="Message"]').getByText('Your Kpow access is granted')).toBeVisible()

    await setState(await people.instanceAs('fred.fulfiller'), item, 'Closed Complete')
    const ended = await waitForEmail(localInstance, REQUESTER, `Kpow access ended: ${item}`)
    expect(ended.body).toContain('has ended: the request was closed, so the access was revoked in Kpow.')
    expect(ended.body).toContain('The request is Closed Complete')
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    // Nothing of the Kpow connection's credential, or the policy body, in any email.
    expect(JSON.stringify(await readOutbox(localInstance))).not.toMatch(/admin:admin|"effect"|TOPIC_DATA_QUERY/)
})

test('the requester is told when the access expired, once both clocks pass the expiry', async ({
    people,
    localInstance,
    kpow,
    clocks,
}) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '15 minutes' })
    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    await waitForEmail(localInstance, REQUESTER, `Kpow access granted: ${item}`)
    // The flow's reminder timer must be set before the clocks move, or the move would skip it.
    await untilFlowWaitsOnRecord(await people.instanceAs('fred.fulfiller'), item, 'Kpow Access Lifecycle')

    // A minute short of the expiry only the reminder (10 minutes before it) has fired; access stands.
    expect((await clocks.advance(14 * 60_000)).firedTimers).toBe(1)
    await waitForEmail(localInstance, REQUESTER, `Kpow access ends soon: ${item}`)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Allow')
    expect(await readOutbox(localInstance, `recipients=${REQUESTER}^subjectLIKEended`)).toEqual([])

    const advanced = await clocks.advance(60_000 + 2_000)
    expect(advanced.firedTimers).toBe(1)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    const ended = await waitForEmail(localInstance, REQUESTER, `Kpow access ended: ${item}`)
    expect(ended.body).toMatch(/has ended: it expired at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\./)
    expect(ended.body).toContain('The request is Closed Complete')
})

test("the requester is told who rejected the request, with the approver's comment", async ({
    people,
    localInstance,
    kpow,
}) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1' })
    await decide(await people.instanceAs('beth.anglin'), item, 'Reject', 'Use the masked copy instead')
    const rejected = await waitForEmail(localInstance, REQUESTER, `Kpow access rejected: ${item}`)
    expect(rejected.body).toContain('was rejected by Beth Anglin.')
    expect(rejected.body).toContain('Their comment: Use the masked copy instead')
    expect(await kpow.policies()).toEqual([])
})

test.describe('when Kpow cannot be reached', () => {
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused.
    test.use({ kpowUrl: 'http://127.0.0.1:9' })

    test('the requester is told that granting failed, in a fixed sentence (no exception text)', async ({
        people,
        localInstance,
    }) => {
        const requester = await people.instanceAs('abel.tuter')
        const { item } = await orderAccess(requester, { topic: 'tx_trade1' })
        await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
        const failed = await waitForEmail(localInstance, REQUESTER, `Kpow access could not be granted: ${item}`)
        expect(failed.body).toContain(
            'was approved, but Kpow did not grant the access: Kpow did not answer in time. It may have created the access anyway; the flow looks for it and removes it.'
        )
        expect(failed.body).not.toMatch(/admin:admin|password|Exception|refused|127\.0\.0\.1/i)
    })
})
