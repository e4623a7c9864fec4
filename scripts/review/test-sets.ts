/** Helpers for the review tests: captured output and edited copies of a parsed update set. */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { PayloadRecord, UpdateSet } from '../lib/update-set/index.ts'
import { BUILT_IN_ACTIONS, decodeFlowValues } from '../lib/update-set/index.ts'
import type { ReviewIo } from './explain.ts'

export function collectingIo(): ReviewIo & { output: () => string; errors: () => string } {
    let output = ''
    let errors = ''
    return {
        out: (text) => (output += text),
        err: (text) => (errors += text),
        output: () => output,
        errors: () => errors,
    }
}

/** A deep copy of the set, edited through the list of every payload record it holds. */
export function editedCopy(set: UpdateSet, edit: (records: PayloadRecord[], copy: UpdateSet) => void): UpdateSet {
    const copy = structuredClone(set)
    edit(
        copy.records.flatMap((entry) => entry.payload.records),
        copy
    )
    return copy
}

/** The record list of the payload that holds this record (to add a record beside it or drop it). */
export function payloadHolding(set: UpdateSet, record: PayloadRecord): PayloadRecord[] {
    const entry = set.records.find((candidate) => candidate.payload.records.includes(record))
    if (!entry) throw new Error('the record is in no payload of the set')
    return entry.payload.records
}

const builtInByLabel = new Map(
    Object.values(BUILT_IN_ACTIONS).map(({ sysId, label }) => [label as string, sysId as string])
)

/** The (first) action instance of a built-in action, by its label, e.g. 'Wait For Condition'. */
export function flowElement(records: PayloadRecord[], label: string): PayloadRecord {
    const sysId = builtInByLabel.get(label)
    const found = records.find(
        (record) => record.table === 'sys_hub_action_instance_v2' && record.fields.action_type?.value === sysId
    )
    if (!found) throw new Error(`no ${label} step in the set`)
    return found
}

/** Decoded `values` of a flow element (an input list or an object with inputs). */
export function valuesOf(record: PayloadRecord): { name: string; value: string }[] {
    const decoded = decodeFlowValues(record.fields.values?.value ?? '', {
        table: record.table,
        sysId: '',
        field: 'values',
    })
    if (decoded === null) return []
    const list = Array.isArray(decoded) ? decoded : (decoded as { inputs: unknown[] }).inputs
    return list as { name: string; value: string }[]
}

/** Replaces a flow element's `values` with plain JSON (which the decoder accepts as instances export it). */
export function setValues(record: PayloadRecord, inputs: { name: string; value: string }[]): void {
    record.fields.values = { value: JSON.stringify(inputs), attributes: {} }
}

/** A sys_id for an id of the test: 32 hex characters. */
function rekeyedId(old: string): string {
    return createHash('sha256').update(`rekeyed ${old}`).digest('hex').slice(0, 32)
}

const asUiId = (sysId: string) =>
    `${sysId.slice(0, 8)}-${sysId.slice(8, 12)}-${sysId.slice(12, 16)}-${sysId.slice(16, 20)}-${sysId.slice(20)}`

/**
 * The same set with every record re-keyed (new sys_ids and ui_ids everywhere they are referenced,
 * flow values included), its records in reverse order and every timestamp moved: what a rebuild
 * with new keys would look like.
 */
export function rekeyedCopy(set: UpdateSet): UpdateSet {
    const copy = structuredClone(set)
    const records = copy.records.flatMap((entry) => entry.payload.records)
    const ids = new Map<string, string>()
    for (const record of records) {
        const sysId = record.fields.sys_id?.value ?? ''
        if (/^[0-9a-f]{32}$/.test(sysId)) {
            ids.set(sysId, rekeyedId(sysId))
            ids.set(asUiId(sysId), asUiId(rekeyedId(sysId)))
        }
        const uiId = record.fields.ui_id?.value ?? ''
        if (uiId !== '' && !ids.has(uiId)) ids.set(uiId, asUiId(rekeyedId(uiId)))
    }
    const pattern = new RegExp([...ids.keys()].join('|'), 'g')
    const rekey = (text: string) => text.replace(pattern, (id) => ids.get(id) ?? id)
    for (const record of records)
        for (const [name, field] of Object.entries(record.fields)) {
            if (name === 'subflow_inputs' && field.value !== '') {
                // Kept gzip+base64, as the SDK writes it: a subflow call's inputs are read in that form.
                const decoded = decodeFlowValues(field.value, { table: record.table, sysId: '', field: name })
                field.value = gzipSync(rekey(JSON.stringify(decoded))).toString('base64')
            } else if ((name === 'values' || name === 'trigger_inputs') && field.value !== '') {
                const decoded = decodeFlowValues(field.value, { table: record.table, sysId: '', field: name })
                field.value = rekey(JSON.stringify(decoded))
            } else if (/_on$/.test(name) && field.value !== '') field.value = '2031-01-01 00:00:00'
            else field.value = rekey(field.value)
        }
    for (const entry of copy.records) {
        entry.name = rekey(entry.name)
        entry.payload.records.reverse()
    }
    copy.records.reverse()
    return copy
}
