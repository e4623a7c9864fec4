// The integration guide's validation, end to end: the user is denied in Kpow, requests access,
// the manager approves, the item notes the policy id, the admin sees the temporary policy in
// Kpow, the user inspects that topic and not another, the fulfiller closes the item complete,
// the policy is gone and the user is denied again. Prints order -> granted and close -> revoked.
// Runs on both targets; what shows only in mock-kpow's UI, on the local item page (the flow run) or
// in the local demo users' time zones is checked on the local one only, Kpow's policy through its
// API on both.
import type { Page } from '@playwright/test'
import { DataInspectPage, TemporaryPoliciesPage } from '../pages/kpow'
import {
    CLUSTER,
    KPOW_DENIED_QUERY,
    decide,
    expect,
    inspectTopic,
    itemField,
    onLocal,
    openItem,
    orderAccess,
    setState,
    test,
    waitForEffect,
    waitForWorkNote,
    wallClock,
} from './fixtures'

const TOPIC = 'tx_trade1'
const OTHER_TOPIC = 'payments_eu'
const KPOW_UI = "mock-kpow's UI (a real Kpow's differs, and its users' logins are not given)"
const PROBE = "mock-kpow's decision probe (a real Kpow has none; its policies are checked through its API)"

test('request, manager approval, access to one topic only, close complete, access gone', async ({ people, kpow }) => {
    let kpowUserPage: Page | undefined
    const kpowUser = async () => (kpowUserPage ??= await people.kpowAs('user', 'password'))
    await onLocal(KPOW_UI, async () => {
        const inspect = await inspectTopic(await kpowUser(), TOPIC)
        await expect(inspect.deniedAlert()).toHaveText(KPOW_DENIED_QUERY)
    })

    const requester = await people.instanceAs('abel.tuter')
    const manager = await people.instanceAs('beth.anglin')
    const fulfiller = await people.instanceAs('fred.fulfiller')

    const { request, item, orderedAt } = await orderAccess(requester, { topic: TOPIC, duration: '15 minutes' })
    expect(request).toMatch(/^REQ\d{7}$/)
    expect(item).toMatch(/^RITM\d{7}$/)
    await onLocal(PROBE, async () => {
        expect(await kpow.decide('user', TOPIC)).toBe('Deny')
    })

    const approvedAt = await decide(manager, item, 'Approve', 'OK for the incident review')
    const grantedAt = await waitForEffect(kpow, 'user', TOPIC, 'Allow')

    const [policy, ...others] = await kpow.policies()
    expect(others).toEqual([])
    expect(policy?.policy).toEqual({
        role: 'kafka-users',
        actions: ['TOPIC_DATA_QUERY'],
        effect: 'Allow',
        resource: ['cluster', CLUSTER, 'topic', TOPIC],
    })
    expect(policy?.duration_ms).toBe(900_000)

    // The requester sees the state and the approval; work notes and approvers are for fulfillers.
    const requesterForm = await openItem(requester, item)
    expect(await itemField(requester, 'state')).toBe('Work in Progress')
    expect(await itemField(requester, 'approval')).toBe('Approved')
    const fulfillerForm = await openItem(fulfiller, item)
    const notes = await waitForWorkNote(fulfiller, `Policy ID: ${policy?.id ?? ''}`)
    expect(notes[0]).toContain(`Kpow Access Granted. Policy ID: ${policy?.id ?? ''}`)
    // Texts give the end in UTC, named; the item's Due date shows it in each viewer's zone
    // (abel.tuter: Europe/Berlin; fred.fulfiller has none, so the system's: UTC here).
    const expiresAt = (policy?.created_ts ?? 0) + (policy?.duration_ms ?? 0)
    const utc = `${wallClock(expiresAt, 'UTC')} UTC`
    expect(notes[0]).toContain(`until ${utc}.`)
    await onLocal("the local demo users' time zones", async () => {
        expect(await itemField(fulfiller, 'due_date')).toBe(wallClock(expiresAt, 'UTC'))
        await openItem(requester, item)
        expect(await itemField(requester, 'due_date')).toBe(wallClock(expiresAt, 'Europe/Berlin'))
    })
    // The fulfiller read the grant's work note above; the requester's form shows none and no input for one.
    expect(await requesterForm.workNotes()).toEqual([])
    await expect(requesterForm.journalInput('Work notes')).toHaveCount(0)
    const comments = (await requesterForm.additionalComments()).join('\n')
    expect(comments).toContain(`until ${utc} (Due date on this request shows it in your time zone).`)
    await onLocal(KPOW_UI, async () => {
        // The grant's link to Kpow's Data > Inspect, followed in Kpow's UI: the topic, chosen and queried.
        const inspectLink = /Kpow Data > Inspect: (\S+)/.exec(comments)?.[1] ?? ''
        expect(inspectLink).toBe(`${kpow.uiUrl}/#/tenant/__kpow_global/cluster/${CLUSTER}/data/inspect?topic=${TOPIC}`)
        const inspect = new DataInspectPage(await kpowUser())
        await inspect.follow(inspectLink)
        await expect(inspect.topic()).toHaveValue(TOPIC)
        await expect(inspect.messages()).toContainText('TRD-2026-')
    })
    const approvals = fulfillerForm.relatedList('Approvers')
    await expect(approvals.getByRole('row', { name: /Beth Anglin/ })).toContainText('Approved')
    await expect(approvals).toContainText('OK for the incident review')

    await onLocal(KPOW_UI, async () => {
        const policies = new TemporaryPoliciesPage(await people.kpowAs('admin', 'admin'))
        await policies.open()
        // The Policy ID column matches the row to the ServiceNow work note.
        const policyId = policy?.id ?? ''
        await expect(policies.row(policyId)).toHaveCount(1)
        await expect(await policies.cell(policyId, 'Role')).toHaveText('kafka-users')
        await expect(await policies.cell(policyId, 'Actions')).toHaveText('TOPIC_DATA_QUERY')
        // Kpow shows the resource as a JSON array; spacing is presentation.
        await expect(await policies.cell(policyId, 'Resource')).toHaveText(
            new RegExp(`^\\[\\s*"cluster",\\s*"${CLUSTER}",\\s*"topic",\\s*"${TOPIC}"\\s*\\]$`)
        )

        const inspect = await inspectTopic(await kpowUser(), TOPIC)
        await expect(inspect.messages()).toContainText('TRD-2026-')
        await inspect.inspect(OTHER_TOPIC)
        await expect(inspect.deniedAlert()).toHaveText(KPOW_DENIED_QUERY)
    })

    const closedAt = await setState(fulfiller, item, 'Closed Complete', 'Incident review done')
    const revokedAt = await waitForEffect(kpow, 'user', TOPIC, 'Deny')
    expect(await kpow.policies()).toEqual([])
    await waitForWorkNote(fulfiller, 'Kpow access revoked because the request was closed.')
    expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    await onLocal("the flow run shown on the local instance's item page", async () => {
        const flowRun = await fulfillerForm.flowRun()
        await expect(flowRun.getByRole('caption')).toContainText('complete')
        await expect(flowRun.getByRole('note')).toHaveCount(0)
    })

    await onLocal(KPOW_UI, async () => {
        const inspect = await inspectTopic(await kpowUser(), TOPIC)
        await expect(inspect.deniedAlert()).toHaveText(KPOW_DENIED_QUERY)
    })

    // Reported, not asserted: how long the user waits in this setup.
    console.log(
        `lifecycle figures: order -> access granted ${(grantedAt - orderedAt).toFixed(0)} ms (of which approve -> granted ${(grantedAt - approvedAt).toFixed(0)} ms); close -> access revoked ${(revokedAt - closedAt).toFixed(0)} ms`
    )
})
