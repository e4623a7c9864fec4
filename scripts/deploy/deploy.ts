/**
 * `deploy`: the update set onto an instance, ready to run, in seven steps (connect, upload,
 * preview, commit, connection, activate, verify), each printed with its outcome and duration.
 *
 * Idempotent: after a commit the tool writes the file's SHA-256 into the retrieved set's
 * description; a re-run that finds the set committed with the same fingerprint uploads nothing,
 * finds the connection as wanted and the flow active, and says "nothing to change". A changed set
 * (or one never committed) replaces the old retrieved set: delete it, upload, preview, commit,
 * which updates the app's records in place (same sys_ids).
 */
import type { AppUpdateSet } from './app-update-set.ts'
import { DeployError } from './errors.ts'
import { KpowClient } from './kpow-client.ts'
import type { KpowCredentials } from './kpow-client.ts'
import type { Reporter, StepProgress, StepRecord } from './reporter.ts'
import { boundedServerText } from './redaction.ts'
import { formatDuration } from './reporter.ts'
import { PROGRESS_STATUS, ServiceNowClient } from './servicenow-client.ts'
import type { CicdProgress, ServiceNowCredentials, TableRecord } from './servicenow-client.ts'

export interface Timing {
    /** Pause between two polls (progress, records). */
    pollIntervalMs: number
    /** How long one wait (a preview, a commit, a smoke step) may take. */
    waitTimeoutMs: number
    sleep: (milliseconds: number) => Promise<void>
    now: () => number
}

export const DEFAULT_TIMING: Timing = {
    pollIntervalMs: 2000,
    waitTimeoutMs: 10 * 60_000,
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    now: () => Date.now(),
}

export interface DeployOptions {
    instance: ServiceNowCredentials
    kpow: KpowCredentials
    /** Kpow's UI, for system property x_kpow_jit.kpow_ui_url (the grant notes' link); undefined: left as it is. */
    kpowUiUrl?: string
    updateSet: AppUpdateSet
    reporter: Reporter
    /** Commit despite preview errors (force_commit). */
    acceptProblems?: boolean
    /** Leave out the check that Kpow's API answers from this machine. */
    skipKpowCheck?: boolean
    timing?: Partial<Timing>
}

export interface DeployReport {
    /** False when the instance already had everything: "nothing to change". */
    changed: boolean
    steps: StepRecord[]
}

/** The line a deploy adds to the retrieved set's description: the fingerprint of the file it committed. */
export function fingerprintLine(sha256: string): string {
    return `[deployed sha256:${sha256}]`
}

export function fingerprintOf(description: string): string | undefined {
    return /\[deployed sha256:([0-9a-f]{64})\]/.exec(description)?.[1]
}

export const REMOTE_SET_FIELDS = ['sys_id', 'name', 'state', 'description', 'application_version'] as const
export const FLOW_FIELDS = ['sys_id', 'name', 'active', 'status', 'master_snapshot'] as const
export const ACTION_FIELDS = ['sys_id', 'name', 'state', 'active'] as const
export const CONNECTION_FIELDS = ['sys_id', 'name', 'connection_url', 'credential', 'active'] as const
export const CREDENTIAL_FIELDS = ['sys_id', 'name', 'user_name', 'active'] as const

type Alias = NonNullable<AppUpdateSet['alias']>

/** The credential record the deploy owns: one per alias, by name. */
export function credentialName(alias: Alias): string {
    return `${alias.name} credential`
}

const NO_ALIAS =
    'the set defines no connection alias: its actions use one made by hand, so create its connection and credential by hand'

/** A record's value as a message shows it: one line, bounded (it is the server's text). */
export function shown(value: string): string {
    return boundedServerText(value, 100)
}

const PREVIEW_PROBLEM_FIELDS = ['sys_id', 'type', 'status', 'description', 'missing_item_table', 'remote_update']

function readPreviewProblems(client: ServiceNowClient, remoteSetId: string): Promise<TableRecord[]> {
    return client.queryRecords('sys_update_preview_problem', `remote_update_set=${remoteSetId}`, PREVIEW_PROBLEM_FIELDS)
}

/** An error nobody resolved: status empty (resolved ones are "ignored" or "skipped"). */
function isUnresolvedError(problem: TableRecord): boolean {
    return problem.type === 'error' && !problem.status
}

