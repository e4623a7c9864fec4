// The Table API (`/api/now/table/<table>[/<sys_id>]`) for the tables a deploy and a smoke test
// touch, with the platform's answers: `{result: …}`, references as `{link, value}` unless
// `sysparm_exclude_reference_link=true`, `sysparm_query` (encoded queries), `sysparm_fields`,
// `sysparm_limit`/`sysparm_offset`, `sysparm_display_value`, 404 "No Record found" for a record
// missing or hidden. Who may read and write what follows the platform's roles: admin for the
// system tables, an approver deciding only their own approval, a fulfiller (itil) changing an
// item's state; changes to approvals and items go through the same rules as the pages.
import { createHash } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import type { EncodedQuery } from '../../../scripts/lib/update-set/index'
import { EncodedQueryError, matchesEncodedQuery, parseEncodedQuery } from '../../../scripts/lib/update-set/index'
import type { FlowRun } from '../flow'
import type { InstanceAccounts, InstanceDeployment, InstanceFlowRuns, InstanceRequests } from '../instance'
import { LocalInstanceError } from '../instance'
import type { RequestItemState } from '../schema'
import { TableError, isSysId } from '../tables'
import type { ApiUser } from './rest-auth'
import { ApiError, apiUserOf, requireRole } from './rest-auth'

/** What the Table API reads and changes: the tables, and the rules approvals, items and retrieved sets change by. */
type TableApiInstance = InstanceAccounts &
    InstanceRequests &
    Pick<InstanceFlowRuns, 'flowRuns'> &
    Pick<InstanceDeployment, 'deleteRetrievedUpdateSet'>

type Row = Readonly<Record<string, string>> & { readonly sys_id: string }

interface TableRules {
    /** Who sees which rows: every row for these roles; `rowVisible` for anyone else (none if absent). */
    readRoles: readonly string[] | 'any user'
    rowVisible?(instance: TableApiInstance, user: ApiUser, row: Row): boolean
    /** Fields a POST or PATCH may write, by the admin (generic writes); none = no generic writes. */
    writableFields?: readonly string[]
    create?: boolean
    /** A write the platform routes through its own rules (approvals, item state). */
    patch?(instance: TableApiInstance, user: ApiUser, row: Row, body: Record<string, string>): Row
    delete?: 'generic' | ((instance: TableApiInstance, row: Row) => void)
    /** Why writes are refused, when they are. */
    readOnlyReason?: string
}

const admin = ['admin'] as const
const fulfillers = ['itil', 'admin'] as const
const JOURNAL_TABLES = ['sc_req_item', 'sysapproval_approver'] as const

const itemVisible = (instance: TableApiInstance, user: ApiUser, itemSysId: string) =>
    instance.requestItemVisibleTo(itemSysId, user.userName, false) !== undefined

