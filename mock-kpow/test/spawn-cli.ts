// Runs the real CLI in a child process (as a user would) and waits for its "listening" lines.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'

const CLI = resolve(import.meta.dirname, '../src/cli.ts')

export interface SpawnedCli {
    readonly child: ChildProcess
    readonly apiUrl: string
    readonly uiUrl: string
    output(): string
    stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** The CLI as a child process, its stdout and stderr gathered in order. */
function startCliProcess(args: readonly string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    return { child, output: () => output }
}

/** Starts the CLI and resolves once it has printed where both listeners are (API first, then UI). */
export async function spawnCli(args: readonly string[], env: Record<string, string> = {}): Promise<SpawnedCli> {
    const { child, output } = startCliProcess(args, env)
    const [apiUrl, uiUrl] = await new Promise<[string, string]>((resolveUrls, reject) => {
        const timer = setTimeout(() => reject(new Error(`CLI did not start in time:\n${output()}`)), 20_000)
        const onData = () => {
            const api = /API listening on (http:\/\/\S+)/.exec(output())?.[1]
            const ui = /UI listening on (http:\/\/\S+)/.exec(output())?.[1]
            if (api && ui) {
                clearTimeout(timer)
                resolveUrls([api, ui])
            }
        }
        child.stdout.on('data', onData)
        child.once('exit', (code) => {
            clearTimeout(timer)
            reject(new Error(`CLI exited with ${code}:\n${output()}`))
        })
    })
    return {
        child,
        apiUrl,
        uiUrl,
        output,
        async stop(signal = 'SIGTERM') {
            if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
            const exited = once(child, 'exit')
            child.kill(signal)
            const [code] = (await exited) as [number | null]
            return code
        },
    }
}

/** Runs the CLI to completion (for --help and configuration errors). */
export async function runCli(
    args: readonly string[],
    env: Record<string, string> = {}
): Promise<{ code: number | null; output: string }> {
    const { child, output } = startCliProcess(args, env)
    const [code] = (await once(child, 'exit')) as [number | null]
    return { code, output: output() }
}
