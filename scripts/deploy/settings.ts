/**
 * Where the deploy tool's target and credentials come from: a flag first, then the environment
 * (SN_INSTANCE_URL, SN_USER, SN_PASSWORD; the SDK's SN_SDK_INSTANCE_URL, SN_SDK_USER,
 * SN_SDK_USER_PWD; KPOW_API_URL, KPOW_API_USER, KPOW_API_PASSWORD; optional KPOW_UI_URL). A missing one is an error
 * naming both the flag and the variables. Nothing here is ever printed or written.
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

function required(flagValue: string | undefined, setting: Setting, environment: Environment): string {
    const value = settingValue(flagValue, setting, environment)
    if (value === undefined) {
        throw new DeployError(
            `${setting.what} is not set`,
            `set ${setting.variables.join(' (or ')}${setting.variables.length > 1 ? ')' : ''} or pass ${setting.flag}`
        )
    }
    return value
}

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
 * Every password the flags and environment hold, for the reporter to redact. A password equal to
 * a user name the output shows anyway (the local instance's admin/admin) is left out: redacting it
 * would only blank the name.
 */
export function secretsOf(
    flags: ConnectionFlags,
    environment: Environment,
    extra: readonly (string | undefined)[] = [],
    shownNames: readonly (string | undefined)[] = []
): string[] {
    const shown = new Set([
        settingValue(flags.user, SETTINGS.user, environment),
        settingValue(flags.kpowUser, SETTINGS.kpowUser, environment),
        ...shownNames,
    ])
    return [
        settingValue(flags.password, SETTINGS.password, environment),
        settingValue(flags.kpowPassword, SETTINGS.kpowPassword, environment),
        ...extra,
    ].filter((secret): secret is string => Boolean(secret) && !shown.has(secret))
}
