/**
 * The deploy tool's one way of making an HTTP request: Node's fetch, a timeout, the body read once
 * as text, and a refused or failed connection turned into a DeployError that names the server
 * and what to check. Redirects are never followed: the UI-session calls need each response's
 * cookies, and an API answering with a redirect is itself worth reporting.
 */
import { DeployError } from './errors.ts'

export interface HttpRequest {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
    url: URL
    headers?: Record<string, string>
    body?: string | FormData
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
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

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
            `cannot reach ${endpoint.description} at ${request.url.origin} (${cause})`,
            certificate
                ? `the server's TLS certificate is not trusted here: point NODE_EXTRA_CA_CERTS at the PEM file of its CA, or fix the URL`
                : endpoint.unreachableFix
        )
    }
    return { status: response.status, headers: response.headers, text: await response.text() }
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
    const title = /<title[^>]*>([^<]*)</i.exec(response.text)?.[1]?.replace(/\s+/g, ' ').trim() ?? ''
    return title ? `an HTML page ("${title.length > 80 ? `${title.slice(0, 80)}…` : title}")` : 'an HTML page'
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
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim()
    return type ? `a ${type} body` : 'a body that is not JSON'
}

/** A non-JSON error body in one short line: an HTML page by its title, plain text cut at 200 characters. */
export function shortBodyText(response: HttpResponse): string {
    if (isHtml(response)) return htmlPage(response)
    const text = response.text.replace(/\s+/g, ' ').trim()
    return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
