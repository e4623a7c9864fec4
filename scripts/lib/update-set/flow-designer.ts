/**
 * The Flow Designer layer: which platform records a flow points at (one catalogue of Zurich sys_ids),
 * the one decoder of Flow Designer `values`, and one typed view of the flow records of an update set
 * (flows, triggers, action instances, flow logic, flow variables, action types and their steps).
 * The defect checker and the local instance both read flows through it.
 */
import { gunzipSync } from 'node:zlib'
import type { FieldValue, PayloadRecord, UpdateSet } from './read-update-set.ts'
import { UpdateSetFormatError, removesRecords } from './read-update-set.ts'

interface PlatformRecord {
    sysId: string
    label: string
}

/** Built-in actions a flow calls by sys_id (the same on every instance). */
export const BUILT_IN_ACTIONS = {
    getCatalogVariables: { sysId: '330ba3abc31013002841b63b12d3aee8', label: 'Get Catalog Variables' },
    lookUpRecord: { sysId: '9d09f99587003300663ca1bb36cb0ba3', label: 'Look Up Record' },
    askForApproval: { sysId: 'f8f2e9920b10030085c083eb37673abd', label: 'Ask For Approval' },
    updateRecord: { sysId: 'f9d01dd2c31332002841b63b12d3aea1', label: 'Update Record' },
    waitForCondition: { sysId: '89ce8a4187120010663ca1bb36cb0be3', label: 'Wait For Condition' },
    fireEvent: { sysId: '80a30edeff30311077a95dac793bf19b', label: 'Fire Event' },
} as const satisfies Record<string, PlatformRecord>

export type BuiltInActionName = keyof typeof BUILT_IN_ACTIONS

export const TRIGGERS = {
    serviceCatalog: { sysId: 'c43a1011c36813002841b63b12d3ae15', label: 'Service Catalog' },
} as const satisfies Record<string, PlatformRecord>

export const FLOW_LOGIC = {
    if: { sysId: 'af4e1945c3e232002841b63b12d3ae3e', label: 'If' },
    else: { sysId: '1f781bf3c32232002841b63b12d3aee6', label: 'Else' },
    setFlowVariables: { sysId: '4f787d1e0f9b0010ecf0cc52ff767ea0', label: 'Set Flow Variables' },
    endFlow: { sysId: 'd176605ea76103004f27b0d2187901c7', label: 'End Flow' },
    try: { sysId: '07223332de022010ec58424b73829721', label: 'Try' },
    catch: { sysId: '35d60003e6022010a5e40cdd1254dd21', label: 'Catch' },
    assignSubflowOutputs: { sysId: 'df4e1945c3e232002841b63b12d3ae3e', label: 'Assign Subflow Outputs' },
} as const satisfies Record<string, PlatformRecord>

export type LogicKind = keyof typeof FLOW_LOGIC

/** Step types of action definitions: only the Script step runs in the local instance. */
export const STEP_TYPES = {
    script: { sysId: '106afb6647032200b4fad7527c9a71e7', label: 'Script step' },
    rest: { sysId: '07a762fb47222200b4fad7527c9a7129', label: 'REST step' },
    jsonParser: { sysId: '502328c387523300f917e55936cb0bf0', label: 'JSON Parser step' },
} as const satisfies Record<string, PlatformRecord>

/** Inputs of platform step types, as a step's sys_variable_value.variable names them. */
export const STEP_TYPE_INPUTS = {
    scriptScript: { sysId: '71aa7f6647032200b4fad7527c9a719b', label: 'Script step input script' },
    scriptRequiredRunTime: {
        sysId: '74315b04b3201300176b051a16a8dc2b',
        label: 'Script step input required_run_time',
    },
    restConnectionAlias: { sysId: '262882f03b23320057a4a2e334efc4f0', label: 'REST step input Connection Alias' },
} as const satisfies Record<string, PlatformRecord>

/** Other platform records an app or a guide-built set points at without shipping them. */
export const OTHER_PLATFORM_RECORDS = {
    serviceCatalog: { sysId: 'e0d08b13c3330100c8b837659bba8fb4', label: 'catalog Service Catalog' },
    softwareCategory: { sysId: '2809952237b1300054b6a3549dbe5dd4', label: 'category Software' },
    defaultHttpRetryPolicy: { sysId: 'ef751ff07301330025d71afe2ff6a7f9', label: 'default HTTP retry policy' },
} as const satisfies Record<string, PlatformRecord>

