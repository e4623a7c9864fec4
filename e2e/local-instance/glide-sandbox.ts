// Runs platform server-side JavaScript (a custom action's script step) the way the instance does:
// syntax checked at the app's JavaScript level, then executed in QuickJS, a JavaScript engine compiled
// to WebAssembly. The script shares no object with Node: it sees the Glide API (glide-api.guest.js,
// guest code), which reaches the host only through two functions that pass JSON text: one for the
// operations in `hostOperations` below, one for RESTMessageV2's HTTP call. An update set is untrusted
// input; this is the boundary that keeps its scripts away from process, require, fetch, timers and files.
//
// RESTMessageV2.execute() is synchronous on the platform. QuickJS's asyncify build lets a guest call
// wait on a host promise: the script sees a synchronous call while Node performs the request with
// node:http and keeps serving pages, so one slow Kpow call holds up only its own flow.
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { parse } from 'acorn'
import {
    newQuickJSAsyncWASMModule,
    type QuickJSAsyncContext,
    type QuickJSAsyncWASMModule,
    type QuickJSHandle,
} from 'quickjs-emscripten'
import type { Database } from './tables'
import { parseEncodedQuery } from '../../scripts/lib/update-set/index'
import { basicAuthorization } from '../../scripts/lib/common/index'
import { queueEvent } from './notifications'

/** sys_app.js_level: `helsinki_es5` is ES5 compatibility mode, `es_latest` is ECMAScript 2021. */
export type JavaScriptLevel = 'es5' | 'es2021'

export function javaScriptLevelOf(jsLevel: string | undefined): JavaScriptLevel {
    return jsLevel === 'es_latest' ? 'es2021' : 'es5'
}

export class ScriptSyntaxError extends Error {
    constructor(
        readonly recordName: string,
        readonly level: JavaScriptLevel,
        readonly parseMessage: string
    ) {
        super(
            `${recordName}: the platform would reject this script in ${level === 'es5' ? 'ES5 compatibility mode' : 'ECMAScript 2021 mode'}: ${parseMessage}`
        )
        this.name = 'ScriptSyntaxError'
    }
}

export class ScriptRuntimeError extends Error {
    constructor(
        readonly recordName: string,
        message: string
    ) {
        super(`${recordName}: ${message}`)
        this.name = 'ScriptRuntimeError'
    }
}

/** Raised by a host operation; its message reaches the script as an Error, as the platform's would. */
class GlideApiError extends Error {}

export function checkScriptSyntax(script: string, level: JavaScriptLevel, recordName: string): void {
    try {
        parse(script, {
            ecmaVersion: level === 'es5' ? 5 : 2021,
            sourceType: 'script',
            allowReturnOutsideFunction: false,
        })
    } catch (error) {
        throw new ScriptSyntaxError(recordName, level, error instanceof Error ? error.message : String(error))
    }
}

export type ScriptLogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface ResolvedConnection {
    aliasSysId: string
    aliasId: string
    name: string
    connectionUrl: string
    userName: string
    password: string
}

export interface SandboxHost {
    database: Database
    /** sys_id of the user the script runs as (gs.getUserID()). */
    userSysId: string
    properties: Readonly<Record<string, string>>
    /** Alias sys_id (or alias id) -> connection and Basic credential. */
    resolveConnection(aliasSysIdOrId: string): ResolvedConnection | undefined
    log(level: ScriptLogLevel, message: string): void
    /** Sandboxes made ready ahead of the steps (sandbox-pool.ts); without: one is made when a step starts. */
    sandboxes?: ScriptSandboxSource
    /**
     * Guest source making the instance's Script Includes reachable from a script of `callerScope`
     * (script-includes.ts), evaluated before the script; without: no include exists.
     */
    scriptIncludes?(callerScope: string): string
}

export interface RunScriptOptions {
    script: string
    recordName: string
    level: JavaScriptLevel
    /** The application scope the script's record belongs to (`x_kpow_jit`): which Script Includes it may call. Default global. */
    scope?: string
    /**
     * Objects made available to the script as globals (a script step's `inputs` and `outputs`). They are
     * copied in as JSON, and what the script leaves in them is copied back into the same objects.
     */
    globals?: Record<string, Record<string, unknown>>
    /**
     * The script step's time limit, wall clock, time spent waiting in RESTMessageV2.execute() included
     * (default STEP_TIME_LIMIT_MS): past it the step is stopped where it is, as the platform stops it.
     */
    timeoutMs?: number
    /**
     * For tests only: multiplies the step's time limit and every RESTMessageV2 timeout (0.01 turns the
     * 30 s limit into 300 ms), so a test sees a real timeout without waiting for it. Scripts and the
     * notes they write still see the unscaled numbers. The platform has no such knob.
     */
    timeScale?: number
}

