/**
 * A readable outline of an update set's flows, custom actions and catalog items, built on the Flow
 * Designer layer (the one decoder and typed view): steps in Flow Designer's numbering with their
 * inputs decoded, data pills named after the step or trigger they come from, conditions and
 * approval rules as words, sys_ids as the names of the records they point at. `npm run explain`
 * prints it, the diagram draws it and `npm run diff` compares two of them. Whatever it cannot
 * decode it says, in `notes`, instead of failing.
 */
import type { UpdateSet } from './read-update-set.ts'
import { recordsOfTable, removesRecords } from './read-update-set.ts'
import type {
    ActionType,
    FlowDesignerView,
    FlowInput,
    FlowLogicInstance,
    FlowPort,
    ActionInstance,
} from './flow-designer.ts'
import {
    BUILT_IN_ACTIONS,
    FLOW_LOGIC,
    PLATFORM_RECORDS,
    platformKey,
    readFlowDesigner,
    STEP_TYPE_INPUTS,
    STEP_TYPES,
    TRIGGERS,
} from './flow-designer.ts'
import type { DataPill } from './data-pills.ts'
import { replaceDataPills } from './data-pills.ts'
import type { ChangeOperator, QueryOperator, QueryTerm } from './encoded-query.ts'
import { parseEncodedQuery } from './encoded-query.ts'
import type { ApprovalCondition } from './approval-rules.ts'
import { parseApprovalRules } from './approval-rules.ts'
import type { FieldLabels } from './field-labels.ts'
import { fieldLabelsOf } from './field-labels.ts'
import { summarizeLongText } from './long-text.ts'

export type StepKind = 'action' | 'if' | 'elseIf' | 'else' | 'try' | 'catch' | 'endFlow' | 'setFlowVariables' | 'logic'

export interface OutlineInput {
    name: string
    /** The value as readable text: pills named, sys_ids as names, conditions in words. */
    shown: string
}

export interface OutlineStep {
    /** Flow Designer's step number: position in the flow's order, counting nested steps. */
    number: number
    uiId: string
    kind: StepKind
    /** What the step is: the action's name (built-in or custom) or the flow logic's. */
    label: string
    /** The step's annotation in Flow Designer (its comment). */
    annotation: string
    /** If and Else If: the condition in words. */
    condition?: string
    /** Ask For Approval: the rules as a sentence. */
    approval?: string
    /** Wait For Condition and Ask For Approval pause the flow. */
    waits: boolean
    inputs: OutlineInput[]
    children: OutlineStep[]
    /** What could not be decoded or is not understood, in words. */
    notes: string[]
}

export interface FlowOutline {
    sysId: string
    name: string
    description: string
    active: boolean
    status: string
    runAs: string
    /** The trigger's inputs (its table, when to run); its condition in words apart. */
    trigger: { label: string; inputs: OutlineInput[]; condition?: string }
    /** A subflow has no trigger: the flows of the set whose steps call it, its inputs and outputs. */
    subflow?: { calledBy: string[]; inputs: string[]; outputs: string[] }
    flowVariables: string[]
    steps: OutlineStep[]
    notes: string[]
}

export interface ActionStepOutline {
    label: string
    type: string
    inputs: OutlineInput[]
    /** Script step: its script. */
    script?: string
}

export interface ActionOutline {
    sysId: string
    name: string
    inputs: { name: string; label: string; mandatory: boolean }[]
    outputs: OutlineInput[]
    steps: ActionStepOutline[]
    notes: string[]
}

export interface CatalogVariableOutline {
    name: string
    question: string
    type: string
    mandatory: boolean
    order: number
    choices: { text: string; value: string }[]
    /** The validation regex, with its name and message. */
    validation?: string
    /** A record producer's variable mapped to this field of the record it creates. */
    mapsTo?: string
}

export interface CatalogItemOutline {
    sysId: string
    name: string
    shortDescription: string
    active: boolean
    /** The flow it runs, by name. */
    flow: string
    /** The legacy Workflow it runs, by name (an item runs a flow or a Workflow). */
    workflow?: string
    variables: CatalogVariableOutline[]
}

export interface SetOutline {
    name: string
    flows: FlowOutline[]
    actions: ActionOutline[]
    catalogItems: CatalogItemOutline[]
    /** About the set as a whole (e.g. records of a flow that belong to a snapshot). */
    notes: string[]
}

