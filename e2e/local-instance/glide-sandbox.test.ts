import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { Database } from './tables'
import { localInstanceSchemas } from './schema'
import type { SandboxHost, ScriptLogLevel } from './glide-sandbox'
import { checkScriptSyntax, runPlatformScript, ScriptRuntimeError, ScriptSyntaxError } from './glide-sandbox'

// The server runs on its own thread: execute() blocks this one, exactly as on the platform.
const serverProgram = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-seen-path', request.url);
    response.statusCode = request.url === '/missing' ? 404 : 201;
    response.end(JSON.stringify({ method: request.method, authorization: request.headers.authorization || '', body }));
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`

let worker: Worker
let baseUrl = ''

beforeAll(async () => {
    worker = new Worker(serverProgram, { eval: true })
    const port = await new Promise<number>((resolve) => worker.once('message', resolve))
    baseUrl = `http://127.0.0.1:${String(port)}`
})

afterAll(async () => {
    worker.postMessage('stop')
    await new Promise((resolve) => worker.once('exit', resolve))
})

function makeHost() {
    const database = new Database({ schemas: localInstanceSchemas })
    const requester = database.insert('sys_user', { user_name: 'abel.tuter', name: 'Abel Tuter' })
    const logs: { level: ScriptLogLevel; message: string }[] = []
    const host: SandboxHost = {
        database,
        userSysId: requester.sys_id,
        properties: { 'x_kpow.max_duration_ms': '3600000' },
        resolveConnection: (alias) =>
            alias === 'aaaaaaaabbbbbbbbccccccccdddddddd'
                ? {
                      aliasSysId: alias,
                      aliasId: 'x_kpow.kpow_api',
                      name: 'Kpow',
                      connectionUrl: baseUrl,
                      userName: 'admin',
                      password: 's3cret',
                  }
                : undefined,
        log: (level, message) => logs.push({ level, message }),
    }
    return { database, host, logs, requester }
}

describe('syntax gate', () => {
    it.each([
        ['let', 'let x = 1;'],
        ['const', 'const x = 1;'],
        ['arrow function', 'var f = (a) => a;'],
        ['template literal', 'var s = `x`;'],
        ['class', 'class A {}'],
    ])('refuses %s in ES5 mode, naming the record', (_name, script) => {
        expect(() => checkScriptSyntax(script, 'es5', 'Kpow - Create Temporary Policy / Call Kpow')).toThrow(
            ScriptSyntaxError
        )
        expect(() => checkScriptSyntax(script, 'es5', 'Kpow - Create Temporary Policy / Call Kpow')).toThrow(
            /Kpow - Create Temporary Policy \/ Call Kpow: the platform would reject this script in ES5/
        )
    })

    it('accepts the same constructs in ECMAScript 2021 mode', () => {
        expect(() => checkScriptSyntax('let x = 1; const f = (a) => `${a}`; x ??= 2;', 'es2021', 'r')).not.toThrow()
    })

    it('refuses what ES2021 does not have', () => {
        expect(() => checkScriptSyntax('class A { #x = 1; static { } }', 'es2021', 'r')).toThrow(ScriptSyntaxError)
    })
})

