// The CLI as a user runs it: the guide's own configuration files unchanged, --help, clear
// configuration errors, port 0, clean shutdown on SIGINT/SIGTERM.
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli, spawnCli } from './spawn-cli'

const REFERENCE_CONFIG = resolve(import.meta.dirname, '../../../shared/reference/kpow-config')
const exec = promisify(execFile)

async function adminCall(apiUrl: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
            authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, text: await response.text() }
}

describe('mock-kpow CLI', () => {
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

    it("runs the guide's configuration unchanged (setup.env, JAAS, CRYPT realm, RBAC) and stops on SIGTERM", async () => {
        const cli = await spawnCli([
            '--env-file',
            join(REFERENCE_CONFIG, 'config/setup.env'),
            '--api-port',
            '0',
            '--ui-port',
            '0',
        ])
        try {
            expect(cli.output()).toContain('hash-rbac.yml')
            const clusters = await adminCall(cli.apiUrl, 'GET', '/kafka/v1/clusters')
            expect(clusters.status).toBe(200)
            expect(clusters.text).toContain('Local Kafka Cluster')
            const created = await adminCall(cli.apiUrl, 'POST', '/admin/v1/temporary-policies', {
                duration_ms: 60_000,
                policy: {
                    role: 'kafka-users',
                    actions: ['TOPIC_DATA_QUERY'],
                    effect: 'Allow',
                    resource: ['cluster', '42RglGpZQwy9D5VzTVpCWA', 'topic', 'x'],
                },
            })
            expect(created.status).toBe(200)
        } finally {
            expect(await cli.stop('SIGTERM')).toBe(0)
        }
        expect(cli.output()).toContain('stopped')
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

    it('resolves the container paths of a copied guide config through --config-root', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'mock-kpow-config-'))
        cpSync(REFERENCE_CONFIG, join(dir, 'kpow'), { recursive: true })
        const envFile = join(dir, 'elsewhere.env')
        writeFileSync(
            envFile,
            'RBAC_CONFIGURATION_FILE=/etc/kpow/rbac/hash-rbac.yml\nJAVA_TOOL_OPTIONS="-Djava.security.auth.login.config=/etc/kpow/jaas/hash-jaas.conf"\n'
        )
        const cli = await spawnCli(['--env-file', envFile, '--config-root', join(dir, 'kpow'), '--api-port', '0'])
        try {
            expect((await adminCall(cli.apiUrl, 'GET', '/admin/v1/temporary-policies')).status).toBe(200)
        } finally {
            await cli.stop()
        }
    })
})
