// What a deploy does to the instance, as the platform does it: an uploaded update set becomes a
// retrieved set (sys_remote_update_set, state loaded, keeping the file's sys_id, with one
// sys_update_xml per record); a preview lists what the instance cannot run as
// sys_update_preview_problem rows of type error; a commit writes the set's records and the current
// version of each update (sys_update_version), from which the flow catalog is rebuilt; activation
// publishes actions and activates flows, refusing a flow whose actions are still drafts
// (PRB2012618). Everything lives in tables, so whatever keeps the tables keeps the deployment.
import type { UpdateSet, UpdateSetRecord } from '../../scripts/lib/update-set/index'
import { parsePayload, readUpdateSet, UpdateSetFormatError } from '../../scripts/lib/update-set/index'
import { LocalInstanceError } from './errors'
import { recordsFromUpdateSet } from './payload-record'
import type { FlowCatalog } from './flow-model'
import type { JavaScriptLevel } from './glide-sandbox'
import { javaScriptLevelOf } from './glide-sandbox'
import type { LoadReport } from './loading'
import { analyseUpdateSet, catalogOf, commitRecords } from './loading'
import type { ProgressState } from './schema'
import { progressStates } from './schema'
import type { Database, StoredRecord } from './tables'
import { glideDateTime, isSysId, newSysId } from './tables'
import type { UnsupportedItem } from './unsupported'

/** A CI/CD API progress record (sys_execution_tracker). */
export interface Progress {
    id: string
    state: ProgressState
    label: string
    percentComplete: number
    message: string
    detail: string
    error: string
}

/** One entry of an activation request's answer, as `wfa_fluent/activate_flows` gives it. */
export interface ActivationResult {
    sys_id: string
    flow_name: string
    type: 'flow' | 'action'
    status: 'success' | 'failed'
    message: string
}

/** The flows and actions committed so far, and the JavaScript level their scripts run at. */
export interface CommittedState {
    catalog: FlowCatalog
    javaScriptLevel: JavaScriptLevel
}

export function progressOf(record: StoredRecord): Progress {
    const state = (record.state ?? '0') as ProgressState
    return {
        id: record.sys_id,
        state,
        label: progressStates[state],
        percentComplete: Number(record.percent_complete ?? 0),
        message: record.message ?? '',
        detail: record.detail ?? '',
        error: state === '3' ? (record.result ?? '') : '',
    }
}

function finishedProgress(
    database: Database,
    name: string,
    source: string,
    outcome: { error?: string; message: string; detail?: string }
): Progress {
    const record = database.insert('sys_execution_tracker', {
        name,
        source,
        state: outcome.error === undefined ? '2' : '3',
        percent_complete: '100',
        message: outcome.message,
        detail: outcome.detail ?? '',
        result: outcome.error ?? '',
    })
    return progressOf(record)
}

export class Deployment {
    private catalog: FlowCatalog

    constructor(
        private readonly database: Database,
        private readonly now: () => Date,
        /** What the instance does after each commit (fill the fixture's groups the set shipped). */
        private readonly afterCommit: () => void = () => undefined
    ) {
        this.catalog = this.rebuild(this.currentVersions())
    }

    current(): CommittedState {
        return {
            catalog: this.catalog,
            javaScriptLevel: javaScriptLevelOf(this.database.query('sys_app')[0]?.js_level),
        }
    }

