/**
 * Access profiles (servicenow/src/fluent/settings.ts) -> Fluent source. The SDK reads Fluent files
 * statically: it resolves literals and references to literals, never a computed value (a
 * `JSON.stringify` or a `.map` builds as "Symbol(Now.UNRESOLVED)"). So `npm run build` writes the
 * profiles out as literal Fluent records first: the `x_kpow_jit.access_profiles` property the
 * actions read on the instance, and one catalog item per profile (except the guide's own item).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AccessProfile } from '../../servicenow/src/fluent/settings.ts'
import { accessProfiles, kpowSettings } from '../../servicenow/src/fluent/settings.ts'

export class AccessProfileError extends Error {
    override name = 'AccessProfileError'
}

const PROFILE_ID = /^[a-z][a-z0-9_]{0,39}$/
const CLUSTER_ID = /^[A-Za-z0-9_-]{22}$/
const ROLE_NAME = /^[^*\s,]{1,255}$/
const RESOURCE_PREFIX = { topic: 'TOPIC_', group: 'GROUP_' } as const

/** What is wrong with the profiles, one line each naming the profile and field; empty when none. */
export function accessProfileProblems(
    profiles: readonly AccessProfile[],
    kpowMaxMinutes = kpowSettings.kpowTemporaryPolicyMaxMinutes
): string[] {
    const problems: string[] = []
    const seenIds = new Set<string>()
    const seenNames = new Set<string>()
    profiles.forEach((profile, index) => {
        const at = `accessProfiles[${String(index)}] (${profile.id || 'no id'})`
        const problem = (field: string, message: string) => problems.push(`${at}.${field}: ${message}`)
        if (!PROFILE_ID.test(profile.id))
            problem('id', 'use 1-40 lower-case letters, digits and "_", starting with a letter')
        if (seenIds.has(profile.id)) problem('id', 'is used by another profile')
        seenIds.add(profile.id)
        if (profile.name.trim() === '') problem('name', 'is empty')
        if (seenNames.has(profile.name)) problem('name', 'is used by another profile (it names the catalog item)')
        seenNames.add(profile.name)
        if (profile.actions.length === 0) problem('actions', 'name at least one Kpow action')
        for (const action of profile.actions) {
            if (!action.startsWith(RESOURCE_PREFIX[profile.resourceType]))
                problem('actions', `${action} does not apply to a ${profile.resourceType}`)
        }
        if (profile.clusters.length === 0) problem('clusters', 'name at least one cluster id')
        for (const cluster of profile.clusters)
            if (!CLUSTER_ID.test(cluster)) problem('clusters', `"${cluster}" is not a 22-character Kafka cluster id`)
        if (profile.roles.length === 0) problem('roles', 'name at least one Kpow role')
        for (const role of profile.roles)
            if (!ROLE_NAME.test(role)) problem('roles', `"${role}" is not one role name (no spaces, commas or "*")`)
        if (!Number.isInteger(profile.maxDurationMinutes) || profile.maxDurationMinutes < 1)
            problem('maxDurationMinutes', 'must be a whole number of minutes, at least 1')
        if (profile.maxDurationMinutes > kpowMaxMinutes)
            problem(
                'maxDurationMinutes',
                `${String(profile.maxDurationMinutes)} is above Kpow's TEMPORARY_POLICY_MAX_MS (${String(kpowMaxMinutes)} minutes, kpowSettings.kpowTemporaryPolicyMaxMinutes)`
            )
        if (profile.durationsMinutes.length === 0) problem('durationsMinutes', 'offer at least one duration')
        for (const minutes of profile.durationsMinutes) {
            if (!Number.isInteger(minutes) || minutes < 1 || minutes > profile.maxDurationMinutes)
                problem(
                    'durationsMinutes',
                    `${String(minutes)} must be a whole number of minutes from 1 to maxDurationMinutes (${String(profile.maxDurationMinutes)})`
                )
        }
        const preApproved = profile.preApprovedExtensionMinutes ?? 0
        if (!Number.isInteger(preApproved) || preApproved < 0 || preApproved > profile.maxDurationMinutes)
            problem(
                'preApprovedExtensionMinutes',
                `${String(preApproved)} must be a whole number of minutes from 0 (every extension approved) to maxDurationMinutes (${String(profile.maxDurationMinutes)})`
            )
    })
    if (profiles.filter((profile) => profile.guideItem).length !== 1)
        problems.push('accessProfiles: exactly one profile must be served by the guide item (guideItem: true)')
    return problems
}

