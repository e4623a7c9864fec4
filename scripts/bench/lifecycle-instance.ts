// One local instance for the lifecycle benchmark (lifecycle.ts), as a child process of its own so
// that the benchmark's HTTP client does not share its event loop: the built update set loaded through
// the instance's public entry, its connection pointed at the benchmark's mock-kpow, the flows active.
// `--sandbox-pool 0` is the baseline (a fresh QuickJS module as each script step starts), a setting
// only the benchmark uses. Prints "listening on URL"; SIGTERM (or the benchmark's exit) stops it.
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runAsScript, runUntilStopSignal } from '../lib/common/index.ts'
import { startLocalInstanceServer } from '../../e2e/local-instance/index.ts'

const root = resolve(import.meta.dirname, '..', '..')

async function main(argv: readonly string[]): Promise<number> {
    const { values } = parseArgs({
        args: [...argv],
        options: { 'kpow-url': { type: 'string' }, 'sandbox-pool': { type: 'string' } },
    })
    const kpowUrl = values['kpow-url']
    const sandboxPool = values['sandbox-pool'] === undefined ? undefined : Number(values['sandbox-pool'])
    if (kpowUrl === undefined) {
        console.error('lifecycle-instance: --kpow-url is required (the mock-kpow API the alias points at)')
        return 2
    }
    const running = await startLocalInstanceServer({
        updateSetFile: join(root, 'update-sets', 'kpow-jit-access.xml'),
        usersFile: join(root, 'e2e', 'local-instance', 'seed', 'users.json'),
        port: 0,
        kpow: { url: kpowUrl, user: 'admin', password: 'admin' },
        activate: true,
        sandboxPool,
    })
    console.log(`lifecycle-instance: listening on ${running.url}`)
    await runUntilStopSignal('lifecycle-instance', () => running.close())
    return 0
}

runAsScript(import.meta.url, 'lifecycle-instance', main)
