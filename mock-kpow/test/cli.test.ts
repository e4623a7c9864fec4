// The CLI as a user runs it: the guide's own configuration files unchanged, --help, clear
// configuration errors, port 0, clean shutdown on SIGINT/SIGTERM.
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { guideKpowConfig } from './fixtures/guide-kpow-config'
import { guideConfigCliTests } from './guide-config-checks'
import { runCli, spawnCli } from './spawn-cli'

const exec = promisify(execFile)

describe('mock-kpow CLI', () => {
    describe("on the guide's configuration (the project's fixture)", () => {
        guideConfigCliTests(guideKpowConfig, guideKpowConfig.environmentName)
    })

    it('--help lists every flag and exits 0', async () => {
        const { code, output } = await runCli(['--help'])
        expect(code).toBe(0)
        for (const flag of [
            '--rbac',
            '--realm',
            '--api-port',
            '--ui-port',
            '--data-dir',
            '--env-file',
            '--config-root',
            '--clusters',
        ]) {
            expect(output).toContain(flag)
        }
    })

    it('runs as the package bin (mock-kpow/bin/mock-kpow.mjs) too', async () => {
        const bin = resolve(import.meta.dirname, '../bin/mock-kpow.mjs')
        const { stdout } = await exec(process.execPath, [bin, '--help'])
        expect(stdout).toContain('Usage: mock-kpow')
    })

    it('refuses a bad port, an unknown flag and a missing file with one clear line and exit 2', async () => {
        const badPort = await runCli(['--api-port', 'eighty'])
        expect(badPort.code).toBe(2)
        expect(badPort.output).toContain('--api-port=eighty')
        expect(badPort.output).not.toMatch(/\n\s+at /)
        const unknown = await runCli(['--no-such-flag'])
        expect(unknown.code).toBe(2)
        const missing = await runCli(['--rbac', '/nonexistent/rbac.yml', '--api-port', '0'])
        expect(missing.code).toBe(2)
        expect(missing.output).toContain('/nonexistent/rbac.yml')
    })

    it('on a busy port names the port and the flag of the listener that needs another', async () => {
        const holder = createServer().listen(0, '127.0.0.1')
        await once(holder, 'listening')
        const busy = String((holder.address() as AddressInfo).port)
        try {
            const api = await runCli(['--api-port', busy, '--ui-port', '0'])
            expect(api.code).toBe(2)
            expect(api.output.trim()).toBe(
                `mock-kpow: port ${busy} is in use: pass --api-port 0 (any free port) or another number`
            )
            const ui = await runCli(['--api-port', '0', '--ui-port', busy])
            expect(ui.code).toBe(2)
            expect(ui.output.trim()).toBe(
                `mock-kpow: port ${busy} is in use: pass --ui-port 0 (any free port) or another number`
            )
        } finally {
            holder.close()
        }
    })

    it('refuses an invalid RBAC file naming the file, the policy index and the field', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'mock-kpow-rbac-'))
        const file = join(dir, 'bad-rbac.yml')
        writeFileSync(
            file,
            'policies:\n  - role: a\n    effect: Allow\n    actions: [TOPIC_CREATE]\n    resource: [cluster, "*"]\n  - role: b\n    effect: Maybe\n    actions: [TOPIC_CREATE]\n    resource: [cluster, "*"]\n'
        )
        const { code, output } = await runCli(['--rbac', file, '--api-port', '0'])
        expect(code).toBe(2)
        expect(output).toContain('bad-rbac.yml')
        expect(output).toContain('policies[1]')
        expect(output).toContain('effect')
    })

    it("replays the guide's two curl requests against the default setup", async () => {
        const cli = await spawnCli(['--api-port', '0', '--ui-port', '0'])
        try {
            const authHeader = `Authorization: Basic ${Buffer.from('admin:admin').toString('base64')}`
            const create = await exec('curl', [
                '-sS',
                `${cli.apiUrl}/admin/v1/temporary-policies`,
                '-X',
                'POST',
                '-H',
                'Content-Type: application/json',
                '-H',
                authHeader,
                '-d',
                '{\n"duration_ms": 3600000,\n"policy": {\n"role": "kafka-users",\n"actions": [\n"TOPIC_DATA_QUERY"\n],\n"effect": "Allow",\n"resource": ["cluster", "42RglGpZQwy9D5VzTVpCWA", "topic", "__oprtr_audit_log"]\n}\n}',
            ])
            const created = JSON.parse(create.stdout) as {
                temporary_policy: { id: string; policy: unknown }
                metadata: { tenant_id: string }
            }
            expect(created.metadata.tenant_id).toBe('__kpow_global')
            expect(created.temporary_policy.policy).toEqual({
                role: 'kafka-users',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Allow',
                resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', '__oprtr_audit_log'],
            })
            const remove = await exec('curl', [
                '-sS',
                '-o',
                '/dev/null',
                '-w',
                '%{http_code}',
                '-X',
                'DELETE',
                '-H',
                authHeader,
                `${cli.apiUrl}/admin/v1/temporary-policies/${created.temporary_policy.id}`,
            ])
            expect(remove.stdout).toBe('204')
        } finally {
            expect(await cli.stop('SIGINT')).toBe(0)
        }
    })
})
