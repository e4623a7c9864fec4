/**
 * What changed between two update sets, by record and by step, compared on their outlines (pills by
 * step name without numbers, sys_ids as names), so ordering, re-keyed sys_ids and timestamps make no
 * difference. Steps are matched by what they are (kind, action, annotation) in order; a step found
 * elsewhere is reported as moved, one found nowhere as added or removed.
 */
import { diffArrays, formatPatch, OMIT_HEADERS, structuredPatch } from 'diff'
import type { UpdateSet } from './read-update-set.ts'
import type {
    ActionOutline,
    ActionStepOutline,
    CatalogItemOutline,
    FlowOutline,
    OutlineInput,
    OutlineStep,
} from './flow-outline.ts'
import { outlineUpdateSet } from './flow-outline.ts'
import type { RecordDifference, SetRecord } from './record-diff.ts'
import { diffRecords, namesInSet, recordsOfSet } from './record-diff.ts'

export interface SetChange {
    /** The record: `flow "Kpow Access Lifecycle"`, `action "…"`, `catalog item "…"`, `sys_properties "…"`. */
    record: string
    /** Where in it: `step 5 Wait For Condition`, `variable duration_ms`, … (empty: the record itself). */
    where: string
    text: string
    /** A changed script as unified-diff hunks: `@@` headers, then lines prefixed with '+', '-' or ' ' (context). */
    scriptDiff?: string[]
}

const quote = (text: string) => `\`${text}\``

function change(record: string, where: string, text: string, scriptDiff?: string[]): SetChange {
    return { record, where, text, ...(scriptDiff ? { scriptDiff } : {}) }
}

/** The matched index pairs of two key lists, in order (their longest common subsequence). */
function matchInOrder(left: string[], right: string[]): [number, number][] {
    const pairs: [number, number][] = []
    let i = 0
    let j = 0
    for (const part of diffArrays(left, right)) {
        if (part.added) j += part.count
        else if (part.removed) i += part.count
        else for (let k = 0; k < part.count; k += 1) pairs.push([i++, j++])
    }
    return pairs
}

/** Lines of context around each change: enough to place it in a long script, not the whole script. */
const SCRIPT_CONTEXT_LINES = 3

/**
 * A script change as unified-diff hunks: an `@@ -old,count +new,count @@` line, then the lines
 * removed ('-'), added ('+') and around them (' '). Equal scripts give no lines.
 */
export function lineDiff(before: string, after: string): string[] {
    // Scripts are mostly stored without a final newline: only a difference in it is worth a "\ No newline" line.
    const neitherEndsLine = !before.endsWith('\n') && !after.endsWith('\n')
    const ending = (text: string) => (neitherEndsLine && text !== '' ? `${text}\n` : text)
    const patch = structuredPatch('', '', ending(before), ending(after), undefined, undefined, {
        context: SCRIPT_CONTEXT_LINES,
    })
    if (patch.hunks.length === 0) return []
    return formatPatch(patch, OMIT_HEADERS).replace(/\n$/, '').split('\n')
}

/** A changed script or other long text: how many lines changed, then the hunks. */
function textChange(record: string, where: string, what: string, before: string, after: string): SetChange {
    const lines = lineDiff(before, after)
    const added = lines.filter((line) => line.startsWith('+')).length
    const removed = lines.filter((line) => line.startsWith('-')).length
    return change(record, where, `${what} changed (${String(added)} line(s) added, ${String(removed)} removed)`, lines)
}

function compareInputs(
    record: string,
    where: string,
    before: OutlineInput[],
    after: OutlineInput[],
    what = 'input'
): SetChange[] {
    const changes: SetChange[] = []
    const old = new Map(before.map((input) => [input.name, input.shown]))
    const now = new Map(after.map((input) => [input.name, input.shown]))
    for (const [name, shown] of now) {
        const previous = old.get(name)
        if (previous === undefined) changes.push(change(record, where, `${what} ${quote(name)} added: ${quote(shown)}`))
        else if (previous !== shown)
            changes.push(change(record, where, `${what} ${quote(name)}: ${quote(previous)} → ${quote(shown)}`))
    }
    for (const [name, shown] of old)
        if (!now.has(name)) changes.push(change(record, where, `${what} ${quote(name)} removed (was ${quote(shown)})`))
    return changes
}

