// Visits every page of the UI in its typical states, checks each is accessible by name (one h1,
// every visible control labelled) and saves a full-page screenshot to
// test-results/mock-kpow-ui/screens/ for a human to look at.
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { GUIDE_CLUSTER, createPolicy, expect, inspect, logIn, logOut, test } from './fixtures'
import { UI_FIXTURES } from './ui-client'

// Runs in the browser; a string so this file needs no DOM typings.
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a')]
  .filter((element) => {
    const name = element.getAttribute('aria-label') || (element.labels && element.labels.length > 0 ? 'label' : '') || element.textContent.trim();
    return !name;
  })
  .map((element) => element.outerHTML)`

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
    await expect(page.locator('h1')).toHaveCount(1)
    expect(await page.evaluate(UNLABELLED_CONTROLS), `unlabelled controls on ${name}`).toEqual([])
    await page.screenshot({ path: join(testInfo.project.outputDir, 'screens', `${name}.png`), fullPage: true })
}

test('every page as the standard user and the admin', async ({ page, kpow }, testInfo) => {
    await page.goto('/login')
    await capture(page, testInfo, '01-login')
    await logIn(page, 'user', 'wrong', null)
    await capture(page, testInfo, '02-login-refused')
    await logIn(page, 'user', 'password', null)
    await capture(page, testInfo, '03-tenant')
    await page.getByRole('button', { name: 'Use this tenant' }).click()
    await capture(page, testInfo, '04-inspect-empty')
    await inspect(page, '__oprtr_audit_log')
    await capture(page, testInfo, '05-inspect-denied')
    await createPolicy(kpow, 'tx_trade1')
    await createPolicy(kpow, 'payments_eu', { actions: ['TOPIC_PRODUCE'], effect: 'Stage', durationMs: 900_000 })
    await inspect(page, 'tx_trade1')
    await capture(page, testInfo, '06-inspect-messages')
    await page.getByRole('link', { name: 'Data > Produce' }).click()
    await capture(page, testInfo, '07-produce')
    await page.getByLabel('Topic').selectOption('payments_eu')
    await page.getByLabel('Key').fill('DE89370400440532013000')
    await page.getByLabel('Value').fill('{"paymentId":"PAY-EU-990001","amount":{"value":"310.00","currency":"EUR"}}')
    await page.getByRole('button', { name: 'Produce' }).click()
    await capture(page, testInfo, '08-produce-staged')
    await page.getByLabel('Topic').selectOption('tx_trade1')
    await page.getByRole('button', { name: 'Produce' }).click()
    await capture(page, testInfo, '09-produce-denied')
    await page.goto('/settings')
    await capture(page, testInfo, '10-settings-forbidden')
    await page.goto('/no-such-page')
    await capture(page, testInfo, '11-not-found')
    await page.goto('/data/inspect')
    await logOut(page)

    await logIn(page, 'admin', 'admin')
    await page.getByRole('link', { name: 'Settings' }).click()
    await capture(page, testInfo, '12-settings-temporary-policies')
    await page.getByRole('link', { name: 'Staged mutations' }).click()
    await capture(page, testInfo, '13-settings-staged-mutations')
    await page.getByRole('link', { name: 'Audit log' }).click()
    await capture(page, testInfo, '14-settings-audit-log')
    await inspect(page, '__oprtr_audit_log')
    await capture(page, testInfo, '15-inspect-audit-topic')
    expect(GUIDE_CLUSTER).toBe(kpow.service.config.clusters[0]?.id)
})

test.describe('with a user holding no authorized role', () => {
    test.use({
        kpowFlags: {
            rbac: join(UI_FIXTURES, 'tenants-rbac.yml'),
            realm: join(UI_FIXTURES, 'tenants-realm.properties'),
            clusters: join(UI_FIXTURES, 'two-clusters.yml'),
        },
    })

    test('the not-authorized page', async ({ page }, testInfo) => {
        await logIn(page, 'guest', 'guest', null)
        await capture(page, testInfo, '16-not-authorized')
    })
})
