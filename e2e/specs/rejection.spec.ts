// The manager rejects: nothing is created in Kpow, the item is closed incomplete with a note, the
// requester reads on the item who rejected it and their comment, and the user stays denied. Runs on both targets; the flow run the local item page shows and
// mock-kpow's decision probe are checked on the local one only.
import {
    decide,
    expect,
    expectNoApprovalWaiting,
    itemField,
    onLocal,
    openItem,
    openMyDecidedApprovals,
    orderAccess,
    test,
    waitForWorkNote,
} from './fixtures'

const PROBE = "mock-kpow's decision probe (a real Kpow has none; its policies are checked through its API)"

test('a rejected request grants nothing and closes the item incomplete', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1' })

    await decide(manager, item, 'Reject', 'Use the masked copy instead')
    const fulfillerForm = await openItem(fulfiller, item)
    await waitForWorkNote(
        fulfiller,
        'Kpow access not granted: the approval ended as "rejected". Nothing was created in Kpow.'
    )
    const requesterForm = await openItem(requester, item)
    expect(await itemField(requester, 'state')).toBe('Closed Incomplete')
    expect(await itemField(requester, 'approval')).toBe('Rejected')
    // Who rejected and their comment, on the item the requester opens (not only in the email).
    expect((await requesterForm.additionalComments()).join('\n')).toContain(
        'Rejected by Beth Anglin: Use the masked copy instead'
    )
    const approvals = fulfillerForm.relatedList('Approvers')
    await expect(approvals.getByRole('row', { name: /Beth Anglin/ })).toContainText('Rejected')
    await expect(approvals).toContainText('Use the masked copy instead')
    await onLocal("the flow run shown on the local instance's item page", async () => {
        await expect((await fulfillerForm.flowRun()).getByRole('caption')).toContainText('complete')
    })

    expect(await kpow.policies()).toEqual([])
    await onLocal(PROBE, async () => {
        expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    })
    await expectNoApprovalWaiting(manager, item)
    const rejected = await openMyDecidedApprovals(manager, 'rejected')
    await expect(rejected.recordLink(item)).toBeVisible()
})