const tables: Record<string, TableRules> = {
    sys_remote_update_set: {
        readRoles: admin,
        writableFields: ['name', 'description'],
        delete: (instance, row) => instance.deleteRetrievedUpdateSet(row.sys_id),
    },
    sys_update_preview_problem: {
        readRoles: admin,
        patch: acceptPreviewProblem,
        readOnlyReason:
            'preview problems are written by the preview (POST /api/sn_cicd/update_set/preview/<id>); an admin may set status "ignored"',
    },
    basic_auth_credentials: {
        readRoles: admin,
        writableFields: ['name', 'user_name', 'password', 'active'],
        create: true,
        delete: 'generic',
    },
    http_connection: {
        readRoles: admin,
        writableFields: ['name', 'connection_alias', 'credential', 'connection_url', 'active'],
        create: true,
        delete: 'generic',
    },
    sys_alias: {
        readRoles: admin,
        writableFields: ['name', 'id', 'type', 'connection_type'],
        create: true,
        delete: 'generic',
    },
    sys_hub_flow: {
        readRoles: admin,
        readOnlyReason:
            'the local instance changes flows only by a commit and by activation (POST /api/now/wfa_fluent/activate_flows)',
    },
    sys_hub_action_type_definition: {
        readRoles: admin,
        readOnlyReason:
            'the local instance changes actions only by a commit and by publishing (POST /api/now/wfa_fluent/activate_flows)',
    },
    sys_properties: {
        readRoles: admin,
        writableFields: ['name', 'value', 'type', 'description'],
        create: true,
        delete: 'generic',
    },
    sc_cat_item: { readRoles: 'any user', writableFields: ['active', 'short_description', 'description'] },
    item_option_new: { readRoles: 'any user', writableFields: ['active', 'mandatory', 'help_text'] },
    sys_user: { readRoles: 'any user', writableFields: ['name', 'email', 'manager', 'active'] },
    sc_req_item: {
        readRoles: fulfillers,
        rowVisible: (instance, user, row) => itemVisible(instance, user, row.sys_id),
        patch: patchRequestItem,
        readOnlyReason: 'requested items are created by ordering (POST /api/sn_sc/servicecatalog/items/<id>/order_now)',
    },
    sysapproval_approver: {
        readRoles: fulfillers,
        rowVisible: (_instance, user, row) => row.approver === user.sysId,
        patch: patchApproval,
        readOnlyReason: 'approvals are created by the flow',
    },
    sys_email: {
        readRoles: admin,
        readOnlyReason: 'emails are written by notifications (events fired by flows and scripts)',
    },
    sysevent: { readRoles: admin, readOnlyReason: 'events are queued by gs.eventQueue and Fire Event' },
    sysevent_email_action: {
        readRoles: admin,
        readOnlyReason: 'notifications change only by committing an update set',
    },
    sys_journal_field: {
        readRoles: fulfillers,
        // Customer-visible comments of the items a user may see; work notes are for fulfillers only.
        rowVisible: (instance, user, row) =>
            row.element === 'comments' &&
            (row.name === 'sc_req_item'
                ? itemVisible(instance, user, row.element_id ?? '')
                : instance.database.get('sysapproval_approver', row.element_id ?? '')?.approver === user.sysId),
        readOnlyReason: "journal entries are written through the record's journal field (work_notes, comments)",
    },
    sys_flow_context: {
        readRoles: admin,
        readOnlyReason: 'flow contexts are written by the flow engine as runs start, wait and end',
    },
}

/** The tables the Table API serves, for messages and docs. */
export const TABLE_API_TABLES = Object.keys(tables)

function rulesOf(table: string): TableRules {
    // Own entries only: a table named `constructor` or `__proto__` is no table, not a 500.
    const rules = Object.hasOwn(tables, table) ? tables[table] : undefined
    if (!rules)
        throw new ApiError(
            400,
            `Invalid table ${table}`,
            `The local instance's Table API serves ${TABLE_API_TABLES.join(', ')}`
        )
    return rules
}

function seesEveryRow(instance: TableApiInstance, user: ApiUser, rules: TableRules): boolean {
    return rules.readRoles === 'any user' || rules.readRoles.some((role) => instance.hasRole(user.userName, role))
}

/** A 403 when the caller can see no row of the table at all, as a table-level read ACL answers. */
function requireRead(instance: TableApiInstance, user: ApiUser, table: string, rules: TableRules): void {
    if (seesEveryRow(instance, user, rules) || rules.rowVisible) return
    requireRole(instance, user, rules.readRoles === 'any user' ? [] : rules.readRoles, `read ${table}`)
}

function visible(instance: TableApiInstance, user: ApiUser, rules: TableRules, row: Row): boolean {
    return seesEveryRow(instance, user, rules) || (rules.rowVisible?.(instance, user, row) ?? false)
}

/** sys_journal_field as rows: every journal entry of the tables with journal fields. */
function journalRows(instance: TableApiInstance): Row[] {
    const rows: Row[] = []
    for (const table of JOURNAL_TABLES) {
        const journalFields = Object.entries(instance.database.schema(table).fields)
            .filter(([, field]) => field.type === 'journal')
            .map(([name]) => name)
        for (const record of instance.database.query(table)) {
            for (const element of journalFields) {
                instance.database.journal(table, record.sys_id, element).forEach((entry, index) => {
                    rows.push({
                        sys_id: createHash('md5')
                            .update(`${table}:${record.sys_id}:${element}:${String(index)}`)
                            .digest('hex'),
                        name: table,
                        element_id: record.sys_id,
                        element,
                        value: entry.value,
                        sys_created_by: entry.author,
                        sys_created_on: entry.createdOn,
                    })
                })
            }
        }
    }
    return rows
}

