// Loading an update set, as a PDI's preview and commit do: analysing a set in a scratch instance
// (data records become rows, Flow Designer records the flow catalog, inert records are counted
// with why they need no execution, and anything the instance cannot run is collected in one list),
// writing a committed set's records, wiring connection aliases to configured endpoints (the command
// line's), and seeding the users fixture and the administrator.
import { createHash } from 'node:crypto'
import type { FlowGraph, UpdateSet } from '../../scripts/lib/update-set/index'
import {
    readFlowDesigner,
    findDataPills,
    EncodedQueryError,
    parseEncodedQuery,
    flowGraph,
    outlineUpdateSet,
    removesRecords,
} from '../../scripts/lib/update-set/index'
import { LocalInstanceError } from './errors'
import type { FlowCatalog, FlowDefinition, FlowNode } from './flow-model'
import { buildFlowCatalog, flowDefinitionTables } from './flow-model'
import { parseTemplateValues } from './flow/index'
import type { JavaScriptLevel } from './glide-sandbox'
import { checkScriptSyntax, javaScriptLevelOf, ScriptSyntaxError } from './glide-sandbox'
import type { LoadedRecord } from './payload-record'
import { recordsFromUpdateSet } from './payload-record'
import { checkNotificationRecords, sendApprovalRequestEmails } from './notifications'
import { deploymentSchemas, localInstanceSchemas, notificationSchemas } from './schema'
import { Database, TableError, isSysId } from './tables'
import { isKnownTimeZone } from './time-zones'
import { cancelApprovalsOfClosedItems, requestItemCloseRule } from './task-rules'
import type { UnsupportedItem } from './unsupported'
import { UnsupportedCollector } from './unsupported'
import { checkUiActions } from './ui-actions'
import { checkScriptIncludes } from './script-includes'
import type { RecordStore } from './store'

export interface UserFixture {
    user_name: string
    name: string
    email?: string
    /** user_name of the manager. */
    manager?: string
    /** Platform roles the pages honour: `itil` lets a fulfiller change a requested item's state. */
    roles?: string[]
    /** sys_user.time_zone, an IANA zone such as Europe/Berlin; absent = the system's. */
    time_zone?: string
}

export interface UsersFixture {
    users: UserFixture[]
    /** Group name -> member user_names. Groups shipped by the update set are filled, others created. */
    groups: Record<string, string[]>
}

export interface AliasConnection {
    url: string
    user: string
    password: string
}

/** Tables whose records become rows of the instance. */
const dataTables = new Set([
    'sys_app',
    'sc_cat_item',
    'item_option_new',
    'question_choice',
    'question_regex',
    'sys_properties',
    'sys_alias',
    'sys_user_group',
    'sysevent_register',
    'sysevent_email_action',
    'sys_ui_action',
    'sys_script_include',
])

/** Records that configure what the runner does not model, each with why it needs no execution. */
const inertTables: Record<string, string> = {
    sys_documentation: 'field labels',
    sys_translated_text: 'translations',
    sys_choice: 'choice labels of flow and action variables',
    sys_module: 'application navigator entries',
    sc_cat_item_catalog: 'catalog placement (the local instance has one catalog)',
    sc_cat_item_category: 'category placement (the local instance shows every item)',
    fx_price: 'item prices',
    sys_hub_flow_input: 'inputs the catalog trigger passes (request_item, table_name), known to the runner',
    sys_hub_flow_output: 'flow outputs (a flow run by a trigger returns nothing)',
    sys_flow_catalog_trigger: 'the catalog trigger registration (orders start the flow bound to the item)',
    sys_hub_action_status_metadata: 'action status labels',
    sys_hub_status_condition: 'action status conditions (none are evaluated: a failing step fails the action)',
    sys_complex_object: 'output object schemas',
    sys_hub_input_scripts: 'input scripts (none present; scripted inputs are refused where used)',
    sys_hub_action_plan: 'compiled action plans (the runner reads the definition)',
    sys_flow_trigger_plan: 'compiled trigger plans',
    sys_flow_subflow_plan: 'compiled subflow plans',
    sys_hub_flow_snapshot: 'a flow snapshot (the runner executes the flow definition)',
    sys_hub_action_type_snapshot: 'an action snapshot (the runner executes the action definition)',
    sys_hub_flow_stage: 'flow stages (not shown)',
    sys_flow_cat_variable_model: 'catalog variable model of the flow',
    sys_flow_cat_variable: 'catalog variable model of the flow',
    sys_trigger_runner_mapping: 'trigger runner mapping',
    sys_hub_action_input_action_instance: 'input/instance links',
}

