// The servers a deploy's end-to-end tests run against: mock-kpow and the local instance started
// empty, each a real child process on port 0 (a flow's Kpow call must never share the test's
// process), and `npm run deploy|smoke` run in this process against them, its lines collected.
import { afterAll, beforeAll } from 'vitest'
import { startTypeScript } from '../lib/common/index.ts'
import type { StartedProcess } from '../lib/common/index.ts'
import { deployCommandLine } from '../deploy/index.ts'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../../mock-kpow/src/index.ts'
import { LOCAL_INSTANCE_CLI, LOCAL_INSTANCE_LISTENING } from '../../e2e/local-instance/index.ts'

export interface DeployTargets {
    instanceUrl: string
    kpowApiUrl: string
    /** The local instance's admin password (its admin is `admin`). */
    adminPassword: string
    /** Runs the deploy command line (`deploy`, `smoke`, `status` and flags) against both; its exit code and lines. */
    run(args: readonly string[]): Promise<{ code: number; output: string }>
    stop(): Promise<void>
}

const ADMIN_PASSWORD = 'local-admin-secret'

export async function startDeployTargets(): Promise<DeployTargets> {
    const childEnvironment = { PATH: process.env.PATH ?? '' }
    const started: StartedProcess[] = []
    const stop = async () => {
        for (const child of started.reverse()) await child.stop()
    }
    try {
        const kpow = startTypeScript(MOCK_KPOW_CLI, ['--api-port', '0', '--ui-port', '0'], { env: childEnvironment })
        started.push(kpow)
        const instance = startTypeScript(LOCAL_INSTANCE_CLI, ['--empty', '--port', '0'], {
            env: { ...childEnvironment, LOCAL_INSTANCE_ADMIN_PASSWORD: ADMIN_PASSWORD },
        })
        started.push(instance)
        const [, kpowApiUrl = ''] = await kpow.waitFor(MOCK_KPOW_LISTENING.api)
        const [, instanceUrl = ''] = await instance.waitFor(LOCAL_INSTANCE_LISTENING)
        const environment = {
            SN_INSTANCE_URL: instanceUrl,
            SN_USER: 'admin',
            SN_PASSWORD: ADMIN_PASSWORD,
            KPOW_API_URL: kpowApiUrl,
            KPOW_API_USER: 'admin',
            KPOW_API_PASSWORD: 'admin',
            SN_SMOKE_REQUESTER: 'abel.tuter',
            SN_SMOKE_REQUESTER_PASSWORD: 'demo',
            SN_SMOKE_APPROVER_PASSWORD: 'demo',
        }
        return {
            instanceUrl,
            kpowApiUrl,
            adminPassword: ADMIN_PASSWORD,
            async run(args) {
                const lines: string[] = []
                const code = await deployCommandLine(args, { write: (line) => lines.push(line), environment })
                return { code, output: lines.join('\n') }
            },
            stop,
        }
    } catch (error) {
        await stop()
        throw error
    }
}

/** Starts the targets before the file's tests and stops them after; the getter gives the running ones. */
export function useDeployTargets(): () => DeployTargets {
    let targets: DeployTargets | undefined
    beforeAll(async () => {
        targets = await startDeployTargets()
    }, 60_000)
    afterAll(async () => {
        await targets?.stop()
    })
    return () => {
        if (!targets) throw new Error('the deploy targets did not start (see beforeAll)')
        return targets
    }
}
