/**
 * Writes update sets the way an instance exports them (not the way this repository's build does):
 * the payload as entity-escaped text, fields in alphabetical order, reference fields with their
 * `display_value`, the update's `table` column naming the table a record acts on (`incident` for a
 * business rule), DELETE updates carrying the deleted record. Every id is derived from a seed, so
 * the corpus is the same bytes on every run.
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** A field value: text, or text with attributes (a reference with its display value). */
export type Field = string | { value: string; display?: string; attributes?: Record<string, string> }

export type Fields = Record<string, Field>

/** A stable sys_id for a seed. */
export function id(seed: string): string {
    return createHash('sha1').update(seed).digest('hex').slice(0, 32)
}

/** A stable Flow Designer ui_id (a UUID) for a seed. */
export function uiId(seed: string): string {
    const hex = id(`ui ${seed}`)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A reference field: the target's sys_id, shown by name. */
export function ref(sysId: string, display: string): Field {
    return { value: sysId, display }
}

/** Flow Designer `values`: plain JSON as instances export it, or gzip+base64 as the SDK writes it. */
export function flowValues(value: unknown, encoding: 'json' | 'gzip' = 'json'): string {
    const json = JSON.stringify(value)
    return encoding === 'json' ? json : gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64')
}

/** One Flow Designer input as instances export it. */
export function input(name: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { name, value, displayValue: value, scriptActive: false, children: [], parameter: {}, ...extra }
}

export function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function fieldXml(name: string, field: Field): string {
    const { value, attributes } =
        typeof field === 'string'
            ? { value: field, attributes: {} as Record<string, string> }
            : {
                  value: field.value,
                  attributes: {
                      ...(field.display === undefined ? {} : { display_value: field.display }),
                      ...field.attributes,
                  },
              }
    const shownAttributes = Object.entries(attributes)
        .map(([key, text]) => ` ${key}="${escapeXml(text)}"`)
        .join('')
    return value === '' ? `<${name}${shownAttributes}/>` : `<${name}${shownAttributes}>${escapeXml(value)}</${name}>`
}

export interface RecordOptions {
    action?: 'INSERT_OR_UPDATE' | 'DELETE'
    scope?: { sysId: string; name: string }
    /** sys_update_name when it is not `<table>_<sys_id>` (e.g. a variable's `var__m_...`). */
    updateName?: string
    createdOn?: string
}

export const GLOBAL_SCOPE = { sysId: 'global', name: 'Global' }
const CREATED = '2024-03-14 09:26:53'

/** One record as a `<table action=...>` element with the system fields an instance adds. */
export function recordXml(table: string, sysId: string, fields: Fields, options: RecordOptions = {}): string {
    const scope = options.scope ?? GLOBAL_SCOPE
    const all: Fields = {
        sys_class_name: table,
        sys_created_by: 'admin',
        sys_created_on: options.createdOn ?? CREATED,
        sys_id: sysId,
        sys_mod_count: '3',
        sys_package: ref(scope.sysId, scope.name),
        sys_policy: '',
        sys_scope: ref(scope.sysId, scope.name),
        sys_update_name: options.updateName ?? `${table}_${sysId}`,
        sys_updated_by: 'admin',
        sys_updated_on: options.createdOn ?? CREATED,
        ...fields,
    }
    const body = Object.keys(all)
        .sort()
        .map((name) => fieldXml(name, all[name] ?? ''))
        .join('')
    return `<${table} action="${options.action ?? 'INSERT_OR_UPDATE'}">${body}</${table}>`
}

export interface Update {
    /** sys_update_xml name: `<table>_<sys_id>`. */
    name: string
    /** The table the update acts on, as the `table` column and `record_update table=` name it. */
    collection: string
    targetName: string
    /** The Type column ("Business Rule", "Flow", ...). */
    type: string
    action?: 'INSERT_OR_UPDATE' | 'DELETE'
    /** The records of the payload, already as XML (recordXml). */
    records: string[]
}

/** A one-record update: the common case. */
export function single(
    table: string,
    sysId: string,
    fields: Fields,
    about: { target: string; type: string; collection?: string; action?: 'INSERT_OR_UPDATE' | 'DELETE' },
    options: RecordOptions = {}
): Update {
    const action = about.action ?? 'INSERT_OR_UPDATE'
    return {
        name: options.updateName ?? `${table}_${sysId}`,
        collection: about.collection ?? table,
        targetName: about.target,
        type: about.type,
        action,
        records: [recordXml(table, sysId, fields, { ...options, action })],
    }
}

function javaHash(text: string): number {
    let hash = 0
    for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0
    return hash
}

export interface SetHeader {
    name: string
    description: string
    scope?: { sysId: string; name: string; scope: string }
}

/** The whole export: `<unload>`, the sys_remote_update_set, one sys_update_xml per update. */
export function exportXml(header: SetHeader, updates: Update[]): string {
    const setId = id(`remote ${header.name}`)
    const scope = header.scope ?? { sysId: 'global', name: 'Global', scope: 'global' }
    const date = '2024-03-15 17:02:11'
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<unload unload_date="${date}">`,
        recordXml(
            'sys_remote_update_set',
            setId,
            {
                application: ref(scope.sysId, scope.name),
                application_name: scope.name,
                application_scope: scope.scope,
                application_version: scope.scope === 'global' ? '' : '1.2.0',
                collisions: '',
                commit_date: '',
                deleted: '',
                description: header.description,
                inserted: '',
                name: header.name,
                origin_sys_id: '',
                parent: ref('', ''),
                release_date: '',
                remote_base_update_set: ref('', ''),
                remote_parent_id: '',
                remote_sys_id: id(`local ${header.name}`),
                state: 'loaded',
                summary: '',
                update_set: ref('', ''),
                update_source: ref('', ''),
                updated: '',
            },
            { scope }
        )
            .replace(/<sys_package[^>]*>[^<]*<\/sys_package>|<sys_policy\/>|<sys_scope[^>]*>[^<]*<\/sys_scope>/g, '')
            .replace(/<sys_update_name>[^<]*<\/sys_update_name>/, ''),
    ]
    for (const update of updates) {
        const action = update.action ?? 'INSERT_OR_UPDATE'
        const payload = `<?xml version="1.0" encoding="UTF-8"?><record_update table="${update.collection}">${update.records.join('')}</record_update>`
        const hash = javaHash(payload)
        const guid = id(`guid ${update.name} ${payload}`)
        lines.push(
            `<sys_update_xml action="INSERT_OR_UPDATE">${[
                fieldXml('action', action),
                fieldXml('application', ref(scope.sysId, scope.name)),
                fieldXml('category', 'customer'),
                fieldXml('comments', ''),
                fieldXml('name', update.name),
                fieldXml('payload', payload),
                fieldXml('payload_hash', String(hash)),
                fieldXml('remote_update_set', ref(setId, header.name)),
                fieldXml('replace_on_upgrade', 'false'),
                fieldXml('sys_created_by', 'admin'),
                fieldXml('sys_created_on', CREATED),
                fieldXml('sys_id', id(`update ${header.name} ${update.name}`)),
                fieldXml('sys_mod_count', '0'),
                fieldXml('sys_recorded_at', '18e3e9b0e2a0000001'),
                fieldXml('sys_updated_by', 'admin'),
                fieldXml('sys_updated_on', CREATED),
                fieldXml('table', update.collection),
                fieldXml('target_name', update.targetName),
                fieldXml('type', update.type),
                fieldXml('update_domain', 'global'),
                fieldXml('update_guid', guid),
                fieldXml('update_guid_history', `${guid}:${String(hash)}`),
                fieldXml('update_set', ref('', '')),
                fieldXml('view', ''),
            ].join('')}</sys_update_xml>`
        )
    }
    lines.push('</unload>')
    return `${lines.join('\n')}\n`
}
