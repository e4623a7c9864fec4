// The REST calls a deploy and a smoke test make, as ServiceNow's documented REST APIs
// answer them: the UI session (`/angular.do` login and token), the update set upload
// (`/sys_upload.do`), the CI/CD API (preview, commit, progress), flow activation
// (`/api/now/wfa_fluent/activate_flows`), the Service Catalog's `order_now` and the Table API
// (table-api.ts). `/api/*` takes HTTP Basic; the `*.do` processors a UI session. Errors are the
// platform's JSON (rest-auth.ts); a client's mistake is never a 500.
import busboy from 'busboy'
import { parseCookie } from 'cookie'
import express, { type NextFunction, type Request, type Response } from 'express'
import type {
    InstanceAccounts,
    InstanceControl,
    InstanceDeployment,
    InstanceFlowRuns,
    InstanceRequests,
    Progress,
} from '../instance'
import { LocalInstanceError, OrderRefusedError, StoreUnavailableError } from '../instance'
import { SessionStore } from '../../../scripts/lib/common/index'
import type { ApiUser, Passwords } from './rest-auth'
import { ApiError, apiUserOf, basicAuthentication, credentialsValid, requireRole, sendApiError } from './rest-auth'
import { isJson, refuseCrossSiteWrites, refuseReservedKeys, requireBodyType } from './request-guards'
import { tableApiRouter } from './table-api'

/** The largest update set file the upload takes. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024
const JSON_LIMIT = '1mb'
const UI_SESSION_COOKIE = 'JSESSIONID'
const CICD_ROLES = ['sn_cicd.sys_ci_automation', 'admin'] as const

/** A UI session's token (the platform's X-UserToken, `sysparm_ck`) is the shared store's form token. */
interface UiSession {
    userName: string
}

function progressAnswer(request: Request, progress: Progress): unknown {
    const url = `${request.protocol}://${request.get('host') ?? ''}/api/sn_cicd/progress/${progress.id}`
    return {
        result: {
            links: { progress: { id: progress.id, url } },
            status: progress.state,
            status_label: progress.label,
            status_message: progress.message,
            status_detail: progress.detail,
            error: progress.error,
            percent_complete: progress.percentComplete,
        },
    }
}

function jsonObject(request: Request, what: string): Record<string, unknown> {
    const body: unknown = request.body ?? {}
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ApiError(400, `The body of ${what} must be a JSON object`, 'send Content-Type: application/json')
    return body as Record<string, unknown>
}

/** `[{sys_id}]` (or plain sys_ids) of an activation request's `flows` or `actions`. */
function sysIdList(body: Record<string, unknown>, name: 'flows' | 'actions'): string[] {
    const value = body[name] ?? []
    if (!Array.isArray(value))
        throw new ApiError(400, `"${name}" must be a list of {"sys_id": …}`, `got ${JSON.stringify(value)}`)
    return value.map((entry: unknown, index) => {
        const sysId = typeof entry === 'string' ? entry : (entry as { sys_id?: unknown } | null)?.sys_id
        if (typeof sysId !== 'string' || sysId === '')
            throw new ApiError(
                400,
                `"${name}[${String(index)}].sys_id" must be a sys_id`,
                `got ${JSON.stringify(entry)}`
            )
        return sysId
    })
}

function requireRemoteSet(instance: ApiInstance, sysId: string): void {
    if (!instance.database.get('sys_remote_update_set', sysId))
        throw new ApiError(
            404,
            `No retrieved update set ${sysId}`,
            'upload the update set first (POST /sys_upload.do), then preview it by the sys_id of its sys_remote_update_set'
        )
}

function domainError(error: unknown): never {
    if (error instanceof LocalInstanceError) throw new ApiError(400, error.message, 'nothing was changed')
    throw error
}

/** The cookies of the request; a malformed value matches nothing. */
function cookiesOf(request: Request): Record<string, string | undefined> {
    return parseCookie(request.headers.cookie ?? '')
}

