/**
 * For the deploy tool's unit tests: a ServiceNow instance and a Kpow API made of nock interceptors
 * (no socket is opened), with just enough state to answer the tool's calls the way the platform
 * does, every request logged for
 * the tests to assert on, and knobs for each failure path. The commit writes the set's flows and
 * actions as drafts (as an import does); activation publishes and activates; approving the item
 * grants a policy in the fake Kpow and closing it revokes, as the deployed flow would. What `verify`
 * reads of a grant (the approval's due date, the item's task fields, the requester's email, the
 * flow context, the item's form as each user) is there as the platform documents it, unless
 * `platformDiffers` says otherwise.
 */
import nock from 'nock'
import type { AppUpdateSet } from '../app-update-set.ts'
import { parseBasicAuthorization, type BasicCredentials } from '../../lib/common/index.ts'

export const INSTANCE_URL = 'https://dev-test.service-now.com'
export const KPOW_URL = 'https://kpow.test:4000'
export const ADMIN = { user: 'admin.deployer', password: 'Sn-Admin-S3cret!' }
export const REQUESTER = { user: 'abel.tuter', password: 'Req-S3cret-1' }
export const MANAGER = { user: 'beth.anglin', password: 'Mgr-S3cret-2' }
export const KPOW_USER = { user: 'kpow-api', password: 'Kpow-S3cret-3' }

/** The variables `deploy`, `status` and `smoke` read, pointing at the fakes with the people above. */
export const FAKE_ENVIRONMENT = {
    SN_INSTANCE_URL: INSTANCE_URL,
    SN_USER: ADMIN.user,
    SN_PASSWORD: ADMIN.password,
    KPOW_API_URL: KPOW_URL,
    KPOW_API_USER: KPOW_USER.user,
    KPOW_API_PASSWORD: KPOW_USER.password,
    SN_SMOKE_REQUESTER: REQUESTER.user,
    SN_SMOKE_REQUESTER_PASSWORD: REQUESTER.password,
    SN_SMOKE_APPROVER_PASSWORD: MANAGER.password,
}

export interface LoggedRequest {
    method: string
    path: string
    query: URLSearchParams
    headers: Record<string, string>
    body: unknown
    /** The Basic-auth user, when there was one. */
    user?: string
}

type Row = Record<string, string>
export type Reply = readonly [number, nock.ReplyBody] | readonly [number, nock.ReplyBody, nock.ReplyHeaders]

export interface FakeInstanceOptions {
    /** Problems the preview finds (sys_update_preview_problem rows without the set's id). */
    previewProblems?: Row[]
    /** The commit's progress ends in status 3 with this message. */
    commitFails?: string
    /** 'missing': 400 "does not represent any resource"; 'refused': 422, every item failed. */
    activation?: 'ok' | 'missing' | 'refused'
    /** The deploying user lacks sn_cicd.sys_ci_automation / admin: CI/CD calls answer 403. */
    cicdForbidden?: boolean
    /** The flow never writes the grant note (smoke's timeout path). */
    flowSilent?: boolean
    /** Kpow refuses the grant: the action's note with this text, then the flow's "not granted" note. */
    grantRefused?: string
    /** The flow grants but never revokes (smoke's clean-up deletes the policy). */
    flowNeverRevokes?: boolean
    /** The UI login gives no session token (an SSO-only or MFA account). */
    uiLoginRefused?: boolean
    /** The upload is answered with a redirect but no retrieved set appears. */
    uploadIgnored?: boolean
    /** The CI/CD plugin is not active: its paths answer 400 "does not represent any resource". */
    cicdMissing?: boolean
    /** The commit's progress stays "running". */
    commitHangs?: boolean
    /** Tables whose records the ACLs keep from being changed: PATCH answers 403. */
    readOnlyTables?: string[]
    /** A misbehaving instance: an answer of its own for the requests it picks (undefined: the fake's). */
    tamper?: (request: LoggedRequest) => Reply | undefined
    /** The same for Kpow's API. */
    tamperKpow?: (request: LoggedRequest) => Reply | undefined
    /** Where the instance behaves otherwise than the platform documents (what `verify` reports as differing). */
    platformDiffers?: {
        /** The approval's due date is a day after its creation (a duration), whatever the property says. */
        dueDateAsDuration?: boolean
        /** The grant's work note is written, the item's task fields are not (a cross-scope write refused). */
        taskFieldsRefused?: boolean
        /** No email is generated on a grant. */
        noEmail?: boolean
        /** End my Kpow access shows to anyone who opens the granted item. */
        endAccessForEveryone?: boolean
        /** The flow fails at the wait once the grant is written (its context ERROR). */
        waitTimeoutRefused?: boolean
        /** The item's classic form answers with a redirect to the login page. */
        noFormPage?: boolean
    }
}