/** The platform's default RESTMessageV2 timeout is not documented for script steps; 60 s is its outbound HTTP default. */
export const DEFAULT_HTTP_TIMEOUT_MS = 60_000
/**
 * How long a script step may run before the platform stops it: 30 s: a step was seen stopped
 * in the middle of a 30 s RESTMessageV2 wait, before it could write its note [unverified: ServiceNow's
 * documentation names no such limit; only a PDI confirms it]. What was written before stays written.
 */
export const STEP_TIME_LIMIT_MS = 30_000
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024
const STACK_LIMIT_BYTES = 512 * 1024

const guestGlideApi = readFileSync(new URL('./glide-api.guest.js', import.meta.url), 'utf8')

// Each run gets a WebAssembly module of its own: an asyncified module can hold only one suspended call
// at a time, so scripts running at the same time must not share one, and nothing a script did (globals,
// prototypes, memory, a pending interrupt) can survive into the next. The module is made ready before
// the step asks for it (sandbox-pool.ts) when the host has a pool; otherwise here, on the step's path.
export async function runPlatformScript(host: SandboxHost, options: RunScriptOptions): Promise<void> {
    checkScriptSyntax(options.script, options.level, options.recordName)
    const sandbox = await (host.sandboxes ?? unpooledSandboxes).take()
    const context = sandbox.context
    const timeScale = options.timeScale ?? 1
    const limitMs = options.timeoutMs ?? STEP_TIME_LIMIT_MS
    const step = new StepClock(limitMs * timeScale)
    const stoppedError = () =>
        new ScriptRuntimeError(
            options.recordName,
            `stopped at the script step's ${String(limitMs)} ms time limit, as the platform stops a step that runs longer (it was still running; nothing after that point ran)`
        )
    try {
        sandbox.bind({ operations: hostOperations(host), host, step, timeScale })
        if (host.scriptIncludes) evaluate(context, host.scriptIncludes(options.scope ?? 'global'), 'script includes')
        for (const [name, value] of Object.entries(options.globals ?? {})) {
            evaluate(context, `globalThis[${JSON.stringify(name)}] = ${JSON.stringify(value)}`, name)
        }
        // The limit counts the script's own time, not the sandbox's set-up (slow on a busy machine).
        step.start()
        const outcome = await context.evalCodeAsync(options.script, options.recordName, { type: 'global' })
        if (step.stopped()) {
            if (outcome.error) outcome.error.dispose()
            else outcome.value.dispose()
            throw stoppedError()
        }
        if (outcome.error) throw new ScriptRuntimeError(options.recordName, guestErrorMessage(context, outcome.error))
        outcome.value.dispose()
        for (const [name, target] of Object.entries(options.globals ?? {})) {
            Object.assign(target, JSON.parse(evaluate(context, exportGlobal(name), name)) as object)
        }
    } catch (error) {
        if (error instanceof ScriptRuntimeError) throw error
        throw new ScriptRuntimeError(options.recordName, error instanceof Error ? error.message : String(error))
    } finally {
        step.end()
        sandbox.dispose()
    }
}

/** Where a run's sandbox comes from: a pool (sandbox-pool.ts) or, without one, made for the run. */
export interface ScriptSandboxSource {
    /** A sandbox nobody has run a script in; the caller disposes it after its one run. */
    take(): Promise<ScriptSandbox>
}

/** What a sandbox's host functions and interrupt handler serve: the one run it is bound to. */
interface SandboxRun {
    operations: Record<string, HostOperation>
    host: SandboxHost
    step: StepClock
    timeScale: number
}

/**
 * A QuickJS module with its limits, host functions and the Glide API installed, waiting for its one
 * run. Until `bind`, its host functions answer nothing and its interrupt handler never stops it.
 */
export class ScriptSandbox {
    private run: SandboxRun | undefined
    private disposed = false

    private constructor(
        readonly context: QuickJSAsyncContext,
        private readonly onDispose: () => void
    ) {}