export interface OutlineOptions {
    /**
     * Pills name steps by number (`[3 - Ask For Approval ➛ approval_state]`) for reading; without
     * numbers (for the diff), inserting a step does not change every pill after it.
     */
    stepNumbersInPills?: boolean
    /**
     * Conditions and values with the field and choice labels the set or the platform catalogue has
     * (`State is Closed Incomplete`) instead of as stored (`state is 4`): for reading, not comparing.
     */
    fieldLabels?: boolean
}

/** item_option_new.type codes (the platform's choice list). */
const VARIABLE_TYPES: Record<string, string> = {
    '1': 'Yes / No',
    '2': 'Multi Line Text',
    '3': 'Multiple Choice',
    '4': 'Numeric Scale',
    '5': 'Select Box',
    '6': 'Single Line Text',
    '7': 'CheckBox',
    '8': 'Reference',
    '9': 'Date',
    '10': 'Date/Time',
    '11': 'Label',
    '12': 'Break',
    '14': 'Macro',
    '15': 'UI Page',
    '16': 'Wide Single Line Text',
    '17': 'Macro with Label',
    '18': 'Lookup Select Box',
    '19': 'Container Start',
    '20': 'Container End',
    '21': 'List Collector',
    '22': 'Lookup Multiple Choice',
    '23': 'HTML',
    '24': 'Container Split',
    '25': 'Masked',
    '26': 'Email',
    '27': 'URL',
    '28': 'IP Address',
    '29': 'Duration',
    '31': 'Requested For',
    '32': 'Rich Text Label',
    '33': 'Attachment',
}

const OPERATOR_WORDS: Record<QueryOperator | ChangeOperator, string> = {
    VALCHANGES: 'changes',
    CHANGESFROM: 'changes from',
    CHANGESTO: 'changes to',
    '=': 'is',
    '!=': 'is not',
    IN: 'is one of',
    'NOT IN': 'is not one of',
    ISEMPTY: 'is empty',
    ISNOTEMPTY: 'is not empty',
    STARTSWITH: 'starts with',
    ENDSWITH: 'ends with',
    LIKE: 'contains',
    'NOT LIKE': 'does not contain',
    '>=': 'is at least',
    '<=': 'is at most',
    '>': 'is greater than',
    '<': 'is less than',
}

const SYS_ID = /^[0-9a-f]{32}$/

/** What a record is called: the first naming field it has. */
function recordName(fields: Record<string, { value: string }>): string {
    for (const name of [
        'name',
        'label',
        'question_text',
        'element',
        'user_name',
        'title',
        'short_description',
        'text',
        'event_name',
    ])
        if (fields[name]?.value) return fields[name].value
    return ''
}

/** sys_id -> name for every record of the set and every platform record the layer knows. */
export function namesOf(set: UpdateSet): Map<string, string> {
    const names = new Map(PLATFORM_RECORDS)
    for (const entry of set.records)
        for (const record of entry.payload.records) {
            const sysId = record.fields.sys_id?.value
            const name = recordName(record.fields)
            if (sysId && name && !removesRecords(record) && !names.has(sysId)) names.set(sysId, name)
        }
    return names
}

const NO_LABELS: FieldLabels = { field: () => undefined, choice: () => undefined }

/** Reads a set into its outline. Never throws for content it cannot decode: it notes it. */
export function outlineUpdateSet(set: UpdateSet, options: OutlineOptions = {}): SetOutline {
    const view = readFlowDesigner(set, { lenient: true })
    const names = namesOf(set)
    const labels: FieldLabels = options.fieldLabels ? fieldLabelsOf(set) : NO_LABELS
    const notes: string[] = []
    const actionTypes = view.actionTypes.filter((type) => type.action !== 'UPDATE' || type.name !== '')
    const flows = view.flows
        .filter((flow) => flow.action !== 'DELETE')
        .filter(
            (flow, index, all) => flow.name !== '' || !all.some((other) => other !== flow && other.sysId === flow.sysId)
        )
        .map((flow) => outlineFlow(flow.sysId, view, { names, labels }, actionTypes, options))
    const flowIds = new Set(view.flows.map((flow) => flow.sysId))
    const snapshotElements = [...view.actionInstances, ...view.logicInstances].filter(
        (element) => !flowIds.has(element.flow)
    )
    if (snapshotElements.length > 0) {
        const snapshots = [...new Set(snapshotElements.map((element) => element.flow))].map((snapshotId) => {
            const snapshot = view.flowSnapshots.find((candidate) => candidate.sysId === snapshotId && candidate.name)
            return snapshot ? `"${snapshot.name}"` : snapshotId
        })
        notes.push(
            `${String(snapshotElements.length)} step record(s) belong to ${String(snapshots.length)} flow snapshot(s) (${snapshots.join(', ')}), copies the platform keeps of a published flow: not shown`
        )
    }
    return {
        name: set.name,
        flows,
        actions: dedupeBySysId(actionTypes).map((type) => outlineAction(type, names, options)),
        catalogItems: outlineCatalogItems(set, names),
        notes,
    }
}

