import { describe, expect, it } from 'vitest'
import { runPlatformScript } from './glide-sandbox'
import type { LoadedRecord } from './payload-record'
import { checkScriptIncludes, scriptIncludesSource } from './script-includes'
import { makeScriptHost, outputsOf } from './test/script-host'
import { UnsupportedCollector } from './unsupported'

const APP = '4b7a1d3c5e6f47a8b9c0d1e2f3a4b5c6'
const OTHER_APP = '5c8b2e4d6f7a48b9c0d1e2f3a4b5c6d7'

const greeter = `var KpowGreeter = Class.create();
KpowGreeter.prototype = {
    initialize: function (name) {
        this.name = name;
        KpowGreeter.made = (KpowGreeter.made || 0) + 1;
    },
    greet: function () {
        return 'hello ' + this.name + ' from ' + gs.getUserName();
    },
    type: 'KpowGreeter'
};`

/** A host whose database holds two apps and the given includes (in the first app unless told). */
function hostWithIncludes(includes: Record<string, string>[]) {
    const made = makeScriptHost()
    made.database.insert('sys_app', { sys_id: APP, name: 'Kpow JIT', scope: 'x_kpow_jit' })
    made.database.insert('sys_app', { sys_id: OTHER_APP, name: 'Other', scope: 'x_other' })
    for (const include of includes)
        made.database.insert('sys_script_include', {
            sys_scope: APP,
            access: 'package_private',
            active: 'true',
            ...include,
            api_name: include.api_name ?? `x_kpow_jit.${include.name ?? ''}`,
        })
    const host = { ...made.host, scriptIncludes: (scope: string) => scriptIncludesSource(made.database, scope) }
    return { ...made, host }
}

async function run(
    host: ReturnType<typeof hostWithIncludes>['host'],
    scope: string,
    script: string
): Promise<Record<string, unknown>> {
    const outputs: Record<string, unknown> = {}
    await runPlatformScript(host, { recordName: 'the caller', level: 'es5', scope, globals: { outputs }, script })
    return outputs
}

describe('Script Includes in the sandbox', () => {
    it('runs a Class.create include called as new scope.Name(), with initialize and the Glide API', async () => {
        const { host } = hostWithIncludes([{ name: 'KpowGreeter', script: greeter }])
        const outputs = await run(
            host,
            'x_kpow_jit',
            `var greeter = new x_kpow_jit.KpowGreeter('Abel');
             outputs.text = greeter.greet();
             outputs.type = greeter.type;
             outputs.bare = new KpowGreeter('Beth').greet();
             outputs.same = x_kpow_jit.KpowGreeter === KpowGreeter;
             outputs.made = KpowGreeter.made;`
        )
        expect(outputs).toEqual({
            text: 'hello Abel from abel.tuter',
            type: 'KpowGreeter',
            bare: 'hello Beth from abel.tuter',
            same: true,
            made: 2,
        })
    })

    it('lets one include call another, and compiles each run afresh', async () => {
        const { host } = hostWithIncludes([
            { name: 'KpowGreeter', script: greeter },
            {
                name: 'KpowNotes',
                script: `var KpowNotes = Class.create();
KpowNotes.prototype = {
    initialize: function () {},
    note: function (who) { return '[note] ' + new x_kpow_jit.KpowGreeter(who).greet(); },
    type: 'KpowNotes'
};`,
            },
        ])
        const script = `outputs.note = new x_kpow_jit.KpowNotes().note('Carl'); outputs.made = x_kpow_jit.KpowGreeter.made;`
        expect(await run(host, 'x_kpow_jit', script)).toEqual({ note: '[note] hello Carl from abel.tuter', made: 1 })
        // A class property set by the last run is gone: nothing a run did survives into the next.
        expect(await run(host, 'x_kpow_jit', script)).toEqual({ note: '[note] hello Carl from abel.tuter', made: 1 })
    })

    it('takes a classless (function) include', async () => {
        const { host } = hostWithIncludes([
            { name: 'kpowTwice', script: 'function kpowTwice(value) { return value * 2; }' },
        ])
        expect(await run(host, 'x_kpow_jit', 'outputs.value = x_kpow_jit.kpowTwice(21);')).toEqual({ value: 42 })
    })

    it('refuses a private include to another scope with the platform message, and serves a public one', async () => {
        const { host } = hostWithIncludes([
            { name: 'KpowGreeter', script: greeter },
            { name: 'KpowPublic', access: 'public', script: 'function KpowPublic() { return "public"; }' },
        ])
        await expect(run(host, 'x_other', "new x_kpow_jit.KpowGreeter('x');")).rejects.toThrow(
            'Illegal access to private script include x_kpow_jit.KpowGreeter in scope x_kpow_jit being called from scope x_other'
        )
        expect(
            await run(host, 'x_other', 'outputs.value = x_kpow_jit.KpowPublic(); outputs.bare = typeof KpowPublic;')
        ).toEqual({ value: 'public', bare: 'undefined' })
    })

    it('refuses an inactive include, naming it', async () => {
        const { host } = hostWithIncludes([{ name: 'KpowGreeter', script: greeter, active: 'false' }])
        await expect(run(host, 'x_kpow_jit', "new x_kpow_jit.KpowGreeter('x');")).rejects.toThrow(
            'script include x_kpow_jit.KpowGreeter is inactive'
        )
    })

    it('compiles an include only when referred to, and names it when its script fails or defines nothing', async () => {
        const { host } = hostWithIncludes([
            { name: 'KpowBroken', script: "throw new Error('no connection configured');" },
            { name: 'KpowMisnamed', script: 'var SomethingElse = Class.create();' },
        ])
        expect(await run(host, 'x_kpow_jit', 'outputs.value = 1;')).toEqual({ value: 1 })
        await expect(run(host, 'x_kpow_jit', 'new x_kpow_jit.KpowBroken();')).rejects.toThrow(
            /sys_script_include_\w+ \(script include x_kpow_jit\.KpowBroken\): no connection configured/
        )
        await expect(run(host, 'x_kpow_jit', 'new x_kpow_jit.KpowMisnamed();')).rejects.toThrow(
            'its script defines no class or function KpowMisnamed'
        )
    })

    it('leaves a host without includes as it was: no namespace, no Class', async () => {
        expect(await outputsOf('outputs.value = typeof x_kpow_jit + typeof Class;')).toEqual({
            value: 'undefinedundefined',
        })
    })
})

