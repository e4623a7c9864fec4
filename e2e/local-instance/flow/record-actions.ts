// The built-in actions on records: Get Catalog Variables, Update Record, Look Up Record and Fire
// Event (an event queued with its parameters; the notifications it triggers go to the outbox).
import { catalogVariableIds, isTrue } from '../flow-model'
import { queueEvent } from '../notifications'
import type { Database } from '../tables'
import type { BuiltInAction } from './construct'
import { resolveText } from './pills'
import type { RunValue } from './run-model'
import { FlowRunError, userName } from './run-model'

/** Update Record's `values`: `field=value^field=value^EQ`, split before any pill is replaced. */
export function parseTemplateValues(template: string): Record<string, string> {
    const values: Record<string, string> = {}
    for (const part of template.split('^')) {
        if (part === '' || part === 'EQ') continue
        const equals = part.indexOf('=')
        if (equals <= 0) throw new FlowRunError(`template value "${part}" is not field=value`)
        values[part.slice(0, equals)] = part.slice(equals + 1)
    }
    return values
}

export function catalogVariableValue(database: Database, requestItemId: string, variableId: string): string {
    for (const link of database.query('sc_item_option_mtom', `request_item=${requestItemId}`)) {
        const option = database.get('sc_item_option', link.sc_item_option ?? '')
        if (option?.item_option_new === variableId) return option.value ?? ''
    }
    return ''
}

const getCatalogVariables: BuiltInAction = ({ node, input }, { database }) => {
    const itemId = input('requested_item')
    const outputs = new Map<string, RunValue>()
    for (const variableId of catalogVariableIds(node)) {
        const variable = database.require('item_option_new', variableId)
        outputs.set(variable.name ?? '', { value: catalogVariableValue(database, itemId, variableId) })
    }
    return Promise.resolve(outputs)
}

const updateRecord: BuiltInAction = ({ run, node, scope, input }, { database }) => {
    const table = input('table_name')
    const sysId = input('record')
    // Field by field, as Flow Designer does: the template is split into fields first and
    // each field's pills are resolved after, so a value holding "^" or "=" stays text.
    const template = node.inputs.find((candidate) => candidate.name === 'values')?.value ?? ''
    const values = Object.fromEntries(
        Object.entries(parseTemplateValues(template)).map(([field, value]) => [
            field,
            resolveText(database, value, scope),
        ])
    )
    database.update(table, sysId, values, userName(database, run.runAsUserSysId))
    return Promise.resolve(
        new Map([
            ['record', { value: sysId, table }],
            ['table_name', { value: table }],
        ])
    )
}

const lookUpRecord: BuiltInAction = ({ log, input }, { database }) => {
    const table = input('table')
    const matches = database.query(table, input('conditions'))
    const descending = input('sort_type') === 'sort_desc'
    const found = descending ? matches[matches.length - 1] : matches[0]
    log.messages.push({ level: 'debug', message: `${String(matches.length)} record(s) match` })
    if (!found) {
        if (!isTrue(input('__snc_dont_fail_on_error')))
            throw new FlowRunError(`Look Up Record found no ${table} record matching "${input('conditions')}"`)
        return Promise.resolve(
            new Map([
                ['Record', { value: '', table }],
                ['Table', { value: table }],
                ['status', { value: '1' }],
                ['error_message', { value: 'No record found' }],
            ])
        )
    }
    return Promise.resolve(
        new Map([
            ['Record', { value: found.sys_id, table }],
            ['Table', { value: table }],
            ['status', { value: '0' }],
            ['error_message', { value: '' }],
        ])
    )
}

const fireEvent: BuiltInAction = ({ run, inputs, log, input }, { database }) => {
    // The event input names the registered event (the SDK writes its name; a sys_id of the
    // sysevent_register record is read as that record's name).
    const named = input('event_name')
    const name = database.get('sysevent_register', named)?.event_name ?? named
    const record = inputs.get('record')
    const table = input('table') || record?.table || ''
    const queued = queueEvent(database, {
        name,
        table,
        sysId: record?.value ?? '',
        parm1: input('parm1'),
        parm2: input('parm2'),
        userSysId: run.runAsUserSysId,
    })
    log.messages.push({
        level: 'info',
        message: `event ${name} queued: ${String(queued.emails.length)} email(s) to the outbox`,
    })
    return Promise.resolve(new Map())
}

export const recordActions = { getCatalogVariables, updateRecord, lookUpRecord, fireEvent }