    /**
     * Makes a sandbox ready: a module of its own from `newModule`, the limits, the bridge, the Glide API.
     * `onDispose` runs once the sandbox is disposed (a pool refills then).
     */
    static async prepare(
        newModule: () => Promise<QuickJSAsyncWASMModule>,
        onDispose: () => void = () => {}
    ): Promise<ScriptSandbox> {
        const context = (await newModule()).newContext()
        const sandbox = new ScriptSandbox(context, onDispose)
        try {
            context.runtime.setMemoryLimit(MEMORY_LIMIT_BYTES)
            context.runtime.setMaxStackSize(STACK_LIMIT_BYTES)
            context.runtime.setInterruptHandler(() => sandbox.run?.step.stopped() ?? false)
            installHostFunctions(context, () => sandbox.run)
            evaluate(context, guestGlideApi, 'glide-api.guest.js')
        } catch (error) {
            sandbox.dispose()
            throw error
        }
        return sandbox
    }

    /** Hands the sandbox to its run; a sandbox serves one run only. */
    bind(run: SandboxRun): void {
        if (this.run || this.disposed) throw new Error('a script sandbox serves one run only')
        this.run = run
    }

    dispose(): void {
        if (this.disposed) return
        this.disposed = true
        this.context.dispose()
        this.onDispose()
    }
}

/** The path without a pool: a fresh module (newQuickJSAsyncWASMModule compiles or reuses V8's code) per run. */
const unpooledSandboxes: ScriptSandboxSource = {
    take: () => ScriptSandbox.prepare(() => newQuickJSAsyncWASMModule()),
}

/**
 * A script step's wall clock. Once its limit passes the step is stopped: the interrupt handler ends the
 * guest's code, a RESTMessageV2 call in flight is abandoned, and no host operation runs any more, so
 * the script cannot write anything after the point the platform would have stopped it.
 */
class StepClock {
    private deadline = Infinity
    private timer: NodeJS.Timeout | undefined
    private abandonHttp: (() => void) | undefined

    constructor(private readonly limitMs: number) {}

    start(): void {
        this.deadline = Date.now() + this.limitMs
        this.timer = setTimeout(() => this.abandonHttp?.(), this.limitMs + 1)
        this.timer.unref()
    }

    stopped(): boolean {
        return Date.now() >= this.deadline
    }

    /** Registers how to abandon the HTTP call in flight when the limit passes; returns how to unregister. */
    whileWaiting(abandon: () => void): () => void {
        this.abandonHttp = abandon
        return () => (this.abandonHttp = undefined)
    }

    end(): void {
        clearTimeout(this.timer)
    }
}

/**
 * Compiles QuickJS's WebAssembly once ahead of the first script step: V8 keeps the compiled code for the
 * process, so the first order does not pay for the compilation (hundreds of milliseconds on a busy machine).
 */
export async function warmUpScriptSandbox(): Promise<void> {
    ;(await ScriptSandbox.prepare(() => newQuickJSAsyncWASMModule())).dispose()
}

/** Copies a global object out of the guest as JSON; values JSON cannot carry (a GlideElement) become their text. */
function exportGlobal(name: string): string {
    return `JSON.stringify(globalThis[${JSON.stringify(name)}], function (key, value) {
        if (key === '' || value === null || value === undefined) return value === undefined ? null : value
        if (typeof value === 'function') return String(value)
        if (typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
            return String(value)
        }
        return value
    })`
}

function evaluate(context: QuickJSAsyncContext, code: string, fileName: string): string {
    const outcome = context.evalCode(code, fileName, { type: 'global' })
    if (outcome.error) throw new Error(`${fileName}: ${guestErrorMessage(context, outcome.error)}`)
    return outcome.value.consume((value) => String(context.dump(value)))
}

function guestErrorMessage(context: QuickJSAsyncContext, error: QuickJSHandle): string {
    return error.consume((handle) => {
        const thrown: unknown = context.dump(handle)
        if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
            const name = 'name' in thrown && thrown.name !== 'Error' ? `${String(thrown.name)}: ` : ''
            return `${name}${String(thrown.message)}`
        }
        return String(thrown)
    })
}

function installHostFunctions(context: QuickJSAsyncContext, boundRun: () => SandboxRun | undefined): void {
    context
        .newFunction('__glideHost', (operationHandle, argumentsHandle) => {
            const operation = context.getString(operationHandle)
            const args = JSON.parse(context.getString(argumentsHandle)) as unknown[]
            const run = boundRun()
            // A stopped step does nothing more: no record is read or written after the limit.
            const result = !run
                ? { error: 'the Glide API answers only a running script' }
                : run.step.stopped()
                  ? { error: 'the script step was stopped at its time limit' }
                  : answer(() => callOperation(run.operations, operation, args))
            return context.newString(JSON.stringify(result))
        })
        .consume((handle) => context.setProp(context.global, '__glideHost', handle))
    context
        .newAsyncifiedFunction('__glideHttp', async (requestHandle) => {
            const request = JSON.parse(context.getString(requestHandle)) as GuestHttpRequest
            const run = boundRun()
            if (!run)
                return context.newString(JSON.stringify({ failure: 'the Glide API answers only a running script' }))
            const abandon = new AbortController()
            const stopWaiting = run.step.whileWaiting(() => abandon.abort())
            try {
                return context.newString(
                    JSON.stringify(await performHttpRequest(run.host, request, run.timeScale, abandon.signal))
                )
            } finally {
                stopWaiting()
            }
        })
        .consume((handle) => context.setProp(context.global, '__glideHttp', handle))
    context
        .newString(JSON.stringify({ defaultHttpTimeoutMs: DEFAULT_HTTP_TIMEOUT_MS }))
        .consume((handle) => context.setProp(context.global, '__glideConfig', handle))
}