function dedupeBySysId<Item extends { sysId: string }>(items: Item[]): Item[] {
    const seen = new Set<string>()
    return items.filter((item) => !seen.has(item.sysId) && Boolean(seen.add(item.sysId)))
}

interface PillContext {
    /** ui_id -> the step a pill of a flow points at. */
    steps: Map<string, { number: number; label: string; annotation: string }>
    /** An action's steps by cid. */
    actionSteps: Map<string, { number: number; label: string }>
    triggerLabel: string
    numbers: boolean
}

/** A data pill the way Flow Designer shows one: `[source ➛ path]`. */
function showPill(pill: DataPill, context: PillContext, names: Map<string, string>): string {
    const path = pill.path.map((part) => ` ➛ ${part}`).join('')
    const step = context.steps.get(pill.source)
    if (step) {
        const name = context.numbers
            ? `${String(step.number)} - ${step.label}`
            : step.annotation
              ? `${step.label} (${step.annotation})`
              : step.label
        return `[${name}${path}]`
    }
    if (/_\d+$/.test(pill.source))
        return `[Trigger - ${context.triggerLabel || pill.source.replace(/_\d+$/, '')}${path}]`
    if (pill.source === 'flow_variable') return `[Flow Variables${path}]`
    if (pill.source === 'action') return `[Action Inputs${path}]`
    if (pill.source === 'subflow') return `[Subflow Inputs${path}]`
    if (pill.source === 'static' && pill.path[0]) return `[${names.get(pill.path[0]) ?? pill.path[0]}]`
    const actionStep = /^step\[(.+)\]$/.exec(pill.source)
    if (actionStep?.[1]) {
        const known = context.actionSteps.get(actionStep[1])
        const name = known
            ? `${context.numbers ? `Step ${String(known.number)} - ` : ''}${known.label}`
            : `step ${actionStep[1]}`
        return `[${name}${path}]`
    }
    return `[${pill.text}]`
}

function showText(value: string, context: PillContext, names: Map<string, string>): string {
    return replaceDataPills(value, (pill) => showPill(pill, context, names))
}

/** A sys_id, or a list of `sys_id[:table]`, as names; anything else with its pills shown. */
function showValue(value: string, context: PillContext, names: Map<string, string>): string {
    const parts = value.split(',')
    const ids = parts.map((part) => part.split(':')[0] ?? '')
    if (value !== '' && ids.every((id) => SYS_ID.test(id)))
        return ids.map((id) => names.get(id) ?? `${id} (not in this set)`).join(', ')
    return showText(value, context, names)
}

/** Labels for the fields and values of a query, where known (undefined: show it as stored). */
export interface QueryLabels {
    field: (field: string) => string | undefined
    value: (field: string, value: string) => string | undefined
}

/** A query's fields and values labelled for one table (and pills of the trigger's record for the trigger's table). */
export function queryLabelsFor(labels: FieldLabels, table: string | undefined, triggerTable?: string): QueryLabels {
    const target = (field: string): [string, string] | undefined => {
        const pill = /^\{\{[^.{}]+_\d+\.current\.([a-z0-9_]+)\}\}$/.exec(field)
        if (pill?.[1]) return triggerTable ? [triggerTable, pill[1]] : undefined
        return table && /^[a-z0-9_]+$/.test(field) ? [table, field] : undefined
    }
    return {
        field: (field) => {
            const found = field.startsWith('{{') ? undefined : target(field)
            return found ? labels.field(...found) : undefined
        },
        value: (field, value) => {
            const found = target(field)
            return found ? labels.choice(found[0], found[1], value) : undefined
        },
    }
}

