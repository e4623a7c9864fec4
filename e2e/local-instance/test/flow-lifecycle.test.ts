// The project's update set, run end to end in the local instance against a real HTTP server
// standing in for Kpow.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { readUpdateSet, recordsOfTable } from '../../../scripts/lib/update-set/index'
import type { LocalInstance, UsersFixture } from '../instance'
import { createLocalInstance } from '../instance'
import { requestItemView } from '../http/view-models'
import { UnsupportedUpdateSetError } from '../unsupported'
import users from '../seed/users.json'
import type { KpowStandIn } from './kpow-stand-in'
import { KPOW_STAND_IN_EPOCH, startKpowStandIn } from './kpow-stand-in'
import { manualTimers } from './manual-timers'

import { flowName, instanceWithTheApp, itemName, order, updateSetXml } from './lifecycle-order'
const groupItemName = 'Request Kpow Consumer Group Edit Access'
const groupOrder = {
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    group_name: 'trade_b2',
    duration_ms: '900000',
    justification: 'Skip the poison message at partition 3 of tx_trade1',
    ticket_number: 'INC0010042',
}

let kpow: KpowStandIn | undefined
afterEach(async () => {
    await kpow?.stop()
    kpow = undefined
})

async function setUp(
    options: {
        failWith?: number
        hang?: boolean
        users?: UsersFixture
        now?: () => Date
        properties?: Record<string, string>
        /** Flow timers on the instance's clock (advanceClock), Kpow's created_ts on the same clock. */
        onInstanceClock?: boolean
    } = {}
) {
    kpow = await startKpowStandIn({
        ...options,
        // Called only once the instance exists (by the grant).
        nowMs: options.onInstanceClock ? () => instance.clock.now().getTime() : undefined,
    })
    const timers = manualTimers()
    const instance = instanceWithTheApp(kpow.url, {
        users: options.users ?? users,
        timers: options.onInstanceClock ? undefined : timers,
        now: options.now,
        properties: options.properties,
    })
    instance.activateFlow(flowName)
    return { instance, timers, kpow }
}

function item(instance: LocalInstance, sysId: string) {
    return instance.database.require('sc_req_item', sysId)
}

function workNotes(instance: LocalInstance, sysId: string): string[] {
    return instance.database.journal('sc_req_item', sysId, 'work_notes').map((entry) => entry.value)
}

