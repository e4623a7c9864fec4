// The local instance's tables' view of an update set: every record of every payload, flattened,
// with plain text fields. Reading the XML, and the typed view of flows, are the update-set
// library's job (scripts/lib/update-set).
import type { UpdateSet } from '../../scripts/lib/update-set/index'

export interface LoadedRecord {
    table: string
    /** INSERT_OR_UPDATE, UPDATE, DELETE or delete_multiple. */
    action: string
    sysId: string
    fields: Record<string, string>
    /** The `query` of a delete_multiple. */
    query?: string
    /** sys_update_xml name of the payload the record came in (`sys_hub_flow_<sys_id>`). */
    updateName: string
}

export function recordsFromUpdateSet(updateSet: UpdateSet): LoadedRecord[] {
    return updateSet.records.flatMap((entry) =>
        entry.payload.records.map((record) => {
            const fields = Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.value]))
            const loaded: LoadedRecord = {
                table: record.table,
                action: record.action,
                sysId: fields.sys_id ?? '',
                fields,
                updateName: entry.name,
            }
            if (record.query !== undefined) loaded.query = record.query
            return loaded
        })
    )
}
