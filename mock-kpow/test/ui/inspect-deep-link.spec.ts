// Kpow's deep link to inspect a topic, `<ui>/#/tenant/<tenant id>/cluster/<cluster id>/data/inspect?topic=<topic>`
// (the link the ServiceNow grant note carries): it lands on Data > Inspect with that topic chosen and
// queried, after the login when there is no session, and RBAC decides what the page shows.
import { DENIED_QUERY, GUIDE_CLUSTER, createPolicy, expect, logIn, test } from './fixtures'

const deepLink = (topic: string, tenant = '__kpow_global') =>
    `/#/tenant/${tenant}/cluster/${GUIDE_CLUSTER}/data/inspect?topic=${encodeURIComponent(topic)}`

test('a visitor without a session logs in and lands on the topic, its messages shown as RBAC allows', async ({
    page,
    kpow,
}) => {
    await createPolicy(kpow, 'tx_trade1')
    await page.goto(deepLink('tx_trade1'))
    await expect(page.getByRole('heading', { name: 'Log in to Kpow' })).toBeVisible()
    await page.getByLabel('Username').fill('user')
    await page.getByLabel('Password').fill('password')
    await page.getByRole('button', { name: 'Log in' }).click()

    // No tenant page: the link names the global tenant (Global, as the RBAC file has no tenants).
    await expect(page.getByTestId('current-tenant')).toHaveText('Global')
    await expect(page.getByLabel('Topic')).toHaveValue('tx_trade1')
    await expect(page.getByRole('table')).toContainText('TRD-2026-')
})

test('a signed-in user without the permission sees the topic chosen and Permission Denied', async ({ page }) => {
    await logIn(page, 'user', 'password')
    await page.goto(deepLink('payments_eu'))
    await expect(page.getByLabel('Topic')).toHaveValue('payments_eu')
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)
    await expect(page.getByRole('table')).toHaveCount(0)
})

test('a tenant the user may not enter is refused, naming it', async ({ page }) => {
    await logIn(page, 'user', 'password')
    await page.goto(deepLink('tx_trade1', 'NoSuchTenant'))
    await expect(page.getByRole('alert')).toContainText('Unknown tenant "NoSuchTenant"')
})
