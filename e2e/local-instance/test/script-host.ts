// A fresh sandbox host for script tests: an in-memory database holding the requester, one property,
// and one connection alias whose URL the test chooses (nothing listens on the default, port 9).
import { Database } from '../tables'
import { localInstanceSchemas } from '../schema'
import { runPlatformScript } from '../glide-sandbox'
import type { JavaScriptLevel, SandboxHost, ScriptLogLevel } from '../glide-sandbox'

/** The alias sys_id resolveConnection knows. */
export const TEST_ALIAS = 'aaaaaaaabbbbbbbbccccccccdddddddd'

export function makeScriptHost(connectionUrl = 'http://127.0.0.1:9') {
    const database = new Database({ schemas: localInstanceSchemas })
    const requester = database.insert('sys_user', { user_name: 'abel.tuter', name: 'Abel Tuter' })
    const logs: { level: ScriptLogLevel; message: string }[] = []
    const host: SandboxHost = {
        database,
        userSysId: requester.sys_id,
        properties: { 'x_kpow.max_duration_ms': '3600000' },
        resolveConnection: (alias) =>
            alias === TEST_ALIAS
                ? {
                      aliasSysId: alias,
                      aliasId: 'x_kpow.kpow_api',
                      name: 'Kpow',
                      connectionUrl,
                      userName: 'admin',
                      password: 's3cret',
                  }
                : undefined,
        log: (level, message) => logs.push({ level, message }),
    }
    return { database, host, logs, requester }
}

/** Runs a script (ES5 unless told) on `host`, a fresh one by default, and gives what it put in `outputs`. */
export async function outputsOf(
    script: string,
    host: SandboxHost = makeScriptHost().host,
    level: JavaScriptLevel = 'es5'
): Promise<Record<string, unknown>> {
    const outputs: Record<string, unknown> = {}
    await runPlatformScript(host, { recordName: 'r', level, globals: { outputs }, script })
    return outputs
}