function compareValue(
    record: string,
    where: string,
    what: string,
    before: string | undefined,
    after: string | undefined
): SetChange[] {
    if (before === after) return []
    if (before === undefined || before === '') return [change(record, where, `${what} added: ${quote(after ?? '')}`)]
    if (after === undefined || after === '') return [change(record, where, `${what} removed (was ${quote(before)})`)]
    return [change(record, where, `${what}: ${quote(before)} → ${quote(after)}`)]
}

interface FlatStep {
    step: OutlineStep
    /** What the step is, for matching. */
    key: string
    /** The block it sits in (its parent's key), '' at the top. */
    parent: string
    parentStep?: OutlineStep
}

function flatten(steps: OutlineStep[], parentStep?: OutlineStep, parent = ''): FlatStep[] {
    return steps.flatMap((step) => {
        const key = `${step.kind}|${step.label}|${step.annotation}`
        return [{ step, key, parent, ...(parentStep ? { parentStep } : {}) }, ...flatten(step.children, step, key)]
    })
}

function stepName(step: OutlineStep): string {
    return `step ${String(step.number)} ${step.kind === 'if' ? 'If' : step.label}`
}

function describeBlock(key: string): string {
    if (key === '') return 'the top level'
    const [kind, label, annotation] = key.split('|')
    return `${kind === 'if' ? 'If' : (label ?? '')}${annotation ? ` (${annotation})` : ''}`
}

function compareSteps(record: string, before: OutlineStep[], after: OutlineStep[]): SetChange[] {
    const left = flatten(before)
    const right = flatten(after)
    const pairs = matchInOrder(
        left.map((item) => item.key),
        right.map((item) => item.key)
    ).map(([i, j]) => ({ old: left[i]!, now: right[j]!, moved: false }))
    const unmatchedLeft = left.filter((item) => !pairs.some((pair) => pair.old === item))
    const unmatchedRight = right.filter((item) => !pairs.some((pair) => pair.now === item))
    // Same step elsewhere (moved), or the same kind of step in place of another (changed annotation).
    for (const sameKey of [true, false])
        for (const item of [...unmatchedRight]) {
            const partner = unmatchedLeft.find((candidate) =>
                sameKey
                    ? candidate.key === item.key
                    : candidate.step.kind === item.step.kind && candidate.step.label === item.step.label
            )
            if (!partner) continue
            pairs.push({ old: partner, now: item, moved: sameKey })
            unmatchedLeft.splice(unmatchedLeft.indexOf(partner), 1)
            unmatchedRight.splice(unmatchedRight.indexOf(item), 1)
        }
    // A step moved between blocks when its old block is not the one its new block was matched with.
    const partnerOf = new Map(pairs.map((pair) => [pair.old.step, pair.now.step]))
    const changedBlock = (old: FlatStep, now: FlatStep) =>
        old.parentStep === undefined ? now.parentStep !== undefined : partnerOf.get(old.parentStep) !== now.parentStep
    // Reported in the order of the new flow; a removed step just before the step now at its place.
    const ordered: { at: number; changes: SetChange[] }[] = []
    for (const { old, now, moved } of pairs) {
        const where = stepName(now.step)
        ordered.push({
            at: now.step.number,
            changes: [
                ...(moved ? [change(record, where, `moved (was step ${String(old.step.number)})`)] : []),
                ...(changedBlock(old, now)
                    ? [
                          change(
                              record,
                              where,
                              `moved from ${describeBlock(old.parent)} into ${describeBlock(now.parent)}`
                          ),
                      ]
                    : []),
                ...compareValue(record, where, 'annotation', old.step.annotation, now.step.annotation),
                ...compareValue(record, where, 'condition', old.step.condition, now.step.condition),
                ...compareValue(record, where, 'approval rules', old.step.approval, now.step.approval),
                ...compareInputs(record, where, old.step.inputs, now.step.inputs),
            ],
        })
    }
    for (const { step } of unmatchedLeft)
        ordered.push({ at: step.number - 0.5, changes: [change(record, stepName(step), 'removed')] })
    for (const { step, parent } of unmatchedRight)
        ordered.push({
            at: step.number,
            changes: [change(record, stepName(step), `added${parent ? ` in ${describeBlock(parent)}` : ''}`)],
        })
    return ordered.sort((left, right) => left.at - right.at).flatMap((entry) => entry.changes)
}