/** Reads the multipart upload: its fields and the one `attachFile` (as text). */
function readUpload(request: Request): Promise<{ fields: Record<string, string>; file?: string }> {
    return new Promise((resolve, reject) => {
        let parser: busboy.Busboy
        try {
            parser = busboy({
                headers: request.headers,
                limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 },
            })
        } catch {
            reject(
                new ApiError(
                    400,
                    'The upload must be multipart/form-data',
                    'send the file as attachFile in a multipart form'
                )
            )
            return
        }
        const fields: Record<string, string> = {}
        let file: string | undefined
        let tooLarge = false
        parser.on('field', (name, value) => {
            fields[name] = value
        })
        parser.on('file', (name, stream) => {
            const chunks: Buffer[] = []
            stream.on('data', (chunk: Buffer) => {
                if (name === 'attachFile') chunks.push(chunk)
            })
            stream.on('limit', () => {
                tooLarge = true
            })
            stream.on('end', () => {
                if (name === 'attachFile') file = Buffer.concat(chunks).toString('utf8')
            })
        })
        parser.on('error', () =>
            reject(new ApiError(400, 'The multipart form could not be read', 'send it again as multipart/form-data'))
        )
        parser.on('close', () => {
            if (tooLarge)
                reject(
                    new ApiError(
                        413,
                        `The file is larger than ${String(UPLOAD_LIMIT_BYTES / 1024 / 1024)} MB`,
                        'nothing was loaded'
                    )
                )
            else resolve({ fields, file })
        })
        request.pipe(parser)
    })
}

/** What the REST API serves: deploying, ordering, the Table API, and the clock control. */
export type ApiInstance = InstanceAccounts &
    InstanceDeployment &
    InstanceRequests &
    Pick<InstanceFlowRuns, 'flowRuns'> &
    Pick<InstanceControl, 'clock' | 'advanceClock'>

export interface RestApiOptions {
    instance: ApiInstance
    passwords: Passwords
}

