// The frame Kpow's users know: a left rail by area and a top bar whose tenant and cluster selectors
// switch what the page shows. Switching goes through the same server checks as the tenant page and
// the inspect form.
import { join } from 'node:path'
import { GUIDE_CLUSTER, expect, logIn, test } from './fixtures'
import { UI_FIXTURES } from './ui-client'

test('the rail marks the current area; the tenant selector switches tenant and keeps the area', async ({ page }) => {
    await logIn(page, 'user', 'password', 'Global')
    const rail = page.getByRole('navigation', { name: 'Main' })
    await expect(rail.getByRole('link', { name: 'Data > Inspect' })).toHaveAttribute('aria-current', 'page')
    await rail.getByRole('link', { name: 'Data > Produce' }).click()
    await expect(page.getByRole('heading', { name: 'Data > Produce' })).toBeVisible()
    await expect(rail.getByRole('link', { name: 'Data > Produce' })).toHaveAttribute('aria-current', 'page')
    await expect(rail.getByRole('link', { name: 'Settings' })).toHaveCount(0)

    const tenant = page.getByRole('banner').getByLabel('Tenant')
    await expect(tenant).toHaveValue('Global')
    await tenant.selectOption('Kpow Hidden')
    await expect(page.getByTestId('current-tenant')).toHaveText('Kpow Hidden')
    await expect(page.getByRole('heading', { name: 'Data > Produce' })).toBeVisible()
    await expect(page.getByLabel('Topic').locator('option')).toHaveText([
        'Choose a topic',
        'customer_events',
        'payments_eu',
        'tx_trade1',
    ])
})

test.describe('with two clusters and a one-tenant user', () => {
    test.use({
        kpowFlags: {
            rbac: join(UI_FIXTURES, 'tenants-rbac.yml'),
            realm: join(UI_FIXTURES, 'tenants-realm.properties'),
            clusters: join(UI_FIXTURES, 'two-clusters.yml'),
        },
    })

    test("the cluster selector shows the chosen cluster's topics and goes with the search", async ({ page }) => {
        await logIn(page, 'pay', 'pay', null)
        const banner = page.getByRole('banner')
        await expect(banner.getByLabel('Tenant')).toHaveCount(0)
        await expect(page.getByTestId('current-tenant')).toHaveText('Payments')
        const cluster = banner.getByLabel('Cluster')
        await expect(cluster).toHaveValue(GUIDE_CLUSTER)

        await cluster.selectOption('second-cluster-id')
        await expect(page).toHaveURL(/\/data\/inspect\?cluster=second-cluster-id$/)
        await expect(page.getByLabel('Topic').locator('option')).toHaveText(['Choose a topic'])

        await cluster.selectOption(GUIDE_CLUSTER)
        await expect(page.getByLabel('Topic').locator('option')).toHaveText(['Choose a topic', 'payments_eu'])
        await page.getByLabel('Topic').selectOption('payments_eu')
        await page.getByRole('button', { name: 'Search' }).click()
        await expect(page).toHaveURL(new RegExp(`cluster=${GUIDE_CLUSTER}`))
        await expect(page.getByRole('table')).toContainText('PAY-1')
    })
})