/** Every platform record above: sys_id -> what it is. */
export const PLATFORM_RECORDS: ReadonlyMap<string, string> = new Map(
    [
        ...Object.values(BUILT_IN_ACTIONS).map(({ sysId, label }) => [sysId, `action ${label}`]),
        ...Object.values(TRIGGERS).map(({ sysId, label }) => [sysId, `trigger ${label}`]),
        ...Object.values(FLOW_LOGIC).map(({ sysId, label }) => [sysId, `flow logic ${label}`]),
        ...Object.values(STEP_TYPES).map(({ sysId, label }) => [sysId, `step type ${label}`]),
        ...Object.values(STEP_TYPE_INPUTS).map(({ sysId, label }) => [sysId, label]),
        ...Object.values(OTHER_PLATFORM_RECORDS).map(({ sysId, label }) => [sysId, label]),
    ].map(([sysId, label]) => [sysId ?? '', label ?? ''] as const)
)

/** The name (key) of the catalogue entry with this sys_id, if any. */
export function platformKey<Key extends string>(
    catalogue: Record<Key, PlatformRecord>,
    sysId: string
): Key | undefined {
    return (Object.keys(catalogue) as Key[]).find((key) => catalogue[key].sysId === sysId)
}

/** The tables the view reads. */
export const FLOW_DESIGNER_TABLES: ReadonlySet<string> = new Set([
    'sys_hub_flow',
    'sys_hub_trigger_instance_v2',
    'sys_hub_action_instance_v2',
    'sys_hub_flow_logic_instance_v2',
    'sys_hub_flow_variable',
    'sys_hub_sub_flow_instance_v2',
    'sys_hub_action_type_definition',
    'sys_hub_action_input',
    'sys_hub_action_output',
    'sys_hub_step_instance',
    'sys_hub_step_ext_input',
    'sys_hub_step_ext_output',
    'sys_variable_value',
    'sys_element_mapping',
])

/** Which field of which record a value came from, for error messages. */
export interface FieldLocation {
    table: string
    sysId: string
    field: string
    /** The sys_update_xml the record came in, e.g. `sys_hub_flow_<sys_id>`. */
    updateName?: string
}

/** A Flow Designer field that cannot be read: names the record and the field. */
export class FlowValuesError extends UpdateSetFormatError {
    override name = 'FlowValuesError'
}

function describeLocation(where: FieldLocation): string {
    const record = `${where.table} ${where.sysId || '(no sys_id)'} field "${where.field}"`
    return where.updateName ? `${where.updateName}: ${record}` : record
}

/**
 * Decodes a Flow Designer `values` / `trigger_inputs` field: gzip+base64 JSON (SDK builds) or plain
 * JSON (instance exports). Empty text is null. Anything else is a FlowValuesError naming the field.
 */
export function decodeFlowValues(text: string, where: FieldLocation): unknown {
    const trimmed = text.trim()
    if (trimmed === '') return null
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        try {
            return JSON.parse(trimmed) as unknown
        } catch (error) {
            throw new FlowValuesError(`${describeLocation(where)} is not valid JSON: ${(error as Error).message}`)
        }
    }
    try {
        return JSON.parse(gunzipSync(Buffer.from(trimmed, 'base64')).toString('utf8')) as unknown
    } catch (error) {
        throw new FlowValuesError(
            `${describeLocation(where)} is neither gzip+base64 JSON nor plain JSON: ${(error as Error).message}`
        )
    }
}

/** One named input (or assigned flow variable) of an action instance or flow logic instance. */
export interface FlowInput {
    name: string
    /** The value as text; non-text values as JSON. */
    value: string
    /** An inline script computes the value instead. */
    scripted: boolean
    /** Child inputs (e.g. a name-value list). */
    hasChildren: boolean
}

/** Decoded `values` of an action or flow logic instance. */
export interface FlowValues {
    inputs: FlowInput[]
    /** Set Flow Variables: the variables it assigns. */
    variables: FlowInput[]
    /** Assign Subflow Outputs: the subflow outputs it assigns. */
    outputsToAssign: FlowInput[]
    /** Keys of a values object that carry data the view does not model (e.g. outputsToAssign). */
    unmodelled: string[]
}