export interface LoadReport {
    updateSetName: string
    /** Rows created from the set, per table. */
    data: Record<string, number>
    /** Flow Designer records read to build flows and actions, per table. */
    flowDefinition: Record<string, number>
    /** Records that need no execution, per table, with the reason. */
    inert: Record<string, { count: number; reason: string }>
    /** delete_multiple instructions and DELETEs of single records: no-ops on a fresh instance. */
    deleteInstructions: number
    flows: { sysId: string; name: string; active: boolean }[]
    actions: { sysId: string; name: string }[]
    javaScriptLevel: JavaScriptLevel
}

/** What loading a set into a fresh instance gives, and everything the instance could not run. */
export interface UpdateSetAnalysis {
    updateSet: UpdateSet
    records: LoadedRecord[]
    report: LoadReport
    problems: UnsupportedItem[]
}

/** A database with the instance's tables and the platform's task rules, empty. */
export function newInstanceDatabase(now: () => Date, store?: RecordStore): Database {
    const database = new Database({
        schemas: [...localInstanceSchemas, ...deploymentSchemas, ...notificationSchemas],
        now,
        rules: [requestItemCloseRule(now)],
        store,
    })
    cancelApprovalsOfClosedItems(database)
    sendApprovalRequestEmails(database)
    return database
}

/**
 * Loads the set into a scratch instance, as a preview does: the rows it would create, its flows
 * and actions, and every record, step or reference the instance cannot run. The instance's own
 * database is not touched.
 */
export function analyseUpdateSet(updateSet: UpdateSet, now: () => Date): UpdateSetAnalysis {
    const records = recordsFromUpdateSet(updateSet)
    const database = newInstanceDatabase(now)
    const unsupported = new UnsupportedCollector()
    const report = loadRecords(updateSet, records, database, unsupported)
    const catalog = buildFlowCatalog(readFlowDesigner(updateSet), records, unsupported, flowGraphsOf(updateSet))
    report.flows = catalog.flows.map((flow) => ({ sysId: flow.sysId, name: flow.name, active: flow.active }))
    report.actions = [...catalog.actions.values()].map((action) => ({ sysId: action.sysId, name: action.name }))
    checkReferences(records, database, catalog, unsupported)
    checkActionScripts(catalog, report.javaScriptLevel, unsupported)
    checkNotificationRecords(records, database, unsupported)
    checkUiActions(records, report.javaScriptLevel, unsupported)
    checkScriptIncludes(records, report.javaScriptLevel, unsupported)
    return { updateSet, records, report, problems: unsupported.list() }
}

/** Each flow's diagram by flow sys_id, for the flow log page. */
function flowGraphsOf(updateSet: UpdateSet): Map<string, FlowGraph> {
    return new Map(outlineUpdateSet(updateSet).flows.map((flow) => [flow.sysId, flowGraph(flow)]))
}

/** The flows and actions built from update set records, and what of them cannot run. */
export function catalogOf(updateSet: UpdateSet): { catalog: FlowCatalog; problems: UnsupportedItem[] } {
    const unsupported = new UnsupportedCollector()
    const catalog = buildFlowCatalog(
        readFlowDesigner(updateSet),
        recordsFromUpdateSet(updateSet),
        unsupported,
        flowGraphsOf(updateSet)
    )
    return { catalog, problems: unsupported.list() }
}

/**
 * A commit's writes: the set's data records become rows, its flows and actions rows of
 * sys_hub_flow and sys_hub_action_type_definition with the state the set gives them (an SDK
 * build's are drafts). Only for a set whose analysis found nothing it cannot run.
 */
export function commitRecords(database: Database, records: LoadedRecord[], asUserName: string): void {
    const unsupported = new UnsupportedCollector()
    for (const record of records) {
        if (record.action !== 'INSERT_OR_UPDATE' && record.action !== 'UPDATE') continue
        const where = `${record.updateName} (${record.table} ${record.sysId})`
        if (dataTables.has(record.table) || flowStateTables.has(record.table))
            upsertData(database, record, where, unsupported, asUserName)
    }
    unsupported.throwIfAny('the commit')
}

