// The local instance's web app: log in as a seeded user, order from the Service Catalog, decide
// approvals, follow and fulfil requested items. Forms post and redirect (post/redirect/get); a
// refused order is shown again with the errors beside the fields. Sessions live in memory.
import { parseCookie } from 'cookie'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { InstanceFlowRuns } from '../instance'
import { LocalInstanceError, OrderRefusedError, UiActionRefusedError } from '../instance'
import { requestItemStates, type RequestItemState } from '../schema'
import { CSRF_FIELD, FORM_VALIDATION_SCRIPT, type Notice, type Viewer } from './layout'
import { forgedFormReply, LOGIN_TOKEN_COOKIE } from './csrf'
import { SessionStore, type Session as StoredSession } from '../../../scripts/lib/common/index'
import { errorReplyOf, FORM_LIMIT_BYTES, sendError, sendPage as send } from './errors'
import { registerOutboxPages } from './outbox'
import {
    APPROVAL_PATH,
    approvalUrl,
    CATALOG_HOME_PATH,
    CATALOG_HOME_URL,
    CATALOG_ITEM_PATH,
    catalogItemUrl,
    CHECKOUT_PATH,
    checkoutUrl,
    LIST_TABLES,
    listUrl,
    LOGIN_PATH,
    loginUrl,
    MY_APPROVALS_URL,
    MY_REQUESTS_URL,
    REQUEST_ITEM_PATH,
    requestItemUrl,
    SYS_ID,
} from './urls'
import type { ApiInstance } from './rest-api'
import { createRestApi } from './rest-api'
import type { Passwords } from './rest-auth'
import { credentialsValid } from './rest-auth'
import {
    approvalPage,
    listPage,
    catalogItemPage,
    CANCEL_ACTION,
    catalogPage,
    fulfillerStates,
    loginPage,
    orderStatusPage,
    requestItemPage,
} from './pages'
import {
    approvalFormView,
    approvalListView,
    requestItemListView,
    catalogItemView,
    catalogView,
    orderStatusView,
    requestItemView,
} from './view-models'

/** Every seeded user logs in with this password: the instance is a local test double. */
export const DEMO_PASSWORD = 'demo'
/** The administrator's password unless the command line sets another. */
export const DEFAULT_ADMIN_PASSWORD = 'admin'
const SESSION_COOKIE = 'local_instance_session'

interface SessionData {
    userName: string
    notice?: Notice
}
type Session = StoredSession<SessionData>

/** What the web app serves: the REST API's instance, and the flow runs its item pages show. */
export type ServedInstance = ApiInstance & InstanceFlowRuns

export interface LocalInstanceAppOptions {
    instance: ServedInstance
    /** The password of every fixture user (default `demo`). */
    password?: string
    /** The `admin` user's password (default `admin`). */
    adminPassword?: string
}

