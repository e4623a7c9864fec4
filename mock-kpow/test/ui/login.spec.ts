import { join } from 'node:path'
import { GUIDE_CLUSTER, expect, logIn, logOut, test } from './fixtures'
import { UI_FIXTURES } from './ui-client'

test('logs in through the realm, sets the session cookie, shows the tenant, logs out', async ({ page, context }) => {
    await logIn(page, 'user', 'password', 'Global')
    await expect(page.getByRole('heading', { name: 'Data > Inspect' })).toBeVisible()
    await expect(page.getByTestId('current-tenant')).toHaveText('Global')
    await expect(page.getByText('Signed in as user')).toBeVisible()

    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'kpow_session')
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000)

    await page.getByRole('link', { name: 'Switch tenant' }).click()
    await page.getByRole('radio', { name: /^Kpow Hidden/ }).check()
    await page.getByRole('button', { name: 'Use this tenant' }).click()
    await expect(page.getByTestId('current-tenant')).toHaveText('Kpow Hidden')
    await expect(page.getByLabel('Topic').locator('option')).toHaveText([
        'Choose a topic',
        'customer_events',
        'payments_eu',
        'tx_trade1',
    ])

    await logOut(page)
    await page.goto('/data/inspect')
    await expect(page).toHaveURL(/\/login\?next=/)
})

test('refuses a wrong password on the login page', async ({ page }) => {
    await logIn(page, 'user', 'not-the-password', null)
    await expect(page.getByRole('alert')).toHaveText('Invalid username or password.')
    await expect(page.getByLabel('Username')).toHaveValue('user')
})

test.describe('with a user holding no authorized role', () => {
    test.use({
        kpowFlags: {
            rbac: join(UI_FIXTURES, 'tenants-rbac.yml'),
            realm: join(UI_FIXTURES, 'tenants-realm.properties'),
            clusters: join(UI_FIXTURES, 'two-clusters.yml'),
        },
    })

    test('refuses them with a page that says so', async ({ page }) => {
        await logIn(page, 'guest', 'guest', null)
        await expect(page.getByRole('heading', { name: 'Not authorized' })).toBeVisible()
        await expect(page.getByRole('alert')).toContainText('User "guest" is not authorized to use Kpow.')
    })

    test("a user with one tenant goes straight in, and sees only that tenant's topics", async ({ page }) => {
        await logIn(page, 'pay', 'pay', null)
        await expect(page.getByTestId('current-tenant')).toHaveText('Payments')
        await expect(page.getByRole('link', { name: 'Switch tenant' })).toHaveCount(0)
        await expect(page.getByLabel('Cluster')).toHaveValue(GUIDE_CLUSTER)
        await expect(page.getByLabel('Topic').locator('option')).toHaveText(['Choose a topic', 'payments_eu'])
        await page.getByLabel('Topic').selectOption('payments_eu')
        await page.getByRole('button', { name: 'Search' }).click()
        await expect(page.getByLabel('Cluster')).toHaveValue(GUIDE_CLUSTER)
        await expect(page.getByRole('table')).toContainText('PAY-1')
        // The tenant reaches the payments-ledger group, which only the guide's cluster has: on the
        // other cluster it sees no topic at all.
        await page.goto('/data/inspect?cluster=second-cluster-id')
        await expect(page.getByLabel('Cluster')).toHaveValue('second-cluster-id')
        await expect(page.getByLabel('Topic').locator('option')).toHaveText(['Choose a topic'])
    })
})