const UNMODELLED_KEYS = ['decisionTableInputs', 'dynamicInputs', 'workflowInputs']

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readInputList(list: unknown[], where: FieldLocation, what: string): FlowInput[] {
    return list.map((entry, index) => {
        if (!isObject(entry) || typeof entry.name !== 'string')
            throw new FlowValuesError(`${describeLocation(where)}: ${what} #${String(index + 1)} has no name`)
        const { value } = entry
        return {
            name: entry.name,
            value:
                typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value),
            scripted: entry.scriptActive === true,
            hasChildren: Array.isArray(entry.children) && entry.children.length > 0,
        }
    })
}

/** Reads `values`: a list of inputs, or an object with `inputs` (and, for flow logic, `variables`). */
export function readFlowValues(text: string, where: FieldLocation): FlowValues {
    const decoded = decodeFlowValues(text, where)
    if (decoded === null) return { inputs: [], variables: [], outputsToAssign: [], unmodelled: [] }
    if (Array.isArray(decoded))
        return { inputs: readInputList(decoded, where, 'input'), variables: [], outputsToAssign: [], unmodelled: [] }
    if (isObject(decoded) && (decoded.inputs === undefined || Array.isArray(decoded.inputs))) {
        const variables = Array.isArray(decoded.variables) ? decoded.variables : []
        return {
            inputs: readInputList(decoded.inputs ?? [], where, 'input'),
            variables: readInputList(variables, where, 'variable'),
            outputsToAssign: readInputList(
                Array.isArray(decoded.outputsToAssign) ? decoded.outputsToAssign : [],
                where,
                'subflow output'
            ),
            unmodelled: UNMODELLED_KEYS.filter((key) => {
                const extra = decoded[key]
                return Array.isArray(extra) && extra.length > 0
            }),
        }
    }
    throw new FlowValuesError(`${describeLocation(where)} is neither a list of inputs nor an object with "inputs"`)
}

/**
 * Reads a flow's `label_cache`: a JSON list of the pills the flow uses, each with its `name` (the
 * pill's text) and `type`. Empty text is no pills; anything else unreadable is a FlowValuesError.
 */
export function readPillTypes(text: string, where: FieldLocation): Map<string, string> {
    const decoded = decodeFlowValues(text, where)
    if (decoded === null) return new Map()
    if (!Array.isArray(decoded)) throw new FlowValuesError(`${describeLocation(where)} is not a list of pills`)
    return new Map(
        decoded.map((entry: unknown, index) => {
            if (!isObject(entry) || typeof entry.name !== 'string' || typeof entry.type !== 'string')
                throw new FlowValuesError(
                    `${describeLocation(where)}: pill #${String(index + 1)} has no name or no type`
                )
            return [entry.name, entry.type]
        })
    )
}

export type FlowStorage = 'v2' | '2018'

/** Where a record came from. */
export interface SourceRecord {
    sysId: string
    /** INSERT_OR_UPDATE, UPDATE or DELETE. */
    action: string
    /** sys_update_xml name of the payload the record came in (`sys_hub_flow_<sys_id>`). */
    updateName: string
    /** sys_update_xml target_name: what the platform calls the payload (e.g. the flow's name). */
    targetName: string
}

export interface FlowRecord extends SourceRecord {
    name: string
    description: string
    active: boolean
    status: string
    /** `user`, `system` or as exported. */
    runAs: string
    /** `flow` or `subflow` (a flow called from a flow step, with inputs and outputs). */
    type: string
    /**
     * Each data pill's type as the flow records it in its `label_cache` (pill text without braces ->
     * e.g. `glide_duration`): what Flow Designer checks a pill against the input it is dropped on.
     */
    pillTypes: ReadonlyMap<string, string>
    /** Why `label_cache` could not be read (lenient reading only); pillTypes is then empty. */
    problem?: string
}

export interface TriggerInstance extends SourceRecord {
    flow: string
    /** sys_id of the trigger definition (TRIGGERS). */
    definition: string
    /** What the export calls the definition (its display_value), e.g. `Created`. */
    definitionLabel: string
    name: string
    /** Decoded `trigger_inputs` (e.g. run_flow_in). */
    inputs: FlowInput[]
    /** Why the inputs could not be decoded (lenient reading only). */
    problem?: string
}

