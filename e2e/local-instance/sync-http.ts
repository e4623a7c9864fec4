// RESTMessageV2.execute() is synchronous on the platform: the script waits for the response. Node
// has no synchronous HTTP client, so the request runs in a child Node process (real sockets, real
// HTTP) while this thread blocks in spawnSync. Consequence, as on the platform: the server being
// called must not live on this thread's event loop (run it in another process or a worker thread).
import { spawnSync } from 'node:child_process'

export interface SyncHttpRequest {
    method: string
    url: string
    headers: Record<string, string>
    body?: string
    timeoutMs: number
}

export type SyncHttpResult =
    { ok: true; status: number; headers: [string, string][]; body: string } | { ok: false; error: string }

const childProgram = `
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
try {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(request.timeoutMs),
    redirect: 'manual',
  });
  const body = await response.text();
  process.stdout.write(JSON.stringify({ ok: true, status: response.status, headers: [...response.headers], body }));
} catch (error) {
  const cause = error && error.cause ? (error.cause.message || String(error.cause)) : '';
  process.stdout.write(JSON.stringify({ ok: false, error: [error && error.message, cause].filter(Boolean).join(': ') }));
}
`

export function httpRequestSync(request: SyncHttpRequest): SyncHttpResult {
    const bodyAllowed = !['GET', 'HEAD'].includes(request.method.toUpperCase())
    const payload = JSON.stringify({ ...request, body: bodyAllowed ? request.body : undefined })
    const child = spawnSync(process.execPath, ['--input-type=module', '--eval', childProgram], {
        input: payload,
        encoding: 'utf8',
        timeout: request.timeoutMs + 5_000,
        maxBuffer: 64 * 1024 * 1024,
        env: {},
    })
    if (child.error) return { ok: false, error: `HTTP helper process failed: ${child.error.message}` }
    if (child.status !== 0)
        return { ok: false, error: `HTTP helper process exited with ${String(child.status)}: ${child.stderr.trim()}` }
    return JSON.parse(child.stdout) as SyncHttpResult
}
