// The local instance as a deploy target, over real HTTP: started empty, it takes the REST calls a
// deploy makes (UI session, upload, preview, commit, progress, Table API, activation) and those a
// smoke test makes (order_now, approving, closing), with the platform's authentication and roles.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { readUpdateSet } from '../../../scripts/lib/update-set/index'
import { HAND_BUILT_SET_FILE } from '../../../scripts/lib/update-set/testing/index'
import type { RunningLocalInstance } from '../server'
import { startLocalInstanceServer } from '../server'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import type { JsonAnswer } from '../../../scripts/test/json-call.ts'
import { callJson } from '../../../scripts/test/json-call.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const setFile = join(root, 'update-sets', 'kpow-jit-access.xml')
const setXml = readFileSync(setFile, 'utf8')
const appSet = readUpdateSet(setXml)
const usersFile = join(root, 'e2e', 'local-instance', 'seed', 'users.json')
const payloadIds = (table: string) =>
    appSet.records.flatMap((record) =>
        record.payload.records
            .filter((payload) => payload.table === table && payload.action === 'INSERT_OR_UPDATE')
            .map((payload) => payload.fields.sys_id?.value ?? '')
    )
/** The lifecycle flow (the set also carries the extension flow). */
const flowId =
    appSet.records
        .find((record) => record.table === 'sys_hub_flow' && record.targetName === 'Kpow Access Lifecycle')
        ?.payload.records.find((payload) => payload.table === 'sys_hub_flow')?.fields.sys_id?.value ?? ''
const actionIds = payloadIds('sys_hub_action_type_definition')
const [aliasId = ''] = payloadIds('sys_alias')
/** The guide's item (the set carries one item per access profile). */
const itemId =
    appSet.records
        .find((record) => record.table === 'sc_cat_item' && record.targetName === 'Request Kpow Topic Query Access')
        ?.payload.records.find((payload) => payload.table === 'sc_cat_item')?.fields.sys_id?.value ?? ''
const order = {
    cluster_id: '42RglGpZQwy9D5VzTVpCWA',
    topic_name: 'tx_trade',
    role_name: 'kafka-users',
    duration_ms: '900000',
    justification: 'Replay of the trades feed',
}

let running: RunningLocalInstance
let kpow: KpowStandIn
beforeEach(async () => {
    kpow = await startKpowStandIn()
    running = await startLocalInstanceServer({ usersFile, port: 0, activate: false, adminPassword: 'admin-secret' })
})
afterEach(async () => {
    await running.close()
    await kpow.stop()
})

type Answer = JsonAnswer

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const asAdmin = basic('admin', 'admin-secret')
const asUser = (user: string) => basic(user, 'demo')

function call(method: string, path: string, authorization: string, body?: unknown): Promise<Answer> {
    return callJson(`${running.url}${path}`, method, authorization, body)
}

type Row = Record<string, string>
const result = (answer: Answer) => answer.json.result as Row
const rows = (answer: Answer) => answer.json.result as Row[]