describe('Kpow Access Lifecycle in the local instance', () => {
    it('grants on the manager approval and revokes when the item is closed', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        const [approval, ...others] = instance.approvalsFor('beth.anglin', 'requested')
        expect(others).toEqual([])
        expect(approval?.sysapproval).toBe(ordered.requestItem.sysId)
        expect(kpow.requests).toEqual([])

        instance.approve(approval?.sys_id ?? '', 'beth.anglin', 'ok for the incident')
        await instance.whenIdle()
        expect(kpow.requests).toHaveLength(1)
        const created = kpow.requests[0]
        expect(created?.method).toBe('POST')
        expect(created?.url).toBe('/admin/v1/temporary-policies')
        expect(created?.authorization).toBe(`Basic ${Buffer.from('admin:admin-secret').toString('base64')}`)
        expect(JSON.parse(created?.body ?? '')).toEqual({
            duration_ms: 900000,
            policy: {
                role: 'kafka-users',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Allow',
                resource: ['cluster', order.cluster_id, 'topic', order.topic_name],
            },
        })
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ approval: 'approved', state: '2' })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'Kpow Access Granted. Policy ID: tp-1.'
        )
        expect(ordered.flowRun?.status).toBe('waiting')

        instance.setItemState(ordered.requestItem.sysId, '3', 'fred.fulfiller')
        await instance.whenIdle()
        expect(kpow.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'POST /admin/v1/temporary-policies',
            'DELETE /admin/v1/temporary-policies/tp-1',
        ])
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'Kpow access revoked because the request was closed.'
        )
        const run = instance.flowRuns()[0]
        expect(run?.status).toBe('complete')
        expect(run?.steps.filter((step) => step.status === 'error')).toEqual([])
        expect(run?.steps.map((step) => step.name)).toEqual(
            expect.arrayContaining(['Kpow - Create Temporary Policy / Call Kpow: create temporary policy'])
        )
    })

    it('closes the item incomplete and calls nothing when the manager rejects', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.reject(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'not needed')
        await instance.whenIdle()
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({
            approval: 'rejected',
            state: '4',
            active: 'false',
        })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain('the approval ended as "rejected"')
        // The requester reads who rejected and why on the item, not only in the email.
        expect(
            instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'comments').map((entry) => entry.value)
        ).toContain('Rejected by Beth Anglin: not needed')
        expect(instance.flowRuns()[0]).toMatchObject({ status: 'complete', reason: 'ended by End Flow' })
    })

    it('cancels the pending approvals of an item closed before the decision, and never grants', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        const approval = instance.approvalsFor('beth.anglin', 'requested')[0]
        instance.setItemState(ordered.requestItem.sysId, '7', 'fred.fulfiller', 'no longer needed')
        await instance.whenIdle()
        expect(instance.database.require('sysapproval_approver', approval?.sys_id ?? '').state).toBe('cancelled')
        expect(instance.approvalsFor('beth.anglin', 'requested')).toEqual([])
        expect(() => instance.approve(approval?.sys_id ?? '', 'beth.anglin')).toThrow(
            /is closed \(Closed Incomplete\): its approvals can no longer be decided/
        )
        await instance.whenIdle()
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ approval: 'cancelled', active: 'false' })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain('the approval ended as "cancelled"')
        expect(instance.flowRuns()[0]).toMatchObject({ status: 'complete', reason: 'ended by End Flow' })
    })

    it('refuses to reopen a closed item', async () => {
        const { instance } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.setItemState(ordered.requestItem.sysId, '3', 'fred.fulfiller')
        expect(() => instance.setItemState(ordered.requestItem.sysId, '2', 'fred.fulfiller')).toThrow(
            /is closed \(Closed Complete\) and cannot be reopened/
        )
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '3', active: 'false' })
    })

    it('asks the approvers group when the requester has no manager', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'carol.nomanager')
        await instance.whenIdle()
        const gina = instance.approvalsFor('gina.approver', 'requested')
        const hank = instance.approvalsFor('hank.approver', 'requested')
        expect(gina).toHaveLength(1)
        expect(hank).toHaveLength(1)
        instance.approve(gina[0]?.sys_id ?? '', 'gina.approver')
        await instance.whenIdle()
        expect(instance.database.require('sysapproval_approver', hank[0]?.sys_id ?? '').state).toBe('not_required')
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST'])
        expect(item(instance, ordered.requestItem.sysId).state).toBe('2')
    })

    it('never asks the requester to approve, even a member of the approvers group', async () => {
        const { instance, kpow } = await setUp()
        // gina has no manager and is a member of the approvers group that decides for her.
        const ordered = instance.orderCatalogItem(itemName, order, 'gina.approver')
        await instance.whenIdle()
        expect(instance.approvalsFor('gina.approver')).toEqual([])
        const [hank] = instance.approvalsFor('hank.approver', 'requested')
        expect(hank?.sysapproval).toBe(ordered.requestItem.sysId)
        instance.approve(hank?.sys_id ?? '', 'hank.approver')
        await instance.whenIdle()
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST'])
    })

    it('closes the item, never approving at once, when the requester is the only member of the approvers group', async () => {
        const { instance, kpow } = await setUp({
            users: { ...users, groups: { 'Kpow Access Approvers': ['gina.approver'] } },
        })
        const ordered = instance.orderCatalogItem(itemName, order, 'gina.approver')
        await instance.whenIdle()
        expect(instance.database.query('sysapproval_approver')).toEqual([])
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '4', active: 'false' })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'has no active member other than the requester'
        )
    })

    it('does not count an approval by the requester', async () => {
        // A requester recorded as their own manager is asked by the manager branch: the flow's
        // self-approval check is the second guard.
        const selfManaged: UsersFixture = {
            ...users,
            users: [...users.users, { user_name: 'sam.self', name: 'Sam Self', manager: 'sam.self' }],
        }
        const { instance, kpow } = await setUp({ users: selfManaged })
        const ordered = instance.orderCatalogItem(itemName, order, 'sam.self')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('sam.self', 'requested')[0]?.sys_id ?? '', 'sam.self')
        await instance.whenIdle()
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId).state).toBe('4')
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'requesters cannot approve their own access'
        )
    })

    it('notes the failure and grants nothing when Kpow refuses', async () => {
        const { instance, kpow } = await setUp({ failWith: 500 })
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
        await instance.whenIdle()
        // A 5xx may come after Kpow created the policy: the flow looks for it twice, and Kpow keeps failing.
        expect(kpow.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'POST /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies',
        ])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '4', active: 'false' })
        const run = instance.flowRuns()[0]
        const failed = run?.steps.find((step) => step.status === 'error')
        expect(failed?.error).toContain('Kpow answered HTTP 500: Kpow stand-in refuses')
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            "Kpow - Reconcile Temporary Policy: could not list Kpow's temporary policies: Kpow answered HTTP 500"
        )
        expect(run?.status).toBe('complete')
    })

    it('keeps its event loop free while a Kpow call hangs, and notes the failure when the connection drops', async () => {
        const { instance, kpow } = await setUp({ hang: true })
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
        await kpow.received(1)

        // The flow is now inside RESTMessageV2.execute(); a server on this same thread still answers.
        const pages = createServer((_request, response) => response.end('still serving'))
        await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve))
        let flowIdle = false
        const idle = instance.whenIdle().then(() => (flowIdle = true))
        const answer = await fetch(`http://127.0.0.1:${String((pages.address() as AddressInfo).port)}/`)
        expect(await answer.text()).toBe('still serving')
        expect(flowIdle).toBe(false)
        await new Promise((resolve) => pages.close(resolve))

        await kpow.stop()
        await idle
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '4', active: 'false' })
        const failed = instance.flowRuns()[0]?.steps.find((step) => step.status === 'error')
        expect(failed?.error).toMatch(/Kpow/)
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toMatch(/Kpow/)
    })

    it("closes the item itself, Closed Complete, when Kpow's access ends before anyone closes it", async () => {
        const { instance, kpow } = await setUp({ now: () => new Date(KPOW_STAND_IN_EPOCH), onInstanceClock: true })
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
        await instance.whenIdle()
        const comments = () =>
            instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'comments').map((entry) => entry.value)
        // First the wait for the reminder: 10 minutes (x_kpow_jit.expiry_reminder_minutes) before the
        // grant's own end (15 minutes), not the profile's maximum.
        await instance.advanceClock(299_000)
        expect(comments().join('\n')).not.toContain('Need longer?')
        await instance.advanceClock(1_000)
        expect(comments().join('\n')).toMatch(
            /Your Kpow access ends at 2026-01-01 00:15:00 UTC \(in 10 minutes\)\. Need longer\? Extend it: .*sp\?id=sc_cat_item&sys_id=\w{32}&requested_item=RITM\d+/
        )
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST'])
        // Then the wait until Kpow's end, on the same clock.
        await instance.advanceClock(599_000)
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '2' })
        await instance.advanceClock(1_000)
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST', 'DELETE'])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '3', active: 'false' })
        // Kpow's created_ts + 15 minutes is 2026-01-01 00:15 UTC: texts give it in UTC, named.
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'Kpow access expired at 2026-01-01 00:15:00 UTC: policy tp-1 ended, so this request is closed complete.'
        )
        expect(
            instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'comments').map((entry) => entry.value)
        ).toEqual(
            expect.arrayContaining(['Your Kpow access expired at 2026-01-01 00:15:00 UTC; this request is closed.'])
        )
        expect(ordered.flowRun?.status).toBe('complete')
    })

    it('does not run a flow left draft by the import', async () => {
        kpow = await startKpowStandIn()
        const instance = instanceWithTheApp(kpow.url, { kpowPassword: 'x', timers: manualTimers() })
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        expect(ordered.flowRun).toMatchObject({ status: 'not_started' })
        expect(ordered.flowRun?.reason).toContain('is not active')
    })

    it('tests an action alone, as Flow Designer does, refusing a wildcard before calling Kpow', async () => {
        const { instance, kpow } = await setUp()
        const inputs = {
            profile_id: 'topic_query',
            role_name: 'kafka-users',
            cluster_id: order.cluster_id,
            duration_ms: '60000',
        }
        const refused = await instance.testAction(
            'Kpow - Create Temporary Policy',
            { ...inputs, topic_name: 'tx_*' },
            'fred.fulfiller'
        )
        expect(refused).toMatchObject({ status: 'error', flowName: 'Test of action "Kpow - Create Temporary Policy"' })
        expect(refused.reason).toContain('is not one exact Kafka topic name')
        expect(kpow.requests).toEqual([])
        const granted = await instance.testAction(
            'Kpow - Create Temporary Policy',
            { ...inputs, topic_name: 'tx_trade' },
            'fred.fulfiller'
        )
        expect(granted.status).toBe('complete')
        expect(granted.steps[0]?.outputs.policy_id).toBe('tp-1')
        expect(JSON.parse(kpow.requests[0]?.body ?? '{}')).toMatchObject({
            policy: { resource: ['cluster', order.cluster_id, 'topic', 'tx_trade'] },
        })
        await expect(instance.testAction('No such action', {}, 'fred.fulfiller')).rejects.toThrow(
            /No action "No such action" in the update set \(actions: /
        )
    })

    it('"End my Kpow access": only the requester of a granted item sees it; clicking it closes the item and the flow revokes', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        const itemId = ordered.requestItem.sysId
        expect(await instance.uiActionsFor(itemId, 'abel.tuter')).toEqual([])
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        const buttons = await instance.uiActionsFor(itemId, 'abel.tuter')
        expect(buttons.map((button) => button.name)).toEqual(['End my Kpow access'])
        for (const other of ['beth.anglin', 'fred.fulfiller', 'carol.nomanager'])
            expect(await instance.uiActionsFor(itemId, other)).toEqual([])
        await expect(instance.runUiAction(itemId, buttons[0]?.sysId ?? '', 'fred.fulfiller')).rejects.toThrow(
            'is not available to you on this record now'
        )
        expect(item(instance, itemId).state).toBe('2')

        const outcome = await instance.runUiAction(itemId, buttons[0]?.sysId ?? '', 'abel.tuter')
        expect(outcome.redirect).toEqual({ table: 'sc_req_item', sysId: itemId })
        await instance.whenIdle()
        expect(kpow.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'POST /admin/v1/temporary-policies',
            'DELETE /admin/v1/temporary-policies/tp-1',
        ])
        expect(item(instance, itemId)).toMatchObject({ state: '3', active: 'false' })
        const comments = instance.database.journal('sc_req_item', itemId, 'comments')
        expect(comments.map((entry) => [entry.author, entry.value])).toEqual(
            expect.arrayContaining([
                [
                    'abel.tuter',
                    'Kpow access ended early by the requester (abel.tuter): this request is closed, so the access is revoked.',
                ],
            ])
        )
        expect(workNotes(instance, itemId).join('\n')).toContain('Kpow access revoked because the request was closed.')
        expect(await instance.uiActionsFor(itemId, 'abel.tuter')).toEqual([])
    })

    it('rejects an approval nobody decided by its due date (8 hours), closes the item incomplete and tells the requester', async () => {
        let clock = Date.parse('2026-11-29T09:00:00Z')
        const { instance, timers, kpow } = await setUp({ now: () => new Date(clock) })
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        const [approval] = instance.approvalsFor('beth.anglin', 'requested')
        expect(approval?.due_date).toBe('2026-11-29 17:00:00')
        expect(timers.pending()).toEqual([8 * 3_600_000])

        clock += 8 * 3_600_000
        timers.fireAll()
        await instance.whenIdle()
        expect(instance.database.require('sysapproval_approver', approval?.sys_id ?? '')).toMatchObject({
            state: 'rejected',
            sys_updated_by: 'system',
        })
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({
            approval: 'rejected',
            state: '4',
            active: 'false',
        })
        const notes = workNotes(instance, ordered.requestItem.sysId).join('\n')
        expect(notes).toContain('Kpow access not granted: the approval deadline passed. Nobody decided within 8 hours')
        expect(notes).not.toContain('the approval ended as')
        expect(
            instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'comments').map((entry) => entry.value)
        ).toContain(
            'Your access was not granted: the approval deadline passed. Nobody decided on your request within 8 hours, so it was rejected automatically. Submit a new request if you still need the access.'
        )
        expect(instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'approval_history')[0]?.value).toBe(
            'Rejected at the due date 2026-11-29 17:00:00, nobody having decided (beth.anglin: rejected)'
        )
        // The requester's email says the deadline passed; no "rejected by" email is sent.
        expect(
            instance.database
                .query('sys_email')
                .filter((email) => email.recipients?.includes('abel.tuter'))
                .map((email) => email.subject)
        ).toEqual([`Kpow access not granted, approval deadline passed: ${ordered.requestItem.number}`])
        expect(instance.flowRuns()[0]).toMatchObject({ status: 'complete', reason: 'ended by End Flow' })
        // The run has ended: no timer is left behind.
        expect(timers.pending()).toEqual([])
    })

    it('reads the deadline from x_kpow_jit.approval_deadline_hours on the instance; the group gets its own from when it is asked', async () => {
        let clock = Date.parse('2026-11-29T09:00:00Z')
        const { instance, timers } = await setUp({ now: () => new Date(clock) })
        const [property] = instance.database.query('sys_properties', 'name=x_kpow_jit.approval_deadline_hours')
        expect(property?.value).toBe('8')
        instance.database.update('sys_properties', property?.sys_id ?? '', { value: '2' }, 'admin')
        const ordered = instance.orderCatalogItem(groupItemName, groupOrder, 'abel.tuter')
        await instance.whenIdle()
        const [managerApproval] = instance.approvalsFor('beth.anglin', 'requested')
        expect(managerApproval?.due_date).toBe('2026-11-29 11:00:00')
        clock += 3_600_000
        instance.approve(managerApproval?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        const [groupApproval] = instance.approvalsFor('gina.approver', 'requested')
        expect(groupApproval?.due_date).toBe('2026-11-29 12:00:00')
        expect(timers.pending()).toEqual([2 * 3_600_000])
        clock += 2 * 3_600_000
        timers.fireAll()
        await instance.whenIdle()
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '4', active: 'false' })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'the approval deadline passed. Nobody decided within 2 hours'
        )
    })

    it('refuses a deadline property that is not a number of hours, before asking anyone', async () => {
        const { instance } = await setUp()
        const [property] = instance.database.query('sys_properties', 'name=x_kpow_jit.approval_deadline_hours')
        instance.database.update('sys_properties', property?.sys_id ?? '', { value: 'eight' }, 'admin')
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        expect(instance.database.query('sysapproval_approver')).toEqual([])
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(
            'x_kpow_jit.approval_deadline_hours is not a number of hours above 0'
        )
        expect(instance.flowRuns()[0]?.status).toBe('error')
    })

    it('GROUP_EDIT profile: the manager then the approvers group approve, the policy is built from the profile', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(groupItemName, groupOrder, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(kpow.requests).toEqual([])
        const [groupApproval] = instance.approvalsFor('gina.approver', 'requested')
        expect(groupApproval?.sysapproval).toBe(ordered.requestItem.sysId)
        instance.approve(groupApproval?.sys_id ?? '', 'gina.approver', 'ok for the incident')
        await instance.whenIdle()
        expect(JSON.parse(kpow.requests[0]?.body ?? '{}')).toEqual({
            duration_ms: 900000,
            policy: {
                role: 'kafka-users',
                actions: ['GROUP_EDIT'],
                effect: 'Allow',
                resource: ['cluster', groupOrder.cluster_id, 'group', 'trade_b2'],
            },
        })
        const notes = workNotes(instance, ordered.requestItem.sysId).join('\n')
        expect(notes).toContain('Profile: Request Kpow Consumer Group Edit Access.')
        expect(notes).toContain('"actions":["GROUP_EDIT"]')
        expect(notes).toContain(`Justification: ${groupOrder.justification}`)
        expect(notes).toContain('INC0010042')
        // Who approved, in order: the manager, then the approvers group.
        expect(notes).toMatch(/Approval: Approved \(beth\.anglin: approved\)\nApproved \(gina\.approver: approved/)
    })

    it('GROUP_EDIT profile: a rejecting manager ends it before the group is asked', async () => {
        const { instance, kpow } = await setUp()
        const ordered = instance.orderCatalogItem(groupItemName, groupOrder, 'abel.tuter')
        await instance.whenIdle()
        instance.reject(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'no')
        await instance.whenIdle()
        expect(instance.approvalsFor('gina.approver', 'requested')).toEqual([])
        expect(kpow.requests).toEqual([])
        expect(item(instance, ordered.requestItem.sysId).state).toBe('4')
    })

    it('role mode (the default) says who gains access; the requester learns the outcome in comments, not work notes', async () => {
        const { instance } = await setUp()
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        const comments = () =>
            instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'comments').map((entry) => entry.value)
        expect(comments().join('\n')).toContain(
            'Everyone who holds the Kpow role kafka-users gains this access while it lasts, not only the requester'
        )
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(comments().join('\n')).toContain(
            'Your Kpow access is granted: Request Kpow Topic Query Access on topic tx_trade until 2026-01-01 00:15:00 UTC (Due date on this request shows it in your time zone).'
        )
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain('until 2026-01-01 00:15:00 UTC.')
        expect(comments().join('\n')).not.toContain('Policy ID')
        instance.setItemState(ordered.requestItem.sysId, '3', 'fred.fulfiller')
        await instance.whenIdle()
        expect(comments().join('\n')).toContain('Your Kpow access has ended: this request was closed.')
    })

    it("writes the end in UTC, named, and the item's Due date shows it in each viewer's zone (theirs, else glide.sys.default.tz, else UTC)", async () => {
        const granted = async (systemZone?: string) => {
            const { instance } = await setUp()
            if (systemZone)
                instance.database.insert('sys_properties', { name: 'glide.sys.default.tz', value: systemZone })
            const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
            await instance.whenIdle()
            instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
            await instance.whenIdle()
            await kpow?.stop()
            const stored = item(instance, ordered.requestItem.sysId)
            const dueDateFor = (userName: string) =>
                requestItemView(instance, { userName, name: userName, isFulfiller: false, csrfToken: '' }, stored)
                    .dates.filter((date) => date.field === 'due_date')
                    .map((date) => `${date.wallClock} ${date.zone}`)
            const comments = instance.database
                .journal('sc_req_item', ordered.requestItem.sysId, 'comments')
                .map((entry) => entry.value)
            return { stored, dueDateFor, comments }
        }
        const inTokyo = await granted('Asia/Tokyo')
        expect(inTokyo.stored.due_date).toBe('2026-01-01 00:15:00')
        expect(inTokyo.dueDateFor('abel.tuter')).toEqual(['2026-01-01 01:15:00 Europe/Berlin'])
        expect(inTokyo.dueDateFor('carol.nomanager')).toEqual(['2025-12-31 19:15:00 America/New_York'])
        expect(inTokyo.dueDateFor('fred.fulfiller')).toEqual(['2026-01-01 09:15:00 Asia/Tokyo'])
        expect(inTokyo.comments.join('\n')).toContain('until 2026-01-01 00:15:00 UTC (Due date on this request')
        expect(inTokyo.comments.join('\n')).not.toMatch(/Europe\/Berlin|Asia\/Tokyo|Exception/)
        expect((await granted()).dueDateFor('fred.fulfiller')).toEqual(['2026-01-01 00:15:00 UTC'])
    })

    it('refuses a seeded user whose time zone it does not know, naming the user and the field', () => {
        const misspelt = { ...users, users: [{ user_name: 'zed', name: 'Zed', time_zone: 'Europe/Berln' }] }
        expect(() => createLocalInstance({ updateSetXml, users: misspelt })).toThrow(
            /users fixture: time_zone "Europe\/Berln" of "zed" is not a time zone the local instance knows/
        )
    })

    it("links a topic grant to Kpow's Data > Inspect when x_kpow_jit.kpow_ui_url is set; no link without it, or for a consumer group", async () => {
        const kpowUi = { 'x_kpow_jit.kpow_ui_url': 'https://kpow.example.com/' }
        const link = `Kpow Data > Inspect: https://kpow.example.com/#/tenant/__kpow_global/cluster/${order.cluster_id}/data/inspect?topic=${order.topic_name}`
        const journals = (instance: LocalInstance, sysId: string) =>
            ['work_notes', 'comments'].map((field) =>
                instance.database
                    .journal('sc_req_item', sysId, field)
                    .map((entry) => entry.value)
                    .join('\n')
            )
        const granted = async (properties: Record<string, string> | undefined, group = false) => {
            const { instance } = await setUp({ properties })
            const ordered = group
                ? instance.orderCatalogItem(groupItemName, groupOrder, 'abel.tuter')
                : instance.orderCatalogItem(itemName, order, 'abel.tuter')
            await instance.whenIdle()
            instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
            await instance.whenIdle()
            if (group) {
                instance.approve(instance.approvalsFor('gina.approver', 'requested')[0]?.sys_id ?? '', 'gina.approver')
                await instance.whenIdle()
            }
            await kpow?.stop()
            return journals(instance, ordered.requestItem.sysId)
        }
        const [workNotes, comments] = await granted(kpowUi)
        expect(workNotes).toContain(`Closing this request revokes the access. ${link}`)
        expect(comments).toContain(`Done early? Use End my Kpow access on this request to end it now. ${link}`)
        for (const text of [...(await granted(undefined)), ...(await granted(kpowUi, true))]) {
            expect(text).not.toContain('Data > Inspect')
        }
        expect((await granted(kpowUi, true))[0]).toContain('Kpow Access Granted')
    })

    it('refuses to set a system property the set does not carry', () => {
        expect(() =>
            createLocalInstance({ updateSetXml, users, properties: { 'x_kpow_jit.no_such_property': 'x' } })
        ).toThrow(/system property x_kpow_jit.no_such_property is not in the instance/)
    })

    it("personal mode: the policy goes to the requester's own role, whatever the form says, and the action refuses another", async () => {
        const { instance, kpow } = await setUp()
        const property = (name: string) => instance.database.query('sys_properties', `name=${name}`)[0]?.sys_id ?? ''
        instance.database.update('sys_properties', property('x_kpow_jit.grant_to'), { value: 'personal' }, 'admin')
        const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        expect(
            instance.database
                .journal('sc_req_item', ordered.requestItem.sysId, 'comments')
                .map((entry) => entry.value)
                .join('\n')
        ).toContain('Only the requester gains this access: it is granted to their personal Kpow role user-abel.tuter.')
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(JSON.parse(kpow.requests[0]?.body ?? '{}')).toMatchObject({ policy: { role: 'user-abel.tuter' } })

        const forged = await instance.testAction(
            'Kpow - Create Temporary Policy',
            {
                profile_id: 'topic_query',
                role_name: 'kafka-users',
                cluster_id: order.cluster_id,
                topic_name: 'tx_trade',
                duration_ms: '60000',
                work_notes_record: ordered.requestItem.sysId,
            },
            'fred.fulfiller'
        )
        expect(forged.reason).toContain("is not the requester's personal role user-abel.tuter")
        instance.database.update(
            'sys_properties',
            property('x_kpow_jit.personal_role_template'),
            { value: 'jit-${user_name}-x' },
            'admin'
        )
        const templated = instance.orderCatalogItem(itemName, order, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(templated.flowRun?.status).toBe('waiting')
        expect(JSON.parse(kpow.requests.at(-1)?.body ?? '{}')).toMatchObject({ policy: { role: 'jit-abel.tuter-x' } })
    })

    it('a justification is text: field separators in it change no other field', async () => {
        const { instance } = await setUp()
        const justification = 'needed^state=3^active=false'
        const ordered = instance.orderCatalogItem(itemName, { ...order, justification }, 'abel.tuter')
        await instance.whenIdle()
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await instance.whenIdle()
        expect(item(instance, ordered.requestItem.sysId)).toMatchObject({ state: '2', active: 'true' })
        expect(workNotes(instance, ordered.requestItem.sysId).join('\n')).toContain(`Justification: ${justification}`)
    })

    it('the action refuses a resource of the wrong type or a wildcard for a group profile, before calling Kpow', async () => {
        const { instance, kpow } = await setUp()
        const inputs = {
            profile_id: 'group_edit',
            role_name: 'kafka-users',
            cluster_id: order.cluster_id,
            duration_ms: '900000',
        }
        const cases: [Record<string, string>, string][] = [
            [{ topic_name: 'tx_trade1' }, 'applies to a consumer group'],
            [{ group_name: 'trade_*' }, 'is not one exact consumer group id'],
            [{ group_name: 'trade_b2', duration_ms: '60000' }, 'is not a duration profile group_edit offers'],
            [{ group_name: 'trade_b2', role_name: 'kafka-admins' }, 'is not a role profile group_edit grants to'],
            [{ group_name: 'trade_b2', profile_id: 'everything' }, 'is not an access profile'],
        ]
        for (const [overrides, message] of cases) {
            const run = await instance.testAction(
                'Kpow - Create Temporary Policy',
                { ...inputs, ...overrides },
                'fred.fulfiller'
            )
            expect(run.status).toBe('error')
            expect(run.reason).toContain(message)
        }
        const topicProfile = await instance.testAction(
            'Kpow - Create Temporary Policy',
            { ...inputs, profile_id: 'topic_query', duration_ms: '60000', group_name: 'trade_b2' },
            'fred.fulfiller'
        )
        expect(topicProfile.reason).toContain('applies to a topic')
        expect(kpow.requests).toEqual([])
    })

    it('refuses a group order with a wildcard or a topic instead of a group', async () => {
        const { instance } = await setUp()
        expect(() =>
            instance.orderCatalogItem(groupItemName, { ...groupOrder, group_name: 'trade_*' }, 'abel.tuter')
        ).toThrow(/"group_name": Enter one exact consumer group id/)
        const { group_name: _group, ...withoutGroup } = groupOrder
        expect(() =>
            instance.orderCatalogItem(groupItemName, { ...withoutGroup, topic_name: 'tx_trade1' }, 'abel.tuter')
        ).toThrow(/"topic_name" is not a variable of the item[\s\S]*"group_name" \(Consumer Group\) is mandatory/)
        expect(() =>
            instance.orderCatalogItem(groupItemName, { ...groupOrder, justification: '' }, 'abel.tuter')
        ).toThrow(/"justification" \(Business Justification\) is mandatory/)
    })

    it('refuses an order the form would refuse', async () => {
        const { instance } = await setUp()
        expect(() =>
            instance.orderCatalogItem(itemName, { ...order, topic_name: 'tx_*', duration_ms: '99' }, 'abel.tuter')
        ).toThrow(/"topic_name": Enter one exact Kafka topic name[\s\S]*"duration_ms" must be one of/)
    })
})

