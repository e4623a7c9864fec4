// Kpow's UI listener (PORT, default 3000): server-rendered pages for login, Data > Inspect,
// Data > Produce and Settings, plus the mock's own JSON data endpoints (data-api.ts). Handlers
// translate requests into DataAccess / the service's parts / StagedMutations calls and render the result;
// every refusal is a KpowError, rendered by the one error handler at the bottom (HTML for pages,
// JSON under /mock/ through http/errors.ts's writer).
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Realm } from '../../auth/index'
import type { DataAccess } from '../../data/data-access'
import type { MessageQuery } from '../../data/data-store'
import { DEFAULT_TENANT_ID, DEFAULT_TENANTS, tenantsConfigured } from '../../engine/index'
import type { AuditTrail, Authorization, MockControl, TemporaryPolicies } from '../../kpow-service'
import type { StagedMutations } from '../../mutations/staged-mutations'
import { requireValidTemporaryPolicyRequest } from '../api-schemas'
import { KpowError, type FieldError } from '../../errors'
import { asKpowError, statusOf, writeJsonError } from '../errors'
import { formBody } from '../request-body'
import { clientAddress } from '../client-address'
import { createDataApi } from './data-api'
import { errorPage, loginPage, notAuthorizedPage, tenantPage } from './pages-auth'
import { inspectPage, producePage, type InspectOutcome, type TopicPicker } from './pages-data'
import { auditLogPage, stagedMutationsPage, temporaryPoliciesPage } from './pages-settings'
import {
    list,
    auditPageHref,
    parseAuditFilter,
    parseAuditPage,
    parseMessageQuery,
    parseNewMessage,
    parseResource,
    text,
    type Fields,
} from './parse-input'
import { chromeFor, cookieOf, safeNext, sessionOf, tenantsOf, viewerFor } from './request-context'
import { logIn, onlyTenant, setSessionCookie } from './login'
import { LOGIN_NONCE_COOKIE, SESSION_COOKIE, SessionStore, type Session } from './sessions'

export interface UiAppDeps {
    readonly authorization: Authorization
    readonly temporaryPolicies: TemporaryPolicies
    readonly audit: AuditTrail
    /** The mock clock, for showing how long policies have left. */
    readonly clock: Pick<MockControl, 'now'>
    /** The realm named by the JAAS `kpow` entry. */
    readonly realm: Realm
    readonly access: DataAccess
    readonly mutations: StagedMutations
    readonly sessions?: SessionStore
}

const SESSION = Symbol('session')
type WithSession = Request & { [SESSION]?: Session }

