// Page objects for Kpow's UI, as the integration guide's checks use it: log in and choose a tenant,
// Data > Inspect a topic (its messages, or the "Permission Denied" alert), and Settings > Temporary
// policies. They use only what the UI shows (accessible names, labels, the documented deep link to
// Data > Inspect), never mock-kpow's own probe API, so the same objects can drive a real Kpow. Each
// takes the page whose base URL is Kpow's UI.
import { expect, type Locator, type Page } from '@playwright/test'

/** Kpow's id of the tenant every user has when no tenants are configured. */
export const GLOBAL_TENANT_ID = '__kpow_global'

export class KpowLoginPage {
    constructor(readonly page: Page) {}

    /** Form login, then the tenant page's choice (`tenant`: the tenant's name as listed, e.g. Global). */
    async logIn(userName: string, password: string, tenant: string | null = 'Global'): Promise<void> {
        await this.page.goto('/login')
        await this.page.getByLabel('Username').fill(userName)
        await this.page.getByLabel('Password').fill(password)
        await this.page.getByRole('button', { name: 'Log in' }).click()
        if (tenant === null) return
        await expect(this.page.getByRole('heading', { name: 'Choose a tenant' })).toBeVisible()
        await this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(tenant)}\\b`) }).check()
        await this.page.getByRole('button', { name: 'Use this tenant' }).click()
    }
}

export class DataInspectPage {
    constructor(readonly page: Page) {}

    /** Data > Inspect from the main menu. */
    async open(): Promise<void> {
        await this.page.getByRole('link', { name: 'Data > Inspect' }).click()
    }

    /** Kpow's deep link to Data > Inspect with the topic chosen: `#/tenant/<id>/cluster/<id>/data/inspect?topic=`. */
    static deepLink(cluster: string, topic: string, tenantId = GLOBAL_TENANT_ID): string {
        return `/#/tenant/${tenantId}/cluster/${cluster}/data/inspect?topic=${encodeURIComponent(topic)}`
    }

    /** Follows a Data > Inspect link (a full address, as a ServiceNow comment gives it, or a deep link). */
    async follow(link: string): Promise<void> {
        await this.page.goto(link)
    }

    topic(): Locator {
        return this.page.getByLabel('Topic')
    }

    /** Runs the query as the form stands. */
    async search(): Promise<void> {
        await this.page.getByRole('button', { name: 'Search' }).click()
    }

    /** Data > Inspect, the topic chosen, its latest messages searched. */
    async inspect(topic: string): Promise<void> {
        await this.open()
        await this.topic().selectOption(topic)
        await this.search()
    }

    /** The messages found (a table, one row per message). */
    messages(): Locator {
        return this.page.getByRole('table')
    }

    /** Why the query was refused, e.g. "Permission Denied. Action: TOPIC_DATA_QUERY / …". */
    deniedAlert(): Locator {
        return this.page.getByRole('alert')
    }
}

export class TemporaryPoliciesPage {
    constructor(readonly page: Page) {}

    /** Settings (admins) > Temporary policies. */
    async open(): Promise<void> {
        await this.page.getByRole('link', { name: 'Settings' }).click()
        await this.page
            .getByRole('navigation', { name: 'Settings' })
            .getByRole('link', { name: 'Temporary policies' })
            .click()
    }

    table(): Locator {
        return this.page.getByRole('table', { name: 'Temporary policies' })
    }

    /** The policy's row, found by its Policy ID cell. */
    row(policyId: string): Locator {
        return this.table()
            .getByRole('row')
            .filter({ has: this.page.getByRole('cell', { name: policyId, exact: true }) })
    }

    /** A cell of the policy's row, by its column's heading (Policy ID, Role, Actions, Resource, …). */
    async cell(policyId: string, column: string): Promise<Locator> {
        const headings = (await this.table().getByRole('columnheader').allTextContents()).map((text) => text.trim())
        const index = headings.indexOf(column)
        if (index < 0) throw new Error(`Temporary policies has no column "${column}"; it has ${headings.join(', ')}`)
        return this.row(policyId).getByRole('cell').nth(index)
    }
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