/** The fake's clock: approvals are asked, notes written and emails generated at this time. */
export const FAKE_NOW = '2026-03-02 10:00:00'
/** The approval deadline the committed set's property holds. */
export const FAKE_DEADLINE_HOURS = 72

function decodeUser(header: string | undefined): BasicCredentials | undefined {
    return parseBasicAuthorization(header, 'utf8') ?? undefined
}

/** Encoded query with `a=b^c=d` terms only: all the tool sends. */
function matches(row: Row, query: string): boolean {
    return query
        .split('^')
        .filter(Boolean)
        .every((term) => {
            const [field, value] = term.split('=') as [string, string]
            return (row[field] ?? '') === value
        })
}

function pick(row: Row, fields: string | null): Row {
    if (!fields) return row
    return Object.fromEntries(fields.split(',').map((field) => [field, row[field] ?? '']))
}

/** The token the fake login form carries in a hidden field: a login that does not send it back is refused. */
const LOGIN_FORM_TOKEN = 'login-form-token-7'

export class FakeInstance {
    readonly requests: LoggedRequest[] = []
    readonly tables = new Map<string, Map<string, Row>>()
    readonly policies = new Map<string, Record<string, unknown>>()
    readonly kpowRequests: LoggedRequest[] = []
    private readonly progress = new Map<string, Row[]>()
    private sequence = 0
    private readonly passwords = new Map([
        [ADMIN.user, ADMIN.password],
        [REQUESTER.user, REQUESTER.password],
        [MANAGER.user, MANAGER.password],
    ])

    constructor(
        readonly updateSet: AppUpdateSet,
        readonly options: FakeInstanceOptions = {}
    ) {
        this.insert('sys_user', { sys_id: 'user-admin', user_name: ADMIN.user, manager: '' })
        this.insert('sys_user', { sys_id: 'user-manager', user_name: MANAGER.user, manager: '' })
        this.insert('sys_user', {
            sys_id: 'user-requester',
            user_name: REQUESTER.user,
            manager: 'user-manager',
            email: 'abel.tuter@example.com',
        })
        this.insert('sys_user', { sys_id: 'user-lonely', user_name: 'carol.nomanager', manager: '' })
    }

    table(name: string): Map<string, Row> {
        let table = this.tables.get(name)
        if (!table) this.tables.set(name, (table = new Map()))
        return table
    }

    insert(table: string, row: Row): Row {
        const sysId = row.sys_id ?? `${table}-${++this.sequence}`
        const stored = { ...row, sys_id: sysId }
        this.table(table).set(sysId, stored)
        return stored
    }

    /** The logged requests of one method whose path starts with `prefix`. */
    calls(method: string, prefix: string): LoggedRequest[] {
        return this.requests.filter((request) => request.method === method && request.path.startsWith(prefix))
    }

