// Playwright fixtures for the lifecycle specs. Each test gets a fresh mock-kpow and a fresh local
// instance, both real HTTP servers on 127.0.0.1 port 0, wired together and stopped after the test.
// They run in the spec's worker process, not as child processes: no spec tests their command lines
// (mock-kpow/test/cli.test.ts, e2e/local-instance/test/cli.test.ts and npm start's test do), and a
// child process costs seconds of start-up per test. Sharing the process is safe: a script step's
// RESTMessageV2.execute() waits asynchronously for Node (glide-sandbox.ts), so mock-kpow still answers.
// `people` opens one browser context per person, logged in through the real login forms. Pages are
// driven only through the page objects of e2e/pages (ServiceNow's classic UI, Kpow's UI).
// On the instance target (target.ts) nothing is started: the same pages are driven on the user's
// deployed instance as the people its environment names, Kpow is checked through the API the
// instance reaches (instance-target.ts), and each test leaves nothing behind: in teardown, even after
// a failed step, the items it opened are closed and the temporary policies it caused deleted.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { join } from 'node:path'
import { advanceClocks, repositoryRoot, type ClocksAdvanced } from '../../scripts/lib/common/index'
import { GUIDE_CLUSTER_ID, startMockKpowWithFlags } from '../../mock-kpow/src/index'
import { startLocalInstanceServer } from '../local-instance/index'
import { DataInspectPage, KpowLoginPage } from '../pages/kpow'
import { ApprovalPage, CatalogItemPage, ListPage, LoginPage, RequestedItemPage } from '../pages/servicenow'
import { InstanceRest, InstanceRun, PERSONA_OF_LOCAL_USER, type TemporaryPolicy } from './instance-target'
import { instanceTarget, patience, target } from './target'

export { target }

