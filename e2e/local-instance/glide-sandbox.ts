// Runs platform server-side JavaScript (a custom action's script step) the way the instance does:
// syntax checked at the app's JavaScript level, executed in a fresh context that has the Glide
// APIs the scripts call and nothing of Node (no require, process, fetch, timers).
import vm from 'node:vm'
import { parse } from 'acorn'
import type { Database, StoredRecord } from './tables'
import { glideDateTime } from './tables'
import { parseEncodedQuery } from './encoded-query'
import { httpRequestSync } from './sync-http'

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
}

export interface RunScriptOptions {
    script: string
    recordName: string
    level: JavaScriptLevel
    /** Extra globals such as `inputs` and `outputs` for a script step. */
    globals?: Record<string, unknown>
    timeoutMs?: number
}

export function runPlatformScript(host: SandboxHost, options: RunScriptOptions): void {
    checkScriptSyntax(options.script, options.level, options.recordName)
    const context = vm.createContext(
        { ...createGlideGlobals(host, options.recordName), ...options.globals },
        { codeGeneration: { strings: false, wasm: false } }
    )
    try {
        new vm.Script(options.script, { filename: options.recordName }).runInContext(context, {
            timeout: options.timeoutMs ?? 30_000,
        })
    } catch (error) {
        if (error instanceof ScriptRuntimeError) throw error
        const message =
            error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error)
        throw new ScriptRuntimeError(options.recordName, message)
    }
}

function createGlideGlobals(host: SandboxHost, recordName: string): Record<string, unknown> {
    const unsupported = (api: string) => {
        throw new ScriptRuntimeError(recordName, `${api} is not supported by the local instance`)
    }
    const gs = {
        info: (message: unknown) => host.log('info', String(message)),
        warn: (message: unknown) => host.log('warn', String(message)),
        error: (message: unknown) => host.log('error', String(message)),
        debug: (message: unknown) => host.log('debug', String(message)),
        log: (message: unknown) => host.log('info', String(message)),
        getProperty: (name: string, fallback?: unknown) =>
            host.properties[name] ?? (fallback === undefined ? null : fallback),
        nowDateTime: () => glideDateTime(host.database.now()),
        getUserID: () => host.userSysId,
        getUserName: () => host.database.get('sys_user', host.userSysId)?.user_name ?? '',
        nil: (value: unknown) => value === null || value === undefined || String(value) === '',
        getMessage: (message: string) => message,
        addInfoMessage: (message: unknown) => host.log('info', String(message)),
        addErrorMessage: (message: unknown) => host.log('error', String(message)),
        eventQueue: () => unsupported('gs.eventQueue'),
    }
    const database = host.database
    return {
        gs,
        GlideRecord: function GlideRecordConstructor(table: string) {
            return createGlideRecord(database, String(table), host, recordName)
        },
        GlideDateTime: GlideDateTime,
        sn_ws: {
            RESTMessageV2: function RESTMessageV2Constructor(name?: string, method?: string) {
                if (name !== undefined || method !== undefined) {
                    unsupported('new sn_ws.RESTMessageV2(name, method) with a sys_rest_message record')
                }
                return new RestMessage(host, recordName)
            },
        },
        sn_cc: {
            ConnectionInfoProvider: function ConnectionInfoProviderConstructor() {
                return {
                    getConnectionInfo: (aliasId: string) => connectionInfo(host.resolveConnection(String(aliasId))),
                    getConnectionInfoByDomain: (aliasId: string) =>
                        connectionInfo(host.resolveConnection(String(aliasId))),
                }
            },
        },
    }
}

function connectionInfo(connection: ResolvedConnection | undefined): object | null {
    if (!connection) return null
    const attributes: Record<string, string> = {
        connection_url: connection.connectionUrl,
        name: connection.name,
        connection_alias: connection.aliasSysId,
    }
    const credential: Record<string, string> = {
        user_name: connection.userName,
        password: connection.password,
        type: 'basic',
    }
    return {
        getAttribute: (name: string) => attributes[name] ?? null,
        getCredentialAttribute: (name: string) => credential[name] ?? null,
        getDataMap: () => ({ ...attributes }),
        getCredentialAttributes: () => ({ ...credential }),
    }
}

class GlideDateTime {
    private instant: Date
    constructor(value?: string) {
        this.instant = value ? new Date(`${value.replace(' ', 'T')}Z`) : new Date()
    }
    getValue(): string {
        return glideDateTime(this.instant)
    }
    getDisplayValue(): string {
        return this.getValue()
    }
    getNumericValue(): number {
        return this.instant.getTime()
    }
    addSeconds(seconds: number): void {
        this.instant = new Date(this.instant.getTime() + seconds * 1000)
    }
    toString(): string {
        return this.getValue()
    }
}