interface FlowElement extends SourceRecord {
    /** Today's tables (`sys_hub_*_v2`, inputs in `values`) or the 2018 ones (inputs in sys_variable_value). */
    storage: FlowStorage
    flow: string
    order: number
    uiId: string
    parentUiId: string
    comment: string
    /** Why `values` could not be decoded (lenient reading only); the element then has no inputs. */
    problem?: string
}

export interface ActionInstance extends FlowElement, FlowValues {
    actionType: string
    /** What the export calls the action (its display_value), e.g. `Send Email`. */
    actionTypeLabel: string
    /** The custom action an exported snapshot copy belongs to. */
    actionTypeParent: string
}

export interface FlowLogicInstance extends FlowElement, FlowValues {
    /** sys_id of the logic definition (FLOW_LOGIC). */
    definition: string
    /** What the export calls the definition (its display_value), e.g. `Else If`. */
    definitionLabel: string
    /** Catch: the ui_id of its Try. */
    connectedTo: string
}

export interface FlowVariable extends SourceRecord {
    flow: string
    element: string
}

export interface NameValue {
    name: string
    value: string
}

export interface ActionInput extends SourceRecord {
    element: string
    label: string
    mandatory: boolean
}

export interface StepVariableValue extends SourceRecord {
    /** The input it sets: a step input's sys_id or a platform step type input (STEP_TYPE_INPUTS). */
    variable: string
    /** The variable's display value as exported. */
    variableLabel: string
    value: string
}

export interface ActionStep extends SourceRecord {
    label: string
    order: number
    cid: string
    stepType: string
    errorHandlingType: string
    inputs: { sysId: string; element: string }[]
    /** Values mapped to the step's inputs (data pills or text). */
    inputMappings: NameValue[]
    variableValues: StepVariableValue[]
    outputs: string[]
}

export interface ActionType extends SourceRecord {
    name: string
    inputs: ActionInput[]
    /** Values mapped to the action's outputs. */
    outputs: NameValue[]
    steps: ActionStep[]
}

/** A flow step that calls a subflow: its inputs (`subflow_inputs`) and whether the caller waits for it. */
export interface SubflowInstance extends FlowElement {
    /** sys_id of the subflow (a sys_hub_flow of type subflow). */
    subflow: string
    inputs: FlowInput[]
    waitForCompletion: boolean
}

/** An input or output of a subflow (sys_hub_flow_input, sys_hub_flow_output). */
export interface FlowPort extends SourceRecord {
    flow: string
    element: string
    label: string
    mandatory: boolean
    /** A reference input's table. */
    reference: string
}

export interface FlowDesignerView {
    flows: FlowRecord[]
    flowSnapshots: FlowRecord[]
    triggers: TriggerInstance[]
    actionInstances: ActionInstance[]
    logicInstances: FlowLogicInstance[]
    subflowInstances: SubflowInstance[]
    flowInputs: FlowPort[]
    flowOutputs: FlowPort[]
    flowVariables: FlowVariable[]
    actionTypes: ActionType[]
}

interface Located {
    record: PayloadRecord
    source: SourceRecord
}

export interface ReadFlowDesignerOptions {
    /**
     * Lenient: a `values` or `trigger_inputs` field that cannot be decoded leaves that element without
     * inputs and says why in its `problem`, instead of failing the whole set (for explaining any set).
     */
    lenient?: boolean
}

const NO_VALUES: FlowValues = { inputs: [], variables: [], outputsToAssign: [], unmodelled: [] }

