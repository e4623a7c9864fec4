// The mock's own JSON endpoints on the UI port, under /mock/v1/. Kpow's UI talks to its server over
// websockets and has no public data REST API, so these are NOT Kpow's: they exist so scripts and
// tests can do what the pages do. Same session cookie as the pages (POST /mock/v1/session logs in),
// same tenant (session tenant, or the x-tenant-id header naming one of the user's tenants), same
// RBAC (every call goes through DataAccess / StagedMutations, as the pages do).
import express, { type Request } from 'express'
import type { Realm } from '../../auth/index'
import type { DataAccess } from '../../data/data-access'
import type { KafkaMessage } from '../../data/data-store'
import type { AuditTrail, Authorization } from '../../kpow-service'
import type { StagedMutations } from '../../mutations/staged-mutations'
import { KpowError, type FieldError } from '../../errors'
import { jsonBody as requestJsonBody } from '../request-body'
import { clientAddress } from '../client-address'
import {
    auditPageHref,
    parseAuditFilter,
    parseAuditPage,
    parseMessageQuery,
    parseNewMessage,
    text,
    type Fields,
} from './parse-input'
import { sessionOf, tenantsOf, viewerFor } from './request-context'
import { SESSION_COOKIE, type Session, type SessionStore } from './sessions'
import { logIn, onlyTenant, setSessionCookie } from './login'

export interface DataApiDeps {
    readonly authorization: Authorization
    readonly audit: AuditTrail
    readonly realm: Realm
    readonly access: DataAccess
    readonly mutations: StagedMutations
    readonly sessions: SessionStore
}

