/**
 * Writes an update set export the way an instance does: `<unload>`, one sys_remote_update_set,
 * then one sys_update_xml per record, the sys_app record first. Every id and date is derived from
 * the inputs, so the same records always give the same bytes.
 */
import { createHash } from 'node:crypto'
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'
import type { UpdateSet } from './read-update-set.ts'

export interface UpdateSetMetadata {
    name: string
    description: string
    /** `YYYY-MM-DD HH:mm:ss`, from the sources (never the wall clock). */
    releaseDate: string
    author: string
    scope: string
    scopeSysId: string
    appName: string
    appVersion: string
}

/** One record as the SDK built it: the `<record_update>` document and what it describes. */
export interface BuiltRecord {
    table: string
    sysId: string
    /** sys_update_name: `<table>_<sys_id>`. */
    updateName: string
    targetName: string
    payload: string
    /** DELETE: a record the sources no longer declare (the SDK's dist/app/author_elective_update). */
    action?: 'INSERT_OR_UPDATE' | 'DELETE'
}

/** The "Type" column an instance shows for these tables in an update set. */
const TYPE_BY_TABLE: Record<string, string> = {
    sys_app: 'Application',
    sys_alias: 'Connection & Credential Alias',
    sys_hub_action_type_definition: 'Action Type',
    sys_hub_flow: 'Flow',
    sc_cat_item: 'Catalog Item',
    sc_cat_item_catalog: 'Catalog Item Catalog',
    sc_cat_item_category: 'Catalog Item Category',
    item_option_new: 'Variable',
    question_choice: 'Question Choice',
    question_regex: 'Variable Validation Regex',
    sys_properties: 'System Property',
    sys_user_group: 'Group',
    sys_module: 'Module',
    sys_ui_action: 'UI Action',
    sys_script_include: 'Script Include',
    sysevent_register: 'Event Registration',
    sysevent_email_action: 'Notification',
    // Records the SDK deletes when a source no longer declares them (flow steps, action outputs, labels).
    sys_documentation: 'Field Label',
    sys_hub_action_instance_v2: 'Action Instance',
    sys_hub_flow_logic_instance_v2: 'Flow Logic Instance',
    sys_hub_step_ext_output: 'Step Extension Output',
    sys_hub_action_output: 'Action Output',
    sys_hub_action_input: 'Action Input',
    sys_hub_flow_variable: 'Flow Variable',
    sys_element_mapping: 'Element Mapping',
}

export function updateTypeOf(table: string): string {
    const type = TYPE_BY_TABLE[table]
    if (!type) {
        throw new Error(
            `no update set type known for table ${table}: add it to TYPE_BY_TABLE in scripts/lib/update-set/write-update-set.ts`
        )
    }
    return type
}

/** A stable 32-hex id for something this writer invents (the set's own sys_ids, update guids). */
export function derivedSysId(...parts: string[]): string {
    return createHash('md5').update(parts.join('\u0000')).digest('hex')
}

/** Java's String.hashCode, which instances store as payload_hash. */
export function javaStringHash(text: string): number {
    let hash = 0
    for (let index = 0; index < text.length; index++) {
        hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0
    }
    return hash
}

/**
 * Text exactly as given. xmlbuilder2 leaves an `&` that starts `&lt;`, `&gt;`, `&amp;`, `&apos;` or
 * `&quot;` unescaped (it takes it for an entity already written), so a description holding the literal
 * text `&gt;` would be read back as `>`, one decoding too many, and the payload's hash would no longer
 * match: every `&` is escaped here first, which xmlbuilder2 then keeps as it is.
 */
function literal(text: string): string {
    return text.replace(/&/g, '&amp;')
}

function literalAttributes(attributes: Record<string, string> | undefined): Record<string, string> | undefined {
    return attributes && Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, literal(value)]))
}

/** Appends `<name attributes>value</name>`, value and attributes read back exactly as given. */
export function field(parent: XMLBuilder, name: string, value = '', attributes?: Record<string, string>): void {
    const element = parent.ele(name, literalAttributes(attributes))
    if (value !== '') element.txt(literal(value))
}

/**
 * A payload goes in CDATA as an instance exports it, unless it holds `]]>` (a payload carrying
 * CDATA of its own), which CDATA cannot contain: then it is written as escaped text.
 */
function payloadField(parent: XMLBuilder, payload: string): void {
    const element = parent.ele('payload')
    if (payload.includes(']]>')) element.txt(literal(payload))
    else element.dat(payload)
}

export function sortForUpdateSet(records: BuiltRecord[]): BuiltRecord[] {
    const rank = (record: BuiltRecord): number => (record.table === 'sys_app' ? 0 : 1)
    return [...records].sort((a, b) => rank(a) - rank(b) || a.updateName.localeCompare(b.updateName))
}