/** The Flow Designer records that become rows: whether a flow runs is its row's state. */
const flowStateTables = new Set(['sys_hub_flow', 'sys_hub_action_type_definition'])

/** Deterministic, so that fixtures and pages can name seeded records. */
export function seededSysId(table: string, key: string): string {
    return createHash('md5').update(`${table}:${key}`).digest('hex')
}

function checkActionScripts(
    catalog: FlowCatalog,
    javaScriptLevel: JavaScriptLevel,
    unsupported: UnsupportedCollector
): void {
    for (const action of catalog.actions.values()) {
        for (const step of action.steps) {
            try {
                checkScriptSyntax(
                    step.script,
                    javaScriptLevel,
                    `${action.updateName} (action "${action.name}", step "${step.label}")`
                )
            } catch (error) {
                if (!(error instanceof ScriptSyntaxError)) throw error
                unsupported.add('script-syntax', error.recordName, error.parseMessage)
            }
        }
    }
}

function loadRecords(
    updateSet: UpdateSet,
    records: LoadedRecord[],
    database: Database,
    unsupported: UnsupportedCollector
): LoadReport {
    const report: LoadReport = {
        updateSetName: updateSet.name,
        data: {},
        flowDefinition: {},
        inert: {},
        deleteInstructions: 0,
        flows: [],
        actions: [],
        javaScriptLevel: 'es5',
    }
    for (const record of records) {
        if (record.action === 'delete_multiple') {
            report.deleteInstructions += 1
            continue
        }
        const where = `${record.updateName} (${record.table} ${record.sysId})`
        if (record.action === 'DELETE') {
            // The platform deletes the record when it has it; a fresh instance has nothing to delete.
            if (dataTables.has(record.table) && isSysId(record.sysId) && database.get(record.table, record.sysId))
                database.delete(record.table, record.sysId)
            report.deleteInstructions += 1
            continue
        }
        if (!['INSERT_OR_UPDATE', 'UPDATE'].includes(record.action)) {
            unsupported.add(
                'record-action',
                where,
                `action "${record.action}" (only INSERT_OR_UPDATE, UPDATE, DELETE and delete_multiple)`
            )
            continue
        }
        if (dataTables.has(record.table)) {
            upsertData(database, record, where, unsupported)
            report.data[record.table] = (report.data[record.table] ?? 0) + 1
        } else if (flowDefinitionTables.has(record.table) || record.table === 'sys_hub_flow_variable') {
            report.flowDefinition[record.table] = (report.flowDefinition[record.table] ?? 0) + 1
        } else if (inertTables[record.table]) {
            const entry = report.inert[record.table] ?? { count: 0, reason: inertTables[record.table] ?? '' }
            entry.count += 1
            report.inert[record.table] = entry
        } else {
            unsupported.add('record-table', where, `records of table ${record.table} are not supported`)
        }
    }
    const apps = database.query('sys_app')
    report.javaScriptLevel = javaScriptLevelOf(apps[0]?.js_level)
    return report
}

function upsertData(
    database: Database,
    record: LoadedRecord,
    where: string,
    unsupported: UnsupportedCollector,
    asUserName = 'system'
): void {
    if (!isSysId(record.sysId)) {
        unsupported.add('record-table', where, 'the record has no 32-hex sys_id')
        return
    }
    const known = Object.fromEntries(
        Object.entries(record.fields).filter(([field]) => field !== 'sys_id' && database.hasField(record.table, field))
    )
    // Reference fields holding something other than a sys_id (e.g. empty display-only values) are kept empty.
    for (const [field, value] of Object.entries(known)) {
        if (database.field(record.table, field).type === 'reference' && value !== '' && !isSysId(value))
            known[field] = ''
    }
    try {
        if (database.get(record.table, record.sysId)) database.update(record.table, record.sysId, known, asUserName)
        else if (record.action === 'UPDATE')
            unsupported.add('missing-record', where, 'UPDATE of a record that the set does not insert')
        else database.insert(record.table, { ...known, sys_id: record.sysId }, asUserName)
    } catch (error) {
        if (error instanceof TableError) unsupported.add('record-table', where, error.message)
        else throw error
    }
}