/** An encoded query in words: `state is one of 3, 4, 7 or active is false`; an empty one is `always`. */
export function describeEncodedQuery(
    query: string,
    showField: (text: string) => string = (text) => text,
    labels?: QueryLabels
): string {
    const parsed = parseEncodedQuery(query, { changes: true })
    const term = ({ field, operator, value }: QueryTerm<QueryOperator | ChangeOperator>) => {
        const label = (one: string) => labels?.value(field, one) ?? showField(one)
        const shownValue =
            operator === 'IN' || operator === 'NOT IN' ? value.split(',').map(label).join(', ') : label(value)
        return [labels?.field(field) ?? showField(field), OPERATOR_WORDS[operator], value === '' ? '' : shownValue]
            .filter((part) => part !== '')
            .join(' ')
    }
    const alternatives = parsed.alternatives.map((clauses) => {
        const shown = clauses.map((terms) => {
            const text = terms.map(term).join(' or ')
            return terms.length > 1 && clauses.length > 1 ? `(${text})` : text
        })
        return shown.length === 0 ? 'always' : shown.join(' and ')
    })
    const text =
        alternatives.length > 1 ? alternatives.map((text) => `(${text})`).join(' or ') : (alternatives[0] ?? '')
    const order = parsed.orderBy.map((entry) => `${entry.field}${entry.descending ? ' descending' : ''}`)
    return order.length > 0 ? `${text}, ordered by ${order.join(', ')}` : text
}

/** Ask For Approval's rules as a sentence. */
export function describeApprovalRules(rules: string, showPills: (text: string) => string = (text) => text): string {
    const who = (condition: ApprovalCondition) => {
        const lists = [
            condition.users.length > 0 ? `users ${condition.users.map(showPills).join(', ')}` : '',
            condition.groups.length > 0 ? `members of groups ${condition.groups.map(showPills).join(', ')}` : '',
        ].filter((part) => part !== '')
        const quantity =
            condition.type === 'Any'
                ? 'any one of'
                : condition.type === 'All'
                  ? 'all of'
                  : condition.type === 'Count'
                    ? `${String(condition.threshold)} of`
                    : `${String(condition.threshold)}% of`
        return `${quantity} ${lists.join(' and ')}`
    }
    return parseApprovalRules(rules)
        .map((ruleSet) => {
            const [verb, outcome] =
                ruleSet.decides.length === 2
                    ? ['approves or rejects', 'Approved or rejected']
                    : ruleSet.decides[0] === 'approved'
                      ? ['approves', 'Approved']
                      : ['rejects', 'Rejected']
            const rules = ruleSet.rules.map((conditions) => conditions.map(who).join(' or ')).join(', and ')
            return `${outcome} as soon as ${rules} ${verb}`
        })
        .join('; otherwise ')
}

const DUE_OUTCOMES: Record<string, string> = { approve: 'Approved', reject: 'Rejected', cancel: 'Cancelled' }

/**
 * Ask For Approval's due date (the JSON `wfa.approvalDueDate` writes) in words, read as the SDK's
 * documentation says: `relative` takes a date-time (or a pill), `actual` a duration from now.
 */
export function describeApprovalDueDate(value: string, showPills: (text: string) => string = (text) => text): string {
    const parsed = JSON.parse(value) as Record<string, unknown>
    const text = (name: string): string => {
        const field = parsed[name]
        return typeof field === 'string' || typeof field === 'number' ? String(field) : ''
    }
    const action = text('action')
    if (action === 'none' || action === '') return 'no due date'
    const outcome = DUE_OUTCOMES[action]
    if (outcome === undefined) throw new Error(`due date action "${action}" is not none, approve, reject or cancel`)
    const schedule = text('schedule_label') || text('schedule')
    const onSchedule = schedule ? ` (on schedule ${schedule})` : ''
    if (text('date_type') === 'relative') return `${outcome} if undecided by ${showPills(text('date'))}${onSchedule}`
    if (text('date_type') === 'actual')
        return `${outcome} if undecided ${text('duration')} ${text('duration_type')} after it is asked${onSchedule}`
    throw new Error(`due date date_type "${text('date_type')}" is not relative or actual`)
}

/** `1970-01-01 01:00:00` (a duration as the platform stores one) in words. */
function describeDuration(value: string): string {
    const match = /^1970-01-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value)
    if (!match) return value
    const [days, hours, minutes, seconds] = [Number(match[1]) - 1, Number(match[2]), Number(match[3]), Number(match[4])]
    const parts = [
        days > 0 ? `${String(days)} d` : '',
        hours > 0 ? `${String(hours)} h` : '',
        minutes > 0 ? `${String(minutes)} min` : '',
        seconds > 0 ? `${String(seconds)} s` : '',
    ].filter((part) => part !== '')
    return parts.length === 0 ? '0 s' : parts.join(' ')
}