    /**
     * "Import Update Set from XML": the file becomes a retrieved set in state loaded, with the
     * file's sys_id. A set already retrieved under that sys_id must be deleted first (a re-upload
     * would duplicate its records).
     */
    retrieve(xml: string, asUserName: string): StoredRecord {
        let updateSet: UpdateSet
        try {
            updateSet = readUpdateSet(xml)
        } catch (error) {
            if (error instanceof UpdateSetFormatError)
                throw new LocalInstanceError(`The file is not an update set export: ${error.message}`)
            throw error
        }
        if (!isSysId(updateSet.sysId))
            throw new LocalInstanceError(
                `The update set's sys_remote_update_set has no 32-hex sys_id ("${updateSet.sysId}"): export it again`
            )
        const existing = this.database.get('sys_remote_update_set', updateSet.sysId)
        if (existing)
            throw new LocalInstanceError(
                `A retrieved update set "${existing.name ?? ''}" with sys_id ${updateSet.sysId} is already loaded (state ${existing.state ?? ''}): delete it first (DELETE /api/now/table/sys_remote_update_set/${updateSet.sysId})`
            )
        const header = (name: string) => updateSet.header[name]?.value ?? ''
        const remoteSet = this.database.insert(
            'sys_remote_update_set',
            {
                sys_id: updateSet.sysId,
                name: updateSet.name,
                description: header('description'),
                state: 'loaded',
                application_name: header('application_name'),
                application_scope: header('application_scope'),
                application_version: header('application_version'),
                release_date: header('release_date'),
                remote_sys_id: header('remote_sys_id'),
            },
            asUserName
        )
        for (const record of updateSet.records) {
            const sysId =
                isSysId(record.sysId) && !this.database.get('sys_update_xml', record.sysId) ? record.sysId : undefined
            this.database.insert(
                'sys_update_xml',
                {
                    ...(sysId ? { sys_id: sysId } : {}),
                    name: record.name,
                    type: record.type,
                    target_name: record.targetName,
                    table: record.table,
                    action: record.action,
                    application: record.application,
                    payload: record.payloadText,
                    remote_update_set: remoteSet.sys_id,
                },
                asUserName
            )
        }
        return remoteSet
    }

    /** Deletes a retrieved set with its records and preview problems; what it committed stays. */
    deleteRetrieved(remoteSetId: string): void {
        this.requireRemoteSet(remoteSetId)
        for (const table of ['sys_update_preview_problem', 'sys_update_xml'])
            for (const row of this.database.query(table, `remote_update_set=${remoteSetId}`))
                this.database.delete(table, row.sys_id)
        this.database.delete('sys_remote_update_set', remoteSetId)
    }

    /**
     * Preview: loads the set into a scratch instance and records every thing the local instance
     * could not run as an error problem on the update that carries it. State previewed.
     */
    preview(remoteSetId: string): { progress: Progress; problems: UnsupportedItem[]; report: LoadReport } {
        const remoteSet = this.requireRemoteSet(remoteSetId)
        if (remoteSet.state === 'committed')
            throw new LocalInstanceError(
                `Update set "${remoteSet.name ?? ''}" is committed already: nothing to preview`
            )
        const updates = this.updatesOf(remoteSetId)
        const analysis = analyseUpdateSet(this.asUpdateSet(remoteSet, updates), this.now)
        for (const old of this.database.query('sys_update_preview_problem', `remote_update_set=${remoteSetId}`))
            this.database.delete('sys_update_preview_problem', old.sys_id)
        const updateIds = new Map(updates.map((update) => [update.name ?? '', update.sys_id]))
        for (const problem of analysis.problems) {
            const [updateName = '', ...rest] = problem.where.split(' ')
            const missing = /\b([a-z][a-z0-9_]*) ([0-9a-f]{32}) is (?:read|used)\b/.exec(problem.detail)
            const context = withoutOuterParentheses(rest.join(' '))
            this.database.insert('sys_update_preview_problem', {
                remote_update_set: remoteSetId,
                remote_update: updateIds.get(updateName) ?? '',
                type: 'error',
                status: '',
                description: `[${problem.kind}] ${updateIds.has(updateName) ? context : problem.where}: ${problem.detail}`,
                missing_item_table: missing?.[1] ?? '',
                missing_item: missing?.[2] ?? '',
            })
        }
        this.database.update('sys_remote_update_set', remoteSetId, { state: 'previewed' })
        const count = analysis.problems.length
        const progress = finishedProgress(this.database, `Preview of ${remoteSet.name ?? ''}`, remoteSetId, {
            message: count === 0 ? 'Preview complete: no problems' : `Preview complete: ${String(count)} problem(s)`,
        })
        return { progress, problems: analysis.problems, report: analysis.report }
    }

