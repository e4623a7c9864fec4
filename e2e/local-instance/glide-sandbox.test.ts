import { describe, expect, it } from 'vitest'
import { checkScriptSyntax, plainData, runPlatformScript, ScriptRuntimeError, ScriptSyntaxError } from './glide-sandbox'
import {
    MAX_ERROR_MESSAGE_CHARS,
    MAX_HOST_CALL_CHARS,
    MAX_LOG_CHARS_PER_RUN,
    MAX_LOG_MESSAGE_CHARS,
    MAX_LOG_MESSAGES_PER_RUN,
    MAX_OUTPUTS_CHARS,
} from './sandbox-limits'
import { makeScriptHost as makeHost, outputsOf } from './test/script-host'

// Unit tests open no socket: RESTMessageV2 against a real server (and its timeouts) is tested in
// test/glide-sandbox-http.test.ts.

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

    it('accepts the same constructs in ECMAScript 2021 mode', async () => {
        expect(() => checkScriptSyntax('let x = 1; const f = (a) => `${a}`; x ??= 2;', 'es2021', 'r')).not.toThrow()
    })

    it('refuses what ES2021 does not have', async () => {
        expect(() => checkScriptSyntax('class A { #x = 1; static { } }', 'es2021', 'r')).toThrow(ScriptSyntaxError)
    })
})

