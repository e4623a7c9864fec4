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
    constructor(readonly surface: Surface) {}

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

    /** The page's information message (`.outputmsg_info .outputmsg_text`), e.g. after a form was submitted. */
    infoMessage(): Locator {
        return this.content().locator('.outputmsg_info .outputmsg_text')
    }

    /** A classic record form, `form#<table>.do`: everything the form shows of its record. */
    recordForm(table: string): Locator {
        return this.content().locator(`form[id="${table}.do"]`)
    }

    /** A form's record, as `g_form` gives it. */
    async uniqueValue(): Promise<string> {
        // Right after a click that opens the form, the previous page (a list, without g_form) may
        // still be there: wait for the form's page. String expressions: the page's globals are not in
        // this Node program's types.
        await this.page.waitForFunction('window.g_form !== undefined')
        return this.page.evaluate<string>('window.g_form.getUniqueValue()')
    }

    /** The session's anti-forgery token as the platform gives every classic page (`window.g_ck`). */
    async csrfToken(): Promise<string> {
        // A string expression: the page's globals are not in this Node program's types.
        return this.page.evaluate<string>('window.g_ck')
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

    /** The display values of the listed records, in the list's order (from their "Open record: X" links). */
    async recordDisplays(): Promise<string[]> {
        const links = await this.content()
            .getByRole('link', { name: /^Open record: / })
            .all()
        const labels = await Promise.all(links.map((link) => link.getAttribute('aria-label')))
        return labels.map((label) => (label ?? '').replace(/^Open record: /, ''))
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

    /** The approval form: what is approved (the item's summary and variables), its state and comments. */
    record(): Locator {
        return this.recordForm('sysapproval_approver')
    }

    async decide(decision: 'Approve' | 'Reject', comment = ''): Promise<void> {
        if (comment) await this.comments().fill(comment)
        await this.submit(decision)
    }

    /** Clicks Approve or Reject and waits for the answer's page to load (wherever the form leads). */
    async submit(decision: 'Approve' | 'Reject'): Promise<void> {
        const loaded = this.page.waitForEvent('load')
        await this.button(decision).click()
        await loaded
    }
}

/** One entry of a form's activity stream: its kind as shown ("Work notes", "Additional comments"), author and text. */
export interface ActivityEntry {
    readonly kind: string
    readonly author: string
    readonly text: string
}

export const WORK_NOTES = 'Work notes'
export const ADDITIONAL_COMMENTS = 'Additional comments'

/**
 * The requested item's classic form `sc_req_item.do?sys_id=<item>`: its fields read as displayed, the
 * State select and Update (top and bottom), the journal input and the activity stream, UI actions,
 * related lists and the flow run shown to fulfillers.
 */
export class RequestedItemPage extends ClassicPage {
    async openItem(itemSysId: string): Promise<void> {
        await this.open(`/sc_req_item.do?sys_id=${itemSysId}`)
    }

    /** Waits until the form shows the item numbered `number` (RITM…). */
    async expectItem(number: string): Promise<void> {
        await expect.poll(() => this.field('number')).toBe(number)
    }

    state(): Locator {
        return this.content().locator('select[id="sc_req_item.state"]')
    }

    /**
     * A field as the form displays it, by its name (`state`, `due_date`) or its label ("Due date"): a
     * choice's label, a reference's display value, a date in the viewer's time zone.
     */
    async field(labelOrName: string): Promise<string> {
        const content = this.content()
        const control = /^[a-z0-9_]+$/.test(labelOrName)
            ? content.locator(
                  [
                      `sys_display.sc_req_item.${labelOrName}`,
                      `sys_readonly.sc_req_item.${labelOrName}`,
                      `sc_req_item.${labelOrName}`,
                  ]
                      .map((id) => `[id="${id}"]:not([type=hidden])`)
                      .join(', ')
              )
            : content.getByLabel(labelOrName, { exact: true })
        return displayedValue(control.first())
    }

    /** Picks a State by its label (e.g. "Closed Complete"); Update or Save sends it. */
    async setState(label: string): Promise<void> {
        await this.state().selectOption({ label })
    }

    /** Update: on the form twice (top `sysverb_update`, bottom `sysverb_update_bottom`). */
    updateButton(): Locator {
        return this.content().locator('button#sysverb_update')
    }

    /**
     * Clicks the top Update and waits for the answer's page to load: the previous page (Update returns
     * along the navigation stack), or the form again with an error (`errorMessage()`).
     */
    async update(): Promise<void> {
        const loaded = this.page.waitForEvent('load')
        await this.updateButton().first().click()
        await loaded
    }

    /** A UI action's form button, by its action name (`button#<action_name>`) or its label; the top one. */
    uiAction(nameOrActionName: string): Locator {
        const content = this.content()
        return content
            .locator(`button[id="${nameOrActionName}"]`)
            .or(content.getByRole('button', { name: nameOrActionName, exact: true }))
            .first()
    }

    /** Types a work note into the journal input; Update or Save posts it. */
    async addWorkNote(text: string): Promise<void> {
        await this.journalInput(WORK_NOTES).fill(text)
    }

    /** Types an additional comment (customer visible) into the journal input; Update or Save posts it. */
    async addComment(text: string): Promise<void> {
        await this.journalInput(ADDITIONAL_COMMENTS).fill(text)
    }

    /** The split journal input's text area for work notes or additional comments. */
    journalInput(kind: typeof WORK_NOTES | typeof ADDITIONAL_COMMENTS): Locator {
        return this.content().locator(
            kind === WORK_NOTES ? '#activity-stream-work_notes-textarea' : '#activity-stream-comments-textarea'
        )
    }

    /** The activity stream's entries (of one kind, e.g. "Work notes", when given), for assertions that wait. */
    activityStream(kind?: typeof WORK_NOTES | typeof ADDITIONAL_COMMENTS): Locator {
        const content = this.content()
        const entries = content.locator('#sn_form_inline_stream_entries li.h-card')
        return kind
            ? entries.filter({
                  has: content.locator('.sn-card-component-time span').filter({ hasText: new RegExp(`^${kind}$`) }),
              })
            : entries
    }

    /** The activity stream's entries, newest first: kind, author and text of each. */
    async activityEntries(): Promise<ActivityEntry[]> {
        const entries: ActivityEntry[] = []
        for (const entry of await this.content().locator('#sn_form_inline_stream_entries li.h-card').all())
            entries.push({
                kind: ((await entry.locator('.sn-card-component-time span').first().textContent()) ?? '').trim(),
                author: ((await entry.locator('.sn-card-component-createdby').first().textContent()) ?? '').trim(),
                text: (await entry.locator('.sn-widget-textblock-body').first().textContent()) ?? '',
            })
        return entries
    }

    /** The work notes' texts, newest first (only those allowed to read work notes see any). */
    async workNotes(): Promise<string[]> {
        return (await this.activityEntries()).filter((entry) => entry.kind === WORK_NOTES).map((entry) => entry.text)
    }

    /** The additional comments' texts (customer visible), newest first. */
    async additionalComments(): Promise<string[]> {
        return (await this.activityEntries())
            .filter((entry) => entry.kind === ADDITIONAL_COMMENTS)
            .map((entry) => entry.text)
    }

    /** A related list below the form (e.g. "Approvers"), as a table. */
    relatedList(title: string): Locator {
        return this.content().getByRole('table', { name: title, exact: true })
    }

    /**
     * The log of the item's flow run named `flowName` (any run when omitted), a table whose caption
     * gives the run's state; its fold is opened when folded.
     */
    async flowRun(flowName?: string): Promise<Locator> {
        const content = this.content()
        const folded = content
            .locator('details.flow-run-fold:not([open])')
            .filter(flowName ? { hasText: flowName } : {})
        for (const fold of await folded.all()) await fold.locator('summary').click()
        return content.getByRole('table', { name: flowName ? `Flow run ${flowName}` : /^Flow run / }).first()
    }
}

/** What a form control shows: a select's chosen label, an input's value, else the element's text. */
async function displayedValue(control: Locator): Promise<string> {
    const tag = await control.evaluate((element) => element.tagName)
    if (tag === 'SELECT') return ((await control.locator('option:checked').textContent()) ?? '').trim()
    if (tag === 'INPUT' || tag === 'TEXTAREA') return control.inputValue()
    return ((await control.textContent()) ?? '').trim()
}

/** Whether the page is wider than the window (a horizontal scroll bar): its width and the window's. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
    return page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })'
    )
}
