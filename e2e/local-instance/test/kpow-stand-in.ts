// A tiny Kpow stand-in for the flow tests: the temporary-policies endpoints only, on the test's own
// event loop (a script's RESTMessageV2.execute() suspends only its flow, so the loop stays free). It
// answers what Kpow answers (or, with `hang`, never answers) and records every request it receives
// before answering, so a test that awaited the flow sees every call the flow made.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
    method: string
    url: string
    authorization: string
    body: string
}

export interface KpowStandIn {
    url: string
    requests: ReceivedRequest[]
    /** The policies it holds now (created, not deleted). */
    held(): string[]
    /** Resolves once the stand-in has received `count` requests in all. */
    received(count: number): Promise<void>
    stop(): Promise<void>
}

export interface KpowStandInOptions {
    failWith?: number
    hang?: boolean
    /** Kpow's clock (epoch ms) for created_ts; a fixed instant unless given. */
    nowMs?: () => number
    /** Refuse creating with this status once this many policies exist (an extension's create fails). */
    failCreateAfter?: { policies: number; status: number }
}

/** 2026-01-01 00:00:00 UTC: Kpow's created_ts when the test gives no clock. */
export const KPOW_STAND_IN_EPOCH = 1767225600000

interface HeldPolicy {
    id: string
    created_ts: number
    duration_ms: number
    policy: unknown
}

function answer(
    options: KpowStandInOptions,
    request: ReceivedRequest,
    response: ServerResponse,
    next: () => number,
    held: Map<string, HeldPolicy>
) {
    const policyId = /^\/admin\/v1\/temporary-policies\/([^/]+)$/.exec(request.url)?.[1]
    response.setHeader('content-type', 'application/json')
    if (options.failWith) {
        response.statusCode = options.failWith
        response.end(JSON.stringify({ message: 'Kpow stand-in refuses' }))
    } else if (
        request.method === 'POST' &&
        request.url === '/admin/v1/temporary-policies' &&
        options.failCreateAfter &&
        held.size >= options.failCreateAfter.policies
    ) {
        response.statusCode = options.failCreateAfter.status
        response.end(JSON.stringify({ message: 'Kpow stand-in refuses the create' }))
    } else if (request.method === 'POST' && request.url === '/admin/v1/temporary-policies') {
        const asked = JSON.parse(request.body) as { duration_ms: number; policy: unknown }
        const created: HeldPolicy = {
            id: `tp-${String(next())}`,
            created_ts: options.nowMs?.() ?? KPOW_STAND_IN_EPOCH,
            duration_ms: asked.duration_ms,
            policy: asked.policy,
        }
        held.set(created.id, created)
        response.statusCode = 201
        response.end(JSON.stringify({ temporary_policy: created }))
    } else if (request.method === 'GET' && policyId && held.has(policyId)) {
        response.end(JSON.stringify({ temporary_policy: held.get(policyId) }))
    } else if (request.method === 'DELETE' && policyId) {
        held.delete(policyId)
        response.statusCode = 204
        response.end()
    } else {
        response.statusCode = 404
        response.end(JSON.stringify({ message: 'not found' }))
    }
}

export async function startKpowStandIn(options: KpowStandInOptions = {}): Promise<KpowStandIn> {
    const requests: ReceivedRequest[] = []
    const waiters: { count: number; resolve: () => void }[] = []
    let nextId = 1
    const held = new Map<string, HeldPolicy>()
    const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
        let body = ''
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        incoming.on('end', () => {
            const request = {
                method: incoming.method ?? '',
                url: incoming.url ?? '',
                authorization: incoming.headers.authorization ?? '',
                body,
            }
            requests.push(request)
            for (const waiter of waiters.filter((waiting) => requests.length >= waiting.count)) waiter.resolve()
            if (!options.hang) answer(options, request, response, () => nextId++, held)
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    let stopped: Promise<void> | undefined
    return {
        url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
        requests,
        held: () => [...held.keys()],
        received: (count) =>
            requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
        stop: () => {
            // Idempotent: a test may stop Kpow itself (to drop a hanging call) before afterEach does.
            stopped ??= new Promise((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            })
            return stopped
        },
    }
}
