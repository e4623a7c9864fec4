// Runs platform server-side JavaScript (a custom action's script step, a UI action's condition and
// script) the way the instance does: syntax checked at the app's JavaScript level, then executed in
// QuickJS, a JavaScript engine compiled to WebAssembly, on a thread of its own (sandbox-thread.ts). The
// script shares no object with Node: it sees the Glide API (glide-api.guest.js, guest code), which
// reaches the instance only through one function passing JSON text, answered here from the table of
// host operations below. An update set is untrusted input; this is the boundary that keeps its scripts
// away from process, require, fetch, timers and files, and every bound on a run is in sandbox-limits.ts.
//
// RESTMessageV2.execute() is synchronous on the platform. The script's thread sleeps while the instance
// performs the request with node:http and keeps serving pages, so one slow Kpow call holds up only its
// own flow.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { parse } from 'acorn'
import type { Database } from './tables'
import { parseEncodedQuery } from '../../scripts/lib/update-set/index'
import { basicAuthorization } from '../../scripts/lib/common/index'
import { queueEvent } from './notifications'
import {
    DEFAULT_HTTP_TIMEOUT_MS,
    MAX_LOG_CHARS_PER_RUN,
    MAX_LOG_MESSAGES_PER_RUN,
    MAX_OUTPUTS_CHARS,
    MAX_REST_RESPONSE_BYTES,
    STEP_TIME_LIMIT_MS,
} from './sandbox-limits'
import { ScriptSandboxPool, whenSandboxesReady } from './sandbox-pool'
import type { ScriptSandboxSource } from './sandbox-thread'
import { describeEnd, quickJsWebAssembly } from './sandbox-thread'

export type { ScriptSandboxSource } from './sandbox-thread'

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
    /** For tests only: RunScriptOptions.timeScale for every run on this host that names none. */
    timeScale?: number
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

export { DEFAULT_HTTP_TIMEOUT_MS, STEP_TIME_LIMIT_MS }

let sharedSandboxes: ScriptSandboxPool | undefined

/**
 * Where runs of a host without a pool of its own take their sandboxes: one shared pool that keeps
 * none ready (each run makes its fresh sandbox on its path) but keeps a thread for the next run.
 */
function sandboxesWithoutPool(): ScriptSandboxSource {
    sharedSandboxes ??= new ScriptSandboxPool(0)
    return sharedSandboxes
}

// Each run gets a sandbox of its own (a fresh QuickJS module in a thread, sandbox-thread.ts), made ready
// before the step asks for it (sandbox-pool.ts): nothing a script did (globals, prototypes, memory) can
// survive into the next, and nothing it does holds up the instance's event loop.
export async function runPlatformScript(host: SandboxHost, options: RunScriptOptions): Promise<void> {
    checkScriptSyntax(options.script, options.level, options.recordName)
    const sandboxes = host.sandboxes ?? sandboxesWithoutPool()
    const thread = await sandboxes.take()
    const timeScale = options.timeScale ?? host.timeScale ?? 1
    const limitMs = options.timeoutMs ?? STEP_TIME_LIMIT_MS
    const step = new StepClock(limitMs * timeScale, () => thread.terminate())
    const fail = (message: string) => new ScriptRuntimeError(options.recordName, message)
    const runLog = new RunLog(host.log)
    const operations = hostOperations({ ...host, log: runLog.write }, runLog, step, timeScale)
    const globals = Object.entries(options.globals ?? {})
    try {
        // The limit counts from here: the sandbox was made before, off the step's time.
        step.start()
        const result = await thread.run(
            {
                script: options.script,
                recordName: options.recordName,
                prelude: host.scriptIncludes?.(options.scope ?? 'global') ?? '',
                globals: globals.map(([name, value]) => [name, JSON.stringify(value)]),
                exports: globals.map(([name]) => name),
            },
            (operation, args) => answerCall(operations, step, operation, args)
        )
        if (step.stopped() || result.kind === 'terminated')
            throw fail(
                `stopped at the script step's ${String(limitMs)} ms time limit, as the platform stops a step that runs longer (it was still running; nothing after that point ran)`
            )
        if (result.kind !== 'finished') throw fail(describeEnd(result))
        if (!result.outcome.ok) throw fail(result.outcome.message)
        const exported = new Map(result.outcome.exported)
        for (const [name, target] of globals) {
            const json = exported.get(name) ?? 'null'
            if (json.length > MAX_OUTPUTS_CHARS)
                throw fail(
                    `${name} is larger than ${String(MAX_OUTPUTS_CHARS)} characters as JSON: nothing of it was kept`
                )
            Object.assign(target, plainData(JSON.parse(json)))
        }
    } finally {
        step.end()
        sandboxes.release(thread)
    }
}

/**
 * Compiles QuickJS's WebAssembly ahead of the first script step (hundreds of milliseconds on a busy
 * machine) and waits until the process's pools have their sandboxes ready.
 */
export async function warmUpScriptSandbox(): Promise<void> {
    await quickJsWebAssembly()
    // The first order's steps take sandboxes made now, not threads started on their path (a second each on a busy machine).
    await whenSandboxesReady()
}

/** Keys that would reach an object's prototype machinery if copied onto a host object. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Data from a script (parsed JSON) as plain data: objects become objects without a prototype, and keys
 * that name prototype machinery are dropped, so nothing a script hands over can change a host object's
 * prototype or shadow its constructor.
 */
export function plainData(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plainData)
    if (value === null || typeof value !== 'object') return value
    const copy = Object.create(null) as Record<string, unknown>
    for (const [key, item] of Object.entries(value)) if (!prototypeKeys.has(key)) copy[key] = plainData(item)
    return copy
}