/** The profile as the actions read it from the x_kpow_jit.access_profiles property. */
function instanceDefinition(profile: AccessProfile) {
    return {
        id: profile.id,
        name: profile.name,
        actions: profile.actions,
        resource_type: profile.resourceType,
        clusters: profile.clusters,
        roles: profile.roles,
        durations_ms: profile.durationsMinutes.map((minutes) => minutes * 60_000),
        max_duration_ms: profile.maxDurationMinutes * 60_000,
        approvers: profile.approvers,
        preapproved_extension_ms: (profile.preApprovedExtensionMinutes ?? 0) * 60_000,
    }
}

export function minutesLabel(minutes: number): string {
    if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${String(minutes / 60)} hours`
    return minutes === 1 ? '1 minute' : `${String(minutes)} minutes`
}

const literal = (value: unknown): string => JSON.stringify(value)

function choicesSource(entries: [string, string][]): string {
    return `{ ${entries.map(([value, label], index) => `${literal(value)}: { label: ${literal(label)}, sequence: ${String(index + 1)} }`).join(', ')} }`
}

const PLATFORM_CATALOG_CONSTANTS = `
/** Platform records every Zurich instance has: the "Service Catalog" catalog and its "Software" category. */
const SERVICE_CATALOG = 'e0d08b13c3330100c8b837659bba8fb4'
const SOFTWARE_CATEGORY = '2809952237b1300054b6a3549dbe5dd4'
`

const APPROVERS_TEXT = {
    manager: 'your manager approves (the Kpow Access Approvers group when you have none)',
    group: 'the Kpow Access Approvers group approves',
    manager_then_group: 'your manager approves, then the Kpow Access Approvers group',
} as const

function itemSource(profile: AccessProfile): string {
    const resource =
        profile.resourceType === 'topic'
            ? {
                  name: 'topic_name',
                  question: 'Topic Name',
                  regex: 'topicNameRegex',
                  tooltip: 'One exact topic name; no wildcards',
                  help: 'The exact name of one Kafka topic: up to 249 letters, digits, ".", "_" or "-". Wildcards such as * are refused: ask once per topic.',
              }
            : {
                  name: 'group_name',
                  question: 'Consumer Group',
                  regex: 'consumerGroupRegex',
                  tooltip: 'One exact consumer group id; no wildcards',
                  help: 'The exact id of one consumer group, as Kpow shows it: up to 255 letters, digits, ".", "_" or "-". Wildcards such as * are refused: ask once per group.',
              }
    const maximum = minutesLabel(profile.maxDurationMinutes)
    return `
export const ${profile.id}AccessItem = CatalogItem({
    $id: Now.ID[${literal(`profile_item_${profile.id}`)}],
    name: ${literal(profile.name)},
    shortDescription: ${literal(profile.description)},
    description: ${literal(`${profile.description} Kpow actions: ${profile.actions.join(', ')}. At most ${maximum}; ${APPROVERS_TEXT[profile.approvers]}. Access is revoked when this request is closed or when the chosen duration ends, whichever comes first. Unless your administrator's grant setting gives access to personal roles, everyone who holds the Kpow role ${profile.roles[0] ?? ''} gains the access while it lasts, not only you.`)},
    catalogs: [SERVICE_CATALOG],
    categories: [SOFTWARE_CATEGORY],
    flow: Now.ref('sys_hub_flow', 'access_lifecycle_flow'),
    variables: {
        cluster_id: SelectBoxVariable({
            question: 'Cluster ID',
            order: 100,
            mandatory: true,
            showHelp: true,
            choices: ${choicesSource(profile.clusters.map((cluster) => [cluster, cluster]))},
            tooltip: 'The Kafka cluster, as Kpow shows its id',
            helpText: 'The clusters this kind of access may be requested on (Kpow: Cluster > Overview shows the id).',
        }),
        ${resource.name}: SingleLineTextVariable({
            question: ${literal(resource.question)},
            order: 200,
            mandatory: true,
            showHelp: true,
            validateRegex: ${resource.regex},
            tooltip: ${literal(resource.tooltip)},
            helpText: ${literal(resource.help)},
        }),
        duration_ms: SelectBoxVariable({
            question: 'Access Duration',
            order: 400,
            mandatory: true,
            showHelp: true,
            choices: ${choicesSource(profile.durationsMinutes.map((minutes) => [String(minutes * 60_000), minutesLabel(minutes)]))},
            tooltip: 'How long the access lasts at most',
            helpText: ${literal(`How long Kpow keeps the access open, at most ${maximum}. Closing this request earlier revokes the access at once.`)},
        }),
        justification: justificationVariable,
        ticket_number: ticketNumberVariable,
    },
})
`
}

/** The generated Fluent file: the profiles property and one catalog item per non-guide profile. */
export function renderAccessProfileSource(profiles: readonly AccessProfile[] = accessProfiles): string {
    const problems = accessProfileProblems(profiles)
    if (problems.length > 0)
        throw new AccessProfileError(
            `servicenow/src/fluent/settings.ts has invalid access profiles:\n  ${problems.join('\n  ')}`
        )
    const generated = profiles.filter((profile) => !profile.guideItem)
    const types = new Set(generated.map((profile) => profile.resourceType))
    const imports = [
        generated.length > 0
            ? "import { CatalogItem, Property, SelectBoxVariable, SingleLineTextVariable } from '@servicenow/sdk/core'"
            : "import { Property } from '@servicenow/sdk/core'",
        generated.length > 0
            ? "import { justificationVariable, ticketNumberVariable } from '../catalog-item-variables.now'"
            : '',
        types.has('group') ? "import { consumerGroupRegex } from '../consumer-group-regex.now'" : '',
        types.has('topic') ? "import { topicNameRegex } from '../topic-name-regex.now'" : '',
    ].filter((line) => line !== '')
    return `// Generated by \`npm run build\` from accessProfiles in ../settings.ts. Do not edit: edit settings.ts.
${imports.join('\n')}

${generated.length > 0 ? PLATFORM_CATALOG_CONSTANTS : ''}
export const accessProfilesProperty = Property({
    $id: Now.ID['access_profiles_property'],
    name: 'x_kpow_jit.access_profiles',
    type: 'string',
    value: ${literal(JSON.stringify(profiles.map(instanceDefinition)))},
    description: ${literal('The access profiles the actions build Kpow policies from (JSON), keyed by the catalog item name. Generated from settings.ts by the build: change a profile there, rebuild and redeploy.')},
})
${generated.map(itemSource).join('')}`
}

export const ACCESS_PROFILES_SOURCE = join('src', 'fluent', 'generated', 'access-profiles.now.ts')

export function accessProfileSourceIsStale(appDirectory: string): boolean {
    const path = join(appDirectory, ACCESS_PROFILES_SOURCE)
    return !existsSync(path) || readFileSync(path, 'utf8') !== renderAccessProfileSource()
}

/** Writes the generated file when it differs; returns whether it changed. */
export function writeAccessProfileSource(appDirectory: string): boolean {
    if (!accessProfileSourceIsStale(appDirectory)) return false
    writeFileSync(join(appDirectory, ACCESS_PROFILES_SOURCE), renderAccessProfileSource())
    return true
}
