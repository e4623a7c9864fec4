/**
 * A typed client for the ServiceNow calls the deploy tool makes, one method per call, following
 * ServiceNow's documented REST APIs (the local instance answers the same calls). `/api/...` endpoints take HTTP Basic; the `*.do` processors take a UI session (cookies +
 * X-UserToken), which `loginUiSession` opens the way the SDK does.
 *
 * The calls, in the order a deploy makes them:
 *   GET    /api/now/table/sys_user?sysparm_query=user_name=<user>          probe (reachable, credentials)
 *   GET    /api/now/table/sys_remote_update_set/<set sys_id>               is the set there, committed, which fingerprint
 *   DELETE /api/now/table/sys_remote_update_set/<set sys_id>               before re-uploading a changed set
 *   POST   /angular.do?sysparm_type=view_form.login, ?sysparm_type=get_user  UI session
 *   POST   /sys_upload.do (multipart attachFile, sysparm_ck, sysparm_target=sys_remote_update_set)
 *   POST   /api/sn_cicd/update_set/preview/<id>, GET /api/sn_cicd/progress/<progress id>
 *   GET    /api/now/table/sys_update_preview_problem?sysparm_query=remote_update_set=<id>
 *   POST   /api/sn_cicd/update_set/commit/<id> {"force_commit":"false"}, then progress again
 *   PATCH  /api/now/table/sys_remote_update_set/<id> {"description": ... fingerprint line}
 *   GET    /api/now/table/sys_alias/<alias sys_id>
 *   GET    /api/now/table/sys_alias?sysparm_query=id=<alias id>                 only when the sys_id is not found
 *   GET    /api/now/table/basic_auth_credentials?sysparm_query=name=<alias name> credential
 *   POST   /api/now/table/basic_auth_credentials {name, user_name, password, active}, or PATCH it by sys_id
 *   GET    /api/now/table/http_connection?sysparm_query=connection_alias=<alias sys_id>
 *   POST   /api/now/table/http_connection {name, connection_alias, credential, connection_url, active}, or PATCH
 *   GET    /api/now/table/sys_hub_action_type_definition/<id> (state), /api/now/table/sys_hub_flow/<id> (active, status)
 *   POST   /api/now/wfa_fluent/activate_flows?sysparm_transaction_scope=<app sys_id>
 *          {"flows":[],"actions":[{sys_id,active:"",state:""}…]}, then {"flows":[…],"actions":[]}
 *   GET    /api/now/table/http_connection?…, and Kpow's GET /admin/v1/temporary-policies        verify
 * and for `smoke`:
 *   GET    /api/now/table/sys_user?sysparm_query=user_name=<requester> (manager), /api/now/table/sys_user/<manager>
 *   POST   /api/sn_sc/servicecatalog/items/<item>/order_now as the requester → {result:{request_id|sys_id, request_number|number}}
 *   GET    /api/now/table/sc_req_item?sysparm_query=request=<sc_request sys_id>
 *   GET    /api/now/table/sysapproval_approver?sysparm_query=sysapproval=<item>^approver=<manager sys_id>
 *   PATCH  /api/now/table/sysapproval_approver/<id> {"state":"approved","comments":…} as the manager
 *   GET    /api/now/table/sys_journal_field?sysparm_query=element_id=<item>^element=work_notes (value)
 *   PATCH  /api/now/table/sc_req_item/<item> {"state":"3"} as the admin ("4" in the clean-up)
 * and for `verify`, besides: GET /api/now/table/sys_properties, sys_email, sys_flow_context, and
 *   GET    /login.do, POST /login.do (user_name, user_password, the form's hidden fields)  a person's login
 *   GET    /sc_req_item.do?sys_id=<item> in that session, as the requester and as the manager
 * Table API reads send sysparm_fields, sysparm_limit and sysparm_exclude_reference_link=true; a
 * reference may still come back as {link, value} (its value is used). Expected statuses: 200 (201 for
 * a POST), 404 for a missing record, 204 (or 200) for a DELETE.
 */