const journalFieldNames = ['sys_id', 'name', 'element_id', 'element', 'value', 'sys_created_by', 'sys_created_on']

/**
 * Refuses a query that filters or orders by a password (password2) field: answering it would let a
 * caller find a secret a character at a time (`passwordSTARTSWITHa`) or by sorting. The platform
 * keeps such fields encrypted, so a condition on one cannot match what the caller typed; its docs
 * do not say how the Table API answers it. The safest answer, a 400 naming the field, is the one
 * given here rather than an empty or unfiltered list.
 */
function refuseSecretTerms(instance: TableApiInstance, table: string, query: EncodedQuery): void {
    const fields = [
        ...query.alternatives.flat(2).map((term) => term.field),
        ...query.orderBy.map((order) => order.field),
    ]
    for (const field of fields) {
        let type: string | undefined
        try {
            type = instance.database.describePath(table, field).field.type
        } catch (error) {
            if (error instanceof TableError) continue
            throw error
        }
        if (type === 'password2')
            throw new TableError(
                `"${field}" is a password field: it cannot be used to filter, order or group ${table} records`
            )
    }
}

/** sys_flow_context as rows: one per flow run that started (the platform makes no context for an inactive flow). */
function flowContextRows(instance: TableApiInstance): Row[] {
    return instance
        .flowRuns()
        .filter((run) => run.status !== 'not_started')
        .map((run) => ({
            sys_id: run.id,
            name: run.flowName,
            flow: run.flowSysId,
            state: FLOW_CONTEXT_STATES[run.status],
            source_table: run.trigger.table,
            source_record: run.trigger.sysId,
            sys_created_on: run.startedAt,
        }))
}

/** The platform's sys_flow_context states (upper case, as the engine writes them) for a run's status. */
const FLOW_CONTEXT_STATES: Record<FlowRun['status'], string> = {
    queued: 'QUEUED',
    running: 'IN_PROGRESS',
    waiting: 'WAITING',
    complete: 'COMPLETE',
    error: 'ERROR',
    not_started: 'CANCELLED',
}

/** Tables the platform keeps apart from ordinary records, served as rows built from what the instance holds. */
const VIRTUAL_TABLES: Record<string, { fields: readonly string[]; rows: (instance: TableApiInstance) => Row[] }> = {
    sys_journal_field: { fields: journalFieldNames, rows: journalRows },
    sys_flow_context: {
        fields: ['sys_id', 'name', 'flow', 'state', 'source_table', 'source_record', 'sys_created_on'],
        rows: flowContextRows,
    },
}

const virtualTable = (table: string) => (Object.hasOwn(VIRTUAL_TABLES, table) ? VIRTUAL_TABLES[table] : undefined)

function queryRows(instance: TableApiInstance, table: string, encodedQuery: string): Row[] {
    try {
        const virtual = virtualTable(table)
        if (!virtual) {
            refuseSecretTerms(instance, table, parseEncodedQuery(encodedQuery))
            return instance.database.query(table, encodedQuery)
        }
        const query = parseEncodedQuery(encodedQuery)
        for (const term of query.alternatives.flat(2))
            if (!virtual.fields.includes(term.field))
                throw new TableError(`Field "${term.field}" does not exist on table "${table}"`)
        const rows = virtual.rows(instance).filter((row) => matchesEncodedQuery(query, (field) => row[field] ?? ''))
        for (const order of [...query.orderBy].reverse())
            rows.sort((left, right) => {
                const comparison = (left[order.field] ?? '').localeCompare(right[order.field] ?? '')
                return order.descending ? -comparison : comparison
            })
        return rows
    } catch (error) {
        if (error instanceof EncodedQueryError || error instanceof TableError)
            throw new ApiError(400, `Invalid sysparm_query: ${error.message}`, `sysparm_query=${encodedQuery}`)
        throw error
    }
}

