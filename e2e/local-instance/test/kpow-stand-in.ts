// A tiny Kpow stand-in for the flow tests: the temporary-policies endpoints only, on its own
// thread, so it answers whatever the test's own thread is doing. It answers what Kpow answers (or,
// with `hang`, never answers) and reports every request it receives.
import { Worker } from 'node:worker_threads'

export interface ReceivedRequest {
    method: string
    url: string
    authorization: string
    body: string
}

const program = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
let next = 1;
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    parentPort.postMessage({ kind: 'request', request: { method: request.method, url: request.url, authorization: request.headers.authorization || '', body } });
    if (workerData.hang) return;
    response.setHeader('content-type', 'application/json');
    if (workerData.failWith) {
      response.statusCode = workerData.failWith;
      response.end(JSON.stringify({ message: 'Kpow stand-in refuses' }));
      return;
    }
    if (request.method === 'POST' && request.url === '/admin/v1/temporary-policies') {
      const asked = JSON.parse(body);
      response.statusCode = 201;
      response.end(JSON.stringify({ temporary_policy: { id: 'tp-' + next++, created_ts: 1767225600000, duration_ms: asked.duration_ms, policy: asked.policy } }));
      return;
    }
    if (request.method === 'DELETE' && request.url.startsWith('/admin/v1/temporary-policies/')) {
      response.statusCode = 204;
      response.end();
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ message: 'not found' }));
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ kind: 'listening', port: server.address().port }));
parentPort.on('message', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`

export interface KpowStandIn {
    url: string
    requests: ReceivedRequest[]
    stop(): Promise<void>
}

export async function startKpowStandIn(options: { failWith?: number; hang?: boolean } = {}): Promise<KpowStandIn> {
    const worker = new Worker(program, { eval: true, workerData: options })
    const requests: ReceivedRequest[] = []
    let stopped: Promise<void> | undefined
    const port = await new Promise<number>((resolve) => {
        worker.on('message', (message: { kind: string; port?: number; request?: ReceivedRequest }) => {
            if (message.kind === 'listening') resolve(message.port ?? 0)
            if (message.kind === 'request' && message.request) requests.push(message.request)
        })
    })
    return {
        url: `http://127.0.0.1:${String(port)}`,
        requests,
        stop: () => {
            // Idempotent: a test may stop Kpow itself (to drop a hanging call) before afterEach does.
            stopped ??= new Promise((resolve) => {
                worker.once('exit', () => resolve())
                worker.postMessage('stop')
            })
            return stopped
        },
    }
}

/** Worker messages arrive on the event loop; let them in before asserting. */
export async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 50))
}