    /**
     * Commit: refused (a failed progress, nothing written) before a preview, or while the preview's
     * errors stand unaccepted. The local instance never commits what it cannot run, force_commit or
     * not, accepted or not.
     */
    commit(remoteSetId: string, asUserName: string): Progress {
        const remoteSet = this.requireRemoteSet(remoteSetId)
        const name = `Commit of ${remoteSet.name ?? ''}`
        const fail = (error: string) => finishedProgress(this.database, name, remoteSetId, { message: error, error })
        if (remoteSet.state === 'committed') return fail(`Update set "${remoteSet.name ?? ''}" is committed already`)
        if (remoteSet.state !== 'previewed')
            return fail(`Update set "${remoteSet.name ?? ''}" has not been previewed: preview it, then commit`)
        // An accepted problem (status "ignored", the platform's "Accept remote update") blocks nothing here;
        // what the local instance cannot run still fails the rebuild below, so nothing it cannot run is committed.
        const errors = this.database
            .query('sys_update_preview_problem', `remote_update_set=${remoteSetId}^type=error`)
            .filter((problem) => problem.status !== 'ignored')
        if (errors.length > 0)
            return fail(
                `The preview of "${remoteSet.name ?? ''}" found ${String(errors.length)} error(s) the local instance cannot run (sys_update_preview_problem); it commits only sets it can run, force_commit or not`
            )
        const updates = this.updatesOf(remoteSetId)
        const versions = this.currentVersions()
        for (const update of updates) versions.set(update.name ?? '', update)
        // Built before anything is written, so that a failure leaves the instance as it was.
        let next: FlowCatalog
        try {
            next = this.rebuild(versions)
        } catch (error) {
            if (error instanceof LocalInstanceError) return fail(error.message)
            throw error
        }
        commitRecords(this.database, recordsFromUpdateSet(this.asUpdateSet(remoteSet, updates)), asUserName)
        for (const update of updates) {
            for (const previous of this.database.query('sys_update_version', `name=${update.name ?? ''}^state=current`))
                this.database.update('sys_update_version', previous.sys_id, { state: 'previous' })
            this.database.insert('sys_update_version', {
                name: update.name ?? '',
                type: update.type ?? '',
                action: update.action ?? '',
                payload: update.payload ?? '',
                source: remoteSetId,
                state: 'current',
            })
        }
        this.catalog = next
        this.afterCommit()
        this.database.update(
            'sys_remote_update_set',
            remoteSetId,
            { state: 'committed', commit_date: glideDateTime(this.now()) },
            asUserName
        )
        return finishedProgress(this.database, name, remoteSetId, {
            message: `Committed ${String(updates.length)} update(s)`,
        })
    }

    /**
     * `wfa_fluent/activate_flows`: publishes the actions, then activates the flows; a flow whose
     * custom actions are not all published is refused (PRB2012618), as is an id that is not there.
     */
    activate(request: { flows: string[]; actions: string[] }, asUserName: string): ActivationResult[] {
        const results: ActivationResult[] = []
        for (const sysId of request.actions) {
            const action = this.database.get('sys_hub_action_type_definition', sysId)
            if (!action) {
                results.push({
                    sys_id: sysId,
                    flow_name: '',
                    type: 'action',
                    status: 'failed',
                    message: 'No action with this sys_id is committed on the instance',
                })
                continue
            }
            this.database.update(
                'sys_hub_action_type_definition',
                sysId,
                { state: 'published', active: 'true' },
                asUserName
            )
            results.push({
                sys_id: sysId,
                flow_name: action.name ?? '',
                type: 'action',
                status: 'success',
                message: 'Action published',
            })
        }
        for (const sysId of request.flows) {
            const flow = this.database.get('sys_hub_flow', sysId)
            const definition = this.catalog.flows.find((candidate) => candidate.sysId === sysId)
            if (!flow || !definition) {
                results.push({
                    sys_id: sysId,
                    flow_name: '',
                    type: 'flow',
                    status: 'failed',
                    message: 'No flow with this sys_id is committed on the instance',
                })
                continue
            }
            const drafts = [...customActionsOf(definition.nodes)]
                .map((actionId) => this.database.get('sys_hub_action_type_definition', actionId))
                .filter((action) => action?.state !== 'published')
                .map((action) => `"${action?.name ?? 'unknown action'}"`)
            if (drafts.length > 0) {
                results.push({
                    sys_id: sysId,
                    flow_name: flow.name ?? '',
                    type: 'flow',
                    status: 'failed',
                    message: `The flow uses action(s) ${drafts.join(', ')} that are not published: publish them first (PRB2012618)`,
                })
                continue
            }
            this.database.update(
                'sys_hub_flow',
                sysId,
                { active: 'true', status: 'published', master_snapshot: flow.master_snapshot || newSysId() },
                asUserName
            )
            results.push({
                sys_id: sysId,
                flow_name: flow.name ?? '',
                type: 'flow',
                status: 'success',
                message: 'Flow activated',
            })
        }
        return results
    }