export const CLUSTER = GUIDE_CLUSTER_ID
export const ITEM = 'Request Kpow Topic Query Access'
export const DEMO_PASSWORD = 'demo'
export const KPOW_DENIED_QUERY = 'Permission Denied. Action: TOPIC_DATA_QUERY / Access Control: Implicit Deny'
const ADMIN_AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`

/** The instance's admin for the Table API: the local instance's admin/admin, or the target's SN_USER. */
function adminAuthorization(): string {
    if (target === 'local') return ADMIN_AUTH
    const { user, password } = restOfInstance().settings.admin
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export type Effect = 'Allow' | 'Deny' | 'Stage'

export type { TemporaryPolicy }

export interface Kpow {
    readonly apiUrl: string
    readonly uiUrl: string
    /** The Kpow API as its admin (Basic admin/admin). */
    call(method: string, path: string, json?: unknown): Promise<{ status: number; json: unknown }>
    /** mock-kpow's probe: would `user` be allowed TOPIC_DATA_QUERY on the topic now? Not audited. */
    decide(user: string, topic: string): Promise<Effect>
    /** mock-kpow's probe for any action and resource. Not audited. */
    decideOn(user: string, action: string, resource: string[]): Promise<Effect>
    policies(): Promise<TemporaryPolicy[]>
    advanceClock(milliseconds: number): Promise<void>
    stop(): Promise<void>
}

export interface LocalInstanceProcess {
    readonly url: string
    stop(): Promise<void>
}

function wrapKpow(running: { apiUrl: string; uiUrl: string; close(): Promise<void> }): Kpow {
    const call = async (method: string, path: string, json?: unknown) => {
        const response = await fetch(`${running.apiUrl}${path}`, {
            method,
            headers: {
                authorization: ADMIN_AUTH,
                ...(json === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: json === undefined ? undefined : JSON.stringify(json),
        })
        const text = await response.text()
        return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
    }
    return {
        apiUrl: running.apiUrl,
        uiUrl: running.uiUrl,
        call,
        async decide(user, topic) {
            return this.decideOn(user, 'TOPIC_DATA_QUERY', ['cluster', CLUSTER, 'topic', topic])
        },
        async decideOn(user, action, resource) {
            const answer = await call('POST', '/mock/v1/decide', { user, action, resource })
            if (answer.status !== 200)
                throw new Error(`decide answered ${String(answer.status)}: ${JSON.stringify(answer.json)}`)
            return (answer.json as { effect: Effect }).effect
        },
        async policies() {
            const answer = await call('GET', '/admin/v1/temporary-policies')
            return (answer.json as { temporary_policies: TemporaryPolicy[] }).temporary_policies
        },
        async advanceClock(milliseconds) {
            const answer = await call('POST', '/mock/v1/clock', { advance_ms: milliseconds })
            if (answer.status !== 200) throw new Error(`clock answered ${String(answer.status)}`)
        },
        async stop() {
            await running.close()
        },
    }
}

/** mock-kpow as `npm run mock-kpow -- --api-port 0 --ui-port 0` starts it (the guide's setup). */
async function startKpow(): Promise<Kpow> {
    const running = await startMockKpowWithFlags({ apiPort: '0', uiPort: '0' })
    if (!running.apiUrl || !running.uiUrl) {
        await running.close()
        throw new Error('mock-kpow started without its API or UI listener')
    }
    return wrapKpow({ apiUrl: running.apiUrl, uiUrl: running.uiUrl, close: () => running.close() })
}

/**
 * The local instance as `npm run local-instance -- --port 0 --activate` starts it: the built update
 * set loaded, its flows active, the alias connected to `kpowUrl` as admin/admin, Kpow's UI address set.
 */
async function startInstance(kpowUrl: string, kpowUiUrl: string): Promise<LocalInstanceProcess> {
    const running = await startLocalInstanceServer({
        updateSetFile: join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'),
        usersFile: join(repositoryRoot, 'e2e', 'local-instance', 'seed', 'users.json'),
        port: 0,
        kpow: { url: kpowUrl, user: 'admin', password: 'admin' },
        properties: { 'x_kpow_jit.kpow_ui_url': kpowUiUrl },
        activate: true,
    })
    return { url: running.url, stop: () => running.close() }
}

export interface People {
    /**
     * A page of a new browser context, logged in to the instance as `userName` (`admin`: password
     * admin). On the instance target the local demo users stand for the people its environment
     * names: abel.tuter the requester, beth.anglin their manager, fred.fulfiller the admin (who
     * fulfils), gina.approver a member of the approvers group.
     */
    instanceAs(userName: string, password?: string): Promise<Page>
    /** The user name `instanceAs(userName)` logs in as on this target. */
    userNameOf(userName: string): Promise<string>
    /** A page of a new browser context, logged in to mock-kpow's UI (Global tenant). */
    kpowAs(userName: string, password: string): Promise<Page>
}

async function newPeople(
    browser: Browser,
    instanceUrl: () => string,
    kpowUrl: () => string,
    contexts: BrowserContext[],
    run: InstanceRun | undefined
): Promise<People> {
    const open = async (baseURL: string) => {
        const context = await browser.newContext({ baseURL })
        contexts.push(context)
        return context.newPage()
    }
    const onInstance = async (userName: string) => {
        const persona = PERSONA_OF_LOCAL_USER[userName]
        if (!run || !persona)
            throw new Error(`${userName} has no counterpart on the instance target: skip this spec there`)
        return run.rest.person(persona)
    }
    return {
        async instanceAs(userName, password = userName === 'admin' ? 'admin' : DEMO_PASSWORD) {
            const page = await open(instanceUrl())
            const login = run ? await onInstance(userName) : { user: userName, password }
            await new LoginPage({ page }).logIn(login.user, login.password)
            return page
        },
        async userNameOf(userName) {
            return run ? (await onInstance(userName)).user : userName
        },
        async kpowAs(userName, password) {
            if (run) throw new Error("the instance target has no Kpow UI login (only Kpow's API): skip this step there")
            const page = await open(kpowUrl())
            await new KpowLoginPage(page).logIn(userName, password, 'Global')
            return page
        },
    }
}

export interface InstanceOptions {
    /** Where the alias' connection points; undefined = the test's mock-kpow API. */
    kpowUrl: string | undefined
}

export interface Clocks {
    /** Moves mock-kpow's clock and the local instance's together (scripts/lib/common/clocks.ts, as `npm start` does). */
    advance(milliseconds: number): Promise<ClocksAdvanced>
}

/** The REST side of the instance target, read from the environment once per worker. */
let instanceRest: InstanceRest | undefined
function restOfInstance(): InstanceRest {
    instanceRest ??= new InstanceRest(instanceTarget())
    return instanceRest
}

/** The Kpow the instance reaches, through its API only: the policies this test caused; no probes, no clock. */
function instanceKpow(run: InstanceRun): Kpow {
    const noProbe = (what: string) => async () => {
        throw new Error(`${what} is mock-kpow's; a real Kpow has none: skip this step on the instance target`)
    }
    const { apiUrl, user, password } = run.rest.settings.kpow
    return {
        apiUrl,
        uiUrl: '',
        async call(method, path, json) {
            const response = await fetch(`${apiUrl}${path}`, {
                method,
                headers: {
                    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
                    ...(json === undefined ? {} : { 'content-type': 'application/json' }),
                },
                body: json === undefined ? undefined : JSON.stringify(json),
            })
            const text = await response.text()
            return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
        },
        decide: noProbe('The decision probe'),
        decideOn: noProbe('The decision probe'),
        advanceClock: noProbe('The clock'),
        policies: () => run.newPolicies(),
        async stop() {},
    }
}

