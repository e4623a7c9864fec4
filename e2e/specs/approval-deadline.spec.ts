// Approval deadline: nobody decides within x_kpow_jit.approval_deadline_hours (8 by
// default). The clocks are advanced past it: Ask For Approval's due date rejects the approval, the item
// closes Closed Incomplete saying the deadline passed (not "rejected by ..."), the requester is told,
// and nothing reaches Kpow.
import {
    expect,
    expectNoApprovalWaiting,
    itemField,
    openItem,
    orderAccess,
    readOutbox,
    test,
    waitForEmail,
    waitForMyApproval,
} from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "moves the local instance's clock past the approval deadline and reads its outbox")

test('an approval nobody decides within 8 hours is rejected; the item closes incomplete; the requester is told', async ({
    people,
    kpow,
    clocks,
    localInstance,
}) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1' })
    const manager = await people.instanceAs('beth.anglin')
    await waitForMyApproval(manager, item)

    // Not yet: seven hours and 59 minutes later the approval still waits.
    await clocks.advance(8 * 3_600_000 - 60_000)
    const form = await openItem(requester, item)
    expect(await itemField(requester, 'state')).toBe('Open')
    await clocks.advance(60_000)

    await expect(async () => {
        await requester.reload()
        expect(await itemField(requester, 'state')).toBe('Closed Incomplete')
    }).toPass({ timeout: 15_000 })
    expect(await itemField(requester, 'approval')).toBe('Rejected')
    expect((await form.additionalComments()).join('\n')).toContain(
        'Your access was not granted: the approval deadline passed. Nobody decided on your request within 8 hours'
    )
    const email = await waitForEmail(localInstance, 'abel.tuter', `approval deadline passed: ${item}`)
    expect(email.body).toContain('Nobody decided on your request')
    expect(email.body).toContain('within 8 hours')
    const subjects = (await readOutbox(localInstance, 'recipientsLIKEabel.tuter')).map((sent) => sent.subject)
    expect(subjects.filter((subject) => subject.startsWith('Kpow access rejected'))).toEqual([])
    await expectNoApprovalWaiting(manager, item)
    expect(await kpow.policies()).toEqual([])
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
})