    /** Installs the interceptors (persisting until nock.cleanAll()). */
    install(): this {
        const instance = nock(INSTANCE_URL).persist()
        for (const method of ['get', 'post', 'patch', 'delete'] as const) {
            // eslint-disable-next-line @typescript-eslint/no-this-alias
            const fake = this
            instance[method](() => true).reply(function (uri, body) {
                const url = new URL(uri, INSTANCE_URL)
                const headers = this.req.headers
                const credentials = decodeUser(headers.authorization)
                const request: LoggedRequest = {
                    method: method.toUpperCase(),
                    path: url.pathname,
                    query: url.searchParams,
                    headers,
                    body,
                    user: credentials?.user,
                }
                fake.requests.push(request)
                return fake.options.tamper?.(request) ?? fake.route(request, credentials)
            })
        }
        const kpow = nock(KPOW_URL).persist()
        for (const method of ['get', 'delete'] as const) {
            // eslint-disable-next-line @typescript-eslint/no-this-alias
            const fake = this
            kpow[method](() => true).reply(function (uri) {
                const url = new URL(uri, KPOW_URL)
                const credentials = decodeUser(this.req.headers.authorization)
                const request: LoggedRequest = {
                    method: method.toUpperCase(),
                    path: url.pathname,
                    query: url.searchParams,
                    headers: this.req.headers,
                    body: undefined,
                    user: credentials?.user,
                }
                fake.kpowRequests.push(request)
                const tampered = fake.options.tamperKpow?.(request)
                if (tampered) return tampered
                if (credentials?.user !== KPOW_USER.user || credentials.password !== KPOW_USER.password)
                    return [401, '']
                if (method === 'get') return [200, { temporary_policies: [...fake.policies.values()], metadata: {} }]
                const id = url.pathname.split('/').pop() ?? ''
                return fake.policies.delete(id) ? [204, ''] : [404, { message: 'not found' }]
            })
        }
        return this
    }

    private route(request: LoggedRequest, credentials: { user: string; password: string } | undefined): Reply {
        const { method, path } = request
        if (path === '/angular.do') return this.angular(request)
        if (path === '/sys_upload.do') return this.upload(request)
        if (path === '/login.do') return this.loginForm(request)
        if (path === '/sc_req_item.do') return this.itemForm(request)
        if (!credentials || this.passwords.get(credentials.user) !== credentials.password) {
            return [
                401,
                {
                    error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
                    status: 'failure',
                },
            ]
        }
        const user = credentials.user
        if (path.startsWith('/api/sn_cicd/') && this.options.cicdMissing) {
            return [
                400,
                {
                    error: { message: 'Requested URI does not represent any resource', detail: null },
                    status: 'failure',
                },
            ]
        }
        if (path.startsWith('/api/sn_cicd/')) {
            if (this.options.cicdForbidden) {
                return [
                    403,
                    {
                        error: {
                            message: 'User Not Authorized',
                            detail: 'Not permitted: requires role sn_cicd.sys_ci_automation',
                        },
                        status: 'failure',
                    },
                ]
            }
            return this.cicd(request)
        }
        if (path === '/api/now/wfa_fluent/activate_flows') return this.activate(request)
        const order = /^\/api\/sn_sc\/servicecatalog\/items\/([^/]+)\/order_now$/.exec(path)
        if (order && method === 'POST') return this.orderNow(user, order[1] ?? '', request.body as { variables: Row })
        const table = /^\/api\/now\/table\/([^/]+)(?:\/([^/]+))?$/.exec(path)
        if (table) return this.tableApi(request, table[1] ?? '', table[2])
        return [
            400,
            { error: { message: 'Requested URI does not represent any resource', detail: '' }, status: 'failure' },
        ]
    }