function compareFlow(before: FlowOutline, after: FlowOutline): SetChange[] {
    const record = `flow "${after.name}"`
    const flowVariables = (flow: FlowOutline) => flow.flowVariables.map((name) => ({ name, shown: 'flow variable' }))
    return [
        ...compareValue(record, '', 'name', before.name, after.name),
        ...compareValue(record, '', 'description', before.description, after.description),
        ...compareValue(record, '', 'active', String(before.active), String(after.active)),
        ...compareValue(record, '', 'status', before.status, after.status),
        ...compareValue(record, '', 'run as', before.runAs, after.runAs),
        ...compareValue(record, 'trigger', 'trigger', before.trigger.label, after.trigger.label),
        ...compareInputs(record, 'trigger', before.trigger.inputs, after.trigger.inputs),
        ...compareInputs(record, '', flowVariables(before), flowVariables(after), 'flow variable').map((item) => ({
            ...item,
            text: item.text.replace(/: `flow variable`|\(was `flow variable`\)/, '').trim(),
        })),
        ...compareSteps(record, before.steps, after.steps),
    ]
}

function compareActionStep(
    record: string,
    where: string,
    before: ActionStepOutline,
    after: ActionStepOutline
): SetChange[] {
    const changes = [
        ...compareValue(record, where, 'step type', before.type, after.type),
        ...compareInputs(record, where, before.inputs, after.inputs),
    ]
    if ((before.script ?? '') !== (after.script ?? ''))
        changes.push(textChange(record, where, 'script', before.script ?? '', after.script ?? ''))
    return changes
}

function compareAction(before: ActionOutline, after: ActionOutline): SetChange[] {
    const record = `action "${after.name}"`
    const inputs = (action: ActionOutline) =>
        action.inputs.map((input) => ({
            name: input.name,
            shown: `${input.label}${input.mandatory ? ', mandatory' : ''}`,
        }))
    const changes = [
        ...compareValue(record, '', 'name', before.name, after.name),
        ...compareInputs(record, '', inputs(before), inputs(after)),
        ...compareInputs(record, '', before.outputs, after.outputs, 'output'),
    ]
    const pairs = matchInOrder(
        before.steps.map((step) => step.label),
        after.steps.map((step) => step.label)
    )
    const matchedBefore = new Set(pairs.map(([i]) => i))
    const matchedAfter = new Set(pairs.map(([, j]) => j))
    // Unmatched steps at the same position are the same step renamed.
    for (let index = 0; index < Math.max(before.steps.length, after.steps.length); index += 1)
        if (!matchedBefore.has(index) && !matchedAfter.has(index) && before.steps[index] && after.steps[index]) {
            pairs.push([index, index])
            matchedBefore.add(index)
            matchedAfter.add(index)
        }
    for (const [i, j] of pairs.sort((a, b) => a[1] - b[1])) {
        const old = before.steps[i]
        const now = after.steps[j]
        if (!old || !now) continue
        const where = `step ${String(j + 1)} ${now.label}`
        changes.push(
            ...compareValue(record, where, 'label', old.label, now.label),
            ...compareActionStep(record, where, old, now)
        )
    }
    before.steps.forEach((step, index) => {
        if (!matchedBefore.has(index))
            changes.push(change(record, `step ${String(index + 1)} ${step.label}`, 'removed'))
    })
    after.steps.forEach((step, index) => {
        if (!matchedAfter.has(index)) changes.push(change(record, `step ${String(index + 1)} ${step.label}`, 'added'))
    })
    return changes
}