describe('loading the project update set', () => {
    const aliases = { 'Kpow API': { url: 'http://127.0.0.1:9', user: 'admin', password: 'x' } }

    it('refuses a script the platform would reject in ES5 mode', () => {
        const es5Set = updateSetXml
            .replace('<js_level>es_latest</js_level>', '<js_level>helsinki_es5</js_level>')
            .replace('var roleName = ', 'let roleName = ')
        expect(es5Set).not.toBe(updateSetXml)
        expect(() => createLocalInstance({ updateSetXml: es5Set, users, aliases })).toThrow(UnsupportedUpdateSetError)
        expect(() => createLocalInstance({ updateSetXml: es5Set, users, aliases })).toThrow(
            /\[script-syntax\] sys_hub_action_type_definition_\w+ \(action "Kpow - Create Temporary Policy", step "Call Kpow: create temporary policy"\)/
        )
    })

    it('refuses to start without a connection for the alias', () => {
        expect(() => createLocalInstance({ updateSetXml, users, aliases: {} })).toThrow(
            /alias "Kpow API".*no connection configured/
        )
    })

    it('reports what it loaded and what needed no execution', () => {
        const instance = createLocalInstance({ updateSetXml, users, aliases })
        // Whatever the set carries, however many: each flow (loaded inactive) and action is reported.
        const carried = readUpdateSet(updateSetXml)
        const namesIn = (table: string) =>
            carried.records
                .filter((entry) => entry.table === table)
                .map((entry) => entry.targetName)
                .sort()
        expect(instance.report?.flows.map((flow) => flow.name).sort()).toEqual(namesIn('sys_hub_flow'))
        expect(instance.report?.flows.every((flow) => !flow.active)).toBe(true)
        expect(instance.report?.flows.map((flow) => flow.name)).toEqual(
            expect.arrayContaining([flowName, 'Kpow Access Extension'])
        )
        expect(instance.report?.actions.map((action) => action.name).sort()).toEqual(
            namesIn('sys_hub_action_type_definition')
        )
        expect(instance.report?.data).toMatchObject({
            item_option_new: recordsOfTable(carried, 'item_option_new').length,
            sys_alias: 1,
            sys_user_group: recordsOfTable(carried, 'sys_user_group').length,
        })
        expect(instance.report?.inert.sys_documentation?.reason).toBe('field labels')
    })
})