export function createUiApp(deps: UiAppDeps): express.Express {
    const { authorization, temporaryPolicies, audit, access, mutations } = deps
    const sessions = deps.sessions ?? new SessionStore()
    const app = express()
    app.disable('x-powered-by')
    app.set('etag', false)
    app.use((_req, res, next) => {
        res.set('Cache-Control', 'no-store')
        res.set('X-Content-Type-Options', 'nosniff')
        res.set('X-Frame-Options', 'DENY')
        next()
    })
    app.use(formBody())

    const current = (req: Request): Session => {
        const session = (req as WithSession)[SESSION]
        if (!session) throw new KpowError('unauthorized', 'Log in first.')
        return session
    }
    /** Pages: a visitor without a session is sent to the login page and brought back afterwards. */
    const signedIn = (req: Request, res: Response, next: NextFunction): void => {
        const session = sessionOf(req, sessions)
        if (!session) return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`)
        if (req.method === 'POST' && !sessions.formTokenMatches(session, (req.body as Fields | undefined)?._csrf)) {
            throw new KpowError(
                'forbidden',
                'The form is stale or came from another site, so nothing was done: reload the page and try again.'
            )
        }
        ;(req as WithSession)[SESSION] = session
        next()
    }
    const inTenant = (req: Request, res: Response, next: NextFunction): void => {
        const session = current(req)
        if (session.tenant === undefined)
            return res.redirect(303, `/tenant?next=${encodeURIComponent(req.originalUrl)}`)
        next()
    }
    /**
     * A tenant named in the address (Kpow's deep links name one; `__kpow_global` is everything, Global
     * when the RBAC file has no tenants) becomes the session's, as choosing it at /tenant would; one the
     * user may not enter is refused. `__kpow_global` with configured tenants names none of them: the
     * session's tenant (or the picker) stands.
     */
    const tenantFromLink = (req: Request, _res: Response, next: NextFunction): void => {
        const requested = text(req.query as Fields, 'tenant')
        if (requested !== undefined) {
            const session = current(req)
            const global = requested === DEFAULT_TENANT_ID
            if (!global || !tenantsConfigured(authorization.rbac)) {
                const name = global ? DEFAULT_TENANTS[0]?.name : requested
                session.tenant = viewerFor(authorization, session, name).tenant.name
            }
        }
        next()
    }
    const adminOnly = (req: Request, _res: Response, next: NextFunction): void => {
        const session = current(req)
        try {
            authorization.requireAdmin(session, 'VIEW_SETTINGS', [], clientAddress(req))
        } catch {
            // requireAdmin has audited the refusal; the page words it for a person rather than a client.
            const roles = authorization.rbac.adminRoles.join(', ') || 'none configured'
            throw new KpowError(
                'forbidden',
                `Settings are for Kpow admins only: user "${session.user}" holds no admin role (${roles}).`
            )
        }
        next()
    }
    const send = (res: Response, status: number, body: string) => res.status(status).type('html').send(body)

    app.use('/mock/v1', createDataApi({ authorization, audit, realm: deps.realm, access, mutations, sessions }))

    app.get('/', (_req, res) => res.redirect(303, '/data/inspect'))

    /** The login form's token, setting the nonce cookie for a visitor who has none of ours. */
    const loginToken = (req: Request, res: Response): string => {
        const { nonce, fresh } = sessions.loginNonce(cookieOf(req, LOGIN_NONCE_COOKIE))
        if (fresh) res.cookie(LOGIN_NONCE_COOKIE, nonce, { httpOnly: true, sameSite: 'strict', path: '/login' })
        return sessions.loginToken(nonce)
    }
    app.get('/login', (req, res) => {
        if (sessionOf(req, sessions)) return res.redirect(303, safeNext(req.query.next))
        send(res, 200, loginPage({ csrfToken: loginToken(req, res), next: safeNext(req.query.next) }))
    })
    app.post('/login', async (req, res) => {
        const fields = (req.body ?? {}) as Fields
        const username = text(fields, 'username') ?? ''
        const next = safeNext(fields.next)
        // Checked before the credentials, so a forged post neither signs anyone in nor is audited.
        if (!sessions.loginTokenMatches(cookieOf(req, LOGIN_NONCE_COOKIE), fields._csrf)) {
            const error =
                'This login form had expired or was sent from another site, so nothing was done: log in again here.'
            return send(res, 403, loginPage({ csrfToken: loginToken(req, res), error, next }))
        }
        const outcome = logIn(deps, clientAddress(req), username, text(fields, 'password') ?? '')
        // The attempt's audit record is durable before the answer, refusals included.
        await audit.flushAudit()
        if (outcome.kind === 'bad-credentials') {
            return send(
                res,
                401,
                loginPage({
                    csrfToken: loginToken(req, res),
                    error: 'Invalid username or password.',
                    next,
                    user: username,
                })
            )
        }
        if (outcome.kind === 'not-authorized') {
            return send(res, 403, notAuthorizedPage(username, outcome.roles, authorization.rbac.authorizedRoles))
        }
        const session = sessions.signIn(outcome.principal, onlyTenant(authorization, outcome.principal))
        setSessionCookie(res, session)
        res.clearCookie(LOGIN_NONCE_COOKIE, { path: '/login' })
        // A deep link names its tenant: the page it leads to enters it (or refuses it), no picker first.
        const chooseTenant = session.tenant === undefined && !new URL(next, 'http://kpow').searchParams.has('tenant')
        res.redirect(303, chooseTenant ? `/tenant?next=${encodeURIComponent(next)}` : next)
    })
    app.post('/logout', signedIn, (req, res) => {
        sessions.destroy(current(req).id)
        res.clearCookie(SESSION_COOKIE, { path: '/' })
        res.redirect(303, '/login')
    })

    app.get('/tenant', signedIn, (req, res) => {
        const session = current(req)
        send(
            res,
            200,
            tenantPage(
                tenantsOf(authorization, session),
                session.tenant,
                session.csrfToken,
                safeNext(req.query.next),
                chromeFor(authorization, session)
            )
        )
    })
    app.post('/tenant', signedIn, (req, res) => {
        const session = current(req)
        const fields = req.body as Fields
        const viewer = viewerFor(authorization, session, text(fields, 'tenant') ?? '')
        session.tenant = viewer.tenant.name
        res.redirect(303, safeNext(fields.next))
    })

    // Data > Inspect: the query runs when a topic is chosen; a refusal renders in the page.
    app.get('/data/inspect', signedIn, tenantFromLink, inTenant, (req, res) => {
        const session = current(req)
        const viewer = viewerFor(authorization, session)
        const fields = req.query as Fields
        const picker = topicPicker(access, viewer, fields)
        let outcome: InspectOutcome | undefined
        let status = 200
        if (picker.topic && picker.clusterId) {
            try {
                const query = parseMessageQuery(fields)
                const messages = access.query(viewer, picker.clusterId, picker.topic, query)
                outcome = {
                    kind: 'messages',
                    messages,
                    downloadHref:
                        access.decision(viewer, 'TOPIC_DATA_DOWNLOAD', picker.clusterId, picker.topic).effect ===
                        'Allow'
                            ? `/data/inspect/download?${new URLSearchParams(stringFields(fields)).toString()}`
                            : undefined,
                }
            } catch (error) {
                if (!(error instanceof KpowError)) throw error
                outcome = { kind: 'error', error }
                status = statusOf(error)
            }
        }
        send(res, status, inspectPage(chromeFor(authorization, session), picker, stringFields(fields), outcome))
    })
    app.get('/data/inspect/download', signedIn, inTenant, (req, res) => {
        const viewer = viewerFor(authorization, current(req))
        const fields = req.query as Fields
        const clusterId = text(fields, 'cluster') ?? ''
        const topic = text(fields, 'topic') ?? ''
        const query: MessageQuery = parseMessageQuery(fields)
        const messages = access.download(viewer, clusterId, topic, query)
        res.attachment(`${topic}.json`).json({ cluster_id: clusterId, topic, query, messages })
    })

    app.get('/data/produce', signedIn, inTenant, (req, res) => {
        const session = current(req)
        const fields = req.query as Fields
        send(
            res,
            200,
            producePage(
                chromeFor(authorization, session),
                topicPicker(access, viewerFor(authorization, session), fields),
                stringFields(fields),
                undefined
            )
        )
    })
    app.post('/data/produce', signedIn, inTenant, (req, res) => {
        const session = current(req)
        const viewer = viewerFor(authorization, session)
        const fields = req.body as Fields
        const picker = topicPicker(access, viewer, fields)
        const chrome = chromeFor(authorization, session)
        try {
            if (!picker.clusterId || !picker.topic) {
                throw new KpowError('invalid_request', 'Choose a cluster and a topic.', [
                    { path: 'topic', message: 'is required' },
                ])
            }
            const result = access.produce(viewer, picker.clusterId, picker.topic, parseNewMessage(fields))
            send(res, 200, producePage(chrome, picker, {}, { kind: 'done', result, topic: picker.topic }))
        } catch (error) {
            if (!(error instanceof KpowError)) throw error
            send(res, statusOf(error), producePage(chrome, picker, stringFields(fields), { kind: 'error', error }))
        }
    })

    // Settings: admins only. Successes redirect (so a reload does not repeat them); refusals render
    // the page again with the reason and the status.
    const settings = express.Router()
    settings.use(signedIn, inTenant, adminOnly)
    settings.get('/', (_req, res) => res.redirect(303, '/settings/temporary-policies'))
    const renderPolicies = (req: Request, res: Response, status: number, form: Fields, failure?: KpowError) => {
        const session = current(req)
        const flash = failure
            ? { kind: 'error' as const, message: failure.message, fields: failure.fields }
            : takeFlash(session)
        const formValues = Object.fromEntries(
            Object.entries(form).filter(
                (entry): entry is [string, string | string[]] => typeof entry[1] === 'string' || Array.isArray(entry[1])
            )
        )
        send(
            res,
            status,
            temporaryPoliciesPage(
                chromeFor(authorization, session),
                temporaryPolicies.listTemporaryPolicies(viewerFor(authorization, session).tenant.name),
                deps.clock.now(),
                formValues,
                flash
            )
        )
    }
    settings.get('/temporary-policies', (req, res) => renderPolicies(req, res, 200, {}))
    settings.post('/temporary-policies', async (req, res) => {
        const session = current(req)
        const fields = req.body as Fields
        try {
            const body = requireValidTemporaryPolicyRequest(policyBodyFromForm(fields))
            const created = await temporaryPolicies.createTemporaryPolicy(
                session,
                body.policy,
                body.duration_ms,
                viewerFor(authorization, session).tenant.name
            )
            session.flash = { kind: 'ok', message: `Temporary policy ${created.id} created.` }
            res.redirect(303, '/settings/temporary-policies')
        } catch (error) {
            if (!(error instanceof KpowError)) throw error
            renderPolicies(req, res, statusOf(error), { ...fields, actions: list(fields, 'actions') }, error)
        }
    })
    settings.post('/temporary-policies/:id/delete', async (req, res) => {
        const session = current(req)
        const id = String(req.params.id)
        try {
            await temporaryPolicies.deleteTemporaryPolicy(session, id, viewerFor(authorization, session).tenant.name)
            session.flash = { kind: 'ok', message: `Temporary policy ${id} deleted.` }
            res.redirect(303, '/settings/temporary-policies')
        } catch (error) {
            if (!(error instanceof KpowError)) throw error
            renderPolicies(req, res, statusOf(error), {}, error)
        }
    })

    const renderMutations = (req: Request, res: Response, status: number, failure?: KpowError) => {
        const session = current(req)
        const flash = failure
            ? { kind: 'error' as const, message: failure.message, fields: failure.fields }
            : takeFlash(session)
        send(res, status, stagedMutationsPage(chromeFor(authorization, session), mutations.list(), flash))
    }
    settings.get('/staged-mutations', (req, res) => renderMutations(req, res, 200))
    for (const decision of ['approve', 'reject'] as const) {
        settings.post(`/staged-mutations/:id/${decision}`, (req, res) => {
            const session = current(req)
            const id = String(req.params.id)
            try {
                const decided = decision === 'approve' ? mutations.approve(session, id) : mutations.reject(session, id)
                const where = decided.result
                    ? ` (partition ${decided.result.partition}, offset ${decided.result.offset})`
                    : ''
                session.flash = { kind: 'ok', message: `Staged mutation ${id} ${decided.status}${where}.` }
                res.redirect(303, '/settings/staged-mutations')
            } catch (error) {
                if (!(error instanceof KpowError)) throw error
                renderMutations(req, res, statusOf(error), error)
            }
        })
    }

    settings.get('/audit-log', (req, res) => {
        const session = current(req)
        const fields = req.query as Fields
        const problems: FieldError[] = []
        const filter = parseAuditFilter(fields, problems)
        const request = parseAuditPage(fields, problems, 'newest-first')
        const found = problems.length > 0 ? undefined : audit.auditPage(filter, request)
        const flash =
            problems.length > 0
                ? { kind: 'error' as const, message: 'The filter is not valid.', fields: problems }
                : takeFlash(session)
        send(
            res,
            problems.length > 0 ? 400 : 200,
            auditLogPage(chromeFor(authorization, session), found, stringFields(fields), flash, (page) =>
                auditPageHref('/settings/audit-log', fields, page, request.limit)
            )
        )
    })
    app.use('/settings', settings)

    app.use((req) => {
        throw new KpowError('not_found', `No such page: ${req.method} ${req.path}.`)
    })
    app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
        if (req.path.startsWith('/mock/')) return writeJsonError(error, res)
        const refusal = asKpowError(error)
        const status = statusOf(refusal)
        const session = sessionOf(req, sessions)
        if (status === 401 && !session) return res.redirect(303, '/login')
        send(
            res,
            status,
            errorPage(status, refusal.message, refusal.fields, session ? chromeFor(authorization, session) : undefined)
        )
    })
    return app
}

function takeFlash(session: Session): Session['flash'] {
    const flash = session.flash
    session.flash = undefined
    return flash
}

function topicPicker(access: DataAccess, viewer: ReturnType<typeof viewerFor>, fields: Fields): TopicPicker {
    const clusters = access.clusters(viewer)
    const requested = text(fields, 'cluster')
    const clusterId = clusters.find((cluster) => cluster.id === requested)?.id ?? clusters[0]?.id
    const topics = clusterId ? access.topics(viewer, clusterId) : []
    const topic = text(fields, 'topic') || undefined
    return { clusters, clusterId, topics, topic }
}

function stringFields(fields: Fields): Record<string, string> {
    return Object.fromEntries(
        Object.entries(fields).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf'
        )
    )
}

function policyBodyFromForm(fields: Fields): unknown {
    const duration = text(fields, 'duration_ms') ?? ''
    return {
        // The API's schema decides; a non-number stays text so its message names the field.
        duration_ms: /^-?\d+$/.test(duration) ? Number(duration) : duration,
        policy: {
            role: text(fields, 'role') ?? '',
            actions: list(fields, 'actions'),
            effect: text(fields, 'effect') ?? '',
            resource: parseResource(text(fields, 'resource') ?? ''),
        },
    }
}
