// Normalises mock-kpow's configuration once, at entry: command-line flags override an --env-file,
// which overrides the process environment, which overrides the defaults (the guide's setup).
// Kpow's own variables are honoured so a Kpow setup.env works unchanged; its container paths
// (/etc/kpow/...) are resolved against --config-root, or, failing that, the folder above the
// env file (the guide keeps config/, jaas/ and rbac/ side by side).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { parsePort } from '../../../scripts/lib/common/index'
import type { EvaluationStrategy } from '../engine/types'
import type { WebhookSettings } from '../store/audit-webhook'

/** The integration guide's cluster id: the default cluster's, and the one every guide example uses. */
export const DEFAULT_CLUSTER_ID = '42RglGpZQwy9D5VzTVpCWA'
const DEFAULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../defaults')

export interface CliFlags {
    readonly rbac?: string
    readonly realm?: string
    readonly apiPort?: string
    readonly uiPort?: string
    readonly dataDir?: string
    readonly clusters?: string
    readonly envFile?: string
    readonly configRoot?: string
}

/** A Kafka cluster named by Kpow's ENVIRONMENT_NAME / CLUSTER_ID / BOOTSTRAP variables (and their _2, _3 twins). */
export interface EnvironmentCluster {
    readonly id: string
    readonly name: string
    readonly bootstrap: string | undefined
}

export interface MockKpowOptions {
    readonly rbacFile: string
    /** Realm of the JAAS `kpow` entry: UI logins. */
    readonly uiRealmFile: string
    /** Realm of the JAAS `kpow_api` entry: API Basic auth (the UI realm when the API is off). */
    readonly apiRealmFile: string
    readonly apiEnabled: boolean
    /** Why the API is off, and how to turn it on (printed at start); undefined when it is on. */
    readonly apiOffReason?: string
    /** Things a user should know at start (no AUTH_PROVIDER_TYPE, ...): printed loudly, never fatal. */
    readonly warnings?: readonly string[]
    /** Kpow's audit webhook (WEBHOOK_PROVIDER, WEBHOOK_URL, WEBHOOK_VERBOSITY, or the older SLACK_WEBHOOK_URL). */
    readonly webhook?: WebhookSettings
    /** Clusters from Kpow's variables, when no clusters file is given; undefined = the default data set as is. */
    readonly environmentClusters?: readonly EnvironmentCluster[]
    readonly apiPort: number
    readonly uiPort: number
    readonly dataDir: string | undefined
    readonly clustersFile: string | undefined
    readonly strategy: EvaluationStrategy
    readonly maxDurationMs: number
    readonly environmentName: string
    /** Where each setting came from, printed at start so a surprise is easy to trace. */
    readonly origins: Readonly<Record<string, string>>
}

export class OptionsError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'OptionsError'
    }
}

/** The JAAS file named by -Djava.security.auth.login.config=... in JAVA_TOOL_OPTIONS, if any. */
export function jaasFileFromJavaToolOptions(value: string | undefined): string | undefined {
    if (!value) return undefined
    const match = /-Djava\.security\.auth\.login\.config==?("([^"]+)"|(\S+))/.exec(value)
    return match?.[2] ?? match?.[3]
}

export interface ResolveInput {
    readonly flags: CliFlags
    readonly env: Readonly<Record<string, string | undefined>>
    readonly cwd: string
    /** Reads a JAAS file and returns the realm file of an entry; injected so this module stays testable. */
    readonly realmFileFromJaas: (jaasFile: string, entry: 'kpow' | 'kpow_api') => string
}