export const test = base.extend<
    InstanceOptions & {
        instanceRun: InstanceRun | undefined
        kpow: Kpow
        localInstance: LocalInstanceProcess
        people: People
        clocks: Clocks
    }
>({
    kpowUrl: [undefined, { option: true }],
    // On the instance target: what was there before the test, and in teardown (even after a failed
    // step) its items closed and its policies deleted. Undefined on the local target.
    // eslint-disable-next-line no-empty-pattern
    instanceRun: async ({}, use, testInfo) => {
        if (target !== 'instance') {
            await use(undefined)
            return
        }
        const run = await InstanceRun.start(restOfInstance())
        await use(run)
        const closed = await run.closeItemsLeftOpen()
        // A closed item's flow revokes the policy it granted; what is still in Kpow after that is deleted.
        const granted = new Set(closed.map((item) => item.policyId).filter(Boolean))
        if (granted.size > 0)
            await expect
                .poll(async () => (await run.newPolicies()).filter((policy) => granted.has(policy.id)), {
                    timeout: 10_000 * patience,
                })
                .toEqual([])
                .catch(() => undefined)
        const deleted = await run.deleteNewPolicies()
        const tidied = [
            ...closed.map((item) => `closed item ${item.sysId} (Closed Incomplete)`),
            ...deleted.map((id) => `deleted Kpow policy ${id}`),
        ]
        if (tidied.length > 0) testInfo.annotations.push({ type: 'clean-up', description: tidied.join('; ') })
    },
    kpow: async ({ instanceRun }, use) => {
        const kpow = instanceRun ? instanceKpow(instanceRun) : await startKpow()
        await use(kpow)
        await kpow.stop()
    },
    localInstance: async ({ kpow, kpowUrl, instanceRun }, use) => {
        if (instanceRun) {
            await use({ url: instanceRun.rest.instanceUrl, stop: async () => {} })
            return
        }
        const instance = await startInstance(kpowUrl ?? kpow.apiUrl, kpow.uiUrl)
        await use(instance)
        await instance.stop()
    },
    clocks: async ({ kpow, localInstance }, use) => {
        if (target === 'instance') throw new Error("the instance target's clocks cannot be moved: skip this spec there")
        await use({
            advance: (milliseconds) =>
                advanceClocks(
                    {
                        kpow: { apiUrl: kpow.apiUrl, user: 'admin', password: 'admin' },
                        instance: { url: localInstance.url, user: 'admin', password: 'admin' },
                    },
                    milliseconds
                ),
        })
    },
    baseURL: async ({ localInstance }, use) => {
        await use(localInstance.url)
    },
    people: async ({ browser, localInstance, kpow, instanceRun }, use) => {
        const contexts: BrowserContext[] = []
        await use(
            await newPeople(
                browser,
                () => localInstance.url,
                () => kpow.uiUrl,
                contexts,
                instanceRun
            )
        )
        for (const context of contexts) await context.close()
    },
})

/**
 * Steps that need what only the local target has (mock-kpow's probes and UI, the local instance's
 * own pages, clock or outbox): run there; on the instance target noted on the test with the reason.
 */
