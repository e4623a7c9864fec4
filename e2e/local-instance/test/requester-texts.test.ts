// What a requester reads names no system property and no scoped identifier (x_kpow_jit.…): the
// catalog items and their variables, the comments on their request, the emails to them. The
// project's update set runs in the local instance against a Kpow stand-in, through the paths where
// a property decides what the requester is told (who gains access, a grant refused by the longest
// duration, the reminder, the expiry). Work notes, for the fulfillers, may name properties.
import { afterEach, describe, expect, it } from 'vitest'
import type { LocalInstance } from '../instance'
import type { KpowStandIn } from './kpow-stand-in'
import { KPOW_STAND_IN_EPOCH, startKpowStandIn } from './kpow-stand-in'
import { flowName, instanceWithTheApp, itemName, order } from './lifecycle-order'

const REQUESTER = 'abel.tuter@example.com'
const INTERNAL = 'x_kpow_jit.'

let kpow: KpowStandIn | undefined
let instance: LocalInstance | undefined
afterEach(async () => {
    instance?.close()
    await kpow?.stop()
    instance = undefined
    kpow = undefined
})

async function setUp(properties: Record<string, string> = {}): Promise<LocalInstance> {
    kpow = await startKpowStandIn({ nowMs: () => local.clock.now().getTime() })
    const local = instanceWithTheApp(kpow.url, { now: () => new Date(KPOW_STAND_IN_EPOCH), properties })
    instance = local
    local.activateFlow(flowName)
    return local
}

async function orderApproved(local: LocalInstance): Promise<string> {
    const { requestItem } = local.orderCatalogItem(itemName, order, 'abel.tuter')
    await local.whenIdle()
    local.approve(local.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
    await local.whenIdle()
    return requestItem.sysId
}

/** The comments on the request and the emails to the requester, each as one text. */
function requesterReads(local: LocalInstance, itemSysId: string): string[] {
    return [
        ...local.database.journal('sc_req_item', itemSysId, 'comments').map((entry) => entry.value),
        ...local
            .emails()
            .filter((email) => email.recipients === REQUESTER)
            .map((email) => `${email.subject ?? ''}\n${email.body ?? ''}`),
    ]
}

function namingInternals(texts: string[]): string[] {
    return texts.filter((text) => text.includes(INTERNAL))
}

describe('texts a requester reads', () => {
    it('the catalog items and their variables, choices and validation messages', async () => {
        const local = await setUp()
        const texts = [
            ...local.database
                .query('sc_cat_item')
                .flatMap((item) => [item.name, item.short_description, item.description]),
            ...local.database
                .query('item_option_new')
                .flatMap((variable) => [
                    variable.question_text,
                    variable.help_text,
                    variable.tooltip,
                    variable.example_text,
                ]),
            ...local.database.query('question_choice').map((choice) => choice.text),
            ...local.database.query('question_regex').map((regex) => regex.validation_message),
        ].map((text) => text ?? '')
        // The role variable's help and each item's description say who gains the access.
        expect(texts.filter((text) => text.includes('personal role')).length).toBeGreaterThan(2)
        expect(namingInternals(texts)).toEqual([])
    })

    it('role mode: who gains the access, the grant, the reminder and the expiry', async () => {
        const local = await setUp()
        const itemSysId = await orderApproved(local)
        await local.advanceClock(15 * 60_000)
        const texts = requesterReads(local, itemSysId)
        expect(texts.join('\n')).toContain("your administrator's grant setting gives access to roles")
        expect(texts.join('\n')).toContain('Need longer?')
        expect(texts.join('\n')).toContain('Your Kpow access expired at')
        expect(namingInternals(texts)).toEqual([])
        // The fulfillers' work notes still name what decides.
        expect(local.database.journal('sc_req_item', itemSysId, 'work_notes').length).toBeGreaterThan(0)
    })

    it('personal mode: the grant and the close', async () => {
        const local = await setUp({ 'x_kpow_jit.grant_to': 'personal' })
        const itemSysId = await orderApproved(local)
        local.setItemState(itemSysId, '3', 'fred.fulfiller')
        await local.whenIdle()
        const texts = requesterReads(local, itemSysId)
        expect(texts.join('\n')).toContain('Only the requester gains this access')
        expect(texts.join('\n')).toContain('Your Kpow access has ended')
        expect(namingInternals(texts)).toEqual([])
    })

    it.each([
        ['shorter than the order', '5', 'the duration requested is not one this access offers: at most 5 minutes'],
        ['not a number', 'sixty', 'longest-access setting is not a whole number of minutes'],
    ])(
        'a grant the longest-duration setting refuses (%s): the email says why in plain words, the work note names the property',
        async (_case, maxMinutes, told) => {
            const local = await setUp({ 'x_kpow_jit.max_duration_minutes': maxMinutes })
            const itemSysId = await orderApproved(local)
            const texts = requesterReads(local, itemSysId)
            expect(texts.join('\n')).toContain(told)
            expect(namingInternals(texts)).toEqual([])
            expect(
                local.database
                    .journal('sc_req_item', itemSysId, 'work_notes')
                    .some((entry) => entry.value.includes('x_kpow_jit.max_duration_minutes'))
            ).toBe(true)
        }
    )
})