import { parseSetCookie, stringifyCookie } from 'cookie'
import { DomUtils, parseDocument } from 'htmlparser2'
import type { ValidateFunction } from 'ajv'
import {
    activationAnswer,
    loginAnswer,
    progressAnswer,
    readAnswer,
    serviceNowErrorAnswer,
    tableListAnswer,
    tableRecordAnswer,
} from './answer-schemas.ts'
import type { FieldValue, RawProgress, RawRecord } from './answer-schemas.ts'
import { DeployError } from './errors.ts'
import {
    DEFAULT_REQUEST_TIMEOUT_MS,
    LARGE_ANSWER_LIMIT,
    describeNonJson,
    parseJson,
    send,
    shortBodyText,
} from './http.ts'
import { boundedServerText } from './redaction.ts'
import { basicAuthorization } from '../lib/common/index.ts'
import type { Endpoint, HttpRequest, HttpResponse } from './http.ts'

/** Keeps the cookies a response sets (a later one of the same name replaces the earlier). */
function keepSetCookies(cookies: Record<string, string>, response: HttpResponse): void {
    // A proxy (or a mock) may fold several Set-Cookie headers into one, comma-separated;
    // a comma inside an Expires date is not followed by "name=".
    for (const header of response.headers.getSetCookie().flatMap((value) => value.split(/,(?=\s*[^;,=\s]+=)/))) {
        const cookie = parseSetCookie(header)
        if (cookie.name) cookies[cookie.name] = cookie.value ?? ''
    }
}

export interface ServiceNowCredentials {
    /** e.g. https://dev12345.service-now.com (no trailing slash needed). */
    instanceUrl: string
    user: string
    password: string
    /**
     * What to check when the instance refuses (401) these credentials: the variables and flags they
     * came from. Default: the deploying admin's (SN_USER, SN_PASSWORD).
     */
    refusedFix?: string
}

/** A Table API record with every value as text (reference fields as their sys_id). */
export type TableRecord = Readonly<Record<string, string>>

/** What the CI/CD API answers for preview, commit and progress. Status: 0 pending, 1 running, 2 successful, 3 failed, 4 cancelled. */
export interface CicdProgress {
    progressId: string
    status: number
    statusLabel: string
    statusMessage: string
    statusDetail: string
    error: string
    percentComplete: number
}

export const PROGRESS_STATUS = { pending: 0, running: 1, successful: 2, failed: 3, cancelled: 4 } as const

/** A UI session: the cookies of the login and the token the `*.do` processors want as X-UserToken / sysparm_ck. */
export interface UiSession {
    cookies: Record<string, string>
    userToken: string
}

export interface ActivationResult {
    sysId: string
    /** "success", or anything else: a failure (as `now-sdk install` counts it). */
    status: string
    message: string
    /** The platform's own reason, when it gives one. */
    errorMessage: string
    /** The flow's or action's name, when the platform gives it. */
    name: string
}

export interface ActivationOutcome {
    total: number
    succeeded: number
    failed: number
    results: ActivationResult[]
}

/** What order_now answers: the sc_request it created. */
export interface CatalogOrder {
    requestSysId: string
    requestNumber: string
}

/** What the tool accepts as a sys_id from a server before putting it into a path or a query. */
const SYS_ID = /^[0-9A-Za-z_-]{1,64}$/

/** The roles a call needs, named in the 403 message. */
const ROLE_TABLE = 'admin (or the table’s own roles)'
const ROLE_CICD = 'admin or sn_cicd.sys_ci_automation'

/** An entry's value as text: Table API references come as {link, value} unless excluded. */
function asText(value: unknown): string {
    if (value === null || value === undefined) return ''
    if (typeof value === 'object' && 'value' in value) return asText((value as { value: unknown }).value)
    if (typeof value === 'object') return JSON.stringify(value)
    return String(value)
}

function toRecord(value: RawRecord): TableRecord {
    // A null-prototype copy: a server's "__proto__" field stays a field.
    const record: Record<string, string> = Object.create(null) as Record<string, string>
    for (const [key, field] of Object.entries(value)) record[key] = asText(field satisfies FieldValue)
    return record
}

/** ServiceNow's error body: {"error":{"message","detail"},"status":"failure"}; else the text's start. Bounded, one line. */
export function serviceNowErrorText(response: HttpResponse): string {
    const body = parseJson(response.text) as { error?: { message?: unknown; detail?: unknown } } | undefined
    const message = boundedServerText(asText(body?.error?.message))
    const detail = boundedServerText(asText(body?.error?.detail))
    if (message) return detail && detail !== message ? `${message}: ${detail}` : message
    return shortBodyText(response)
}

