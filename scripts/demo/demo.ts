// `npm start` (or `npm run demo`): mock-kpow and the local instance wired together, for clicking
// through the integration guide's validation by hand. Builds the update set first when it is
// missing or older than the servicenow/ sources, starts the local instance empty and deploys the set
// into it with `npm run deploy`'s own code (upload, preview, commit, connection, activation), as
// onto a PDI. Ctrl-C (SIGINT) or SIGTERM stops both children;
// if one of them dies, the other is stopped too and the demo exits non-zero. Nothing outlives the
// command that started it: the demo stops when npm goes away (even by SIGKILL, which npm cannot
// pass on), and each child stops when the demo goes away (its IPC channel closes).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { Command, CommanderError } from 'commander'
import { createInterface } from 'node:readline'
import {
    advanceClocks,
    isPortFree,
    parseDuration,
    portArgument,
    portInUseMessage,
    startTypeScript,
} from '../lib/common/index.ts'
import type { ClockEndpoints } from '../lib/common/index.ts'
import type { StartedProcess } from '../lib/common/index.ts'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../../mock-kpow/src/index.ts'
import { LOCAL_INSTANCE_CLI, LOCAL_INSTANCE_LISTENING } from '../../e2e/local-instance/index.ts'
import { deployCommandLine } from '../deploy/index.ts'

const root = resolve(import.meta.dirname, '..', '..')
const updateSetFile = join(root, 'update-sets', 'kpow-jit-access.xml')
const sourceFolder = join(root, 'servicenow')
/** The local instance's administrator: the deploy signs in as them. */
const ADMIN_PASSWORD_VARIABLE = 'LOCAL_INSTANCE_ADMIN_PASSWORD'
const adminPassword = process.env[ADMIN_PASSWORD_VARIABLE] || 'admin'
/** Build outputs and tool folders: their times say nothing about the sources. */
const notSources = new Set(['node_modules', 'dist', '.now', 'target'])

function newestSourceTime(folder: string): { time: number; file: string } {
    let newest = { time: 0, file: '' }
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (notSources.has(entry.name)) continue
        const path = join(folder, entry.name)
        const candidate = entry.isDirectory() ? newestSourceTime(path) : { time: statSync(path).mtimeMs, file: path }
        if (candidate.time > newest.time) newest = candidate
    }
    return newest
}

/** Why the update set needs building, or undefined when it is newer than every source. */
function buildReason(): string | undefined {
    if (!existsSync(updateSetFile)) return `${relative(root, updateSetFile)} is missing`
    const newest = newestSourceTime(sourceFolder)
    if (newest.time > statSync(updateSetFile).mtimeMs)
        return `${relative(root, newest.file)} is newer than ${relative(root, updateSetFile)}`
    return undefined
}

/** Linux's view of a process: its parent and whether it is still running (not a zombie). */
function procStat(pid: number): { parent: number; running: boolean } | undefined {
    try {
        const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        // "pid (command) state ppid ...": the command may hold spaces and parentheses.
        const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return { parent: Number(parent), running: state !== 'Z' && state !== 'X' }
    } catch {
        return undefined
    }
}

function isGone(pid: number): boolean {
    if (existsSync('/proc/self/stat')) return !procStat(pid)?.running
    try {
        process.kill(pid, 0)
        return false
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ESRCH'
    }
}

/**
 * The processes whose end must end the demo: its parent and, under `npm start`, every ancestor up
 * to npm itself. npm runs the script through a shell that survives npm's SIGKILL, so watching the
 * parent alone would miss it.
 */
function processesToWatch(): number[] {
    const watched = [process.ppid]
    const npm = process.env.npm_execpath
    if (!npm || !existsSync('/proc/self/cmdline')) return watched
    for (let pid = process.ppid, depth = 0; depth < 5 && pid > 1; depth++) {
        let commandLine = ''
        try {
            commandLine = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8')
        } catch {
            break
        }
        // npm renames its process ("npm start ..."); started under another name it shows its script.
        const isNpm = /^npm(\0| |$)/.test(commandLine) || commandLine.includes(npm)
        if (isNpm) return [...new Set([...watched, pid])]
        watched.push(pid)
        pid = procStat(pid)?.parent ?? 0
    }
    return [process.ppid]
}