export function createDataApi(deps: DataApiDeps): express.Router {
    const { authorization, audit, access, mutations, sessions } = deps
    const router = express.Router()
    // Every POST here must be JSON, even one without a body (approve, reject): a JSON content type
    // cannot be sent cross-site without a CORS preflight, which this server never grants, so no form
    // on another site can reach these with the user's cookie, and they need no CSRF token.
    const jsonBody = requestJsonBody({ strict: true })
    const session = (req: Request): Session => {
        const found = sessionOf(req, sessions)
        if (!found)
            throw new KpowError('unauthorized', 'Log in first: POST /mock/v1/session with {"username", "password"}.')
        return found
    }
    const viewer = (req: Request) => viewerFor(authorization, session(req), req.get('x-tenant-id') || undefined)

    router.post('/session', ...jsonBody, async (req, res) => {
        const body = (req.body ?? {}) as Fields
        const outcome = logIn(
            deps,
            clientAddress(req),
            text(body, 'username') ?? '',
            typeof body.password === 'string' ? body.password : ''
        )
        // The attempt's audit record is durable before the answer, refusals included.
        await audit.flushAudit()
        if (outcome.kind === 'bad-credentials')
            throw new KpowError('unauthorized', 'Invalid username or password (realm kpow).')
        if (outcome.kind === 'not-authorized') {
            throw new KpowError(
                'forbidden',
                `User "${text(body, 'username') ?? ''}" holds no authorized role (holds ${outcome.roles.join(', ') || 'none'}).`
            )
        }
        const created = sessions.signIn(outcome.principal, onlyTenant(authorization, outcome.principal))
        const requested = text(body, 'tenant')
        if (requested !== undefined) created.tenant = viewerFor(authorization, created, requested).tenant.name
        setSessionCookie(res, created)
        res.json(describeSession(authorization, created))
    })
    router.get('/session', (req, res) => {
        res.json(describeSession(authorization, session(req)))
    })
    router.delete('/session', (req, res) => {
        const found = sessionOf(req, sessions)
        if (found) sessions.destroy(found.id)
        res.clearCookie(SESSION_COOKIE, { path: '/' })
        res.status(204).end()
    })

    router.get('/clusters', (req, res) => {
        const who = viewer(req)
        res.json({
            tenant: who.tenant.name,
            clusters: access.clusters(who).map((cluster) => ({ id: cluster.id, label: cluster.name })),
        })
    })
    router.get('/clusters/:cluster/topics', (req, res) => {
        const who = viewer(req)
        const topics = access.topics(who, String(req.params.cluster))
        res.json({
            tenant: who.tenant.name,
            topics: topics.map((topic) => ({
                name: topic.name,
                partitions: topic.partitions,
                message_count: topic.messageCount,
            })),
        })
    })
    const messages = '/clusters/:cluster/topics/:topic/messages'
    router.get(messages, (req, res) => {
        const who = viewer(req)
        const found = access.query(
            who,
            String(req.params.cluster),
            String(req.params.topic),
            parseMessageQuery(req.query as Fields)
        )
        res.json({ tenant: who.tenant.name, messages: found.map(presentMessage) })
    })
    router.get(`${messages}/download`, (req, res) => {
        const who = viewer(req)
        const topic = String(req.params.topic)
        const query = parseMessageQuery(req.query as Fields)
        const found = access.download(who, String(req.params.cluster), topic, query)
        res.attachment(`${topic}.json`).json({
            cluster_id: String(req.params.cluster),
            topic,
            query,
            messages: found.map(presentMessage),
        })
    })
    router.post(messages, ...jsonBody, (req, res) => {
        const who = viewer(req)
        const outcome = access.produce(
            who,
            String(req.params.cluster),
            String(req.params.topic),
            parseNewMessage((req.body ?? {}) as Fields)
        )
        if (outcome.outcome === 'applied')
            res.status(200).json({ outcome: 'applied', message: presentMessage(outcome.message) })
        else res.status(202).json({ outcome: 'staged', staged_mutation: outcome.mutation })
    })

    const admin = (req: Request, attempted: string): Session => {
        const found = session(req)
        authorization.requireAdmin(found, attempted, [], clientAddress(req))
        return found
    }
    router.get('/staged-mutations', (req, res) => {
        admin(req, 'LIST_STAGED_MUTATIONS')
        res.json({ staged_mutations: mutations.list() })
    })
    router.post('/staged-mutations/:id/approve', ...jsonBody, (req, res) => {
        const decided = mutations.approve(admin(req, 'APPROVE_STAGED_MUTATION'), String(req.params.id))
        res.json({ staged_mutation: { ...decided, applied: undefined }, message: presentMessage(decided.applied) })
    })
    router.post('/staged-mutations/:id/reject', ...jsonBody, (req, res) => {
        res.json({ staged_mutation: mutations.reject(admin(req, 'REJECT_STAGED_MUTATION'), String(req.params.id)) })
    })
    router.get('/audit-log', (req, res) => {
        admin(req, 'VIEW_AUDIT_LOG')
        const fields = req.query as Fields
        const problems: FieldError[] = []
        const filter = parseAuditFilter(fields, problems)
        const request = parseAuditPage(fields, problems, 'oldest-first')
        if (problems.length > 0) throw new KpowError('invalid_request', 'The filter is not valid.', problems)
        const found = audit.auditPage(filter, request)
        const link = (page: number) => auditPageHref('/mock/v1/audit-log', fields, page, found.limit)
        res.json({
            audit_records: found.records,
            page: found.page,
            limit: found.limit,
            total: found.total,
            pages: found.pages,
            links: {
                previous: found.page > 1 ? link(Math.min(found.page - 1, found.pages)) : null,
                next: found.page < found.pages ? link(found.page + 1) : null,
            },
        })
    })

    router.use((req) => {
        throw new KpowError('not_found', `No such endpoint: ${req.method} /mock/v1${req.path}.`)
    })
    return router
}

function describeSession(authorization: Authorization, session: Session) {
    return {
        user: session.user,
        roles: session.roles,
        is_admin: authorization.isAdmin(session),
        tenant: session.tenant ?? null,
        tenants: tenantsOf(authorization, session).map((tenant) => tenant.name),
    }
}

function presentMessage(message: KafkaMessage) {
    return {
        partition: message.partition,
        offset: message.offset,
        timestamp: message.timestamp,
        key: message.key,
        value: message.value,
        headers: message.headers,
    }
}