export function isFlowActive(flow: TableRecord | undefined): boolean {
    return flow?.active === 'true' && flow.status === 'published'
}

export function isActionPublished(action: TableRecord | undefined): boolean {
    return action?.state === 'published'
}

/** The fix when the instance will not activate: the set's own flows by name, so the hint follows the set. */
function manualActivation(flows: readonly { name: string }[]): string {
    const names = flows.map((flow) => `"${flow.name}"`).join(', ')
    return `activate by hand: Flow Designer > open each Kpow action > Publish, then open the flow${flows.length === 1 ? '' : 's'} ${names} > Activate (servicenow/IMPORT.md has the checklist)`
}

/** Polls the CI/CD progress until it ends; prints a line whenever the status or percentage moves. */
export async function followProgress(
    client: ServiceNowClient,
    started: CicdProgress,
    what: string,
    progress: StepProgress,
    timing: Timing
): Promise<CicdProgress> {
    if (!started.progressId) {
        throw new DeployError(
            `the CI/CD API started the ${what} without a progress id`,
            'follow it by hand on the instance (Retrieved Update Sets)'
        )
    }
    const deadline = timing.now() + timing.waitTimeoutMs
    let current = started
    let shown = ''
    for (;;) {
        const line = `${what}: ${current.percentComplete}% ${current.statusLabel || `status ${current.status}`}${current.statusMessage ? ` (${current.statusMessage})` : ''}`
        if (line !== shown) progress.progress(line)
        shown = line
        if (current.status !== PROGRESS_STATUS.pending && current.status !== PROGRESS_STATUS.running) return current
        if (timing.now() > deadline) {
            throw new DeployError(
                `the ${what} did not end within ${formatDuration(timing.waitTimeoutMs)} (progress ${started.progressId})`,
                `watch it on the instance (GET /api/sn_cicd/progress/${started.progressId}) and run deploy again once it ends; --timeout gives it longer`
            )
        }
        await timing.sleep(timing.pollIntervalMs)
        current = await client.getProgress(started.progressId)
    }
}

function progressFailure(result: CicdProgress): string {
    return (
        [result.statusMessage, result.statusDetail, result.error].filter(Boolean).join('; ') ||
        result.statusLabel ||
        `status ${result.status}`
    )
}

interface UploadOutcome {
    /** False when the instance already holds this exact set, committed. */
    needed: boolean
}

/**
 * The alias's Basic auth credential and HTTP connection, created or brought up to date; true when
 * something changed (setting the same password again does not count: the instance never shows it).
 */
async function configureConnection(
    client: ServiceNowClient,
    wantedAlias: Alias,
    kpow: KpowCredentials,
    progress: StepProgress
): Promise<boolean> {
    const alias =
        (await client.getRecord('sys_alias', wantedAlias.sysId, ['sys_id', 'name', 'id'])) ??
        (await client.queryRecords('sys_alias', `id=${wantedAlias.id}`, ['sys_id', 'name', 'id'], 1))[0]
    if (!alias?.sys_id) {
        throw new DeployError(
            `the connection alias "${wantedAlias.name}" (${wantedAlias.id}) is not on the instance`,
            'the set was not committed: check Retrieved Update Sets, then run deploy again'
        )
    }
    let changed = false
    const name = credentialName(wantedAlias)
    const [credential] = await client.queryRecords('basic_auth_credentials', `name=${name}`, CREDENTIAL_FIELDS, 1)
    let credentialId: string
    if (!credential) {
        const created = await client.createRecord('basic_auth_credentials', {
            name,
            user_name: kpow.user,
            password: kpow.password,
            active: 'true',
        })
        credentialId = created.sys_id ?? ''
        changed = true
        progress.detail(`created credential "${name}" for Kpow user ${kpow.user}`)
    } else {
        credentialId = credential.sys_id ?? ''
        // The instance never shows a stored password, so it is set again every time (same value: no change).
        await client.updateRecord('basic_auth_credentials', credentialId, {
            user_name: kpow.user,
            password: kpow.password,
            active: 'true',
        })
        if (credential.user_name !== kpow.user || credential.active !== 'true') {
            changed = true
            progress.detail(`updated credential "${name}": Kpow user ${kpow.user}`)
        }
    }
    const wanted = {
        name: wantedAlias.name,
        connection_alias: alias.sys_id,
        credential: credentialId,
        connection_url: kpow.apiUrl,
        active: 'true',
    }
    const [connection] = await client.queryRecords(
        'http_connection',
        `connection_alias=${alias.sys_id}`,
        CONNECTION_FIELDS,
        1
    )
    if (!connection) {
        await client.createRecord('http_connection', wanted)
        changed = true
        progress.detail(`created HTTP connection "${wanted.name}" → ${wanted.connection_url}`)
    } else if (
        connection.connection_url !== wanted.connection_url ||
        connection.credential !== wanted.credential ||
        connection.active !== 'true'
    ) {
        await client.updateRecord('http_connection', connection.sys_id ?? '', {
            connection_url: wanted.connection_url,
            credential: wanted.credential,
            active: 'true',
        })
        changed = true
        progress.detail(
            `updated HTTP connection "${connection.name ? shown(connection.name) : wanted.name}" → ${wanted.connection_url}`
        )
    }
    return changed
}