    private angular(request: LoggedRequest): Reply {
        const type = request.query.get('sysparm_type')
        if (type === 'view_form.login') {
            if (this.options.uiLoginRefused)
                return [200, { status: 'failure', message: 'External authentication required' }]
            const form = new URLSearchParams(String(request.body))
            if (this.passwords.get(form.get('user_name') ?? '') !== form.get('user_password'))
                return [200, { status: 'failure' }]
            return [
                200,
                { status: 'success' },
                {
                    'Set-Cookie': [
                        'JSESSIONID=session-1; Path=/; HttpOnly',
                        'glide_user_route=route-1; Path=/',
                        // Who the session is, for the item's form (the platform keeps it server-side).
                        `fake_session_user=${form.get('user_name') ?? ''}; Path=/`,
                    ],
                },
            ]
        }
        if (type === 'get_user') {
            const loggedIn = (request.headers.cookie ?? '').includes('JSESSIONID=session-1')
            return [401, { error: 'no user' }, loggedIn ? { 'x-usertoken-response': 'token-123' } : {}]
        }
        return [404, '']
    }

    /** A person's login: the form (a token in a hidden field), posted back with the credentials. */
    private loginForm(request: LoggedRequest): Reply {
        const page = `<html><body><form id="loginPage" name="loginPage" method="post" action="login.do"><input type="hidden" name="sysparm_ck" value="${LOGIN_FORM_TOKEN}"><input name="user_name"><input type="password" name="user_password"><button id="sysverb_login" name="sys_action" value="sysverb_login">Log in</button></form></body></html>`
        const html = { 'Content-Type': 'text/html;charset=UTF-8' }
        if (request.method === 'GET') return [200, page, html]
        const form = new URLSearchParams(String(request.body))
        const user = form.get('user_name') ?? ''
        if (form.get('sysparm_ck') !== LOGIN_FORM_TOKEN || this.passwords.get(user) !== form.get('user_password'))
            return [200, page, html]
        return [
            302,
            '',
            {
                Location: '/navpage.do',
                // Who the session is, for the item's form (the platform keeps it server-side).
                'Set-Cookie': ['JSESSIONID=person-session; Path=/; HttpOnly', `fake_session_user=${user}; Path=/`],
            },
        ]
    }

    /** The classic form of a requested item: End my Kpow access, top and bottom, for its requester once granted. */
    private itemForm(request: LoggedRequest): Reply {
        const cookie = request.headers.cookie ?? ''
        const user = /fake_session_user=([^;]*)/.exec(cookie)?.[1]
        if (this.options.platformDiffers?.noFormPage || !user || !cookie.includes('JSESSIONID=person-session'))
            return [302, '', { Location: '/login.do' }]
        const item = this.table('sc_req_item').get(request.query.get('sys_id') ?? '')
        if (!item) return [404, '<html><body>Record not found</body></html>', { 'Content-Type': 'text/html' }]
        const viewer = [...this.table('sys_user').values()].find((row) => row.user_name === user)
        const endAccess = this.updateSet.uiActions.find((action) => action.actionName === 'x_kpow_jit_end_access')
        const shown =
            endAccess &&
            item.policy_id &&
            (this.options.platformDiffers?.endAccessForEveryone || viewer?.sys_id === item.opened_by)
        const buttons = `<button id="sysverb_update" type="submit">Update</button>${shown ? `<button id="${endAccess.actionName}" type="submit">End my Kpow access</button>` : ''}`
        return [
            200,
            `<html><body><form id="sc_req_item.do" name="sc_req_item.do"><span class="navbar_ui_actions">${buttons}</span><div class="form_body"></div><span class="ui_action_container_bottom">${buttons}</span></form></body></html>`,
            { 'Content-Type': 'text/html;charset=UTF-8' },
        ]
    }

    private upload(request: LoggedRequest): Reply {
        const body = String(request.body)
        if (
            request.headers['x-usertoken'] !== 'token-123' ||
            !(request.headers.cookie ?? '').includes('JSESSIONID=session-1')
        ) {
            return [302, '', { Location: '/login.do' }]
        }
        if (!body.includes('token-123') || !body.includes(this.updateSet.sysId)) return [400, 'bad upload']
        if (this.options.uploadIgnored) return [302, '', { Location: '/sys_remote_update_set_list.do' }]
        this.insert('sys_remote_update_set', {
            sys_id: this.updateSet.sysId,
            name: this.updateSet.name,
            state: 'loaded',
            description: 'Scoped application x_kpow_jit',
            application_version: this.updateSet.version,
        })
        return [302, '', { Location: `/sys_remote_update_set.do?sys_id=${this.updateSet.sysId}` }]
    }