class RestResponse {
    constructor(
        private readonly status: number,
        private readonly body: string,
        private readonly headers: [string, string][],
        private readonly errorMessage: string
    ) {}
    getStatusCode(): number {
        return this.status
    }
    getBody(): string {
        return this.body
    }
    getHeader(name: string): string | null {
        return this.headers.find(([key]) => key.toLowerCase() === String(name).toLowerCase())?.[1] ?? null
    }
    getHeaders(): Record<string, string> {
        return Object.fromEntries(this.headers)
    }
    haveError(): boolean {
        return this.errorMessage !== ''
    }
    getErrorMessage(): string {
        return this.errorMessage
    }
    getErrorCode(): number {
        return this.errorMessage === '' ? 0 : this.status === 0 ? 1 : this.status
    }
    waitForResponse(): void {}
}

class RestMessage {
    private endpoint = ''
    private method = 'get'
    private body: string | undefined
    private timeoutMs = 60_000
    private readonly headers: Record<string, string> = {}
    private readonly queryParameters: [string, string][] = []

    constructor(
        private readonly host: SandboxHost,
        private readonly recordName: string
    ) {}

    setEndpoint(url: string): void {
        this.endpoint = String(url)
    }
    getEndpoint(): string {
        return this.endpoint
    }
    setHttpMethod(method: string): void {
        this.method = String(method).toLowerCase()
    }
    setRequestHeader(name: string, value: string): void {
        this.headers[String(name)] = String(value)
    }
    setRequestBody(body: string): void {
        this.body = String(body)
    }
    setQueryParameter(name: string, value: string): void {
        this.queryParameters.push([String(name), String(value)])
    }
    setHttpTimeout(milliseconds: number): void {
        this.timeoutMs = Number(milliseconds)
    }
    setBasicAuth(user: string, password: string): void {
        this.headers.Authorization = `Basic ${Buffer.from(`${String(user)}:${String(password)}`).toString('base64')}`
    }
    setAuthenticationProfile(type: string, profileId: string): void {
        if (String(type) !== 'basic') {
            throw new ScriptRuntimeError(
                this.recordName,
                `setAuthenticationProfile("${String(type)}") is not supported (only "basic")`
            )
        }
        const credential = this.host.database.get('basic_auth_credentials', String(profileId))
        if (!credential)
            throw new ScriptRuntimeError(this.recordName, `no basic_auth_credentials record ${String(profileId)}`)
        this.setBasicAuth(credential.user_name ?? '', credential.password ?? '')
    }
    setMIDServer(): void {
        throw new ScriptRuntimeError(
            this.recordName,
            'setMIDServer is not supported: the local instance has no MID Server'
        )
    }
    execute(): RestResponse {
        if (this.endpoint === '')
            throw new ScriptRuntimeError(this.recordName, 'RESTMessageV2.execute() without an endpoint')
        const url = new URL(this.endpoint)
        for (const [name, value] of this.queryParameters) url.searchParams.append(name, value)
        this.host.log('debug', `RESTMessageV2 ${this.method.toUpperCase()} ${url.toString()}`)
        const result = httpRequestSync({
            method: this.method.toUpperCase(),
            url: url.toString(),
            headers: this.headers,
            body: this.body,
            timeoutMs: this.timeoutMs,
        })
        if (!result.ok) {
            this.host.log('debug', `RESTMessageV2 failed: ${result.error}`)
            return new RestResponse(0, '', [], result.error)
        }
        this.host.log('debug', `RESTMessageV2 answered ${String(result.status)}`)
        const errorMessage =
            result.status >= 400 ? `Method failed: (${url.pathname}) with code: ${String(result.status)}` : ''
        return new RestResponse(result.status, result.body, result.headers, errorMessage)
    }
    executeAsync(): RestResponse {
        return this.execute()
    }
}

interface PendingCondition {
    field: string
    operator: string
    value: string
}