export function resolveOptions(input: ResolveInput): MockKpowOptions {
    const { flags, cwd } = input
    const origins: Record<string, string> = {}
    const envFile = flags.envFile ? resolve(cwd, flags.envFile) : undefined
    const fileEnv = envFile ? readEnvFile(envFile) : {}
    const configRoot = flags.configRoot
        ? resolve(cwd, flags.configRoot)
        : envFile
          ? dirname(dirname(envFile))
          : undefined
    const setting = (name: string): string | undefined => {
        if (fileEnv[name] !== undefined) {
            origins[name] = `--env-file ${envFile}`
            return fileEnv[name]
        }
        if (input.env[name] !== undefined && input.env[name] !== '') {
            origins[name] = 'environment'
            return input.env[name]
        }
        return undefined
    }
    const locate = (path: string, what: string): string => {
        const resolved = resolveContainerPath(path, cwd, configRoot)
        if (!existsSync(resolved)) {
            const hint =
                path.startsWith('/etc/kpow/') && !configRoot
                    ? ' Pass --config-root <folder holding jaas/ and rbac/>.'
                    : ''
            throw new OptionsError(`${what}: file not found: ${resolved}.${hint}`)
        }
        return resolved
    }

    let rbacFile: string
    const rbacSetting = setting('RBAC_CONFIGURATION_FILE')
    if (flags.rbac) {
        rbacFile = locate(flags.rbac, '--rbac')
        origins.rbac = '--rbac'
    } else if (rbacSetting) {
        rbacFile = locate(rbacSetting, 'RBAC_CONFIGURATION_FILE')
    } else {
        rbacFile = join(DEFAULTS_DIR, 'rbac.yml')
        origins.rbac = "default (the guide's RBAC file)"
    }

    // Kpow serves its API only when API_ENABLED=true. A user who brings a Kpow configuration (an env
    // file, or Kpow's variables in the environment) gets exactly that; without one, the mock runs the
    // guide's setup, whose API is on [C].
    const jaasFile = jaasFileFromJavaToolOptions(setting('JAVA_TOOL_OPTIONS'))
    const kpowConfigurationGiven =
        envFile !== undefined ||
        KPOW_CONFIGURATION_VARIABLES.some((name) => nonEmpty(input.env[name])) ||
        jaasFile !== undefined
    const apiEnabledText = setting('API_ENABLED') ?? (kpowConfigurationGiven ? 'false' : 'true')
    if (apiEnabledText !== 'true' && apiEnabledText !== 'false') {
        throw new OptionsError(`API_ENABLED=${apiEnabledText}: must be true or false.`)
    }
    const apiEnabled = apiEnabledText === 'true'
    const where = envFile ? `--env-file ${envFile}` : 'the environment'
    const apiOffReason = apiEnabled
        ? undefined
        : setting('API_ENABLED') === undefined
          ? `API off: ${where} does not set API_ENABLED (Kpow serves its API only when API_ENABLED=true); add API_ENABLED=true (and API_PORT, default 4000) to turn it on.`
          : `API off: API_ENABLED=false in ${origins.API_ENABLED ?? where}; set API_ENABLED=true (and API_PORT, default 4000) to turn it on.`

    let uiRealmFile: string
    let apiRealmFile: string
    if (flags.realm) {
        uiRealmFile = apiRealmFile = locate(flags.realm, '--realm')
        origins.realm = '--realm'
    } else if (jaasFile) {
        const jaas = locate(jaasFile, 'JAVA_TOOL_OPTIONS -Djava.security.auth.login.config')
        uiRealmFile = locate(input.realmFileFromJaas(jaas, 'kpow'), `${jaas} entry kpow`)
        // Kpow reads the kpow_api entry only for its API: a UI-only setup need not have one.
        apiRealmFile = apiEnabled ? locate(apiRealmFromJaas(input, jaas), `${jaas} entry kpow_api`) : uiRealmFile
        origins.realm = `JAAS ${jaas}`
    } else {
        uiRealmFile = apiRealmFile = join(DEFAULTS_DIR, 'realm.properties')
        origins.realm = 'default (admin/admin, user/password)'
    }

    const warnings: string[] = []
    if (kpowConfigurationGiven && setting('AUTH_PROVIDER_TYPE') === undefined) {
        warnings.push(
            `WARNING: AUTH_PROVIDER_TYPE is not set in ${where}. Kpow would run without user authentication ` +
                '(no login, no roles). mock-kpow still asks for a login, against ' +
                (flags.realm || jaasFile ? uiRealmFile : 'its default users (admin/admin, user/password)') +
                ', so RBAC decisions can be shown. Set AUTH_PROVIDER_TYPE=jetty and name a JAAS file in JAVA_TOOL_OPTIONS to choose the users.'
        )
    }

    for (const [name, expected] of [
        ['AUTH_PROVIDER_TYPE', 'jetty'],
        ['API_AUTH_PROVIDER_TYPE', 'jetty'],
    ] as const) {
        const value = setting(name)
        if (value !== undefined && value !== expected) {
            throw new OptionsError(
                `${name}=${value} is not supported by mock-kpow; only "${expected}" (file-based Jetty realms) is.`
            )
        }
    }

    const strategyText = setting('RBAC_EVALUATION_STRATEGY') ?? 'STRICT'
    if (strategyText !== 'STRICT' && strategyText !== 'STAGE_LENIENT') {
        throw new OptionsError(`RBAC_EVALUATION_STRATEGY=${strategyText}: must be STRICT or STAGE_LENIENT.`)
    }
    const maxText = setting('TEMPORARY_POLICY_MAX_MS') ?? '3600000'
    const maxDurationMs = Number(maxText)
    if (!Number.isSafeInteger(maxDurationMs) || (maxDurationMs < 1 && maxDurationMs !== -1)) {
        throw new OptionsError(
            `TEMPORARY_POLICY_MAX_MS=${maxText}: must be a positive number of milliseconds, or -1 for no limit.`
        )
    }
    const environmentClusters = clustersFromEnvironment(setting)
    const webhook = webhookFromEnvironment(setting, warnings)

    return {
        rbacFile,
        uiRealmFile,
        apiRealmFile,
        apiEnabled,
        ...(apiOffReason ? { apiOffReason } : {}),
        warnings,
        ...(environmentClusters ? { environmentClusters } : {}),
        ...(webhook ? { webhook } : {}),
        apiPort: portOf(flags.apiPort ?? setting('API_PORT') ?? '4000', flags.apiPort ? '--api-port' : 'API_PORT'),
        uiPort: portOf(flags.uiPort ?? setting('PORT') ?? '3000', flags.uiPort ? '--ui-port' : 'PORT'),
        dataDir: flags.dataDir ? resolve(cwd, flags.dataDir) : undefined,
        clustersFile: flags.clusters ? locate(flags.clusters, '--clusters') : undefined,
        strategy: strategyText,
        maxDurationMs,
        environmentName: setting('ENVIRONMENT_NAME') ?? 'Local Kafka Cluster',
        origins,
    }
}