export function writeUpdateSet(metadata: UpdateSetMetadata, records: BuiltRecord[]): string {
    const ordered = sortForUpdateSet(records)
    if (ordered[0]?.table !== 'sys_app') throw new Error('the update set needs the sys_app record of the application')
    const remoteSysId = derivedSysId('sys_remote_update_set', metadata.scope, metadata.name)
    const application = { display_value: metadata.appName }
    const date = metadata.releaseDate

    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('unload', { unload_date: date })
    const header = root.ele('sys_remote_update_set', { action: 'INSERT_OR_UPDATE' })
    field(header, 'application', metadata.scopeSysId, application)
    field(header, 'application_name', metadata.appName)
    field(header, 'application_scope', metadata.scope)
    field(header, 'application_version', metadata.appVersion)
    field(header, 'collisions')
    field(header, 'commit_date')
    field(header, 'deleted')
    field(header, 'description', metadata.description)
    field(header, 'inserted')
    field(header, 'name', metadata.name)
    field(header, 'origin_sys_id')
    field(header, 'parent', '', { display_value: '' })
    field(header, 'release_date', date)
    field(header, 'remote_base_update_set', '', { display_value: '' })
    field(header, 'remote_parent_id')
    field(header, 'remote_sys_id', derivedSysId('sys_update_set', metadata.scope, metadata.name))
    field(header, 'state', 'loaded')
    field(header, 'summary')
    field(header, 'sys_class_name', 'sys_remote_update_set')
    field(header, 'sys_created_by', metadata.author)
    field(header, 'sys_created_on', date)
    field(header, 'sys_id', remoteSysId)
    field(header, 'sys_mod_count', '0')
    field(header, 'sys_updated_by', metadata.author)
    field(header, 'sys_updated_on', date)
    field(header, 'update_set', '', { display_value: '' })
    field(header, 'update_source', '', { display_value: '' })
    field(header, 'updated')

    for (const record of ordered) {
        const hash = javaStringHash(record.payload)
        const guid = derivedSysId('update_guid', record.updateName, record.payload)
        const entry = root.ele('sys_update_xml', { action: 'INSERT_OR_UPDATE' })
        field(entry, 'action', record.action ?? 'INSERT_OR_UPDATE')
        field(entry, 'application', metadata.scopeSysId, application)
        field(entry, 'category', 'customer')
        field(entry, 'comments')
        field(entry, 'name', record.updateName)
        payloadField(entry, record.payload)
        field(entry, 'payload_hash', String(hash))
        field(entry, 'remote_update_set', remoteSysId, { display_value: metadata.name })
        field(entry, 'replace_on_upgrade', 'false')
        field(entry, 'sys_created_by', metadata.author)
        field(entry, 'sys_created_on', date)
        field(entry, 'sys_id', derivedSysId('sys_update_xml', record.updateName))
        field(entry, 'sys_mod_count', '0')
        field(entry, 'sys_updated_by', metadata.author)
        field(entry, 'sys_updated_on', date)
        field(entry, 'table', record.table)
        field(entry, 'target_name', record.targetName)
        field(entry, 'type', updateTypeOf(record.table))
        field(entry, 'update_domain', 'global')
        field(entry, 'update_guid', guid)
        field(entry, 'update_guid_history', `${guid}:${hash}`)
        field(entry, 'update_set', '', { display_value: '' })
        field(entry, 'view')
    }
    return `${root.end({ prettyPrint: true, indent: '', newline: '\n' })}\n`
}

/** What writeUpdateSet needs to write a read set back: the round trip and edited copies in tests. */
export function writableCopyOf(set: UpdateSet): { metadata: UpdateSetMetadata; records: BuiltRecord[] } {
    return {
        metadata: {
            name: set.name,
            description: set.header.description?.value ?? '',
            releaseDate: set.unloadDate,
            author: set.header.sys_created_by?.value ?? '',
            scope: set.header.application_scope?.value ?? '',
            scopeSysId: set.header.application?.value ?? '',
            appName: set.header.application_name?.value ?? '',
            appVersion: set.header.application_version?.value ?? '',
        },
        records: set.records.map((entry) => ({
            table: entry.table,
            sysId:
                entry.payload.records.find((record) => record.table === entry.table)?.fields.sys_id?.value ??
                entry.name.slice(entry.table.length + 1),
            updateName: entry.name,
            targetName: entry.targetName,
            payload: entry.payloadText,
            action: entry.fields.action?.value === 'DELETE' ? 'DELETE' : 'INSERT_OR_UPDATE',
        })),
    }
}
