// Reminder and extension: 10 minutes before Kpow's end the requester gets an email
// with a link to extend; the link opens Extend Kpow Access with the item filled in; a 15-minute
// extension is pre-approved for topic_query; Kpow gets the new policy before the old one goes (access
// never lapses); the item's notes show both ids; the new end is honoured. A rejected extension leaves
// the access as it was.
import { CatalogItemPage } from '../pages/servicenow'
import type { Kpow } from './fixtures'
import {
    catalogItemSysId,
    decide,
    expect,
    itemField,
    openCatalogItem,
    openItem,
    orderAccess,
    submitOrder,
    test,
    untilFlowWaitsOnRecord,
    waitForEffect,
    waitForEmail,
} from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "moves both clocks to the reminder and reads the local instance's outbox")

const MINUTE = 60_000
const EXTEND_ITEM = 'Extend Kpow Access'

/** Extend Kpow Access's form, open with the item to extend filled in: how much longer, why, Order Now. */
async function extendFromForm(form: CatalogItemPage, item: string, howMuch: string): Promise<string> {
    await expect(form.textVariable('Request To Extend')).toHaveValue(item)
    await form.selectVariable('How Much Longer').selectOption({ label: howMuch })
    await form.textVariable('Business Justification').fill('The replay needs longer')
    return (await submitOrder(form)).item
}

/** Samples Kpow until the old policy is gone, checking the user's access at every sample. */
async function watchSwitchOver(kpow: Kpow, oldId: string): Promise<{ ids: string[][]; effects: string[] }> {
    const ids: string[][] = []
    const effects: string[] = []
    await expect
        .poll(
            async () => {
                const held = (await kpow.policies()).map((policy) => policy.id)
                ids.push(held)
                effects.push(await kpow.decide('user', 'tx_trade1'))
                return held.length > 0 && !held.includes(oldId)
            },
            { timeout: 30_000, intervals: [20], message: `policy ${oldId} replaced by another` }
        )
        .toBe(true)
    return { ids, effects }
}

test('reminder email, extend from its link (pre-approved), no lapse at the switch-over, the new end is honoured', async ({
    people,
    kpow,
    clocks,
    localInstance,
}) => {
    test.setTimeout(150_000)
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '15 minutes' })
    await decide(await people.instanceAs('beth.anglin'), item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const [first] = await kpow.policies()
    const oldId = first?.id ?? ''

    // 10 minutes before the end (x_kpow_jit.expiry_reminder_minutes): the reminder email.
    const fulfiller = await people.instanceAs('fred.fulfiller')
    await untilFlowWaitsOnRecord(fulfiller, item, 'Kpow Access Lifecycle')
    await clocks.advance(5 * MINUTE)
    const reminder = await waitForEmail(localInstance, 'abel.tuter', `Kpow access ends soon: ${item}`)
    const link = /href="([^"]+)"/.exec(reminder.body)?.[1]?.replace(/&amp;/g, '&') ?? ''
    expect(link).toMatch(new RegExp(`^${localInstance.url}/sp\\?id=sc_cat_item&sys_id=\\w{32}&requested_item=${item}$`))

    // One click: the link opens Extend Kpow Access with the item filled in.
    expect(new URL(link).searchParams.get('sys_id')).toBe(await catalogItemSysId(requester, EXTEND_ITEM))
    await requester.goto(link)
    const extensionForm = new CatalogItemPage({ page: requester })
    const extension = await extendFromForm(extensionForm, item, '15 minutes')
    const switchOver = await watchSwitchOver(kpow, oldId)
    // Access at every sample: while both policies existed and after the old one was gone.
    expect(switchOver.effects.every((effect) => effect === 'Allow')).toBe(true)
    const [replacement] = await kpow.policies()
    const newId = replacement?.id ?? ''
    expect(newId).not.toBe(oldId)
    // The new end is the old one plus 15 minutes (the item keeps ends to the second).
    const oldEnd = (first?.created_ts ?? 0) + (first?.duration_ms ?? 0)
    const newEnd = (replacement?.created_ts ?? 0) + (replacement?.duration_ms ?? 0)
    expect(Math.abs(newEnd - (oldEnd + 15 * MINUTE))).toBeLessThan(2_000)

    const notes = (await (await openItem(fulfiller, item)).workNotes()).join('\n')
    expect(notes).toContain(`new policy ${newId}`)
    expect(notes).toContain(`then policy ${oldId} deleted`)
    await openItem(fulfiller, extension)
    expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    // The requester is emailed the new end, about the original item.
    const extendedEmail = await waitForEmail(localInstance, 'abel.tuter', `Kpow access extended: ${item}`)
    expect(extendedEmail.body).toContain(`is extended (request ${extension})`)

    // Past the old end (15 minutes): still access, still open.
    await untilFlowWaitsOnRecord(fulfiller, extension, 'Kpow Access Extension')
    await clocks.advance(11 * MINUTE)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Allow')
    const itemForm = await openItem(fulfiller, item)
    expect(await itemField(fulfiller, 'state')).toBe('Work in Progress')
    // Past the new end (30 minutes): the item closes itself, access gone.
    await clocks.advance(15 * MINUTE)
    await expect(async () => {
        await fulfiller.reload()
        expect(await itemField(fulfiller, 'state')).toBe('Closed Complete')
    }).toPass({ timeout: 15_000 })
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Deny')
    expect((await itemForm.workNotes()).join('\n')).toContain(
        `policy ${newId} (extended) ended, so this request is closed complete`
    )
})

test('a rejected extension leaves the current access untouched', async ({ people, kpow }) => {
    const requester = await people.instanceAs('abel.tuter')
    const { item } = await orderAccess(requester, { topic: 'tx_trade1', duration: '15 minutes' })
    const manager = await people.instanceAs('beth.anglin')
    await decide(manager, item, 'Approve', 'ok')
    await waitForEffect(kpow, 'user', 'tx_trade1', 'Allow')
    const before = await kpow.policies()

    // 30 minutes is more than topic_query pre-approves: the manager decides.
    const form = await openCatalogItem(requester, EXTEND_ITEM)
    await form.textVariable('Request To Extend').fill(item)
    const extension = await extendFromForm(form, item, '30 minutes')
    await decide(manager, extension, 'Reject', 'not today')

    const extensionForm = await openItem(requester, extension)
    await expect(async () => {
        await requester.reload()
        expect(await itemField(requester, 'state')).toBe('Closed Incomplete')
    }).toPass({ timeout: 15_000 })
    expect((await extensionForm.additionalComments()).join('\n')).toContain(
        'Not extended: the approval ended as "rejected"'
    )
    expect(await kpow.policies()).toEqual(before)
    expect(await kpow.decide('user', 'tx_trade1')).toBe('Allow')
    await openItem(requester, item)
    expect(await itemField(requester, 'state')).toBe('Work in Progress')
})