describe('Glide APIs', () => {
    it('GlideRecord queries, reads, dot-walks, inserts and updates', async () => {
        const { database, host } = makeHost()
        const manager = database.insert('sys_user', { user_name: 'beth.anglin', name: 'Beth Anglin' })
        const employee = database.insert('sys_user', { user_name: 'carl', name: 'Carl', manager: manager.sys_id })
        const outputs: Record<string, unknown> = {}
        await runPlatformScript(host, {
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

    it('refuses an unknown field instead of returning undefined', async () => {
        const { host } = makeHost()
        await expect(
            runPlatformScript(host, {
                recordName: 'r',
                level: 'es5',
                script: "var g = new GlideRecord('sys_user'); g.initialize(); g.no_such_field.toString();",
            })
        ).rejects.toThrow(/sys_user has no field or method "no_such_field"/)
    })

    it('gives no access to Node', async () => {
        const outputs = await outputsOf(
            "outputs.types = [typeof require, typeof process, typeof fetch, typeof setTimeout].join(',');"
        )
        expect(outputs.types).toBe('undefined,undefined,undefined,undefined')
    })

    it('gs logs, reads properties, knows the user', async () => {
        const { host, logs, requester } = makeHost()
        const outputs = await outputsOf(
            "gs.info('hello ' + gs.getUserName()); outputs.max = gs.getProperty('x_kpow.max_duration_ms'); outputs.fallback = gs.getProperty('nope', 'd'); outputs.user = gs.getUserID();",
            host
        )
        expect(logs).toContainEqual({ level: 'info', message: 'hello abel.tuter' })
        expect(outputs).toEqual({ max: '3600000', fallback: 'd', user: requester.sys_id })
    })

    it('refuses GlideScheduleDateTime, a class ServiceNow documents for global scripts only, as the platform does in a scoped app', async () => {
        const outputs = await outputsOf(
            "try { new GlideScheduleDateTime('2026-11-29 13:05:00').convertTimeZone('UTC', 'Europe/Berlin'); outputs.ran = 'yes' } catch (e) { outputs.refused = e.message }"
        )
        expect(outputs).toEqual({
            refused: 'SecurityException: GlideScheduleDateTime is not allowed in scoped applications',
        })
    })

    it('wraps a thrown error with the record name', async () => {
        const { host } = makeHost()
        await expect(
            runPlatformScript(host, {
                recordName: 'My Action / Step',
                level: 'es5',
                script: "throw new Error('Kpow said no');",
            })
        ).rejects.toThrow(ScriptRuntimeError)
        await expect(
            runPlatformScript(host, {
                recordName: 'My Action / Step',
                level: 'es5',
                script: "throw new Error('Kpow said no');",
            })
        ).rejects.toThrow('My Action / Step: Kpow said no')
    })
})

// Known ways out of a JavaScript sandbox. In node:vm every one of these reached the host's `process`;
// in QuickJS there is no host object to reach: each must come back empty-handed.
describe('isolation from the host', () => {
    const escapes: [string, string][] = [
        ['a host function constructor', "gs.info.constructor('return process')()"],
        ['the GlideRecord constructor', "GlideRecord.constructor('return process')()"],
        ['a record proxy', "new GlideRecord('sys_user').constructor.constructor('return process')()"],
        ['a REST message', "new sn_ws.RESTMessageV2().execute.constructor('return process')()"],
        ['the global object through Function', "Function('return this')().process"],
        [
            'prototype walk from a host function',
            "Object.getPrototypeOf(gs.getProperty).constructor('return require')()",
        ],
        ['an error constructor', "new Error('x').constructor.constructor('return process')()"],
        ['an array constructor', "[].constructor.constructor('return globalThis.require')()"],
        ['eval', "eval('process')"],
        ['the removed host bridge', 'globalThis.__glideHost'],
        ['the removed HTTP bridge', 'globalThis.__glideHttp'],
        [
            'V8 stack frames',
            "(function () { Error.prepareStackTrace = function (e, frames) { return frames[0].getThis() }; return new Error('x').stack })()",
        ],
        ['a dynamic import', "import('node:fs')"],
    ]

    it.each(escapes)('contains %s', async (_name, attempt) => {
        const { host } = makeHost()
        const outputs = await outputsOf(
            `
        let found
        try { found = ${attempt} } catch (error) { found = 'threw ' + String(error) }
        const isHostProcess = found !== null && typeof found === 'object' && typeof found.versions === 'object'
        const isHostFunction = typeof found === 'function' && /require|process|native code/.test(String(found)) && found.length > 0
        outputs.kind = isHostProcess ? 'host process' : isHostFunction ? 'host function' : typeof found
        outputs.seen = String(found).slice(0, 80)
      `,
            host,
            'es2021'
        )
        expect(outputs.kind).not.toBe('host process')
        expect(outputs.kind).not.toBe('host function')
        expect(['undefined', 'string', 'object']).toContain(outputs.kind)
        if (outputs.kind === 'object') expect(outputs.seen).toBe('[object Promise]')
    })

    it('has no Node globals at all', async () => {
        const { host } = makeHost()
        const outputs = await outputsOf(
            `outputs.types = [typeof require, typeof process, typeof fetch, typeof setTimeout, typeof setInterval,
          typeof Buffer, typeof module, typeof exports, typeof __dirname, typeof WebAssembly].join(',');`,
            host
        )
        expect(outputs.types).toBe(
            'undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined'
        )
    })

    it('stops an endless loop at the step limit, and the next script runs normally', async () => {
        const { host } = makeHost()
        await expect(
            runPlatformScript(host, { recordName: 'Loop', level: 'es5', script: 'while (true) {}', timeoutMs: 300 })
        ).rejects.toThrow(/^Loop: stopped at the script step's 300 ms time limit/)
        const outputs: Record<string, unknown> = {}
        await runPlatformScript(host, { recordName: 'r', level: 'es5', globals: { outputs }, script: 'outputs.ok = 1' })
        expect(outputs.ok).toBe(1)
    })

    it('stops a memory bomb at the memory limit', async () => {
        const { host } = makeHost()
        await expect(
            runPlatformScript(host, {
                recordName: 'Bomb',
                level: 'es5',
                // Chunks of a thousand elements reach the limit in few allocations, so the test is quick on a busy machine.
                script: 'var hoard = []; while (true) { var chunk = []; for (var i = 0; i < 1000; i++) chunk.push({ index: i }); hoard.push(chunk); }',
            })
        ).rejects.toThrow(/^Bomb: .*out of memory/)
    })

    it('stops runaway recursion with a stack overflow, not a crash', async () => {
        const { host } = makeHost()
        await expect(
            runPlatformScript(host, { recordName: 'Deep', level: 'es5', script: 'function f() { return f() + 1 } f()' })
        ).rejects.toThrow(/^Deep: .*(stack overflow|call stack size exceeded)/)
    })

    it('scales the step limit for tests, while the script reads its own number', async () => {
        const { host } = makeHost()
        // The 30 s step limit scaled to 300 ms; the message names the unscaled limit.
        await expect(
            runPlatformScript(host, { recordName: 'Loop', level: 'es5', script: 'while (true) {}', timeScale: 0.01 })
        ).rejects.toThrow(/^Loop: stopped at the script step's 30000 ms time limit/)
    })

    it("reads a journal field's entries as getJournalEntry() gives them: newest first", async () => {
        const { host, database } = makeHost()
        const item = database.insert('sc_req_item', { short_description: 'x' })
        database.update('sc_req_item', item.sys_id, { work_notes: 'first' }, 'abel.tuter')
        database.update('sc_req_item', item.sys_id, { work_notes: 'second' }, 'system')
        const outputs = await outputsOf(
            `
        var item = new GlideRecord('sc_req_item');
        item.get('${item.sys_id}');
        outputs.all = item.work_notes.getJournalEntry(-1);
        outputs.newest = item.work_notes.getJournalEntry(1);
      `,
            host
        )
        expect(outputs.all).toMatch(
            /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - system \(Work notes\)\nsecond\n\n.* - Abel Tuter \(Work notes\)\nfirst$/
        )
        expect(String(outputs.newest)).toMatch(/\nsecond$/)
    })
})

// What a run hands back and what it may log are bounded (sandbox-limits.ts); a run over a bound fails
// or is cut, and nothing it hands back reaches a host object's prototype.
describe('bounds on what a run hands over', () => {
    it('copies outputs as plain data: own __proto__, constructor and prototype keys are dropped at every level', async () => {
        const outputs: Record<string, unknown> = {}
        await runPlatformScript(makeHost().host, {
            recordName: 'r',
            level: 'es5',
            globals: { outputs },
            script: `var hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c", "prototype": "p", "kept": {"__proto__": {"deep": 1}, "value": 2}}');
                outputs.nested = hostile;
                Object.defineProperty(outputs, '__proto__', { value: { polluted: true }, enumerable: true });
                outputs.list = [hostile];`,
        })
        expect(Object.getPrototypeOf(outputs)).toBe(Object.prototype)
        expect(Object.hasOwn(outputs, '__proto__')).toBe(false)
        expect(outputs.polluted).toBeUndefined()
        const nested = outputs.nested as Record<string, unknown>
        expect(Object.getPrototypeOf(nested)).toBeNull()
        expect(Object.keys(nested)).toEqual(['kept'])
        expect(Object.keys(nested.kept as object)).toEqual(['value'])
        expect(Object.keys((outputs.list as Record<string, unknown>[])[0] ?? {})).toEqual(['kept'])
    })

    it('plainData keeps values and arrays, and gives objects no prototype', () => {
        const copied = plainData(JSON.parse('{"a": [1, "x", null, {"b": true}], "constructor": {}}')) as Record<
            string,
            unknown
        >
        expect(Object.getPrototypeOf(copied)).toBeNull()
        expect(copied).toEqual({ a: [1, 'x', null, { b: true }] })
    })

    it('refuses outputs over the bound, keeping nothing of them', async () => {
        const outputs: Record<string, unknown> = {}
        await expect(
            runPlatformScript(makeHost().host, {
                recordName: 'Big',
                level: 'es5',
                globals: { outputs },
                script: `outputs.small = 1; outputs.big = new Array(${String(MAX_OUTPUTS_CHARS + 2)}).join('x')`,
            })
        ).rejects.toThrow(`Big: outputs is larger than ${String(MAX_OUTPUTS_CHARS)} characters as JSON`)
        expect(outputs).toEqual({})
    })

    it("cuts one log line inside the sandbox and the run's log at its bound, then drops the rest", async () => {
        const { host, logs } = makeHost()
        const outputs = await outputsOf(
            `gs.info(new Array(${String(MAX_LOG_MESSAGE_CHARS + 100)}).join('y'));
             var line = new Array(1001).join('z'); for (var i = 0; i < 5000; i++) gs.info(line); outputs.done = true`,
            host
        )
        expect(outputs.done).toBe(true)
        expect(logs[0]?.message).toMatch(
            new RegExp(`^y{${String(MAX_LOG_MESSAGE_CHARS)}} \\[cut at ${String(MAX_LOG_MESSAGE_CHARS)} characters\\]$`)
        )
        expect(logs.length).toBeLessThanOrEqual(MAX_LOG_MESSAGES_PER_RUN)
        const total = logs.reduce((sum, entry) => sum + entry.message.length, 0)
        expect(total).toBeLessThan(MAX_LOG_CHARS_PER_RUN + 200)
        expect(logs.at(-1)?.message).toMatch(/log limit reached .* later lines are dropped\]$/)
    })

    it("stops at the log's line count too", async () => {
        const { host, logs } = makeHost()
        await outputsOf(`for (var i = 0; i < ${String(MAX_LOG_MESSAGES_PER_RUN * 3)}; i++) gs.info('line ' + i)`, host)
        expect(logs).toHaveLength(MAX_LOG_MESSAGES_PER_RUN)
        expect(logs.at(-2)?.message).toBe(`line ${String(MAX_LOG_MESSAGES_PER_RUN - 2)}`)
        expect(logs.at(-1)?.message).toMatch(/^line \d+ \[log limit reached/)
    })

    it('refuses a Glide API call over its bound as an error in the script, writing nothing', async () => {
        const { host, database } = makeHost()
        const outputs = await outputsOf(
            `var group = new GlideRecord('sys_user_group'); group.initialize();
             group.setValue('description', new Array(${String(MAX_HOST_CALL_CHARS + 10)}).join('d'));
             try { group.insert(); outputs.inserted = true } catch (e) { outputs.error = e.message }`,
            host
        )
        expect(outputs.error).toBe(`a Glide API call may carry at most ${String(MAX_HOST_CALL_CHARS)} characters`)
        expect(database.query('sys_user_group')).toEqual([])
    })

    it('cuts a huge error message at its bound', async () => {
        const failed = runPlatformScript(makeHost().host, {
            recordName: 'Loud',
            level: 'es5',
            script: "throw new Error(new Array(1000000).join('e'))",
        })
        await expect(failed).rejects.toThrow(`[cut at ${String(MAX_ERROR_MESSAGE_CHARS)} characters]`)
        const message = await failed.then(
            () => '',
            (error: unknown) => (error as Error).message
        )
        expect(message.length).toBeLessThan(MAX_ERROR_MESSAGE_CHARS + 100)
    })

    it('reads a thrown value with the built-ins as they were before the script replaced them', async () => {
        await expect(
            runPlatformScript(makeHost().host, {
                recordName: 'Tampered',
                level: 'es5',
                script: `String.prototype.slice = function () { return 'forged' }; JSON.stringify = function () { return '{"forged":1}' };
                         throw new Error(new Array(${String(MAX_ERROR_MESSAGE_CHARS + 10)}).join('e'))`,
            })
        ).rejects.toThrow(/^Tampered: e+ \[cut at/)
        const outputs = await outputsOf(
            "JSON.stringify = function () { return '{\"forged\":1}' }; outputs.kept = 'yes'"
        )
        expect(outputs).toEqual({ kept: 'yes' })
    })
})
