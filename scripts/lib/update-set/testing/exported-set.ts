/**
 * Update sets shaped the way an instance exports them (for tests alone), written from a short
 * description: `<unload>`, the sys_remote_update_set header, then per update a sys_update_xml with
 * the update metadata and its payload in CDATA. As on a real instance, the update's `table` column
 * (and the payload's `record_update table`) names the table the record acts on (a business rule's
 * `incident`), while the payload's first element names the record's own table (`sys_script`).
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** A field's value, with the display value an export writes on a reference. */
export type ExportedValue = string | { value: string; display: string }

export interface ExportedRecord {
    /** The record's own table: the payload element's name. */
    table: string
    sysId: string
    fields: Record<string, ExportedValue>
    /** Attributes of the payload element (a dictionary entry carries `element` and `table`). */
    attributes?: Record<string, string>
}

export interface ExportedUpdate {
    record: ExportedRecord
    /** Records travelling in the same payload (a Workflow's activities, a flow's steps). */
    children?: ExportedRecord[]
    /** sys_update_xml.name; `<table>_<sys_id>` unless the platform names it otherwise (a dictionary entry). */
    name?: string
    /** The table the record acts on (`table` column); the record's own table when it acts on none. */
    actsOn?: string
    type: string
    targetName: string
    action?: 'INSERT_OR_UPDATE' | 'DELETE'
    /** When the update was recorded (`YYYY-MM-DD HH:mm:ss`). */
    recordedOn?: string
}

export interface ExportedSetOptions {
    name: string
    /** Order of the updates and of the records in each payload reversed (an export in another order). */
    reversed?: boolean
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;')
const md5 = (text: string) => createHash('md5').update(text).digest('hex')

function element(name: string, value: ExportedValue, attributes: Record<string, string> = {}): string {
    const text = typeof value === 'string' ? value : value.value
    const all = typeof value === 'string' ? attributes : { display_value: value.display, ...attributes }
    const shownAttributes = Object.entries(all)
        .map(([key, item]) => ` ${key}="${escapeAttribute(item)}"`)
        .join('')
    return text === '' ? `<${name}${shownAttributes}/>` : `<${name}${shownAttributes}>${escapeText(text)}</${name}>`
}

/** Flow Designer's storage of `values`: JSON, gzipped, base64. */
export function gzipBase64(value: unknown): string {
    return gzipSync(Buffer.from(JSON.stringify(value))).toString('base64')
}

function recordXml(record: ExportedRecord, action: string, updatedOn: string, updateName: string): string {
    const bookkeeping: Record<string, ExportedValue> = {
        sys_class_name: record.table,
        sys_created_by: 'admin',
        sys_created_on: '2024-03-01 09:00:00',
        sys_id: record.sysId,
        sys_mod_count: '3',
        sys_package: { value: 'global', display: 'Global' },
        sys_scope: { value: 'global', display: 'Global' },
        sys_update_name: updateName,
        sys_updated_by: 'admin',
        sys_updated_on: updatedOn,
    }
    const fields = { ...record.fields, ...bookkeeping }
    const body = Object.keys(fields)
        .sort()
        .map((name) => element(name, fields[name]!))
        .join('')
    const attributes = Object.entries({ action, ...record.attributes })
        .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
        .join('')
    return `<${record.table}${attributes}>${body}</${record.table}>`
}

/** The export's XML text. */
export function exportedSetXml(updates: ExportedUpdate[], options: ExportedSetOptions): string {
    const setId = md5(`set ${options.name}`)
    const ordered = options.reversed ? [...updates].reverse() : updates
    const entries = ordered.map((update) => {
        const name = update.name ?? `${update.record.table}_${update.record.sysId}`
        const action = update.action ?? 'INSERT_OR_UPDATE'
        const recordedOn = update.recordedOn ?? '2024-03-04 10:00:00'
        const actsOn = update.actsOn ?? update.record.table
        // A DELETE update holds the deleted record alone (its children go with it on the instance).
        const records = action === 'DELETE' ? [update.record] : [update.record, ...(update.children ?? [])]
        const payloadRecords = (options.reversed ? [...records].reverse() : records)
            .map((record) =>
                recordXml(
                    record,
                    action,
                    recordedOn,
                    record === update.record ? name : `${record.table}_${record.sysId}`
                )
            )
            .join('')
        const payload = `<?xml version="1.0" encoding="UTF-8"?><record_update table="${actsOn}">${payloadRecords}</record_update>`
        const updateId = md5(`update ${name} ${payload}`)
        const fields: [string, ExportedValue][] = [
            ['action', action],
            ['application', { value: 'global', display: 'Global' }],
            ['category', 'customer'],
            ['comments', ''],
            ['name', name],
            ['payload_hash', String(payload.length)],
            ['remote_update_set', { value: setId, display: options.name }],
            ['replace_on_upgrade', 'false'],
            ['sys_created_by', 'admin'],
            ['sys_created_on', recordedOn],
            ['sys_id', updateId],
            ['sys_mod_count', '0'],
            ['sys_recorded_at', Date.parse(`${recordedOn.replace(' ', 'T')}Z`).toString(16)],
            ['sys_updated_by', 'admin'],
            ['sys_updated_on', recordedOn],
            ['table', actsOn],
            ['target_name', update.targetName],
            ['type', update.type],
            ['update_domain', 'global'],
            ['update_guid', md5(`guid ${updateId}`)],
            ['update_guid_history', `${md5(`guid ${updateId}`)}:${String(payload.length)}`],
            ['update_set', { value: '', display: '' }],
            ['view', ''],
        ]
        const body = fields
            .map(([field, value]) =>
                field === 'payload_hash'
                    ? `<payload><![CDATA[${payload}]]></payload>${element(field, value)}`
                    : element(field, value)
            )
            .join('\n')
        return `<sys_update_xml action="${action}">\n${body}\n</sys_update_xml>`
    })
    const header = [
        element('application', { value: 'global', display: 'Global' }),
        element('application_name', 'Global'),
        element('application_scope', 'global'),
        element('description', ''),
        element('name', options.name),
        element('release_date', ''),
        element('state', 'loaded'),
        element('sys_id', setId),
    ].join('\n')
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<unload unload_date="2024-03-05 12:00:00">`,
        `<sys_remote_update_set action="INSERT_OR_UPDATE">\n${header}\n</sys_remote_update_set>`,
        ...entries,
        '</unload>',
        '',
    ].join('\n')
}
