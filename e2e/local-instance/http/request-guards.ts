// What the REST surface refuses before any handler reads a request, so that a browser holding an
// administrator's cached Basic credentials cannot be made to write from another site:
// - a write whose body is not of the type the endpoint reads (JSON for /api, a multipart form for
//   the upload, a urlencoded form for the UI login) is a 415, as the platform answers an
//   unsupported Content-Type; a browser can send `text/plain` or a form to another site without
//   asking, but not JSON;
// - a write a browser marks as coming from another site (`Sec-Fetch-Site: cross-site`/`same-site`,
//   or an `Origin` naming another host) is a 403, which also covers a body-less POST;
// - a JSON body holding a `__proto__`, `constructor` or `prototype` key anywhere is a 400, so no
//   such key reaches a record or a host object.
import contentType from 'content-type'
import type { NextFunction, Request, Response } from 'express'
import { ApiError } from './rest-auth'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Keys that would reach an object's prototype or constructor when copied. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The request's media type (lower case, no parameters); '' when absent or unreadable. */
function mediaTypeOf(request: Request): string {
    const header = request.headers['content-type']
    if (header === undefined || header.trim() === '') return ''
    try {
        return contentType.parse(header).type
    } catch {
        return 'unreadable'
    }
}

function hasBody(request: Request): boolean {
    const length = request.headers['content-length']
    return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/**
 * Refuses a write whose body is not `accepted` (a body-less write without a Content-Type passes:
 * the CI/CD preview is one). `what` names the body in the message.
 */
export function requireBodyType(accepted: (mediaType: string) => boolean, what: string) {
    return (request: Request, _response: Response, next: NextFunction): void => {
        if (!WRITE_METHODS.has(request.method)) return next()
        const mediaType = mediaTypeOf(request)
        if (mediaType === '' && !hasBody(request)) return next()
        if (accepted(mediaType)) return next()
        next(
            new ApiError(
                415,
                `Unsupported Content-Type "${request.headers['content-type'] ?? ''}"`,
                `send ${what}; nothing was changed`
            )
        )
    }
}

export const isJson = (mediaType: string): boolean =>
    mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)

/** Refuses a write a browser says comes from another site: cached credentials must not make it. */
export function refuseCrossSiteWrites(request: Request, _response: Response, next: NextFunction): void {
    if (!WRITE_METHODS.has(request.method)) return next()
    const site = request.headers['sec-fetch-site']
    const origin = request.headers.origin
    let foreignOrigin = false
    if (origin !== undefined) {
        try {
            foreignOrigin = new URL(origin).host !== request.headers.host
        } catch {
            // `Origin: null` (a sandboxed page, a redirect) is no origin of this site either.
            foreignOrigin = true
        }
    }
    if (site === 'cross-site' || site === 'same-site' || foreignOrigin)
        return next(
            new ApiError(
                403,
                'Cross-site request refused',
                'a page of another site cannot write to this instance; call it from a REST client. Nothing was changed'
            )
        )
    next()
}

/**
 * The first reserved key in a parsed JSON value (its path), walking without recursion so that a
 * deeply nested body cannot overflow the stack.
 */
export function reservedKeyPath(value: unknown): string | undefined {
    const pending: { value: unknown; path: string }[] = [{ value, path: '' }]
    while (pending.length > 0) {
        const { value: current, path } = pending.pop() as { value: unknown; path: string }
        if (typeof current !== 'object' || current === null) continue
        for (const [key, child] of Object.entries(current)) {
            const childPath = Array.isArray(current) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
            if (RESERVED_KEYS.has(key)) return childPath
            pending.push({ value: child, path: childPath })
        }
    }
    return undefined
}

/** Refuses a JSON body holding `__proto__`, `constructor` or `prototype` as a key anywhere. */
export function refuseReservedKeys(request: Request, _response: Response, next: NextFunction): void {
    const path = reservedKeyPath(request.body)
    if (path === undefined) return next()
    next(
        new ApiError(
            400,
            `The request body holds the reserved key "${path}"`,
            '__proto__, constructor and prototype are no field names: remove them. Nothing was changed'
        )
    )
}
