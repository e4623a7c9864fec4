// The address a request came from, as the audit's per-client limit on refusals counts it. The
// socket's peer, not X-Forwarded-For: mock-kpow runs behind no proxy, and a header is the client's
// to choose, so each refused request could claim a fresh address.
import type { Request } from 'express'

export function clientAddress(req: Request): string {
    return req.socket.remoteAddress ?? 'unknown'
}
