/**
 * What an instance's export writes and the SDK's build output lacks, added to each built record:
 * a payload root naming its table (`<record_update sys_domain="global" table="…">`, as the reference
 * export's flow and action payloads have it), and an action payload that clears its child tables
 * (`delete_multiple` rows, as the SDK writes them for flows), so that re-importing an action that lost
 * an input, output or step leaves no orphan behind.
 */
import type { PayloadRecord } from './read-update-set.ts'
import { parsePayload, removesRecords } from './read-update-set.ts'
import type { BuiltRecord } from './write-update-set.ts'

const ACTION_TABLE = 'sys_hub_action_type_definition'

/**
 * The child tables of an action payload and the field naming each record's parent: every record of
 * the table with that parent that the payload does not carry is deleted on import.
 */
export const ACTION_CHILD_TABLES: ReadonlyArray<readonly [table: string, parentField: string]> = [
    ['sys_hub_action_input', 'model'],
    ['sys_hub_action_output', 'model'],
    ['sys_hub_step_instance', 'action'],
    ['sys_hub_step_ext_input', 'model'],
    ['sys_hub_step_ext_output', 'model'],
    ['sys_variable_value', 'document_key'],
    ['sys_element_mapping', 'id'],
]

/** `<parent field>=<parent>^sys_idNOT IN<kept>` per child table and parent, in the SDK's flow form. */
export function childTableDeletions(records: readonly PayloadRecord[]): { table: string; query: string }[] {
    const deletions: { table: string; query: string }[] = []
    for (const [table, parentField] of ACTION_CHILD_TABLES) {
        const kept = new Map<string, string[]>()
        for (const record of records) {
            if (record.table !== table || removesRecords(record)) continue
            const parent = record.fields[parentField]?.value ?? ''
            const sysId = record.fields.sys_id?.value ?? ''
            if (parent === '' || sysId === '') continue
            kept.set(parent, [...(kept.get(parent) ?? []), sysId])
        }
        for (const [parent, sysIds] of kept)
            deletions.push({ table, query: `${parentField}=${parent}^sys_idNOT IN${sysIds.join(',')}` })
    }
    return deletions
}

function withRootTable(payload: string, table: string): string {
    return payload.replace(/<record_update>/, `<record_update sys_domain="global" table="${table}">`)
}

function withChildTableDeletions(payload: string, table: string): string {
    const { records } = parsePayload(payload)
    const present = new Set(
        records
            .filter((record) => record.action === 'delete_multiple')
            .map((record) => `${record.table} ${record.query ?? ''}`)
    )
    const rows = childTableDeletions(records)
        .filter((deletion) => !present.has(`${deletion.table} ${deletion.query}`))
        .map((deletion) => `  <${deletion.table} action="delete_multiple" query="${deletion.query}"/>\n`)
        .join('')
    const rootEnd = `</${table}>\n`
    const at = payload.indexOf(rootEnd)
    if (at < 0 || rows === '') return payload
    return payload.slice(0, at + rootEnd.length) + rows + payload.slice(at + rootEnd.length)
}

/** The record as an instance exports it: the payload root names its table; an action clears its child tables. */
export function asExported(record: BuiltRecord): BuiltRecord {
    let payload = withRootTable(record.payload, record.table)
    if (record.table === ACTION_TABLE && record.action !== 'DELETE')
        payload = withChildTableDeletions(payload, record.table)
    return payload === record.payload ? record : { ...record, payload }
}
