// The pages people use fit a 1 366 px wide window: no horizontal scroll bar on the catalog item, its
// checkout, the list views, the approval and the requested item pages (requester and fulfiller, whose
// page shows the flow run, folded until opened: the fulfiller's page of a granted item stays under
// 2 500 px high). Kpow's pages, its temporary policies among them, are checked the same way in
// mock-kpow/test/ui/page-fit.spec.ts.
// Driven only through ServiceNow's classic URLs and ids (e2e/pages).
import type { Browser, Page } from '@playwright/test'
import {
    ApprovalPage,
    CatalogItemPage,
    horizontalOverflow,
    ListPage,
    LoginPage,
    RequestedItemPage,
} from '../pages/servicenow'
import { CLUSTER, DEMO_PASSWORD, expect, ITEM, test } from './fixtures'
import { target } from './target'

test.skip(
    target === 'instance',
    "measures the local instance's own page layout at 1366 px (a real instance's is ServiceNow's)"
)

const WINDOW = { width: 1366, height: 768 }

async function personAt(browser: Browser, baseURL: string, userName: string): Promise<Page> {
    const context = await browser.newContext({ baseURL, viewport: WINDOW })
    const page = await context.newPage()
    await new LoginPage({ page }).logIn(userName, DEMO_PASSWORD)
    return page
}

async function expectFits(page: Page, what: string): Promise<void> {
    const { scrollWidth, innerWidth } = await horizontalOverflow(page)
    expect(
        scrollWidth,
        `${what}: the page is ${String(scrollWidth)} px wide in a ${String(innerWidth)} px window`
    ).toBeLessThanOrEqual(innerWidth)
}

test('the catalog item, checkout, list, approval and requested item pages fit a 1 366 px window', async ({
    browser,
    localInstance,
}) => {
    const found = await fetch(
        `${localInstance.url}/api/now/table/sc_cat_item?sysparm_query=${encodeURIComponent(`name=${ITEM}`)}&sysparm_fields=sys_id`,
        {
            headers: {
                authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
                accept: 'application/json',
            },
        }
    )
    const itemSysId = ((await found.json()) as { result: { sys_id: string }[] }).result[0]?.sys_id ?? ''
    expect(itemSysId).toMatch(/^[0-9a-f]{32}$/)

    const requester = await personAt(browser, localInstance.url, 'abel.tuter')
    const catalogItem = new CatalogItemPage({ page: requester })
    await catalogItem.openItem(itemSysId)
    await expectFits(requester, 'catalog item')
    await catalogItem.textVariable('Cluster ID').fill(CLUSTER)
    await catalogItem.textVariable('Topic Name').fill('tx_trade1')
    await catalogItem.selectVariable('Kpow Role').selectOption('kafka-users')
    await catalogItem.selectVariable('Access Duration').selectOption({ label: '15 minutes' })
    await catalogItem.textVariable('Business Justification').fill('Incident review of the trades feed')
    const checkout = await catalogItem.orderNow()
    expect(await checkout.requestNumber()).toMatch(/^REQ\d+$/)
    await expectFits(requester, 'checkout')

    const myItems = new ListPage({ page: requester })
    await myItems.openList('sc_req_item', 'opened_by=javascript:gs.getUserID()')
    const itemLink = myItems.content().getByRole('link', { name: /^Open record: RITM\d+$/ })
    const itemNumber = ((await itemLink.getAttribute('aria-label')) ?? '').replace('Open record: ', '')
    await expectFits(requester, 'requested items list')
    await myItems.openRecord(itemNumber)
    await expectFits(requester, 'requested item (requester)')

    const manager = await personAt(browser, localInstance.url, 'beth.anglin')
    const approvals = new ListPage({ page: manager })
    await expect(async () => {
        await approvals.openMyApprovals()
        await expect(approvals.recordLink(itemNumber)).toBeVisible({ timeout: 500 })
    }).toPass({ timeout: 15_000 })
    await expectFits(manager, 'My Approvals list')
    await approvals.openRecord(itemNumber)
    const approval = new ApprovalPage({ page: manager })
    await expect(approval.button('Approve')).toBeVisible()
    await expectFits(manager, 'approval')

    const fulfiller = await personAt(browser, localInstance.url, 'fred.fulfiller')
    const fulfillerList = new ListPage({ page: fulfiller })
    await fulfillerList.openList('sc_req_item', `number=${itemNumber}`)
    await fulfillerList.openRecord(itemNumber)
    const item = new RequestedItemPage({ page: fulfiller })
    await expect(item.state()).toBeVisible()
    await expectFits(fulfiller, 'requested item (fulfiller, with the flow run)')
    await approval.decide('Approve', 'ok')
    await expect(async () => {
        await fulfiller.reload()
        expect((await item.workNotes()).join('\n')).toContain('Kpow Access Granted')
    }).toPass({ timeout: 15_000 })
    // The flow run is folded until opened, so the fulfiller's form stays compact (reported, then bounded).
    const height = await fulfiller.evaluate<number>('document.documentElement.scrollHeight')
    console.log(`requested item page height (fulfiller, granted, 1366 px window): ${String(height)} px`)
    expect(height, "the fulfiller's item page with its flow run folded").toBeLessThan(2500)
    await expect(await item.flowRun('Kpow Access Lifecycle')).toBeVisible()
    await expectFits(fulfiller, 'requested item (fulfiller, the flow run opened)')
})
