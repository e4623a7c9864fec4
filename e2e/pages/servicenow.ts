// Page objects for ServiceNow's classic pages, written only from what a real instance shows: the
// URLs, element ids, names and labels of its classic UI (login.do, the catalog item view and its
// checkout, the approval and requested item forms, list views). They know nothing of the local
// instance, so the same objects drive a real instance. Each opens its page by direct URL; `content()`
// is where the page's elements are: the page itself for a direct URL, or the classic frame
// (`iframe#gsft_main`) when the page is opened inside the Next Experience shell.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'

/** Where a classic page's elements are found: the page, or the shell's frame. */
export type Content = Pick<Page, 'locator' | 'getByRole' | 'getByLabel' | 'getByText'> | FrameLocator

export interface Surface {
    readonly page: Page
    /** 'direct': the classic page opened by URL; 'shell': inside the Next Experience frame. */
    readonly frame?: 'direct' | 'shell'
}

abstract class ClassicPage {
    constructor(protected readonly surface: Surface) {}

    get page(): Page {
        return this.surface.page
    }

    content(): Content {
        return this.surface.frame === 'shell' ? this.page.frameLocator('iframe#gsft_main') : this.page
    }

    protected async open(path: string): Promise<void> {
        await this.page.goto(
            this.surface.frame === 'shell' ? `/now/nav/ui/classic/params/target/${encodeURIComponent(path)}` : path
        )
    }

    /** The form's error message (`.outputmsg_error .outputmsg_text`), e.g. a mandatory field not filled in. */
    errorMessage(): Locator {
        return this.content().locator('.outputmsg_error .outputmsg_text')
    }
}

export class LoginPage extends ClassicPage {
    async logIn(userName: string, password: string): Promise<void> {
        await this.page.goto('/login.do')
        await expect(this.page).toHaveTitle(/Log in \| ServiceNow/)
        await this.page.locator('#user_name').fill(userName)
        await this.page.locator('#user_password').fill(password)
        await this.page.locator('button#sysverb_login').click()
        await expect(this.page).not.toHaveURL(/\/login\.do/)
    }
}

export class CatalogItemPage extends ClassicPage {
    async openItem(itemSysId: string, prefilled: Record<string, string> = {}): Promise<void> {
        const extra = new URLSearchParams(prefilled)
        await this.open(
            `/com.glideapp.servicecatalog_cat_item_view.do?v=1&sysparm_id=${itemSysId}${extra.size > 0 ? `&${extra.toString()}` : ''}`
        )
    }

    /** A text variable (single or multi line) by its question, its accessible name. */
    textVariable(question: string): Locator {
        return this.content().getByRole('textbox', { name: question, exact: true })
    }

    /** A select box variable by its question. */
    selectVariable(question: string): Locator {
        return this.content().getByRole('combobox', { name: question, exact: true })
    }

    orderNowButton(): Locator {
        return this.content().locator('button#oi_order_now_button')
    }

    /** Clicks Order Now and waits for the checkout page; returns it. */
    async orderNow(): Promise<CheckoutPage> {
        await this.orderNowButton().click()
        const checkout = new CheckoutPage(this.surface)
        await expect(checkout.success()).toContainText('Thank you, your request has been submitted')
        return checkout
    }
}

export class CheckoutPage extends ClassicPage {
    success(): Locator {
        return this.content().locator('div.notification-success')
    }

    /** The REQ number the checkout page shows. */
    async requestNumber(): Promise<string> {
        return (await this.content().locator('a#requesturl > b').textContent()) ?? ''
    }
}

/** A list view `<table>_list.do?sysparm_query=…`, its rows opened by their "Open record: X" links. */
export class ListPage extends ClassicPage {
    async openList(table: string, encodedQuery: string): Promise<void> {
        await this.open(`/${table}_list.do?sysparm_query=${encodeURIComponent(encodedQuery)}`)
    }

    /** Self-Service > My Approvals: the viewer's approvals still waiting. */
    async openMyApprovals(): Promise<void> {
        await this.openList('sysapproval_approver', 'approver=javascript:gs.getUserID()^state=requested')
    }

    recordLink(display: string): Locator {
        return this.content().getByRole('link', { name: `Open record: ${display}`, exact: true })
    }

    async openRecord(display: string): Promise<void> {
        await this.recordLink(display).first().click()
    }
}

export class ApprovalPage extends ClassicPage {
    async openApproval(approvalSysId: string): Promise<void> {
        await this.open(`/sysapproval_approver.do?sys_id=${approvalSysId}`)
    }

    /** Approve or Reject: the buttons are on the form twice (top and bottom), so the first is clicked. */
    button(decision: 'Approve' | 'Reject'): Locator {
        return this.content().getByRole('button', { name: decision, exact: true }).first()
    }

    comments(): Locator {
        return this.content().getByLabel('Comments')
    }

    async decide(decision: 'Approve' | 'Reject', comment = ''): Promise<void> {
        if (comment) await this.comments().fill(comment)
        await this.button(decision).click()
    }
}

export class RequestedItemPage extends ClassicPage {
    async openItem(itemSysId: string): Promise<void> {
        await this.open(`/sc_req_item.do?sys_id=${itemSysId}`)
    }

    state(): Locator {
        return this.content().locator('select[id="sc_req_item.state"]')
    }

    /** Update: on the form twice (top `sysverb_update`, bottom `sysverb_update_bottom`). */
    updateButton(): Locator {
        return this.content().locator('button#sysverb_update')
    }

    /** A UI action's form button by its action name (`button#<action_name>`). */
    uiAction(actionName: string): Locator {
        return this.content().locator(`button[id="${actionName}"]`)
    }

    /** The form's record, as `g_form` gives it. */
    async uniqueValue(): Promise<string> {
        // A string expression: the page's globals are not in this Node program's types.
        return this.page.evaluate<string>('window.g_form.getUniqueValue()')
    }
}

/** Whether the page is wider than the window (a horizontal scroll bar): its width and the window's. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
    return page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })'
    )
}