/** An input naming a table (`table`, `table_name`), unless a pill computes it. */
function tableInput(inputs: FlowInput[]): string | undefined {
    const value = inputs.find((input) => input.name === 'table' || input.name === 'table_name')?.value
    return value && /^[a-z0-9_]+$/.test(value) ? value : undefined
}

/** What the platform calls a flow logic definition the catalogue lacks, by the name the export gives it. */
const LOGIC_BY_LABEL: Record<string, StepKind> = {
    If: 'if',
    'Else If': 'elseIf',
    Else: 'else',
    Try: 'try',
    Catch: 'catch',
}

function outlineFlow(
    flowSysId: string,
    view: FlowDesignerView,
    { names, labels }: { names: Map<string, string>; labels: FieldLabels },
    actionTypes: ActionType[],
    options: OutlineOptions
): FlowOutline {
    const flow =
        view.flows.find((candidate) => candidate.sysId === flowSysId && candidate.name !== '') ??
        view.flows.find((candidate) => candidate.sysId === flowSysId)
    const notes: string[] = []
    const triggers = view.triggers.filter((trigger) => trigger.flow === flowSysId)
    const [trigger] = triggers
    const isSubflow = flow?.type === 'subflow'
    if (isSubflow && triggers.length > 0)
        notes.push(
            `the subflow has ${String(triggers.length)} trigger instances (a subflow has none: it runs as a step)`
        )
    if (!isSubflow && triggers.length !== 1)
        notes.push(`the flow has ${String(triggers.length)} trigger instances (a flow has one)`)
    const triggerKey = trigger ? platformKey(TRIGGERS, trigger.definition) : undefined
    const triggerLabel = triggerKey
        ? TRIGGERS[triggerKey].label
        : trigger?.definitionLabel || trigger?.name || trigger?.definition || ''
    if (trigger && !triggerKey && !trigger.definitionLabel && !trigger.name)
        notes.push(`trigger definition ${trigger.definition} is neither named in this set nor one this tool knows`)
    const triggerTable = tableInput(trigger?.inputs ?? [])
    if (trigger?.problem) notes.push(`the trigger's inputs cannot be decoded: ${trigger.problem}`)

    type Element = (ActionInstance & { logic?: undefined }) | (FlowLogicInstance & { logic: true })
    const elements: Element[] = [
        ...view.actionInstances
            .filter((element) => element.flow === flowSysId)
            .map((element) => ({ ...element, logic: undefined })),
        ...view.logicInstances
            .filter((element) => element.flow === flowSysId)
            .map((element) => ({ ...element, logic: true as const })),
        // A step calling a subflow reads as an action named after the subflow, with its inputs.
        ...view.subflowInstances
            .filter((element) => element.flow === flowSysId)
            .map(({ subflow, waitForCompletion: _waits, ...element }) => ({
                ...element,
                actionType: subflow,
                actionTypeLabel: `Subflow ${view.flows.find((candidate) => candidate.sysId === subflow)?.name || subflow}`,
                actionTypeParent: '',
                variables: [],
                outputsToAssign: [],
                unmodelled: [],
                logic: undefined,
            })),
    ].sort((left, right) => left.order - right.order)
    const numberOf = new Map(elements.map((element, index) => [element.uiId, index + 1]))
    const customActions = new Map(actionTypes.map((type) => [type.sysId, type.name]))
    // A step is named by the platform catalogue, the action defined in the set, or the name the export
    // gives its definition (display_value); only a step none of them names shows its sys_id.
    const labelOf = (element: Element): { kind: StepKind; label: string; note?: string } => {
        if (element.logic) {
            const key = platformKey(FLOW_LOGIC, element.definition)
            if (key) return { kind: key === 'assignSubflowOutputs' ? 'logic' : key, label: FLOW_LOGIC[key].label }
            if (element.definitionLabel)
                return { kind: LOGIC_BY_LABEL[element.definitionLabel] ?? 'logic', label: element.definitionLabel }
            return {
                kind: 'logic',
                label: `Flow logic ${element.definition}`,
                note: `flow logic ${element.definition} is neither named in this set nor one this tool knows: its meaning is not shown`,
            }
        }
        const builtIn = platformKey(BUILT_IN_ACTIONS, element.actionType)
        if (builtIn) return { kind: 'action', label: BUILT_IN_ACTIONS[builtIn].label }
        const custom = customActions.get(element.actionType) ?? customActions.get(element.actionTypeParent)
        if (custom) return { kind: 'action', label: custom }
        if (element.actionTypeLabel) return { kind: 'action', label: element.actionTypeLabel }
        return {
            kind: 'action',
            label: `Action ${element.actionType}`,
            note: `action ${element.actionType} is neither named in this set nor a built-in action this tool knows`,
        }
    }
    const stepLabels = new Map(elements.map((element) => [element.uiId, labelOf(element)]))
    const context: PillContext = {
        steps: new Map(
            elements.map((element) => [
                element.uiId,
                {
                    number: numberOf.get(element.uiId) ?? 0,
                    label: stepLabels.get(element.uiId)?.label ?? '',
                    annotation: element.comment,
                },
            ])
        ),
        actionSteps: new Map(),
        triggerLabel,
        numbers: options.stepNumbersInPills ?? true,
    }
    const pills = (text: string) => showText(text, context, names)

    const toStep = (element: Element): OutlineStep => {
        const { kind, label, note } = stepLabels.get(element.uiId) ?? { kind: 'logic' as const, label: '' }
        const stepNotes = note ? [note] : []
        if (element.problem) stepNotes.push(`its values cannot be decoded: ${element.problem}`)
        if (element.unmodelled.length > 0) stepNotes.push(`carries ${element.unmodelled.join(', ')}, not shown here`)
        const step: OutlineStep = {
            number: numberOf.get(element.uiId) ?? 0,
            uiId: element.uiId,
            kind,
            label,
            annotation: element.comment,
            waits: false,
            inputs: [],
            children: [],
            notes: stepNotes,
        }
        const isBuiltIn = (name: keyof typeof BUILT_IN_ACTIONS) =>
            !element.logic && element.actionType === BUILT_IN_ACTIONS[name].sysId
        const queryLabels = queryLabelsFor(labels, tableInput(element.inputs), triggerTable)
        for (const input of element.logic && kind === 'setFlowVariables' ? element.variables : element.inputs) {
            const shown = showInput(
                input,
                element.logic ? undefined : element.actionType,
                kind,
                { pills, context, names, queryLabels },
                stepNotes
            )
            if (input.name === 'condition' && (kind === 'if' || kind === 'elseIf')) step.condition = shown
            else if (input.name === 'approval_conditions' && isBuiltIn('askForApproval')) step.approval = shown
            else step.inputs.push({ name: input.name, shown })
        }
        step.waits = isBuiltIn('waitForCondition') || isBuiltIn('askForApproval')
        return step
    }
    const steps = nest(elements, toStep)
    return {
        sysId: flowSysId,
        name: flow?.name || flowSysId,
        description: flow?.description ?? '',
        active: flow?.active ?? false,
        status: flow?.status ?? '',
        runAs: flow?.runAs ?? '',
        trigger: triggerOutline(trigger?.inputs ?? [], triggerLabel, queryLabelsFor(labels, triggerTable), notes),
        ...(isSubflow ? { subflow: subflowOutline(flowSysId, view) } : {}),
        flowVariables: view.flowVariables
            .filter((variable) => variable.flow === flowSysId)
            .map((variable) => variable.element),
        steps,
        notes,
    }
}

