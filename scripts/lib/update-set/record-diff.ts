/**
 * Every record of two update sets paired and compared field by field, whatever its table. A record
 * is identified the way the platform identifies an update: the record an update is about by the
 * update's name (`sys_script_<sys_id>`, `sys_dictionary_incident_u_field`), the records travelling
 * with it (a flow's steps, a Workflow's activities, documentation rows) by table and sys_id. Never by
 * display name, so two records that share a name stay two records. Records a rebuild re-keyed (new
 * sys_ids for the same records) are paired afterwards: by a name unique in their table, then by equal
 * content once the ids already paired are translated. Bookkeeping (sys_* fields, ui_ids, update
 * metadata) is not compared; Flow Designer's gzip+base64 blobs are compared decoded.
 */
import { gunzipSync } from 'node:zlib'
import type { FieldValue, PayloadRecord, UpdateSet, UpdateSetRecord } from './read-update-set.ts'
import { PLATFORM_RECORDS } from './flow-designer.ts'

/** One record of a set, as the diff compares it. */
export interface SetRecord {
    /** What identifies it across sets: the update name, or `<table>_<sys_id>` for a record travelling in another's update. */
    key: string
    table: string
    sysId: string
    uiId: string
    /** What it is called ('' when it has no naming field). */
    name: string
    /** The update it came in, and what that update is about (for naming records without a name of their own). */
    update: UpdateSetRecord
    /** The record the update is about (not one travelling with it). */
    root: boolean
    /** A DELETE update (the payload then holds the record as it was). */
    deleted: boolean
    /** An `action="UPDATE"` element: only the fields it changes. */
    partial: boolean
    /** Compared fields in payload order: gzip+base64 decoded, flow values as canonical JSON. */
    fields: Map<string, string>
    /** The fields whose value is canonical JSON (re-sorted once ids in it are translated). */
    json: Set<string>
    raw: Record<string, FieldValue>
}

export interface FieldDifference {
    field: string
    /** The normalized values (before: as the old set has it, untranslated). */
    before: string
    after: string
}

export interface RecordDifference {
    before?: SetRecord
    after?: SetRecord
    /** Empty for a record added or removed; the changed fields otherwise. */
    fields: FieldDifference[]
}

const SYS_ID = /^[0-9a-f]{32}$/
/** sys_ids and ui_ids inside any text (also inside names such as var__m_sys_hub_step_ext_input_<sys_id>). */
const ID_IN_TEXT =
    /(?<![0-9a-f])(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f])/g
/** What a gzip stream looks like in base64 (1f 8b 08). */
const GZIP_BASE64 = /^H4sI[A-Za-z0-9+/=\s]+$/
/** Flow Designer fields holding JSON, compared as data (key order and spacing aside). */
const JSON_FIELDS = new Set(['values', 'trigger_inputs', 'trigger_outputs', 'label_cache'])
/**
 * Fields that are bookkeeping (ids, timestamps, counters, scope and package, the class) or identify
 * a record rather than describe it. Other sys_ fields are behaviour: an ACL role's sys_user_role, a
 * business rule's sys_overrides.
 */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
    'sys_id',
    'sys_created_by',
    'sys_created_on',
    'sys_updated_by',
    'sys_updated_on',
    'sys_mod_count',
    'sys_update_name',
    'sys_package',
    'sys_scope',
    'sys_class_name',
    'sys_name',
    'sys_policy',
    'sys_domain',
    'sys_domain_path',
    'sys_customer_update',
    'sys_replace_on_upgrade',
    'sys_tags',
    'ui_id',
])

/** Keys sorted, two-space indented: equal data gives equal text, and a change is a line diff. */
function canonicalJson(value: unknown): string {
    const sorted = (item: unknown): unknown => {
        if (Array.isArray(item)) return item.map(sorted)
        if (item && typeof item === 'object')
            return Object.fromEntries(
                Object.keys(item)
                    .sort()
                    .map((key) => [key, sorted((item as Record<string, unknown>)[key])])
            )
        return item
    }
    return JSON.stringify(sorted(value), null, 2)
}