/**
 * What a run may log (MAX_LOG_CHARS_PER_RUN, MAX_LOG_MESSAGES_PER_RUN): past either bound the line is
 * cut with a marker, later lines are dropped, and `write` answers false so the script stops sending.
 */
class RunLog {
    private characters = 0
    private messages = 0
    private closed = false

    constructor(private readonly sink: (level: ScriptLogLevel, message: string) => void) {}

    readonly write = (level: ScriptLogLevel, message: string): boolean => {
        if (this.closed) return false
        const room = MAX_LOG_CHARS_PER_RUN - this.characters
        this.messages += 1
        if (message.length <= room && this.messages < MAX_LOG_MESSAGES_PER_RUN) {
            this.characters += message.length
            this.sink(level, message)
            return true
        }
        this.closed = true
        this.sink(
            level,
            `${message.slice(0, Math.max(0, room))} [log limit reached (${String(MAX_LOG_MESSAGES_PER_RUN)} lines or ${String(MAX_LOG_CHARS_PER_RUN)} characters per run): later lines are dropped]`
        )
        return false
    }
}

/**
 * A script step's wall clock. Once its limit passes the step is stopped: `onLimit` ends the script's
 * thread wherever it is, a RESTMessageV2 call in flight is abandoned, and no host operation runs any
 * more, so the script cannot write anything after the point the platform would have stopped it.
 */
class StepClock {
    private deadline = Infinity
    private timer: NodeJS.Timeout | undefined
    private readonly abandon = new AbortController()

    constructor(
        private readonly limitMs: number,
        private readonly onLimit: () => void
    ) {}

    start(): void {
        this.deadline = Date.now() + this.limitMs
        this.timer = setTimeout(() => {
            this.abandon.abort()
            this.onLimit()
        }, this.limitMs)
        // The run's thread keeps the process alive while it runs; the clock need not.
        this.timer.unref()
    }

    stopped(): boolean {
        return Date.now() >= this.deadline
    }

    /** Aborted when the limit passes: the HTTP call in flight is dropped. */
    get signal(): AbortSignal {
        return this.abandon.signal
    }

    end(): void {
        clearTimeout(this.timer)
    }
}

/** Answers one Glide API call as JSON text: `{ value }`, or `{ error }` the script sees as an Error. */
async function answerCall(
    operations: Record<string, HostOperation>,
    step: StepClock,
    operation: string,
    argsJson: string
): Promise<string> {
    // A stopped step does nothing more: no record is read or written after the limit.
    if (step.stopped()) return JSON.stringify({ error: 'the script step was stopped at its time limit' })
    try {
        const args = plainData(JSON.parse(argsJson))
        if (!Array.isArray(args)) throw new GlideApiError('a Glide API call takes a list of arguments')
        const value = await callOperation(operations, operation, args)
        return JSON.stringify({ value: value === undefined ? null : value })
    } catch (error) {
        return JSON.stringify({ error: error instanceof Error ? error.message : String(error) })
    }
}

type HostOperation = (...args: unknown[]) => unknown

const logLevels: readonly ScriptLogLevel[] = ['debug', 'info', 'warn', 'error']

function logLevel(level: unknown): ScriptLogLevel {
    return logLevels.find((known) => known === level) ?? 'info'
}

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
function hostOperations(
    host: SandboxHost,
    runLog: RunLog,
    step: StepClock,
    timeScale: number
): Record<string, HostOperation> {
    const { database } = host
    const writer = () => userName(database, host.userSysId, 'system')
    return {
        log: (level, message) => runLog.write(logLevel(level), asText(message)),
        http: (request) => performHttpRequest(host, guestHttpRequest(request), timeScale, step.signal),
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

/** The request as RESTMessageV2 built it in the guest (plain data), each field taken as its type or refused. */
function guestHttpRequest(value: unknown): GuestHttpRequest {
    const fields = (value ?? {}) as Record<string, unknown>
    const pair = (value: unknown): [string, string] =>
        Array.isArray(value) ? [asText(value[0]), asText(value[1])] : [asText(value), '']
    const pairs = (list: unknown): [string, string][] => (Array.isArray(list) ? list.map(pair) : [])
    return {
        endpoint: asText(fields.endpoint),
        method: asText(fields.method) || 'get',
        body: fields.body === undefined || fields.body === null ? undefined : asText(fields.body),
        timeoutMs: Number(fields.timeoutMs),
        headers: Object.fromEntries(
            Object.entries((fields.headers ?? {}) as Record<string, unknown>).map(([name, item]) => [
                name,
                asText(item),
            ])
        ),
        basicAuth: Array.isArray(fields.basicAuth) ? pair(fields.basicAuth) : null,
        queryParameters: pairs(fields.queryParameters),
    }
}

type GuestHttpResult =
    { status: number; body: string; headers: [string, string][]; errorMessage: string } | { failure: string }

/** A response whose body is over MAX_REST_RESPONSE_BYTES: the instance stopped reading it. */
class OversizedResponseError extends Error {}

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
        // Not a transport failure the script may look past: its answer was not read, so execute() throws.
        if (error instanceof OversizedResponseError) return { failure: `RESTMessageV2: ${message}` }
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
            let received = 0
            const oversized = () =>
                outgoing.destroy(
                    new OversizedResponseError(
                        `the response from ${url.host} is larger than ${String(MAX_REST_RESPONSE_BYTES)} bytes, the most a script may read: the instance stopped reading it`
                    )
                )
            if (Number(incoming.headers['content-length'] ?? 0) > MAX_REST_RESPONSE_BYTES) return oversized()
            incoming.on('data', (chunk: Buffer) => {
                received += chunk.length
                if (received > MAX_REST_RESPONSE_BYTES) oversized()
                else chunks.push(chunk)
            })
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