function subflowOutline(flowSysId: string, view: FlowDesignerView): NonNullable<FlowOutline['subflow']> {
    const callers = new Set(
        view.subflowInstances
            .filter((instance) => instance.subflow === flowSysId)
            .map((instance) => view.flows.find((flow) => flow.sysId === instance.flow)?.name || instance.flow)
    )
    const ports = (list: FlowPort[]) => list.filter((port) => port.flow === flowSysId).map((port) => port.element)
    return {
        calledBy: [...callers].sort((left, right) => left.localeCompare(right)),
        inputs: ports(view.flowInputs),
        outputs: ports(view.flowOutputs),
    }
}

/** The trigger's inputs as set, its condition in words apart (none when it is empty: the flow always runs). */
function triggerOutline(
    inputs: FlowInput[],
    label: string,
    queryLabels: QueryLabels,
    notes: string[]
): FlowOutline['trigger'] {
    const trigger: FlowOutline['trigger'] = {
        label,
        inputs: inputs
            .filter((input) => input.value !== '' && input.name !== 'condition')
            .map((input) => ({ name: input.name, shown: input.value })),
    }
    const condition = inputs.find((input) => input.name === 'condition')?.value ?? ''
    if (condition === '') return trigger
    try {
        const words = describeEncodedQuery(condition, (text) => text, queryLabels)
        if (words !== 'always') trigger.condition = words
    } catch (error) {
        notes.push(`the trigger's condition cannot be read: ${(error as Error).message}`)
        trigger.condition = condition
    }
    return trigger
}

