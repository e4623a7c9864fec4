/**
 * Platform-shape mistakes an update set can carry that the app's own build once made and now avoids
 * (export-shape.ts, the approval due date's encoding, notifications sent to the event's creator):
 * found from the records alone, beyond the guide's nine defects.
 */
import { ACTION_CHILD_TABLES } from './export-shape.ts'
import { BUILT_IN_ACTIONS, readFlowDesigner } from './flow-designer.ts'
import { removesRecords } from './read-update-set.ts'
import type { PayloadRecord, UpdateSet, UpdateSetRecord } from './read-update-set.ts'

export interface ShapeFinding {
    /** What is wrong, where, and the fix, in one line. */
    detail: string
}

const text = (record: PayloadRecord, field: string): string => record.fields[field]?.value ?? ''

/** Script fields of the records that run server-side code, by table. */
const SCRIPT_FIELDS: Record<string, string[]> = {
    sys_script_include: ['script'],
    sys_script: ['script', 'condition'],
    sys_ui_action: ['script', 'condition'],
    // An action's script step keeps its script as a step input value.
    sys_variable_value: ['value'],
}
const GLOBAL_ONLY_API = /\bGlideScheduleDateTime\b/
/** A notification field naming the requester: who, in a catalog flow, usually queued the event. */
const REQUESTER_FIELD = /\b(requested_for|opened_by)\b/
/** One whole data pill, the form a date-time value takes in an approval's due date. */
const ONE_PILL = /^\{\{[^{}]+\}\}$/

function isScoped(set: UpdateSet, entry: UpdateSetRecord): boolean {
    const application = entry.application || set.header.application?.value || 'global'
    return application !== 'global'
}

function recordLabel(entry: UpdateSetRecord, record: PayloadRecord): string {
    const name = text(record, 'name') || entry.targetName || text(record, 'sys_id')
    return `${record.table} "${name}"`
}

function globalOnlyScriptApis(set: UpdateSet): ShapeFinding[] {
    const findings: ShapeFinding[] = []
    for (const entry of set.records.filter((candidate) => isScoped(set, candidate))) {
        for (const record of entry.payload.records) {
            for (const field of SCRIPT_FIELDS[record.table] ?? []) {
                if (!GLOBAL_ONLY_API.test(text(record, field))) continue
                const where =
                    record.table === 'sys_variable_value'
                        ? `action "${entry.targetName}" script step`
                        : recordLabel(entry, record)
                findings.push({
                    detail: `${where} (${field}) uses GlideScheduleDateTime, documented for global scripts only; in a scoped app use GlideDateTime and write UTC`,
                })
            }
        }
    }
    return findings
}

function notificationsNotSentToCreator(set: UpdateSet): ShapeFinding[] {
    const findings: ShapeFinding[] = []
    for (const entry of set.records.filter((candidate) => isScoped(set, candidate))) {
        for (const record of entry.payload.records) {
            if (record.table !== 'sysevent_email_action' || removesRecords(record)) continue
            if (text(record, 'send_self') !== 'false') continue
            const toEventParm = text(record, 'event_parm_1') === 'true'
            if (!toEventParm && !REQUESTER_FIELD.test(text(record, 'recipient_fields'))) continue
            findings.push({
                detail: `${recordLabel(entry, record)} is sent to the requester (${toEventParm ? 'event parm 1' : text(record, 'recipient_fields')}) with send_self false: a requester whose own session queued the event gets no email; set send_self true`,
            })
        }
    }
    return findings
}

function actionsNotClearingChildTables(set: UpdateSet): ShapeFinding[] {
    const findings: ShapeFinding[] = []
    for (const entry of set.records) {
        if (entry.payload.table !== 'sys_hub_action_type_definition') continue
        const { records } = entry.payload
        const clears = records.filter((record) => record.action === 'delete_multiple')
        const uncleared = new Set<string>()
        for (const [table, parentField] of ACTION_CHILD_TABLES) {
            for (const record of records) {
                if (record.table !== table || removesRecords(record)) continue
                const parent = text(record, parentField)
                const cleared = clears.some(
                    (clear) => clear.table === table && (clear.query ?? '').startsWith(`${parentField}=${parent}^`)
                )
                if (parent && !cleared) uncleared.add(table)
            }
        }
        if (uncleared.size > 0)
            findings.push({
                detail: `action "${entry.targetName || entry.sysId}" (${entry.name}) carries ${[...uncleared].join(', ')} without their delete_multiple rows, so records removed from the action stay on the instance; add <TABLE action="delete_multiple" query="<parent field>=<parent>^sys_idNOT IN<kept>"/> per child table and parent`,
            })
    }
    return findings
}

function payloadRootsWithoutTable(set: UpdateSet): ShapeFinding[] {
    return set.records
        .filter((entry) => !entry.payload.attributes.table)
        .map((entry) => ({
            detail: `${entry.name} ("${entry.targetName}"): its payload's <record_update> names no table; write <record_update table="${entry.payload.table}"> as an instance export does`,
        }))
}

function approvalDueDatesAsDuration(set: UpdateSet): ShapeFinding[] {
    const view = readFlowDesigner(set)
    const findings: ShapeFinding[] = []
    for (const step of view.actionInstances) {
        if (step.actionType !== BUILT_IN_ACTIONS.askForApproval.sysId) continue
        const dueDate = step.inputs.find((input) => input.name === 'due_date')?.value ?? ''
        let parsed: unknown
        try {
            parsed = JSON.parse(dueDate)
        } catch {
            continue
        }
        const { date_type: dateType, date } = (parsed ?? {}) as Record<string, unknown>
        if (dateType !== 'actual' || typeof date !== 'string' || !ONE_PILL.test(date)) continue
        findings.push({
            detail: `${step.updateName}: the approval (step ${String(step.order)}) puts the date ${date} under due date type actual, which counts its duration from now and ignores the date; use date_type relative for a date`,
        })
    }
    return findings
}

export function findPlatformShapeMistakes(set: UpdateSet): ShapeFinding[] {
    const seen = new Set<string>()
    return [
        ...globalOnlyScriptApis(set),
        ...notificationsNotSentToCreator(set),
        ...actionsNotClearingChildTables(set),
        ...payloadRootsWithoutTable(set),
        ...approvalDueDatesAsDuration(set),
    ].filter((finding) => {
        if (seen.has(finding.detail)) return false
        seen.add(finding.detail)
        return true
    })
}
