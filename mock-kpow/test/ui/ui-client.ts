// A cookie-carrying client for the UI port: logs in through POST /mock/v1/session (the same login
// as the form) and sends the session cookie on every call. Used by the HTTP-level data tests.
import { resolve } from 'node:path'
import type { TestKpow } from '../start-test-kpow'

export const UI_FIXTURES = resolve(import.meta.dirname, 'fixtures')

export interface UiResponse {
    readonly status: number
    readonly headers: Headers
    readonly text: string
    readonly json: unknown
}

export interface UiClient {
    readonly cookie: string
    call(method: string, path: string, init?: RequestInit): Promise<UiResponse>
}

export interface RequestInit {
    readonly json?: unknown
    readonly form?: Record<string, string>
    readonly body?: string
    readonly headers?: Record<string, string>
}

export function uiUrlOf(kpow: TestKpow): string {
    if (!kpow.uiUrl) throw new Error('the UI listener is not running')
    return kpow.uiUrl
}

export async function request(url: string, method: string, init: RequestInit = {}): Promise<UiResponse> {
    const headers: Record<string, string> = { ...init.headers }
    let body = init.body
    if (init.json !== undefined) {
        body = JSON.stringify(init.json)
        headers['content-type'] ??= 'application/json'
    } else if (init.form !== undefined) {
        body = new URLSearchParams(init.form).toString()
        headers['content-type'] ??= 'application/x-www-form-urlencoded'
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' })
    const text = await response.text()
    let json: unknown
    try {
        json = text ? JSON.parse(text) : undefined
    } catch {
        json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
}

export async function logInUi(kpow: TestKpow, username: string, password: string, tenant?: string): Promise<UiClient> {
    const base = uiUrlOf(kpow)
    const login = await request(`${base}/mock/v1/session`, 'POST', {
        json: { username, password, ...(tenant ? { tenant } : {}) },
    })
    if (login.status !== 200) throw new Error(`login of ${username} failed: ${login.status} ${login.text}`)
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    return {
        cookie,
        call: (method, path, init = {}) =>
            request(`${base}${path}`, method, { ...init, headers: { cookie, ...init.headers } }),
    }
}

/** The _csrf value of the first form in a page. */
export function csrfTokenIn(page: string): string {
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
}

/** What a browser holds after opening the login page: the nonce cookie and the form's token. */
export async function openLoginForm(base: string): Promise<{ cookie: string; csrf: string }> {
    const page = await request(`${base}/login`, 'GET')
    return { cookie: (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: csrfTokenIn(page.text) }
}
