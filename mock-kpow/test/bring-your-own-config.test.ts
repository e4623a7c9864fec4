// mock-kpow on Kpow configurations a user brings unchanged (test/fixtures/kpow-configs/): each
// folder is started as `--env-file <folder>/config/setup.env` would start it, then the suite checks
// who can log in, one decision per RBAC policy, and whether the API is there.
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readJaasConfigFile, realmFileFor } from '../src/auth/index'
import { resolveOptions, type CliFlags } from '../src/config/options'
import type { Effect } from '../src/engine/types'
import { startMockKpow, type RunningMockKpow, type StartOptions } from '../src/server'
import { startTypeScript } from '../../scripts/lib/common/index'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../src/index'
import { basic } from './start-test-kpow'
import { request } from './ui/ui-client'

const CONFIGS = resolve(import.meta.dirname, 'fixtures/kpow-configs')
const setupEnvOf = (folder: string) => join(CONFIGS, folder, 'config/setup.env')

let running: RunningMockKpow | undefined
afterEach(async () => {
    await running?.close()
    running = undefined
})

async function startOn(
    folder: string,
    env: Record<string, string> = {},
    flags: CliFlags = {},
    start: StartOptions = {}
): Promise<RunningMockKpow> {
    const options = resolveOptions({
        flags: { envFile: setupEnvOf(folder), apiPort: '0', uiPort: '0', ...flags },
        env,
        cwd: process.cwd(),
        realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
    })
    running = await startMockKpow(options, start)
    return running
}

/** Logs in through the UI's session endpoint (the same check as the login form). */
async function logIn(kpow: RunningMockKpow, username: string, password: string, tenant?: string) {
    const answer = await request(`${kpow.uiUrl ?? ''}/mock/v1/session`, 'POST', {
        json: { username, password, ...(tenant ? { tenant } : {}) },
    })
    return {
        status: answer.status,
        body: answer.json as { roles?: string[]; is_admin?: boolean; tenants?: string[] } | undefined,
    }
}

type DecisionRow = readonly [string, readonly string[], string, readonly string[], Effect]

function expectDecisions(kpow: RunningMockKpow, rows: readonly DecisionRow[]): void {
    for (const [why, roles, action, resource, effect] of rows) {
        expect(kpow.service.authorization.decide({ roles, action, resource }).effect, why).toBe(effect)
    }
}

