// The contract between the local instance and ServiceNow's real classic pages. Every selector here
// comes from what public evidence records about the real pages (URLs and their parameters, element
// ids, names, aria-labels, titles, the login post and its answers, the page globals), never from the
// local instance's markup or its page objects. When this spec passes, the stand-in serves what a
// real instance is documented to serve, so a browser test written against the local instance can be
// pointed at a real one: the guide's lifecycle, requester to manager to fulfiller, through those
// elements alone. The only things taken from this project are the built update set (the catalog
// item's and its variables' sys_ids, as an instance would hold them after the import) and the
// seeded personas.
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { repositoryRoot } from '../../scripts/lib/common/index'
import { readUpdateSetFile, recordsOfTable, type PayloadRecord } from '../../scripts/lib/update-set/index'
import { CLUSTER, DEMO_PASSWORD, expect, ITEM, test } from './fixtures'
import { target } from './target'

test.skip(target === 'instance', "holds the local instance to the documented pages, with its demo users' passwords")

const TOPIC = 'tx_trade1'
const REQUESTER = 'abel.tuter'
const MANAGER = 'beth.anglin'
const FULFILLER = 'fred.fulfiller'
const CLOSED_COMPLETE = '3'
const GRANT_NOTE = /^Kpow Access Granted\. Policy ID: \S+/
const REVOKE_NOTE = 'Kpow access revoked because the request was closed.'

/** The guide's catalog item and its variables' sys_ids by variable name, from the built update set. */
function guideItem(): { sysId: string; variables: Map<string, string> } {
    const set = readUpdateSetFile(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'))
    const value = (record: PayloadRecord, field: string) => record.fields[field]?.value ?? ''
    const item = recordsOfTable(set, 'sc_cat_item').find((record) => value(record, 'name') === ITEM)
    if (!item) throw new Error(`the built update set has no catalog item named "${ITEM}": run npm run build`)
    const sysId = value(item, 'sys_id')
    const variables = recordsOfTable(set, 'item_option_new')
        .filter((variable) => value(variable, 'cat_item') === sysId)
        .map((variable) => [value(variable, 'name'), value(variable, 'sys_id')] as const)
    return { sysId, variables: new Map(variables) }
}

/**
 * `/login.do` as documented: "User name", "Password", `button#sysverb_login`, a title with
 * "Log in | ServiceNow"; the post carries `user_name`, `user_password` and `sys_action=sysverb_login`
 * and is answered 302 when the credentials hold, 200 with the login page again when they do not.
 */
async function logIn(browser: Browser, baseURL: string, userName: string, password: string): Promise<Page> {
    const context = await browser.newContext({ baseURL })
    const page = await context.newPage()
    await page.goto('/login.do')
    await expect(page).toHaveTitle(/Log in \| ServiceNow/)
    await page.getByLabel('User name').fill(userName)
    await page.getByLabel('Password').fill(password)
    const posted = page.waitForRequest((request) => request.method() === 'POST' && /\/login\.do$/.test(request.url()))
    await page.locator('button#sysverb_login').click()
    const post = await posted
    const form = new URLSearchParams(post.postData() ?? '')
    expect(form.get('user_name')).toBe(userName)
    expect(form.get('user_password')).toBe(password)
    expect(form.get('sys_action')).toBe('sysverb_login')
    const answer = await post.response()
    const succeeded = password === DEMO_PASSWORD
    expect(answer?.status(), `the login post's answer for ${userName}`).toBe(succeeded ? 302 : 200)
    if (succeeded) await expect(page).not.toHaveURL(/\/login\.do/)
    else {
        await expect(page).toHaveTitle(/Log in \| ServiceNow/)
        await expect(page.locator('#user_name')).toBeVisible()
        await expect(page.locator('#user_password')).toBeVisible()
    }
    return page
}

/** The activity stream's entries of one kind ("Work notes" or "Additional comments"): their texts. */
function streamTexts(page: Page, kind: string) {
    return page
        .locator('#sn_form_inline_stream_entries li.h-card')
        .filter({ has: page.locator('.sn-card-component-time span', { hasText: kind }) })
        .locator('.sn-widget-textblock-body')
}

/** Reloads the form until a work note matching `note` is in its activity stream. */
async function untilWorkNote(page: Page, note: string | RegExp): Promise<void> {
    await expect(async () => {
        await page.reload()
        const texts = (await streamTexts(page, 'Work notes').allTextContents()).map((text) => text.trim())
        expect(texts.some((text) => (typeof note === 'string' ? text.includes(note) : note.test(text)))).toBe(true)
    }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] })
}