/** ServiceNow's REST API answers every call with {"result": …} or {"error": …} (or nothing, 204). */
function isServiceNowAnswer(response: HttpResponse): boolean {
    if (response.text.trim() === '') return true
    const body = parseJson(response.text)
    return typeof body === 'object' && body !== null && !Array.isArray(body) && ('result' in body || 'error' in body)
}

/** Progress texts are the server's: each bounded to one line. */
function toProgress(value: RawProgress): CicdProgress {
    const percent = Number(asText(value.percent_complete) || 0)
    return {
        progressId: boundedServerText(asText(value.links?.progress?.id), 100),
        status: Number(value.status),
        statusLabel: boundedServerText(asText(value.status_label), 60),
        statusMessage: boundedServerText(asText(value.status_message)),
        statusDetail: boundedServerText(asText(value.status_detail)),
        error: boundedServerText(asText(value.error)),
        percentComplete: Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.round(percent))) : 0,
    }
}

/** What a call expects, named in the message when something else comes. */
const EXPECTED = {
    list: 'a Table API list ({"result": [records]})',
    record: 'a Table API record ({"result": {…}})',
    error: 'a ServiceNow error ({"error": {"message"}})',
    progress: 'a CI/CD progress ({"result": {"status": 0-4, …}})',
    activation: 'an activation result ({"result": {"summary", "results"}})',
    order: 'an order ({"result": {"request_id", …}})',
} as const

export class ServiceNowClient {
    readonly instanceUrl: string
    private readonly endpoint: Endpoint

    constructor(
        readonly credentials: ServiceNowCredentials,
        private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
    ) {
        this.instanceUrl = credentials.instanceUrl.replace(/\/+$/, '')
        this.endpoint = {
            description: 'the ServiceNow instance',
            unreachableFix:
                'check SN_INSTANCE_URL (or --instance): the URL, that this machine reaches it (VPN, proxy, firewall), and that the instance is awake (a PDI hibernates when unused: wake it at developer.servicenow.com)',
            malformedFix:
                "check that SN_INSTANCE_URL (or --instance) is the instance's own address, not a proxy or another server, then run again (a look-up the tool cannot read never leads it to create anything)",
        }
    }

    get user(): string {
        return this.credentials.user
    }

    private url(path: string, query: Record<string, string> = {}): URL {
        const url = new URL(this.instanceUrl + path)
        for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
        return url
    }

    private async call(request: HttpRequest): Promise<HttpResponse> {
        return send(request, this.endpoint, this.timeoutMs)
    }

    /** A REST call with Basic auth and JSON. 401 and 403 become DeployErrors here; other statuses are the caller's. */
    private async api(
        method: HttpRequest['method'],
        path: string,
        options: {
            query?: Record<string, string>
            body?: unknown
            role: string
            purpose: string
            maxBytes?: number
        }
    ): Promise<HttpResponse> {
        const headers: Record<string, string> = {
            Authorization: basicAuthorization(this.credentials.user, this.credentials.password),
            Accept: 'application/json',
        }
        if (options.body !== undefined) headers['Content-Type'] = 'application/json'
        const response = await this.call({
            method,
            url: this.url(path, options.query),
            headers,
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
            maxBytes: options.maxBytes,
        })
        this.refuseForeignAnswer(response, `${method} ${path}`)
        this.refuseAuthFailures(response, `${method} ${path}`, options.role, options.purpose)
        return response
    }

    /** A URL pointing at another server (a web site, a sign-in page, a proxy, another API): one line, no body. */
    private refuseForeignAnswer(response: HttpResponse, call: string): void {
        const nonJson = describeNonJson(response)
        if (nonJson === undefined && isServiceNowAnswer(response)) return
        const what = nonJson ?? 'JSON that is not ServiceNow\'s (no "result" or "error")'
        throw new DeployError(
            `${this.instanceUrl} answered with ${what} (HTTP ${String(response.status)} to ${call}), not ServiceNow's REST API`,
            "check SN_INSTANCE_URL (or --instance): the instance's own address, e.g. https://dev12345.service-now.com, not a portal, proxy or sign-in page; a hibernating PDI answers with a page too: wake it at developer.servicenow.com"
        )
    }

