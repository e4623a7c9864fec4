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
    /** Resolves once the stand-in has received `count` requests in all. */
    received(count: number): Promise<void>
    stop(): Promise<void>
}

export interface KpowStandInOptions {
    failWith?: number
    hang?: boolean
}

function answer(options: KpowStandInOptions, request: ReceivedRequest, response: ServerResponse, next: () => number) {
    response.setHeader('content-type', 'application/json')
    if (options.failWith) {
        response.statusCode = options.failWith
        response.end(JSON.stringify({ message: 'Kpow stand-in refuses' }))
    } else if (request.method === 'POST' && request.url === '/admin/v1/temporary-policies') {
        const asked = JSON.parse(request.body) as { duration_ms: number; policy: unknown }
        response.statusCode = 201
        response.end(
            JSON.stringify({
                temporary_policy: {
                    id: `tp-${String(next())}`,
                    created_ts: 1767225600000,
                    duration_ms: asked.duration_ms,
                    policy: asked.policy,
                },
            })
        )
    } else if (request.method === 'DELETE' && request.url.startsWith('/admin/v1/temporary-policies/')) {
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
            if (!options.hang) answer(options, request, response, () => nextId++)
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    let stopped: Promise<void> | undefined
    return {
        url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
        requests,
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