function fieldNamesOf(instance: TableApiInstance, table: string): string[] {
    return [...(virtualTable(table)?.fields ?? Object.keys(instance.database.schema(table).fields))]
}

interface Presentation {
    fields: string[]
    displayValue: 'false' | 'true' | 'all'
    referenceLinks: boolean
    baseUrl: string
}

function presentationOf(instance: TableApiInstance, table: string, request: Request): Presentation {
    const known = fieldNamesOf(instance, table)
    const asked = String(request.query.sysparm_fields ?? '')
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    const unknown = asked.filter((field) => !known.includes(field))
    if (unknown.length > 0)
        throw new ApiError(
            400,
            `sysparm_fields names field(s) ${unknown.join(', ')} that ${table} does not have`,
            `Fields of ${table}: ${known.join(', ')}`
        )
    const displayValue = String(request.query.sysparm_display_value ?? 'false')
    if (displayValue !== 'false' && displayValue !== 'true' && displayValue !== 'all')
        throw new ApiError(400, 'sysparm_display_value must be true, false or all', `got "${displayValue}"`)
    return {
        fields: asked.length > 0 ? asked : known,
        displayValue,
        referenceLinks: String(request.query.sysparm_exclude_reference_link ?? 'false') !== 'true',
        baseUrl: `${request.protocol}://${request.get('host') ?? ''}`,
    }
}

function present(instance: TableApiInstance, table: string, row: Row, how: Presentation): Record<string, unknown> {
    const output: Record<string, unknown> = {}
    for (const name of how.fields) {
        const schema = virtualTable(table) ? undefined : instance.database.field(table, name)
        // Journal fields are read through sys_journal_field; passwords are never shown.
        let value = schema?.type === 'journal' || schema?.type === 'password2' ? '' : (row[name] ?? '')
        const display =
            schema && value !== '' && (schema.type === 'reference' || schema.type === 'choice')
                ? instance.database.displayValue(table, row.sys_id, name)
                : value
        if (how.displayValue === 'true') value = display
        const link =
            schema?.type === 'reference' && schema.reference && row[name]
                ? `${how.baseUrl}/api/now/table/${schema.reference}/${row[name]}`
                : undefined
        if (how.displayValue === 'all') output[name] = { display_value: display, value, ...(link ? { link } : {}) }
        else if (link && how.referenceLinks)
            output[name] = how.displayValue === 'true' ? { display_value: value, link } : { link, value }
        else output[name] = value
    }
    return output
}

function integerParameter(request: Request, name: string, fallback: number): number {
    const text = request.query[name]
    if (text === undefined) return fallback
    const value = Number(text)
    if (!Number.isInteger(value) || value < 0)
        throw new ApiError(400, `${name} must be a whole number of 0 or more`, `got "${String(text)}"`)
    return value
}

/** The JSON body of a write as field -> text; anything but scalars is refused by name. */
function bodyOf(request: Request): Record<string, string> {
    const body: unknown = request.body
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ApiError(
            400,
            'The request body must be a JSON object of field values',
            'send Content-Type: application/json'
        )
    const values: Record<string, string> = {}
    for (const [field, value] of Object.entries(body)) {
        if (typeof value === 'string') values[field] = value
        else if (typeof value === 'number' || typeof value === 'boolean') values[field] = String(value)
        else if (value === null) values[field] = ''
        else throw new ApiError(400, `Field "${field}" must be a string, number or boolean`, 'send plain field values')
    }
    return values
}

function checkWritable(table: string, rules: TableRules, values: Record<string, string>): void {
    const allowed = rules.writableFields ?? []
    const refused = Object.keys(values).filter((field) => !allowed.includes(field) && field !== 'sys_id')
    if (refused.length > 0)
        throw new ApiError(
            400,
            `Field(s) ${refused.join(', ')} of ${table} cannot be written through the Table API of the local instance`,
            allowed.length > 0 ? `Writable fields: ${allowed.join(', ')}` : (rules.readOnlyReason ?? '')
        )
}

function translateWriteError(error: unknown): never {
    if (error instanceof TableError || error instanceof LocalInstanceError)
        throw new ApiError(400, error.message, 'nothing was changed')
    throw error
}