/** The REST surface, mounted before the pages (it has its own authentication and no form tokens). */
export function createRestApi(options: RestApiOptions): express.Router {
    const { instance, passwords } = options
    const uiSessions = new SessionStore<UiSession>()
    const router = express.Router()
    // Before any handler reads a body: no cross-site write, and each endpoint's own body type (request-guards.ts).
    router.use(['/api', '/angular.do', '/sys_upload.do'], refuseCrossSiteWrites)
    router.use(
        '/angular.do',
        requireBodyType(
            (type) => type === 'application/x-www-form-urlencoded',
            'an application/x-www-form-urlencoded form'
        )
    )
    router.use(
        '/sys_upload.do',
        requireBodyType(
            (type) => type === 'multipart/form-data',
            'a multipart/form-data form with the file as attachFile'
        )
    )

    // ---- UI session: what the SDK's UISession does before an upload ----
    router.post('/angular.do', express.urlencoded({ extended: false, limit: '64kb' }), (request, response) => {
        const type = String(request.query.sysparm_type ?? '')
        const form = (request.body ?? {}) as Record<string, unknown>
        const text = (name: string) => (typeof form[name] === 'string' ? form[name] : '')
        if (type === 'view_form.login') {
            const userName = text('user_name')
            if (!credentialsValid(instance, passwords, userName, text('user_password'))) {
                response.json({ status: 'error', message: 'User name or password invalid' })
                return
            }
            const { id } = uiSessions.create({ userName })
            response.cookie(UI_SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' })
            response.json({ status: 'success', message: '' })
            return
        }
        if (type === 'get_user') {
            // As the platform: 401, with the session's token in x-usertoken-response.
            const session = uiSessions.get(cookiesOf(request)[UI_SESSION_COOKIE])
            if (session) response.set('x-usertoken-response', session.csrfToken)
            sendApiError(
                response,
                new ApiError(
                    401,
                    'User Not Authenticated',
                    session ? 'use x-usertoken-response as X-UserToken' : 'log in first'
                )
            )
            return
        }
        sendApiError(
            response,
            new ApiError(400, `sysparm_type "${type}" is not served`, 'use view_form.login or get_user')
        )
    })

    // ---- "Import Update Set from XML" ----
    router.post('/sys_upload.do', async (request, response) => {
        const session = uiSessions.get(cookiesOf(request)[UI_SESSION_COOKIE])
        if (!session)
            throw new ApiError(
                401,
                'User Not Authenticated',
                'log in first: POST /angular.do?sysparm_type=view_form.login, then send its cookies'
            )
        const user: ApiUser = { userName: session.userName, sysId: instance.userSysId(session.userName) }
        const { fields, file } = await readUpload(request)
        const token = fields.sysparm_ck ?? request.get('x-usertoken') ?? ''
        if (!uiSessions.formTokenMatches(session, token))
            throw new ApiError(
                403,
                'sysparm_ck does not match the session token',
                'send the token of POST /angular.do?sysparm_type=get_user (x-usertoken-response) as sysparm_ck'
            )
        requireRole(instance, user, ['admin'], 'import update sets')
        if (fields.sysparm_target !== 'sys_remote_update_set')
            throw new ApiError(
                400,
                `sysparm_target must be sys_remote_update_set; got "${fields.sysparm_target ?? ''}"`,
                'the local instance imports update sets only'
            )
        if (file === undefined)
            throw new ApiError(400, 'No file in attachFile', 'send the update set XML as attachFile')
        let remoteSet
        try {
            remoteSet = instance.retrieveUpdateSet(file, session.userName)
        } catch (error) {
            domainError(error)
        }
        response.redirect(302, `/sys_remote_update_set.do?sys_id=${remoteSet.sys_id}`)
    })

    // ---- /api/*: Basic auth, JSON ----
    router.use(
        '/api',
        basicAuthentication(instance, passwords),
        requireBodyType(isJson, 'a JSON body (Content-Type: application/json)'),
        express.json({ limit: JSON_LIMIT, type: ['application/json', 'application/*+json'] }),
        refuseReservedKeys
    )
    router.use('/api/now/table', tableApiRouter(instance))

    router.post('/api/sn_cicd/update_set/preview/:remoteSetId', (request, response) => {
        requireRole(instance, apiUserOf(response), CICD_ROLES, 'use the CI/CD API')
        requireRemoteSet(instance, request.params.remoteSetId)
        let progress: Progress
        try {
            progress = instance.previewUpdateSet(request.params.remoteSetId)
        } catch (error) {
            domainError(error)
        }
        response.json(progressAnswer(request, progress))
    })
    router.post('/api/sn_cicd/update_set/commit/:remoteSetId', (request, response) => {
        const user = apiUserOf(response)
        requireRole(instance, user, CICD_ROLES, 'use the CI/CD API')
        const force = jsonObject(request, 'a commit').force_commit ?? 'false'
        if (!['true', 'false', true, false].includes(force as string | boolean))
            throw new ApiError(400, 'force_commit must be "true" or "false"', `got ${JSON.stringify(force)}`)
        requireRemoteSet(instance, request.params.remoteSetId)
        response.json(progressAnswer(request, instance.commitUpdateSet(request.params.remoteSetId, user.userName)))
    })
    router.get('/api/sn_cicd/progress/:progressId', (request, response) => {
        requireRole(instance, apiUserOf(response), CICD_ROLES, 'use the CI/CD API')
        const progress = instance.progress(request.params.progressId)
        if (!progress)
            throw new ApiError(
                404,
                `No progress ${request.params.progressId}`,
                'use the id a preview or commit answered'
            )
        response.json(progressAnswer(request, progress))
    })

    router.post('/api/now/wfa_fluent/activate_flows', (request, response) => {
        const user = apiUserOf(response)
        requireRole(instance, user, ['admin'], 'activate flows')
        const body = jsonObject(request, 'an activation')
        const results = instance.activate(
            { flows: sysIdList(body, 'flows'), actions: sysIdList(body, 'actions') },
            user.userName
        )
        const succeeded = results.filter((result) => result.status === 'success').length
        const summary = { total: results.length, succeeded, failed: results.length - succeeded }
        response.status(results.length > 0 && succeeded === 0 ? 422 : 200).json({ result: { summary, results } })
    })

    router.post('/api/sn_sc/servicecatalog/items/:itemSysId/order_now', (request, response) => {
        const user = apiUserOf(response)
        const body = jsonObject(request, 'an order')
        const quantity = body.sysparm_quantity ?? 1
        if (String(quantity) !== '1')
            throw new ApiError(400, 'sysparm_quantity must be 1', 'the local instance orders one item at a time')
        const variables = body.variables ?? {}
        if (typeof variables !== 'object' || variables === null || Array.isArray(variables))
            throw new ApiError(
                400,
                '"variables" must be an object of variable name -> value',
                `got ${JSON.stringify(variables)}`
            )
        const values: Record<string, string> = {}
        for (const [name, value] of Object.entries(variables)) {
            if (typeof value !== 'string' && typeof value !== 'number')
                throw new ApiError(400, `variables.${name} must be a string`, `got ${JSON.stringify(value)}`)
            values[name] = String(value)
        }
        const item = instance.catalogItems().find((entry) => entry.item.sys_id === request.params.itemSysId)?.item
        if (!item)
            throw new ApiError(
                404,
                `No active catalog item ${request.params.itemSysId}`,
                'order an item of GET /api/now/table/sc_cat_item?sysparm_query=active=true'
            )
        let ordered
        try {
            ordered = instance.orderCatalogItem(item.name ?? '', values, user.userName)
        } catch (error) {
            if (error instanceof OrderRefusedError)
                throw new ApiError(
                    400,
                    `Cannot order "${error.itemName}"`,
                    error.problems.map((problem) => problem.message).join('; ')
                )
            domainError(error)
        }
        response.json({
            result: {
                sys_id: ordered.request.sysId,
                number: ordered.request.number,
                request_number: ordered.request.number,
                request_id: ordered.request.sysId,
                table: 'sc_request',
            },
        })
    })

    // A test and demo control, not a platform API: the instance's clock (clock.ts), as mock-kpow's
    // /mock/v1/clock. Advancing fires every flow timer that comes due, in due order, before answering.
    const clockAnswer = (advance?: { fired: number }) => ({
        result: {
            now_ts: instance.clock.now().getTime(),
            now: instance.clock.now().toISOString(),
            offset_ms: instance.clock.offsetMs,
            ...(advance ? { fired_timers: advance.fired } : {}),
        },
    })
    router.get('/api/local_instance/clock', (_request, response) => {
        requireRole(instance, apiUserOf(response), ['admin'], 'read the clock')
        response.json(clockAnswer())
    })
    router.post('/api/local_instance/clock', async (request, response) => {
        requireRole(instance, apiUserOf(response), ['admin'], 'advance the clock')
        const advanceMs = jsonObject(request, 'a clock advance').advance_ms
        if (typeof advanceMs !== 'number')
            throw new ApiError(400, '"advance_ms" must be a number of milliseconds', `got ${JSON.stringify(advanceMs)}`)
        let advanced
        try {
            advanced = await instance.advanceClock(advanceMs)
        } catch (error) {
            domainError(error)
        }
        response.json(clockAnswer(advanced))
    })

    router.use('/api', (request: Request) => {
        throw new ApiError(
            400,
            `Requested URI does not represent any resource: ${request.path}`,
            'see e2e/local-instance/README.md for the REST calls the local instance serves'
        )
    })
    router.use(
        ['/api', '/angular.do', '/sys_upload.do'],
        (error: unknown, _request: Request, response: Response, next: NextFunction) => {
            void next
            sendApiError(response, apiErrorOf(error))
        }
    )
    return router
}

/** Any error as the platform's JSON: ours as they are, the body parser's as 4xx, anything else a 500 logged in one line. */
function apiErrorOf(error: unknown): ApiError {
    if (error instanceof ApiError) return error
    if (error instanceof StoreUnavailableError) {
        console.error(`local instance: ${error.message}`)
        return new ApiError(503, 'The instance could not store the change: nothing was changed', 'try again later')
    }
    const framework = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; type?: unknown }
    if (framework.type === 'entity.too.large')
        return new ApiError(413, 'The request body is too large', `at most ${JSON_LIMIT}`)
    if (framework.type === 'entity.parse.failed')
        return new ApiError(400, 'The request body is not valid JSON', 'send a JSON object')
    if (framework.type === 'encoding.unsupported')
        return new ApiError(415, 'Unsupported Content-Encoding', 'send the body unencoded, or as gzip, deflate or br')
    // zlib's codes (Z_DATA_ERROR…) and brotli's (ERR__ERROR_FORMAT…): the body is not encoded as it says.
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^(Z_|ERR__ERROR)/.test(code))
        return new ApiError(400, 'The request body is not what its Content-Encoding says', 'nothing was changed')
    if (typeof framework.status === 'number' && framework.status >= 400 && framework.status < 500)
        return new ApiError(framework.status, 'The request could not be read', 'send it again')
    console.error(`local instance: internal error: ${error instanceof Error ? error.message : String(error)}`)
    return new ApiError(500, 'Internal error in the local instance', 'see its log')
}