function answer(operation: () => unknown): { value: unknown } | { error: string } {
    try {
        const value = operation()
        return { value: value === undefined ? null : value }
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) }
    }
}

type HostOperation = (...args: unknown[]) => unknown

function callOperation(operations: Record<string, HostOperation>, name: string, args: unknown[]): unknown {
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined
    if (!operation) throw new GlideApiError(`unknown host operation ${name}`)
    return operation(...args)
}

/** Arguments arrive as JSON from the guest: text is taken as text, anything else by its string form. */
function asText(value: unknown): string {
    return value === null || value === undefined ? '' : String(value)
}

/** Everything a script can ask of the instance. Each answer is plain data (JSON), never a host object. */
function hostOperations(host: SandboxHost): Record<string, HostOperation> {
    const { database } = host
    const writer = () => userName(database, host.userSysId, 'system')
    return {
        log: (level, message) => host.log(asText(level) as ScriptLogLevel, asText(message)),
        currentUser: () => ({ sysId: host.userSysId, userName: userName(database, host.userSysId, '') }),
        property: (name) => host.properties[asText(name)] ?? null,
        now: () => database.now().getTime(),
        connection: (aliasId) => connectionInfo(host.resolveConnection(asText(aliasId))),
        credential: (profileId) => {
            const credential = database.get('basic_auth_credentials', asText(profileId))
            if (!credential) throw new GlideApiError(`no basic_auth_credentials record ${asText(profileId)}`)
            return { user_name: credential.user_name ?? '', password: credential.password ?? '' }
        },
        checkTable: (table) => void database.schema(asText(table)),
        checkField: (table, field) => void database.field(asText(table), asText(field)),
        hasField: (table, field) => database.hasField(asText(table), asText(field)),
        checkEncodedQuery: (query) => void parseEncodedQuery(asText(query)),
        referenceTable: (table, field) => database.describePath(asText(table), asText(field)).field.reference ?? '',
        resolvePath: (table, sysId, path) => database.resolvePath(asText(table), asText(sysId), asText(path)),
        displayValue: (table, sysId, field) => database.displayValue(asText(table), asText(sysId), asText(field)),
        recordDisplayValue: (table, sysId) => database.recordDisplayValue(asText(table), asText(sysId)),
        query: (table, query) => database.query(asText(table), asText(query)),
        journalEntries: (table, sysId, field) =>
            database
                .journal(asText(table), asText(sysId), asText(field))
                .reverse()
                .map((entry) => ({
                    createdOn: entry.createdOn,
                    author: database.query('sys_user', `user_name=${entry.author}`)[0]?.name || entry.author,
                    label: journalLabels[asText(field)] ?? asText(field),
                    value: entry.value,
                })),
        get: (table, sysId) => database.get(asText(table), asText(sysId)) ?? null,
        insert: (table, values) => {
            const { sys_id: requestedId, ...fields } = stringFields(values)
            return database.insert(asText(table), requestedId ? { ...fields, sys_id: requestedId } : fields, writer())
        },
        eventQueue: (name, table, sysId, parm1, parm2) =>
            void queueEvent(database, {
                name: asText(name),
                table: asText(table),
                sysId: asText(sysId),
                parm1: asText(parm1),
                parm2: asText(parm2),
                userSysId: host.userSysId,
            }),
        update: (table, sysId, values) => {
            const writable = Object.fromEntries(
                Object.entries(stringFields(values)).filter(
                    ([field]) => !field.startsWith('sys_') || field === 'sys_scope'
                )
            )
            return database.update(asText(table), asText(sysId), writable, writer())
        },
    }
}

/** How the platform labels a journal entry's field in getJournalEntry()'s text. */
const journalLabels: Readonly<Record<string, string>> = { work_notes: 'Work notes', comments: 'Additional comments' }

