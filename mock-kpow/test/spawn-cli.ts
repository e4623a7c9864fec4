// Runs the real CLI in a child process (as a user would) and waits for its "listening" lines.
import type { ChildProcess } from 'node:child_process'
import { runTypeScript, startTypeScript } from '../../scripts/lib/common/index'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../src/index'

export interface SpawnedCli {
    readonly child: ChildProcess
    readonly apiUrl: string
    readonly uiUrl: string
    output(): string
    stop(signal?: NodeJS.Signals): Promise<number | null>
}

const environment = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...env })

/** Starts the CLI and resolves once it has printed where both listeners are (API first, then UI). */
export async function spawnCli(args: readonly string[], env: Record<string, string> = {}): Promise<SpawnedCli> {
    const started = startTypeScript(MOCK_KPOW_CLI, args, { env: environment(env) })
    const [api, ui] = await Promise.all([
        started.waitFor(MOCK_KPOW_LISTENING.api, 20_000),
        started.waitFor(MOCK_KPOW_LISTENING.ui, 20_000),
    ])
    return { ...started, apiUrl: api[1] ?? '', uiUrl: ui[1] ?? '' }
}

/** Runs the CLI to completion (for --help and configuration errors). */
export function runCli(
    args: readonly string[],
    env: Record<string, string> = {}
): Promise<{ code: number | null; output: string }> {
    return runTypeScript(MOCK_KPOW_CLI, args, { env: environment(env) })
}
