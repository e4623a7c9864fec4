// What a flow's scripts see of the instance: its database, the app's properties, the connection
// aliases resolved to their configured endpoint and credential, and its Script Includes; where their
// sandboxes come from (the instance's pool); and, for tests, how their time limits are scaled.
import type { ResolvedConnection, SandboxHost, ScriptLogLevel, ScriptSandboxSource } from './glide-sandbox'
import type { Database } from './tables'
import { scriptIncludesSource } from './script-includes'

export function sandboxHost(
    database: Database,
    userSysId: string,
    log: (level: ScriptLogLevel, message: string) => void,
    sandboxes?: ScriptSandboxSource,
    timeScale?: number
): SandboxHost {
    return {
        sandboxes,
        timeScale,
        database,
        userSysId,
        properties: Object.fromEntries(
            database.query('sys_properties').map((property) => [property.name ?? '', property.value ?? ''])
        ),
        resolveConnection: (aliasKey) => resolveConnection(database, aliasKey),
        log,
        scriptIncludes: (callerScope) => scriptIncludesSource(database, callerScope),
    }
}

function resolveConnection(database: Database, aliasKey: string): ResolvedConnection | undefined {
    const alias = database.get('sys_alias', aliasKey) ?? database.query('sys_alias', `id=${aliasKey}`)[0]
    if (!alias) return undefined
    const connection = database.query('http_connection', `connection_alias=${alias.sys_id}^active=true`)[0]
    if (!connection) return undefined
    // An inactive credential lends no user name or password: Kpow refuses the call (401).
    const stored = database.get('basic_auth_credentials', connection.credential ?? '')
    const credential = stored?.active === 'false' ? undefined : stored
    return {
        aliasSysId: alias.sys_id,
        aliasId: alias.id ?? '',
        name: connection.name ?? '',
        connectionUrl: connection.connection_url ?? '',
        userName: credential?.user_name ?? '',
        password: credential?.password ?? '',
    }
}