    private refuseAuthFailures(response: HttpResponse, call: string, role: string, purpose: string): void {
        if (response.status === 401) {
            throw new DeployError(
                `${this.instanceUrl} refused the credentials of user "${this.user}" (401 on ${call})`,
                this.credentials.refusedFix ??
                    'check SN_USER and SN_PASSWORD (or --user/--password; SN_SDK_USER/SN_SDK_USER_PWD are read too); a reclaimed PDI gets a new admin password at developer.servicenow.com'
            )
        }
        if (response.status === 403) {
            throw new DeployError(
                `user "${this.user}" may not ${purpose} (403 on ${call}: ${serviceNowErrorText(response) || 'forbidden'})`,
                `give "${this.user}" the role ${role} (User Administration > Users > Roles), or deploy as a user who has it`
            )
        }
    }

    /**
     * The body of an answer with the status the call wants, as `validate`'s shape; anything else
     * (empty, `null`, not JSON, another shape) is a DeployError naming the call: never "nothing there".
     */
    private expectAnswer<Shape>(
        response: HttpResponse,
        call: string,
        validate: ValidateFunction<Shape>,
        expected: string
    ): Shape {
        const answer = readAnswer(response.text, validate)
        if (answer.problem === undefined) return answer.body
        throw new DeployError(
            `${call} answered HTTP ${response.status} with ${answer.problem}, not ${expected}`,
            this.endpoint.malformedFix
        )
    }

    /** A record of the Table API that must have a sys_id (a look-up's match, a created record). */
    private identified(record: TableRecord, call: string, expectedSysId?: string): TableRecord {
        const sysId = record.sys_id ?? ''
        if (!SYS_ID.test(sysId) || (expectedSysId !== undefined && sysId !== expectedSysId)) {
            throw new DeployError(
                `${call} answered a record ${sysId ? `with sys_id "${boundedServerText(sysId, 70)}"` : 'without a sys_id'}${expectedSysId ? `, not ${expectedSysId}` : ''}`,
                this.endpoint.malformedFix
            )
        }
        return record
    }

    private unexpected(response: HttpResponse, call: string, fix: string): DeployError {
        return new DeployError(
            `${call} answered ${response.status}${serviceNowErrorText(response) ? `: ${serviceNowErrorText(response)}` : ''}`,
            fix
        )
    }

    // ---- Table API -------------------------------------------------------------------------

    /** GET /api/now/table/<table>?sysparm_query=…: every matching record (references as sys_ids). */
    async queryRecords(table: string, query: string, fields: readonly string[], limit = 1000): Promise<TableRecord[]> {
        const path = `/api/now/table/${table}`
        const response = await this.api('GET', path, {
            query: {
                sysparm_query: query,
                sysparm_fields: fields.join(','),
                sysparm_limit: String(limit),
                sysparm_exclude_reference_link: 'true',
            },
            role: ROLE_TABLE,
            purpose: `read ${table}`,
            maxBytes: LARGE_ANSWER_LIMIT,
        })
        const call = `GET ${path}`
        if (response.status !== 200) throw this.unexpected(response, call, `check that ${table} exists on the instance`)
        const records = this.expectAnswer(response, call, tableListAnswer, EXPECTED.list).result.map(toRecord)
        if (records.length > limit)
            throw new DeployError(
                `${call} answered ${records.length} records where at most ${limit} were asked for`,
                this.endpoint.malformedFix
            )
        return fields.includes('sys_id') ? records.map((record) => this.identified(record, call)) : records
    }

    /** GET /api/now/table/<table>/<sys_id>: the record, or undefined when there is none (404). */
    async getRecord(table: string, sysId: string, fields: readonly string[]): Promise<TableRecord | undefined> {
        const path = `/api/now/table/${table}/${sysId}`
        const response = await this.api('GET', path, {
            query: { sysparm_fields: fields.join(','), sysparm_exclude_reference_link: 'true' },
            role: ROLE_TABLE,
            purpose: `read ${table}`,
            // The retrieved update set table's records may carry long descriptions.
            maxBytes: table === 'sys_remote_update_set' ? LARGE_ANSWER_LIMIT : undefined,
        })
        const call = `GET ${path}`
        if (response.status === 404) {
            // Only the platform's own "No Record found" means absent; a bare 404 may be another server's.
            this.expectAnswer(response, call, serviceNowErrorAnswer, EXPECTED.error)
            return undefined
        }
        if (response.status !== 200) throw this.unexpected(response, call, `check that ${table} exists on the instance`)
        const record = toRecord(this.expectAnswer(response, call, tableRecordAnswer, EXPECTED.record).result)
        return fields.includes('sys_id') ? this.identified(record, call, sysId) : record
    }

