/**
 * Where the deploy tool's target and credentials come from: a flag first, then the environment
 * (SN_INSTANCE_URL, SN_USER, SN_PASSWORD; the SDK's SN_SDK_INSTANCE_URL, SN_SDK_USER,
 * SN_SDK_USER_PWD; KPOW_API_URL, KPOW_API_USER, KPOW_API_PASSWORD; optional KPOW_UI_URL; for smoke
 * SN_SMOKE_REQUESTER, SN_SMOKE_REQUESTER_PASSWORD, SN_SMOKE_APPROVER_PASSWORD). A missing one is an
 * error naming both the flag and the variables, and a refused one names the same. Nothing here is
 * ever printed or written.
 */
import { DeployError } from './errors.ts'
import type { KpowCredentials } from './kpow-client.ts'
import type { ServiceNowCredentials } from './servicenow-client.ts'

export type Environment = Readonly<Record<string, string | undefined>>

export interface ConnectionFlags {
    instance?: string
    user?: string
    password?: string
    kpowUrl?: string
    kpowUser?: string
    kpowPassword?: string
    kpowUiUrl?: string
}

interface Setting {
    flag: string
    variables: readonly string[]
    what: string
}

const SETTINGS = {
    instance: { flag: '--instance', variables: ['SN_INSTANCE_URL', 'SN_SDK_INSTANCE_URL'], what: 'the instance URL' },
    user: { flag: '--user', variables: ['SN_USER', 'SN_SDK_USER'], what: 'the ServiceNow user' },
    password: {
        flag: '--password',
        variables: ['SN_PASSWORD', 'SN_SDK_USER_PWD'],
        what: "the ServiceNow user's password",
    },
    kpowUrl: { flag: '--kpow-url', variables: ['KPOW_API_URL'], what: "Kpow's API URL" },
    kpowUser: { flag: '--kpow-user', variables: ['KPOW_API_USER'], what: "Kpow's API user" },
    kpowPassword: { flag: '--kpow-password', variables: ['KPOW_API_PASSWORD'], what: "Kpow's API password" },
    kpowUiUrl: { flag: '--kpow-ui-url', variables: ['KPOW_UI_URL'], what: "Kpow's UI URL" },
} as const satisfies Record<keyof ConnectionFlags, Setting>

/** The flag's value, else the first variable set; undefined when none is. */
export function settingValue(
    flagValue: string | undefined,
    setting: Setting,
    environment: Environment
): string | undefined {
    if (flagValue) return flagValue
    for (const variable of setting.variables) {
        const value = environment[variable]
        if (value) return value
    }
    return undefined
}

/** "SN_USER (or SN_SDK_USER)": the variables of a setting as a fix names them. */
function variablesOf(setting: Setting): string {
    return `${setting.variables.join(' (or ')}${setting.variables.length > 1 ? ')' : ''}`
}

function required(flagValue: string | undefined, setting: Setting, environment: Environment): string {
    const value = settingValue(flagValue, setting, environment)
    if (value === undefined) {
        throw new DeployError(`${setting.what} is not set`, `set ${variablesOf(setting)} or pass ${setting.flag}`)
    }
    return value
}

/** The smoke test's own people: a requester who has a manager, and the manager, who approves. */
const SMOKE_SETTINGS = {
    requester: { flag: '--requester', variables: ['SN_SMOKE_REQUESTER'], what: "the smoke test's requester" },
    requesterPassword: {
        flag: '--requester-password',
        variables: ['SN_SMOKE_REQUESTER_PASSWORD'],
        what: "the requester's password",
    },
    approverPassword: {
        flag: '--approver-password',
        variables: ['SN_SMOKE_APPROVER_PASSWORD'],
        what: "the password of the requester's manager (who approves)",
    },
} as const satisfies Record<string, Setting>

export interface SmokeFlags {
    requester?: string
    requesterPassword?: string
    approverPassword?: string
}

export interface SmokeCredentials {
    requester: { user: string; password: string }
    approverPassword: string
}

/** The requester and both passwords; what is missing is named, each with its own variable and flag. */
export function smokeCredentials(flags: SmokeFlags, environment: Environment): SmokeCredentials {
    const requester = settingValue(flags.requester, SMOKE_SETTINGS.requester, environment)
    const requesterPassword = settingValue(flags.requesterPassword, SMOKE_SETTINGS.requesterPassword, environment)
    const approverPassword = settingValue(flags.approverPassword, SMOKE_SETTINGS.approverPassword, environment)
    if (requester === undefined || requesterPassword === undefined || approverPassword === undefined) {
        const missing = [
            [requester, SMOKE_SETTINGS.requester],
            [requesterPassword, SMOKE_SETTINGS.requesterPassword],
            [approverPassword, SMOKE_SETTINGS.approverPassword],
        ].flatMap(([value, setting]) => (value === undefined ? [setting as Setting] : []))
        throw new DeployError(
            `smoke needs a requester who has a manager, and both their passwords: ${missing.map((setting) => setting.what).join(', ')} not set`,
            `set ${missing.map(variablesOf).join(', ')} (or pass ${missing.map((setting) => setting.flag).join(', ')})`
        )
    }
    return { requester: { user: requester, password: requesterPassword }, approverPassword }
}