/** The value as compared: a gzip+base64 blob decoded, flow values as canonical JSON (then `json` is true). */
export function normalizedValue(field: string, value: string): { text: string; json: boolean } {
    let text = value
    let structured = JSON_FIELDS.has(field)
    const trimmed = value.trim()
    if (GZIP_BASE64.test(trimmed)) {
        try {
            text = gunzipSync(Buffer.from(trimmed, 'base64')).toString('utf8')
            structured = true
        } catch {
            // Not gzip after all: compared as the text it is.
        }
    }
    if (structured && /^\s*[[{]/.test(text)) {
        try {
            return { text: canonicalJson(JSON.parse(text)), json: true }
        } catch {
            return { text, json: false }
        }
    }
    return { text, json: false }
}

/** What a record is called, by its table's naming fields. */
export function nameOfRecord(table: string, fields: Record<string, FieldValue>): string {
    const value = (name: string) => fields[name]?.value ?? ''
    if (table === 'sys_dictionary' && value('element')) return `${value('name')}.${value('element')}`
    if (table === 'sys_documentation' && value('element'))
        return `${value('name')}.${value('element')}${value('language') ? ` (${value('language')})` : ''}`
    if (table === 'sys_choice') return `${value('name')}.${value('element')} = ${value('value')}`
    for (const name of ['name', 'label', 'question_text', 'element', 'user_name', 'title', 'short_description', 'text'])
        if (value(name)) return value(name)
    return ''
}

/** Of several versions of one record in a set, the one the platform keeps: the latest update, whatever the order. */
function laterOf(left: SetRecord, right: SetRecord): SetRecord {
    if (left.root !== right.root) return left.root ? left : right
    const stamp = (record: SetRecord) =>
        record.update.fields.sys_recorded_at?.value || record.update.fields.sys_updated_on?.value || ''
    if (stamp(left) !== stamp(right)) return stamp(left) > stamp(right) ? left : right
    const content = (record: SetRecord) => JSON.stringify([...record.fields])
    return content(left) >= content(right) ? left : right
}

/** The compared fields of a record's raw fields (gzip+base64 decoded, flow values as canonical JSON). */
function normalizedFields(raw: Record<string, FieldValue>): { fields: Map<string, string>; json: Set<string> } {
    const fields = new Map<string, string>()
    const json = new Set<string>()
    for (const [field, { value }] of Object.entries(raw)) {
        if (BOOKKEEPING_FIELDS.has(field)) continue
        const normalized = normalizedValue(field, value)
        fields.set(field, normalized.text)
        if (normalized.json) json.add(field)
    }
    return { fields, json }
}

/** The record with its compared fields worked out when first read: most records are equal byte for byte and never need them. */
function withComparedFields(record: Omit<SetRecord, 'fields' | 'json'>): SetRecord {
    let normalized: ReturnType<typeof normalizedFields> | undefined
    const compared = () => (normalized ??= normalizedFields(record.raw))
    return Object.defineProperties(record, {
        fields: { get: () => compared().fields, enumerable: true },
        json: { get: () => compared().json, enumerable: true },
    }) as SetRecord
}

/**
 * One record twice in a payload: the platform applies an `action="UPDATE"` element (a few fields,
 * e.g. a flow's status written after it was saved) on top of the full record.
 */
function merged(left: SetRecord, right: SetRecord): SetRecord {
    const [base, overlay] = left.partial && !right.partial ? [right, left] : [left, right]
    return withComparedFields({
        key: base.key,
        table: base.table,
        sysId: base.sysId,
        uiId: base.uiId,
        name: base.name || overlay.name,
        update: base.update,
        root: base.root || overlay.root,
        deleted: base.deleted || overlay.deleted,
        partial: base.partial && overlay.partial,
        raw: { ...base.raw, ...overlay.raw },
    })
}

function toSetRecord(entry: UpdateSetRecord, record: PayloadRecord, root: boolean, index: number): SetRecord {
    const sysId = record.fields.sys_id?.value ?? ''
    return withComparedFields({
        key: root ? entry.name : sysId ? `${record.table}_${sysId}` : `${entry.name}#${record.table}#${String(index)}`,
        table: record.table,
        sysId,
        uiId: record.fields.ui_id?.value ?? '',
        name: nameOfRecord(record.table, record.fields),
        update: entry,
        root,
        deleted: entry.action === 'DELETE' || record.action === 'DELETE',
        partial: record.action === 'UPDATE',
        raw: record.fields,
    })
}

/** Every record of a set by key (delete_multiple instructions aside: the platform derives them). */
export function recordsOfSet(set: UpdateSet): Map<string, SetRecord> {
    const records = new Map<string, SetRecord>()
    for (const entry of set.records) {
        const payload = entry.payload.records.filter((record) => record.action !== 'delete_multiple')
        // The record an update is about: the one whose table starts its name, else the first.
        const root =
            payload.find((record) => entry.name.startsWith(`${record.table}_`)) ??
            payload.find((record) => record.table === entry.payload.table) ??
            payload[0]
        const inUpdate = new Map<string, SetRecord>()
        payload.forEach((record, index) => {
            const item = toSetRecord(entry, record, record === root, index)
            const other = inUpdate.get(item.key)
            inUpdate.set(item.key, other ? merged(other, item) : item)
        })
        for (const item of inUpdate.values()) {
            const other = records.get(item.key)
            records.set(item.key, other ? laterOf(other, item) : item)
        }
    }
    return records
}

/** sys_id -> name for the set's records, the display values its fields carry and the platform records the layer knows. */
export function namesInSet(set: UpdateSet): Map<string, string> {
    const names = new Map(PLATFORM_RECORDS)
    const own = new Map<string, string>()
    for (const entry of set.records)
        for (const record of entry.payload.records) {
            if (record.action === 'delete_multiple') continue
            for (const { value, attributes } of Object.values(record.fields))
                if (SYS_ID.test(value) && attributes.display_value) names.set(value, attributes.display_value)
            const sysId = record.fields.sys_id?.value ?? ''
            const name = nameOfRecord(record.table, record.fields)
            if (sysId && name && !own.has(sysId)) own.set(sysId, name)
        }
    for (const [sysId, name] of own) names.set(sysId, name)
    return names
}

const asUuid = (sysId: string) =>
    SYS_ID.test(sysId)
        ? `${sysId.slice(0, 8)}-${sysId.slice(8, 12)}-${sysId.slice(12, 16)}-${sysId.slice(16, 20)}-${sysId.slice(20)}`
        : sysId

/** Old ids replaced by the new set's ids of the records paired with them. */
function translator(ids: Map<string, string>): (text: string) => string {
    return (text) => (ids.size === 0 ? text : text.replace(ID_IN_TEXT, (id) => ids.get(id) ?? id))
}

/** A field of an old record in the new set's ids (JSON re-sorted, since translated keys sort elsewhere). */
function translatedField(record: SetRecord, field: string, translate: (text: string) => string): string {
    const value = record.fields.get(field) ?? ''
    const translated = translate(value)
    if (translated === value || !record.json.has(field)) return translated
    return canonicalJson(JSON.parse(translated))
}

function contentKey(record: SetRecord, translate: (text: string) => string): string {
    // A record may name itself (a plan's persistor id): its own ids read the same on both sides.
    const own = new Set([record.sysId, asUuid(record.sysId), record.uiId].filter((id) => id !== ''))
    const withoutOwnIds = (text: string) => translate(text).replace(ID_IN_TEXT, (id) => (own.has(id) ? 'self' : id))
    const fields = [...record.fields.keys()]
        .map((field) => [field, translatedField(record, field, withoutOwnIds)])
        .filter(([, value]) => value)
    fields.sort(([left], [right]) => (left! < right! ? -1 : 1))
    return JSON.stringify([record.table, record.deleted, fields])
}

/** How many rounds of content pairing: each pairs the records whose references the previous rounds resolved. */
const MAX_CONTENT_ROUNDS = 50

/** Pairs every record of the old set with its counterpart in the new one, and says which ids moved. */
export function pairRecords(
    before: Map<string, SetRecord>,
    after: Map<string, SetRecord>
): { pairs: [SetRecord, SetRecord][]; removed: SetRecord[]; added: SetRecord[]; translate: (text: string) => string } {
    const pairs: [SetRecord, SetRecord][] = []
    const ids = new Map<string, string>()
    const pair = (old: SetRecord, now: SetRecord) => {
        pairs.push([old, now])
        if (old.sysId && now.sysId && old.sysId !== now.sysId) {
            ids.set(old.sysId, now.sysId)
            // Flow Designer also writes a sys_id in ui_id form (an action step's cid, pills naming it).
            ids.set(asUuid(old.sysId), asUuid(now.sysId))
        }
        if (old.uiId && now.uiId && old.uiId !== now.uiId) ids.set(old.uiId, now.uiId)
    }
    let removed: SetRecord[] = []
    const unmatched = new Map(after)
    for (const [key, old] of before) {
        const now = unmatched.get(key)
        if (now) {
            pair(old, now)
            unmatched.delete(key)
        } else removed.push(old)
    }
    let added = [...unmatched.values()]
    if (removed.length > 0 && added.length > 0) {
        // Re-keyed: the same table, deletion and a name no other unpaired record of that table has.
        const byName = (records: SetRecord[]) => {
            const groups = new Map<string, SetRecord[]>()
            for (const record of records)
                if (record.name !== '') {
                    const group = `${record.table}|${String(record.deleted)}|${record.name}`
                    groups.set(group, [...(groups.get(group) ?? []), record])
                }
            return groups
        }
        const newByName = byName(added)
        const paired = new Set<SetRecord>()
        for (const [group, olds] of byName(removed)) {
            const news = newByName.get(group)
            if (olds.length === 1 && news?.length === 1) {
                pair(olds[0]!, news[0]!)
                paired.add(olds[0]!).add(news[0]!)
            }
        }
        removed = removed.filter((record) => !paired.has(record))
        added = added.filter((record) => !paired.has(record))
        // Then the same content, once the ids paired so far are translated (parents before their children).
        for (let round = 0; round < MAX_CONTENT_ROUNDS && removed.length > 0 && added.length > 0; round += 1) {
            const translate = translator(ids)
            const newByContent = new Map<string, SetRecord[]>()
            for (const record of added) {
                const content = contentKey(record, (text) => text)
                newByContent.set(content, [...(newByContent.get(content) ?? []), record])
            }
            const pairedNow = new Set<SetRecord>()
            for (const old of removed) {
                const candidates = newByContent.get(contentKey(old, translate))
                const now = candidates?.shift()
                if (!now) continue
                pair(old, now)
                pairedNow.add(old).add(now)
            }
            if (pairedNow.size === 0) break
            removed = removed.filter((record) => !pairedNow.has(record))
            added = added.filter((record) => !pairedNow.has(record))
        }
    }
    return { pairs, removed, added, translate: translator(ids) }
}

/** Every difference between two sets' records: added, removed, deleted or changed fields. */
export function diffRecords(before: Map<string, SetRecord>, after: Map<string, SetRecord>): RecordDifference[] {
    const { pairs, removed, added, translate } = pairRecords(before, after)
    const differences: RecordDifference[] = []
    for (const [old, now] of pairs) {
        const fields: FieldDifference[] = []
        const names = [...Object.keys(now.raw), ...Object.keys(old.raw).filter((field) => !(field in now.raw))]
        for (const field of names) {
            if (BOOKKEEPING_FIELDS.has(field)) continue
            // Equal text naming no re-keyed record is equal: the common case, decided without decoding.
            const rawWas = old.raw[field]?.value ?? ''
            if (rawWas === (now.raw[field]?.value ?? '') && translate(rawWas) === rawWas) continue
            const was = old.fields.get(field) ?? ''
            const is = now.fields.get(field) ?? ''
            // An absent field and an empty one are the same (exports leave empty fields out or write <field/>).
            if (translatedField(old, field, translate) !== is) fields.push({ field, before: was, after: is })
        }
        if (fields.length > 0 || old.deleted !== now.deleted) differences.push({ before: old, after: now, fields })
    }
    for (const old of removed) differences.push({ before: old, fields: [] })
    for (const now of added) differences.push({ after: now, fields: [] })
    return differences
}