    private startProgress(final: Row): Reply {
        const id = `progress-${++this.sequence}`
        this.progress.set(id, [{ status: '1', status_label: 'Running', percent_complete: '50' }, final])
        return [
            200,
            {
                result: {
                    links: { progress: { id, url: `${INSTANCE_URL}/api/sn_cicd/progress/${id}` } },
                    status: '0',
                    status_label: 'Pending',
                    percent_complete: '0',
                },
            },
        ]
    }

    private cicd(request: LoggedRequest): Reply {
        const preview = /^\/api\/sn_cicd\/update_set\/preview\/(.+)$/.exec(request.path)
        const commit = /^\/api\/sn_cicd\/update_set\/commit\/(.+)$/.exec(request.path)
        const progress = /^\/api\/sn_cicd\/progress\/(.+)$/.exec(request.path)
        if (preview) {
            const remote = this.table('sys_remote_update_set').get(preview[1] ?? '')
            if (!remote) return [404, { error: { message: 'No record found' } }]
            const problems = this.table('sys_update_preview_problem')
            for (const [id, row] of problems) if (row.remote_update_set === remote.sys_id) problems.delete(id)
            for (const problem of this.options.previewProblems ?? []) {
                this.insert('sys_update_preview_problem', { ...problem, remote_update_set: remote.sys_id ?? '' })
            }
            remote.state = 'previewed'
            return this.startProgress({ status: '2', status_label: 'Successful', percent_complete: '100' })
        }
        if (commit) {
            const remote = this.table('sys_remote_update_set').get(commit[1] ?? '')
            if (!remote) return [404, { error: { message: 'No record found' } }]
            if (this.options.commitHangs)
                return this.startProgress({ status: '1', status_label: 'Running', percent_complete: '60' })
            // As the platform: an error problem nobody accepted or skipped keeps the set from committing.
            const unresolved = [...this.table('sys_update_preview_problem').values()].filter(
                (problem) => problem.remote_update_set === remote.sys_id && problem.type === 'error' && !problem.status
            )
            if (unresolved.length > 0)
                return this.startProgress({
                    status: '3',
                    status_label: 'Failed',
                    status_message: `${unresolved.length} unresolved preview problem(s)`,
                    percent_complete: '100',
                })
            if (this.options.commitFails) {
                return this.startProgress({
                    status: '3',
                    status_label: 'Failed',
                    status_message: this.options.commitFails,
                    percent_complete: '100',
                })
            }
            remote.state = 'committed'
            // As an import does: the app's records as the set holds them (flows and actions as drafts).
            for (const action of this.updateSet.actions)
                this.insert('sys_hub_action_type_definition', {
                    sys_id: action.sysId,
                    name: action.name,
                    state: 'draft',
                    active: 'true',
                })
            for (const flow of this.updateSet.flows)
                this.insert('sys_hub_flow', {
                    sys_id: flow.sysId,
                    name: flow.name,
                    active: 'false',
                    status: 'draft',
                    master_snapshot: '',
                })
            const alias = this.updateSet.alias
            if (alias) this.insert('sys_alias', { sys_id: alias.sysId, name: alias.name, id: alias.id })
            // The app's set brings its system properties; the one the deploy may set stands for them.
            if (this.updateSet.app.scope === 'x_kpow_jit') {
                this.insert('sys_properties', {
                    sys_id: 'property-kpow-ui-url',
                    name: 'x_kpow_jit.kpow_ui_url',
                    value: '',
                })
                this.insert('sys_properties', {
                    sys_id: 'property-deadline',
                    name: 'x_kpow_jit.approval_deadline_hours',
                    value: String(FAKE_DEADLINE_HOURS),
                })
            }
            return this.startProgress({ status: '2', status_label: 'Successful', percent_complete: '100' })
        }
        if (progress) {
            const steps = this.progress.get(progress[1] ?? '')
            if (!steps) return [404, { error: { message: 'No progress' } }]
            const step = steps.length > 1 ? steps.shift() : steps[0]
            return [200, { result: { links: { progress: { id: progress[1] } }, ...step } }]
        }
        return [400, { error: { message: 'Requested URI does not represent any resource' } }]
    }

