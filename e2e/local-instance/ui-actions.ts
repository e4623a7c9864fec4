// UI actions (sys_ui_action) as the platform runs server-side form buttons: a button is shown on a
// record's form when the action is active, shown on update, and its condition (a server-side
// expression over `current`, evaluated as the viewing user) holds; clicking it evaluates the
// condition again and runs the script as that user with `current` (the record, a GlideRecord) and
// `action` (setRedirectURL). Both run in the QuickJS Glide sandbox, like a flow's script steps.
// What the local instance does not render or run (client scripts, list and workspace buttons, links,
// context menus, other tables) is refused when the set is loaded, naming the field.
import { removesRecords } from '../../scripts/lib/update-set/index'
import type { JavaScriptLevel, SandboxHost } from './glide-sandbox'
import { checkScriptSyntax, runPlatformScript, ScriptRuntimeError, ScriptSyntaxError } from './glide-sandbox'
import { LocalInstanceError } from './errors'
import { scopeNameOf } from './script-includes'
import type { LoadedRecord } from './payload-record'
import type { Database, StoredRecord } from './tables'
import type { UnsupportedCollector } from './unsupported'

/** The tables whose form pages the local instance renders with their UI actions. */
const formTables = ['sc_req_item']

/** Fields of sys_ui_action the local instance uses. */
const modelledFields = [
    'name',
    'action_name',
    'table',
    'active',
    'condition',
    'script',
    'form_button',
    'form_action',
    'form_style',
    'show_update',
    'show_insert',
    'order',
    'hint',
]

/** Fields that change nothing for a server-side form button (bookkeeping, or client-only flags left off). */
const inertFields = [
    'sys_id',
    'sys_scope',
    'sys_update_name',
    'sys_name',
    'sys_class_name',
    'sys_package',
    'sys_policy',
    'comments',
    'isolate_script',
    'ui11_compatible',
    'ui16_compatible',
    'show_query',
    'show_multiple_update',
    'list_style',
]

/** A form button a user may click now. */
export interface UiActionButton {
    sysId: string
    /** The action name: the button's id on the form, as the platform renders it. */
    actionName: string
    name: string
    hint: string
    style: string
}

/** What a click did: where the script asked to go (a record, or nothing: back to the form). */
export interface UiActionOutcome {
    redirect?: { table: string; sysId: string }
    /** What the script told the user (gs.addInfoMessage, gs.addErrorMessage, gs.info). */
    messages?: string[]
}

export class UiActionRefusedError extends Error {}

/**
 * Runs the clicks on one record one after another. A click checks the action's condition on the
 * record as it is when its turn comes and runs the script in that same turn, so twenty clicks
 * racing on "End my access" end it once: the first closes the item, the others find the condition
 * false and are refused, as the platform's re-check on submit does. Clicks on other records and
 * every other request go on meanwhile (the turns are promises, not a lock on the process).
 */
export class RecordTurns {
    private readonly tails = new Map<string, Promise<unknown>>()

    take<T>(table: string, sysId: string, work: () => Promise<T>): Promise<T> {
        const key = `${table}:${sysId}`
        const previous = this.tails.get(key) ?? Promise.resolve()
        const turn = previous.then(work, work)
        const tail = turn.then(
            () => undefined,
            () => undefined
        )
        this.tails.set(key, tail)
        void tail.then(() => {
            if (this.tails.get(key) === tail) this.tails.delete(key)
        })
        return turn
    }
}

/** Refuses, at load, every sys_ui_action the local instance would not render or run as the platform does. */
export function checkUiActions(
    records: LoadedRecord[],
    level: JavaScriptLevel,
    unsupported: UnsupportedCollector
): void {
    for (const record of records) {
        if (record.table !== 'sys_ui_action' || removesRecords(record)) continue
        const where = `${record.updateName} (UI action "${record.fields.name ?? ''}")`
        const table = record.fields.table ?? ''
        if (!formTables.includes(table))
            unsupported.add('record-table', where, `UI actions on table "${table}" (only ${formTables.join(', ')})`)
        if (record.fields.form_button !== 'true')
            unsupported.add('input', where, 'only form buttons are shown (form_button is not true)')
        for (const [field, value] of Object.entries(record.fields)) {
            if (modelledFields.includes(field) || inertFields.includes(field)) continue
            if (value !== '' && value !== 'false')
                unsupported.add('input', where, `${field} = "${value}" is not modelled (server-side form buttons only)`)
        }
        for (const [field, code] of [
            ['condition', conditionScript(record.fields.condition ?? '')],
            ['script', record.fields.script ?? ''],
        ] as const) {
            try {
                checkScriptSyntax(code, level, `${where} ${field}`)
            } catch (error) {
                if (!(error instanceof ScriptSyntaxError)) throw error
                unsupported.add('script-syntax', error.recordName, error.parseMessage)
            }
        }
    }
}