    private requireRemoteSet(remoteSetId: string): StoredRecord {
        const remoteSet = this.database.get('sys_remote_update_set', remoteSetId)
        if (!remoteSet) throw new LocalInstanceError(`No retrieved update set ${remoteSetId}: upload it first`)
        return remoteSet
    }

    private updatesOf(remoteSetId: string): StoredRecord[] {
        return this.database.query('sys_update_xml', `remote_update_set=${remoteSetId}`)
    }

    /** The committed version of every update name, oldest commit first. */
    private currentVersions(): Map<string, StoredRecord> {
        return new Map(
            this.database.query('sys_update_version', 'state=current').map((version) => [version.name ?? '', version])
        )
    }

    private asUpdateSet(header: StoredRecord, updates: Iterable<StoredRecord>): UpdateSet {
        const records: UpdateSetRecord[] = [...updates].map((update) => {
            const payloadText = update.payload ?? ''
            let payload
            try {
                payload = parsePayload(payloadText)
            } catch (error) {
                if (!(error instanceof UpdateSetFormatError)) throw error
                throw new LocalInstanceError(`sys_update_xml ${update.name ?? ''}: ${error.message}`)
            }
            return {
                name: update.name ?? '',
                table: update.table || payload.table,
                type: update.type ?? '',
                targetName: update.target_name ?? '',
                action: update.action ?? '',
                sysId: update.sys_id,
                application: update.application ?? '',
                fields: {},
                payloadText,
                payload,
            }
        })
        return {
            unloadDate: '',
            header: { description: { value: header.description ?? '', attributes: {} } },
            name: header.name ?? '',
            sysId: header.sys_id,
            records,
        }
    }

    private rebuild(versions: Map<string, StoredRecord>): FlowCatalog {
        const { catalog, problems } = catalogOf(
            this.asUpdateSet({ sys_id: '', name: 'committed updates' }, versions.values())
        )
        if (problems.length > 0)
            throw new LocalInstanceError(
                `The committed updates together cannot run: ${problems.map((problem) => `[${problem.kind}] ${problem.where}: ${problem.detail}`).join('; ')}`
            )
        return catalog
    }
}

function* customActionsOf(nodes: FlowCatalog['flows'][number]['nodes']): Generator<string> {
    for (const node of nodes) {
        if (node.kind === 'action') {
            if (node.customActionId) yield node.customActionId
        } else yield* customActionsOf(node.children)
    }
}

/** `(action "X"), step "Y"` -> `action "X", step "Y"`: the record's own name is the problem's update. */
function withoutOuterParentheses(text: string): string {
    if (!text.startsWith('(')) return text
    let depth = 0
    for (const [index, character] of [...text].entries()) {
        if (character === '(') depth += 1
        if (character === ')') depth -= 1
        if (depth === 0) return text.slice(1, index) + text.slice(index + 1)
    }
    return text
}
