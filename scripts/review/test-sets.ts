/** Helpers for the review tests: captured output and edited copies of a parsed update set. */
import type { PayloadRecord, UpdateSet } from '../update-set/index.ts'
import { BUILT_IN_ACTIONS, decodeFlowValues } from '../update-set/index.ts'
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
export function editedCopy(set: UpdateSet, edit: (records: PayloadRecord[]) => void): UpdateSet {
    const copy = structuredClone(set)
    edit(copy.records.flatMap((entry) => entry.payload.records))
    return copy
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
    const list = Array.isArray(decoded) ? decoded : (decoded as { inputs: unknown[] }).inputs
    return list as { name: string; value: string }[]
}

/** Replaces a flow element's `values` with plain JSON (which the decoder accepts as instances export it). */
export function setValues(record: PayloadRecord, inputs: { name: string; value: string }[]): void {
    record.fields.values = { value: JSON.stringify(inputs), attributes: {} }
}