/**
 * What an admin may do to a preview problem: the platform's "Accept remote update", status
 * "ignored", after which the problem no longer blocks the commit. "Skip remote update" (status
 * "skipped": the update left out of the commit) is not modelled, so it is refused, not ignored.
 */
function acceptPreviewProblem(instance: TableApiInstance, user: ApiUser, row: Row, body: Record<string, string>): Row {
    requireRole(instance, user, admin, 'resolve preview problems')
    const fields = Object.keys(body).filter((field) => field !== 'sys_id')
    if (fields.length !== 1 || fields[0] !== 'status' || body.status !== 'ignored')
        throw new ApiError(
            400,
            `A preview problem takes only {"status": "ignored"} (Accept remote update) on the local instance; got ${JSON.stringify(body).slice(0, 200)}`,
            'Skip remote update (status "skipped") is not modelled: fix the record in the set instead'
        )
    return instance.database.update('sys_update_preview_problem', row.sys_id, { status: 'ignored' }, user.userName)
}

function patchRequestItem(instance: TableApiInstance, user: ApiUser, row: Row, body: Record<string, string>): Row {
    requireRole(instance, user, fulfillers, 'change requested items (fulfillers change their state)')
    const allowed = ['state', 'work_notes', 'comments']
    const refused = Object.keys(body).filter((field) => !allowed.includes(field))
    if (refused.length > 0)
        throw new ApiError(
            400,
            `Field(s) ${refused.join(', ')} of sc_req_item cannot be written here`,
            `Writable: ${allowed.join(', ')}`
        )
    const { state, work_notes: workNote, comments } = body
    // The whole request is checked before anything is written: a refused state writes no comment.
    if (state !== undefined) requireChoice(instance, 'sc_req_item', 'state', state)
    // One transaction besides: a rule refusing the state change half-way undoes the comment too.
    return instance.database.transaction(() => {
        let record: Row = row
        if (comments) record = instance.database.update('sc_req_item', row.sys_id, { comments }, user.userName)
        if (state !== undefined && state !== row.state)
            record = instance.setItemState(row.sys_id, state as RequestItemState, user.userName, workNote || undefined)
        else if (workNote) record = instance.addWorkNote(row.sys_id, workNote, user.userName)
        return record
    })
}

/** A 400 naming the field and its choices when `value` is not one of them (own keys only: `toString` is none). */
function requireChoice(instance: TableApiInstance, table: string, field: string, value: string): void {
    const choices = instance.database.field(table, field).choices ?? {}
    if (!Object.hasOwn(choices, value))
        throw new ApiError(
            400,
            `${field} must be one of ${Object.keys(choices).join(', ')}; got "${value}"`,
            'nothing was changed'
        )
}

function patchApproval(instance: TableApiInstance, user: ApiUser, row: Row, body: Record<string, string>): Row {
    const isAdmin = instance.hasRole(user.userName, 'admin')
    if (!isAdmin && row.approver !== user.sysId)
        throw new ApiError(403, 'Insufficient rights', `User "${user.userName}" is not the approver of this approval`)
    const refused = Object.keys(body).filter((field) => field !== 'state' && field !== 'comments')
    if (refused.length > 0)
        throw new ApiError(
            400,
            `Field(s) ${refused.join(', ')} of sysapproval_approver cannot be written`,
            'Writable: state (approved or rejected), comments'
        )
    const { state, comments } = body
    if (state !== undefined) requireChoice(instance, 'sysapproval_approver', 'state', state)
    if (state === undefined || state === row.state) {
        return comments
            ? instance.database.update('sysapproval_approver', row.sys_id, { comments }, user.userName)
            : row
    }
    if (state !== 'approved' && state !== 'rejected')
        throw new ApiError(
            400,
            `state must be "approved" or "rejected"; got "${state}"`,
            'an approver decides; nothing else'
        )
    const approverName = isAdmin
        ? (instance.database.get('sys_user', row.approver ?? '')?.user_name ?? user.userName)
        : user.userName
    return state === 'approved'
        ? instance.approve(row.sys_id, approverName, comments || undefined)
        : instance.reject(row.sys_id, approverName, comments || undefined)
}

