// Extensions and the expiry reminder, run from the project's update set in the
// local instance against the Kpow stand-in, on one clock the test moves.
import { afterEach, describe, expect, it } from 'vitest'
import type { LocalInstance } from '../instance'
import type { KpowStandIn, KpowStandInOptions } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { flowName, instanceWithTheApp, itemName, order } from './lifecycle-order'

const extendItem = 'Extend Kpow Access'
const MINUTE = 60_000
const START = Date.parse('2026-01-05T09:00:00Z')

let kpow: KpowStandIn | undefined
afterEach(async () => {
    await kpow?.stop()
    kpow = undefined
})

/** abel.tuter is granted `durationMs` (beth.anglin approves); both flows active. */
async function granted(durationMs = 15 * MINUTE, kpowOptions: KpowStandInOptions = {}) {
    // One clock: the instance's (real time frozen at START, moved by advanceClock), Kpow's created_ts on it.
    let instanceNow = () => START
    kpow = await startKpowStandIn({ ...kpowOptions, nowMs: () => instanceNow() })
    const instance = instanceWithTheApp(kpow.url, { now: () => new Date(START) })
    instanceNow = () => instance.clock.now().getTime()
    instance.activateFlow(flowName)
    instance.activateFlow('Kpow Access Extension')
    const original = instance.orderCatalogItem(itemName, { ...order, duration_ms: String(durationMs) }, 'abel.tuter')
    await instance.whenIdle()
    instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
    await instance.whenIdle()
    expect(kpow.held()).toEqual(['tp-1'])
    return { instance, kpow, original: original.requestItem }
}

async function extend(instance: LocalInstance, number: string, extensionMs: number, asUserName = 'abel.tuter') {
    const ordered = instance.orderCatalogItem(
        extendItem,
        { requested_item: number, extension_ms: String(extensionMs), justification: 'The replay needs longer' },
        asUserName
    )
    await instance.whenIdle()
    return ordered
}

function journal(instance: LocalInstance, sysId: string, field: 'work_notes' | 'comments'): string {
    return instance.database
        .journal('sc_req_item', sysId, field)
        .map((entry) => entry.value)
        .join('\n')
}

const calls = (stand: KpowStandIn) => stand.requests.map((request) => `${request.method} ${request.url}`)

