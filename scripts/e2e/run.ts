/**
 * `npm run test:e2e [-- --target=local|instance] [Playwright's arguments]`: the lifecycle specs.
 * `local` (the default) runs them as before, each test on a fresh local instance and mock-kpow.
 * `instance` runs them against the user's instance and the Kpow its connection reaches: first every
 * variable the deploy tool reads (SN_INSTANCE_URL, SN_USER, SN_PASSWORD, SN_SMOKE_REQUESTER,
 * SN_SMOKE_REQUESTER_PASSWORD, SN_SMOKE_APPROVER_PASSWORD, KPOW_API_URL, KPOW_API_USER,
 * KPOW_API_PASSWORD) is read with its own parsing, then the app must be deployed as `npm run status`
 * reads it; either failing stops here with one line. Playwright gets the target in E2E_TARGET,
 * which the specs' fixtures consult (e2e/specs/target.ts); every other argument passes through.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { Command, Option } from 'commander'
import { parseCommandLine, repositoryRoot, runAsScript } from '../lib/common/index.ts'
import {
    DEFAULT_UPDATE_SET,
    DeployError,
    instanceCredentials,
    kpowCredentials,
    readAppUpdateSet,
    readStatus,
    smokeCredentials,
} from '../deploy/index.ts'
import type { Environment, InstanceStatus } from '../deploy/index.ts'

export const TARGETS = ['local', 'instance'] as const
export type Target = (typeof TARGETS)[number]
/** How Playwright's workers learn the target. */
export const TARGET_VARIABLE = 'E2E_TARGET'
/** Optional: a member of the Kpow Access Approvers group, for the profile that asks that group too. */
export const GROUP_APPROVER_VARIABLES = ['SN_E2E_GROUP_APPROVER', 'SN_E2E_GROUP_APPROVER_PASSWORD'] as const

const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli')

export interface RunIo {
    write: (line: string) => void
    environment: Environment
    /** Runs Playwright with these arguments and environment; its exit code. */
    runPlaywright: (args: readonly string[], environment: Environment) => Promise<number>
}

/** What keeps the instance from running the specs, in a few words; undefined when it is ready. */
export function notReadyBecause(status: InstanceStatus): string | undefined {
    if (status.ready) return undefined
    if (status.updateSet.state !== 'committed') return `the update set is ${status.updateSet.state}`
    const unpublished = status.actions.filter((action) => !action.published).map((action) => action.name)
    if (unpublished.length > 0) return `action(s) not published: ${unpublished.join(', ')}`
    const inactive = status.flows.filter((flow) => !flow.active).map((flow) => flow.name)
    if (inactive.length > 0) return `flow(s) not active: ${inactive.join(', ')}`
    return status.connection ? 'the Kpow connection is inactive' : 'there is no Kpow connection'
}

/** The deploy tool's fixes name its flags too; this command takes the variables only. */
export function variablesOnly(fix: string): string {
    return fix.replace(/ \(or pass [^)]*\)$/, '').replace(/ or pass --\S+$/, '')
}

/** The instance target's settings are all there and the app is deployed; else a DeployError. */
async function checkInstance(environment: Environment): Promise<void> {
    const admin = instanceCredentials({}, environment)
    smokeCredentials({}, environment)
    kpowCredentials({}, environment)
    const [userVariable, passwordVariable] = GROUP_APPROVER_VARIABLES
    if (Boolean(environment[userVariable]) !== Boolean(environment[passwordVariable]))
        throw new DeployError(
            `${environment[userVariable] ? passwordVariable : userVariable} is not set (the group approver needs both)`,
            `set both ${userVariable} and ${passwordVariable}, or neither (the group-approval profile then skips)`
        )
    const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
    const status = await readStatus(admin, updateSet)
    const problem = notReadyBecause(status)
    if (problem)
        throw new DeployError(
            `the app is not deployed on ${admin.instanceUrl}: ${problem}`,
            'run `npm run deploy` (`npm run status` shows what the instance holds)'
        )
    if (status.updateSet.fingerprint && !status.updateSet.matchesLocalFile)
        throw new DeployError(
            `${admin.instanceUrl} runs another version of the update set than ${updateSet.fileName}`,
            'run `npm run deploy` to bring this one'
        )
}

export async function main(argv: readonly string[], io: RunIo = processIo()): Promise<number> {
    let target = 'local' as Target
    let passThrough: string[] = []
    const program = new Command('test:e2e')
        .description('Run the lifecycle specs in Playwright, against a fresh local instance or your deployed instance')
        .addOption(
            new Option('--target <target>', 'local: fresh servers per test; instance: your deployed instance')
                .choices(TARGETS)
                .default('local')
        )
        .argument('[playwright...]', "Playwright's own arguments, passed through")
        .allowUnknownOption()
        .allowExcessArguments()
        .action((_playwright: string[], flags: { target: Target }, command: Command) => {
            target = flags.target
            passThrough = command.args
        })
    const exitCode = parseCommandLine(program, argv)
    if (exitCode !== undefined) return exitCode
    if (target === 'instance') {
        try {
            await checkInstance(io.environment)
        } catch (error) {
            if (!(error instanceof DeployError)) throw error
            io.write(`test:e2e --target=instance: ${error.message}; fix: ${variablesOnly(error.fix)}`)
            return 1
        }
    }
    return io.runPlaywright(['test', '--project=e2e', ...passThrough], {
        ...io.environment,
        [TARGET_VARIABLE]: target,
    })
}

function processIo(): RunIo {
    return {
        write: (line) => console.error(line),
        environment: process.env,
        runPlaywright: (args, environment) =>
            new Promise((resolve) => {
                const child = spawn(process.execPath, [PLAYWRIGHT_CLI, ...args], {
                    cwd: repositoryRoot,
                    env: environment,
                    stdio: 'inherit',
                })
                child.on('error', (error) => {
                    console.error(`test:e2e: Playwright did not start: ${error.message}`)
                    resolve(1)
                })
                child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
            }),
    }
}

runAsScript(import.meta.url, 'test:e2e', main)
