// What must hold for any copy of the guide's Kpow configuration: the project's own fixture (normal
// tier) and the files Factor House publishes (reference tier) are checked by the same tests.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readJaasConfigFile, realmFileFor } from '../src/auth/jaas'
import { loadRealmFile } from '../src/auth/realm'
import { loadRbacFile } from '../src/config/rbac-file'
import { spawnCli } from './spawn-cli'

export interface GuideConfigFiles {
    /** The folder standing in for the container's /etc/kpow. */
    root: string
    setupEnv: string
    jaas: string
    realm: string
    rbac: string
}

const LOGIN_MODULE = 'org.eclipse.jetty.jaas.spi.PropertyFileLoginModule'
const CONTAINER_REALM = '/etc/kpow/jaas/hash-realm.properties'

export function guideJaasTests(files: GuideConfigFiles): void {
    it('has the kpow and kpow_api entries, each one property-file login module', () => {
        const config = readJaasConfigFile(files.jaas)
        expect([...config.entries.keys()]).toEqual(['kpow', 'kpow_api'])
        expect(config.entries.get('kpow_api')?.modules).toEqual([
            {
                className: LOGIN_MODULE,
                flag: 'required',
                options: new Map([
                    ['debug', 'true'],
                    ['file', CONTAINER_REALM],
                ]),
            },
        ])
    })

    it('names the same realm file for UI and API', () => {
        const config = readJaasConfigFile(files.jaas)
        expect(realmFileFor(config, 'kpow')).toBe(CONTAINER_REALM)
        expect(realmFileFor(config, 'kpow_api')).toBe(CONTAINER_REALM)
    })
}

export function guideRealmTests(files: GuideConfigFiles): void {
    it('lists its two users', () => {
        expect([...loadRealmFile(files.realm).users()].sort()).toEqual(['admin', 'user'])
    })

    it('admin/admin (CRYPT) is a kafka-admin, user/password (plain) a kafka-user', () => {
        const realm = loadRealmFile(files.realm)
        expect(realm.authenticate('admin', 'admin')).toEqual({ user: 'admin', roles: ['kafka-admins'] })
        expect(realm.authenticate('user', 'password')).toEqual({ user: 'user', roles: ['kafka-users'] })
        expect(realm.rolesOf('admin')).toEqual(['kafka-admins'])
        expect(realm.rolesOf('nobody')).toEqual([])
    })

    it('refuses wrong passwords and unknown users', () => {
        const realm = loadRealmFile(files.realm)
        expect(realm.authenticate('user', 'wrong')).toBeNull()
        expect(realm.authenticate('admin', 'password')).toBeNull()
        expect(realm.authenticate('Admin', 'admin')).toBeNull()
        expect(realm.authenticate('nobody', 'admin')).toBeNull()
    })
}

export function guideRbacTests(files: GuideConfigFiles): void {
    it('loads unchanged: kafka-admins administer and may TOPIC_INSPECT everywhere, kafka-users hold nothing', async () => {
        const model = await loadRbacFile(files.rbac)
        expect(model.adminRoles).toEqual(['kafka-admins'])
        expect(model.authorizedRoles).toEqual(['kafka-admins', 'kafka-users'])
        expect(model.policies).toHaveLength(1)
        expect(model.policies[0]?.roles).toEqual(['kafka-admins'])
        expect(model.policies[0]?.actions).toContain('TOPIC_INSPECT')
        expect(model.policies[0]?.resources).toEqual([['cluster', '*']])
        expect(model.tenants.map((tenant) => tenant.name)).toEqual(['Global', 'Kpow Hidden'])
    })
}

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

/** The CLI on the files as they are: setup.env names container paths that resolve beside it. */
export function guideConfigCliTests(files: GuideConfigFiles, environmentName: string): void {
    it('runs the configuration unchanged (setup.env, JAAS, CRYPT realm, RBAC) and stops on SIGTERM', async () => {
        const cli = await spawnCli(['--env-file', files.setupEnv, '--api-port', '0', '--ui-port', '0'])
        try {
            expect(cli.output()).toContain('hash-rbac.yml')
            const clusters = await adminCall(cli.apiUrl, 'GET', '/kafka/v1/clusters')
            expect(clusters.status).toBe(200)
            expect(clusters.text).toContain(environmentName)
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
            // The realm's user may not call the Admin API: kafka-users is no admin role.
            const asUser = await fetch(`${cli.apiUrl}/admin/v1/temporary-policies`, {
                headers: { authorization: `Basic ${Buffer.from('user:password').toString('base64')}` },
            })
            expect(asUser.status).toBe(403)
        } finally {
            expect(await cli.stop('SIGTERM')).toBe(0)
        }
        expect(cli.output()).toContain('stopped')
    })

    it('resolves the container paths of a copied configuration through --config-root', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'mock-kpow-config-'))
        cpSync(files.root, join(dir, 'kpow'), { recursive: true })
        const envFile = join(dir, 'elsewhere.env')
        writeFileSync(
            envFile,
            // API_ENABLED=true: as in Kpow, an env file without it runs the UI alone.
            'API_ENABLED=true\nRBAC_CONFIGURATION_FILE=/etc/kpow/rbac/hash-rbac.yml\nJAVA_TOOL_OPTIONS="-Djava.security.auth.login.config=/etc/kpow/jaas/hash-jaas.conf"\n'
        )
        const cli = await spawnCli([
            '--env-file',
            envFile,
            '--config-root',
            join(dir, 'kpow'),
            '--api-port',
            '0',
            '--ui-port',
            '0',
        ])
        try {
            expect((await adminCall(cli.apiUrl, 'GET', '/admin/v1/temporary-policies')).status).toBe(200)
        } finally {
            await cli.stop()
        }
    })
}
