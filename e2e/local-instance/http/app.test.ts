// The pages over real HTTP: sessions, escaping, per-field order errors, who may do what.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocalInstance } from '../instance'
import { createLocalInstance } from '../instance'
import users from '../seed/users.json'
import { createLocalInstanceApp, DEMO_PASSWORD } from './app'
import {
    approvalUrl,
    CATALOG_HOME_URL,
    catalogItemUrl,
    MY_APPROVALS_URL,
    MY_REQUESTS_URL,
    requestItemUrl,
} from './urls'

const updateSetXml = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml'),
    'utf8'
)
const good = {
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    topic_name: 'tx_trade1',
    role_name: 'kafka-users',
    duration_ms: '900000',
    justification: 'Replay of the trades feed',
}

let server: Server
let base: string
let instance: LocalInstance

beforeEach(async () => {
    // The flow stays draft: these tests are about the pages, and no order reaches Kpow.
    instance = createLocalInstance({
        updateSetXml,
        users,
        aliases: { 'Kpow API': { url: 'http://127.0.0.1:9', user: 'admin', password: 'x' } },
    })
    const app = createLocalInstanceApp({ instance })
    server = await new Promise<Server>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})
afterEach(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
})

/** A browser's cookie header and the anti-forgery token of the page it last loaded. */
interface Visitor {
    cookie: string
    csrf: string
}

/** Posts carry the visitor's token unless the form names its own `sysparm_ck`. */
async function call(path: string, init: { as?: Visitor | string; form?: Record<string, string> } = {}) {
    const visitor = typeof init.as === 'string' ? { cookie: init.as, csrf: '' } : init.as
    const form = init.form && visitor ? { sysparm_ck: visitor.csrf, ...init.form } : init.form
    const response = await fetch(`${base}${path}`, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
            ...(visitor?.cookie ? { cookie: visitor.cookie } : {}),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
    })
    const setCookies = response.headers.getSetCookie()
    return {
        status: response.status,
        location: response.headers.get('location'),
        setCookie: setCookies.find((cookie) => cookie.startsWith('local_instance_session=')) ?? '',
        setCookies,
        text: await response.text(),
    }
}

function csrfTokenIn(page: string): string {
    return /name="sysparm_ck" value="([^"]+)"/.exec(page)?.[1] ?? ''
}

/** A fresh browser on the login page: its login-token cookie and the form's token. */
async function loginVisitor(): Promise<Visitor> {
    const page = await call('/login.do')
    return { cookie: page.setCookies[0]?.split(';')[0] ?? '', csrf: csrfTokenIn(page.text) }
}

async function logIn(userName: string): Promise<Visitor> {
    const response = await call('/login.do', {
        as: await loginVisitor(),
        form: { user_name: userName, user_password: DEMO_PASSWORD, next: CATALOG_HOME_URL },
    })
    expect(response.status).toBe(302)
    const cookie = response.setCookie.split(';')[0] ?? ''
    return { cookie, csrf: csrfTokenIn((await call(CATALOG_HOME_URL, { as: cookie })).text) }
}

function variableSysId(name: string): string {
    return instance.database.query('item_option_new', `cat_item=${itemSysId()}^name=${name}`)[0]?.sys_id ?? 'missing'
}

function itemSysId(): string {
    return (
        instance.catalogItems().find(({ item }) => item.name === 'Request Kpow Topic Query Access')?.item.sys_id ?? ''
    )
}

