// The local instance's command line: `npm run local-instance -- [flags]`, started with an update set
// file or `--empty` (a deploy brings the set). Configuration errors and update sets it cannot run
// print a clear message (with the full list of what is unsupported) and exit 2, never a stack
// trace. SIGINT/SIGTERM close the server.
import { resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { UpdateSetFormatError } from '../../scripts/lib/update-set/index'
import { DEFAULT_ADMIN_PASSWORD, DEMO_PASSWORD } from './http/app'
import { LocalInstanceError, StoreUnavailableError } from './instance'
import {
    parseCommandLine,
    portArgument,
    portInUse,
    portInUseMessage,
    runAsScript,
    runUntilStopSignal,
} from '../../scripts/lib/common/index'
import { startLocalInstanceServer } from './server'
import { UnsupportedUpdateSetError } from './unsupported'

const repositoryRoot = resolve(import.meta.dirname, '..', '..')

function url(text: string): string {
    try {
        new URL(text)
    } catch {
        throw new InvalidArgumentError('give an absolute URL such as http://127.0.0.1:4000')
    }
    return text
}

interface Flags {
    updateSet: string
    users: string
    port: number
    host: string
    kpowUrl: string
    kpowUser: string
    kpowPassword: string
    kpowUiUrl?: string
    alias?: string
    activate: boolean
    empty: boolean
    adminPassword: string
    dataDir?: string
}

/** Flags that configure a set loaded at start: meaningless with --empty, where a deploy does it. */
const setFlags = ['updateSet', 'kpowUrl', 'kpowUser', 'kpowPassword', 'kpowUiUrl', 'alias', 'activate'] as const
const flagNames: Record<(typeof setFlags)[number], string> = {
    updateSet: '--update-set',
    kpowUrl: '--kpow-url',
    kpowUser: '--kpow-user',
    kpowPassword: '--kpow-password',
    kpowUiUrl: '--kpow-ui-url',
    alias: '--alias',
    activate: '--activate',
}

export async function main(argv: readonly string[]): Promise<number> {
    const program = new Command()
        .name('local-instance')
        .description(
            'A ServiceNow-like instance that loads an update set file, runs its catalog item and flow, and serves the pages to request, approve and fulfil.'
        )
        .option(
            '--update-set <file>',
            'update set XML to load',
            resolve(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')
        )
        .option(
            '--users <file>',
            'users and groups to seed (JSON)',
            resolve(repositoryRoot, 'e2e', 'local-instance', 'seed', 'users.json')
        )
        .option('--port <port>', 'port to listen on, 0 = any free port', portArgument, 8080)
        .option('--host <host>', 'address to listen on', '127.0.0.1')
        .option('--kpow-url <url>', "the Kpow API base URL for the alias' connection", url, 'http://127.0.0.1:4000')
        .option('--kpow-user <user>', "the Basic credential's user name", 'admin')
        .option('--kpow-password <password>', "the Basic credential's password", 'admin')
        .option(
            '--kpow-ui-url <url>',
            "Kpow's UI address for the grant note's Data > Inspect link (system property x_kpow_jit.kpow_ui_url)",
            url
        )
        .option('--alias <name>', 'the connection alias to configure, by name or id (only when the set has several)')
        .option(
            '--activate',
            'activate the flows after loading (on a PDI: Flow Designer > Activate); imports leave them draft',
            false
        )
        .option(
            '--empty',
            'start with no update set: deploy one through the REST API (npm run deploy), as to a PDI',
            false
        )
        .option(
            '--data-dir <dir>',
            'keep tables, committed sets and waiting flows in this folder (SQLite) and resume them on the next start; default: memory only'
        )
        .addOption(
            new Option('--admin-password <password>', 'the password of the "admin" user (role admin)')
                .env('LOCAL_INSTANCE_ADMIN_PASSWORD')
                .default(DEFAULT_ADMIN_PASSWORD)
        )
    const answered = parseCommandLine(program, argv)
    if (answered !== undefined) return answered
    const flags = program.opts<Flags>()
    if (flags.empty) {
        const given = setFlags.filter((flag) => program.getOptionValueSource(flag) === 'cli')
        if (given.length > 0) {
            console.error(
                `local-instance: ${given.map((flag) => flagNames[flag]).join(', ')} configure a set loaded at start; with --empty a deploy uploads the set and creates the connection: drop them or --empty`
            )
            return 2
        }
    }
    let running: Awaited<ReturnType<typeof startLocalInstanceServer>>
    try {
        running = await startLocalInstanceServer({
            updateSetFile: flags.empty ? undefined : flags.updateSet,
            usersFile: flags.users,
            port: flags.port,
            host: flags.host,
            kpow: flags.empty ? undefined : { url: flags.kpowUrl, user: flags.kpowUser, password: flags.kpowPassword },
            alias: flags.alias,
            properties: flags.kpowUiUrl === undefined ? undefined : { 'x_kpow_jit.kpow_ui_url': flags.kpowUiUrl },
            activate: flags.activate,
            adminPassword: flags.adminPassword,
            dataDir: flags.dataDir,
        })
    } catch (error) {
        if (
            error instanceof UnsupportedUpdateSetError ||
            error instanceof LocalInstanceError ||
            error instanceof StoreUnavailableError ||
            error instanceof UpdateSetFormatError
        ) {
            console.error(`local-instance: ${error.message}`)
            return 2
        }
        const busyPort = portInUse(error)
        if (busyPort !== undefined) {
            console.error(`local-instance: ${portInUseMessage(busyPort, '--port')}`)
            return 2
        }
        throw error
    }
    const { report, resumed } = running.instance
    if (resumed) {
        const ignored = setFlags.filter((flag) => program.getOptionValueSource(flag) === 'cli')
        console.log(
            `local-instance: resumed ${resumed.dataDir}: ${String(resumed.unfinishedFlowRuns)} unfinished flow run(s) go on; the sets and connections it holds stand${ignored.length > 0 ? ` (${ignored.map((flag) => flagNames[flag]).join(', ')} apply to a new data dir only: ignored)` : ''}`
        )
    } else if (report) {
        console.log(`local-instance: loaded "${report.updateSetName}" from ${flags.updateSet}`)
        console.log(`local-instance: alias "${running.aliasName ?? ''}" -> ${flags.kpowUrl} as ${flags.kpowUser}`)
        for (const flow of report.flows) {
            const active = running.activatedFlows.includes(flow.name)
            console.log(
                `local-instance: flow "${flow.name}" ${active ? 'activated (--activate)' : 'left draft: orders start nothing until you pass --activate'}`
            )
        }
    } else {
        console.log('local-instance: started empty: deploy an update set (npm run deploy) as to a PDI')
    }
    const fixtureUsers = running.instance.users.users.filter((user) => user.user_name !== 'admin')
    console.log(
        `local-instance: logins (password "${DEMO_PASSWORD}"): ${fixtureUsers.map((user) => user.user_name).join(', ')}`
    )
    const adminPasswordSource = program.getOptionValueSource('adminPassword')
    console.log(
        `local-instance: admin (role admin), password ${adminPasswordSource === 'default' ? `"${DEFAULT_ADMIN_PASSWORD}"` : `from ${adminPasswordSource === 'env' ? 'LOCAL_INSTANCE_ADMIN_PASSWORD' : '--admin-password'}`}`
    )
    console.log(`local-instance: listening on ${running.url}`)

    await runUntilStopSignal('local-instance', () => running.close())
    return 0
}

runAsScript(import.meta.url, 'local-instance', main)