function compareCatalogItem(before: CatalogItemOutline, after: CatalogItemOutline): SetChange[] {
    const record = `catalog item "${after.name}"`
    const changes = [
        ...compareValue(record, '', 'name', before.name, after.name),
        ...compareValue(record, '', 'short description', before.shortDescription, after.shortDescription),
        ...compareValue(record, '', 'active', String(before.active), String(after.active)),
        ...compareValue(record, '', 'flow', before.flow, after.flow),
    ]
    const old = new Map(before.variables.map((variable) => [variable.name, variable]))
    const describe = (variable: CatalogItemOutline['variables'][number]) =>
        `"${variable.question}", ${variable.type}${variable.mandatory ? ', mandatory' : ''}`
    for (const variable of after.variables) {
        const where = `variable ${variable.name}`
        const previous = old.get(variable.name)
        if (!previous) {
            changes.push(change(record, where, `added: ${describe(variable)}`))
            continue
        }
        const choices = (item: typeof variable) =>
            item.choices.map((choice) => ({ name: choice.value, shown: choice.text }))
        changes.push(
            ...compareValue(record, where, 'question', previous.question, variable.question),
            ...compareValue(record, where, 'type', previous.type, variable.type),
            ...compareValue(record, where, 'mandatory', String(previous.mandatory), String(variable.mandatory)),
            ...compareValue(record, where, 'validation', previous.validation, variable.validation),
            ...compareInputs(record, where, choices(previous), choices(variable), 'choice')
        )
    }
    for (const variable of before.variables)
        if (!after.variables.some((candidate) => candidate.name === variable.name))
            changes.push(change(record, `variable ${variable.name}`, `removed (was ${describe(variable)})`))
    return changes
}

/**
 * The fields of the outlined tables the outline shows (and so the flow, action and catalog item
 * comparison reports). A change in any other field of these records, or in any record of another
 * table, is reported field by field.
 */
const OUTLINE_SHOWS: Record<string, readonly string[]> = {
    sys_hub_flow: ['name', 'description', 'active', 'status', 'run_as', 'label_cache'],
    sys_hub_trigger_instance_v2: ['flow', 'trigger_definition', 'trigger_inputs', 'name'],
    sys_hub_action_instance_v2: [
        'flow',
        'action_type',
        'action_type_parent',
        'values',
        'order',
        'parent_ui_id',
        'comment',
        'display_text',
    ],
    sys_hub_flow_logic_instance_v2: [
        'flow',
        'logic_definition',
        'values',
        'order',
        'parent_ui_id',
        'comment',
        'connected_to',
        'flow_variables_assigned',
    ],
    sys_hub_sub_flow_instance_v2: [
        'flow',
        'subflow',
        'subflow_inputs',
        'order',
        'parent_ui_id',
        'comment',
        'wait_for_completion',
    ],
    sys_hub_flow_variable: ['model', 'element'],
    sys_hub_flow_input: ['model', 'element'],
    sys_hub_flow_output: ['model', 'element'],
    sys_hub_action_type_definition: ['name', 'label_cache'],
    sys_hub_action_input: ['model', 'element', 'label', 'mandatory'],
    sys_hub_action_output: ['model'],
    sys_hub_step_instance: ['action', 'label', 'order', 'cid', 'step_type', 'error_handling_type'],
    sys_hub_step_ext_input: ['model', 'element'],
    sys_hub_step_ext_output: ['model'],
    sys_variable_value: ['document_key', 'variable', 'value'],
    sys_element_mapping: ['table', 'field', 'value', 'id'],
    sc_cat_item: ['name', 'short_description', 'active', 'flow_designer_flow'],
    item_option_new: ['cat_item', 'name', 'question_text', 'type', 'mandatory', 'order', 'validate_regex'],
    question_choice: ['question', 'text', 'value', 'order'],
}

