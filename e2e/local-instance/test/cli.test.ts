// The local instance's CLI as a user runs it: refusals print a clear list and exit 2, no stack.
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runTypeScript } from '../../../scripts/lib/common/index'

const CLI = resolve(import.meta.dirname, '..', 'cli.ts')
const updateSetFile = resolve(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml')

function run(args: string[]): Promise<{ code: number | null; output: string }> {
    return runTypeScript(CLI, args, { env: { PATH: process.env.PATH ?? '' } })
}

describe('local-instance CLI', () => {
    it('refuses an update set it cannot run with the list of what is unsupported, exit 2, no stack trace', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'local-instance-cli-'))
        const es5Set = readFileSync(updateSetFile, 'utf8')
            .replace('<js_level>es_latest</js_level>', '<js_level>helsinki_es5</js_level>')
            .replace('var roleName = ', 'let roleName = ')
        const file = join(folder, 'es5.xml')
        writeFileSync(file, es5Set)
        const { code, output } = await run(['--update-set', file, '--port', '0'])
        expect(code).toBe(2)
        expect(output).toMatch(
            /local-instance: The local instance cannot run update set "Kpow Just-in-Time Topic Access 1.0.0": 1 thing\(s\)/
        )
        expect(output).toMatch(
            / {2}- \[script-syntax\] sys_hub_action_type_definition_\w+ \(action "Kpow - Create Temporary Policy"/
        )
        expect(output).not.toMatch(/\n\s+at /)
    }, 30_000)

    it('names a missing file and a bad flag', async () => {
        const missing = await run(['--update-set', '/nonexistent/set.xml'])
        expect(missing.code).toBe(2)
        expect(missing.output).toContain('local-instance: Cannot read the update set /nonexistent/set.xml')
        const badPort = await run(['--port', 'eighty'])
        expect(badPort.code).toBe(2)
        expect(badPort.output).toContain('a port is a number from 0 (any free port) to 65535')
    }, 30_000)
})

describe('local-instance CLI on a busy port', () => {
    it('names the port and the flag that picks another', async () => {
        const holder = createServer().listen(0, '127.0.0.1')
        await once(holder, 'listening')
        const { port } = holder.address() as AddressInfo
        try {
            const { code, output } = await run(['--empty', '--port', String(port)])
            expect(code).toBe(2)
            expect(output.trim()).toBe(
                `local-instance: port ${String(port)} is in use: pass --port 0 (any free port) or another number`
            )
        } finally {
            holder.close()
        }
    }, 30_000)
})

describe('local-instance CLI --empty', () => {
    it('refuses the flags of a set loaded at start', async () => {
        const { code, output } = await run(['--empty', '--kpow-url', 'http://127.0.0.1:4000', '--activate'])
        expect(code).toBe(2)
        expect(output).toContain('local-instance: --kpow-url, --activate configure a set loaded at start')
        expect(output).not.toMatch(/\n\s+at /)
    }, 30_000)
})

describe('local-instance CLI --data-dir', () => {
    it('refuses a database written by another schema version with one line, exit 2', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'local-instance-cli-data-'))
        const newer = new BetterSqlite3(join(folder, 'local-instance.sqlite'))
        newer.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
        newer.prepare(`INSERT INTO meta (key, value) VALUES ('schema_version', '7')`).run()
        newer.close()
        const { code, output } = await run(['--empty', '--data-dir', folder, '--port', '0'])
        expect(code).toBe(2)
        expect(output.trim()).toBe(
            `local-instance: ${join(folder, 'local-instance.sqlite')} has schema version 7; this local instance reads version 1 only: use the kit that wrote it, or pass another --data-dir`
        )
    }, 30_000)
})
