// A requester without a manager: the Kpow Access Approvers group is asked (never auto-approval);
// the first member's approval grants, the other member's approval is no longer required.
import {
    CLUSTER,
    decide,
    expect,
    expectNoApprovalWaiting,
    itemField,
    openItem,
    orderAccess,
    test,
    waitForEffect,
    waitForMyApproval,
    waitForWorkNote,
} from './fixtures'
import { target } from './target'

test.skip(
    target === 'instance',
    'needs a requester without a manager and both approvers group members (the local demo users)'
)

test('the fallback group approves a request from someone without a manager', async ({ people, kpow }) => {
    const requester = await people.instanceAs('carol.nomanager')
    const gina = await people.instanceAs('gina.approver')
    const hank = await people.instanceAs('hank.approver')
    const fulfiller = await people.instanceAs('fred.fulfiller')
    const { item } = await orderAccess(requester, { topic: 'customer_events', duration: '5 minutes' })

    // Not approved by itself: the item waits for the group, and Kpow has nothing.
    await openItem(requester, item)
    // The flow runs in the background: the approval is requested once it reaches Ask For Approval.
    await expect(async () => {
        await requester.reload()
        expect(await itemField(requester, 'approval')).toBe('Requested')
    }).toPass({ timeout: 15_000 })
    expect(await kpow.policies()).toEqual([])
    for (const member of [gina, hank]) await waitForMyApproval(member, item)
    const fulfillerForm = await openItem(fulfiller, item)
    const approvals = fulfillerForm.relatedList('Approvers')
    await expect(approvals.getByRole('row')).toHaveCount(3)
    await expect(approvals.getByRole('row', { name: /Gina Approver/ })).toContainText('Requested')
    await expect(approvals.getByRole('row', { name: /Hank Approver/ })).toContainText('Requested')
    // The flow asked the group's members because the requester has no manager, and approved nothing itself.
    const approvalStep = (await fulfillerForm.flowRun()).getByRole('row').filter({ hasText: 'resolved_approvers' })
    await expect(approvalStep).toContainText('resolved_approvers: gina.approver, hank.approver')
    await expect(approvalStep).not.toContainText('approved at once')

    await decide(gina, item, 'Approve', 'Approved for the group')
    await waitForEffect(kpow, 'user', 'customer_events', 'Allow')
    const [policy] = await kpow.policies()
    expect(policy?.policy.resource).toEqual(['cluster', CLUSTER, 'topic', 'customer_events'])
    expect(policy?.duration_ms).toBe(300_000)

    await waitForWorkNote(fulfiller, `Kpow Access Granted. Policy ID: ${policy?.id ?? ''}`)
    await expect(approvals.getByRole('row', { name: /Gina Approver/ })).toContainText('Approved')
    await expect(approvals.getByRole('row', { name: /Hank Approver/ })).toContainText('No Longer Required')
    await expectNoApprovalWaiting(hank, item)
})