    /** POST /api/now/table/<table>: the created record. */
    async createRecord(table: string, fields: Record<string, string>): Promise<TableRecord> {
        const path = `/api/now/table/${table}`
        const response = await this.api('POST', path, {
            query: { sysparm_exclude_reference_link: 'true' },
            body: fields,
            role: ROLE_TABLE,
            purpose: `create ${table} records`,
        })
        const call = `POST ${path}`
        if (response.status !== 201 && response.status !== 200) {
            throw this.unexpected(response, call, `create the ${table} record by hand (servicenow/IMPORT.md)`)
        }
        return this.identified(
            toRecord(this.expectAnswer(response, call, tableRecordAnswer, EXPECTED.record).result),
            call
        )
    }

    /** PATCH /api/now/table/<table>/<sys_id>: the updated record. */
    async updateRecord(table: string, sysId: string, fields: Record<string, string>): Promise<TableRecord> {
        const path = `/api/now/table/${table}/${sysId}`
        const response = await this.api('PATCH', path, {
            query: { sysparm_exclude_reference_link: 'true' },
            body: fields,
            role: ROLE_TABLE,
            purpose: `update ${table} records`,
        })
        const call = `PATCH ${path}`
        if (response.status !== 200) {
            throw this.unexpected(response, call, `change the ${table} record by hand, or check the user's roles`)
        }
        return toRecord(this.expectAnswer(response, call, tableRecordAnswer, EXPECTED.record).result)
    }

    /** DELETE /api/now/table/<table>/<sys_id>: true when deleted, false when it was not there. */
    async deleteRecord(table: string, sysId: string): Promise<boolean> {
        const path = `/api/now/table/${table}/${sysId}`
        const response = await this.api('DELETE', path, { role: ROLE_TABLE, purpose: `delete ${table} records` })
        if (response.status === 404) {
            this.expectAnswer(response, `DELETE ${path}`, serviceNowErrorAnswer, EXPECTED.error)
            return false
        }
        if (response.status !== 204 && response.status !== 200) {
            throw this.unexpected(response, `DELETE ${path}`, `delete the ${table} record by hand`)
        }
        return true
    }

    /** Reachability and credentials in one call: the user's own sys_user record (its sys_id). */
    async probe(): Promise<TableRecord | undefined> {
        const [user] = await this.queryRecords('sys_user', `user_name=${this.user}`, ['sys_id', 'user_name'], 1)
        return user
    }

    // ---- UI session and upload -------------------------------------------------------------

    /**
     * Logs in the way the UI does (POST /angular.do?sysparm_type=view_form.login), then asks for
     * the session token (POST /angular.do?sysparm_type=get_user answers with header x-usertoken-response).
     */
    async loginUiSession(): Promise<UiSession> {
        const cookies: Record<string, string> = {}
        const keepCookies = (response: HttpResponse) => keepSetCookies(cookies, response)
        const login = await this.call({
            method: 'POST',
            url: this.url('/angular.do', { sysparm_type: 'view_form.login' }),
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: new URLSearchParams({
                sysparm_type: 'login',
                user_name: this.user,
                user_password: this.credentials.password,
                'ni.nolog.user_password': 'true',
            }).toString(),
        })
        keepCookies(login)
        this.refuseLogin(login)
        const userCall = await this.call({
            method: 'POST',
            url: this.url('/angular.do', { sysparm_type: 'get_user' }),
            headers: { Cookie: stringifyCookie(cookies), Accept: 'application/json' },
        })
        keepCookies(userCall)
        const userToken = userCall.headers.get('x-usertoken-response') ?? ''
        if (!userToken) {
            throw new DeployError(
                `the UI login of user "${this.user}" gave no session token (POST /angular.do answered ${login.status}, get_user ${userCall.status})`,
                'check SN_USER and SN_PASSWORD; the upload needs a UI login, so a user with multi-factor or single sign-on only cannot upload: use a local admin account, or import the set by hand (Retrieved Update Sets > Import Update Set from XML)'
            )
        }
        return { cookies, userToken }
    }