interface ShowContext {
    pills: (text: string) => string
    context: PillContext
    names: Map<string, string>
    /** Labels of the fields and values of conditions for the step's table. */
    queryLabels: QueryLabels
}

function showInput(
    input: FlowInput,
    actionType: string | undefined,
    kind: StepKind,
    { pills, context, names, queryLabels }: ShowContext,
    notes: string[]
): string {
    if (input.scripted) return `(inline script) ${input.value}`
    if (input.hasChildren) notes.push(`input "${input.name}" has child values, not shown here`)
    const readable = (describe: () => string) => {
        try {
            return describe()
        } catch (error) {
            notes.push(`input "${input.name}" cannot be read: ${(error as Error).message}`)
            return pills(input.value)
        }
    }
    if (input.value === '') return ''
    if (input.name === 'condition' && (kind === 'if' || kind === 'elseIf'))
        return readable(() => describeEncodedQuery(input.value, pills, queryLabels))
    if (input.name === 'conditions') return readable(() => describeEncodedQuery(input.value, pills, queryLabels))
    if (input.name === 'approval_conditions') return readable(() => describeApprovalRules(input.value, pills))
    if (input.name === 'due_date' && input.value.trim().startsWith('{'))
        return readable(() => describeApprovalDueDate(input.value, pills))
    if (
        input.name === 'values' &&
        (actionType === BUILT_IN_ACTIONS.updateRecord.sysId || /^[a-z0-9_]+=/.test(input.value))
    )
        return readable(() =>
            parseEncodedQuery(input.value)
                .alternatives.flat(2)
                .map((term) => `${term.field} = ${queryLabels.value(term.field, term.value) ?? pills(term.value)}`)
                .join('; ')
        )
    const summary = summarizeLongText(input.value)
    if (summary !== undefined) return summary
    // A computed timeout (a pill) is named like any other pill; a fixed one reads as a duration.
    if (input.name === 'timeout_duration' && !input.value.includes('{{')) return describeDuration(input.value)
    return showValue(input.value, context, names)
}

/** Elements into a tree by parent ui_id (Catch under its Try's parent, as Flow Designer shows it). */
function nest<Element extends { uiId: string; parentUiId: string }>(
    elements: Element[],
    toStep: (element: Element) => OutlineStep
): OutlineStep[] {
    const steps = new Map(elements.map((element) => [element.uiId, toStep(element)]))
    const roots: OutlineStep[] = []
    for (const element of elements) {
        const step = steps.get(element.uiId)
        if (!step) continue
        const parent = element.parentUiId ? steps.get(element.parentUiId) : undefined
        if (element.parentUiId && !parent) step.notes.push(`its parent step ${element.parentUiId} is not in the set`)
        ;(parent ? parent.children : roots).push(step)
    }
    return roots
}

function outlineAction(type: ActionType, names: Map<string, string>, options: OutlineOptions): ActionOutline {
    const notes: string[] = []
    const context: PillContext = {
        steps: new Map(),
        actionSteps: new Map(type.steps.map((step, index) => [step.cid, { number: index + 1, label: step.label }])),
        triggerLabel: '',
        numbers: options.stepNumbersInPills ?? true,
    }
    const steps = type.steps.map((step): ActionStepOutline => {
        const stepKey = platformKey(STEP_TYPES, step.stepType)
        if (!stepKey) notes.push(`step "${step.label}": step type ${step.stepType} is not one this tool knows`)
        const inputs: OutlineInput[] = step.inputMappings.map((mapping) => ({
            name: mapping.name,
            shown: showValue(mapping.value, context, names),
        }))
        let script: string | undefined
        for (const value of step.variableValues) {
            const declared = step.inputs.find((input) => input.sysId === value.variable)
            if (value.variable === STEP_TYPE_INPUTS.scriptScript.sysId) script = value.value
            else if (value.variable === STEP_TYPE_INPUTS.scriptRequiredRunTime.sysId)
                inputs.push({ name: 'required_run_time', shown: value.value })
            else {
                const name = declared?.element ?? (value.variableLabel || names.get(value.variable) || value.variable)
                inputs.push({ name, shown: showValue(value.value, context, names) })
            }
        }
        if (step.errorHandlingType && step.errorHandlingType !== '1')
            inputs.push({ name: 'error_handling_type', shown: step.errorHandlingType })
        return {
            label: step.label,
            type: stepKey ? STEP_TYPES[stepKey].label : `step type ${step.stepType}`,
            inputs: inputs.sort((left, right) => left.name.localeCompare(right.name)),
            ...(script === undefined ? {} : { script }),
        }
    })
    return {
        sysId: type.sysId,
        name: type.name || type.sysId,
        inputs: type.inputs.map((input) => ({ name: input.element, label: input.label, mandatory: input.mandatory })),
        outputs: type.outputs
            .filter((output) => !output.name.startsWith('__'))
            .map((output) => ({ name: output.name, shown: showValue(output.value, context, names) })),
        steps,
        notes,
    }
}