/** Kpow variables whose presence in the process environment means "this is a Kpow configuration". */
const KPOW_CONFIGURATION_VARIABLES = [
    'RBAC_CONFIGURATION_FILE',
    'API_ENABLED',
    'AUTH_PROVIDER_TYPE',
    'API_AUTH_PROVIDER_TYPE',
    'BOOTSTRAP',
    'CLUSTER_ID',
] as const

function nonEmpty(value: string | undefined): boolean {
    return value !== undefined && value !== ''
}

/** Cluster n's variable: ENVIRONMENT_NAME for the first, ENVIRONMENT_NAME_2 for the second, ... */
function numbered(name: string, index: number): string {
    return index === 1 ? name : `${name}_${index}`
}

/**
 * Kpow's clusters: BOOTSTRAP (required by Kpow), ENVIRONMENT_NAME (its label) and CLUSTER_ID (a custom
 * id; without it Kpow uses the id the brokers report), then the same with _2, _3 ... until a number has
 * none of them. The mock has no brokers to ask, so a cluster without CLUSTER_ID gets the guide's id
 * (the first) or `cluster-<n>` [C]. Undefined when the variables name no cluster beyond a label: then
 * ENVIRONMENT_NAME only names the default data set's cluster, as before.
 */
function clustersFromEnvironment(setting: (name: string) => string | undefined): EnvironmentCluster[] | undefined {
    const clusters: EnvironmentCluster[] = []
    for (let index = 1; ; index++) {
        const bootstrap = setting(numbered('BOOTSTRAP', index))
        const customId = setting(numbered('CLUSTER_ID', index))
        const name = setting(numbered('ENVIRONMENT_NAME', index))
        if (bootstrap === undefined && customId === undefined && name === undefined) break
        if (index > 1 && bootstrap === undefined) {
            throw new OptionsError(
                `${numbered('ENVIRONMENT_NAME', index)} / ${numbered('CLUSTER_ID', index)} name cluster ${index} but ${numbered('BOOTSTRAP', index)} is not set: Kpow needs a bootstrap for each cluster; add it.`
            )
        }
        const id = customId ?? (index === 1 ? DEFAULT_CLUSTER_ID : `cluster-${index}`)
        const twin = clusters.findIndex((cluster) => cluster.id === id)
        if (twin >= 0) {
            throw new OptionsError(
                `${numbered('CLUSTER_ID', index)}=${id}: cluster ${twin + 1} already has this id; cluster ids must be unique.`
            )
        }
        clusters.push({ id, name: name ?? (index === 1 ? 'Local Kafka Cluster' : id), bootstrap })
    }
    const first = clusters[0]
    if (
        clusters.length === 1 &&
        first !== undefined &&
        first.bootstrap === undefined &&
        first.id === DEFAULT_CLUSTER_ID
    )
        return undefined
    return clusters.length > 0 ? clusters : undefined
}