// A GlideRecord whose fields are also readable and writable as properties (`gr.state = '3'`,
// `gr.number + ''`), as scripts commonly use them.
function createGlideRecord(database: Database, table: string, host: SandboxHost, recordName: string): object {
    database.schema(table)
    const conditions: PendingCondition[] = []
    const encodedQueries: string[] = []
    let results: StoredRecord[] = []
    let cursor = -1
    let limit = Number.POSITIVE_INFINITY
    let current: Record<string, string> | undefined
    let isNew = false

    const valueOf = (field: string): string => {
        if (!current) return ''
        if (field.includes('.')) return current.sys_id ? database.resolvePath(table, current.sys_id, field) : ''
        database.field(table, field)
        return current[field] ?? ''
    }
    const setField = (field: string, value: unknown): void => {
        database.field(table, field)
        if (!current)
            throw new ScriptRuntimeError(recordName, `${table}.${field} set before initialize(), get() or next()`)
        current[field] = value === null || value === undefined ? '' : String(value)
    }
    const element = (field: string) => ({
        toString: () => valueOf(field),
        getValue: () => valueOf(field),
        getDisplayValue: () =>
            current?.sys_id && !isNew ? database.displayValue(table, current.sys_id, field) : valueOf(field),
        setValue: (value: unknown) => setField(field, value),
        nil: () => valueOf(field) === '',
        getRefRecord: () => {
            const { field: schema } = database.describePath(table, field)
            const target = createGlideRecord(database, schema.reference ?? '', host, recordName) as {
                get(id: string): boolean
            }
            target.get(valueOf(field))
            return target
        },
    })
    const buildQuery = (): string =>
        [
            ...encodedQueries,
            ...conditions.map((condition) => `${condition.field}${condition.operator}${condition.value}`),
        ]
            .filter((part) => part !== '')
            .join('^')

    const insert = (): string => {
        const { sys_id: requestedId, ...values } = current ?? {}
        const inserted = database.insert(
            table,
            requestedId ? { ...values, sys_id: requestedId } : values,
            userName(database, host.userSysId)
        )
        current = { ...inserted }
        isNew = false
        return inserted.sys_id
    }

    const api: Record<string, unknown> = {
        addQuery(field: string, operatorOrValue?: unknown, value?: unknown) {
            if (value === undefined)
                conditions.push({ field: String(field), operator: '=', value: String(operatorOrValue) })
            else
                conditions.push({
                    field: String(field),
                    operator: String(operatorOrValue).toUpperCase(),
                    value: String(value),
                })
        },
        addEncodedQuery(query: string) {
            parseEncodedQuery(String(query))
            encodedQueries.push(String(query))
        },
        addNullQuery(field: string) {
            conditions.push({ field: String(field), operator: 'ISEMPTY', value: '' })
        },
        addNotNullQuery(field: string) {
            conditions.push({ field: String(field), operator: 'ISNOTEMPTY', value: '' })
        },
        addActiveQuery() {
            conditions.push({ field: 'active', operator: '=', value: 'true' })
        },
        setLimit(count: number) {
            limit = Number(count)
        },
        orderBy(field: string) {
            encodedQueries.push(`ORDERBY${String(field)}`)
        },
        orderByDesc(field: string) {
            encodedQueries.push(`ORDERBYDESC${String(field)}`)
        },
        query() {
            results = database.query(table, buildQuery()).slice(0, limit)
            cursor = -1
            current = undefined
        },
        hasNext() {
            return cursor + 1 < results.length
        },
        next() {
            cursor += 1
            const row = results[cursor]
            current = row ? { ...row } : undefined
            isNew = false
            return row !== undefined
        },
        get(fieldOrId: string, value?: string) {
            const match =
                value === undefined
                    ? database.get(table, String(fieldOrId))
                    : database.query(table, `${String(fieldOrId)}=${String(value)}`)[0]
            current = match ? { ...match } : undefined
            isNew = false
            return match !== undefined
        },
        getRowCount() {
            return results.length
        },
        isValidRecord() {
            return current !== undefined
        },
        initialize() {
            current = {}
            isNew = true
        },
        newRecord() {
            current = {}
            isNew = true
        },
        getValue(field: string) {
            const value = valueOf(String(field))
            return value === '' ? null : value
        },
        setValue(field: string, value: unknown) {
            setField(String(field), value)
        },
        getDisplayValue(field?: string) {
            if (!current?.sys_id) return ''
            return field === undefined
                ? database.recordDisplayValue(table, current.sys_id)
                : database.displayValue(table, current.sys_id, String(field))
        },
        getUniqueValue() {
            return current?.sys_id ?? null
        },
        getTableName() {
            return table
        },
        insert,
        update() {
            if (!current?.sys_id || isNew) return insert()
            const { sys_id: sysId, ...values } = current
            const writable = Object.fromEntries(
                Object.entries(values).filter(([field]) => !field.startsWith('sys_') || field === 'sys_scope')
            )
            const updated = database.update(table, sysId, writable, userName(database, host.userSysId))
            current = { ...updated }
            return sysId
        },
        deleteRecord() {
            throw new ScriptRuntimeError(
                recordName,
                'GlideRecord.deleteRecord() is not supported by the local instance'
            )
        },
    }

    return new Proxy(api, {
        get(target, property) {
            if (typeof property !== 'string') return undefined
            if (property in target) return target[property]
            if (database.hasField(table, property)) return element(property)
            throw new ScriptRuntimeError(
                recordName,
                `${table} has no field or method "${property}" in the local instance`
            )
        },
        set(_target, property, value) {
            if (typeof property !== 'string') return false
            setField(property, value)
            return true
        },
    })
}

function userName(database: Database, userSysId: string): string {
    return database.get('sys_user', userSysId)?.user_name ?? 'system'
}
