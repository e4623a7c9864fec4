// Data > Produce under each effect, and a staged produce approved by an admin in Settings.
import type { Page } from '@playwright/test'
import { createPolicy, expect, inspect, logIn, logOut, test } from './fixtures'

async function produce(page: Page, topic: string, key: string, value: string): Promise<void> {
    await page.getByRole('link', { name: 'Data > Produce' }).click()
    await page.getByLabel('Topic').selectOption(topic)
    await page.getByLabel('Key').fill(key)
    await page.getByLabel('Value').fill(value)
    await page.getByRole('button', { name: 'Produce' }).click()
}

test('refused under Deny, applied under Allow', async ({ page, kpow }) => {
    await logIn(page, 'user', 'password')
    await produce(page, 'tx_trade1', 'TRD-X', '{"tradeId":"TRD-X"}')
    await expect(page.getByRole('alert')).toHaveText(
        'Permission Denied. Action: TOPIC_PRODUCE / Access Control: Implicit Deny'
    )

    await createPolicy(kpow, 'tx_trade1', { actions: ['TOPIC_PRODUCE', 'TOPIC_DATA_QUERY'] })
    await produce(page, 'tx_trade1', 'TRD-X', '{"tradeId":"TRD-X"}')
    await expect(page.getByRole('status')).toContainText('Message produced to tx_trade1.')
    await inspect(page, 'tx_trade1', { key: 'TRD-X' })
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
})

test('staged under Stage, then approved by an admin and visible in the topic', async ({ page, kpow }) => {
    await createPolicy(kpow, 'payments_eu', { actions: ['TOPIC_PRODUCE'], effect: 'Stage' })
    await logIn(page, 'user', 'password')
    await produce(page, 'payments_eu', 'DE89370400440532013000', '{"paymentId":"PAY-STAGED-1"}')
    await expect(page.getByRole('status')).toContainText('Message staged for approval')
    await logOut(page)

    await logIn(page, 'admin', 'admin')
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Staged mutations' }).click()
    const table = page.getByRole('table', { name: 'Staged mutations' })
    await expect(table).toContainText('PAY-STAGED-1')
    await expect(table).toContainText('pending')
    await table.getByRole('button', { name: /^Approve staged mutation / }).click()
    await expect(page.getByRole('status')).toContainText('approved (partition')
    await expect(table).toContainText('approved')
    await expect(table.getByRole('button')).toHaveCount(0)

    await inspect(page, 'payments_eu', { value: 'PAY-STAGED-1' })
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
})