const KPOW_UI_URL_PROPERTY = 'x_kpow_jit.kpow_ui_url'

/** What an admin does in System Properties: the property the set brought, set to Kpow's UI. */
async function configureKpowUiUrl(client: ServiceNowClient, uiUrl: string, progress: StepProgress): Promise<boolean> {
    const [property] = await client.queryRecords(
        'sys_properties',
        `name=${KPOW_UI_URL_PROPERTY}`,
        ['sys_id', 'value'],
        1
    )
    if (!property?.sys_id) {
        throw new DeployError(
            `system property ${KPOW_UI_URL_PROPERTY} is not on the instance`,
            'deploy a set built from this repository (it brings the property), or leave out --kpow-ui-url / KPOW_UI_URL'
        )
    }
    if (property.value === uiUrl) return false
    await client.updateRecord('sys_properties', property.sys_id, { value: uiUrl })
    progress.detail(`set ${KPOW_UI_URL_PROPERTY} = ${uiUrl}`)
    return true
}

async function describeKpow(kpow: KpowClient): Promise<string> {
    const policies = await kpow.listTemporaryPolicies()
    return `${policies.length} temporary polic${policies.length === 1 ? 'y' : 'ies'}`
}

export async function deploy(options: DeployOptions): Promise<DeployReport> {
    const timing: Timing = { ...DEFAULT_TIMING, ...options.timing }
    const { reporter, updateSet } = options
    const client = new ServiceNowClient(options.instance)
    const kpow = new KpowClient(options.kpow)
    const setPath = `sys_remote_update_set ${updateSet.sysId}`

    reporter.line(
        `deploying ${updateSet.fileName} ("${updateSet.name}", version ${updateSet.version}, sha256 ${updateSet.sha256.slice(0, 12)}) to ${client.instanceUrl} as ${client.user}`
    )

    await reporter.step('connect', async () => {
        const user = await client.probe()
        if (!user) {
            throw new DeployError(
                `the instance accepted user "${client.user}" but shows no sys_user record for it`,
                'deploy as a user with the admin role'
            )
        }
        // Kpow first too, so that a wrong KPOW_API_* fails the deploy before it changes anything.
        const kpowNote = options.skipKpowCheck ? '' : `; Kpow's API answers (${await describeKpow(kpow)})`
        return {
            outcome: 'done',
            summary: `${client.instanceUrl} answers; signed in as ${client.user}${kpowNote}`,
            value: undefined,
        }
    })

    const upload = await reporter.step<UploadOutcome>('upload', async (progress) => {
        const existing = await client.getRecord('sys_remote_update_set', updateSet.sysId, REMOTE_SET_FIELDS)
        if (existing?.state === 'committed' && fingerprintOf(existing.description ?? '') === updateSet.sha256) {
            return {
                outcome: 'unchanged',
                summary: `nothing to change: "${updateSet.name}" is committed with this file's fingerprint`,
                value: { needed: false },
            }
        }
        if (existing) {
            const why =
                existing.state === 'committed'
                    ? fingerprintOf(existing.description ?? '')
                        ? 'committed from a different file'
                        : 'committed without a deploy fingerprint (by hand?)'
                    : `left in state "${shown(existing.state ?? '')}"`
            progress.detail(
                `the retrieved set is ${why}: deleting it and uploading this file (the commit updates records in place)`
            )
            await client.deleteRecord('sys_remote_update_set', updateSet.sysId)
        }
        const session = await client.loginUiSession()
        await client.uploadUpdateSet(session, updateSet.fileName, updateSet.xml)
        const uploaded = await client.getRecord('sys_remote_update_set', updateSet.sysId, REMOTE_SET_FIELDS)
        if (!uploaded) {
            throw new DeployError(
                `the upload was accepted but the instance holds no ${setPath} afterwards`,
                'import the file by hand as the platform documents it: elevate to the security_admin role, then System Update Sets > Retrieved Update Sets > Import Update Set from XML; run deploy again to preview and commit it'
            )
        }
        return {
            outcome: 'done',
            summary: `${existing ? 're-uploaded' : 'uploaded'} "${shown(uploaded.name || updateSet.name)}" (state ${shown(uploaded.state || 'unknown')})`,
            value: { needed: true },
        }
    })

    if (upload.needed) {
        await reporter.step('preview', async (progress) => {
            const started = await client.previewUpdateSet(updateSet.sysId)
            const result = await followProgress(client, started, 'preview', progress, timing)
            if (result.status !== PROGRESS_STATUS.successful) {
                throw new DeployError(
                    `the preview of "${updateSet.name}" ended as ${result.statusLabel || `status ${result.status}`}: ${progressFailure(result)}`,
                    'open the set on the instance (Retrieved Update Sets) and run Preview there to see why'
                )
            }
            const problems = await readPreviewProblems(client, updateSet.sysId)
            for (const problem of problems) {
                const record =
                    updateSet.updateNames.get(problem.remote_update ?? '') ??
                    shown(problem.remote_update || '(no record)')
                const missing = problem.missing_item_table ? ` [missing ${shown(problem.missing_item_table)}]` : ''
                const status = problem.status ? ` (${shown(problem.status)})` : ''
                progress.detail(
                    `${shown(problem.type || 'problem')}${status}: ${record}${missing}: ${boundedServerText(problem.description ?? '')}`
                )
            }
            // A problem an admin resolved already (ignored or skipped) blocks nothing.
            const errors = problems.filter(isUnresolvedError)
            if (errors.length > 0 && !options.acceptProblems) {
                throw new DeployError(
                    `the preview found ${errors.length} error${errors.length === 1 ? '' : 's'} (listed above); nothing was committed`,
                    'fix the records named above and build again, or resolve them on the instance; --accept-problems accepts each (Accept remote update) and commits'
                )
            }
            const unresolved = problems.filter((problem) => !problem.status)
            if (options.acceptProblems && unresolved.length > 0) {
                for (const problem of unresolved) await client.acceptPreviewProblem(problem.sys_id ?? '')
                const left = (await readPreviewProblems(client, updateSet.sysId)).filter(isUnresolvedError)
                if (left.length > 0) {
                    throw new DeployError(
                        `${left.length} preview error(s) are still unresolved after marking each "ignored" (Accept remote update); nothing was committed`,
                        'open the set on the instance (Retrieved Update Sets > the set > Update Set Preview Problems) and accept or skip each problem there, then run deploy again'
                    )
                }
                progress.detail(
                    `accepted ${unresolved.length} problem(s) as the platform's "Accept remote update" does (status ignored): the set's version of each record is committed`
                )
            }
            const summary =
                problems.length === 0
                    ? 'no problems'
                    : `${problems.length} problem${problems.length === 1 ? '' : 's'}${errors.length > 0 ? `, ${errors.length} error(s) accepted (--accept-problems)` : ' (none unresolved)'}`
            return { outcome: 'done', summary, value: undefined }
        })

        await reporter.step('commit', async (progress) => {
            const started = await client.commitUpdateSet(updateSet.sysId)
            const result = await followProgress(client, started, 'commit', progress, timing)
            if (result.status !== PROGRESS_STATUS.successful) {
                throw new DeployError(
                    `the commit of "${updateSet.name}" ${result.status === PROGRESS_STATUS.failed ? 'failed' : `ended as ${result.statusLabel || `status ${result.status}`}`}: ${progressFailure(result)}`,
                    'open the set on the instance (Retrieved Update Sets > the set > its log) to see which record failed; fix it and run deploy again'
                )
            }
            const committed = await client.getRecord('sys_remote_update_set', updateSet.sysId, REMOTE_SET_FIELDS)
            if (!committed) {
                // The commit stands (its records are on the instance); only the fingerprint has no home.
                progress.detail(
                    `the instance holds no ${setPath} after the commit: no fingerprint recorded, so the next deploy uploads and commits the file again`
                )
                return {
                    outcome: 'done',
                    summary:
                        'committed; the retrieved set is gone, fingerprint not recorded (the next deploy commits again)',
                    value: undefined,
                }
            }
            const description = committed.description?.replace(/\s*\[deployed sha256:[0-9a-f]{64}\]/g, '') ?? ''
            let fingerprintNote = 'fingerprint recorded'
            try {
                await client.updateRecord('sys_remote_update_set', updateSet.sysId, {
                    description: `${description}${description ? '\n\n' : ''}${fingerprintLine(updateSet.sha256)}`,
                })
            } catch (error) {
                // The commit stands; without the fingerprint the next deploy only commits the same set again.
                if (!(error instanceof DeployError)) throw error
                fingerprintNote = 'fingerprint not recorded (the next deploy commits again)'
                progress.detail(`could not record the fingerprint: ${error.message}`)
            }
            return {
                outcome: 'done',
                summary: `committed (state ${shown(committed.state || 'unknown')}); ${fingerprintNote}`,
                value: undefined,
            }
        })
    }

    const connectionChanged = await reporter.step('connection', async (progress) => {
        if (!updateSet.alias) return { outcome: 'skipped', summary: NO_ALIAS, value: false }
        const connected = await configureConnection(client, updateSet.alias, options.kpow, progress)
        const uiUrl = options.kpowUiUrl
        const uiChanged = uiUrl === undefined ? false : await configureKpowUiUrl(client, uiUrl, progress)
        const changed = connected || uiChanged
        return {
            outcome: changed ? 'done' : 'unchanged',
            summary: `alias "${updateSet.alias.name}" → ${options.kpow.apiUrl} as Kpow user ${options.kpow.user}${uiUrl === undefined ? '' : `; Kpow UI ${uiUrl}`}${changed ? '' : ' (as it was)'}`,
            value: changed,
        }
    })

    const readActions = () =>
        Promise.all(
            updateSet.actions.map((action) =>
                client.getRecord('sys_hub_action_type_definition', action.sysId, ACTION_FIELDS)
            )
        )
    const readFlows = () =>
        Promise.all(updateSet.flows.map((flow) => client.getRecord('sys_hub_flow', flow.sysId, FLOW_FIELDS)))

    const activationChanged = await reporter.step('activate', async (progress) => {
        const actions = await readActions()
        const flows = await readFlows()
        const draftActions = updateSet.actions.filter((_action, index) => !isActionPublished(actions[index]))
        const inactiveFlows = updateSet.flows.filter((_flow, index) => !isFlowActive(flows[index]))
        if (draftActions.length === 0 && inactiveFlows.length === 0) {
            return { outcome: 'unchanged', summary: 'actions published and flow active already', value: false }
        }
        // A flow that uses draft actions cannot be activated (PRB2012618): actions first, in their own call.
        for (const [kind, records] of [
            ['actions', draftActions],
            ['flows', inactiveFlows],
        ] as const) {
            if (records.length === 0) continue
            progress.progress(
                `${kind === 'actions' ? 'publishing' : 'activating'} ${records.map((record) => `"${record.name}"`).join(', ')}`
            )
            const outcome = await client.activateFlows(updateSet.app.sysId, {
                flows: kind === 'flows' ? records.map((record) => record.sysId) : [],
                actions: kind === 'actions' ? records.map((record) => record.sysId) : [],
            })
            // As `now-sdk install` reads it: any status other than "success" failed, and errorMessage says why.
            const failed = outcome.results.filter((result) => result.status !== 'success')
            if (outcome.failed > 0 || failed.length > 0) {
                const names = new Map(records.map((record) => [record.sysId, record.name]))
                const reason = (result: (typeof failed)[number]) =>
                    [result.message, result.errorMessage].filter(Boolean).join(': ') || 'no reason given'
                for (const result of failed)
                    progress.detail(
                        `${names.get(result.sysId) ?? (result.name || result.sysId)}: ${result.status || '(no status)'}: ${reason(result)}`
                    )
                throw new DeployError(
                    `the instance could not ${kind === 'actions' ? 'publish' : 'activate'} ${Math.max(outcome.failed, failed.length)} of ${records.length} ${kind}${failed[0] ? `: ${reason(failed[0])}` : ''}`,
                    manualActivation(updateSet.flows)
                )
            }
        }
        return {
            outcome: 'done',
            summary: `published ${draftActions.length} action(s), then activated ${inactiveFlows.length} flow(s)`,
            value: true,
        }
    })

    await reporter.step('verify', async (progress) => {
        const actions = await readActions()
        const flows = await readFlows()
        const problems: string[] = []
        updateSet.actions.forEach((action, index) => {
            if (!isActionPublished(actions[index]))
                problems.push(
                    `action "${action.name}" is ${actions[index] ? shown(actions[index]?.state || '(no state)') : 'missing'}`
                )
        })
        updateSet.flows.forEach((flow, index) => {
            const record = flows[index]
            if (!isFlowActive(record))
                problems.push(
                    `flow "${flow.name}" is ${record ? `active=${shown(record.active ?? '')}, status ${shown(record.status ?? '')}` : 'missing'}`
                )
            else
                progress.detail(
                    `flow "${flow.name}": active, published${record?.master_snapshot ? `, snapshot ${shown(record.master_snapshot)}` : ''}`
                )
        })
        if (updateSet.alias) {
            const [connection] = await client.queryRecords(
                'http_connection',
                `connection_alias=${updateSet.alias.sysId}`,
                CONNECTION_FIELDS,
                1
            )
            if (connection?.connection_url !== options.kpow.apiUrl || connection.active !== 'true') {
                problems.push(
                    `the alias's HTTP connection is ${connection ? `${shown(connection.connection_url ?? '')} (active=${shown(connection.active ?? '')})` : 'missing'}`
                )
            }
        }
        if (problems.length > 0) {
            throw new DeployError(
                `the instance is not ready: ${problems.join('; ')}`,
                manualActivation(updateSet.flows)
            )
        }
        const kpowNote = options.skipKpowCheck
            ? 'Kpow check skipped (--skip-kpow-check)'
            : `Kpow's API answers from here (${await describeKpow(kpow)})`
        return {
            outcome: 'done',
            summary: `flow active, actions published, connection ${options.kpow.apiUrl}; ${kpowNote}`,
            value: undefined,
        }
    })

    const changed = upload.needed || connectionChanged || activationChanged
    reporter.line(changed ? 'deploy complete' : 'nothing to change: the instance already runs this update set')
    return { changed, steps: reporter.steps }
}