export async function onLocal(reason: string, steps: () => Promise<void>): Promise<void> {
    if (target === 'local') {
        await steps()
        return
    }
    test.info().annotations.push({ type: 'local only', description: reason })
}

export { expect }

export interface AccessOrder {
    cluster?: string
    topic: string
    role?: string
    duration?: string
    justification?: string
    ticket?: string
}

/** What ordering gave: the request and item numbers, and when Order Now was clicked (performance.now()). */
export interface Ordered {
    request: string
    item: string
    orderedAt: number
}

const catalogItemSysIds = new Map<string, string>()

/**
 * A catalog item's sys_id by its name, through the Table API as admin: the classic item view is
 * opened by sys_id, and the instance at the page's address gives it (the same on any instance).
 */
export async function catalogItemSysId(page: Page, name: string): Promise<string> {
    const origin = new URL(page.url()).origin
    const known = catalogItemSysIds.get(`${origin} ${name}`)
    if (known) return known
    const response = await fetch(
        `${origin}/api/now/table/sc_cat_item?sysparm_query=${encodeURIComponent(`active=true^name=${name}`)}&sysparm_fields=sys_id`,
        { headers: { authorization: adminAuthorization(), accept: 'application/json' } }
    )
    if (response.status !== 200)
        throw new Error(`sc_cat_item answered ${String(response.status)}: ${await response.text()}`)
    const [found, ...more] = ((await response.json()) as { result: { sys_id: string }[] }).result
    if (!found || more.length > 0)
        throw new Error(
            `expected one active catalog item named "${name}", found ${String(more.length + (found ? 1 : 0))}`
        )
    catalogItemSysIds.set(`${origin} ${name}`, found.sys_id)
    return found.sys_id
}

/** The catalog item's form (the classic item view), opened by the item's name; `prefilled` variables as a link carries them. */
export async function openCatalogItem(
    page: Page,
    name: string,
    prefilled: Record<string, string> = {}
): Promise<CatalogItemPage> {
    const form = new CatalogItemPage({ page })
    await form.openItem(await catalogItemSysId(page, name), prefilled)
    return form
}

/**
 * Order Now on a filled-in item form: the checkout's request number, then its requested item from the
 * list view of the request's items (one item per order here).
 */
export async function submitOrder(form: CatalogItemPage): Promise<Ordered> {
    const orderedAt = performance.now()
    const checkout = await form.orderNow()
    const request = await checkout.requestNumber()
    const items = new ListPage(form.surface)
    await items.openList('sc_req_item', `request.number=${request}`)
    const [item, ...more] = await items.recordDisplays()
    if (!item || more.length > 0)
        throw new Error(`expected one requested item in ${request}, found ${String(more.length + (item ? 1 : 0))}`)
    return { request, item, orderedAt }
}

/** The catalog item by name > `fill` its form > Order Now; returns the request and item numbers. */
export async function orderCatalogItem(
    page: Page,
    name: string,
    fill: (form: CatalogItemPage) => Promise<void>
): Promise<Ordered> {
    const form = await openCatalogItem(page, name)
    await fill(form)
    return submitOrder(form)
}

/** Request Kpow Topic Query Access, filled in and ordered; returns the request and item numbers. */
export async function orderAccess(page: Page, order: AccessOrder): Promise<Ordered> {
    return orderCatalogItem(page, ITEM, () => fillAccessForm(page, order))
}

/** Fills in Request Kpow Topic Query Access's form, which must be open on the page. */
export async function fillAccessForm(page: Page, order: AccessOrder): Promise<void> {
    const form = new CatalogItemPage({ page })
    await form.textVariable('Cluster ID').fill(order.cluster ?? CLUSTER)
    await form.textVariable('Topic Name').fill(order.topic)
    await form.selectVariable('Kpow Role').selectOption(order.role ?? 'kafka-users')
    await form.selectVariable('Access Duration').selectOption({ label: order.duration ?? '15 minutes' })
    await form.textVariable('Business Justification').fill(order.justification ?? 'Incident review of the trades feed')
    if (order.ticket) await form.textVariable('Incident or Change Number').fill(order.ticket)
}

