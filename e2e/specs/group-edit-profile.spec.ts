// The incident of Kpow temporary policies article, through the GROUP_EDIT access profile: a developer may not edit a consumer
// group in production; they ask for "Request Kpow Consumer Group Edit Access" with a reason and the
// incident number, their manager and then the Kpow Access Approvers group approve, Kpow allows
// GROUP_EDIT on exactly that group (not another, and not a topic query), and closing the item
// revokes it. The form refuses a wildcard group before anything is sent.
import { CLUSTER, decide, expect, openItem, setState, test, waitForWorkNote } from './fixtures'
import type { Kpow } from './fixtures'

const ITEM = 'Request Kpow Consumer Group Edit Access'
const GROUP = 'trade-settlement'

async function waitForGroupEdit(kpow: Kpow, group: string, effect: 'Allow' | 'Deny'): Promise<void> {
    await expect
        .poll(() => kpow.decideOn('user', 'GROUP_EDIT', ['cluster', CLUSTER, 'group', group]), { timeout: 20_000 })
        .toBe(effect)
}

test('GROUP_EDIT on one consumer group: manager then group approve, access to that group only, revoked on close', async ({
    people,
    kpow,
}) => {
    await waitForGroupEdit(kpow, GROUP, 'Deny')
    const requester = await people.instanceAs('abel.tuter')
    await requester.getByRole('link', { name: 'Service Catalog' }).click()
    await requester.getByRole('link', { name: ITEM }).click()
    await expect(requester.getByLabel('Topic Name')).toHaveCount(0)
    const groupField = requester.getByRole('textbox', { name: 'Consumer Group' })
    await requester.getByLabel('Cluster ID').selectOption(CLUSTER)
    await requester.getByLabel('Access Duration').selectOption({ label: '15 minutes' })
    await requester.getByLabel('Business Justification').fill('Skip the poison message on tx_trade1 partition 3')
    await requester.getByLabel('Incident or Change Number').fill('INC0010042')

    // The form refuses a wildcard group beside the field; nothing is submitted.
    await groupField.fill('trade-*')
    await requester.getByRole('button', { name: 'Order Now' }).click()
    await expect(groupField).toHaveAttribute('aria-invalid', 'true')
    await expect(requester.locator('#var-group_name-error')).toContainText('Enter one exact consumer group id')

    await groupField.fill(GROUP)
    await requester.getByRole('button', { name: 'Order Now' }).click()
    await expect(requester.getByRole('status')).toContainText('your request has been submitted')
    const item =
        (await requester
            .getByRole('link', { name: /^RITM\d+$/ })
            .first()
            .textContent()) ?? ''

    const manager = await people.instanceAs('beth.anglin')
    await manager.getByRole('link', { name: 'My Approvals' }).click()
    const approvalCard = manager.getByRole('region', { name: `Approval for ${item}` })
    await expect(approvalCard).toContainText('Skip the poison message on tx_trade1 partition 3')
    await expect(approvalCard).toContainText('INC0010042')
    await decide(manager, item, 'Approve', 'Go ahead')
    // The profile asks for the approvers group after the manager: nothing is granted yet.
    const groupApprover = await people.instanceAs('gina.approver')
    await groupApprover.getByRole('link', { name: 'My Approvals' }).click()
    await expect(groupApprover.getByRole('region', { name: `Approval for ${item}` })).toBeVisible()
    expect(await kpow.policies()).toEqual([])
    await decide(groupApprover, item, 'Approve', 'Approved for INC0010042')

    await waitForGroupEdit(kpow, GROUP, 'Allow')
    expect(await kpow.decideOn('user', 'GROUP_EDIT', ['cluster', CLUSTER, 'group', 'payments-ledger'])).toBe('Deny')
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    const [policy, ...others] = await kpow.policies()
    expect(others).toEqual([])
    expect(policy?.policy).toEqual({
        role: 'kafka-users',
        actions: ['GROUP_EDIT'],
        effect: 'Allow',
        resource: ['cluster', CLUSTER, 'group', GROUP],
    })

    const fulfiller = await people.instanceAs('fred.fulfiller')
    await openItem(fulfiller, item)
    const notes = await waitForWorkNote(fulfiller, `Policy ID: ${policy?.id ?? ''}`)
    expect(notes.join('\n')).toContain(`Profile: ${ITEM}.`)
    expect(notes.join('\n')).toContain('Justification: Skip the poison message on tx_trade1 partition 3')
    await setState(fulfiller, item, 'Closed Complete', 'Offset skipped')
    await waitForGroupEdit(kpow, GROUP, 'Deny')
    expect(await kpow.policies()).toEqual([])
})