describe('local instance pages', () => {
    it('sends anonymous visitors to the login page and keeps where they were going', async () => {
        const response = await call(MY_APPROVALS_URL)
        expect(response.status).toBe(302)
        expect(response.location).toBe(`/login.do?next=${encodeURIComponent(MY_APPROVALS_URL)}`)
    })

    it('logs in seeded users with the demo password into an HttpOnly, SameSite=Lax session', async () => {
        const browser = await loginVisitor()
        const refused = await call('/login.do', {
            as: browser,
            form: { user_name: 'abel.tuter', user_password: 'wrong', next: '/' },
        })
        // As the platform: a failed login is the login page again, status 200.
        expect(refused.status).toBe(200)
        expect(refused.text).toContain('Unknown user name or wrong password.')
        expect(
            (await call('/login.do', { as: browser, form: { user_name: 'nobody', user_password: DEMO_PASSWORD } }))
                .setCookie
        ).toBe('')
        const accepted = await call('/login.do', {
            as: browser,
            form: { user_name: 'abel.tuter', user_password: DEMO_PASSWORD, next: '//evil.example/x' },
        })
        expect(accepted.status).toBe(302)
        expect(accepted.location).toBe(CATALOG_HOME_URL)
        expect(accepted.setCookie).toMatch(/HttpOnly/)
        expect(accepted.setCookie).toMatch(/SameSite=Lax/)
    })

    it('renders the form from the variables, in order, with help, choices and browser patterns', async () => {
        const page = (await call(catalogItemUrl(itemSysId()), { as: await logIn('abel.tuter') })).text
        const order = ['cluster_id', 'topic_name', 'role_name', 'duration_ms'].map((name) =>
            page.indexOf(`id="IO:${variableSysId(name)}"`)
        )
        expect(
            order.every((position, index) => position > 0 && (index === 0 || position > (order[index - 1] ?? 0)))
        ).toBe(true)
        expect(page).toContain(`<label for="IO:${variableSysId('topic_name')}">`)
        expect(page).toContain('Wildcards such as * are refused')
        expect(page).toMatch(/<option value="900000">15 minutes<\/option>/)
        expect(page).toContain('pattern="^(?!\\.{1,2}$)[a-zA-Z0-9._\\-]{1,249}$"')
        // A Multi Line Text variable is a text area, mandatory like the platform's.
        expect(page).toMatch(
            new RegExp(
                `<textarea id="IO:${variableSysId('justification')}" name="justification"[^>]* required aria-required="true"`
            )
        )
        expect(page).toContain(
            '<button id="oi_order_now_button" type="submit" form="item_form" aria-label="Order Now">Order Now</button>'
        )
    })

    it('refuses a bad order with each error beside its field and the typed values escaped', async () => {
        const visitor = await logIn('abel.tuter')
        const hostile = '"><script>alert(1)</script>'
        const response = await call(catalogItemUrl(itemSysId()), {
            as: visitor,
            form: { ...good, topic_name: hostile, duration_ms: '99' },
        })
        expect(response.status).toBe(422)
        expect(response.text).not.toContain('<script>alert(1)</script>')
        expect(response.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
        expect(response.text).toMatch(/<p class="error" id="var-topic_name-error">Enter one exact Kafka topic name/)
        expect(response.text).toMatch(
            /<p class="error" id="var-duration_ms-error">&quot;duration_ms&quot; must be one of/
        )
        expect(response.text).toMatch(/<p class="error" id="var-cluster_id-error"><\/p>/)
        expect(instance.database.query('sc_request')).toEqual([])
    })

    it('orders, shows the request number, and lets only people concerned see the item', async () => {
        const visitor = await logIn('abel.tuter')
        const ordered = await call(catalogItemUrl(itemSysId()), { as: visitor, form: good })
        expect(ordered.status).toBe(302)
        const request = instance.database.query('sc_request')[0]
        expect(ordered.location).toBe(
            `/com.glideapp.servicecatalog_checkout_view_v2.do?v=1&sysparm_sys_id=${request?.sys_id ?? 'missing'}`
        )
        const status = await call(ordered.location ?? '', { as: visitor })
        expect(status.text).toMatch(
            new RegExp(
                `<div class="[^"]*notification-success[^"]*" role="status">Thank you, your request has been submitted\\. Request number: <a id="requesturl" href="[^"]+"><b>${request?.number ?? 'missing'}</b></a>`
            )
        )
        const item = instance.database.query('sc_req_item')[0]
        const itemPage = requestItemUrl(item?.sys_id ?? '')
        const shown = (await call(itemPage, { as: visitor })).text
        // A select box shows its choice's label, never the stored value beside it.
        expect(shown).toContain('>15 minutes<')
        expect(shown).not.toContain('900000')
        expect((await call(itemPage, { as: await logIn('carol.nomanager') })).status).toBe(404)
        expect((await call(itemPage, { as: await logIn('fred.fulfiller') })).status).toBe(200)
        // The old addresses lead to the new ones.
        expect((await call(`/items/${item?.sys_id ?? ''}`, { as: visitor })).location).toBe(itemPage)
        expect((await call(`/requests/${request?.sys_id ?? ''}`, { as: visitor })).location).toBe(ordered.location)
        expect((await call(`/catalog/${itemSysId()}?topic_name=t1`, { as: visitor })).location).toBe(
            `${catalogItemUrl(itemSysId())}&topic_name=t1`
        )
        expect((await call('/catalog', { as: visitor })).location).toBe(CATALOG_HOME_URL)
        expect((await call('/requests', { as: visitor })).location).toBe(MY_REQUESTS_URL)
        expect((await call('/approvals', { as: visitor })).location).toBe(MY_APPROVALS_URL)
        // Only pages lead on: the old form addresses take no order.
        expect((await call(`/catalog/${itemSysId()}`, { as: visitor, form: good })).status).toBe(404)
        expect(instance.database.query('sc_request')).toHaveLength(1)
    })

    it('lets only fulfillers update the item: its state, a work note and a comment in one post; Update returns along the stack', async () => {
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        const sysId = ordered.requestItem.sysId
        const update = (values: Record<string, string>) => ({
            sys_uniqueValue: sysId,
            sys_action: 'sysverb_update',
            sysparm_stack: '/sc_req_item_list.do?sysparm_query=active%3Dtrue',
            ...values,
        })
        const requester = await logIn('abel.tuter')
        const requesterPage = (await call(requestItemUrl(sysId), { as: requester })).text
        expect(requesterPage).toContain('id="sys_readonly.sc_req_item.state" class="form-control" disabled')
        expect(requesterPage).not.toContain('id="sysverb_update"')
        const refused = await call('/sc_req_item.do', { as: requester, form: update({ 'sc_req_item.state': '3' }) })
        expect(refused.status).toBe(403)
        expect(instance.database.require('sc_req_item', sysId).state).toBe('1')

        const fulfiller = await logIn('fred.fulfiller')
        const form = (await call(requestItemUrl(sysId), { as: fulfiller })).text
        for (const id of [
            'sysverb_update',
            'sysverb_update_and_stay',
            'sysverb_update_bottom',
            'sysverb_update_and_stay_bottom',
        ])
            expect(form).toMatch(
                new RegExp(
                    `<button type="submit" name="sys_action" value="\\w+" id="${id}" class="form_action_button header action_context btn btn-default"`
                )
            )
        // Every state's label is a choice; the current one (Open) is selected.
        expect(form).toContain('<option value="1" selected>Open</option>')
        expect(form).toContain('<option value="3">Closed Complete</option>')
        expect(form).toContain('id="activity-stream-work_notes-textarea" name="sc_req_item.work_notes"')
        expect(form).toContain('id="activity-stream-comments-textarea" name="sc_req_item.comments"')
        // Save stays on the form; a state a fulfiller does not set is refused there, nothing changed.
        const pending = await call('/sc_req_item.do', {
            as: fulfiller,
            form: update({ sys_action: 'sysverb_update_and_stay', 'sc_req_item.state': '-5' }),
        })
        expect(pending.location).toBe(requestItemUrl(sysId))
        expect(instance.database.require('sc_req_item', sysId).state).toBe('1')
        expect((await call(requestItemUrl(sysId), { as: fulfiller })).text).toMatch(
            /class="[^"]*outputmsg_error[^"]*" role="alert"><span class="outputmsg_text">State must be one of Work in Progress, Closed Complete, Closed Incomplete, Closed Skipped; got &quot;-5&quot;</
        )
        // Save writes and stays on the form.
        const saved = await call('/sc_req_item.do', {
            as: fulfiller,
            form: update({
                sys_action: 'sysverb_update_and_stay',
                'sc_req_item.state': '2',
                'sc_req_item.work_notes': 'on it',
            }),
        })
        expect(saved.location).toBe(requestItemUrl(sysId))
        expect(instance.database.require('sc_req_item', sysId).state).toBe('2')
        expect(instance.database.journal('sc_req_item', sysId, 'work_notes').at(-1)?.value).toBe('on it')
        const closed = await call('/sc_req_item.do', {
            as: fulfiller,
            form: update({
                'sc_req_item.state': '3',
                'sc_req_item.work_notes': 'done <b>',
                'sc_req_item.comments': 'All done.',
            }),
        })
        expect(closed.status).toBe(303)
        expect(closed.location).toBe('/sc_req_item_list.do?sysparm_query=active%3Dtrue')
        expect(instance.database.require('sc_req_item', sysId)).toMatchObject({ state: '3', active: 'false' })
        expect(instance.database.journal('sc_req_item', sysId, 'comments').at(-1)?.value).toBe('All done.')
        expect((await call(closed.location ?? '', { as: fulfiller })).text).toContain(
            `${ordered.requestItem.number} updated.`
        )
        const page = (await call(requestItemUrl(sysId), { as: fulfiller })).text
        expect(page).toContain('<div class="sn-widget-textblock-body">done &lt;b&gt;</div>')
        expect(page).toContain('<div class="sn-card-component-time"><span>Work notes</span>')
        expect(page).toContain(
            'id="sys_display.sc_req_item.closed_by" class="form-control" readonly value="Fred Fulfiller"'
        )
        // A closed item is read-only, and a post changes nothing.
        expect(page).not.toContain('id="sysverb_update"')
        expect(
            (await call('/sc_req_item.do', { as: fulfiller, form: update({ 'sc_req_item.state': '2' }) })).status
        ).toBe(303)
        expect(instance.database.require('sc_req_item', sysId).state).toBe('3')
        // Update never returns off the site, and an unknown action is refused with what the form offers.
        expect(
            (await call('/sc_req_item.do', { as: fulfiller, form: update({ sysparm_stack: '//evil.example/' }) }))
                .location
        ).toBe(requestItemUrl(sysId))
        const unknown = await call('/sc_req_item.do', { as: fulfiller, form: update({ sys_action: 'sysverb_delete' }) })
        expect(unknown.status).toBe(400)
        expect(unknown.text).toContain('sys_action &quot;sysverb_delete&quot; is none of this form&#39;s buttons')
    })

    it('refuses a form over 64 KB with 413 and a page saying what to do, ordering nothing', async () => {
        const visitor = await logIn('abel.tuter')
        const response = await call(catalogItemUrl(itemSysId()), {
            as: visitor,
            form: { ...good, topic_name: 'x'.repeat(70 * 1024) },
        })
        expect(response.status).toBe(413)
        expect(response.text).toContain('<h1>Form too large</h1>')
        expect(response.text).toContain('larger than 64 KB and was not processed')
        expect(instance.database.query('sc_request')).toEqual([])
    })

    it('treats a session cookie with a malformed percent-escape as no session, without a stack trace', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
        try {
            const login = await call('/login.do', { as: 'local_instance_session=%' })
            expect(login.status).toBe(200)
            expect(login.text).toContain('<h1>Log in</h1>')
            expect(login.text).not.toMatch(/URIError|at .*\.ts:\d+/)
            const protectedPage = await call(CATALOG_HOME_URL, { as: 'local_instance_session=%E0%A4%A' })
            expect(protectedPage.status).toBe(302)
            expect(protectedPage.location).toBe(`/login.do?next=${encodeURIComponent(CATALOG_HOME_URL)}`)
            expect(logged).not.toHaveBeenCalled()
        } finally {
            logged.mockRestore()
        }
    })

    it('shows a requester the item, its state, variables and comments, never work notes, approvers or the flow log', async () => {
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        instance.database.update(
            'sc_req_item',
            ordered.requestItem.sysId,
            { work_notes: 'internal: checked by the on-call', comments: 'We are on it.' },
            'fred.fulfiller'
        )
        const path = requestItemUrl(ordered.requestItem.sysId)
        const requesterPage = (await call(path, { as: await logIn('abel.tuter') })).text
        expect(requesterPage).toContain('<option value="1" selected>Open</option>')
        expect(requesterPage).toContain('>15 minutes<')
        expect(requesterPage).toContain('We are on it.')
        for (const hidden of ['internal: checked by the on-call', 'Work notes', 'Flow runs', 'approvals-heading'])
            expect(requesterPage).not.toContain(hidden)
        const fulfillerPage = (await call(path, { as: await logIn('fred.fulfiller') })).text
        expect(fulfillerPage).toContain('internal: checked by the on-call')
        expect(fulfillerPage).toContain('Flow runs')
        expect(fulfillerPage).toContain('We are on it.')
    })

    it("shows a run's diagram on the item page, the steps that ran coloured by outcome with their timing", async () => {
        instance.activateFlow('Kpow Access Lifecycle')
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        await instance.whenIdle()
        const [run] = instance.flowRuns().filter((candidate) => candidate.trigger.sysId === ordered.requestItem.sysId)
        const firstStep = run?.steps[0]
        const approval = run?.steps.find((step) => step.name.startsWith('Ask For Approval'))
        expect(firstStep?.status).toBe('complete')
        expect(approval?.status).toBe('waiting')
        const page = (await call(requestItemUrl(ordered.requestItem.sysId), { as: await logIn('fred.fulfiller') })).text
        expect(page).toContain('<figure class="flow-diagram" aria-label="Diagram of flow run Kpow Access Lifecycle">')
        expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
        expect(page).toMatch(
            new RegExp(
                `<g data-step="${firstStep?.uiId ?? ''}" data-status="complete"><title>[^<]*\\(complete, (?:\\d+ ms|\\d+\\.\\d s)\\)</title>`
            )
        )
        // The approval waits inside the Decide Access subflow: the diagram draws the step calling it as running.
        const decideAccess = run?.steps.find((step) => step.depth === 0 && step.name.includes('Decide Access'))
        expect(decideAccess?.status).toBe('running')
        expect(page).toMatch(new RegExp(`<g data-step="${decideAccess?.uiId ?? 'missing'}" data-status="running">`))
        expect(page).toMatch(/>running since \d{2}:\d{2}:\d{2}/)
        // Steps not reached (the grant, the End Access subflow that waits and revokes) are drawn faded.
        const endAccess = instance.catalog.graphs
            .get(run?.flowSysId ?? '')
            ?.nodes.find((node) => node.text.includes('End Access'))
        expect(page).toContain(`<g opacity="0.45" data-step="${endAccess?.uiId ?? 'missing'}">`)
        // Requesters do not see the flow log.
        const requesterPage = (await call(requestItemUrl(ordered.requestItem.sysId), { as: await logIn('abel.tuter') }))
            .text
        expect(requesterPage).not.toContain('<figure class="flow-diagram"')
    })

    it('refuses a state-changing post without the right anti-forgery token with 403, changing nothing', async () => {
        const requester = await logIn('abel.tuter')
        const forged = (visitor: Visitor, token?: string): Visitor => ({ cookie: visitor.cookie, csrf: token ?? '' })
        const expectRefused = (response: { status: number; text: string }) => {
            expect(response.status).toBe(403)
            expect(response.text).toContain('<h1>Form refused</h1>')
            expect(response.text).toContain('nothing was changed')
        }
        for (const token of [undefined, 'x'.repeat(43)])
            expectRefused(await call(catalogItemUrl(itemSysId()), { as: forged(requester, token), form: good }))
        expect(instance.database.query('sc_request')).toEqual([])

        instance.activateFlow('Kpow Access Lifecycle')
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        await instance.whenIdle()
        const approval = instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? ''
        const manager = await logIn('beth.anglin')
        expectRefused(
            await call(approvalUrl(approval), {
                as: forged(manager),
                form: { sys_action: 'approve', 'sysapproval_approver.comments': 'x' },
            })
        )
        expect(instance.database.require('sysapproval_approver', approval).state).toBe('requested')
        const fulfiller = await logIn('fred.fulfiller')
        const itemForm = { sys_uniqueValue: ordered.requestItem.sysId }
        expectRefused(
            await call('/sc_req_item.do', {
                as: forged(fulfiller),
                form: {
                    ...itemForm,
                    sys_action: 'sysverb_update',
                    'sc_req_item.state': '3',
                    'sc_req_item.work_notes': 'x',
                },
            })
        )
        expectRefused(
            await call('/sc_req_item.do', {
                as: forged(requester),
                form: { ...itemForm, sys_action: 'cancel_request' },
            })
        )
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            state: '1',
            active: 'true',
        })
        expect(instance.database.journal('sc_req_item', ordered.requestItem.sysId, 'work_notes')).toEqual([])
        // A forged logout does not end the session.
        expectRefused(await call('/logout', { as: forged(requester), form: {} }))
        expect((await call(CATALOG_HOME_URL, { as: requester })).status).toBe(200)
        // The real forms carry the token and go through.
        expect(
            (
                await call('/sc_req_item.do', {
                    as: fulfiller,
                    form: { ...itemForm, sys_action: 'sysverb_update', 'sc_req_item.state': '2' },
                })
            ).status
        ).toBe(303)
        expect((await call('/logout', { as: requester, form: {} })).status).toBe(303)
        expect((await call(CATALOG_HOME_URL, { as: requester })).status).toBe(302)
    })

    it('serves the approval form: Approve and Reject top and bottom, Comments required to reject, only to its approver', async () => {
        instance.activateFlow('Kpow Access Lifecycle')
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        await instance.whenIdle()
        const approval = instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? ''
        const manager = await logIn('beth.anglin')
        const list = await call(
            '/sysapproval_approver_list.do?sysparm_query=approver%3Djavascript%3Ags.getUserID()%5Estate%3Drequested',
            { as: manager }
        )
        expect(list.text).toContain(
            `href="/sysapproval_approver.do?sys_id=${approval}" aria-label="Open record: ${ordered.requestItem.number}"`
        )
        // Another user's list does not show Beth's approval, whatever the query.
        const others = await call('/sysapproval_approver_list.do?sysparm_query=state%3Drequested', {
            as: await logIn('abel.tuter'),
        })
        expect(others.text).toContain('No records to display')
        const path = `/sysapproval_approver.do?sys_id=${approval}`
        expect((await call(path, { as: await logIn('abel.tuter') })).status).toBe(404)
        const form = (await call(path, { as: manager })).text
        for (const id of ['approve', 'reject', 'approve_bottom', 'reject_bottom'])
            expect(form).toContain(`id="${id}" name="sys_action"`)
        expect(form).toContain('<meta name="sysparm_ck"')
        expect(form).toContain('"table":"sysapproval_approver"')
        expect(form).toContain('>15 minutes<')
        const refused = await call(path, { as: manager, form: { sys_action: 'reject' } })
        expect(refused.status).toBe(200)
        expect(refused.text).toMatch(
            /class="[^"]*outputmsg_error[^"]*" role="alert"><span class="outputmsg_text">The following mandatory fields are not filled in: Comments</
        )
        expect(instance.database.require('sysapproval_approver', approval).state).toBe('requested')
        // The old approvals page's form address decides nothing any more.
        expect(
            (await call(`/approvals/${approval}`, { as: manager, form: { decision: 'approve', comment: 'ok' } })).status
        ).toBe(404)
        expect(instance.database.require('sysapproval_approver', approval).state).toBe('requested')
        const rejected = await call(path, {
            as: manager,
            form: { sys_action: 'reject', 'sysapproval_approver.comments': 'Not during the freeze' },
        })
        expect(rejected.status).toBe(302)
        expect(instance.database.require('sysapproval_approver', approval).state).toBe('rejected')
        const after = (await call(path, { as: manager })).text
        expect(after).toContain(`${ordered.requestItem.number} rejected.`)
        expect(after).not.toContain('id="approve"')
    })

    it('lists the requested items a requester may see, each opening its form', async () => {
        const mine = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'carol.nomanager')
        const list = (await call('/sc_req_item_list.do?sysparm_query=active%3Dtrue', { as: await logIn('abel.tuter') }))
            .text
        expect(list).toContain(
            `href="/sc_req_item.do?sys_id=${mine.requestItem.sysId}" aria-label="Open record: ${mine.requestItem.number}"`
        )
        expect(list.match(/aria-label="Open record: /g)).toHaveLength(1)
        // The row's info button previews it: its columns in a pop-up, and a link to the record.
        const previewId = `preview_${mine.requestItem.sysId}`
        expect(list).toContain(`popovertarget="${previewId}" aria-label="Preview record: ${mine.requestItem.number}"`)
        const preview = new RegExp(`<div id="${previewId}"[^>]*popover[^>]*>(.*?)</div>`).exec(list)?.[1] ?? ''
        expect(preview).toContain(`<dt>Number</dt><dd>${mine.requestItem.number}</dd><dt>Item</dt>`)
        expect(preview).toContain(`<a href="/sc_req_item.do?sys_id=${mine.requestItem.sysId}">Open Record</a>`)
    })

    it('shows "End my Kpow access" to the requester of a granted item only, and runs it as them behind the anti-forgery check', async () => {
        // The flow stays draft here: the item is put in the state a grant leaves it in.
        const ordered = instance.orderCatalogItem('Request Kpow Topic Query Access', good, 'abel.tuter')
        const itemPage = requestItemUrl(ordered.requestItem.sysId)
        const requester = await logIn('abel.tuter')
        const button = 'End my Kpow access</button>'
        expect((await call(itemPage, { as: requester })).text).not.toContain(button)
        instance.database.update(
            'sc_req_item',
            ordered.requestItem.sysId,
            { state: '2', approval: 'approved' },
            'system'
        )
        const page = (await call(itemPage, { as: requester })).text
        // Top and bottom, as the platform renders a form button: its action name as id, its sys_id as gsft_id.
        for (const suffix of ['', '_bottom'])
            expect(page).toMatch(
                new RegExp(
                    `<button type="submit" name="sys_action" value="(\\w+)" id="\\1${suffix}" class="form_action_button header action_context btn btn-destructive" data-action-name="\\1" gsft_id="[0-9a-f]{32}" title="[^"]*">End my Kpow access</button>`
                )
            )
        const fulfiller = await logIn('fred.fulfiller')
        expect((await call(itemPage, { as: fulfiller })).text).not.toContain(button)
        const [uiAction] = instance.database.query('sys_ui_action', 'name=End my Kpow access')
        const click = { sys_uniqueValue: ordered.requestItem.sysId, sys_action: uiAction?.action_name ?? '' }

        // Another user's post (with their own valid token) runs nothing: the condition is checked again.
        const refused = await call('/sc_req_item.do', { as: fulfiller, form: click })
        expect(refused.status).toBe(403)
        expect(refused.text).toContain('is not available to you on this record now')
        // A post without the requester's token runs nothing either.
        expect(
            (await call('/sc_req_item.do', { as: { cookie: requester.cookie, csrf: '' }, form: click })).status
        ).toBe(403)
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            state: '2',
            active: 'true',
        })

        // The platform's own buttons post the UI action's sys_id (gsft_id); either names the button.
        const clicked = await call('/sc_req_item.do', {
            as: requester,
            form: { ...click, sys_action: uiAction?.sys_id ?? '' },
        })
        expect(clicked.status).toBe(303)
        expect(clicked.location).toBe(itemPage)
        expect(instance.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            state: '3',
            active: 'false',
            sys_updated_by: 'abel.tuter',
        })
        const after = (await call(itemPage, { as: requester })).text
        expect(after).toContain(`${ordered.requestItem.number}: End my Kpow access done.`)
        expect(after).toContain('Kpow access ended early by the requester (abel.tuter)')
        expect(after).not.toContain(button)
    })

    it('refuses a login posted without the login page of the same browser (login CSRF)', async () => {
        const attackerForm = { user_name: 'abel.tuter', user_password: DEMO_PASSWORD, next: CATALOG_HOME_URL }
        const noToken = await call('/login.do', { form: attackerForm })
        expect(noToken.status).toBe(403)
        expect(noToken.setCookie).toBe('')
        // A token the attacker got from their own visit of the login page does not match the victim's cookie.
        const attacker = await loginVisitor()
        const victim = await loginVisitor()
        const crossed = await call('/login.do', {
            as: { cookie: victim.cookie, csrf: attacker.csrf },
            form: attackerForm,
        })
        expect(crossed.status).toBe(403)
        expect(crossed.setCookie).toBe('')
        expect((await call('/login.do', { as: { cookie: '', csrf: attacker.csrf }, form: attackerForm })).status).toBe(
            403
        )
    })
})
