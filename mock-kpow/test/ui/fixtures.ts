// Playwright fixtures: `kpow` is a fresh mock-kpow (API and UI on port 0) per test, closed after
// it; `baseURL` points the page at its UI. Helpers log in through the real login form, with the
// Kpow page objects the lifecycle specs use (e2e/pages/kpow.ts).
import { test as base, expect, type Page } from '@playwright/test'
import { DataInspectPage, KpowLoginPage } from '../../../e2e/pages/kpow'
import type { CliFlags } from '../../src/config/options'
import { GUIDE_CLUSTER, startTestKpow, type TestKpow } from '../start-test-kpow'

export { GUIDE_CLUSTER }

export const test = base.extend<{ kpowFlags: CliFlags; kpow: TestKpow }>({
    kpowFlags: [{}, { option: true }],
    kpow: async ({ kpowFlags }, use) => {
        const kpow = await startTestKpow(kpowFlags)
        await use(kpow)
        await kpow.close()
    },
    baseURL: async ({ kpow }, use) => {
        if (!kpow.uiUrl) throw new Error('mock-kpow started without its UI listener')
        await use(kpow.uiUrl)
    },
})

export { expect }

/** Logs in through the form and, when asked to, picks a tenant on the tenant page. */
export async function logIn(
    page: Page,
    username: string,
    password: string,
    tenant: string | null = 'Global'
): Promise<void> {
    await new KpowLoginPage(page).logIn(username, password, tenant)
}

export async function logOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect(page.getByRole('heading', { name: 'Log in to Kpow' })).toBeVisible()
}

/** Data > Inspect through the form: choose a topic of the guide's cluster and search. */
export async function inspect(
    page: Page,
    topic: string,
    filters: { key?: string; value?: string } = {}
): Promise<void> {
    const inspectPage = new DataInspectPage(page)
    await inspectPage.open()
    await inspectPage.topic().selectOption(topic)
    // The mock's own filter fields (the shared page object stays with what every Kpow shows).
    if (filters.key) await page.getByLabel('Key contains').fill(filters.key)
    if (filters.value) await page.getByLabel('Value contains').fill(filters.value)
    await inspectPage.search()
}

export async function createPolicy(
    kpow: TestKpow,
    topic: string,
    options: { actions?: string[]; effect?: 'Allow' | 'Deny' | 'Stage'; durationMs?: number } = {}
): Promise<string> {
    const response = await kpow.call('POST', '/admin/v1/temporary-policies', {
        json: {
            duration_ms: options.durationMs ?? 3_600_000,
            policy: {
                role: 'kafka-users',
                actions: options.actions ?? ['TOPIC_DATA_QUERY'],
                effect: options.effect ?? 'Allow',
                resource: ['cluster', GUIDE_CLUSTER, 'topic', topic],
            },
        },
    })
    expect(response.status, response.text).toBe(200)
    return (response.json as { temporary_policy: { id: string } }).temporary_policy.id
}

export const DENIED_QUERY = 'Permission Denied. Action: TOPIC_DATA_QUERY / Access Control: Implicit Deny'