describe('extending Kpow access', () => {
    it('a pre-approved extension creates the new policy before deleting the old one, and the new end is honoured', async () => {
        const { instance, kpow: stand, original } = await granted()
        const extension = await extend(instance, original.number, 15 * MINUTE)

        // No approval asked: topic_query pre-approves extensions up to 15 minutes.
        expect(instance.approvalsFor('beth.anglin', 'requested')).toEqual([])
        expect(calls(stand)).toEqual([
            'POST /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies/tp-1',
            'POST /admin/v1/temporary-policies',
            'DELETE /admin/v1/temporary-policies/tp-1',
        ])
        // The new policy grants exactly what the old one did, until the old end plus 15 minutes.
        const [first, , second] = stand.requests.map((request) => request.body)
        const firstBody = JSON.parse(first ?? '') as { policy: unknown }
        expect(JSON.parse(second ?? '')).toEqual({ duration_ms: 30 * MINUTE, policy: firstBody.policy })
        expect(stand.held()).toEqual(['tp-2'])
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({
            correlation_id: 'tp-2',
            work_start: '2026-01-05 09:00:00',
            due_date: '2026-01-05 09:30:00',
            state: '2',
        })
        expect(journal(instance, original.sysId, 'work_notes')).toMatch(
            /Kpow access extended by 15 minutes \(RITM\d+, approved; pre-approved: true\): new policy tp-2 until 2026-01-05 09:30:00 UTC created first, then policy tp-1 deleted\./
        )
        expect(journal(instance, original.sysId, 'comments')).toContain(
            'Your Kpow access is extended until 2026-01-05 09:30:00 UTC.'
        )
        expect(instance.database.require('sc_req_item', extension.requestItem.sysId)).toMatchObject({ state: '3' })

        // The original flow's reminder time (09:05) passes: its policy is gone, it hands over quietly.
        await instance.advanceClock(5 * MINUTE)
        expect(journal(instance, original.sysId, 'work_notes')).toContain(
            'Policy tp-1 was replaced by policy tp-2 (an extension, until 2026-01-05 09:30:00 UTC)'
        )
        expect(journal(instance, original.sysId, 'comments')).not.toContain('Need longer?')
        // Past the old end: still open, nothing deleted.
        await instance.advanceClock(11 * MINUTE)
        expect(stand.held()).toEqual(['tp-2'])
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({ state: '2' })
        // The extension's flow reminds 10 minutes before the new end...
        await instance.advanceClock(4 * MINUTE)
        expect(journal(instance, original.sysId, 'comments')).toMatch(
            /Your Kpow access ends at 2026-01-05 09:30:00 UTC \(in 10 minutes\)\. Need longer\? Extend it: .*requested_item=RITM/
        )
        // ...by email too, with the link (the first reminder, at 09:05, was not sent: the policy had been replaced).
        const reminders = instance.database.query('sys_email', 'subjectSTARTSWITHKpow access ends soon')
        expect(reminders.map((email) => [email.recipients, email.subject])).toEqual([
            ['abel.tuter@example.com', `Kpow access ends soon: ${original.number}`],
        ])
        expect(reminders[0]?.body).toMatch(
            new RegExp(
                `ends at 2026-01-05 09:30:00 UTC\\..*<a href="[^"]*sp\\?id=sc_cat_item&amp;sys_id=\\w{32}&amp;requested_item=${original.number}">Extend it</a>`
            )
        )
        // ...and closes the item at it.
        await instance.advanceClock(10 * MINUTE)
        expect(calls(stand).at(-1)).toBe('DELETE /admin/v1/temporary-policies/tp-2')
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({ state: '3', active: 'false' })
        expect(journal(instance, original.sysId, 'work_notes')).toMatch(
            /Kpow access expired at 2026-01-05 09:30:00 UTC: policy tp-2 \(extended\) ended/
        )
        expect(instance.flowRuns().map((run) => run.status)).toEqual(['complete', 'complete'])
    })

    it('an extension longer than the pre-approved one is asked of the manager; a rejection leaves the access untouched', async () => {
        const { instance, kpow: stand, original } = await granted()
        const extension = await extend(instance, original.number, 30 * MINUTE)
        const [approval] = instance.approvalsFor('beth.anglin', 'requested')
        expect(approval?.sysapproval).toBe(extension.requestItem.sysId)
        expect(calls(stand)).toHaveLength(1)

        instance.reject(approval?.sys_id ?? '', 'beth.anglin', 'not today')
        await instance.whenIdle()
        expect(calls(stand)).toHaveLength(1)
        expect(stand.held()).toEqual(['tp-1'])
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({
            correlation_id: 'tp-1',
            due_date: '2026-01-05 09:15:00',
            state: '2',
        })
        expect(instance.database.require('sc_req_item', extension.requestItem.sysId)).toMatchObject({ state: '4' })
        expect(journal(instance, extension.requestItem.sysId, 'comments')).toContain(
            'Not extended: the approval ended as "rejected"'
        )
        expect(journal(instance, original.sysId, 'work_notes')).toMatch(
            /Extension RITM\d+ by 30 minutes was not approved \("rejected"\): policy tp-1 is unchanged/
        )
    })

    it('an approved extension needs the approval before anything changes in Kpow', async () => {
        const { instance, kpow: stand, original } = await granted()
        await extend(instance, original.number, 30 * MINUTE)
        instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'fine')
        await instance.whenIdle()
        expect(stand.held()).toEqual(['tp-2'])
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({
            correlation_id: 'tp-2',
            due_date: '2026-01-05 09:45:00',
        })
    })

    it.each([
        [
            'beyond the profile maximum from the first grant',
            60 * MINUTE,
            'abel.tuter',
            5 * MINUTE,
            /would last 65 minutes in all; .* allows at most 60 minutes from the first grant \(0 minutes more at most\)/,
        ],
        [
            "someone else's request",
            15 * MINUTE,
            'carol.nomanager',
            5 * MINUTE,
            /is not your request: only its requester can extend its access/,
        ],
    ])('refuses an extension %s, changing nothing', async (_case, grantMs, asUserName, extensionMs, reason) => {
        const { instance, kpow: stand, original } = await granted(grantMs)
        const extension = await extend(instance, original.number, extensionMs, asUserName)
        expect(calls(stand)).toHaveLength(1)
        expect(stand.held()).toEqual(['tp-1'])
        expect(instance.database.require('sc_req_item', extension.requestItem.sysId)).toMatchObject({ state: '4' })
        expect(journal(instance, extension.requestItem.sysId, 'comments')).toMatch(reason)
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({ correlation_id: 'tp-1' })
    })

    it('a failed create deletes nothing: the current access stays', async () => {
        const {
            instance,
            kpow: stand,
            original,
        } = await granted(15 * MINUTE, {
            failCreateAfter: { policies: 1, status: 503 },
        })
        const extension = await extend(instance, original.number, 5 * MINUTE)
        expect(calls(stand).filter((call) => call.startsWith('DELETE'))).toEqual([])
        expect(stand.held()).toEqual(['tp-1'])
        expect(instance.database.require('sc_req_item', original.sysId)).toMatchObject({ correlation_id: 'tp-1' })
        expect(instance.database.require('sc_req_item', extension.requestItem.sysId)).toMatchObject({ state: '4' })
        expect(journal(instance, extension.requestItem.sysId, 'work_notes')).toContain(
            'Kpow - Extend Temporary Policy failed: Kpow answered HTTP 503: Kpow stand-in refuses the create. Policy tp-1 is unchanged.'
        )
    })

    it('closing the extended item revokes the current policy, not the replaced one', async () => {
        const { instance, kpow: stand, original } = await granted()
        await extend(instance, original.number, 5 * MINUTE)
        instance.setItemState(original.sysId, '3', 'fred.fulfiller')
        await instance.whenIdle()
        expect(stand.held()).toEqual([])
        expect(calls(stand).at(-1)).toBe('DELETE /admin/v1/temporary-policies/tp-2')
        expect(journal(instance, original.sysId, 'work_notes')).toContain(
            'Kpow access revoked because the request was closed: policy tp-2 (extended).'
        )
        expect(instance.flowRuns().map((run) => run.status)).toEqual(['complete', 'complete'])
    })
})