/**
 * Kpow's audit webhook. WEBHOOK_URL with WEBHOOK_PROVIDER (generic or slack; default generic [C]) and
 * WEBHOOK_VERBOSITY (MUTATIONS, the default, QUERIES or ALL); the older SLACK_WEBHOOK_URL means a
 * Slack webhook. A provider or verbosity without a URL sends nothing and says so.
 */
function webhookFromEnvironment(
    setting: (name: string) => string | undefined,
    warnings: string[]
): WebhookSettings | undefined {
    const providerText = setting('WEBHOOK_PROVIDER')
    if (providerText !== undefined && providerText !== 'generic' && providerText !== 'slack') {
        throw new OptionsError(`WEBHOOK_PROVIDER=${providerText}: must be generic or slack.`)
    }
    const verbosity = setting('WEBHOOK_VERBOSITY') ?? 'MUTATIONS'
    if (verbosity !== 'MUTATIONS' && verbosity !== 'QUERIES' && verbosity !== 'ALL') {
        throw new OptionsError(`WEBHOOK_VERBOSITY=${verbosity}: must be MUTATIONS, QUERIES or ALL.`)
    }
    const slackUrl = setting('SLACK_WEBHOOK_URL')
    const url = setting('WEBHOOK_URL') ?? slackUrl
    if (url === undefined) {
        if (providerText !== undefined) {
            warnings.push(`WEBHOOK_PROVIDER=${providerText} is set but WEBHOOK_URL is not: no audit events are sent.`)
        }
        return undefined
    }
    const name = setting('WEBHOOK_URL') !== undefined ? 'WEBHOOK_URL' : 'SLACK_WEBHOOK_URL'
    let parsed: URL
    try {
        parsed = new URL(url)
    } catch {
        throw new OptionsError(`${name}=${url}: must be an http:// or https:// URL.`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new OptionsError(`${name}=${url}: must be an http:// or https:// URL.`)
    }
    const provider = providerText ?? (name === 'SLACK_WEBHOOK_URL' ? 'slack' : 'generic')
    return { provider, url, verbosity }
}

function apiRealmFromJaas(input: ResolveInput, jaas: string): string {
    try {
        return input.realmFileFromJaas(jaas, 'kpow_api')
    } catch (error) {
        throw new OptionsError(
            `${(error as Error).message} (needed because API_ENABLED=true; without the API, Kpow reads only the kpow entry)`
        )
    }
}

function readEnvFile(path: string): Record<string, string> {
    let text: string
    try {
        text = readFileSync(path, 'utf8')
    } catch {
        throw new OptionsError(`--env-file: cannot read ${path}.`)
    }
    return parseEnv(text) as Record<string, string>
}

function resolveContainerPath(path: string, cwd: string, configRoot: string | undefined): string {
    if (configRoot && path.startsWith('/etc/kpow/') && !existsSync(path)) {
        return join(configRoot, path.slice('/etc/kpow/'.length))
    }
    return isAbsolute(path) ? path : resolve(cwd, path)
}

function portOf(text: string, source: string): number {
    const port = parsePort(text)
    if (port === undefined) {
        throw new OptionsError(`${source}=${text}: must be a port number 0-65535 (0 picks a free port).`)
    }
    return port
}
