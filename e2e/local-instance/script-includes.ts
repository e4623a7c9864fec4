// Script Includes (sys_script_include) as the platform runs them for server-side scripts: each
// active include is reachable as `<scope>.<Name>` (its api_name), and by its bare name from a script
// of its own scope; it is compiled the first time a script of the run refers to it, and its script
// must define a class or function of the include's name (`var Name = Class.create(); Name.prototype =
// { initialize: ..., type: 'Name' }`). An include whose access is "this application scope only"
// (package_private) refuses a caller of another scope, with the platform's message.
//
// This module produces guest source: the text the sandbox evaluates before a run's script (the
// includes' scripts travel as strings, compiled lazily inside QuickJS), so nothing here runs a
// script and the sandbox gains no host function. Loading refuses, naming the record, what the local
// instance does not run: client-callable (GlideAjax) and mobile-callable includes, the sandbox
// (query condition) flag, caller restriction, and a script the app's JavaScript level rejects.
import { checkScriptSyntax, ScriptSyntaxError } from './glide-sandbox'
import type { JavaScriptLevel } from './glide-sandbox'
import type { LoadedRecord } from './payload-record'
import type { Database } from './tables'
import type { UnsupportedCollector } from './unsupported'

/** The scope name of a record's sys_scope (an app's sys_id), `global` for the global scope. */
export function scopeNameOf(database: Database, sysScope: string | undefined): string {
    if (sysScope === undefined || sysScope === '' || sysScope === 'global') return 'global'
    return database.get('sys_app', sysScope)?.scope || 'global'
}

const identifier = /^[A-Za-z_$][\w$]*$/

/** Fields of sys_script_include whose value changes nothing for a server-side call. */
const inertFields = new Set([
    'sys_id',
    'sys_scope',
    'sys_package',
    'sys_policy',
    'sys_name',
    'sys_update_name',
    'sys_class_name',
    'description',
    'name',
    'api_name',
    'script',
    'access',
    'active',
])

/** Refuses, at load, every sys_script_include the local instance would not run as the platform does. */
export function checkScriptIncludes(
    records: LoadedRecord[],
    level: JavaScriptLevel,
    unsupported: UnsupportedCollector
): void {
    for (const record of records) {
        if (record.table !== 'sys_script_include' || record.action === 'delete_multiple') continue
        const fields = record.fields
        const name = fields.name ?? ''
        const where = `${record.updateName} (script include "${name}")`
        if (!identifier.test(name))
            unsupported.add('input', where, `name "${name}" is not a JavaScript identifier: no script can call it`)
        const apiName = fields.api_name ?? ''
        if (apiName !== '' && !apiName.endsWith(`.${name}`))
            unsupported.add('input', where, `api_name "${apiName}" does not end in ".${name}" (the include's name)`)
        if (!['public', 'package_private', ''].includes(fields.access ?? ''))
            unsupported.add('input', where, `access "${fields.access ?? ''}" (public or package_private)`)
        for (const [field, why] of [
            ['client_callable', 'client-callable (GlideAjax) script includes are not run by the local instance'],
            ['mobile_callable', 'mobile-callable script includes are not run by the local instance'],
            [
                'sandbox_callable',
                'the local instance evaluates no script in query conditions (sandbox_callable is not modelled)',
            ],
        ] as const) {
            if (fields[field] === 'true') unsupported.add('input', where, `${field} = true: ${why}`)
        }
        // Tracking (1) only records callers; restriction (2) asks an admin to grant each calling scope.
        if (fields.caller_access === '2' && fields.access === 'public')
            unsupported.add('input', where, 'caller_access = restriction (cross-scope privileges) is not modelled')
        for (const [field, value] of Object.entries(fields)) {
            if (inertFields.has(field) || field.endsWith('_callable') || field === 'caller_access') continue
            if (value !== '' && value !== 'false')
                unsupported.add('input', where, `${field} = "${value}" is not modelled`)
        }
        try {
            checkScriptSyntax(fields.script ?? '', level, where)
        } catch (error) {
            if (!(error instanceof ScriptSyntaxError)) throw error
            unsupported.add('script-syntax', error.recordName, error.parseMessage)
        }
    }
}

interface GuestInclude {
    scope: string
    name: string
    recordName: string
    script: string
    /** Why referring to it fails for this caller (inactive, private to another scope); empty: it may be called. */
    refusal: string
}

/**
 * The guest source that makes the instance's Script Includes reachable from a script running in
 * `callerScope` (and `Class`, the platform's Class.create, which include scripts use). Evaluated in
 * the run's sandbox before its script.
 */
export function scriptIncludesSource(database: Database, callerScope: string): string {
    const includes: GuestInclude[] = database
        .query('sys_script_include')
        .map((record) => {
            const name = record.name ?? ''
            const apiName = record.api_name || `${scopeNameOf(database, record.sys_scope)}.${name}`
            const scope = apiName.slice(0, apiName.length - name.length - 1)
            const qualified = `${scope}.${name}`
            const refusal =
                record.active !== 'true'
                    ? `script include ${qualified} is inactive (its record's active is false)`
                    : record.access !== 'public' && scope !== callerScope
                      ? `Illegal access to private script include ${qualified} in scope ${scope} being called from scope ${callerScope} (its access is "This application scope only")`
                      : ''
            return {
                scope,
                name,
                recordName: `sys_script_include_${record.sys_id} (script include ${qualified})`,
                script: record.script ?? '',
                refusal,
            }
        })
        .filter((include) => identifier.test(include.name) && identifier.test(include.scope))
    return `;(${guestInstaller})(${JSON.stringify(includes)}, ${JSON.stringify(callerScope)})`
}

/**
 * Guest code (text, evaluated inside QuickJS; ES5 and self-contained, as glide-api.guest.js). Each
 * include is a lazy property of its scope's namespace object (and of the global object, by its bare
 * name, for a caller of its own scope, unless a global has that name): the first reference compiles
 * its script and takes the value of the variable named after it; later references in the run get the
 * same class. `Class` is the platform's Class.create(): a constructor handing its arguments to
 * prototype.initialize.
 */
const guestInstaller = `function installScriptIncludes(includes, callerScope) {
    'use strict'
    var root = globalThis
    if (root.Class === undefined) {
        root.Class = {
            create: function () {
                return function () {
                    if (typeof this.initialize === 'function') this.initialize.apply(this, arguments)
                }
            },
        }
    }
    var compile = eval
    function install(include) {
        var loaded = null
        var compiling = false
        function load() {
            if (include.refusal !== '') throw new Error(include.refusal)
            if (loaded) return loaded.value
            if (compiling) throw new Error(include.recordName + ': its script refers to itself before it is defined')
            compiling = true
            var value
            try {
                // The name is a local of the wrapper: a script that does not define it gives undefined.
                value = compile(
                    '(function () {\\nvar ' + include.name + ';\\n' + include.script + '\\n;return ' + include.name + '\\n})'
                )()
            } catch (error) {
                throw new Error(include.recordName + ': ' + (error && error.message !== undefined ? error.message : String(error)))
            } finally {
                compiling = false
            }
            if (value === undefined)
                throw new Error(include.recordName + ': its script defines no class or function ' + include.name)
            loaded = { value: value }
            return value
        }
        var property = { configurable: true, enumerable: false, get: load }
        if (!Object.prototype.hasOwnProperty.call(root, include.scope)) root[include.scope] = {}
        Object.defineProperty(root[include.scope], include.name, property)
        if (include.scope === callerScope && !(include.name in root)) Object.defineProperty(root, include.name, property)
    }
    for (var index = 0; index < includes.length; index += 1) install(includes[index])
}`
