// Starts a command-line program as a child process, gathers its output in order, and waits for the
// lines that say it is ready (e.g. "listening on http://..."): the one helper the tests, the
// Playwright fixtures and `npm start` use to run the kit's servers as a user would.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export interface StartOptions {
    cwd?: string
    /** The child's whole environment (default: this process's). */
    env?: NodeJS.ProcessEnv
    /** Its own process group, so that a test can signal the group (npm and what it started). */
    detached?: boolean
    /** An IPC channel: the child's lifeline, which closes when this process ends however it ends. */
    ipc?: boolean
    /** A pipe to the child's stdin (`child.stdin`), e.g. to type into `npm start`; default: none. */
    stdin?: boolean
    /** Called with each chunk of output as it arrives, e.g. to relay it with a prefix. */
    onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void
}

export interface StartedProcess {
    readonly child: ChildProcess
    /** stdout and stderr so far, in arrival order. */
    output(): string
    /**
     * Resolves with the first match of `pattern` in the output; rejects, with the output, if the
     * process exits first or `timeoutMs` passes.
     */
    waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
    /** Signals the process (SIGTERM by default) and resolves with its exit code once it has exited. */
    stop(signal?: NodeJS.Signals): Promise<number | null>
}

export function startProcess(command: string, args: readonly string[], options: StartOptions = {}): StartedProcess {
    const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        detached: options.detached,
        stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    })
    const { stdout, stderr } = child
    if (!stdout || !stderr) throw new Error(`${command}: no output pipes`)
    let output = ''
    const gather = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        output += chunk.toString()
        options.onOutput?.(chunk.toString(), stream)
    }
    stdout.on('data', gather('stdout'))
    stderr.on('data', gather('stderr'))
    const exited = (): boolean => child.exitCode !== null || child.signalCode !== null
    return {
        child,
        output: () => output,
        waitFor: (pattern, timeoutMs = 30_000) =>
            new Promise((resolveMatch, reject) => {
                const finish = (settle: () => void) => {
                    clearTimeout(timer)
                    stdout.off('data', check)
                    stderr.off('data', check)
                    child.off('exit', onExit)
                    settle()
                }
                const check = () => {
                    const match = pattern.exec(output)
                    if (match) finish(() => resolveMatch(match))
                }
                const onExit = (code: number | null) =>
                    finish(() =>
                        reject(new Error(`exited with ${String(code)} before printing ${pattern}:\n${output}`))
                    )
                const timer = setTimeout(
                    () => finish(() => reject(new Error(`did not print ${pattern} in time:\n${output}`))),
                    timeoutMs
                )
                stdout.on('data', check)
                stderr.on('data', check)
                child.once('exit', onExit)
                check()
                if (exited()) onExit(child.exitCode)
            }),
        async stop(signal = 'SIGTERM') {
            if (exited()) return child.exitCode
            const exit = once(child, 'exit')
            child.kill(signal)
            const [code] = (await exit) as [number | null]
            return code
        },
    }
}

/** A TypeScript entry point run with node and tsx, the way `npm run` runs the kit's commands. */
export function startTypeScript(script: string, args: readonly string[], options: StartOptions = {}): StartedProcess {
    return startProcess(process.execPath, ['--import', 'tsx', script, ...args], options)
}

/** Runs a TypeScript entry point to completion (e.g. --help, a configuration error). */
export async function runTypeScript(
    script: string,
    args: readonly string[],
    options: StartOptions = {}
): Promise<{ code: number | null; output: string }> {
    const started = startTypeScript(script, args, options)
    const [code] = (await once(started.child, 'exit')) as [number | null]
    return { code, output: started.output() }
}
