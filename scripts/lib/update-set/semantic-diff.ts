/**
 * What changed between two update sets, by record and by step, compared on their outlines (pills by
 * step name without numbers, sys_ids as names), so ordering, re-keyed sys_ids and timestamps make no
 * difference. Steps are matched by what they are (kind, action, annotation) in order; a step found
 * elsewhere is reported as moved, one found nowhere as added or removed.
 */
import { diffArrays, formatPatch, OMIT_HEADERS, structuredPatch } from 'diff'
import type { PayloadRecord, UpdateSet } from './read-update-set.ts'
import type {
    ActionOutline,
    ActionStepOutline,
    CatalogItemOutline,
    FlowOutline,
    OutlineInput,
    OutlineStep,
} from './flow-outline.ts'
import { outlineUpdateSet } from './flow-outline.ts'
import { FLOW_DESIGNER_TABLES } from './flow-designer.ts'

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
    if ((before.script ?? '') !== (after.script ?? '')) {
        const lines = lineDiff(before.script ?? '', after.script ?? '')
        const added = lines.filter((line) => line.startsWith('+')).length
        const removed = lines.filter((line) => line.startsWith('-')).length
        changes.push(
            change(record, where, `script changed (${String(added)} line(s) added, ${String(removed)} removed)`, lines)
        )
    }
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

/** Updates the outline covers; every other update (properties, groups, aliases, the app…) is compared field by field. */
const OUTLINED_TABLES = new Set([
    ...FLOW_DESIGNER_TABLES,
    'sys_hub_flow_snapshot',
    'sc_cat_item',
    'item_option_new',
    'question_choice',
    'question_regex',
])

function otherRecords(set: UpdateSet): Map<string, Record<string, string>> {
    const all = set.records.flatMap((entry) =>
        entry.payload.records.filter((record) => record.action !== 'delete_multiple')
    )
    const names = new Map<string, string>()
    const nameOf = (record: PayloadRecord) =>
        ['name', 'label', 'title', 'user_name', 'short_description', 'question_text', 'element']
            .map((field) => record.fields[field]?.value ?? '')
            .find((value) => value !== '') ?? ''
    for (const record of all) {
        const sysId = record.fields.sys_id?.value
        if (sysId) names.set(sysId, nameOf(record) || sysId)
    }
    const records = new Map<string, Record<string, string>>()
    // The record each update is about (not the documentation or dictionary rows that travel with it).
    const updates = set.records
        .filter((entry) => !OUTLINED_TABLES.has(entry.table))
        .flatMap((entry) =>
            entry.payload.records.filter(
                (record) => record.table === entry.table && record.action !== 'delete_multiple'
            )
        )
    for (const record of updates) {
        const fields: Record<string, string> = {}
        for (const [field, { value }] of Object.entries(record.fields)) {
            // sys_* fields are bookkeeping (ids, timestamps, counters, scope), never behaviour.
            if (field.startsWith('sys_')) continue
            fields[field] = /^[0-9a-f]{32}$/.test(value) ? (names.get(value) ?? value) : value
        }
        records.set(`${record.table} "${nameOf(record) || JSON.stringify(fields)}"`, fields)
    }
    return records
}

function compareOtherRecords(before: UpdateSet, after: UpdateSet): SetChange[] {
    const old = otherRecords(before)
    const now = otherRecords(after)
    const changes: SetChange[] = []
    for (const [record, fields] of now) {
        const previous = old.get(record)
        if (!previous) {
            changes.push(change(record, '', 'added'))
            continue
        }
        const toInputs = (values: Record<string, string>) =>
            Object.entries(values).map(([name, shown]) => ({ name, shown }))
        changes.push(...compareInputs(record, '', toInputs(previous), toInputs(fields), 'field'))
    }
    for (const record of old.keys()) if (!now.has(record)) changes.push(change(record, '', 'removed'))
    return changes
}

/** Pairs records by name, then (for renamed ones) by sys_id. */
function pairByName<Item extends { name: string; sysId: string }>(
    before: Item[],
    after: Item[]
): { pairs: [Item, Item][]; removed: Item[]; added: Item[] } {
    const pairs: [Item, Item][] = []
    const removed = [...before]
    const added: Item[] = []
    for (const item of after) {
        const partner =
            removed.find((candidate) => candidate.name === item.name) ??
            removed.find((candidate) => candidate.sysId === item.sysId)
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
    const compareAll = <Item extends { name: string; sysId: string }>(
        kind: string,
        left: Item[],
        right: Item[],
        compare: (a: Item, b: Item) => SetChange[]
    ) => {
        const { pairs, removed, added } = pairByName(left, right)
        for (const [a, b] of pairs) changes.push(...compare(a, b))
        for (const item of removed) changes.push(change(`${kind} "${item.name}"`, '', 'removed'))
        for (const item of added) changes.push(change(`${kind} "${item.name}"`, '', 'added'))
    }
    compareAll('flow', old.flows, now.flows, compareFlow)
    compareAll('action', old.actions, now.actions, compareAction)
    compareAll('catalog item', old.catalogItems, now.catalogItems, compareCatalogItem)
    changes.push(...compareOtherRecords(before, after))
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
