// What every long-running command of the kit does the same way: parse its flags (help exits 0, a
// bad flag exits 2 after commander's one-line message), wait for SIGINT/SIGTERM, close, say so;
// and, when run as a script, turn the exit code or an unexpected error into one line and an exit
// status, never a stack trace.
import { createServer } from 'node:net'
import { CommanderError, InvalidArgumentError, type Command } from 'commander'

/** A TCP port as a person types it: 0 (any free port) to 65535; undefined for anything else. */
export function parsePort(text: string): number | undefined {
    const port = Number(text)
    return /^\d+$/.test(text) && port <= 65535 ? port : undefined
}

/** commander's parser for a port flag (e.g. `--port <port>`): a bad value exits 2 with this message. */
export function portArgument(text: string): number {
    const port = parsePort(text)
    if (port === undefined) throw new InvalidArgumentError('a port is a number from 0 (any free port) to 65535')
    return port
}

/** The port a listener could not take because another process holds it (EADDRINUSE), else undefined. */
export function portInUse(error: unknown): number | undefined {
    const { code, port } = (error ?? {}) as { code?: unknown; port?: unknown }
    return code === 'EADDRINUSE' && typeof port === 'number' ? port : undefined
}

/** The one wording every command uses for a busy port: the flag that picks another. */
export function portInUseMessage(port: number, flag: string): string {
    return `port ${String(port)} is in use: pass ${flag} 0 (any free port) or another number`
}

/**
 * Whether a listener could take `port` on `host` now (a listener is opened there and closed at
 * once): for a command that starts several servers to name the busy one's flag before starting any.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
    return new Promise((resolveFree) => {
        const probe = createServer()
        // Another refusal (a privileged port, an address not on this machine) is the server's to report.
        probe.once('error', (error: NodeJS.ErrnoException) => resolveFree(error.code !== 'EADDRINUSE'))
        probe.listen(port, host, () => probe.close(() => resolveFree(true)))
    })
}

/** Parses `argv`; returns the exit code when commander already answered (--help, a bad flag). */
export function parseCommandLine(program: Command, argv: readonly string[]): number | undefined {
    program.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) })
    try {
        program.parse(argv, { from: 'user' })
        return undefined
    } catch (error) {
        if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
        throw error
    }
}

/**
 * Resolves once SIGINT or SIGTERM arrives, or, for a process started with an IPC channel (as
 * `npm start` starts its servers), once that channel closes: the parent exited, even by SIGKILL,
 * and a server it started must not outlive it. Then runs `close` and reports it under `name`.
 */
export async function runUntilStopSignal(name: string, close: () => Promise<void>): Promise<void> {
    await new Promise<void>((resolveStop) => {
        const stop = (reason: string) => {
            console.log(`${name}: ${reason}, shutting down`)
            resolveStop()
        }
        process.once('SIGINT', () => stop('SIGINT received'))
        process.once('SIGTERM', () => stop('SIGTERM received'))
        if (process.channel) {
            // The channel must not keep the process alive on its own once the servers are closed.
            process.channel.unref()
            process.once('disconnect', () => stop('parent process gone'))
        }
    })
    await close()
    console.log(`${name}: stopped`)
}

/** Runs `main` when `moduleUrl` is the script node was started with, exiting with its code. */
export function runAsScript(moduleUrl: string, name: string, main: (argv: readonly string[]) => Promise<number>): void {
    if (moduleUrl !== `file://${process.argv[1]}`) return
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (error: unknown) => {
            console.error(`${name}: ${(error as Error).message}`)
            process.exit(1)
        }
    )
}

/** Whether a process with this pid exists (EPERM: it does, under another user); for stale pid lock files. */
export function isProcessRunning(pid: number): boolean {
    try {
        process.kill(pid, 0)
        return true
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM'
    }
}
