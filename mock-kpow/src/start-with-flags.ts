// mock-kpow started in the caller's process with the command line's flags and defaults, for callers
// that need its servers but not its command line (the e2e specs: no child process to spawn and wait for).
import { readJaasConfigFile, realmFileFor } from './auth/index'
import { resolveOptions, type CliFlags } from './config/options'
import { startMockKpow, type RunningMockKpow, type StartOptions } from './server'

/** As `npm run mock-kpow` with these flags would start it; the environment is not read. */
export function startMockKpowWithFlags(flags: CliFlags, start: StartOptions = {}): Promise<RunningMockKpow> {
    const options = resolveOptions({
        flags,
        env: {},
        cwd: process.cwd(),
        realmFileFromJaas: (jaasFile, entry) => realmFileFor(readJaasConfigFile(jaasFile), entry),
    })
    return startMockKpow(options, start)
}