test('the lifecycle through the documented classic pages only', async ({ browser, localInstance }) => {
    const { sysId: itemSysId, variables } = guideItem()
    const control = (page: Page, name: string) => {
        const variableSysId = variables.get(name)
        if (!variableSysId) throw new Error(`the item has no variable "${name}"`)
        return page.locator(`[id="IO:${variableSysId}"]`)
    }

    // A wrong password: the login page again, answered 200.
    await logIn(browser, localInstance.url, REQUESTER, 'not-the-password')

    // The requester orders the item by its classic view.
    const requester = await logIn(browser, localInstance.url, REQUESTER, DEMO_PASSWORD)
    await requester.goto(`/com.glideapp.servicecatalog_cat_item_view.do?v=1&sysparm_id=${itemSysId}`)
    // The CSRF token is a page global, not a cookie.
    expect(await requester.evaluate('typeof window.g_ck === "string" && window.g_ck.length > 0')).toBe(true)
    expect((await requester.context().cookies()).map((cookie) => cookie.name)).not.toContain('g_ck')
    const orderNow = requester.locator('button#oi_order_now_button')
    await expect(orderNow).toHaveAttribute('aria-label', 'Order Now')
    for (const name of ['role_name', 'duration_ms'])
        await expect(control(requester, name)).toHaveJSProperty('tagName', 'SELECT')
    await expect(requester.locator('select.cat_item_option')).toHaveCount(2)
    await control(requester, 'cluster_id').fill(CLUSTER)
    // Fields are also reachable by their accessible names.
    await requester.getByRole('textbox', { name: 'Topic Name' }).fill(TOPIC)
    await control(requester, 'role_name').selectOption('kafka-users')
    await control(requester, 'duration_ms').selectOption({ label: '15 minutes' })
    await control(requester, 'justification').fill('Incident review of the trades feed')
    await orderNow.click()

    await expect(requester).toHaveURL(
        /\/com\.glideapp\.servicecatalog_checkout_view_v2\.do\?(.+&)?sysparm_sys_id=[0-9a-f]{32}(&|$)/
    )
    await expect(requester.locator('div.notification-success')).toContainText(
        'Thank you, your request has been submitted'
    )
    const requestNumber = (await requester.locator('a#requesturl > b').textContent()) ?? ''
    expect(requestNumber).toMatch(/^REQ\d+$/)
    const requestSysId = new URL(requester.url()).searchParams.get('sysparm_sys_id') ?? ''

    // The request's item, by the list view of its request: its number and its form's sys_id.
    await requester.goto(`/sc_req_item_list.do?sysparm_query=${encodeURIComponent(`request=${requestSysId}`)}`)
    const itemLink = requester.getByRole('link', { name: /^Open record: RITM\d+$/ })
    await expect(itemLink).toHaveCount(1)
    const itemNumber = ((await itemLink.getAttribute('aria-label')) ?? '').replace('Open record: ', '')
    await requester.getByLabel(`Preview record: ${itemNumber}`, { exact: true }).click()
    await expect(requester.getByRole('dialog')).toContainText(itemNumber)
    await requester.keyboard.press('Escape')
    await itemLink.click()
    await expect(requester).toHaveURL(/\/sc_req_item\.do\?(.+&)?sys_id=[0-9a-f]{32}(&|$)/)
    const requestItemSysId = new URL(requester.url()).searchParams.get('sys_id') ?? ''
    expect(await requester.evaluate<string>('window.g_form.getUniqueValue()')).toBe(requestItemSysId)

    // The manager approves from My Approvals, opened by its list URL.
    const manager = await logIn(browser, localInstance.url, MANAGER, DEMO_PASSWORD)
    const myApprovals = `/sysapproval_approver_list.do?sysparm_query=${encodeURIComponent('approver=javascript:gs.getUserID()^state=requested')}`
    const approvalRow = manager.locator('tr', { hasText: itemNumber })
    await expect(async () => {
        await manager.goto(myApprovals)
        await expect(approvalRow.getByRole('link', { name: /^Open record: / })).toHaveCount(1, { timeout: 500 })
    }).toPass({ timeout: 15_000 })
    const approvalName =
        (await approvalRow.getByRole('link', { name: /^Open record: / }).getAttribute('aria-label')) ?? ''
    await expect(approvalRow.getByLabel(approvalName.replace('Open record: ', 'Preview record: '))).toHaveCount(1)
    await approvalRow.getByRole('link', { name: /^Open record: / }).click()
    await expect(manager).toHaveURL(/\/sysapproval_approver\.do\?(.+&)?sys_id=[0-9a-f]{32}(&|$)/)
    await expect(manager.getByLabel('Comments')).toBeVisible()
    await expect(manager.getByRole('button', { name: 'Reject', exact: true })).toHaveCount(2)
    await expect(manager.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(2)
    await manager.getByRole('button', { name: 'Approve', exact: true }).first().click()
    await expect(manager.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
    await manager.goto(myApprovals)
    await expect(approvalRow).toHaveCount(0)

    // The fulfiller sees the grant in the item's activity stream, closes the item, sees the revoke.
    const fulfiller = await logIn(browser, localInstance.url, FULFILLER, DEMO_PASSWORD)
    await fulfiller.goto(`/sc_req_item.do?sys_id=${requestItemSysId}`)
    await untilWorkNote(fulfiller, GRANT_NOTE)
    const state = fulfiller.locator('select[id="sc_req_item.state"]')
    await state.selectOption(CLOSED_COMPLETE)
    // Update saves and returns along the navigation stack, so the form is opened again after it.
    const updated = fulfiller.waitForResponse((response) => response.request().method() === 'POST')
    // The form's buttons are there twice, at the top and the bottom.
    await expect(fulfiller.getByRole('button', { name: 'Update', exact: true })).toHaveCount(2)
    await fulfiller.getByRole('button', { name: 'Update', exact: true }).first().click()
    expect((await updated).status()).toBeLessThan(400)
    await fulfiller.waitForLoadState()
    await fulfiller.goto(`/sc_req_item.do?sys_id=${requestItemSysId}`)
    await untilWorkNote(fulfiller, REVOKE_NOTE)
    expect(await fulfiller.evaluate<string>("window.g_form.getValue('state')")).toBe(CLOSED_COMPLETE)
})