/** Whether a change of this field of this table is reported by the outline (flow, action, catalog item) rather than field by field. */
export function outlineShowsField(table: string, field: string): boolean {
    return OUTLINE_SHOWS[table]?.includes(field) ?? false
}

/**
 * The flow, action or catalog item (its sys_id) an outlined record belongs to, through the set's own
 * links; undefined for a record no outline shows (e.g. a step of a flow snapshot or of a Workflow).
 */
function outlineOwners(records: Map<string, SetRecord>): (record: SetRecord) => string | undefined {
    const value = (record: SetRecord, field: string) => record.raw[field]?.value ?? ''
    const bySysId = new Map([...records.values()].map((record) => [`${record.table}:${record.sysId}`, record]))
    const parent = (table: string, sysId: string, field: string) => {
        const found = bySysId.get(`${table}:${sysId}`)
        return found ? value(found, field) : undefined
    }
    const stepAction = (step: string) => parent('sys_hub_step_instance', step, 'action')
    return (record) => {
        switch (record.table) {
            case 'sys_hub_flow':
            case 'sys_hub_action_type_definition':
            case 'sc_cat_item':
                return record.sysId
            case 'sys_hub_trigger_instance_v2':
            case 'sys_hub_action_instance_v2':
            case 'sys_hub_flow_logic_instance_v2':
            case 'sys_hub_sub_flow_instance_v2':
                return value(record, 'flow')
            case 'sys_hub_flow_variable':
            case 'sys_hub_flow_input':
            case 'sys_hub_flow_output':
            case 'sys_hub_action_input':
            case 'sys_hub_action_output':
                return value(record, 'model')
            case 'sys_hub_step_instance':
                return value(record, 'action')
            case 'sys_hub_step_ext_input':
            case 'sys_hub_step_ext_output':
                return stepAction(value(record, 'model'))
            case 'sys_variable_value':
                return stepAction(value(record, 'document_key'))
            case 'sys_element_mapping': {
                const [, kind, sysId] = /^var__m_(sys_hub_step_ext_input|sys_hub_action_output)_([0-9a-f]{32})$/.exec(
                    value(record, 'table')
                ) ?? ['', '', '']
                return kind === 'sys_hub_step_ext_input' ? stepAction(sysId) : sysId || undefined
            }
            case 'item_option_new':
                return value(record, 'cat_item')
            case 'question_choice':
                return parent('item_option_new', value(record, 'question'), 'cat_item')
            default:
                return undefined
        }
    }
}

/** Text this long, or on several lines, is shown as a line diff. */
const LONG_TEXT = 120

/** What a difference leaves for the field-by-field report once the outline's comparison has spoken. */
function notShownByOutline(
    difference: RecordDifference,
    verdicts: OutlineVerdicts,
    ownerBefore: (record: SetRecord) => string | undefined,
    ownerAfter: (record: SetRecord) => string | undefined
): RecordDifference | undefined {
    const record = difference.after ?? difference.before
    if (!record) return undefined
    const owner = difference.after ? ownerAfter(difference.after) : difference.before && ownerBefore(difference.before)
    const shown = OUTLINE_SHOWS[record.table]
    if (!shown || owner === undefined) return difference
    // The flow, action or item was reported added or removed whole; a DELETE update is still said.
    if (verdicts.whole.has(owner)) {
        const deletes = difference.after?.deleted && !difference.before?.deleted
        return deletes ? { ...difference, fields: [] } : undefined
    }
    // The outline reported its changes; what it does not show (other fields) is still reported here.
    // When it reported none, everything that differs is reported here: nothing may go unsaid.
    if (!verdicts.changed.has(owner)) return difference
    if (!difference.before || !difference.after) return undefined
    const fields = difference.fields.filter((field) => !shown.includes(field.field))
    return fields.length > 0 || difference.before.deleted !== difference.after.deleted
        ? { ...difference, fields }
        : undefined
}

