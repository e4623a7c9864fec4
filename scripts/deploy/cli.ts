/**
 * The command line: `npm run deploy`, `status`, `smoke`, `verify` (this file with the
 * subcommand). Flags win over the environment; passwords are read, never printed: every line goes
 * through the reporter, which also redacts them.
 */
import { join } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { parseCommandLine, runAsScript } from '../lib/common/index.ts'
import { repositoryRoot } from '../lib/common/index.ts'
import { readAppUpdateSet } from './app-update-set.ts'
import { deploy, deployPlan } from './deploy.ts'
import type { Timing } from './deploy.ts'
import { DeployError } from './errors.ts'
import { Reporter } from './reporter.ts'
import {
    describeTarget,
    instanceCredentials,
    kpowCredentials,
    kpowUiUrl,
    passwordsOf,
    secretsOf,
    smokeCredentials,
} from './settings.ts'
import type { ConnectionFlags, Environment, SmokeFlags as SmokeCredentialFlags } from './settings.ts'
import { smoke } from './smoke.ts'
import type { SmokeOptions } from './smoke.ts'
import { showStatus } from './status.ts'
import { verify } from './verify.ts'

export const DEFAULT_UPDATE_SET = join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')
/** The guide's cluster and topic (and mock-kpow's): smoke's defaults. */
export const GUIDE_CLUSTER_ID = '42RglGpZQwy9D5VzTVpCWA'
export const GUIDE_TOPIC = 'tx_trade1'

export interface CliIo {
    write: (line: string) => void
    environment: Environment
    /** Tests shorten the polling. */
    timing?: Partial<Timing>
}

interface CommonFlags extends ConnectionFlags {
    updateSet: string
    timeout?: number
}

interface DeployFlags extends CommonFlags {
    acceptProblems?: boolean
    skipKpowCheck?: boolean
    dryRun?: boolean
}

interface SmokeFlags extends CommonFlags, SmokeCredentialFlags {
    cluster?: string
    topic?: string
    role?: string
    durationMs?: string
}

function secondsArgument(text: string): number {
    const seconds = Number(text)
    if (!/^\d+$/.test(text) || seconds < 1) throw new InvalidArgumentError('a whole number of seconds, at least 1')
    return seconds
}

function connectionOptions(command: Command, kpow: boolean): Command {
    command
        .option('--instance <url>', 'instance URL (default: SN_INSTANCE_URL or SN_SDK_INSTANCE_URL)')
        .option('--user <name>', 'ServiceNow user with the admin role (default: SN_USER or SN_SDK_USER)')
        .option(
            '--password <password>',
            'their password (default: SN_PASSWORD or SN_SDK_USER_PWD; prefer the variable)'
        )
        .option('--update-set <file>', 'the update set to deploy', DEFAULT_UPDATE_SET)
    if (kpow) {
        command
            .option('--kpow-url <url>', "Kpow's API base URL (default: KPOW_API_URL)")
            .option('--kpow-user <name>', "Kpow's API user (default: KPOW_API_USER)")
            .option('--kpow-password <password>', 'their password (default: KPOW_API_PASSWORD; prefer the variable)')
            .option(
                '--kpow-ui-url <url>',
                "Kpow's UI as people open it, for the grant notes' Data > Inspect link (system property x_kpow_jit.kpow_ui_url; default: KPOW_UI_URL; unset: left as it is)"
            )
    }
    return command
}

function timingOf(flags: CommonFlags, io: CliIo): Partial<Timing> {
    return { ...(flags.timeout ? { waitTimeoutMs: flags.timeout * 1000 } : {}), ...io.timing }
}

/** The command's reporter: it masks every password the flags and environment hold. */
function reporterFor(flags: ConnectionFlags & SmokeCredentialFlags, io: CliIo): Reporter {
    return new Reporter({
        write: io.write,
        secrets: secretsOf(flags, io.environment),
        encodedSecrets: passwordsOf(flags, io.environment),
    })
}

/**
 * Runs a command body: a DeployError the reporter has not shown yet is printed as message + fix;
 * exit 1. Any other error too, through the reporter (its message may quote a server, so it is
 * masked and bounded like every line), never as a stack trace.
 */
async function guarded(reporter: Reporter, body: () => Promise<number>): Promise<number> {
    try {
        return await body()
    } catch (caught) {
        const error =
            caught instanceof DeployError
                ? caught
                : new DeployError(
                      `unexpected failure: ${caught instanceof Error ? caught.message : String(caught)}`,
                      'run it again; if it persists, report it with this line (the tool has no answer for this case yet)'
                  )
        // A failed step has printed it already.
        if (!reporter.steps.some((step) => step.outcome === 'failed' && step.summary === error.message)) {
            reporter.line(`error: ${error.message}`)
            reporter.line(`    fix: ${error.fix}`)
        }
        return 1
    }
}