/** The form buttons of `record` the user sees now, in order. */
export async function visibleUiActions(
    database: Database,
    record: StoredRecord,
    table: string,
    host: SandboxHost,
    level: JavaScriptLevel
): Promise<UiActionButton[]> {
    const candidates = database
        .query('sys_ui_action', `table=${table}^active=true^form_button=true^show_update=true`)
        .sort((left, right) => Number(left.order ?? 100) - Number(right.order ?? 100))
    const shown: UiActionButton[] = []
    for (const uiAction of candidates) {
        if (await conditionHolds(database, uiAction, record, table, host, level))
            shown.push({
                sysId: uiAction.sys_id,
                actionName: uiAction.action_name ?? '',
                name: uiAction.name ?? '',
                hint: uiAction.hint ?? '',
                style: uiAction.form_style ?? '',
            })
    }
    return shown
}

/** Runs a UI action on `record` as the host's user; refused (nothing run) when its condition does not hold for them. */
export async function runUiAction(
    database: Database,
    uiActionSysId: string,
    record: StoredRecord,
    table: string,
    host: SandboxHost,
    level: JavaScriptLevel
): Promise<UiActionOutcome> {
    const uiAction = database.get('sys_ui_action', uiActionSysId)
    if (!uiAction || uiAction.table !== table || uiAction.active !== 'true' || uiAction.form_button !== 'true')
        throw new UiActionRefusedError(`No UI action ${uiActionSysId} on ${table} forms`)
    // The platform checks the condition again when the button is posted: a stale or forged post runs nothing.
    if (!(await conditionHolds(database, uiAction, record, table, host, level)))
        throw new UiActionRefusedError(`"${uiAction.name ?? ''}" is not available to you on this record now`)
    const result: Record<string, unknown> = {}
    try {
        await runPlatformScript(host, {
            script: `${currentAndAction(table, record.sys_id)}\n${uiAction.script ?? ''}`,
            recordName: `sys_ui_action_${uiAction.sys_id} (UI action "${uiAction.name ?? ''}")`,
            level,
            scope: scopeNameOf(database, uiAction.sys_scope),
            globals: { __uiAction: result },
        })
    } catch (error) {
        if (!(error instanceof ScriptRuntimeError)) throw error
        throw new LocalInstanceError(`"${uiAction.name ?? ''}" failed: ${error.message}`)
    }
    const target = typeof result.redirect === 'string' ? result.redirect.split(':') : []
    return target.length === 2 ? { redirect: { table: target[0] ?? '', sysId: target[1] ?? '' } } : {}
}

async function conditionHolds(
    database: Database,
    uiAction: StoredRecord,
    record: StoredRecord,
    table: string,
    host: SandboxHost,
    level: JavaScriptLevel
): Promise<boolean> {
    if ((uiAction.condition ?? '').trim() === '') return true
    const result: Record<string, unknown> = {}
    try {
        await runPlatformScript(host, {
            script: `${currentAndAction(table, record.sys_id)}\n${conditionScript(uiAction.condition ?? '')}`,
            recordName: `sys_ui_action_${uiAction.sys_id} (UI action "${uiAction.name ?? ''}" condition)`,
            level,
            scope: scopeNameOf(database, uiAction.sys_scope),
            globals: { __uiAction: result },
        })
    } catch (error) {
        // As on the platform, a condition that fails hides the button; the log says why.
        if (!(error instanceof ScriptRuntimeError)) throw error
        console.error(`local instance: UI action condition failed, button hidden: ${error.message}`)
        return false
    }
    return result.visible === true
}

/** A condition is an expression: its value decides. */
function conditionScript(condition: string): string {
    return condition.trim() === '' ? '' : `__uiAction.visible = Boolean(\n${condition}\n)`
}

/**
 * `current`, the record as a GlideRecord, and `action`, of which the local instance offers
 * setRedirectURL (a record, or a URL it does not follow); anything else on `action` is refused.
 */
function currentAndAction(table: string, sysId: string): string {
    return `var current = new GlideRecord(${JSON.stringify(table)}); current.get(${JSON.stringify(sysId)});
var action = new Proxy({
    setRedirectURL: function (target) {
        __uiAction.redirect = target && typeof target.getUniqueValue === 'function'
            ? target.getTableName() + ':' + target.getUniqueValue()
            : String(target)
    }
}, { get: function (api, name) {
    if (name in api) return api[name]
    throw new Error('action.' + String(name) + ' is not supported by the local instance')
} });`
}