function compareRecords(before: UpdateSet, after: UpdateSet, verdicts: OutlineVerdicts): SetChange[] {
    const oldRecords = recordsOfSet(before)
    const newRecords = recordsOfSet(after)
    const oldNames = namesInSet(before)
    const newNames = namesInSet(after)
    const ownerBefore = outlineOwners(oldRecords)
    const ownerAfter = outlineOwners(newRecords)
    const baseLabel = (record: SetRecord) => {
        if (record.name) return `${record.table} "${record.name}"`
        const id = record.sysId || record.key
        // What the platform calls the update (an ACL role's "incident.u_field itil").
        if (record.root)
            return record.update.targetName ? `${record.table} "${record.update.targetName}"` : `${record.table} ${id}`
        return `${record.table} ${id} (in ${record.update.targetName ? `"${record.update.targetName}"` : record.update.name})`
    }
    // A name shared by several records of a table (in either set) is followed by the sys_id.
    const sharedLabels = new Set<string>()
    for (const records of [oldRecords, newRecords]) {
        const seen = new Set<string>()
        for (const record of records.values()) {
            const label = baseLabel(record)
            if (seen.has(label)) sharedLabels.add(label)
            seen.add(label)
        }
    }
    const labelOf = (record: SetRecord) => {
        const label = baseLabel(record)
        return sharedLabels.has(label) && label.endsWith('"') ? `${label} [${record.sysId || record.key}]` : label
    }
    const shown = (value: string, names: Map<string, string>) => {
        if (value === '') return '(empty)'
        const ids = value.split(',')
        return ids.every((id) => /^[0-9a-f]{32}$/.test(id)) ? ids.map((id) => names.get(id) ?? id).join(', ') : value
    }
    const entries: { label: string; changes: SetChange[] }[] = []
    for (const found of diffRecords(oldRecords, newRecords)) {
        const difference = notShownByOutline(found, verdicts, ownerBefore, ownerAfter)
        if (!difference) continue
        const { before: old, after: now } = difference
        const label = labelOf((now ?? old)!)
        const recordChanges: SetChange[] = []
        if (!old && now) recordChanges.push(change(label, '', now.deleted ? 'DELETE update added' : 'added'))
        else if (old && !now) recordChanges.push(change(label, '', old.deleted ? 'DELETE update removed' : 'removed'))
        else if (old && now && old.deleted !== now.deleted)
            recordChanges.push(
                change(
                    label,
                    '',
                    now.deleted
                        ? 'deleted (a DELETE update, where the old set created or updated it)'
                        : 'created or updated (where the old set had a DELETE update)'
                )
            )
        for (const { field, before: was, after: is } of difference.fields) {
            if (was.includes('\n') || is.includes('\n') || was.length > LONG_TEXT || is.length > LONG_TEXT) {
                recordChanges.push(textChange(label, '', `field ${quote(field)}`, was, is))
                continue
            }
            let from = shown(was, oldNames)
            let to = shown(is, newNames)
            // Two targets with one name: their sys_ids tell them apart.
            if (from === to) [from, to] = [was || '(empty)', is || '(empty)']
            recordChanges.push(change(label, '', `field ${quote(field)}: ${quote(from)} → ${quote(to)}`))
        }
        entries.push({ label, changes: recordChanges })
    }
    return entries
        .sort((left, right) => (left.label < right.label ? -1 : left.label > right.label ? 1 : 0))
        .flatMap((entry) => entry.changes)
}

