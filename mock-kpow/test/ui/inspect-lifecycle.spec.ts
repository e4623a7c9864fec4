// The guide's validation (the article, "Validating the Workflow") in the browser: the standard user is
// refused Data > Inspect before approval, reads only the approved topic while the temporary policy
// lives, and is refused again after revocation or expiry.
import { DENIED_QUERY, createPolicy, expect, inspect, logIn, test } from './fixtures'

test('denied before approval, allowed on the approved topic only, denied after delete', async ({ page, kpow }) => {
    await logIn(page, 'user', 'password')
    await inspect(page, '__oprtr_audit_log')
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)
    await expect(page.getByRole('table')).toHaveCount(0)

    const id = await createPolicy(kpow, '__oprtr_audit_log')
    await inspect(page, '__oprtr_audit_log', { value: 'temporary-policy-created' })
    const results = page.getByRole('table')
    await expect(results).toBeVisible()
    await expect(results.getByRole('columnheader')).toHaveText(['Partition', 'Offset', 'Timestamp', 'Key', 'Value'])
    await expect(results).toContainText(`id=${id}`)

    await inspect(page, 'payments_eu')
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)

    expect((await kpow.call('DELETE', `/admin/v1/temporary-policies/${id}`)).status).toBe(204)
    await inspect(page, '__oprtr_audit_log')
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)
})

test('denied again once the policy expires on the mock clock', async ({ page, kpow }) => {
    await createPolicy(kpow, 'tx_trade1', { durationMs: 120_000 })
    await logIn(page, 'user', 'password')
    await inspect(page, 'tx_trade1')
    await expect(page.getByRole('table')).toContainText('TRD-2026-')

    await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: 120_000 } })
    await page.reload()
    await expect(page.getByRole('alert')).toHaveText(DENIED_QUERY)
})

test('queries from a partition and offset, filters, and downloads only with TOPIC_DATA_DOWNLOAD', async ({
    page,
    kpow,
}) => {
    await createPolicy(kpow, 'tx_trade1')
    await logIn(page, 'user', 'password')
    await page.getByLabel('Topic').selectOption('tx_trade1')
    await page.getByLabel('Window').selectOption('offset')
    await page.getByLabel('Partition', { exact: true }).fill('1')
    await page.getByLabel('Offset', { exact: true }).fill('2')
    await page.getByLabel('Number of messages').fill('3')
    await page.getByRole('button', { name: 'Search' }).click()
    const rows = page.getByRole('table').getByRole('row')
    await expect(rows).toHaveCount(4)
    await expect(rows.nth(1).getByRole('cell').nth(0)).toHaveText('1')
    await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('2')

    // Without TOPIC_DATA_DOWNLOAD the link is not offered, and its address is refused.
    await expect(page.getByRole('link', { name: 'Download as JSON' })).toHaveCount(0)
    const inspectUrl = page.url()
    await page.goto(inspectUrl.replace('/data/inspect?', '/data/inspect/download?'))
    await expect(page.getByRole('alert')).toHaveText(
        'Permission Denied. Action: TOPIC_DATA_DOWNLOAD / Access Control: Implicit Deny'
    )

    await createPolicy(kpow, 'tx_trade1', { actions: ['TOPIC_DATA_DOWNLOAD'] })
    await page.goto(inspectUrl)
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download as JSON' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('tx_trade1.json')
})