function stringFields(values: unknown): Record<string, string> {
    if (values === null || typeof values !== 'object') return {}
    return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, asText(value)])) as Record<
        string,
        string
    >
}

function connectionInfo(connection: ResolvedConnection | undefined): object | null {
    if (!connection) return null
    return {
        attributes: {
            connection_url: connection.connectionUrl,
            name: connection.name,
            connection_alias: connection.aliasSysId,
        },
        credential: { user_name: connection.userName, password: connection.password, type: 'basic' },
    }
}

interface GuestHttpRequest {
    endpoint: string
    method: string
    body?: string
    timeoutMs: number
    headers: Record<string, string>
    basicAuth: [string, string] | null
    queryParameters: [string, string][]
}

type GuestHttpResult =
    { status: number; body: string; headers: [string, string][]; errorMessage: string } | { failure: string }

/** The HTTP call behind RESTMessageV2.execute(): a transport failure is a response with status 0, as on the platform. */
async function performHttpRequest(
    host: SandboxHost,
    request: GuestHttpRequest,
    timeScale: number,
    abandon: AbortSignal
): Promise<GuestHttpResult> {
    let url: URL
    try {
        url = new URL(request.endpoint)
    } catch {
        return { failure: `RESTMessageV2: "${request.endpoint}" is not a valid URL` }
    }
    for (const [name, value] of request.queryParameters) url.searchParams.append(name, value)
    const method = request.method.toUpperCase()
    const headers = { ...request.headers }
    if (request.basicAuth) {
        headers.Authorization = basicAuthorization(request.basicAuth[0], request.basicAuth[1])
    }
    const timeoutMs =
        Number.isFinite(request.timeoutMs) && request.timeoutMs > 0 ? request.timeoutMs : DEFAULT_HTTP_TIMEOUT_MS
    host.log('debug', `RESTMessageV2 ${method} ${url.toString()} (timeout ${String(timeoutMs)} ms)`)
    try {
        const response = await sendHttpRequest(url, method, headers, request.body, timeoutMs, timeScale, abandon)
        host.log('debug', `RESTMessageV2 answered ${String(response.status)}`)
        const errorMessage =
            response.status >= 400 ? `Method failed: (${url.pathname}) with code: ${String(response.status)}` : ''
        return { ...response, errorMessage }
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        host.log('debug', `RESTMessageV2 failed: ${message}`)
        return { status: 0, body: '', headers: [], errorMessage: message }
    }
}

/**
 * One HTTP exchange with node:http(s), which is always loaded (fetch lazily loads undici, which cost the
 * first Kpow call of a process most of a second on a busy machine). Redirects are not followed. The
 * timeout is setHttpTimeout's: the whole exchange, connecting to the last byte of the answer; the
 * request is dropped when it passes (or when the step is stopped), whatever the server still does.
 */
function sendHttpRequest(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
    timeScale: number,
    abandon: AbortSignal
): Promise<{ status: number; body: string; headers: [string, string][] }> {
    const payload = ['GET', 'HEAD'].includes(method) || body === undefined ? undefined : Buffer.from(body, 'utf8')
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined
    if (!send) return Promise.reject(new Error(`unsupported protocol ${url.protocol} (http or https only)`))
    return new Promise((resolve, reject) => {
        const outgoing = send(url, {
            method,
            headers: payload ? { ...headers, 'Content-Length': String(payload.length) } : headers,
        })
        const timer = setTimeout(
            () => outgoing.destroy(new Error(`Request timed out after ${String(timeoutMs)} ms`)),
            timeoutMs * timeScale
        )
        const onAbandon = () => outgoing.destroy(new Error('the script step was stopped at its time limit'))
        abandon.addEventListener('abort', onAbandon, { once: true })
        outgoing.on('close', () => abandon.removeEventListener('abort', onAbandon))
        outgoing.on('error', (error) => {
            clearTimeout(timer)
            reject(error)
        })
        outgoing.on('response', (incoming) => {
            const chunks: Buffer[] = []
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
            incoming.on('error', (error) => {
                clearTimeout(timer)
                reject(error)
            })
            incoming.on('end', () => {
                clearTimeout(timer)
                resolve({
                    status: incoming.statusCode ?? 0,
                    body: Buffer.concat(chunks).toString('utf8'),
                    headers: Object.entries(incoming.headers).map(([name, value]) => [
                        name,
                        Array.isArray(value) ? value.join(', ') : (value ?? ''),
                    ]),
                })
            })
        })
        outgoing.end(payload)
    })
}

function userName(database: Database, userSysId: string, fallback: string): string {
    return database.get('sys_user', userSysId)?.user_name ?? fallback
}
