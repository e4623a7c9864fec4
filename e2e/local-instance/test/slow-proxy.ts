// A slow path to Kpow for the reconciliation tests: an HTTP proxy on 127.0.0.1 port 0 that forwards
// requests in the order they arrived, as a Kpow that handles requests one after another does, holding
// each one as long as `holdFor` says before forwarding it (or forever), so a create can reach Kpow
// after the caller has given up on it.
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How long to hold a request before forwarding it; 'never': it is neither forwarded nor answered. */
export type Hold = number | 'never'

export interface SlowProxy {
    url: string
    /** "METHOD /path" of every request, in arrival order, and whether it was forwarded. */
    seen: { request: string; forwarded: boolean }[]
    stop(): Promise<void>
}

export async function startSlowProxy(
    target: string,
    holdFor: (method: string, path: string) => Hold
): Promise<SlowProxy> {
    const seen: SlowProxy['seen'] = []
    // Each request is forwarded no earlier than the one before it: in order, like a server's one queue.
    let previousForwarded: Promise<void> = Promise.resolve()
    const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () => {
            const method = incoming.method ?? 'GET'
            const path = incoming.url ?? '/'
            const entry = { request: `${method} ${path}`, forwarded: false }
            seen.push(entry)
            const hold = holdFor(method, path)
            if (hold === 'never') return
            const heldUntil = new Promise<void>((resolve) => setTimeout(resolve, hold))
            const forwardedNow = Promise.all([previousForwarded, heldUntil]).then(() => {
                entry.forwarded = true
                const upstream = forward(new URL(path, target), { method, headers: incoming.headers }, (answer) => {
                    // The caller may have given up: its socket is gone, and that is the point.
                    if (outgoing.destroyed) return answer.resume()
                    outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
                    answer.pipe(outgoing)
                })
                upstream.on('error', () => outgoing.destroy())
                upstream.end(Buffer.concat(chunks))
            })
            previousForwarded = forwardedNow
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
        url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
        seen,
        stop: () =>
            new Promise((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            }),
    }
}