/** The SDK's UI login, then the multipart upload the platform's "Import Update Set from XML" takes. */
async function upload(xml: string, user = 'admin', password = 'admin-secret'): Promise<Response> {
    const login = await fetch(`${running.url}/angular.do?sysparm_type=view_form.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            sysparm_type: 'login',
            user_name: user,
            user_password: password,
            'ni.nolog.user_password': 'true',
        }),
    })
    expect(await login.json()).toEqual({ status: 'success', message: '' })
    const cookie = login.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ')
    const userCall = await fetch(`${running.url}/angular.do?sysparm_type=get_user`, {
        method: 'POST',
        headers: { cookie },
    })
    expect(userCall.status).toBe(401)
    const token = userCall.headers.get('x-usertoken-response') ?? ''
    expect(token).not.toBe('')
    const form = new FormData()
    form.set('sysparm_ck', token)
    form.set('sysparm_target', 'sys_remote_update_set')
    form.set('attachFile', new Blob([xml], { type: 'text/xml' }), 'set.xml')
    return fetch(`${running.url}/sys_upload.do`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'x-usertoken': token },
        body: form,
    })
}

async function followProgress(answer: Answer): Promise<Row> {
    expect(answer.status).toBe(200)
    const links = (answer.json.result as { links: { progress: { id: string } } }).links
    const progress = await call('GET', `/api/sn_cicd/progress/${links.progress.id}`, asAdmin)
    expect(progress.status).toBe(200)
    return result(progress)
}

async function deployAppSet(): Promise<void> {
    expect((await upload(setXml)).status).toBe(302)
    expect(
        (await followProgress(await call('POST', `/api/sn_cicd/update_set/preview/${appSet.sysId}`, asAdmin))).status
    ).toBe('2')
    expect(
        (
            await followProgress(
                await call('POST', `/api/sn_cicd/update_set/commit/${appSet.sysId}`, asAdmin, { force_commit: 'false' })
            )
        ).status
    ).toBe('2')
}

async function connectToKpow(): Promise<void> {
    const credential = await call('POST', '/api/now/table/basic_auth_credentials', asAdmin, {
        name: 'Kpow API credential',
        user_name: 'admin',
        password: 'kpow-secret',
        active: 'true',
    })
    expect(credential.status).toBe(201)
    const connection = await call(
        'POST',
        '/api/now/table/http_connection?sysparm_exclude_reference_link=true',
        asAdmin,
        {
            name: 'Kpow API',
            connection_alias: aliasId,
            credential: result(credential).sys_id,
            connection_url: kpow.url,
            active: 'true',
        }
    )
    expect(connection.status).toBe(201)
}

const activate = (flows: string[], actions: string[]) =>
    call('POST', `/api/now/wfa_fluent/activate_flows?sysparm_transaction_scope=x`, asAdmin, {
        flows: flows.map((sys_id) => ({ sys_id, active: '', state: '' })),
        actions: actions.map((sys_id) => ({ sys_id, active: '', state: '' })),
    })

/** How long and how often the flow's results are polled for (vi.waitFor). */
const POLL = { timeout: 10_000, interval: 25 }

describe('the local instance started empty, as a deploy target', () => {
    it('has no update set, the admin with its own password, and every seeded user on Basic auth', async () => {
        expect(rows(await call('GET', '/api/now/table/sys_remote_update_set', asAdmin))).toEqual([])
        expect(rows(await call('GET', '/api/now/table/sc_cat_item', asUser('abel.tuter')))).toEqual([])
        const users = rows(
            await call(
                'GET',
                '/api/now/table/sys_user?sysparm_fields=user_name&sysparm_query=ORDERBYuser_name',
                asUser('abel.tuter')
            )
        )
        expect(users.map((user) => user.user_name)).toEqual([
            'abel.tuter',
            'admin',
            'beth.anglin',
            'carol.nomanager',
            'fred.fulfiller',
            'gina.approver',
            'hank.approver',
        ])
        const wrong = await call('GET', '/api/now/table/sys_user', basic('admin', 'admin'))
        expect(wrong.status).toBe(401)
        expect(wrong.json).toEqual({
            error: { message: 'User Not Authenticated', detail: expect.stringContaining('wrong') as string },
            status: 'failure',
        })
        expect((await call('GET', '/api/now/table/sys_user', '')).status).toBe(401)
        expect((await call('GET', '/api/now/table/sys_properties', asUser('abel.tuter'))).json).toEqual({
            error: {
                message: 'Insufficient rights',
                detail: 'User "abel.tuter" may not read sys_properties: it needs the role admin',
            },
            status: 'failure',
        })
        expect(
            (await call('POST', `/api/sn_cicd/update_set/preview/${appSet.sysId}`, asUser('fred.fulfiller'))).status
        ).toBe(403)
        expect((await call('GET', '/api/now/table/no_such_table', asAdmin)).status).toBe(400)
        const missing = await call('POST', '/api/now/no_such_api', asAdmin)
        expect(missing.status).toBe(400)
        expect(JSON.stringify(missing.json)).toContain('does not represent any resource')
    })

    it('takes the upload as a retrieved set keeping its sys_id; refuses a second one and a forged token', async () => {
        const uploaded = await upload(setXml)
        expect(uploaded.status).toBe(302)
        expect(uploaded.headers.get('location')).toBe(`/sys_remote_update_set.do?sys_id=${appSet.sysId}`)
        const retrieved = result(
            await call(
                'GET',
                `/api/now/table/sys_remote_update_set/${appSet.sysId}?sysparm_fields=name,state,application_version`,
                asAdmin
            )
        )
        expect(retrieved).toEqual({ name: appSet.name, state: 'loaded', application_version: '1.0.0' })
        const again = await upload(setXml)
        expect(again.status).toBe(400)
        expect(await again.text()).toContain('delete it first')
        const notASet = await upload('<unload><nothing/></unload>')
        expect(notASet.status).toBe(400)
        expect(JSON.parse(await notASet.text())).toEqual({
            error: {
                message: expect.stringContaining('The file is not an update set export') as string,
                detail: 'nothing was changed',
            },
            status: 'failure',
        })
        // Not an admin: no import.
        expect((await upload(setXml, 'abel.tuter', 'demo')).status).toBe(403)
        const forged = await fetch(`${running.url}/sys_upload.do`, { method: 'POST', body: new FormData() })
        expect(forged.status).toBe(401)
        // Deleting the retrieved set lets the same file in again.
        expect((await call('DELETE', `/api/now/table/sys_remote_update_set/${appSet.sysId}`, asAdmin)).status).toBe(204)
        expect((await call('GET', `/api/now/table/sys_remote_update_set/${appSet.sysId}`, asAdmin)).status).toBe(404)
        expect((await upload(setXml)).status).toBe(302)
    })

    it('commits only after a preview; flows stay draft, and a draft flow is not run by an order', async () => {
        expect((await upload(setXml)).status).toBe(302)
        const early = await followProgress(
            await call('POST', `/api/sn_cicd/update_set/commit/${appSet.sysId}`, asAdmin, { force_commit: 'false' })
        )
        expect(early).toMatchObject({
            status: '3',
            status_label: 'Failed',
            error: expect.stringContaining('has not been previewed') as string,
        })
        const preview = await followProgress(
            await call('POST', `/api/sn_cicd/update_set/preview/${appSet.sysId}`, asAdmin)
        )
        expect(preview).toMatchObject({ status: '2', status_label: 'Successful', percent_complete: 100 })
        expect(
            rows(
                await call(
                    'GET',
                    `/api/now/table/sys_update_preview_problem?sysparm_query=remote_update_set=${appSet.sysId}`,
                    asAdmin
                )
            )
        ).toEqual([])
        expect(
            (
                await followProgress(
                    await call('POST', `/api/sn_cicd/update_set/commit/${appSet.sysId}`, asAdmin, {
                        force_commit: 'false',
                    })
                )
            ).status
        ).toBe('2')
        expect(
            result(
                await call('GET', `/api/now/table/sys_remote_update_set/${appSet.sysId}?sysparm_fields=state`, asAdmin)
            )
        ).toEqual({ state: 'committed' })
        expect(
            result(await call('GET', `/api/now/table/sys_hub_flow/${flowId}?sysparm_fields=active,status`, asAdmin))
        ).toEqual({ active: 'false', status: 'draft' })
        await connectToKpow()

        const ordered = await call(
            'POST',
            `/api/sn_sc/servicecatalog/items/${itemId}/order_now`,
            asUser('abel.tuter'),
            { sysparm_quantity: 1, variables: order }
        )
        expect(ordered.status).toBe(200)
        expect(result(ordered)).toMatchObject({
            table: 'sc_request',
            number: expect.stringMatching(/^REQ\d{7}$/) as string,
        })
        await running.instance.whenIdle()
        expect(running.instance.flowRuns().map((run) => run.status)).toEqual(['not_started'])
        expect(rows(await call('GET', '/api/now/table/sysapproval_approver', asAdmin))).toEqual([])
    })

    it('activates actions first: a flow whose actions are drafts is refused (PRB2012618)', async () => {
        await deployAppSet()
        const refused = await activate([flowId], [])
        expect(refused.status).toBe(422)
        expect(refused.json.result).toMatchObject({
            summary: { total: 1, succeeded: 0, failed: 1 },
            results: [
                {
                    sys_id: flowId,
                    status: 'failed',
                    message: expect.stringContaining('not published: publish them first (PRB2012618)') as string,
                },
            ],
        })
        const published = await activate([], actionIds)
        expect(published.json.result).toMatchObject({
            summary: { total: actionIds.length, succeeded: actionIds.length, failed: 0 },
        })
        expect(
            rows(await call('GET', '/api/now/table/sys_hub_action_type_definition?sysparm_fields=state', asAdmin))
        ).toEqual(actionIds.map(() => ({ state: 'published' })))
        expect((await activate([flowId], [])).status).toBe(200)
        expect(
            result(
                await call(
                    'GET',
                    `/api/now/table/sys_hub_flow/${flowId}?sysparm_fields=active,status,master_snapshot`,
                    asAdmin
                )
            )
        ).toMatchObject({
            active: 'true',
            status: 'published',
            master_snapshot: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
        })
        expect((await activate(['0123456789abcdef0123456789abcdef'], [])).status).toBe(422)
    })

    it('runs the lifecycle an order starts once active: the approver decides by PATCH, a fulfiller or the admin closes', async () => {
        await deployAppSet()
        await connectToKpow()
        await activate([flowId], actionIds)
        const ordered = result(
            await call('POST', `/api/sn_sc/servicecatalog/items/${itemId}/order_now`, asUser('abel.tuter'), {
                sysparm_quantity: '1',
                variables: order,
            })
        )
        const [item] = rows(
            await call(
                'GET',
                `/api/now/table/sc_req_item?sysparm_query=request=${ordered.sys_id ?? ''}&sysparm_fields=sys_id,number,state`,
                asAdmin
            )
        )
        const itemSysId = item?.sys_id ?? ''
        const beth =
            rows(await call('GET', '/api/now/table/sys_user?sysparm_query=user_name=beth.anglin', asAdmin))[0]
                ?.sys_id ?? ''
        const approval = await vi.waitFor(async () => {
            const [found] = rows(
                await call(
                    'GET',
                    `/api/now/table/sysapproval_approver?sysparm_query=sysapproval=${itemSysId}^approver=${beth}&sysparm_fields=sys_id,state`,
                    asAdmin
                )
            )
            if (!found) throw new Error('no approval for beth.anglin yet')
            return found
        }, POLL)
        expect(approval.state).toBe('requested')
        // The requester sees their item but not its approval, and cannot decide it.
        expect(
            rows(await call('GET', `/api/now/table/sc_req_item?sysparm_fields=sys_id`, asUser('abel.tuter')))
        ).toEqual([{ sys_id: itemSysId }])
        expect(rows(await call('GET', '/api/now/table/sc_req_item', asUser('carol.nomanager')))).toEqual([])
        expect(
            (
                await call(
                    'PATCH',
                    `/api/now/table/sysapproval_approver/${approval.sys_id ?? ''}`,
                    asUser('abel.tuter'),
                    { state: 'approved' }
                )
            ).status
        ).toBe(404)
        expect(
            (
                await call(
                    'PATCH',
                    `/api/now/table/sysapproval_approver/${approval.sys_id ?? ''}`,
                    asUser('beth.anglin'),
                    { state: 'done' }
                )
            ).status
        ).toBe(400)
        // Only a fulfiller changes the item's state.
        expect(
            (await call('PATCH', `/api/now/table/sc_req_item/${itemSysId}`, asUser('beth.anglin'), { state: '3' }))
                .status
        ).toBe(403)

        const decided = await call(
            'PATCH',
            `/api/now/table/sysapproval_approver/${approval.sys_id ?? ''}`,
            asUser('beth.anglin'),
            { state: 'approved', comments: 'ok' }
        )
        expect(decided.status).toBe(200)
        expect(result(decided).state).toBe('approved')
        const notes = async () =>
            rows(
                await call(
                    'GET',
                    `/api/now/table/sys_journal_field?sysparm_query=element_id=${itemSysId}^element=work_notes&sysparm_fields=value`,
                    asAdmin
                )
            ).map((note) => note.value ?? '')
        const granted = await vi.waitFor(async () => {
            const found = (await notes()).find((note) => note.includes('Kpow Access Granted. Policy ID: tp-1'))
            if (found === undefined) throw new Error('no grant work note yet')
            return found
        }, POLL)
        expect(granted).toContain('tp-1')
        expect(kpow.requests[0]?.authorization).toBe(basic('admin', 'kpow-secret'))
        // Work notes are for fulfillers: the requester's query finds none.
        expect(
            rows(
                await call(
                    'GET',
                    `/api/now/table/sys_journal_field?sysparm_query=element_id=${itemSysId}^element=work_notes`,
                    asUser('abel.tuter')
                )
            )
        ).toEqual([])

        const closed = await call('PATCH', `/api/now/table/sc_req_item/${itemSysId}`, asUser('fred.fulfiller'), {
            state: '3',
        })
        expect(result(closed)).toMatchObject({ state: '3', active: 'false' })
        await vi.waitFor(async () => expect(await notes()).toContainEqual(expect.stringMatching(/revoked/i)), POLL)
        expect(kpow.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'POST /admin/v1/temporary-policies',
            'DELETE /admin/v1/temporary-policies/tp-1',
        ])
        expect((await call('PATCH', `/api/now/table/sc_req_item/${itemSysId}`, asAdmin, { state: '2' })).status).toBe(
            400
        )
    })

    it('lets the admin change a property, not a requester; references come as links unless excluded', async () => {
        await deployAppSet()
        const [property] = rows(
            await call(
                'GET',
                '/api/now/table/sys_properties?sysparm_query=name=x_kpow_jit.max_duration_minutes&sysparm_fields=sys_id,name,value',
                asAdmin
            )
        )
        expect(property?.name).toBe('x_kpow_jit.max_duration_minutes')
        const path = `/api/now/table/sys_properties/${property?.sys_id ?? ''}`
        expect((await call('PATCH', path, asUser('abel.tuter'), { value: '5' })).status).toBe(403)
        expect(result(await call('PATCH', path, asAdmin, { value: '30' })).value).toBe('30')
        expect((await call('PATCH', path, asAdmin, { no_such_field: 'x' })).json).toMatchObject({
            error: { message: expect.stringContaining('no_such_field') as string },
        })
        const variable = rows(
            await call(
                'GET',
                `/api/now/table/item_option_new?sysparm_query=cat_item=${itemId}^ORDERBYorder&sysparm_fields=cat_item&sysparm_limit=1`,
                asUser('abel.tuter')
            )
        )
        expect(variable).toEqual([
            { cat_item: { link: `${running.url}/api/now/table/sc_cat_item/${itemId}`, value: itemId } },
        ])
        expect((await call('GET', '/api/now/table/sc_cat_item?sysparm_query=nonsense=1', asAdmin)).status).toBe(400)
        expect((await call('GET', '/api/now/table/sc_cat_item?sysparm_fields=nonsense', asAdmin)).status).toBe(400)
    })

    it('lets a CI user (sn_cicd.sys_ci_automation) preview and commit, but not import or activate', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'ci-users-'))
        onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
        const fixture = JSON.parse(readFileSync(usersFile, 'utf8')) as { users: Record<string, unknown>[] }
        fixture.users.push({ user_name: 'ci.bot', name: 'CI Bot', roles: ['sn_cicd.sys_ci_automation'] })
        writeFileSync(join(folder, 'users.json'), JSON.stringify(fixture))
        await running.close()
        running = await startLocalInstanceServer({
            usersFile: join(folder, 'users.json'),
            port: 0,
            activate: false,
            adminPassword: 'admin-secret',
        })
        expect((await upload(setXml, 'ci.bot', 'demo')).status).toBe(403)
        expect((await upload(setXml)).status).toBe(302)
        const ci = asUser('ci.bot')
        const preview = await call('POST', `/api/sn_cicd/update_set/preview/${appSet.sysId}`, ci)
        expect(preview.status).toBe(200)
        const commit = await call('POST', `/api/sn_cicd/update_set/commit/${appSet.sysId}`, ci, {
            force_commit: 'false',
        })
        const progressId = (commit.json.result as { links: { progress: { id: string } } }).links.progress.id
        expect(result(await call('GET', `/api/sn_cicd/progress/${progressId}`, ci)).status).toBe('2')
        expect((await call('GET', '/api/now/table/sys_remote_update_set', ci)).status).toBe(403)
        expect(
            (await call('POST', '/api/now/wfa_fluent/activate_flows', ci, { flows: [], actions: actionIds })).status
        ).toBe(403)
        // Display values on request: the catalog item's variables name their item.
        const [variable] = rows(
            await call(
                'GET',
                `/api/now/table/item_option_new?sysparm_query=cat_item=${itemId}&sysparm_fields=cat_item&sysparm_display_value=true&sysparm_limit=1`,
                ci
            )
        )
        expect(variable).toEqual({
            cat_item: {
                display_value: 'Request Kpow Topic Query Access',
                link: expect.stringMatching(/\/api\/now\/table\/sc_cat_item\//) as string,
            },
        })
    })

    it("previews the guide's hand-built set: its REST and JSON Parser steps are error problems, and it is not committed", async () => {
        const handBuilt = readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))
        expect((await upload(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))).status).toBe(302)
        expect(
            (await followProgress(await call('POST', `/api/sn_cicd/update_set/preview/${handBuilt.sysId}`, asAdmin)))
                .status
        ).toBe('2')
        const problems = rows(
            await call(
                'GET',
                `/api/now/table/sys_update_preview_problem?sysparm_query=remote_update_set=${handBuilt.sysId}^type=error&sysparm_exclude_reference_link=true`,
                asAdmin
            )
        )
        const descriptions = problems.map((problem) => problem.description ?? '')
        expect(descriptions).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^\[step-type\] action "Kpow - Create Temporary Policy", step "REST step": REST step/
                ),
                expect.stringMatching(/JSON Parser step .* is not supported/),
            ])
        )
        const aliasProblem = problems.find((problem) => problem.missing_item_table === 'sys_alias')
        expect(aliasProblem?.remote_update).toMatch(/^[0-9a-f]{32}$/)
        const commit = await followProgress(
            await call('POST', `/api/sn_cicd/update_set/commit/${handBuilt.sysId}`, asAdmin, { force_commit: 'true' })
        )
        expect(commit).toMatchObject({ status: '3', error: expect.stringContaining('cannot run') as string })
        expect(rows(await call('GET', '/api/now/table/sys_hub_flow', asAdmin))).toEqual([])

        // Accept remote update: status "ignored" is taken, anything else refused with nothing written.
        const first = problems[0]?.sys_id ?? ''
        const skipped = await call('PATCH', `/api/now/table/sys_update_preview_problem/${first}`, asAdmin, {
            status: 'skipped',
        })
        expect(skipped.status).toBe(400)
        for (const problem of problems) {
            const accepted = await call(
                'PATCH',
                `/api/now/table/sys_update_preview_problem/${problem.sys_id}`,
                asAdmin,
                {
                    status: 'ignored',
                }
            )
            expect(accepted.status).toBe(200)
        }
        const statuses = rows(
            await call(
                'GET',
                `/api/now/table/sys_update_preview_problem?sysparm_query=remote_update_set=${handBuilt.sysId}^type=error&sysparm_fields=status`,
                asAdmin
            )
        ).map((problem) => problem.status)
        expect(new Set(statuses)).toEqual(new Set(['ignored']))
        // Accepted problems no longer block; what the local instance cannot run still fails the commit, writing nothing.
        const accepted = await followProgress(
            await call('POST', `/api/sn_cicd/update_set/commit/${handBuilt.sysId}`, asAdmin, { force_commit: 'false' })
        )
        expect(accepted).toMatchObject({ status: '3', error: expect.stringContaining('cannot run') as string })
        expect(accepted.error).not.toContain('sys_update_preview_problem')
        expect(rows(await call('GET', '/api/now/table/sys_hub_flow', asAdmin))).toEqual([])
    })
})
