// mock-kpow's command line: `npm run mock-kpow -- [flags]` or the `mock-kpow` bin.
// Options are resolved once (config/options.ts); errors print one clear line and exit 2, never a
// stack trace. SIGINT/SIGTERM close both listeners and flush the data directory before exiting.
import { Command } from 'commander'
import { readJaasConfigFile, realmFileFor } from './auth/index'
import { resolveOptions, type CliFlags, type MockKpowOptions } from './config/options'
import type { ClusterIdentity } from './engine/types'
import { DEFAULT_CLUSTERS_FILE } from './data/clusters-file'
import {
    parseCommandLine,
    portInUse,
    portInUseMessage,
    runAsScript,
    runUntilStopSignal,
} from '../../scripts/lib/common/index'
import { startMockKpow, type StartOptions } from './server'

export async function main(argv: readonly string[], start: StartOptions = {}): Promise<number> {
    const program = new Command()
        .name('mock-kpow')
        .description(
            'A stand-in for Kpow (Factor House): its temporary-policies API, RBAC engine, Jetty realms and the UI pages ' +
                "the ServiceNow integration guide validates with. Kpow's environment variables are honoured " +
                '(RBAC_CONFIGURATION_FILE, API_ENABLED, API_PORT, PORT, TEMPORARY_POLICY_MAX_MS, RBAC_EVALUATION_STRATEGY, ' +
                'AUTH_PROVIDER_TYPE, API_AUTH_PROVIDER_TYPE, JAVA_TOOL_OPTIONS=-Djava.security.auth.login.config=<jaas>, ' +
                'ENVIRONMENT_NAME, BOOTSTRAP, CLUSTER_ID and their _2, _3 ... twins); flags override them. With an env file ' +
                '(or these variables in the environment) the API runs only when API_ENABLED=true, as in Kpow. ' +
                "With no flags it runs the guide's setup."
        )
        .option('--rbac <file>', 'RBAC YAML file (overrides RBAC_CONFIGURATION_FILE)')
        .option('--realm <file>', 'Jetty realm.properties for both UI and API (overrides the JAAS file)')
        .option('--api-port <port>', 'API listener port, 0 = any free port (overrides API_PORT; default 4000)')
        .option('--ui-port <port>', 'UI listener port, 0 = any free port (overrides PORT; default 3000)')
        .option('--data-dir <dir>', 'keep temporary policies and the audit log in this folder across restarts')
        .option('--clusters <file>', 'clusters, topics and messages (YAML or JSON)')
        .option('--env-file <file>', "read Kpow environment variables from this file (e.g. the guide's setup.env)")
        .option('--config-root <dir>', 'folder standing in for /etc/kpow when files name container paths')

    const answered = parseCommandLine(program, argv)
    if (answered !== undefined) return answered

    const flags = program.opts<CliFlags>()
    let stopped: Promise<void>
    let options: MockKpowOptions | undefined
    try {
        options = resolveOptions({
            flags,
            env: process.env,
            cwd: process.cwd(),
            realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
        })
        const running = await startMockKpow(options, start)
        // Waiting for a stop signal starts before the URLs are announced: whoever reads them may
        // send SIGTERM at once, and a signal before the handler would kill without closing.
        stopped = runUntilStopSignal('mock-kpow', () => running.close())
        console.log(`mock-kpow: RBAC ${options.rbacFile} (${options.strategy}), realm ${options.apiRealmFile}`)
        console.log(`mock-kpow: state ${running.service.config.persistence.description}`)
        console.log(`mock-kpow: clusters ${describeClusters(options, running.service.config.clusters)}`)
        for (const warning of options.warnings ?? []) console.error(`mock-kpow: ${warning}`)
        if (options.webhook) {
            const { provider, url, verbosity } = options.webhook
            console.log(`mock-kpow: audit webhook ${provider} ${new URL(url).origin} (${verbosity})`)
        }
        if (running.apiUrl) console.log(`mock-kpow: API listening on ${running.apiUrl}`)
        if (options.apiOffReason) console.log(`mock-kpow: ${options.apiOffReason}`)
        if (running.uiUrl) console.log(`mock-kpow: UI listening on ${running.uiUrl} (log in at ${running.uiUrl}/login)`)
    } catch (error) {
        const busyPort = portInUse(error)
        console.error(
            `mock-kpow: ${busyPort !== undefined && options ? portInUseMessage(busyPort, busyPortFlag(busyPort, options)) : (error as Error).message}`
        )
        return 2
    }

    await stopped
    return 0
}

/** The flag that moves the listener on `port`; both when the two listeners were given the same one. */
function busyPortFlag(port: number, options: MockKpowOptions): string {
    if (options.apiEnabled && port === options.apiPort && port !== options.uiPort) return '--api-port'
    if (port === options.uiPort && (port !== options.apiPort || !options.apiEnabled)) return '--ui-port'
    return '--api-port or --ui-port'
}

function describeClusters(options: MockKpowOptions, clusters: readonly ClusterIdentity[]): string {
    const list = clusters.map((cluster) => `${cluster.id} (${cluster.name})`).join(', ')
    if (options.clustersFile) return `${options.clustersFile}: ${list}`
    if (options.environmentClusters)
        return `${list} from ENVIRONMENT_NAME/CLUSTER_ID/BOOTSTRAP, data ${DEFAULT_CLUSTERS_FILE}`
    return `${DEFAULT_CLUSTERS_FILE} (default): ${list}`
}

runAsScript(import.meta.url, 'mock-kpow', main)