const include = (fields: Record<string, string>): LoadedRecord => ({
    table: 'sys_script_include',
    action: 'INSERT_OR_UPDATE',
    sysId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    updateName: 'sys_script_include_a1b2c3d4e5f60718293a4b5c6d7e8f90',
    fields: {
        name: 'KpowClient',
        api_name: 'x_kpow_jit.KpowClient',
        script: 'var KpowClient = Class.create();',
        access: 'package_private',
        active: 'true',
        client_callable: 'false',
        mobile_callable: 'false',
        sandbox_callable: 'false',
        caller_access: '',
        sys_name: 'KpowClient',
        sys_scope: APP,
        ...fields,
    },
})

function problems(record: LoadedRecord): string[] {
    const unsupported = new UnsupportedCollector()
    checkScriptIncludes([record], 'es5', unsupported)
    return unsupported.list().map((item) => `${item.where}: ${item.detail}`)
}

describe('Script Includes the local instance loads', () => {
    it('takes a server-side include as the SDK writes it', () => {
        expect(problems(include({}))).toEqual([])
    })

    it('refuses, naming the record and field, what it does not run', () => {
        const where = 'sys_script_include_a1b2c3d4e5f60718293a4b5c6d7e8f90 (script include "KpowClient")'
        expect(problems(include({ client_callable: 'true' }))).toEqual([
            `${where}: client_callable = true: client-callable (GlideAjax) script includes are not run by the local instance`,
        ])
        expect(problems(include({ access: 'public', caller_access: '2' }))).toEqual([
            `${where}: caller_access = restriction (cross-scope privileges) is not modelled`,
        ])
        expect(problems(include({ api_name: 'x_kpow_jit.Other' }))).toEqual([
            `${where}: api_name "x_kpow_jit.Other" does not end in ".KpowClient" (the include's name)`,
        ])
        expect(problems(include({ script: 'const KpowClient = () => 1;' }))[0]).toMatch(
            /^sys_script_include_\w+ \(script include "KpowClient"\): .*(const|reserved)/
        )
    })
})