    private activate(request: LoggedRequest): Reply {
        if (this.options.activation === 'missing') {
            return [
                400,
                {
                    error: { message: 'Requested URI does not represent any resource', detail: null },
                    status: 'failure',
                },
            ]
        }
        const body = request.body as { flows: Array<{ sys_id: string }>; actions: Array<{ sys_id: string }> }
        const items = [...body.actions, ...body.flows]
        if (this.options.activation === 'refused') {
            return [
                422,
                {
                    result: {
                        summary: { total: items.length, succeeded: 0, failed: items.length },
                        results: items.map((item) => ({
                            sys_id: item.sys_id,
                            status: 'failed',
                            message: 'Action has errors: step 1 is invalid',
                        })),
                    },
                },
            ]
        }
        for (const action of body.actions) {
            const row = this.table('sys_hub_action_type_definition').get(action.sys_id)
            if (row) row.state = 'published'
        }
        for (const flow of body.flows) {
            const row = this.table('sys_hub_flow').get(flow.sys_id)
            const draftAction = [...this.table('sys_hub_action_type_definition').values()].some(
                (action) => action.state !== 'published'
            )
            if (row && !draftAction)
                Object.assign(row, { active: 'true', status: 'published', master_snapshot: 'snapshot-1' })
        }
        return [
            200,
            {
                result: {
                    summary: { total: items.length, succeeded: items.length, failed: 0 },
                    results: items.map((item) => ({ sys_id: item.sys_id, status: 'success', message: '' })),
                },
            },
        ]
    }

    private orderNow(user: string, itemId: string, body: { variables: Row }): Reply {
        if (itemId !== this.updateSet.catalogItem?.sysId) return [404, { error: { message: 'Catalog item not found' } }]
        const requester = [...this.table('sys_user').values()].find((row) => row.user_name === user)
        const request = this.insert('sc_request', {
            number: `REQ00${++this.sequence}`,
            opened_by: requester?.sys_id ?? '',
        })
        const item = this.insert('sc_req_item', {
            number: `RITM00${++this.sequence}`,
            request: request.sys_id ?? '',
            state: '1',
            opened_by: requester?.sys_id ?? '',
            ...body.variables,
        })
        const flowActive = [...this.table('sys_hub_flow').values()].every((flow) => flow.active === 'true')
        if (flowActive && requester?.manager) {
            const dueInHours = this.options.platformDiffers?.dueDateAsDuration ? 24 : FAKE_DEADLINE_HOURS
            this.insert('sysapproval_approver', {
                sysapproval: item.sys_id ?? '',
                approver: requester.manager,
                state: 'requested',
                sys_created_on: FAKE_NOW,
                due_date: new Date(Date.parse(`${FAKE_NOW.replace(' ', 'T')}Z`) + dueInHours * 3_600_000)
                    .toISOString()
                    .replace('T', ' ')
                    .slice(0, 19),
            })
        }
        return [
            200,
            {
                result: {
                    sys_id: request.sys_id,
                    number: request.number,
                    request_number: request.number,
                    request_id: request.sys_id,
                    table: 'sc_request',
                },
            },
        ]
    }