/** What to check when the instance refuses (401) the smoke test's people (the admin's is the client's default). */
export const REFUSED_CREDENTIALS_FIX = {
    requester:
        "check SN_SMOKE_REQUESTER and SN_SMOKE_REQUESTER_PASSWORD (or --requester/--requester-password): the requester's own user name and password on the instance",
    approver: (manager: string) =>
        `check SN_SMOKE_APPROVER_PASSWORD (or --approver-password): the password of ${manager}, the requester's manager, who approves`,
} as const

/** "dev123.service-now.com" → "https://dev123.service-now.com"; refuses what is not an http(s) URL. */
export function normaliseUrl(text: string, setting: Setting = SETTINGS.instance): string {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
    let url: URL
    try {
        url = new URL(withScheme)
    } catch {
        throw new DeployError(
            `${setting.what} "${text}" is not a URL`,
            `set ${setting.variables[0]} or ${setting.flag} to e.g. https://dev12345.service-now.com`
        )
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new DeployError(
            `${setting.what} "${text}" is not an http(s) URL`,
            `use an https:// URL in ${setting.variables[0]} or ${setting.flag}`
        )
    }
    return url.origin + url.pathname.replace(/\/+$/, '')
}

export function instanceCredentials(flags: ConnectionFlags, environment: Environment): ServiceNowCredentials {
    return {
        instanceUrl: normaliseUrl(required(flags.instance, SETTINGS.instance, environment), SETTINGS.instance),
        user: required(flags.user, SETTINGS.user, environment),
        password: required(flags.password, SETTINGS.password, environment),
    }
}

export function kpowCredentials(flags: ConnectionFlags, environment: Environment): KpowCredentials {
    return {
        apiUrl: normaliseUrl(required(flags.kpowUrl, SETTINGS.kpowUrl, environment), SETTINGS.kpowUrl),
        user: required(flags.kpowUser, SETTINGS.kpowUser, environment),
        password: required(flags.kpowPassword, SETTINGS.kpowPassword, environment),
    }
}

/** Kpow's UI address for the grant notes' Data > Inspect link, when given (it is optional). */
export function kpowUiUrl(flags: ConnectionFlags, environment: Environment): string | undefined {
    const given = settingValue(flags.kpowUiUrl, SETTINGS.kpowUiUrl, environment)
    return given === undefined ? undefined : normaliseUrl(given, SETTINGS.kpowUiUrl)
}

/** The target as far as it is known, for --dry-run (which needs no credentials). */
export function describeTarget(
    flags: ConnectionFlags,
    environment: Environment
): { instance: string; user: string; kpowUrl: string } {
    return {
        instance: settingValue(flags.instance, SETTINGS.instance, environment) ?? '(not set: SN_INSTANCE_URL)',
        user: settingValue(flags.user, SETTINGS.user, environment) ?? '(not set: SN_USER)',
        kpowUrl: settingValue(flags.kpowUrl, SETTINGS.kpowUrl, environment) ?? '(not set: KPOW_API_URL)',
    }
}

/**
 * Every password the flags and environment hold (the smoke test's too), for the reporter to
 * redact. A password equal to a user name the output shows anyway (the local instance's
 * admin/admin) is left out: redacting it would only blank the name.
 */
export function secretsOf(flags: ConnectionFlags & SmokeFlags, environment: Environment): string[] {
    const shownNames = shownNamesOf(flags, environment)
    return passwordsOf(flags, environment).filter((secret) => !shownNames.has(secret))
}

/** Every password the flags and environment hold, those equal to a user name too (for encoded forms only). */
export function passwordsOf(flags: ConnectionFlags & SmokeFlags, environment: Environment): string[] {
    return [
        settingValue(flags.password, SETTINGS.password, environment),
        settingValue(flags.kpowPassword, SETTINGS.kpowPassword, environment),
        settingValue(flags.requesterPassword, SMOKE_SETTINGS.requesterPassword, environment),
        settingValue(flags.approverPassword, SMOKE_SETTINGS.approverPassword, environment),
    ].filter((secret): secret is string => Boolean(secret))
}

function shownNamesOf(flags: ConnectionFlags & SmokeFlags, environment: Environment): Set<string | undefined> {
    return new Set([
        settingValue(flags.user, SETTINGS.user, environment),
        settingValue(flags.kpowUser, SETTINGS.kpowUser, environment),
        settingValue(flags.requester, SMOKE_SETTINGS.requester, environment),
    ])
}