/** The variables of each catalog item or record producer of the set, in their order. */
export function catalogVariablesOf(set: UpdateSet): (itemSysId: string) => CatalogVariableOutline[] {
    const field = (fields: Record<string, { value: string }>, name: string) => fields[name]?.value ?? ''
    const variables = recordsOfTable(set, 'item_option_new')
    const choices = recordsOfTable(set, 'question_choice')
    const regexes = new Map(
        recordsOfTable(set, 'question_regex').map((record) => [field(record.fields, 'sys_id'), record.fields])
    )
    return (itemSysId) =>
        variables
            .filter((variable) => field(variable.fields, 'cat_item') === itemSysId)
            .map((variable): CatalogVariableOutline => {
                const variableId = field(variable.fields, 'sys_id')
                const regexId = field(variable.fields, 'validate_regex')
                const regex = regexes.get(regexId)
                const validation = regex
                    ? `${field(regex, 'name')}: /${field(regex, 'regex')}/ ("${field(regex, 'validation_message')}")`
                    : regexId
                      ? `validation regex ${regexId} (not in this set)`
                      : undefined
                const typeCode = field(variable.fields, 'type')
                const mapsTo = field(variable.fields, 'map_to_field') === 'true' ? field(variable.fields, 'field') : ''
                return {
                    name: field(variable.fields, 'name'),
                    question: field(variable.fields, 'question_text'),
                    type: VARIABLE_TYPES[typeCode] ?? `type ${typeCode}`,
                    mandatory: field(variable.fields, 'mandatory') === 'true',
                    order: Number(field(variable.fields, 'order') || 0),
                    choices: choices
                        .filter((choice) => field(choice.fields, 'question') === variableId)
                        .sort(
                            (left, right) => Number(field(left.fields, 'order')) - Number(field(right.fields, 'order'))
                        )
                        .map((choice) => ({
                            text: field(choice.fields, 'text'),
                            value: field(choice.fields, 'value'),
                        })),
                    ...(validation === undefined ? {} : { validation }),
                    ...(mapsTo ? { mapsTo } : {}),
                }
            })
            .sort((left, right) => left.order - right.order || left.name.localeCompare(right.name))
}

function outlineCatalogItems(set: UpdateSet, names: Map<string, string>): CatalogItemOutline[] {
    const field = (fields: Record<string, { value: string }>, name: string) => fields[name]?.value ?? ''
    const variablesOf = catalogVariablesOf(set)
    return recordsOfTable(set, 'sc_cat_item').map((item) => {
        const sysId = field(item.fields, 'sys_id')
        const flow = field(item.fields, 'flow_designer_flow')
        const flowName = item.fields.flow_designer_flow?.attributes.display_value || names.get(flow) || flow
        const workflow = field(item.fields, 'workflow')
        return {
            sysId,
            name: field(item.fields, 'name') || sysId,
            shortDescription: field(item.fields, 'short_description'),
            active: field(item.fields, 'active') !== 'false',
            flow: flowName,
            ...(workflow
                ? { workflow: item.fields.workflow?.attributes.display_value || names.get(workflow) || workflow }
                : {}),
            variables: variablesOf(sysId),
        }
    })
}

/** Every step of a flow, depth first, in Flow Designer's order. */
export function flattenSteps(steps: OutlineStep[]): OutlineStep[] {
    return steps.flatMap((step) => [step, ...flattenSteps(step.children)])
}
