// Kpow's API listener (API_PORT): the temporary-policies admin API, the clusters list, and the
// mock's own endpoints under /mock/v1/. Handlers only translate HTTP to calls on the service's parts and back;
// every refusal is a KpowError, written by the JSON error writer (http/errors.ts) at the bottom.
import { randomUUID } from 'node:crypto'
import express, { type Request } from 'express'
import type { Realm } from '../auth/index'
import { isKnownAction } from '../engine/index'
import type { AccessRequest, TemporaryPolicy } from '../engine/types'
import type { AuditRecorder, Authorization, MockControl, Principal, TemporaryPolicies } from '../kpow-service'
import { KpowError } from '../errors'
import { jsonErrors } from './errors'
import { jsonBody } from './request-body'
import { requireValid, requireValidTemporaryPolicyRequest, validators } from './api-schemas'
import { basicAuth, principalOf } from './basic-auth-middleware'

export interface ApiAppDeps {
    readonly authorization: Authorization
    readonly temporaryPolicies: TemporaryPolicies
    readonly audit: AuditRecorder
    readonly control: Pick<MockControl, 'advanceClock'>
    /** The realm named by the JAAS `kpow_api` entry. */
    readonly realm: Realm
    /** Clears mock state between tests (temporary policies, staged mutations, clock offset). */
    readonly reset: () => Promise<void>
}

export function createApiApp(deps: ApiAppDeps): express.Express {
    const { authorization, temporaryPolicies, control } = deps
    const app = express()
    app.disable('x-powered-by')
    app.set('etag', false)

    // adminOnly('X') authenticates and requires an admin role; authenticate only authenticates.
    const adminOnly = basicAuth(deps.realm, 'kpow_api', deps)
    const authenticate = adminOnly()
    const json = jsonBody({ strict: false })
    const methodNotAllowed = (req: Request) => {
        throw new KpowError('method_not_allowed', `${req.method} is not supported on ${req.path}.`)
    }

    // One route per path (methods dispatched inside it): the router matches each path once.
    app.route('/kafka/v1/clusters')
        .get(authenticate, (req, res) => {
            const tenantId = authorization.resolveTenant(principalOf(req), tenantHeader(req))
            res.json({
                clusters: authorization
                    .clustersIn(tenantId)
                    .map((cluster) => ({ id: cluster.id, label: cluster.name })),
                metadata: metadata(tenantId),
            })
        })
        .all(methodNotAllowed)

    const collection = '/admin/v1/temporary-policies'
    app.route(collection)
        .post(adminOnly('CREATE_TEMPORARY_POLICY'), ...json, async (req, res) => {
            const principal = principalOf(req)
            const tenantId = authorization.resolveTenant(principal, tenantHeader(req))
            const body = requireValidTemporaryPolicyRequest(req.body)
            const created = await temporaryPolicies.createTemporaryPolicy(
                principal,
                body.policy,
                body.duration_ms,
                tenantId
            )
            res.status(200).json({ temporary_policy: present(created), metadata: metadata(tenantId) })
        })
        .get(adminOnly('LIST_TEMPORARY_POLICIES'), (req, res) => {
            const tenantId = authorization.resolveTenant(principalOf(req), tenantHeader(req))
            res.json({
                temporary_policies: temporaryPolicies.listTemporaryPolicies(tenantId).map(present),
                metadata: metadata(tenantId),
            })
        })
        .all(methodNotAllowed)
    app.route(`${collection}/:id`)
        .get(adminOnly('GET_TEMPORARY_POLICY'), (req, res) => {
            const tenantId = authorization.resolveTenant(principalOf(req), tenantHeader(req))
            const policy = temporaryPolicies.getTemporaryPolicy(String(req.params.id), tenantId)
            res.json({ temporary_policy: present(policy), metadata: metadata(tenantId) })
        })
        .delete(adminOnly('DELETE_TEMPORARY_POLICY'), async (req, res) => {
            const tenantId = authorization.resolveTenant(principalOf(req), tenantHeader(req))
            await temporaryPolicies.deleteTemporaryPolicy(principalOf(req), String(req.params.id), tenantId)
            // Kpow answers a successful delete with no body.
            res.status(204).end()
        })
        .all(methodNotAllowed)

    // The mock's own endpoints: not part of Kpow, kept apart so no client mistakes them for Kpow's.
    app.post('/mock/v1/decide', adminOnly('MOCK_DECIDE'), ...json, (req, res) => {
        const body = requireValid<{ roles?: string[]; user?: string; action: string; resource: string[] }>(
            validators.decide,
            req.body
        )
        if (!isKnownAction(body.action)) {
            throw new KpowError('invalid_request', 'Unknown action.', [
                { path: 'action', message: `"${body.action}" is not a Kpow action` },
            ])
        }
        const roles = body.roles ?? rolesOfUser(deps.realm, body.user ?? '')
        const request: AccessRequest = { roles, action: body.action, resource: body.resource }
        const decision = authorization.decide(request)
        res.json({
            effect: decision.effect,
            reason: decision.reason,
            policies: decision.policies.map((policy) => ({ ...policy })),
        })
    })
    // JSON although it has no body: browsers resend cached Basic credentials with a cross-site form
    // post, and no form can send application/json.
    app.post('/mock/v1/reset', adminOnly('MOCK_RESET'), ...json, async (_req, res) => {
        await deps.reset()
        res.status(204).end()
    })
    app.post('/mock/v1/clock', adminOnly('MOCK_CLOCK'), ...json, async (req, res) => {
        const body = requireValid<{ advance_ms: number }>(validators.clock, req.body)
        res.json({ now_ts: await control.advanceClock(body.advance_ms) })
    })

    app.use((req) => {
        throw new KpowError('not_found', `No such endpoint: ${req.method} ${req.path}.`)
    })
    app.use(jsonErrors('kpow_api'))
    return app
}

function present(policy: TemporaryPolicy): Record<string, unknown> {
    return { id: policy.id, created_ts: policy.created_ts, duration_ms: policy.duration_ms, policy: policy.policy }
}

function metadata(tenantId: string): { response_id: string; is_staged: boolean; tenant_id: string } {
    return { response_id: randomUUID(), is_staged: false, tenant_id: tenantId }
}

function tenantHeader(req: Request): string | undefined {
    return req.get('x-tenant-id')
}

function rolesOfUser(realm: Realm, user: string): readonly string[] {
    if (!realm.users().includes(user)) {
        throw new KpowError('invalid_request', 'Unknown user.', [
            { path: 'user', message: `"${user}" is not in the realm` },
        ])
    }
    return realm.rolesOf(user)
}

export type { Principal }