/** What `deploy --dry-run` prints: the plan, from the set alone; no call is made. */
export function deployPlan(
    updateSet: AppUpdateSet,
    target: { instance: string; user: string; kpowUrl: string },
    options: { acceptProblems?: boolean; skipKpowCheck?: boolean } = {}
): string[] {
    const names = (records: readonly { name: string }[]) => records.map((record) => `"${record.name}"`).join(', ')
    return [
        'deploy plan (dry run: no call is made)',
        `  target: ${target.instance} as ${target.user}; Kpow API ${target.kpowUrl}`,
        `  update set: ${updateSet.file} "${updateSet.name}" version ${updateSet.version}, sha256 ${updateSet.sha256}`,
        `  1. connect: GET /api/now/table/sys_user (reachable, credentials)${options.skipKpowCheck ? '' : "; Kpow's GET /admin/v1/temporary-policies"}`,
        `  2. upload: if sys_remote_update_set ${updateSet.sysId} is committed with this sha256, nothing to change;` +
            ' else delete the old retrieved set and upload the file (UI login, POST /sys_upload.do)',
        `  3. preview: POST /api/sn_cicd/update_set/preview/${updateSet.sysId}, list problems, ${options.acceptProblems ? 'go on despite errors (--accept-problems)' : 'stop on errors'}`,
        `  4. commit: POST /api/sn_cicd/update_set/commit/${updateSet.sysId}, follow its progress, record the fingerprint`,
        updateSet.alias
            ? `  5. connection: credential "${credentialName(updateSet.alias)}" and the HTTP connection of alias "${updateSet.alias.name}" (${updateSet.alias.id}) → ${target.kpowUrl}`
            : `  5. connection: skipped: ${NO_ALIAS}`,
        `  6. activate: publish ${names(updateSet.actions)}, then activate ${names(updateSet.flows)} (POST /api/now/wfa_fluent/activate_flows, scope ${updateSet.app.scope})`,
        `  7. verify: flow active and published, actions published, connection URL${options.skipKpowCheck ? '' : ", Kpow's API answers from here"}`,
    ]
}