    /**
     * The login's own answer, read as the SDK's UISession reads it: a failed status, or
     * {status: "error" | "mfa_code_required", message}, stops here with the platform's message.
     */
    private refuseLogin(login: HttpResponse): void {
        const call = 'POST /angular.do?sysparm_type=view_form.login (UI login)'
        const manualImport =
            'or import the set by hand (Retrieved Update Sets > Import Update Set from XML) and run deploy again'
        if (login.status >= 400) {
            throw new DeployError(
                `${call} answered HTTP ${login.status}${shortBodyText(login) ? `: ${shortBodyText(login)}` : ''}`,
                `check SN_INSTANCE_URL and that the instance allows UI logins (the upload needs one), ${manualImport}`
            )
        }
        const answer = readAnswer(login.text, loginAnswer)
        if (answer.body?.status === 'mfa_code_required') {
            throw new DeployError(
                `the instance asks user "${this.user}" for a multi-factor code at login (${call}: ${boundedServerText(asText(answer.body.message)) || 'mfa_code_required'})`,
                `deploy as a local admin without multi-factor authentication (the upload needs a UI login the tool can complete), ${manualImport}`
            )
        }
        if (answer.body?.status === 'error') {
            throw new DeployError(
                `the UI login of user "${this.user}" was refused (${call}: ${boundedServerText(asText(answer.body.message)) || 'status error'})`,
                `check SN_USER and SN_PASSWORD (or --user/--password), and that the account is not locked out; ${manualImport}`
            )
        }
    }

    /**
     * "Import Update Set from XML": multipart POST /sys_upload.do in a UI session. What the
     * processor answers is [unverified] (a redirect to the retrieved set is likely), so any 2xx or
     * 3xx is taken as accepted and the caller confirms by reading the set back.
     */
    async uploadUpdateSet(session: UiSession, fileName: string, xml: string): Promise<void> {
        const form = new FormData()
        form.set('sysparm_ck', session.userToken)
        form.set('sysparm_target', 'sys_remote_update_set')
        // What the platform's own import form sends besides [unverified]: where to go once imported.
        form.set('sysparm_referring_url', 'sys_remote_update_set_list.do')
        form.set('attachFile', new Blob([xml], { type: 'text/xml' }), fileName)
        const response = await this.call({
            method: 'POST',
            url: this.url('/sys_upload.do'),
            headers: { Cookie: stringifyCookie(session.cookies), 'X-UserToken': session.userToken },
            body: form,
        })
        this.refuseAuthFailures(
            response,
            'POST /sys_upload.do',
            'admin (the upload may also ask for security_admin elevation)',
            'import update sets'
        )
        if (response.status >= 400) {
            throw this.unexpected(
                response,
                'POST /sys_upload.do',
                'import the set by hand: System Update Sets > Retrieved Update Sets > Import Update Set from XML, then run deploy again'
            )
        }
    }

