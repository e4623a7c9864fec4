// The incident of Kpow temporary policies article, through the GROUP_EDIT access profile: a developer may not edit a consumer
// group in production; they ask for "Request Kpow Consumer Group Edit Access" with a reason and the
// incident number, their manager and then the Kpow Access Approvers group approve, Kpow allows
// GROUP_EDIT on exactly that group (not another, and not a topic query), and closing the item
// revokes it. The form refuses a wildcard group before anything is sent. Runs on both targets (on
// the instance one when a member of the approvers group is given); mock-kpow's decision probe on
// the local one only.
import {
    CLUSTER,
    decide,
    expect,
    onLocal,
    openCatalogItem,
    openItem,
    openMyApproval,
    setState,
    submitOrder,
    test,
    waitForAccess,
    waitForMyApproval,
    waitForWorkNote,
} from './fixtures'
import type { Kpow } from './fixtures'
import { instanceTarget, target } from './target'

const ITEM = 'Request Kpow Consumer Group Edit Access'
const GROUP = 'trade-settlement'

async function waitForGroupEdit(kpow: Kpow, group: string, effect: 'Allow' | 'Deny'): Promise<void> {
    await waitForAccess(kpow, 'user', 'GROUP_EDIT', ['cluster', CLUSTER, 'group', group], effect)
}

test.skip(
    target === 'instance' && !instanceTarget().groupApprover,
    'the approvers group step needs one of its members: set SN_E2E_GROUP_APPROVER and SN_E2E_GROUP_APPROVER_PASSWORD'
)

test('GROUP_EDIT on one consumer group: manager then group approve, access to that group only, revoked on close', async ({
    people,
    kpow,
}) => {
    await waitForGroupEdit(kpow, GROUP, 'Deny')
    const requester = await people.instanceAs('abel.tuter')
    const form = await openCatalogItem(requester, ITEM)
    await expect(form.textVariable('Topic Name')).toHaveCount(0)
    const groupField = form.textVariable('Consumer Group')
    await form.selectVariable('Cluster ID').selectOption(CLUSTER)
    await form.selectVariable('Access Duration').selectOption({ label: '15 minutes' })
    await form.textVariable('Business Justification').fill('Skip the poison message on tx_trade1 partition 3')
    await form.textVariable('Incident or Change Number').fill('INC0010042')

    // The form refuses a wildcard group beside the field; nothing is submitted.
    const orderUrl = requester.url()
    await groupField.fill('trade-*')
    await form.orderNowButton().click()
    await expect(groupField).toHaveAttribute('aria-invalid', 'true')
    await expect(groupField).toHaveAccessibleDescription(/Enter one exact consumer group id/)
    expect(requester.url()).toBe(orderUrl)

    await groupField.fill(GROUP)
    const { item } = await submitOrder(form)

    const manager = await people.instanceAs('beth.anglin')
    // The approver sees what is approved: the justification and the incident.
    const approval = await openMyApproval(manager, item)
    await expect(approval.record()).toContainText('Skip the poison message on tx_trade1 partition 3')
    await expect(approval.record()).toContainText('INC0010042')
    await decide(manager, item, 'Approve', 'Go ahead')
    // The profile asks for the approvers group after the manager: nothing is granted yet.
    const groupApprover = await people.instanceAs('gina.approver')
    await waitForMyApproval(groupApprover, item)
    expect(await kpow.policies()).toEqual([])
    await decide(groupApprover, item, 'Approve', 'Approved for INC0010042')

    await waitForGroupEdit(kpow, GROUP, 'Allow')
    await onLocal(
        "mock-kpow's decision probe (a real Kpow has none; its policies are checked through its API)",
        async () => {
            expect(await kpow.decideOn('user', 'GROUP_EDIT', ['cluster', CLUSTER, 'group', 'payments-ledger'])).toBe(
                'Deny'
            )
            expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
        }
    )
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