export function createLocalInstanceApp(options: LocalInstanceAppOptions): express.Express {
    const { instance } = options
    const passwords: Passwords = {
        users: options.password ?? DEMO_PASSWORD,
        admin: options.adminPassword ?? DEFAULT_ADMIN_PASSWORD,
    }
    const sessions = new SessionStore<SessionData>()
    const app = express()
    app.disable('x-powered-by')
    // The REST surface first: it authenticates on its own (Basic, UI session) and takes no page forms.
    app.use(createRestApi({ instance, passwords }))
    app.use(express.urlencoded({ extended: false, limit: FORM_LIMIT_BYTES }))

    const viewerOf = (session: Session): Viewer => {
        const user = instance.users.users.find((candidate) => candidate.user_name === session.userName)
        return {
            userName: session.userName,
            name: user?.name ?? session.userName,
            isFulfiller: instance.hasRole(session.userName, 'itil'),
            isAdmin: instance.hasRole(session.userName, 'admin'),
            csrfToken: session.csrfToken,
        }
    }
    const sessionOf = (request: Request): Session | undefined => {
        return sessions.get(sessionIdOf(request))
    }
    /** One-shot notice for the next page (post/redirect/get). */
    const takeNotice = (session: Session): Notice | undefined => {
        const notice = session.notice
        delete session.notice
        return notice
    }
    const field = (request: Request, name: string): string => {
        const body = request.body as Record<string, unknown> | undefined
        const value = body?.[name]
        return typeof value === 'string' ? value : ''
    }
    const signedIn = (request: Request, response: Response): { session: Session; viewer: Viewer } | undefined => {
        const session = sessionOf(request)
        if (session) return { session, viewer: viewerOf(session) }
        if (request.method === 'GET') response.redirect(302, loginUrl(request.originalUrl))
        else
            sendError(response, undefined, {
                status: 401,
                title: 'Not signed in',
                message: 'Your session has ended: log in again.',
            })
        return undefined
    }

    app.get('/assets/form-validation.js', (_request, response) => {
        response.type('application/javascript').set('cache-control', 'no-cache').send(FORM_VALIDATION_SCRIPT)
    })

    // Every post is checked before its handler: the login form against its cookie, any other form
    // of a signed-in user against the session's token. A refused post changes nothing.
    app.use((request, response, next) => {
        if (request.method !== 'POST') return next()
        const sent = field(request, CSRF_FIELD)
        const session = sessionOf(request)
        if (request.path === LOGIN_PATH) {
            if (sessions.loginTokenMatches(cookiesOf(request)[LOGIN_TOKEN_COOKIE], sent)) return next()
        } else if (!session) {
            // Without a session, a non-login post goes on to its handler, which answers "Not signed in".
            return next()
        } else if (sessions.formTokenMatches(session, sent)) return next()
        sendError(response, session ? viewerOf(session) : undefined, forgedFormReply)
    })

    app.get('/login', (request, response) => {
        const next = typeof request.query.next === 'string' ? request.query.next : undefined
        response.redirect(302, loginUrl(next))
    })
    app.get(LOGIN_PATH, (request, response) => {
        send(
            response,
            loginPage(undefined, safeNext(String(request.query.next ?? '')), loginTokenFor(request, response, sessions))
        )
    })
    // As the platform answers: 302 onwards when the credentials hold, 200 with the login page again when not.
    app.post(LOGIN_PATH, (request, response) => {
        const userName = field(request, 'user_name').trim()
        const next = safeNext(field(request, 'next'))
        if (!credentialsValid(instance, passwords, userName, field(request, 'user_password'))) {
            send(
                response,
                loginPage(
                    'Unknown user name or wrong password.',
                    next,
                    loginTokenFor(request, response, sessions),
                    userName
                ),
                200
            )
            return
        }
        const { id } = sessions.create({ userName })
        response.clearCookie(LOGIN_TOKEN_COOKIE, { path: LOGIN_PATH })
        response.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' })
        response.redirect(302, next)
    })
    app.post('/logout', (request, response) => {
        const id = sessionIdOf(request)
        if (id) sessions.destroy(id)
        response.clearCookie(SESSION_COOKIE, { path: '/' })
        response.redirect(303, LOGIN_PATH)
    })

    app.get('/', (_request, response) => response.redirect(303, CATALOG_HOME_URL))
    registerOutboxPages(app, instance, signedIn)
    app.get(CATALOG_HOME_PATH, (request, response) => {
        const who = signedIn(request, response)
        if (who) send(response, catalogPage(who.viewer, catalogView(instance)))
    })
    // The old addresses of the pages people use lead to ServiceNow's (bookmarks, old emails).
    app.get('/catalog', (_request, response) => response.redirect(302, CATALOG_HOME_URL))
    app.get('/requests', (_request, response) => response.redirect(302, MY_REQUESTS_URL))
    app.get('/approvals', (_request, response) => response.redirect(302, MY_APPROVALS_URL))
    // Service Portal's catalog item page, as emails link to it (sp?id=sc_cat_item&sys_id=<item>&<variable>=<value>).
    app.get('/sp', (request, response) => {
        const { id, sys_id: itemSysId, ...variables } = request.query
        const filled = new URLSearchParams(
            Object.entries(variables).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        )
        if (id === 'sc_cat_item' && typeof itemSysId === 'string' && SYS_ID.test(itemSysId))
            response.redirect(302, catalogItemUrl(itemSysId, filled))
        else
            sendError(response, sessionOf(request) ? viewerOf(sessionOf(request) as Session) : undefined, {
                status: 404,
                title: 'Not found',
                message: 'This portal page is not modelled: only sp?id=sc_cat_item&sys_id=<catalog item> opens here.',
            })
    })
    // The old address of an item's form: the classic catalog item view now, its prefilled variables kept.
    app.get('/catalog/:itemSysId', (request, response) => {
        response.redirect(302, catalogItemUrl(request.params.itemSysId, stringParameters(request.query)))
    })
    app.get(CATALOG_ITEM_PATH, (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const { sysparm_id: itemSysId, v: _version, ...rest } = request.query
        void _version
        const item = typeof itemSysId === 'string' ? catalogItemView(instance, itemSysId) : undefined
        // A URL parameter named after a variable fills it in, as catalog links do.
        if (item) send(response, catalogItemPage(who.viewer, item, Object.fromEntries(stringParameters(rest))))
        else sendError(response, who.viewer, noCatalogItem)
    })
    const order = (request: Request, response: Response, itemSysId: string) => {
        const who = signedIn(request, response)
        if (!who) return
        const entry = instance.catalogItems().find(({ item }) => item.sys_id === itemSysId)
        if (!entry) {
            sendError(response, who.viewer, noCatalogItem)
            return
        }
        const values = Object.fromEntries(
            entry.variables.map((variable) => [variable.name ?? '', field(request, variable.name ?? '')])
        )
        try {
            const ordered = instance.orderCatalogItem(entry.item.name ?? '', values, who.viewer.userName)
            response.redirect(302, checkoutUrl(ordered.request.sysId))
        } catch (error) {
            if (!(error instanceof OrderRefusedError)) throw error
            const item = catalogItemView(instance, entry.item.sys_id)
            if (item) send(response, catalogItemPage(who.viewer, item, values, error.problems), 422)
            else sendError(response, who.viewer, noCatalogItem)
        }
    }
    app.post(CATALOG_ITEM_PATH, (request, response) => {
        order(request, response, typeof request.query.sysparm_id === 'string' ? request.query.sysparm_id : '')
    })

    app.get('/requests/:requestSysId', (request, response) => {
        response.redirect(302, checkoutUrl(request.params.requestSysId))
    })
    app.get(CHECKOUT_PATH, (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const requestSysId = typeof request.query.sysparm_sys_id === 'string' ? request.query.sysparm_sys_id : ''
        const found = instance.requestVisibleTo(requestSysId, who.viewer.userName, who.viewer.isFulfiller)
        if (!found) {
            sendError(response, who.viewer, {
                status: 404,
                title: 'Not found',
                message: 'No request of yours with this id.',
            })
            return
        }
        send(response, orderStatusPage(who.viewer, orderStatusView(instance, found)))
    })

    // List views: <table>_list.do?sysparm_query=<encoded query>, among the records the viewer may see.
    for (const table of LIST_TABLES)
        app.get(`/${table}_list.do`, (request, response) => {
            const who = signedIn(request, response)
            if (!who) return
            const query = typeof request.query.sysparm_query === 'string' ? request.query.sysparm_query : ''
            try {
                const list =
                    table === 'sysapproval_approver'
                        ? approvalListView(instance, who.viewer, query)
                        : requestItemListView(instance, who.viewer, query)
                send(response, listPage(who.viewer, list, takeNotice(who.session)))
            } catch (error) {
                if (!(error instanceof LocalInstanceError)) throw error
                sendError(response, who.viewer, {
                    status: 400,
                    title: 'Bad query',
                    message: `sysparm_query: ${error.message}`,
                })
            }
        })

    // The classic approval form: Approve, or Reject with Comments (required to reject, as the platform asks).
    const approvalFor = (request: Request, response: Response, viewer: Viewer, draft = '') => {
        const approvalSysId = typeof request.query.sys_id === 'string' ? request.query.sys_id : ''
        const view = approvalFormView(instance, viewer, approvalSysId, draft)
        if (!view)
            sendError(response, viewer, {
                status: 404,
                title: 'Not found',
                message: 'No approval of yours has this id.',
            })
        return view
    }
    app.get(APPROVAL_PATH, (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const view = approvalFor(request, response, who.viewer)
        if (view) send(response, approvalPage(who.viewer, view, takeNotice(who.session)))
    })
    app.post(APPROVAL_PATH, (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const comment = field(request, 'sysapproval_approver.comments').trim()
        const view = approvalFor(request, response, who.viewer, comment)
        if (!view) return
        const action = field(request, 'sys_action')
        if (action === 'reject' && !comment) {
            const notice: Notice = {
                kind: 'error',
                message: 'The following mandatory fields are not filled in: Comments',
            }
            send(response, approvalPage(who.viewer, view, notice))
            return
        }
        try {
            if (action === 'approve') instance.approve(view.sysId, who.viewer.userName, comment || undefined)
            else if (action === 'reject') instance.reject(view.sysId, who.viewer.userName, comment)
            else throw new LocalInstanceError(`sys_action must be "approve" or "reject"; got "${action}"`)
            who.session.notice = {
                kind: 'ok',
                message: `${view.number} ${action === 'approve' ? 'approved' : 'rejected'}.`,
            }
        } catch (error) {
            if (!(error instanceof LocalInstanceError)) throw error
            who.session.notice = { kind: 'error', message: error.message }
        }
        response.redirect(302, approvalUrl(view.sysId))
    })

    const itemFor = (itemSysId: string, response: Response, viewer: Viewer) => {
        const item = instance.requestItemVisibleTo(itemSysId, viewer.userName, viewer.isFulfiller)
        if (!item) {
            sendError(response, viewer, {
                status: 404,
                title: 'Not found',
                message: 'No requested item you may see has this id.',
            })
            return undefined
        }
        return item
    }
    app.get('/items/:itemSysId', (request, response) => {
        response.redirect(302, requestItemUrl(request.params.itemSysId))
    })
    app.get(REQUEST_ITEM_PATH, async (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const item = itemFor(typeof request.query.sys_id === 'string' ? request.query.sys_id : '', response, who.viewer)
        if (!item) return
        const uiActions = await instance.uiActionsFor(item.sys_id, who.viewer.userName)
        send(
            response,
            requestItemPage(
                who.viewer,
                requestItemView(instance, who.viewer, item, uiActions),
                { stack: stackOf(request) },
                takeNotice(who.session)
            )
        )
    })
    // The form's post: sys_action says which button (Update, Save, Cancel request, or a UI action by
    // its action name or sys_id); the anti-forgery check above ran first. Update returns along the
    // navigation stack, the others to the form (post/redirect/get).
    app.post(REQUEST_ITEM_PATH, async (request, response) => {
        const who = signedIn(request, response)
        if (!who) return
        const item = itemFor(field(request, 'sys_uniqueValue'), response, who.viewer)
        if (!item) return
        const action = field(request, 'sys_action')
        const form = requestItemUrl(item.sys_id)
        const number = item.number ?? ''
        if (action === 'sysverb_update' || action === 'sysverb_update_and_stay') {
            if (!who.viewer.isFulfiller) {
                sendError(response, who.viewer, {
                    status: 403,
                    title: 'Forbidden',
                    message: 'Only fulfillers (role itil) change the state of a requested item.',
                })
                return
            }
            const state = field(request, 'sc_req_item.state')
            let done = false
            if (state !== item.state && !(fulfillerStates as readonly string[]).includes(state)) {
                who.session.notice = {
                    kind: 'error',
                    message: `State must be one of ${fulfillerStates.map((value) => requestItemStates[value]).join(', ')}; got "${state}"`,
                }
            } else {
                try {
                    instance.setItemState(
                        item.sys_id,
                        state as RequestItemState,
                        who.viewer.userName,
                        field(request, 'sc_req_item.work_notes').trim() || undefined,
                        field(request, 'sc_req_item.comments').trim() || undefined
                    )
                    who.session.notice = { kind: 'ok', message: `${number} updated.` }
                    done = true
                } catch (error) {
                    if (!(error instanceof LocalInstanceError)) throw error
                    who.session.notice = { kind: 'error', message: error.message }
                }
            }
            response.redirect(
                303,
                done && action === 'sysverb_update' ? sameSitePath(field(request, 'sysparm_stack'), form) : form
            )
            return
        }
        if (action === CANCEL_ACTION) {
            if (!instance.mayCancel(item, who.viewer.userName)) {
                sendError(response, who.viewer, {
                    status: 403,
                    title: 'Forbidden',
                    message: 'Only the requester cancels an open, decided request.',
                })
                return
            }
            instance.cancelRequest(item.sys_id, who.viewer.userName, who.viewer.name)
            who.session.notice = { kind: 'ok', message: `${number} cancelled.` }
            response.redirect(303, form)
            return
        }
        const uiAction = uiActionOf(action)
        if (!uiAction) {
            sendError(response, who.viewer, {
                status: 400,
                title: 'Unknown action',
                message: `sys_action "${action}" is none of this form's buttons: sysverb_update (Update), sysverb_update_and_stay (Save), ${CANCEL_ACTION} or a UI action's action name.`,
            })
            return
        }
        // A form button (UI action): its condition again and its script, as the viewer.
        try {
            const outcome = await instance.runUiAction(item.sys_id, uiAction.sys_id, who.viewer.userName)
            who.session.notice = {
                kind: 'ok',
                message: [`${number}: ${uiAction.name ?? ''} done.`, ...(outcome.messages ?? [])].join(' '),
            }
            const target =
                outcome.redirect?.table === 'sc_req_item' && outcome.redirect.sysId
                    ? outcome.redirect.sysId
                    : item.sys_id
            response.redirect(303, requestItemUrl(target))
        } catch (error) {
            if (error instanceof UiActionRefusedError) {
                sendError(response, who.viewer, { status: 403, title: 'Forbidden', message: error.message })
                return
            }
            if (!(error instanceof LocalInstanceError)) throw error
            who.session.notice = { kind: 'error', message: error.message }
            response.redirect(303, form)
        }
    })
    /** A requested item's UI action by its action name, or by its sys_id (gsft_id, as the platform's own buttons post). */
    const uiActionOf = (action: string) => {
        if (SYS_ID.test(action)) {
            const bySysId = instance.database.get('sys_ui_action', action)
            if (bySysId?.table === 'sc_req_item') return bySysId
        }
        if (!/^[A-Za-z0-9_]+$/.test(action)) return undefined
        return instance.database.query('sys_ui_action', `table=sc_req_item^action_name=${action}`)[0]
    }

    app.use((request: Request, response: Response) => {
        const session = sessionOf(request)
        sendError(response, session ? viewerOf(session) : undefined, {
            status: 404,
            title: 'Not found',
            message: `Nothing at ${request.path}.`,
        })
    })
    app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
        void next
        const session = sessionOf(request)
        sendError(response, session ? viewerOf(session) : undefined, errorReplyOf(error))
    })
    return app
}