/** Polls the processes above the demo; once one is gone, stops the demo as SIGTERM would. */
function stopWhenStarterGoes(): void {
    const parent = process.ppid
    const watched = processesToWatch()
    const timer = setInterval(() => {
        const gone = process.ppid !== parent ? parent : watched.find(isGone)
        if (gone === undefined) return
        clearInterval(timer)
        console.log(`demo: the process that started it (pid ${String(gone)}) is gone`)
        process.kill(process.pid, 'SIGTERM')
    }, 500)
    timer.unref()
}

interface Child {
    readonly name: string
    readonly started: StartedProcess
    /** Resolves with the first capture of `pattern` in the child's output. */
    waitFor(pattern: RegExp): Promise<string>
}

function startChild(name: string, script: string, args: string[]): Child {
    const started = startTypeScript(script, args, {
        cwd: root,
        // The IPC channel is the child's lifeline: it closes when the demo ends, however it ends.
        ipc: true,
        onOutput: (chunk, stream) => {
            const target = stream === 'stdout' ? process.stdout : process.stderr
            for (const line of chunk.split('\n')) if (line !== '') target.write(`[${name}] ${line}\n`)
        },
    })
    return {
        name,
        started,
        waitFor: async (pattern) => {
            try {
                return (await started.waitFor(pattern, 60_000))[1] ?? ''
            } catch {
                const code = started.child.exitCode
                throw new Error(
                    code === null
                        ? `${name} was not ready in time`
                        : `${name} exited with ${String(code)} before it was ready`
                )
            }
        },
    }
}

async function stopChild(child: Child): Promise<void> {
    const timer = setTimeout(() => child.started.child.kill('SIGKILL'), 10_000)
    await child.started.stop()
    clearTimeout(timer)
}