describe('Glide APIs', () => {
    it('GlideRecord queries, reads, dot-walks, inserts and updates', () => {
        const { database, host } = makeHost()
        const manager = database.insert('sys_user', { user_name: 'beth.anglin', name: 'Beth Anglin' })
        const employee = database.insert('sys_user', { user_name: 'carl', name: 'Carl', manager: manager.sys_id })
        const outputs: Record<string, unknown> = {}
        runPlatformScript(host, {
            recordName: 'test',
            level: 'es5',
            globals: { outputs, inputs: { user: employee.sys_id } },
            script: `
        var user = new GlideRecord('sys_user');
        if (user.get(inputs.user)) {
          outputs.manager_name = user.getDisplayValue('manager');
          outputs.manager_user = user.getValue('manager.user_name');
          outputs.name = user.name + '';
        }
        var all = new GlideRecord('sys_user');
        all.addQuery('user_name', 'IN', 'beth.anglin,carl');
        all.query();
        outputs.count = all.getRowCount();
        var names = [];
        while (all.next()) names.push(all.getValue('user_name'));
        outputs.names = names.join(',');
        var created = new GlideRecord('sys_user_group');
        created.initialize();
        created.setValue('name', 'Kafka Access Approvers');
        outputs.group = created.insert();
        user.setValue('email', 'carl@example.com');
        user.update();
      `,
        })
        expect(outputs).toMatchObject({
            manager_name: 'Beth Anglin',
            manager_user: 'beth.anglin',
            name: 'Carl',
            count: 2,
            names: 'beth.anglin,carl',
        })
        expect(database.get('sys_user_group', String(outputs.group))?.name).toBe('Kafka Access Approvers')
        expect(database.get('sys_user', employee.sys_id)?.email).toBe('carl@example.com')
    })

    it('refuses an unknown field instead of returning undefined', () => {
        const { host } = makeHost()
        expect(() =>
            runPlatformScript(host, {
                recordName: 'r',
                level: 'es5',
                script: "var g = new GlideRecord('sys_user'); g.initialize(); g.no_such_field.toString();",
            })
        ).toThrow(/sys_user has no field or method "no_such_field"/)
    })

    it('gives no access to Node', () => {
        const { host } = makeHost()
        const outputs: Record<string, unknown> = {}
        runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: "outputs.types = [typeof require, typeof process, typeof fetch, typeof setTimeout].join(',');",
        })
        expect(outputs.types).toBe('undefined,undefined,undefined,undefined')
    })

    it('gs logs, reads properties, knows the user', () => {
        const { host, logs, requester } = makeHost()
        const outputs: Record<string, unknown> = {}
        runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: "gs.info('hello ' + gs.getUserName()); outputs.max = gs.getProperty('x_kpow.max_duration_ms'); outputs.fallback = gs.getProperty('nope', 'd'); outputs.user = gs.getUserID();",
        })
        expect(logs).toContainEqual({ level: 'info', message: 'hello abel.tuter' })
        expect(outputs).toEqual({ max: '3600000', fallback: 'd', user: requester.sys_id })
    })

    it('RESTMessageV2.execute() is synchronous, with the alias URL and Basic credential', () => {
        const { host } = makeHost()
        const outputs: Record<string, unknown> = {}
        runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: `
        var info = new sn_cc.ConnectionInfoProvider().getConnectionInfo('aaaaaaaabbbbbbbbccccccccdddddddd');
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
        })
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

    it('reports a connection failure through haveError(), status 0', () => {
        const { host } = makeHost()
        const outputs: Record<string, unknown> = {}
        runPlatformScript(host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: "var r = new sn_ws.RESTMessageV2(); r.setEndpoint('http://127.0.0.1:9/'); r.setHttpMethod('get'); r.setHttpTimeout(2000); var s = r.execute(); outputs.status = s.getStatusCode(); outputs.error = s.haveError(); outputs.message = s.getErrorMessage();",
        })
        expect(outputs.status).toBe(0)
        expect(outputs.error).toBe(true)
        expect(String(outputs.message)).not.toBe('')
    })

    it('wraps a thrown error with the record name', () => {
        const { host } = makeHost()
        expect(() =>
            runPlatformScript(host, {
                recordName: 'My Action / Step',
                level: 'es5',
                script: "throw new Error('Kpow said no');",
            })
        ).toThrow(ScriptRuntimeError)
        expect(() =>
            runPlatformScript(host, {
                recordName: 'My Action / Step',
                level: 'es5',
                script: "throw new Error('Kpow said no');",
            })
        ).toThrow('My Action / Step: Kpow said no')
    })
})