export async function main(
    argv: readonly string[],
    io: CliIo = { write: (line) => console.log(line), environment: process.env }
): Promise<number> {
    const { environment } = io
    let run: (() => Promise<number>) | undefined
    const program = new Command('deploy')
        .description('Deploy the Kpow JIT update set to a ServiceNow instance, show its status, smoke-test it')
        .showHelpAfterError()
        // Subcommands copy these when created: a bad flag of `deploy` then exits 2 like one of the program.
        .exitOverride()
        .configureOutput({ writeErr: (text) => process.stderr.write(text) })

    connectionOptions(program.command('deploy'), true)
        .description('upload, preview, commit, connect, activate and verify (idempotent)')
        .option('--accept-problems', 'commit despite preview errors')
        .option('--skip-kpow-check', "do not check that Kpow's API answers from this machine")
        .option('--dry-run', 'print the plan; call nothing')
        .option('--timeout <seconds>', 'longest wait for a preview or commit', secondsArgument)
        .action((flags: DeployFlags) => {
            run = async () => {
                const reporter = reporterFor(flags, io)
                return guarded(reporter, async () => {
                    const updateSet = readAppUpdateSet(flags.updateSet)
                    if (flags.dryRun) {
                        for (const line of deployPlan(updateSet, describeTarget(flags, environment), flags))
                            reporter.line(line)
                        return 0
                    }
                    await deploy({
                        instance: instanceCredentials(flags, environment),
                        kpow: kpowCredentials(flags, environment),
                        kpowUiUrl: kpowUiUrl(flags, environment),
                        updateSet,
                        reporter,
                        acceptProblems: flags.acceptProblems,
                        skipKpowCheck: flags.skipKpowCheck,
                        timing: timingOf(flags, io),
                    })
                    return 0
                })
            }
        })

    connectionOptions(program.command('status'), false)
        .description('what the instance holds: set committed, version, flow active, connection URL')
        .action((flags: CommonFlags) => {
            run = async () => {
                const reporter = reporterFor(flags, io)
                return guarded(reporter, async () => {
                    await showStatus(
                        instanceCredentials(flags, environment),
                        readAppUpdateSet(flags.updateSet),
                        reporter
                    )
                    return 0
                })
            }
        })

    /** smoke and verify order as the requester: the same people, item variables and waits. */
    const orderingCommand = (name: string, description: string, body: (options: SmokeOptions) => Promise<number>) =>
        connectionOptions(program.command(name), true)
            .description(description)
            .option('--requester <user>', 'requester with a manager (default: SN_SMOKE_REQUESTER)')
            .option('--requester-password <password>', 'their password (default: SN_SMOKE_REQUESTER_PASSWORD)')
            .option('--approver-password <password>', "their manager's password (default: SN_SMOKE_APPROVER_PASSWORD)")
            .option('--cluster <id>', 'cluster_id to order', GUIDE_CLUSTER_ID)
            .option('--topic <name>', 'topic_name to order', GUIDE_TOPIC)
            .option('--role <name>', "role_name to order (default: the item's first choice)")
            .option('--duration-ms <ms>', "duration_ms to order (default: the item's shortest)")
            .option('--timeout <seconds>', 'longest wait for each flow step', secondsArgument)
            .action((flags: SmokeFlags) => {
                run = async () => {
                    const reporter = reporterFor(flags, io)
                    return guarded(reporter, async () => {
                        const { requester, approverPassword } = smokeCredentials(flags, environment)
                        return body({
                            instance: instanceCredentials(flags, environment),
                            requester,
                            approverPassword,
                            kpow: kpowCredentials(flags, environment),
                            updateSet: readAppUpdateSet(flags.updateSet),
                            reporter,
                            variables: {
                                cluster_id: flags.cluster ?? GUIDE_CLUSTER_ID,
                                topic_name: flags.topic ?? GUIDE_TOPIC,
                                role_name: flags.role,
                                duration_ms: flags.durationMs,
                            },
                            timing: timingOf(flags, io),
                        })
                    })
                }
            })
    orderingCommand('smoke', 'order, approve, grant, check Kpow, close, check revoked; cleans up', async (options) => {
        await smoke(options)
        return 0
    })
    orderingCommand(
        'verify',
        'check on the instance what only a real one confirms (each: holds, differs, cannot check); cleans up; exit 0 only when all hold',
        async (options) => ((await verify(options)).allHold ? 0 : 1)
    )

    const exitCode = parseCommandLine(program, argv)
    if (exitCode !== undefined) return exitCode
    if (!run) {
        program.outputHelp()
        return 2
    }
    return run()
}

runAsScript(import.meta.url, 'deploy', main)
