// Starts a real mock-kpow on 127.0.0.1 port 0 for a test, with the guide's default setup unless a
// test passes flags or environment, and offers a small fetch wrapper with Basic auth.
import { readJaasConfigFile, realmFileFor } from '../src/auth/index'
import { DEFAULT_CLUSTER_ID, resolveOptions, type CliFlags } from '../src/config/options'
import { startMockKpow, type RunningMockKpow, type StartOptions } from '../src/server'

export const ADMIN = basic('admin', 'admin')
export const USER = basic('user', 'password')
export const GUIDE_CLUSTER = DEFAULT_CLUSTER_ID

export function basic(user: string, password: string): string {
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export interface TestKpow extends RunningMockKpow {
    readonly apiUrl: string
    call(
        method: string,
        path: string,
        init?: { auth?: string | null; json?: unknown; body?: string; headers?: Record<string, string> }
    ): Promise<{ status: number; headers: Headers; text: string; json: unknown }>
}

export async function startTestKpow(
    flags: CliFlags = {},
    env: Record<string, string> = {},
    start: StartOptions = {}
): Promise<TestKpow> {
    const options = resolveOptions({
        flags: { apiPort: '0', uiPort: '0', ...flags },
        env,
        cwd: process.cwd(),
        realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
    })
    const running = await startMockKpow(options, start)
    if (!running.apiUrl) throw new Error('API listener not started')
    const apiUrl = running.apiUrl
    return {
        ...running,
        apiUrl,
        async call(method, path, init = {}) {
            const headers: Record<string, string> = { ...init.headers }
            const auth = init.auth === undefined ? ADMIN : init.auth
            if (auth !== null) headers.authorization = auth
            let body = init.body
            if (init.json !== undefined) {
                body = JSON.stringify(init.json)
                headers['content-type'] ??= 'application/json'
            }
            const response = await fetch(`${apiUrl}${path}`, { method, headers, body })
            const text = await response.text()
            let json: unknown = undefined
            try {
                json = text ? JSON.parse(text) : undefined
            } catch {
                json = undefined
            }
            return { status: response.status, headers: response.headers, text, json }
        },
    }
}

/** The guide's create request body (the article), for a given topic and duration. */
export function guideCreateBody(topic = '__oprtr_audit_log', durationMs = 3_600_000): unknown {
    return {
        duration_ms: durationMs,
        policy: {
            role: 'kafka-users',
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resource: ['cluster', GUIDE_CLUSTER, 'topic', topic],
        },
    }
}
