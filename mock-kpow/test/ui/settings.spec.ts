// Settings as the guide's admin uses it: Temporary policies lists the policy ServiceNow created,
// deleting it there revokes access; non-admins are refused; the audit log filters.
import { DENIED_QUERY, createPolicy, expect, inspect, logIn, logOut, test } from './fixtures'

test('the admin sees the policy with its details and time left on the mock clock, and deletes it', async ({
    page,
    kpow,
}) => {
    const id = await createPolicy(kpow, '__oprtr_audit_log')
    await logIn(page, 'admin', 'admin')
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { name: 'Temporary policies' })).toBeVisible()
    const table = page.getByRole('table', { name: 'Temporary policies' })
    await expect(table.getByRole('columnheader')).toHaveText([
        'Policy ID',
        'Role',
        'Actions',
        'Resource',
        'Effect',
        'Created',
        'Time left',
        'Created by',
        'Delete',
    ])
    const row = table.locator(`tr[data-policy-id="${id}"]`)
    await expect(row.getByRole('cell').nth(0)).toHaveText(id)
    await expect(row.getByRole('cell').nth(1)).toHaveText('kafka-users')
    await expect(row.getByRole('cell').nth(2)).toHaveText('TOPIC_DATA_QUERY')
    await expect(row.getByRole('cell').nth(3)).toHaveText(
        '["cluster", "42RglGpZQwy9D5VzTVpCWA", "topic", "__oprtr_audit_log"]'
    )
    await expect(row.getByRole('cell').nth(4)).toHaveText('Allow')
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^(59m \d\ds|1h 00m)$/)

    await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: 45 * 60_000 } })
    await page.reload()
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^1[45]m \d\ds$/)

    await page.getByRole('button', { name: `Delete temporary policy ${id}` }).click()
    await expect(page.getByRole('status')).toHaveText(`Temporary policy ${id} deleted.`)
    await expect(page.getByText('No active temporary policies.')).toBeVisible()
    expect((await kpow.call('GET', `/admin/v1/temporary-policies/${id}`)).status).toBe(404)
})

test('the admin creates a policy in the form under the API rules', async ({ page }) => {
    await logIn(page, 'admin', 'admin')
    await page.goto('/settings/temporary-policies')
    const form = page.getByRole('form', { name: 'Create a temporary policy' })
    await form.getByLabel('Role').fill('kafka-users')
    await form.getByLabel('Actions').selectOption(['TOPIC_DATA_QUERY'])
    await form.getByLabel('Resource').fill('cluster, 42RglGpZQwy9D5VzTVpCWA, topic, payments_eu')
    await form.getByLabel('Duration (ms)').fill('99999999')
    await form.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('alert')).toContainText('duration_ms')
    await expect(form.getByLabel('Role')).toHaveValue('kafka-users')

    await form.getByLabel('Duration (ms)').fill('600000')
    await form.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('status')).toContainText('created.')
    await expect(page.getByRole('table', { name: 'Temporary policies' })).toContainText('payments_eu')
    await expect(
        page.getByRole('table', { name: 'Temporary policies' }).getByRole('cell', { name: /^(9m \d\ds|10m 00s)$/ })
    ).toBeVisible()

    await logOut(page)
    await logIn(page, 'user', 'password')
    await inspect(page, 'payments_eu')
    await expect(page.getByRole('table')).toContainText('PAY-EU-')
})

test('a non-admin is refused Settings with 403 and a page saying so', async ({ page }) => {
    await logIn(page, 'user', 'password')
    await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0)
    const response = await page.goto('/settings/temporary-policies')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Forbidden' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveText(
        'Settings are for Kpow admins only: user "user" holds no admin role (kafka-admins).'
    )
})

test('the audit log filters by user, action and time', async ({ page, kpow }) => {
    await logIn(page, 'user', 'password')
    await inspect(page, 'tx_trade1')
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)
    await createPolicy(kpow, 'tx_trade1')
    await logOut(page)

    await logIn(page, 'admin', 'admin')
    await page.goto('/settings/audit-log')
    const filter = page.getByRole('form', { name: 'Filter the audit log' })
    await filter.getByLabel('User').fill('user')
    await filter.getByLabel('Action').fill('TOPIC_DATA_QUERY')
    await filter.getByRole('button', { name: 'Filter' }).click()
    const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1)).toContainText('access-denied')

    await filter.getByLabel('User').fill('')
    await filter.getByLabel('Action').fill('CREATE_TEMPORARY_POLICY')
    await filter.getByRole('button', { name: 'Filter' }).click()
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(1)).toContainText('temporary-policy-created')

    await filter.getByLabel('From (UTC)').fill('2099-01-01T00:00:00')
    await filter.getByRole('button', { name: 'Filter' }).click()
    await expect(page.getByText('No audit records match.')).toBeVisible()
})