    /** What the deployed flow does on an approval or a closed item. */
    private flowReacts(table: string, row: Row): void {
        const note = (itemId: string, value: string) =>
            this.insert('sys_journal_field', {
                element_id: itemId,
                element: 'work_notes',
                value,
                sys_created_on: FAKE_NOW,
            })
        const differs = this.options.platformDiffers ?? {}
        if (table === 'sysapproval_approver' && row.state === 'approved' && !this.options.flowSilent) {
            const item = this.table('sc_req_item').get(row.sysapproval ?? '')
            if (!item) return
            if (this.options.grantRefused) {
                note(item.sys_id ?? '', `Kpow - Create Temporary Policy failed: ${this.options.grantRefused}`)
                note(
                    item.sys_id ?? '',
                    'Kpow access not granted: Kpow - Create Temporary Policy failed. Its work notes above give the reason when it could write one.'
                )
                return
            }
            const id = `policy-${++this.sequence}`
            this.policies.set(id, {
                id,
                duration_ms: Number(item.duration_ms),
                policy: {
                    role: item.role_name,
                    actions: ['TOPIC_DATA_QUERY'],
                    effect: 'Allow',
                    resource: ['cluster', item.cluster_id, 'topic', item.topic_name],
                },
            })
            item.policy_id = id
            if (!differs.taskFieldsRefused)
                Object.assign(item, { correlation_id: id, work_start: FAKE_NOW, due_date: '2026-03-02 10:05:00' })
            note(
                item.sys_id ?? '',
                `Kpow Access Granted. Policy ID: ${id}. Role ${item.role_name} may query topic ${item.topic_name}. Closing this request revokes the access.`
            )
            if (!differs.noEmail)
                this.insert('sys_email', {
                    instance: item.sys_id ?? '',
                    target_table: 'sc_req_item',
                    recipients: 'abel.tuter@example.com',
                    subject: `Kpow access granted: ${item.number ?? ''}`,
                    sys_created_on: FAKE_NOW,
                })
            this.insert('sys_flow_context', {
                name: 'Kpow Access Lifecycle',
                source_table: 'sc_req_item',
                source_record: item.sys_id ?? '',
                state: differs.waitTimeoutRefused ? 'ERROR' : 'WAITING',
            })
        }
        if (
            table === 'sc_req_item' &&
            ['3', '4', '7'].includes(row.state ?? '') &&
            row.policy_id &&
            !this.options.flowNeverRevokes
        ) {
            this.policies.delete(row.policy_id)
            note(row.sys_id ?? '', 'Kpow access revoked because the request was closed. Deleted.')
        }
    }

    private tableApi(request: LoggedRequest, tableName: string, sysId: string | undefined): Reply {
        const table = this.table(tableName)
        const fields = request.query.get('sysparm_fields')
        switch (request.method) {
            case 'GET': {
                if (sysId) {
                    const row = table.get(sysId)
                    return row
                        ? [200, { result: pick(row, fields) }]
                        : [
                              404,
                              {
                                  error: {
                                      message: 'No Record found',
                                      detail: "Record doesn't exist or ACL restricts the record retrieval",
                                  },
                                  status: 'failure',
                              },
                          ]
                }
                const query = request.query.get('sysparm_query') ?? ''
                const limit = Number(request.query.get('sysparm_limit') ?? '10000')
                return [
                    200,
                    {
                        result: [...table.values()]
                            .filter((row) => matches(row, query))
                            .slice(0, limit)
                            .map((row) => pick(row, fields)),
                    },
                ]
            }
            case 'POST': {
                const row = this.insert(tableName, request.body as Row)
                return [201, { result: row }]
            }
            case 'PATCH': {
                if (this.options.readOnlyTables?.includes(tableName)) {
                    return [
                        403,
                        {
                            error: {
                                message: 'Operation Failed',
                                detail: 'ACL Exception Update Failed due to security constraints',
                            },
                            status: 'failure',
                        },
                    ]
                }
                const row = sysId ? table.get(sysId) : undefined
                if (!row) return [404, { error: { message: 'No Record found' } }]
                Object.assign(row, request.body as Row)
                this.flowReacts(tableName, row)
                return [200, { result: row }]
            }
            case 'DELETE':
                return sysId && table.delete(sysId) ? [204, ''] : [404, { error: { message: 'No Record found' } }]
        }
        return [405, '']
    }
}