/** Only same-site paths, so a crafted `next` cannot send a user elsewhere after login. */
function safeNext(next: string): string {
    return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : CATALOG_HOME_URL
}

/** A same-site path (a crafted value cannot send the user elsewhere), else `fallback`. */
function sameSitePath(path: string, fallback: string): string {
    return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : fallback
}

/**
 * Where the item form's Update returns: `sysparm_stack` when the link gave one, else the page the
 * browser came from on this site, else the requested items list (the platform keeps this stack in
 * the session; the page before the form is what it holds for a form opened from a list).
 */
function stackOf(request: Request): string {
    const given = typeof request.query.sysparm_stack === 'string' ? request.query.sysparm_stack : ''
    const fallback = listUrl('sc_req_item', 'active=true')
    if (given) return sameSitePath(given, fallback)
    const referer = request.get('referer')
    if (!referer) return fallback
    try {
        const from = new URL(referer)
        if (from.host !== request.get('host') || from.pathname === REQUEST_ITEM_PATH) return fallback
        return sameSitePath(from.pathname + from.search, fallback)
    } catch {
        return fallback
    }
}

/** The request's cookies; a malformed value (e.g. a lone `%`) is kept as sent, so it matches nothing. */
function cookiesOf(request: Request): Record<string, string | undefined> {
    return parseCookie(request.headers.cookie ?? '')
}

/** The query's single-valued parameters (a repeated or nested one is not a variable's value). */
function stringParameters(query: Request['query']): URLSearchParams {
    return new URLSearchParams(
        Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    )
}

const noCatalogItem = { status: 404, title: 'Not found', message: 'No active catalog item with this id.' }

function sessionIdOf(request: Request): string | undefined {
    return cookiesOf(request)[SESSION_COOKIE]
}

/** The login form's token for the browser's nonce, a new nonce being set as a cookie only /login reads. */
function loginTokenFor(request: Request, response: Response, sessions: SessionStore<object>): string {
    const { nonce, fresh } = sessions.loginNonce(cookiesOf(request)[LOGIN_TOKEN_COOKIE])
    if (fresh) response.cookie(LOGIN_TOKEN_COOKIE, nonce, { httpOnly: true, sameSite: 'strict', path: LOGIN_PATH })
    return sessions.loginToken(nonce)
}