// References between records of the set that the runtime follows must land.
function checkReferences(
    records: LoadedRecord[],
    database: Database,
    catalog: FlowCatalog,
    unsupported: UnsupportedCollector
): void {
    const flowIds = new Set(catalog.flows.map((flow) => flow.sysId))
    for (const item of database.query('sc_cat_item')) {
        const flowId = item.flow_designer_flow ?? ''
        if (flowId !== '' && !flowIds.has(flowId)) {
            unsupported.add(
                'missing-record',
                `sc_cat_item_${item.sys_id} (catalog item "${item.name ?? ''}")`,
                `its flow ${flowId} is not in the update set`
            )
        }
    }
    for (const variable of database.query('item_option_new')) {
        if (!database.get('sc_cat_item', variable.cat_item ?? '')) {
            unsupported.add(
                'missing-record',
                `item_option_new_${variable.sys_id} (variable "${variable.name ?? ''}")`,
                `its catalog item ${variable.cat_item ?? ''} is not in the update set`
            )
        }
    }
    for (const flow of catalog.flows) checkFlowFields(flow, database, unsupported)
    const aliasIds = new Set(database.query('sys_alias').map((alias) => alias.sys_id))
    const restAliasVariable = '262882f03b23320057a4a2e334efc4f0'
    for (const record of records) {
        if (
            record.table === 'sys_variable_value' &&
            !removesRecords(record) &&
            record.fields.variable === restAliasVariable
        ) {
            const aliasId = record.fields.value ?? ''
            if (aliasId !== '' && !aliasIds.has(aliasId)) {
                unsupported.add(
                    'missing-record',
                    `${record.updateName} (step ${record.fields.document_key ?? ''})`,
                    `connection alias sys_alias ${aliasId} is used but is not in the update set`
                )
            }
        }
    }
}

// Dot-walks from the trigger's record and the fields actions write or query must exist on the
// tables, or the flow would fail half-way through a run.
function checkFlowFields(flow: FlowDefinition, database: Database, unsupported: UnsupportedCollector): void {
    const where = `${flow.updateName} (flow "${flow.name}")`
    const check = (context: string, run: () => void) => {
        try {
            run()
        } catch (error) {
            if (error instanceof TableError || error instanceof EncodedQueryError)
                unsupported.add('data-pill', context, error.message)
            else throw error
        }
    }
    const visit = (nodes: FlowNode[]) => {
        for (const node of nodes) {
            const context = `${where}, ${node.label} (#${String(node.order)})`
            const texts =
                node.kind === 'action'
                    ? node.inputs.map((input) => input.value)
                    : [node.condition, ...node.variables.map((variable) => variable.value)]
            for (const pill of texts.flatMap((text) => findDataPills(text))) {
                if (
                    pill.source === flow.trigger.pillSource &&
                    pill.path[0] === 'request_item' &&
                    pill.path.length > 1
                ) {
                    check(context, () => database.describePath('sc_req_item', pill.path.slice(1).join('.')))
                }
            }
            if (node.kind === 'action') {
                const input = (name: string) => node.inputs.find((candidate) => candidate.name === name)?.value ?? ''
                if (node.builtIn === 'updateRecord') {
                    check(context, () => {
                        for (const field of Object.keys(parseTemplateValues(input('values'))))
                            database.field(input('table_name'), field)
                    })
                }
                if (node.builtIn === 'lookUpRecord' || node.builtIn === 'waitForCondition') {
                    const table =
                        node.builtIn === 'lookUpRecord' ? input('table') : input('table_name') || 'sc_req_item'
                    check(context, () => {
                        for (const clause of parseEncodedQuery(input('conditions')).alternatives.flat(2)) {
                            if (!clause.field.startsWith('{{')) database.describePath(table, clause.field)
                        }
                    })
                }
            } else {
                visit(node.children)
            }
        }
    }
    visit(flow.nodes)
}

/**
 * Points connection aliases at the configured endpoints (the command line's --kpow-url), as a
 * deploy's credential and HTTP connection records would. Returns what it could not configure.
 */