/** sys_ids of the flows, actions and catalog items the outline compared: with changes, or added or removed whole. */
interface OutlineVerdicts {
    changed: Set<string>
    whole: Set<string>
}

/** Pairs outlined records by sys_id, then (re-keyed or copied from elsewhere) by name among the rest. */
function pairOutlined<Item extends { name: string; sysId: string }>(
    before: Item[],
    after: Item[]
): { pairs: [Item, Item][]; removed: Item[]; added: Item[] } {
    const pairs: [Item, Item][] = []
    const removed = [...before]
    const added: Item[] = []
    const unpaired: Item[] = []
    for (const item of after) {
        const partner = removed.find((candidate) => candidate.sysId === item.sysId)
        if (partner) {
            pairs.push([partner, item])
            removed.splice(removed.indexOf(partner), 1)
        } else unpaired.push(item)
    }
    for (const item of unpaired) {
        const partner = removed.find((candidate) => candidate.name === item.name)
        if (partner) {
            pairs.push([partner, item])
            removed.splice(removed.indexOf(partner), 1)
        } else added.push(item)
    }
    return { pairs, removed, added }
}

export function diffUpdateSets(before: UpdateSet, after: UpdateSet): SetChange[] {
    const options = { stepNumbersInPills: false }
    const old = outlineUpdateSet(before, options)
    const now = outlineUpdateSet(after, options)
    const changes: SetChange[] = []
    const verdicts: OutlineVerdicts = { changed: new Set(), whole: new Set() }
    const compareAll = <Item extends { name: string; sysId: string }>(
        kind: string,
        left: Item[],
        right: Item[],
        compare: (a: Item, b: Item) => SetChange[]
    ) => {
        const { pairs, removed, added } = pairOutlined(left, right)
        for (const [a, b] of pairs) {
            const found = compare(a, b)
            if (found.length > 0) verdicts.changed.add(a.sysId).add(b.sysId)
            changes.push(...found)
        }
        for (const item of removed) {
            verdicts.whole.add(item.sysId)
            changes.push(change(`${kind} "${item.name}"`, '', 'removed'))
        }
        for (const item of added) {
            verdicts.whole.add(item.sysId)
            changes.push(change(`${kind} "${item.name}"`, '', 'added'))
        }
    }
    compareAll('flow', old.flows, now.flows, compareFlow)
    compareAll('action', old.actions, now.actions, compareAction)
    compareAll('catalog item', old.catalogItems, now.catalogItems, compareCatalogItem)
    changes.push(...compareRecords(before, after, verdicts))
    return changes
}

/** One line per change (script lines indented below), as `npm run diff` prints them. */
export function formatChanges(changes: SetChange[]): string {
    return changes
        .map((item) =>
            [
                `${item.record}${item.where ? `, ${item.where}` : ''}: ${item.text}`,
                ...(item.scriptDiff ?? []).map((line) => `    ${line}`),
            ].join('\n')
        )
        .map((text) => `${text}\n`)
        .join('')
}

/** Markdown for a pull request comment: a heading, then a list per record. */
export function formatChangesMarkdown(changes: SetChange[], title: string): string {
    if (changes.length === 0) return `### ${title}\n\nNo semantic changes.\n`
    const records = [...new Set(changes.map((item) => item.record))]
    const sections = records.map((record) => {
        const items = changes
            .filter((item) => item.record === record)
            .map((item) => {
                const line = `- ${item.where ? `${item.where}: ` : ''}${item.text}`
                if (!item.scriptDiff) return line
                const fence = '```'
                return `${line}\n\n  ${fence}diff\n${item.scriptDiff.map((text) => `  ${text}`).join('\n')}\n  ${fence}\n`
            })
        return `**${record}**\n\n${items.join('\n')}`
    })
    return `### ${title}\n\n${sections.join('\n\n')}\n`
}