/** Reads every Flow Designer record of a set (delete_multiple instructions aside). Throws FlowValuesError unless lenient. */
export function readFlowDesigner(set: UpdateSet, options: ReadFlowDesignerOptions = {}): FlowDesignerView {
    const located: Located[] = set.records.flatMap((entry) =>
        entry.payload.records
            .filter((record) => !removesRecords(record))
            .map((record) => ({
                record,
                source: {
                    sysId: record.fields.sys_id?.value ?? '',
                    action: record.action,
                    updateName: entry.name,
                    targetName: entry.targetName,
                },
            }))
    )
    const ofTable = (table: string) => located.filter(({ record }) => record.table === table)
    const field = (fields: Record<string, FieldValue>, name: string) => fields[name]?.value ?? ''
    const where = ({ record, source }: Located, name: string): FieldLocation => ({
        table: record.table,
        sysId: source.sysId,
        field: name,
        updateName: source.updateName,
    })
    const decode = (item: Located, name: string): FlowValues & { problem?: string } => {
        try {
            return readFlowValues(field(item.record.fields, name), where(item, name))
        } catch (error) {
            if (!options.lenient || !(error instanceof FlowValuesError)) throw error
            return { ...NO_VALUES, problem: error.message }
        }
    }
    // The 2018 storage keeps each input as a sys_variable_value of the instance, named by its display value.
    const variableInputs = new Map<string, FlowInput[]>()
    for (const { record } of ofTable('sys_variable_value')) {
        const key = field(record.fields, 'document_key')
        const list = variableInputs.get(key) ?? []
        list.push({
            name: record.fields.variable?.attributes.display_value || field(record.fields, 'variable'),
            value: field(record.fields, 'value'),
            scripted: false,
            hasChildren: false,
        })
        variableInputs.set(key, list)
    }
    const decode2018 = (item: Located): FlowValues & { problem?: string } =>
        field(item.record.fields, 'values') !== ''
            ? decode(item, 'values')
            : { ...NO_VALUES, inputs: variableInputs.get(item.source.sysId) ?? [] }
    const label = (fields: Record<string, FieldValue>, name: string) => fields[name]?.attributes.display_value ?? ''
    const element = (item: Located, storage: FlowStorage): FlowElement => ({
        ...item.source,
        storage,
        flow: field(item.record.fields, 'flow'),
        order: Number(field(item.record.fields, 'order') || 0),
        uiId: field(item.record.fields, 'ui_id') || item.source.sysId,
        parentUiId: field(item.record.fields, 'parent_ui_id'),
        comment: field(item.record.fields, 'comment'),
    })
    const flowRecord = (item: Located): FlowRecord => {
        const { record, source } = item
        const flow = {
            ...source,
            name: field(record.fields, 'name'),
            description: field(record.fields, 'description'),
            active: field(record.fields, 'active') === 'true',
            status: field(record.fields, 'status'),
            runAs: field(record.fields, 'run_as'),
            type: field(record.fields, 'type') || 'flow',
        }
        try {
            return {
                ...flow,
                pillTypes: readPillTypes(field(record.fields, 'label_cache'), where(item, 'label_cache')),
            }
        } catch (error) {
            if (!options.lenient || !(error instanceof FlowValuesError)) throw error
            return { ...flow, pillTypes: new Map(), problem: error.message }
        }
    }
    const mappings = (table: string): NameValue[] =>
        ofTable('sys_element_mapping')
            .filter(({ record }) => field(record.fields, 'table') === table)
            .map(({ record }) => ({ name: field(record.fields, 'field'), value: field(record.fields, 'value') }))
    const byOrder = (left: { order: number }, right: { order: number }) => left.order - right.order
    const ports = (table: string): FlowPort[] =>
        ofTable(table)
            .map(({ record, source }) => ({
                ...source,
                flow: field(record.fields, 'model'),
                element: field(record.fields, 'element'),
                label: field(record.fields, 'label'),
                mandatory: field(record.fields, 'mandatory') === 'true',
                reference: field(record.fields, 'reference'),
                order: Number(field(record.fields, 'order') || 0),
            }))
            .sort(byOrder)
            .map(({ order: _order, ...port }) => port)

    const steps = (action: string): ActionStep[] =>
        ofTable('sys_hub_step_instance')
            .filter(({ record }) => field(record.fields, 'action') === action)
            .map(({ record, source }): ActionStep => ({
                ...source,
                label: field(record.fields, 'label') || source.sysId,
                order: Number(field(record.fields, 'order') || 0),
                cid: field(record.fields, 'cid'),
                stepType: field(record.fields, 'step_type'),
                errorHandlingType: field(record.fields, 'error_handling_type'),
                inputs: ofTable('sys_hub_step_ext_input')
                    .filter((input) => field(input.record.fields, 'model') === source.sysId)
                    .map((input) => ({ sysId: input.source.sysId, element: field(input.record.fields, 'element') })),
                inputMappings: mappings(`var__m_sys_hub_step_ext_input_${source.sysId}`),
                variableValues: ofTable('sys_variable_value')
                    .filter((value) => field(value.record.fields, 'document_key') === source.sysId)
                    .map((value) => ({
                        ...value.source,
                        variable: field(value.record.fields, 'variable'),
                        variableLabel: value.record.fields.variable?.attributes.display_value ?? '',
                        value: field(value.record.fields, 'value'),
                    })),
                outputs: ofTable('sys_hub_step_ext_output')
                    .filter((output) => field(output.record.fields, 'model') === source.sysId)
                    .map((output) => field(output.record.fields, 'element')),
            }))
            .sort(byOrder)

    return {
        flows: ofTable('sys_hub_flow').map(flowRecord),
        flowSnapshots: ofTable('sys_hub_flow_snapshot').map(flowRecord),
        triggers: [...ofTable('sys_hub_trigger_instance_v2'), ...ofTable('sys_hub_trigger_instance')].map((item) => {
            const { inputs, problem } =
                item.record.table === 'sys_hub_trigger_instance' && field(item.record.fields, 'trigger_inputs') === ''
                    ? decode2018(item)
                    : decode(item, 'trigger_inputs')
            return {
                ...item.source,
                flow: field(item.record.fields, 'flow'),
                definition: field(item.record.fields, 'trigger_definition'),
                definitionLabel: label(item.record.fields, 'trigger_definition'),
                name: field(item.record.fields, 'name'),
                inputs,
                ...(problem === undefined ? {} : { problem }),
            }
        }),
        actionInstances: [
            ...ofTable('sys_hub_action_instance_v2').map((item) => ({ item, storage: 'v2' as const })),
            ...ofTable('sys_hub_action_instance').map((item) => ({ item, storage: '2018' as const })),
        ].map(({ item, storage }) => ({
            ...element(item, storage),
            ...(storage === 'v2' ? decode(item, 'values') : decode2018(item)),
            actionType: field(item.record.fields, 'action_type'),
            actionTypeLabel: label(item.record.fields, 'action_type'),
            actionTypeParent: field(item.record.fields, 'action_type_parent'),
        })),
        logicInstances: [
            ...ofTable('sys_hub_flow_logic_instance_v2').map((item) => ({ item, storage: 'v2' as const })),
            ...ofTable('sys_hub_flow_logic').map((item) => ({ item, storage: '2018' as const })),
        ].map(({ item, storage }) => ({
            ...element(item, storage),
            ...(storage === 'v2' ? decode(item, 'values') : decode2018(item)),
            definition: field(item.record.fields, 'logic_definition'),
            definitionLabel: label(item.record.fields, 'logic_definition'),
            connectedTo: field(item.record.fields, 'connected_to'),
        })),
        subflowInstances: ofTable('sys_hub_sub_flow_instance_v2').map((item) => ({
            ...element(item, 'v2'),
            ...(() => {
                const { inputs, problem } = decode(item, 'subflow_inputs')
                return { inputs, ...(problem === undefined ? {} : { problem }) }
            })(),
            subflow: field(item.record.fields, 'subflow'),
            waitForCompletion: field(item.record.fields, 'wait_for_completion') !== 'false',
        })),
        flowInputs: ports('sys_hub_flow_input'),
        flowOutputs: ports('sys_hub_flow_output'),
        flowVariables: ofTable('sys_hub_flow_variable').map(({ record, source }) => ({
            ...source,
            flow: field(record.fields, 'model'),
            element: field(record.fields, 'element'),
        })),
        actionTypes: ofTable('sys_hub_action_type_definition').map(({ record, source }) => ({
            ...source,
            name: field(record.fields, 'name'),
            inputs: ofTable('sys_hub_action_input')
                .filter((input) => field(input.record.fields, 'model') === source.sysId)
                .map((input) => ({
                    ...input.source,
                    element: field(input.record.fields, 'element'),
                    label: field(input.record.fields, 'label'),
                    mandatory: field(input.record.fields, 'mandatory') === 'true',
                })),
            outputs: mappings(`var__m_sys_hub_action_output_${source.sysId}`),
            steps: steps(source.sysId),
        })),
    }
}