async function main(argv: readonly string[]): Promise<number> {
    const program = new Command()
        .name('demo')
        .description('Starts mock-kpow and the local instance wired together, with the update set built if needed.')
        .option('--port <port>', 'local instance port', portArgument, 8080)
        .option('--kpow-api-port <port>', 'mock-kpow API port', portArgument, 4000)
        .option('--kpow-ui-port <port>', 'mock-kpow UI port', portArgument, 3000)
        .option('--no-build', 'use update-sets/kpow-jit-access.xml as it is, even if older than the sources')
        .exitOverride()
    try {
        program.parse(argv, { from: 'user' })
    } catch (error) {
        if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
        throw error
    }
    const flags = program.opts<{ port: number; kpowApiPort: number; kpowUiPort: number; build: boolean }>()
    // Checked before building or starting anything: a second `npm start` learns which flag moves it.
    const ports: [number, string][] = [
        [flags.port, '--port'],
        [flags.kpowApiPort, '--kpow-api-port'],
        [flags.kpowUiPort, '--kpow-ui-port'],
    ]
    for (const [port, flag] of ports) {
        if (port !== 0 && !(await isPortFree(port))) {
            console.error(`demo: ${portInUseMessage(port, flag)}`)
            return 2
        }
    }
    stopWhenStarterGoes()

    const reason = flags.build ? buildReason() : undefined
    if (reason) {
        console.log(`demo: building the update set (${reason}): npm run build`)
        const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
        if (build.status !== 0) {
            console.error('demo: "npm run build" failed; fix the servicenow/ sources and start again')
            return 1
        }
    } else {
        console.log(
            `demo: ${relative(root, updateSetFile)} ${flags.build ? 'is up to date' : 'used as it is (--no-build)'}`
        )
    }

    const kpow = startChild('mock-kpow', MOCK_KPOW_CLI, [
        '--api-port',
        String(flags.kpowApiPort),
        '--ui-port',
        String(flags.kpowUiPort),
    ])
    const children: Child[] = [kpow]
    let stopping = false
    const stopAll = async () => {
        stopping = true
        for (const child of [...children].reverse()) await stopChild(child)
    }
    try {
        const kpowApiUrl = await kpow.waitFor(MOCK_KPOW_LISTENING.api)
        const kpowUiUrl = await kpow.waitFor(MOCK_KPOW_LISTENING.ui)
        const instance = startChild('local-instance', LOCAL_INSTANCE_CLI, ['--empty', '--port', String(flags.port)])
        children.push(instance)
        const instanceUrl = await instance.waitFor(LOCAL_INSTANCE_LISTENING)
        console.log('demo: deploying the update set into the local instance, as `npm run deploy` does to a PDI')
        const deployed = await deployCommandLine(['deploy', '--update-set', updateSetFile], {
            write: (line) => console.log(`[deploy] ${line}`),
            environment: {
                SN_INSTANCE_URL: instanceUrl,
                SN_USER: 'admin',
                SN_PASSWORD: adminPassword,
                KPOW_API_URL: kpowApiUrl,
                KPOW_API_USER: 'admin',
                KPOW_API_PASSWORD: 'admin',
                // The grant notes' link to Data > Inspect (system property x_kpow_jit.kpow_ui_url).
                KPOW_UI_URL: kpowUiUrl,
            },
        })
        if (deployed !== 0) throw new Error('the deploy failed (above); mock-kpow and the local instance are stopped')
        const adminLogin = process.env[ADMIN_PASSWORD_VARIABLE]
            ? `password from ${ADMIN_PASSWORD_VARIABLE}`
            : 'admin / admin'
        console.log(`
Ready. Follow the article's validation (e2e/local-instance/README.md, "Trying the article's validation by hand"):

  Local instance  ${instanceUrl}   (password for every user: demo)
    admin            ${adminLogin}: the deploy's user (npm run deploy|status|smoke)
    abel.tuter       requester; manager beth.anglin approves
    beth.anglin      manager: My Approvals
    carol.nomanager  requester without a manager; gina.approver or hank.approver approve
    fred.fulfiller   fulfiller (itil): closes requested items
  Kpow UI         ${kpowUiUrl}   admin / admin (Settings > Temporary policies), user / password (Data > Inspect)
  Kpow API        ${kpowApiUrl}   (the "Kpow API" alias points here as admin)

  Outbox          ${instanceUrl}/outbox   (as admin: every email the notifications wrote)

Type a duration (e.g. 10m, 90s, 1h) and Enter to move both clocks ahead together: Kpow's expiry and
the flow's timers (expiry, reminders, approval deadlines) come due as if that much time had passed.
Ctrl-C stops both.`)
        advanceOnInput({
            kpow: { apiUrl: kpowApiUrl, user: 'admin', password: 'admin' },
            instance: { url: instanceUrl, user: 'admin', password: adminPassword },
        })
    } catch (error) {
        console.error(`demo: ${(error as Error).message}`)
        await stopAll()
        return 1
    }

    return new Promise<number>((resolveExit) => {
        const onSignal = (signal: NodeJS.Signals) => {
            console.log(`demo: ${signal} received, stopping mock-kpow and the local instance`)
            void stopAll().then(() => resolveExit(0))
        }
        process.once('SIGINT', onSignal)
        process.once('SIGTERM', onSignal)
        for (const child of children) {
            child.started.child.once('exit', (code, signal) => {
                if (stopping) return
                // Ctrl-C in a terminal signals the whole process group: a child may stop before our own
                // handler runs. A clean exit is a stop, anything else a failure.
                const clean = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM'
                if (!clean) console.error(`demo: ${child.name} exited (${String(code ?? signal)}); stopping the rest`)
                void stopAll().then(() => resolveExit(clean ? 0 : 1))
            })
        }
    })
}

/** Each line typed on the demo's terminal is a duration both clocks move ahead by (scripts/lib/common/clocks.ts). */
function advanceOnInput(endpoints: ClockEndpoints): void {
    const lines = createInterface({ input: process.stdin, terminal: false })
    lines.on('line', (line) => {
        if (line.trim() === '') return
        const ms = parseDuration(line)
        if (ms === undefined) {
            console.log(`demo: "${line.trim()}" is not a duration: type e.g. 10m, 90s, 1h or 1d`)
            return
        }
        advanceClocks(endpoints, ms).then(
            (advanced) =>
                console.log(
                    `demo: both clocks moved ahead ${line.trim()}: now ${new Date(advanced.instanceNowTs).toISOString()}; ${String(advanced.firedTimers)} flow timer(s) fired`
                ),
            (error: unknown) => console.error(`demo: ${(error as Error).message}`)
        )
    })
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(`demo: ${(error as Error).message}`)
        process.exit(1)
    }
)