function notWritable(table: string, change: 'created' | 'changed' | 'deleted', rules: TableRules): ApiError {
    return new ApiError(
        403,
        `Records of ${table} cannot be ${change} through the Table API`,
        rules.readOnlyReason ?? ''
    )
}

function findRow(instance: TableApiInstance, user: ApiUser, table: string, rules: TableRules, sysId: string): Row {
    const row = isSysId(sysId) ? queryRows(instance, table, `sys_id=${sysId}`)[0] : undefined
    if (!row || !visible(instance, user, rules, row))
        throw new ApiError(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval")
    return row
}

export function tableApiRouter(instance: TableApiInstance): express.Router {
    const router = express.Router()

    router.get('/:table', (request, response) => {
        const user = apiUserOf(response)
        const table = request.params.table
        const rules = rulesOf(table)
        requireRead(instance, user, table, rules)
        const how = presentationOf(instance, table, request)
        const offset = integerParameter(request, 'sysparm_offset', 0)
        const limit = integerParameter(request, 'sysparm_limit', 10_000)
        const rows = queryRows(instance, table, String(request.query.sysparm_query ?? '')).filter((row) =>
            visible(instance, user, rules, row)
        )
        response.set('x-total-count', String(rows.length))
        response.json({ result: rows.slice(offset, offset + limit).map((row) => present(instance, table, row, how)) })
    })

    router.get('/:table/:sysId', (request, response) => {
        const user = apiUserOf(response)
        const table = request.params.table
        const rules = rulesOf(table)
        requireRead(instance, user, table, rules)
        const how = presentationOf(instance, table, request)
        const row = findRow(instance, user, table, rules, request.params.sysId)
        response.json({ result: present(instance, table, row, how) })
    })

    router.post('/:table', (request, response) => {
        const user = apiUserOf(response)
        const table = request.params.table
        const rules = rulesOf(table)
        if (!rules.create) throw notWritable(table, 'created', rules)
        requireRole(instance, user, admin, `create ${table} records`)
        const values = bodyOf(request)
        checkWritable(table, rules, values)
        if (values.sys_id !== undefined && !isSysId(values.sys_id))
            throw new ApiError(400, 'sys_id must be 32 lowercase hex digits', `got "${values.sys_id}"`)
        let created: Row
        try {
            created = instance.database.insert(table, values, user.userName)
        } catch (error) {
            translateWriteError(error)
        }
        response
            .status(201)
            .json({ result: present(instance, table, created, presentationOf(instance, table, request)) })
    })

    const patch = (request: Request, response: Response) => {
        const user = apiUserOf(response)
        const table = String(request.params.table)
        const rules = rulesOf(table)
        requireRead(instance, user, table, rules)
        const row = findRow(instance, user, table, rules, String(request.params.sysId))
        const values = bodyOf(request)
        let updated: Row
        try {
            if (rules.patch) updated = rules.patch(instance, user, row, values)
            else {
                if (!rules.writableFields) throw notWritable(table, 'changed', rules)
                requireRole(instance, user, admin, `change ${table} records`)
                checkWritable(table, rules, values)
                delete values.sys_id
                updated = instance.database.update(table, row.sys_id, values, user.userName)
            }
        } catch (error) {
            translateWriteError(error)
        }
        response.json({ result: present(instance, table, updated, presentationOf(instance, table, request)) })
    }
    router.patch('/:table/:sysId', patch)
    router.put('/:table/:sysId', patch)

    router.delete('/:table/:sysId', (request, response) => {
        const user = apiUserOf(response)
        const table = request.params.table
        const rules = rulesOf(table)
        requireRead(instance, user, table, rules)
        const row = findRow(instance, user, table, rules, request.params.sysId)
        if (!rules.delete) throw notWritable(table, 'deleted', rules)
        requireRole(instance, user, admin, `delete ${table} records`)
        try {
            if (rules.delete === 'generic') instance.database.delete(table, row.sys_id)
            else rules.delete(instance, row)
        } catch (error) {
            translateWriteError(error)
        }
        response.status(204).end()
    })
    return router
}