/** My Approvals, reloaded until the item's approval is listed: the flow asks in the background. */
export async function waitForMyApproval(page: Page, item: string): Promise<ListPage> {
    const approvals = new ListPage({ page })
    await expect(async () => {
        await approvals.openMyApprovals()
        await expect(approvals.recordLink(item)).toBeVisible({ timeout: 500 })
    }).toPass({ timeout: 15_000 })
    return approvals
}

/** My Approvals > the item's approval: its form, showing what is approved. */
export async function openMyApproval(page: Page, item: string): Promise<ApprovalPage> {
    const approvals = await waitForMyApproval(page, item)
    await approvals.openRecord(item)
    const approval = new ApprovalPage({ page })
    // The list's link navigates: the form (and its g_form) is there once its record shows.
    await expect(approval.record()).toBeVisible()
    return approval
}

/** My Approvals lists nothing waiting for the viewer about the item. */
export async function expectNoApprovalWaiting(page: Page, item: string): Promise<void> {
    const approvals = new ListPage({ page })
    await approvals.openMyApprovals()
    await expect(approvals.recordLink(item)).toHaveCount(0)
}

/** The viewer's approvals in a decided state (the approval's state value: approved, rejected, not_required). */
export async function openMyDecidedApprovals(
    page: Page,
    state: 'approved' | 'rejected' | 'not_required'
): Promise<ListPage> {
    const approvals = new ListPage({ page })
    await approvals.openList('sysapproval_approver', `approver=javascript:gs.getUserID()^state=${state}`)
    return approvals
}

/**
 * My Approvals (the list view) > the item's approval (its classic form): Comments, then Approve or
 * Reject; returns when the button was clicked, once the approval is decided. The list is reloaded
 * until the flow has asked.
 */
export async function decide(
    page: Page,
    item: string,
    decision: 'Approve' | 'Reject',
    comment: string
): Promise<number> {
    const approval = await openMyApproval(page, item)
    const approvalSysId = await approval.uniqueValue()
    await approval.comments().fill(comment)
    const clickedAt = performance.now()
    await approval.submit(decision)
    await expect(approval.errorMessage()).toHaveCount(0)
    // Decided: the approval's form again, without Approve or Reject (they show while it is requested).
    await approval.openApproval(approvalSysId)
    await expect(approval.record()).toBeVisible()
    await expect(approval.button(decision)).toHaveCount(0)
    return clickedAt
}

/** Opens a requested item: the list view of that number, then its "Open record" link; returns its form. */
export async function openItem(page: Page, item: string): Promise<RequestedItemPage> {
    const list = new ListPage({ page })
    await list.openList('sc_req_item', `number=${item}`)
    await list.openRecord(item)
    const form = new RequestedItemPage({ page })
    await form.expectItem(item)
    return form
}

/**
 * A fulfiller's view of the item until its flow run waits on a record (its timer is set): advancing
 * the clocks before that would move time past a timer not yet set.
 */
export async function untilFlowWaitsOnRecord(page: Page, item: string, flowName: string): Promise<void> {
    const form = await openItem(page, item)
    await expect(async () => {
        await page.reload()
        await expect(await form.flowRun(flowName)).toContainText('waiting for record', { timeout: 500 })
    }).toPass({ timeout: 20_000 })
}

/**
 * The fulfiller sets the item's state (with a work note and a comment) on the item's form and clicks Update, then
 * opens the form again (Update returns to the previous page); returns when Update was clicked.
 */
export async function setState(page: Page, item: string, state: string, workNote = '', comment = ''): Promise<number> {
    const form = await openItem(page, item)
    const sysId = await form.uniqueValue()
    await form.setState(state)
    if (workNote) await form.addWorkNote(workNote)
    if (comment) await form.addComment(comment)
    const clickedAt = performance.now()
    await form.update()
    await expect(form.errorMessage()).toHaveCount(0)
    await form.openItem(sysId)
    await form.expectItem(item)
    return clickedAt
}

/** The item's work notes as shown, newest first; reloads until `expected` appears. */
export async function waitForWorkNote(page: Page, expected: string | RegExp): Promise<string[]> {
    const form = new RequestedItemPage({ page })
    let notes: string[] = []
    await expect(async () => {
        await page.reload()
        notes = await form.workNotes()
        expect(notes.join('\n')).toMatch(
            typeof expected === 'string' ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expected
        )
    }).toPass({ timeout: 15_000, intervals: [100, 250, 500] })
    return notes
}