describe('platform-ui-only: no API_ENABLED, a JAAS file without kpow_api, clusters by CLUSTER_ID', () => {
    it('runs the UI alone: no API listener, the start options say why and how to turn it on', async () => {
        const kpow = await startOn('platform-ui-only')
        expect(kpow.apiUrl).toBeUndefined()
        expect(kpow.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    })

    it('the CLI prints that the API is off and how to enable it, and serves the UI', async () => {
        const cli = startTypeScript(
            MOCK_KPOW_CLI,
            ['--env-file', setupEnvOf('platform-ui-only'), '--ui-port', '0', '--api-port', '0'],
            { env: { PATH: process.env.PATH ?? '' } }
        )
        try {
            const [, uiUrl = ''] = await cli.waitFor(MOCK_KPOW_LISTENING.ui, 20_000)
            await cli.waitFor(/API off/, 5_000)
            expect(cli.output()).toMatch(/API off: .*does not set API_ENABLED.*add API_ENABLED=true/)
            expect(cli.output()).not.toMatch(MOCK_KPOW_LISTENING.api)
            expect(cli.output()).toContain('cluster-1 (Production), cluster-2 (Staging)')
            const page = await request(`${uiUrl}/login`, 'GET')
            expect(page.status).toBe(200)
        } finally {
            expect(await cli.stop('SIGTERM')).toBe(0)
        }
    })

    it('turning the API on asks for the missing kpow_api entry, naming it; without the API it is never read', () => {
        const realmFileFromJaas = (jaasFile: string, entry: 'kpow' | 'kpow_api') => {
            if (entry === 'kpow_api') throw new Error('asked for kpow_api although the API is off')
            return realmFileFor(readJaasConfigFile(jaasFile), entry)
        }
        expect(() =>
            resolveOptions({
                flags: { envFile: setupEnvOf('platform-ui-only') },
                env: {},
                cwd: process.cwd(),
                realmFileFromJaas,
            })
        ).not.toThrow()
        const dir = mkdtempSync(join(tmpdir(), 'kpow-api-on-'))
        const envFile = join(dir, 'setup.env')
        writeFileSync(envFile, `${readFileSync(setupEnvOf('platform-ui-only'), 'utf8')}\nAPI_ENABLED=true\n`)
        expect(() =>
            resolveOptions({
                flags: { envFile, configRoot: join(CONFIGS, 'platform-ui-only') },
                env: {},
                cwd: process.cwd(),
                realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
            })
        ).toThrow(/ui-jaas\.conf: entry "kpow_api" is missing.*needed because API_ENABLED=true/)
    })

    it('has the two clusters of setup.env, each holding the default data set', async () => {
        const kpow = await startOn('platform-ui-only')
        expect(kpow.service.config.clusters).toEqual([
            { id: 'cluster-1', name: 'Production' },
            { id: 'cluster-2', name: 'Staging' },
        ])
        const dev = await request(`${kpow.uiUrl ?? ''}/mock/v1/session`, 'POST', {
            json: { username: 'dev', password: 'dev-pass', tenant: 'Global' },
        })
        const cookie = (dev.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
        const topics = await request(`${kpow.uiUrl ?? ''}/mock/v1/clusters/cluster-2/topics`, 'GET', {
            headers: { cookie },
        })
        expect(topics.status).toBe(200)
        expect((topics.json as { topics: { name: string }[] }).topics.map((topic) => topic.name)).toContain('tx_trade1')
    })

    it('logs in each realm user (MD5 and plain), refuses an unauthorized role; ADMIN makes an admin', async () => {
        const kpow = await startOn('platform-ui-only')
        const platform = await logIn(kpow, 'platform', 'platform-pass')
        expect(platform.status).toBe(200)
        expect(platform.body?.is_admin).toBe(true)
        const dev = await logIn(kpow, 'dev', 'dev-pass')
        expect(dev.status).toBe(200)
        expect(dev.body?.is_admin).toBe(false)
        expect((await logIn(kpow, 'dev', 'wrong')).status).toBe(401)
        expect((await logIn(kpow, 'intern', 'intern-pass')).status).toBe(403)
    })

    it('decides each policy as written, clusters named by id or environment name', async () => {
        const kpow = await startOn('platform-ui-only')
        const ops = ['platform-ops']
        const dev = ['developers']
        expectDecisions(kpow, [
            ['policy 0: ADMIN on everything', ops, 'ADMIN', ['cluster', 'cluster-1'], 'Allow'],
            ['policy 1: current actions', ops, 'TOPIC_ELECT_LEADER', ['cluster', 'cluster-1', 'topic', 'x'], 'Allow'],
            ['policy 1: QUOTA_EDIT', ops, 'QUOTA_EDIT', ['cluster', 'cluster-2'], 'Allow'],
            ['policy 1: older alias', ops, 'TOPIC_ALTER_REPLICAS', ['cluster', 'cluster-2', 'topic', 'x'], 'Allow'],
            ['policy 2: staging by id', dev, 'TOPIC_DATA_DOWNLOAD', ['cluster', 'cluster-2', 'topic', 't'], 'Allow'],
            ['policy 2: staging by name', dev, 'TOPIC_PRODUCE', ['cluster', 'Staging', 'topic', 't'], 'Allow'],
            [
                'policy 3: Production by name',
                dev,
                'TOPIC_DATA_QUERY',
                ['cluster', 'cluster-1', 'topic', 'tx_a'],
                'Allow',
            ],
            ['policy 4: Stage on tx_', dev, 'TOPIC_PRODUCE', ['cluster', 'Production', 'topic', 'tx_a'], 'Stage'],
            [
                'policy 5: Deny payments',
                dev,
                'TOPIC_DATA_QUERY',
                ['cluster', 'cluster-2', 'topic', 'payments_eu'],
                'Deny',
            ],
            ['nothing else', dev, 'TOPIC_DATA_QUERY', ['cluster', 'cluster-1', 'topic', 'payments_eu'], 'Deny'],
        ])
        expect(
            kpow.service.authorization.decide({
                roles: dev,
                action: 'TOPIC_DATA_QUERY',
                resource: ['cluster', 'cluster-1', 'topic', 'x'],
            }).reason
        ).toBe('Implicit Deny')
    })
})

describe('an ADMIN Allow in the RBAC file counts as admin on the API [C]', () => {
    it('platform-ops (ADMIN on everything) may use the temporary-policies API; developers get 403', async () => {
        const folder = join(CONFIGS, 'platform-ui-only')
        const options = resolveOptions({
            flags: {
                rbac: join(folder, 'rbac/platform-rbac.yml'),
                realm: join(folder, 'jaas/ui-realm.properties'),
                apiPort: '0',
                uiPort: '0',
            },
            env: {},
            cwd: process.cwd(),
            realmFileFromJaas: () => '',
        })
        running = await startMockKpow(options)
        const list = (user: string, password: string) =>
            fetch(`${running?.apiUrl ?? ''}/admin/v1/temporary-policies`, {
                headers: { authorization: basic(user, password) },
            })
        expect((await list('platform', 'platform-pass')).status).toBe(200)
        expect((await list('dev', 'dev-pass')).status).toBe(403)
    })
})

describe('no-auth: no AUTH_PROVIDER_TYPE', () => {
    it('is said loudly with what the mock does instead, and the API of API_ENABLED=true runs', async () => {
        const options = resolveOptions({
            flags: { envFile: setupEnvOf('no-auth'), apiPort: '0', uiPort: '0' },
            env: {},
            cwd: process.cwd(),
            realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
        })
        expect(options.warnings?.join('\n')).toMatch(
            /WARNING: AUTH_PROVIDER_TYPE is not set .*Kpow would run without user authentication.*still asks for a login/
        )
        const kpow = await startOn('no-auth')
        expect(kpow.apiUrl).toBeDefined()
        expect(kpow.service.config.clusters).toEqual([{ id: '42RglGpZQwy9D5VzTVpCWA', name: 'Dev Laptop' }])
        expect((await logIn(kpow, 'admin', 'admin')).status).toBe(200)
        const clusters = await fetch(`${kpow.apiUrl ?? ''}/kafka/v1/clusters`, {
            headers: { authorization: basic('admin', 'admin') },
        })
        expect(clusters.status).toBe(200)
    })
})

describe('the environment decides', () => {
    it('API_ENABLED=false in the process environment turns the API off, saying where it was set', () => {
        const env = { API_ENABLED: 'false' }
        const off = resolveOptions({ flags: { apiPort: '0' }, env, cwd: process.cwd(), realmFileFromJaas: () => '' })
        expect(off.apiEnabled).toBe(false)
        expect(off.apiOffReason).toMatch(/API_ENABLED=false in environment; set API_ENABLED=true/)
    })

    it('RBAC_CONFIGURATION_FILE in the environment is a Kpow configuration: without API_ENABLED the API is off', () => {
        const options = resolveOptions({
            flags: {},
            env: { RBAC_CONFIGURATION_FILE: join(CONFIGS, 'platform-ui-only/rbac/platform-rbac.yml') },
            cwd: process.cwd(),
            realmFileFromJaas: () => '',
        })
        expect(options.apiEnabled).toBe(false)
    })

    it("no flags and no Kpow variables: the guide's setup, API on", () => {
        const options = resolveOptions({ flags: {}, env: {}, cwd: process.cwd(), realmFileFromJaas: () => '' })
        expect(options.apiEnabled).toBe(true)
        expect(options.apiPort).toBe(4000)
        expect(options.warnings).toEqual([])
        expect(options.environmentClusters).toBeUndefined()
    })

    it('numbered twins: a _3 without CLUSTER_ID gets cluster-3; a twin without BOOTSTRAP and a duplicate id are refused', () => {
        const resolve = (env: Record<string, string>) =>
            resolveOptions({ flags: {}, env, cwd: process.cwd(), realmFileFromJaas: () => '' })
        expect(
            resolve({ BOOTSTRAP: 'a:9092', BOOTSTRAP_2: 'b:9092', CLUSTER_ID_2: 'b', BOOTSTRAP_3: 'c:9092' })
                .environmentClusters
        ).toEqual([
            { id: '42RglGpZQwy9D5VzTVpCWA', name: 'Local Kafka Cluster', bootstrap: 'a:9092' },
            { id: 'b', name: 'b', bootstrap: 'b:9092' },
            { id: 'cluster-3', name: 'cluster-3', bootstrap: 'c:9092' },
        ])
        expect(() => resolve({ BOOTSTRAP: 'a:9092', ENVIRONMENT_NAME_2: 'Two' })).toThrow(
            /BOOTSTRAP_2 is not set.*add it/
        )
        expect(() => resolve({ BOOTSTRAP: 'a', CLUSTER_ID: 'x', BOOTSTRAP_2: 'b', CLUSTER_ID_2: 'x' })).toThrow(
            /CLUSTER_ID_2=x: cluster 1 already has this id/
        )
    })

    it('a clusters file still overrides the clusters of the environment', async () => {
        const kpow = await startOn(
            'platform-ui-only',
            {},
            { clusters: join(import.meta.dirname, 'ui/fixtures/two-clusters.yml') }
        )
        expect(kpow.service.config.clusters.map((cluster) => cluster.id)).not.toContain('cluster-1')
    })
})

describe('tenants-api: three clusters, three tenants, the API on', () => {
    const api = (kpow: RunningMockKpow, user: string) => {
        const auth = basic(user, `${user}-pass`)
        return async (method: string, path: string, tenant?: string, json?: unknown) => {
            const headers: Record<string, string> = { authorization: auth }
            if (tenant !== undefined) headers['x-tenant-id'] = tenant
            if (json !== undefined) headers['content-type'] = 'application/json'
            const response = await fetch(`${kpow.apiUrl ?? ''}${path}`, {
                method,
                headers,
                body: json === undefined ? undefined : JSON.stringify(json),
            })
            const text = await response.text()
            return { status: response.status, text, json: (text ? JSON.parse(text) : undefined) as unknown }
        }
    }
    const grantOn = (cluster: string, topic: string, role = 'traders') => ({
        duration_ms: 600_000,
        policy: {
            role,
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resource: ['cluster', cluster, 'topic', topic],
        },
    })
    const tenantOf = (answer: { json: unknown }) =>
        (answer.json as { metadata: { tenant_id: string } }).metadata.tenant_id

    it('logs in each team, each entering its tenant', async () => {
        const kpow = await startOn('tenants-api')
        expect(kpow.apiUrl).toBeDefined()
        expect((await logIn(kpow, 'trader', 'trader-pass')).body?.tenants).toEqual(['Trading'])
        expect((await logIn(kpow, 'payments-dev', 'payments-dev-pass')).body?.tenants).toEqual(['Payments'])
        expect((await logIn(kpow, 'oncall', 'oncall-pass', 'Payments')).status).toBe(200)
        expect((await logIn(kpow, 'platform', 'wrong')).status).toBe(401)
    })

    it('decides each policy as written (STAGE_LENIENT, clusters by id and name)', async () => {
        const kpow = await startOn('tenants-api')
        expectDecisions(kpow, [
            ['policy 0', ['platform-admins'], 'GROUP_DELETE', ['cluster', 'cluster-2', 'group', 'g'], 'Allow'],
            ['policy 1', ['payments-admins'], 'TOPIC_DATA_QUERY', ['cluster', 'cluster-3', 'topic', 't'], 'Allow'],
            ['policy 2', ['traders'], 'TOPIC_PRODUCE', ['cluster', 'Sandbox', 'topic', 'tx_trade1'], 'Stage'],
            [
                'policy 3',
                ['payments-team'],
                'TOPIC_DATA_QUERY',
                ['cluster', 'cluster-1', 'topic', 'payments_eu'],
                'Allow',
            ],
            ['policy 4', ['payments-team'], 'TOPIC_DATA_QUERY', ['cluster', 'US Production', 'topic', 'x'], 'Deny'],
        ])
    })

    it('x-tenant-id names the tenant; it is echoed; a single-tenant caller may omit it, others must name one', async () => {
        const kpow = await startOn('tenants-api')
        const lead = api(kpow, 'trading-lead')
        expect(tenantOf(await lead('GET', '/admin/v1/temporary-policies', 'Trading'))).toBe('Trading')
        expect(tenantOf(await lead('GET', '/admin/v1/temporary-policies'))).toBe('Trading')
        const wrong = await lead('GET', '/admin/v1/temporary-policies', 'Payments')
        expect(wrong.status).toBe(400)
        expect(wrong.text).toContain('must be the name of one of your tenants: Trading')
        const oncall = api(kpow, 'oncall')
        const unnamed = await oncall('GET', '/admin/v1/temporary-policies')
        expect(unnamed.status).toBe(400)
        expect(unnamed.json).toMatchObject({ error: 'tenant_required' })
        expect((unnamed.json as { message: string }).message).toContain('"Trading", "Payments"')
        expect((await oncall('GET', '/admin/v1/temporary-policies', '__kpow_global')).status).toBe(400)
    })

    it('a policy granted in a tenant cannot reach outside it (the payments_eu case)', async () => {
        const kpow = await startOn('tenants-api')
        const lead = api(kpow, 'trading-lead')
        const outside = await lead(
            'POST',
            '/admin/v1/temporary-policies',
            'Trading',
            grantOn('cluster-1', 'payments_eu')
        )
        expect(outside.status).toBe(403)
        expect(outside.json).toMatchObject({ error: 'outside_tenant' })
        expect(outside.text).toContain('reaches outside tenant \\"Trading\\"')
        const wholeCluster = await lead('POST', '/admin/v1/temporary-policies', 'Trading', {
            ...grantOn('cluster-1', 'x'),
            policy: {
                role: 'traders',
                actions: ['TOPIC_DATA_QUERY'],
                effect: 'Allow',
                resource: ['cluster', 'cluster-1'],
            },
        })
        expect(wholeCluster.status).toBe(403)
        const inside = await lead(
            'POST',
            '/admin/v1/temporary-policies',
            'Trading',
            grantOn('EU Production', 'tx_trade1')
        )
        expect(inside.status, inside.text).toBe(200)
        expect(tenantOf(inside)).toBe('Trading')
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toHaveLength(1)
        // The same lead, on call for payments too, may grant payments_eu there.
        const oncall = api(kpow, 'oncall')
        const payments = await oncall(
            'POST',
            '/admin/v1/temporary-policies',
            'Payments',
            grantOn('cluster-1', 'payments_eu', 'payments-team')
        )
        expect(payments.status, payments.text).toBe(200)
        expect(tenantOf(payments)).toBe('Payments')
    })

    it("a tenant lists, reads and deletes only its own policies; clusters are the tenant's", async () => {
        const kpow = await startOn('tenants-api')
        const lead = api(kpow, 'trading-lead')
        const created = await lead('POST', '/admin/v1/temporary-policies', 'Trading', grantOn('cluster-2', 'tx_trade1'))
        const id = (created.json as { temporary_policy: { id: string } }).temporary_policy.id
        const payments = api(kpow, 'payments-lead')
        const listed = await payments('GET', '/admin/v1/temporary-policies', 'Payments')
        expect((listed.json as { temporary_policies: unknown[] }).temporary_policies).toEqual([])
        expect((await payments('GET', `/admin/v1/temporary-policies/${id}`, 'Payments')).status).toBe(404)
        expect((await payments('DELETE', `/admin/v1/temporary-policies/${id}`, 'Payments')).status).toBe(404)
        expect((await lead('GET', `/admin/v1/temporary-policies/${id}`, 'Trading')).status).toBe(200)
        const clusters = await payments('GET', '/kafka/v1/clusters', 'Payments')
        expect((clusters.json as { clusters: { id: string }[] }).clusters.map((cluster) => cluster.id)).toEqual([
            'cluster-1',
        ])
        expect((await lead('DELETE', `/admin/v1/temporary-policies/${id}`, 'Trading')).status).toBe(204)
    })
})

describe('tenants-api: audit webhooks (WEBHOOK_PROVIDER=generic, WEBHOOK_VERBOSITY=MUTATIONS)', () => {
    interface Received {
        readonly bodies: { audit_record: { event: string; detail: string } }[]
        readonly attempts: number
        readonly url: string
        close(): Promise<void>
    }

    /** A local receiver that answers 500 to its first `failFirst` requests, or never answers at all. */
    async function receiver(mode: { failFirst?: number; hang?: boolean } = {}): Promise<Received> {
        const bodies: Received['bodies'] = []
        let attempts = 0
        const server = createHttpServer((req, res) => {
            const chunks: Buffer[] = []
            req.on('data', (chunk: Buffer) => chunks.push(chunk))
            req.on('end', () => {
                attempts++
                if (mode.hang) return
                if (attempts <= (mode.failFirst ?? 0)) {
                    res.writeHead(500).end()
                    return
                }
                bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['bodies'][number])
                res.writeHead(204).end()
            })
        })
        server.listen(0, '127.0.0.1')
        await once(server, 'listening')
        const { port } = server.address() as AddressInfo
        return {
            bodies,
            get attempts() {
                return attempts
            },
            url: `http://127.0.0.1:${port}/kpow-audit`,
            close: () => {
                server.closeAllConnections()
                return new Promise((done) => server.close(() => done()))
            },
        }
    }

    const policy = {
        duration_ms: 600_000,
        policy: {
            role: 'traders',
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resource: ['cluster', 'cluster-1', 'topic', 'tx_trade1'],
        },
    }
    const call = (kpow: RunningMockKpow, method: string, path: string, json?: unknown) =>
        fetch(`${kpow.apiUrl ?? ''}${path}`, {
            method,
            headers: {
                authorization: basic('trading-lead', 'trading-lead-pass'),
                'x-tenant-id': 'Trading',
                ...(json === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: json === undefined ? undefined : JSON.stringify(json),
        })

    it('sends temporary-policy creation and deletion, retrying a receiver that fails at first; logins are not sent', async () => {
        const hook = await receiver({ failFirst: 2 })
        try {
            const kpow = await startOn(
                'tenants-api',
                { WEBHOOK_URL: hook.url },
                {},
                { webhook: { firstRetryDelayMs: 5 } }
            )
            expect(kpow.webhook?.settings).toEqual({ provider: 'generic', url: hook.url, verbosity: 'MUTATIONS' })
            expect((await logIn(kpow, 'trader', 'trader-pass')).status).toBe(200)
            const created = await call(kpow, 'POST', '/admin/v1/temporary-policies', policy)
            expect(created.status).toBe(200)
            const { id } = ((await created.json()) as { temporary_policy: { id: string } }).temporary_policy
            expect((await call(kpow, 'DELETE', `/admin/v1/temporary-policies/${id}`)).status).toBe(204)
            await kpow.webhook?.idle()
            expect(hook.bodies.map((body) => body.audit_record.event)).toEqual([
                'temporary-policy-created',
                'temporary-policy-deleted',
            ])
            expect(hook.bodies[0]?.audit_record.detail).toContain(`id=${id}`)
            expect(hook.attempts).toBe(4)
        } finally {
            await hook.close()
        }
    })

    it('a receiver that never answers blocks nothing: the grant is answered and in force', async () => {
        const hook = await receiver({ hang: true })
        try {
            const kpow = await startOn('tenants-api', { WEBHOOK_URL: hook.url }, {}, { webhook: { timeoutMs: 60_000 } })
            const created = await call(kpow, 'POST', '/admin/v1/temporary-policies', policy)
            expect(created.status).toBe(200)
            expect(
                kpow.service.authorization.decide({
                    roles: ['traders'],
                    action: 'TOPIC_DATA_QUERY',
                    resource: ['cluster', 'cluster-1', 'topic', 'tx_trade1'],
                }).effect
            ).toBe('Allow')
            await vi.waitFor(() => expect(hook.attempts).toBe(1))
            expect(hook.bodies).toEqual([])
        } finally {
            await running?.close()
            await hook.close()
        }
    })

    it('refuses an unknown provider or verbosity and a URL that is not http(s), naming the variable', () => {
        const resolveWith = (env: Record<string, string>) => () =>
            resolveOptions({ flags: {}, env, cwd: process.cwd(), realmFileFromJaas: () => '' })
        expect(resolveWith({ WEBHOOK_PROVIDER: 'teams', WEBHOOK_URL: 'http://x' })).toThrow(
            /WEBHOOK_PROVIDER=teams: must be generic or slack/
        )
        expect(resolveWith({ WEBHOOK_VERBOSITY: 'SOME', WEBHOOK_URL: 'http://x' })).toThrow(
            /WEBHOOK_VERBOSITY=SOME: must be MUTATIONS, QUERIES or ALL/
        )
        expect(resolveWith({ WEBHOOK_URL: 'ftp://x' })).toThrow(/WEBHOOK_URL=ftp:\/\/x: must be an http/)
        expect(
            resolveOptions({
                flags: {},
                env: { SLACK_WEBHOOK_URL: 'https://hooks.example/x' },
                cwd: process.cwd(),
                realmFileFromJaas: () => '',
            }).webhook
        ).toEqual({
            provider: 'slack',
            url: 'https://hooks.example/x',
            verbosity: 'MUTATIONS',
        })
    })
})
