/**
 * The deploy tool's one way of making an HTTP request: Node's fetch, a timeout, the body read once
 * as text up to a size limit, and a refused or failed connection, an answer cut off or one past the
 * limit turned into a DeployError that names the call, the server and what to check. Redirects are
 * never followed: the UI-session calls need each response's cookies, and an API answering with a
 * redirect is itself worth reporting.
 */
import { DeployError } from './errors.ts'
import { boundedServerText } from './redaction.ts'

export interface HttpRequest {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
    url: URL
    headers?: Record<string, string>
    body?: string | FormData
    /** The most of the answer's body read (decoded bytes); past it the call fails. Default DEFAULT_ANSWER_LIMIT. */
    maxBytes?: number
}

export interface HttpResponse {
    status: number
    headers: Headers
    text: string
}

/** Who is being called, for the "cannot reach" message: e.g. "the ServiceNow instance", and what to check. */
export interface Endpoint {
    description: string
    unreachableFix: string
    /** What to check when it answers something it would not: cut off, too large, of the wrong shape. */
    malformedFix: string
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

const MEBIBYTE = 1024 * 1024
/** An answer of the deploy's calls is a few kilobytes: 4 MB is far past any the tool expects. */
export const DEFAULT_ANSWER_LIMIT = 4 * MEBIBYTE
/** Lists (preview problems, journal entries, up to 1000 records) and the retrieved update set table. */
export const LARGE_ANSWER_LIMIT = 32 * MEBIBYTE

/** "GET /api/now/table/sys_user": how a message names a call (the query left out: it may be long). */
export function callName(request: Pick<HttpRequest, 'method' | 'url'>): string {
    return `${request.method} ${request.url.pathname}`
}

function megabytes(bytes: number): string {
    return `${Number((bytes / MEBIBYTE).toFixed(1))} MB`
}

/**
 * The body as text, reading no more than `maxBytes`: a larger answer (announced or not) is
 * refused without holding it, and a body that ends early (a Content-Length the server does not
 * keep: undici's "terminated") is a DeployError naming the call, not a bare "terminated".
 */
async function readBody(
    response: Response,
    request: HttpRequest,
    endpoint: Endpoint,
    maxBytes: number
): Promise<string> {
    const call = callName(request)
    const tooLarge = () =>
        new DeployError(
            `${call} answered more than ${megabytes(maxBytes)} (${endpoint.description} at ${request.url.origin}); the tool stopped reading`,
            endpoint.malformedFix
        )
    const announced = Number(response.headers.get('content-length') ?? Number.NaN)
    if (response.body === null) return ''
    if (announced > maxBytes) {
        await response.body.cancel().catch(() => undefined)
        throw tooLarge()
    }
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    try {
        for (;;) {
            const { done, value } = await reader.read()
            if (done) break
            total += value.byteLength
            if (total > maxBytes) {
                await reader.cancel().catch(() => undefined)
                throw tooLarge()
            }
            chunks.push(value)
        }
    } catch (error) {
        if (error instanceof DeployError) throw error
        throw new DeployError(
            `${call}: the answer of ${endpoint.description} at ${request.url.origin} broke off after ${total} bytes (${boundedServerText(networkCause(error), 80)})`,
            `run it again; if it persists, something between here and the server (a proxy, a load balancer) cuts answers short: ${endpoint.malformedFix}`
        )
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

/** Node's fetch wraps the socket's error as `cause` ("fetch failed"); some layers throw it bare. */
function networkCause(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    if (cause?.code) return cause.code
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && code) return code
    if (cause?.message) return cause.message
    if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time'
    return error instanceof Error ? error.message : String(error)
}

export async function send(
    request: HttpRequest,
    endpoint: Endpoint,
    timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
): Promise<HttpResponse> {
    let response: Response
    try {
        response = await fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        })
    } catch (error) {
        const cause = networkCause(error)
        // A certificate this machine does not trust (a private CA in front of Kpow, a TLS proxy) is
        // not an unreachable server: name Node's own setting for extra CAs.
        const certificate = /CERT|SSL|TLS/i.test(cause)
        throw new DeployError(
            `cannot reach ${endpoint.description} at ${request.url.origin} (${boundedServerText(cause, 120)})`,
            certificate
                ? `the server's TLS certificate is not trusted here: point NODE_EXTRA_CA_CERTS at the PEM file of its CA, or fix the URL`
                : endpoint.unreachableFix
        )
    }
    const text = await readBody(response, request, endpoint, request.maxBytes ?? DEFAULT_ANSWER_LIMIT)
    return { status: response.status, headers: response.headers, text }
}

/** The response body as JSON, or undefined when it is not JSON (an HTML error page, an empty body). */
export function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown
    } catch {
        return undefined
    }
}

function isHtml(response: HttpResponse): boolean {
    return /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(response.text)
}

/** "an HTML page ("Instance Hibernating")": a page named by its title, never printed. */
function htmlPage(response: HttpResponse): string {
    const title = boundedServerText(/<title[^>]*>([^<]*)</i.exec(response.text)?.[1] ?? '', 80)
    return title ? `an HTML page ("${title}")` : 'an HTML page'
}

/**
 * What a response is when an API's JSON was expected and something else came: "a redirect to …",
 * "an HTML page ("title")", "a text/plain body"; undefined for JSON or an empty body. It names what
 * answered (another web server, a sign-in page, a proxy) without printing the body.
 */
export function describeNonJson(response: HttpResponse): string | undefined {
    if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location')
        return location ? `a redirect to ${location}` : 'a redirect'
    }
    if (response.text.trim() === '' || parseJson(response.text) !== undefined) return undefined
    if (isHtml(response)) return htmlPage(response)
    const type = boundedServerText((response.headers.get('content-type') ?? '').split(';')[0] ?? '', 80)
    return type ? `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} body` : 'a body that is not JSON'
}

/** A non-JSON error body in one short line: an HTML page by its title, other text bounded, its stack trace omitted. */
export function shortBodyText(response: HttpResponse): string {
    if (isHtml(response)) return htmlPage(response)
    return boundedServerText(response.text)
}