export function configureAliases(database: Database, aliases: Record<string, AliasConnection>): UnsupportedItem[] {
    const unsupported = new UnsupportedCollector()
    const used = new Set<string>()
    for (const alias of database.query('sys_alias')) {
        const key = [alias.sys_id, alias.id ?? '', alias.name ?? ''].find(
            (candidate) => candidate !== '' && aliases[candidate] !== undefined
        )
        const where = `sys_alias_${alias.sys_id} (alias "${alias.name ?? ''}")`
        if (!key) {
            unsupported.add(
                'missing-record',
                where,
                `no connection configured: pass aliases: { "${alias.name ?? alias.sys_id}": { url, user, password } }`
            )
            continue
        }
        used.add(key)
        const connection = aliases[key]
        if (!connection) continue
        try {
            new URL(connection.url)
        } catch {
            unsupported.add('missing-record', where, `the configured url "${connection.url}" is not an absolute URL`)
            continue
        }
        const credential = database.insert('basic_auth_credentials', {
            name: `${alias.name ?? ''} credential`,
            user_name: connection.user,
            password: connection.password,
        })
        database.insert('http_connection', {
            name: `${alias.name ?? ''} connection`,
            connection_alias: alias.sys_id,
            connection_url: connection.url,
            credential: credential.sys_id,
        })
    }
    for (const key of Object.keys(aliases)) {
        if (!used.has(key))
            unsupported.add(
                'missing-record',
                `aliases option "${key}"`,
                'names no sys_alias of the update set (by name, id or sys_id)'
            )
    }
    return unsupported.list()
}

/** The administrator every instance has, besides the fixture's users (password set by the command line). */
export const ADMIN_USER: UserFixture = { user_name: 'admin', name: 'System Administrator', roles: ['admin'] }

/** The fixture's users, and the administrator unless the fixture names one. */
export function usersWithAdmin(fixture: UsersFixture): UsersFixture {
    if (fixture.users.some((user) => user.user_name === ADMIN_USER.user_name)) return fixture
    return { ...fixture, users: [...fixture.users, ADMIN_USER] }
}

export function seedUsers(database: Database, fixture: UsersFixture): void {
    const userIds = new Map(fixture.users.map((user) => [user.user_name, seededSysId('sys_user', user.user_name)]))
    for (const user of fixture.users) {
        if (user.time_zone !== undefined && !isKnownTimeZone(user.time_zone))
            throw new LocalInstanceError(
                `users fixture: time_zone "${user.time_zone}" of "${user.user_name}" is not a time zone the local instance knows: use an IANA name such as Europe/Berlin, or leave it out for the system's`
            )
        database.insert('sys_user', {
            sys_id: userIds.get(user.user_name) ?? '',
            user_name: user.user_name,
            name: user.name,
            email: user.email ?? '',
            time_zone: user.time_zone ?? '',
        })
    }
    for (const user of fixture.users) {
        if (!user.manager) continue
        const managerId = userIds.get(user.manager)
        if (!managerId)
            throw new LocalInstanceError(
                `users fixture: manager "${user.manager}" of "${user.user_name}" is not a user of the fixture`
            )
        database.update('sys_user', userIds.get(user.user_name) ?? '', { manager: managerId })
    }
    for (const [groupName, members] of Object.entries(fixture.groups)) {
        for (const member of members) {
            if (!userIds.has(member))
                throw new LocalInstanceError(
                    `users fixture: member "${member}" of group "${groupName}" is not a user of the fixture`
                )
        }
    }
    fillFixtureGroups(database, fixture)
}

/**
 * The fixture's group members, as an administrator adds them: into every group of that name (one a
 * committed set shipped, or one created for the fixture when none exists). Run after each commit.
 */
export function fillFixtureGroups(database: Database, fixture: UsersFixture): void {
    for (const [groupName, members] of Object.entries(fixture.groups)) {
        const groups = database.query('sys_user_group', `name=${groupName}`)
        if (groups.length === 0)
            groups.push(
                database.insert('sys_user_group', { sys_id: seededSysId('sys_user_group', groupName), name: groupName })
            )
        for (const group of groups) {
            for (const member of members) {
                const user = seededSysId('sys_user', member)
                if (database.query('sys_user_grmember', `user=${user}^group=${group.sys_id}`).length === 0)
                    database.insert('sys_user_grmember', { user, group: group.sys_id })
            }
        }
    }
}
