// RESTMessageV2 in the sandbox against a real HTTP server on 127.0.0.1 port 0 (the unit tier opens no
// socket; the rest of the sandbox is tested in ../glide-sandbox.test.ts).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPlatformScript } from '../glide-sandbox'
import { makeScriptHost, outputsOf, TEST_ALIAS } from './script-host'

// The server lives on this test's own event loop: execute() looks synchronous to the script while the
// host awaits the request, so the loop keeps running and the server can answer.
let server: Server
let baseUrl = ''

beforeAll(async () => {
    server = createServer((request, response) => {
        let body = ''
        request.on('data', (chunk: Buffer) => (body += chunk.toString()))
        request.on('end', () => {
            if (request.url === '/never-answers') return
            response.setHeader('content-type', 'application/json')
            response.setHeader('x-seen-path', request.url ?? '')
            response.statusCode = request.url === '/missing' ? 404 : 201
            response.end(
                JSON.stringify({ method: request.method, authorization: request.headers.authorization ?? '', body })
            )
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})

afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
})

const makeHost = () => makeScriptHost(baseUrl)

/** Script text: a call to a server that never answers, with this HTTP timeout, its answer in `response`. */
function callNeverAnswering(timeoutMs: number): string {
    return `
        var request = new sn_ws.RESTMessageV2();
        request.setEndpoint('${baseUrl}/never-answers');
        request.setHttpMethod('get');
        request.setHttpTimeout(${String(timeoutMs)});
        var response = request.execute();`
}

describe('RESTMessageV2', () => {
    it('RESTMessageV2.execute() is synchronous, with the alias URL and Basic credential', async () => {
        const { host } = makeHost()
        const outputs = await outputsOf(
            `
        var info = new sn_cc.ConnectionInfoProvider().getConnectionInfo('${TEST_ALIAS}');
        var request = new sn_ws.RESTMessageV2();
        request.setEndpoint(info.getAttribute('connection_url') + '/admin/v1/temporary-policies');
        request.setHttpMethod('post');
        request.setBasicAuth(info.getCredentialAttribute('user_name'), info.getCredentialAttribute('password'));
        request.setRequestHeader('Content-Type', 'application/json');
        request.setRequestBody(JSON.stringify({ duration_ms: 1000 }));
        var response = request.execute();
        outputs.status = response.getStatusCode();
        outputs.body = JSON.parse(response.getBody());
        outputs.path = response.getHeader('X-Seen-Path');
        outputs.error = response.haveError();
        var missing = new sn_ws.RESTMessageV2();
        missing.setEndpoint(info.getAttribute('connection_url') + '/missing');
        missing.setHttpMethod('get');
        var failed = missing.execute();
        outputs.missingStatus = failed.getStatusCode();
        outputs.missingError = failed.haveError();
        outputs.unknownAlias = new sn_cc.ConnectionInfoProvider().getConnectionInfo('0123456789abcdef0123456789abcdef');
      `,
            host
        )
        expect(outputs).toEqual({
            status: 201,
            body: {
                method: 'POST',
                authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}`,
                body: '{"duration_ms":1000}',
            },
            path: '/admin/v1/temporary-policies',
            error: false,
            missingStatus: 404,
            missingError: true,
            unknownAlias: null,
        })
    })

    it('reports a connection failure through haveError(), status 0', async () => {
        const { host } = makeHost()
        const outputs = await outputsOf(
            "var r = new sn_ws.RESTMessageV2(); r.setEndpoint('http://127.0.0.1:9/'); r.setHttpMethod('get'); r.setHttpTimeout(2000); var s = r.execute(); outputs.status = s.getStatusCode(); outputs.error = s.haveError(); outputs.message = s.getErrorMessage();",
            host
        )
        expect(outputs.status).toBe(0)
        expect(outputs.error).toBe(true)
        expect(String(outputs.message)).not.toBe('')
    })

    it('keeps the event loop free while execute() waits, and times the call out as the platform would', async () => {
        const { host } = makeHost()
        const outputs: Record<string, unknown> = {}
        const slowScript = runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: `${callNeverAnswering(1500)}
        outputs.status = response.getStatusCode();
        outputs.error = response.haveError();
        outputs.message = response.getErrorMessage();
      `,
        })
        let scriptFinished = false
        void slowScript.then(() => (scriptFinished = true))
        // The same process answers another request while the script is blocked in execute().
        const ping = await fetch(`${baseUrl}/ping`)
        expect(ping.status).toBe(201)
        expect(scriptFinished).toBe(false)
        await slowScript
        expect(outputs).toMatchObject({ status: 0, error: true, message: 'Request timed out after 1500 ms' })
    })

    it('stops a step waiting in execute() at its time limit: the script writes nothing after that point', async () => {
        const { host, database, requester } = makeHost()
        const script = `
        var request = new sn_ws.RESTMessageV2();
        request.setEndpoint('${baseUrl}/never-answers');
        request.setHttpMethod('get');
        request.setHttpTimeout(60000);
        var user = new GlideRecord('sys_user');
        user.get('${requester.sys_id}');
        user.name = 'before the call';
        user.update();
        try {
            request.execute();
        } finally {
            // The platform never runs this: the step was stopped inside execute().
            user.name = 'after the call';
            user.update();
        }
      `
        await expect(
            runPlatformScript(host, { recordName: 'Hung', level: 'es5', script, timeoutMs: 400 })
        ).rejects.toThrow(/^Hung: stopped at the script step's 400 ms time limit/)
        expect(database.require('sys_user', requester.sys_id).name).toBe('before the call')
    })

    it('scales every HTTP timeout for tests, while the script reads its own number', async () => {
        const { host } = makeHost()
        const outputs: Record<string, unknown> = {}
        const started = Date.now()
        await runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            timeScale: 0.1,
            script: `${callNeverAnswering(10000)}
        outputs.message = response.getErrorMessage();
      `,
        })
        // 10 s scaled to 1 s, well inside the 30 s step limit scaled to 3 s (a tighter scale let a
        // loaded machine reach the step limit first).
        expect(outputs.message).toBe('Request timed out after 10000 ms')
        expect(Date.now() - started).toBeLessThan(10000)
    })
})