    /**
     * Logs in as a person does: GET /login.do for the form (and its cookies), then POST it back with
     * its hidden fields, user_name and user_password. The platform answers a 3xx onwards when the
     * credentials hold and the login page again when not. Its cookies are the person's session.
     */
    async loginFormSession(): Promise<Record<string, string>> {
        const cookies: Record<string, string> = {}
        const keepCookies = (response: HttpResponse) => keepSetCookies(cookies, response)
        const call = 'POST /login.do (login as a person)'
        const form = await this.call({ method: 'GET', url: this.url('/login.do'), headers: { Accept: 'text/html' } })
        keepCookies(form)
        if (form.status !== 200)
            throw new DeployError(
                `GET /login.do answered HTTP ${form.status}`,
                'check SN_INSTANCE_URL and that the instance allows logins with a user name and password'
            )
        const fields = new URLSearchParams()
        const document = parseDocument(form.text)
        for (const input of DomUtils.findAll((element) => element.name === 'input', document.children)) {
            const name = DomUtils.getAttributeValue(input, 'name')
            if (name && DomUtils.getAttributeValue(input, 'type')?.toLowerCase() === 'hidden')
                fields.set(name, DomUtils.getAttributeValue(input, 'value') ?? '')
        }
        if (!fields.has('sys_action')) fields.set('sys_action', 'sysverb_login')
        fields.set('user_name', this.user)
        fields.set('user_password', this.credentials.password)
        const login = await this.call({
            method: 'POST',
            url: this.url('/login.do'),
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                Cookie: stringifyCookie(cookies),
                Accept: 'text/html',
            },
            body: fields.toString(),
        })
        keepCookies(login)
        if (login.status < 300 || login.status >= 400)
            throw new DeployError(
                `the login of user "${this.user}" was refused (${call} answered HTTP ${login.status}, not a redirect onwards)`,
                'check the user name and password given for this person, and that the account is not locked out or single sign-on only'
            )
        return cookies
    }

    /**
     * GET /<table>.do?sys_id=<id> in a person's session: whether the record's classic form shows the
     * UI action's button to them. The platform renders a form button as <button id="<action_name>">,
     * at the top of the form and again at the bottom. Undefined when the answer is no form of the
     * table (a login page, an error).
     */
    async formShowsButton(
        cookies: Record<string, string>,
        table: string,
        sysId: string,
        actionName: string
    ): Promise<boolean | undefined> {
        const response = await this.call({
            method: 'GET',
            url: this.url(`/${table}.do`, { sys_id: sysId }),
            headers: { Cookie: stringifyCookie(cookies), Accept: 'text/html' },
            maxBytes: LARGE_ANSWER_LIMIT,
        })
        if (response.status !== 200) return undefined
        const document = parseDocument(response.text)
        const isForm = DomUtils.findAll(
            (element) => element.name === 'form' && DomUtils.getAttributeValue(element, 'name') === `${table}.do`,
            document.children
        )
        if (isForm.length === 0) return undefined
        return (
            DomUtils.findAll(
                (element) => element.name === 'button' && DomUtils.getAttributeValue(element, 'id') === actionName,
                document.children
            ).length > 0
        )
    }

    // ---- CI/CD update set API -------------------------------------------------------------

    private async cicd(method: 'GET' | 'POST', path: string, body?: unknown): Promise<CicdProgress> {
        const response = await this.api(method, path, {
            body,
            role: ROLE_CICD,
            purpose: 'use the CI/CD API',
        })
        if (response.status === 400 && /does not represent any resource/i.test(response.text)) {
            throw new DeployError(
                `${method} ${path}: the instance has no CI/CD API (400 "does not represent any resource")`,
                'activate the plugin "Continuous Integration and Continuous Delivery (CICD) REST API" (com.glide.continuousdelivery), or preview and commit the set by hand (Retrieved Update Sets > the set > Preview, Commit)'
            )
        }
        const call = `${method} ${path}`
        if (response.status !== 200) {
            throw this.unexpected(
                response,
                call,
                'preview and commit the set by hand (Retrieved Update Sets > the set > Preview, Commit)'
            )
        }
        return toProgress(this.expectAnswer(response, call, progressAnswer, EXPECTED.progress).result)
    }

    /** POST /api/sn_cicd/update_set/preview/<remote update set sys_id>: starts the preview. */
    async previewUpdateSet(remoteUpdateSetId: string): Promise<CicdProgress> {
        return this.cicd('POST', `/api/sn_cicd/update_set/preview/${remoteUpdateSetId}`)
    }

    /**
     * POST /api/sn_cicd/update_set/commit/<remote update set sys_id> {"force_commit":"false"}: starts
     * the commit. Never forced: the API documents force_commit only as "commit without preview",
     * not as "ignore the preview's problems"; accepted problems are marked on the instance instead
     * (`acceptPreviewProblem`).
     */
    async commitUpdateSet(remoteUpdateSetId: string): Promise<CicdProgress> {
        return this.cicd('POST', `/api/sn_cicd/update_set/commit/${remoteUpdateSetId}`, { force_commit: 'false' })
    }

    /**
     * PATCH /api/now/table/sys_update_preview_problem/<id> {"status":"ignored"}: what the problem's
     * "Accept remote update" does on the platform (the platform's own CI/CD tooling calls it
     * ignoreProblem): the update is committed as the set has it, and the problem no longer blocks
     * the commit. Not "Skip remote update" (status "skipped"), which leaves the update out of the
     * commit: the app would lack the very record the problem is about.
     */
    async acceptPreviewProblem(problemSysId: string): Promise<void> {
        await this.updateRecord('sys_update_preview_problem', problemSysId, { status: 'ignored' })
    }

    /** GET /api/sn_cicd/progress/<progress id>. */
    async getProgress(progressId: string): Promise<CicdProgress> {
        const progress = await this.cicd('GET', `/api/sn_cicd/progress/${progressId}`)
        return { ...progress, progressId: progress.progressId || progressId }
    }

    // ---- Flow activation ------------------------------------------------------------------

    /**
     * POST /api/now/wfa_fluent/activate_flows (what `now-sdk install` calls): publishes the given
     * actions and activates the given flows. 422 = every one failed (the outcome still lists why);
     * 400 "does not represent any resource" = the instance lacks the ServiceNow IDE app.
     */
    async activateFlows(
        appSysId: string,
        items: { flows: readonly string[]; actions: readonly string[] }
    ): Promise<ActivationOutcome> {
        const path = '/api/now/wfa_fluent/activate_flows'
        const entry = (sysId: string) => ({ sys_id: sysId, active: '', state: '' })
        const response = await this.api('POST', path, {
            query: { sysparm_transaction_scope: appSysId },
            body: { flows: items.flows.map(entry), actions: items.actions.map(entry) },
            role: 'admin',
            purpose: 'activate flows',
        })
        if (response.status === 400 && /does not represent any resource/i.test(response.text)) {
            throw new DeployError(
                `the instance has no flow activation endpoint (POST ${path} answered 400 "does not represent any resource")`,
                'install the ServiceNow IDE app (sn_glider_ide) version 4.1.1 or later from the ServiceNow Store, or activate by hand: in Flow Designer open each Kpow action and Publish it, then Activate each flow (the checklist in servicenow/IMPORT.md names them)'
            )
        }
        if (response.status !== 200 && response.status !== 422) {
            throw this.unexpected(
                response,
                `POST ${path}`,
                'activate by hand: Flow Designer > publish each Kpow action, then activate each flow (the checklist in servicenow/IMPORT.md names them)'
            )
        }
        const { summary, results: entries } = this.expectAnswer(
            response,
            `POST ${path}`,
            activationAnswer,
            EXPECTED.activation
        ).result
        const results = entries.map((entry) => ({
            sysId: boundedServerText(entry.sys_id, 64),
            status: boundedServerText(entry.status, 40),
            message: boundedServerText(asText(entry.message)),
            errorMessage: boundedServerText(asText(entry.errorMessage)),
            name: boundedServerText(asText(entry.flow_name), 100),
        }))
        const total = Number(summary.total)
        // As `now-sdk install` counts: any status other than "success" is a failure, whatever the summary says.
        const failed = Math.max(
            response.status === 422 ? total : Number(summary.failed),
            results.filter((result) => result.status !== 'success').length
        )
        return { total, succeeded: Math.min(Number(summary.succeeded), total - failed), failed, results }
    }

    // ---- Service Catalog ------------------------------------------------------------------

    /** POST /api/sn_sc/servicecatalog/items/<item>/order_now as this client's user: the sc_request created. */
    async orderNow(catalogItemSysId: string, variables: Record<string, string>): Promise<CatalogOrder> {
        const path = `/api/sn_sc/servicecatalog/items/${catalogItemSysId}/order_now`
        const response = await this.api('POST', path, {
            body: { sysparm_quantity: 1, variables },
            role: 'a role the catalog item allows (its "Available for" list)',
            purpose: 'order this catalog item',
        })
        if (response.status !== 200 && response.status !== 201) {
            throw this.unexpected(
                response,
                `POST ${path}`,
                'check that the catalog item is active and that the requester may order it'
            )
        }
        const result = toRecord(this.expectAnswer(response, `POST ${path}`, tableRecordAnswer, EXPECTED.order).result)
        const requestSysId = result.request_id || result.sys_id || ''
        if (!requestSysId) {
            throw new DeployError(
                `POST ${path} answered without the request's sys_id`,
                'order the item in the portal and check the request'
            )
        }
        // It goes into the next look-up's encoded query: a sys_id, nothing that could widen it.
        if (!SYS_ID.test(requestSysId)) {
            throw new DeployError(
                `POST ${path} answered a request sys_id that is not one ("${boundedServerText(requestSysId, 70)}")`,
                this.endpoint.malformedFix
            )
        }
        return { requestSysId, requestNumber: result.request_number || result.number || '' }
    }
}