/** A field of the item's form as displayed (a choice's label, a date in the viewer's zone). */
export async function itemField(page: Page, field: 'state' | 'approval' | 'due_date'): Promise<string> {
    return new RequestedItemPage({ page }).field(field)
}

/** Polls Kpow's decision on a topic query until it is `effect`; returns when it got there, in performance.now() time. */
export async function waitForEffect(
    kpow: Kpow,
    user: string,
    topic: string,
    effect: Effect,
    timeoutMs = 20_000
): Promise<number> {
    return waitForAccess(kpow, user, 'TOPIC_DATA_QUERY', ['cluster', CLUSTER, 'topic', topic], effect, timeoutMs)
}

/**
 * Polls Kpow's decision on `action` over `resource` until it is `effect` (mock-kpow's probe). A real
 * Kpow has no probe: on the instance target, until the temporary policies the test caused hold an
 * Allow of that action on exactly that resource (Allow) or no longer do (Deny).
 */
export async function waitForAccess(
    kpow: Kpow,
    user: string,
    action: string,
    resource: string[],
    effect: Effect,
    timeoutMs = 20_000
): Promise<number> {
    const granted = async () =>
        (await kpow.policies()).some(
            (policy) =>
                policy.policy.effect === 'Allow' &&
                policy.policy.actions.includes(action) &&
                JSON.stringify(policy.policy.resource) === JSON.stringify(resource)
        )
    await expect
        .poll(
            target === 'instance'
                ? async () => ((await granted()) ? 'Allow' : 'Deny')
                : () => kpow.decideOn(user, action, resource),
            {
                timeout: timeoutMs * patience,
                intervals: target === 'instance' ? [500] : [20],
                message: `Kpow's decision for ${user} on ${action} ${resource.join('/')}`,
            }
        )
        .toBe(effect)
    return performance.now()
}

/** Kpow's UI: Data > Inspect a topic as the signed-in user; returns the page to read the outcome. */
export async function inspectTopic(page: Page, topic: string): Promise<DataInspectPage> {
    const inspect = new DataInspectPage(page)
    await inspect.inspect(topic)
    return inspect
}

/** An email of the local instance's outbox (sys_email), as its Table API gives it. */
export interface Email {
    sys_id: string
    type: string
    recipients: string
    subject: string
    body: string
    body_text: string
    target_table: string
    instance: string
    sys_created_on: string
}

/** The outbox (sys_email through the Table API, as admin), oldest first; `query` is an encoded query. */
export async function readOutbox(localInstance: LocalInstanceProcess, query = ''): Promise<Email[]> {
    const response = await fetch(
        `${localInstance.url}/api/now/table/sys_email?sysparm_query=${encodeURIComponent(query)}`,
        { headers: { authorization: ADMIN_AUTH, accept: 'application/json' } }
    )
    if (response.status !== 200)
        throw new Error(`sys_email answered ${String(response.status)}: ${await response.text()}`)
    return ((await response.json()) as { result: Email[] }).result
}

/** Waits until an email to `recipient` whose subject matches arrives; returns it (the newest such). */
export async function waitForEmail(
    localInstance: LocalInstanceProcess,
    recipient: string,
    subject: string | RegExp,
    timeoutMs = 15_000
): Promise<Email> {
    let found: Email | undefined
    await expect(async () => {
        const emails = await readOutbox(localInstance, `recipientsLIKE${recipient}`)
        found = emails
            .filter((email) =>
                typeof subject === 'string' ? email.subject.includes(subject) : subject.test(email.subject)
            )
            .pop()
        expect(found, `an email to ${recipient} with subject ${String(subject)}`).toBeDefined()
    }).toPass({ timeout: timeoutMs, intervals: [100, 250, 500] })
    if (!found) throw new Error(`no email to ${recipient} with subject ${String(subject)}`)
    return found
}

/** yyyy-MM-dd HH:mm:ss at an instant in a time zone, as the grant notes give it (Sweden's format is the ISO one). */
export function wallClock(epochMs: number, timeZone: string): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(epochMs)
}
