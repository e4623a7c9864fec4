// Builds runnable flows and custom actions from the Flow Designer records of an update set, and
// records (in the collector) every record, action type, step type, setting or data pill the
// runner would not know how to execute.
import type { LoadedRecord } from './payload-record'
import { decodeFlowValues } from './payload-record'
import type { UnsupportedCollector } from './unsupported'
import { findDataPills } from './data-pills'
import type { ApprovalRuleSet } from './approval-rules'
import { ApprovalRulesError, parseApprovalRules } from './approval-rules'
import { EncodedQueryError, parseEncodedQuery } from './encoded-query'

export const builtInActionIds = {
    getCatalogVariables: '330ba3abc31013002841b63b12d3aee8',
    lookUpRecord: '9d09f99587003300663ca1bb36cb0ba3',
    askForApproval: 'f8f2e9920b10030085c083eb37673abd',
    updateRecord: 'f9d01dd2c31332002841b63b12d3aea1',
    waitForCondition: '89ce8a4187120010663ca1bb36cb0be3',
} as const

export type BuiltInActionName = keyof typeof builtInActionIds

export const serviceCatalogTriggerId = 'c43a1011c36813002841b63b12d3ae15'

export const flowLogicIds = {
    if: 'af4e1945c3e232002841b63b12d3ae3e',
    else: '1f781bf3c32232002841b63b12d3aee6',
    setFlowVariables: '4f787d1e0f9b0010ecf0cc52ff767ea0',
    endFlow: 'd176605ea76103004f27b0d2187901c7',
    try: '07223332de022010ec58424b73829721',
    catch: '35d60003e6022010a5e40cdd1254dd21',
} as const

export type LogicKind = keyof typeof flowLogicIds

export const scriptStepTypeId = '106afb6647032200b4fad7527c9a71e7'
const scriptStepVariables = {
    script: '71aa7f6647032200b4fad7527c9a719b',
    requiredRunTime: '74315b04b3201300176b051a16a8dc2b',
} as const

/** Platform step types that are known but that this runner does not execute. */
const knownUnsupportedStepTypes: Record<string, string> = {
    '07a762fb47222200b4fad7527c9a7129': 'REST step',
    '502328c387523300f917e55936cb0bf0': 'JSON Parser step',
}

export interface InputValue {
    name: string
    value: string
}

export interface ActionNode {
    kind: 'action'
    uiId: string
    sysId: string
    order: number
    label: string
    builtIn?: BuiltInActionName
    customActionId?: string
    inputs: InputValue[]
    approvalRules?: ApprovalRuleSet[]
}

export interface LogicNode {
    kind: LogicKind
    uiId: string
    sysId: string
    order: number
    label: string
    /** If: the encoded condition. */
    condition: string
    /** Set Flow Variables: name -> value (with pills). */
    variables: InputValue[]
    /** Catch: the ui_id of its Try. */
    connectedTo: string
    children: FlowNode[]
}

export type FlowNode = ActionNode | LogicNode

export interface FlowDefinition {
    sysId: string
    name: string
    active: boolean
    status: string
    trigger: { sysId: string; name: string; pillSource: string }
    runAs: 'user' | 'system'
    flowVariables: string[]
    nodes: FlowNode[]
    updateName: string
}

export interface ScriptStep {
    sysId: string
    cid: string
    label: string
    order: number
    script: string
    inputs: InputValue[]
    outputs: string[]
}

export interface CustomAction {
    sysId: string
    name: string
    updateName: string
    inputs: { name: string; label: string; mandatory: boolean }[]
    outputs: InputValue[]
    steps: ScriptStep[]
}

export interface FlowCatalog {
    flows: FlowDefinition[]
    actions: Map<string, CustomAction>
}

/** Tables the model reads. Anything else under sys_hub_* is decided by the loader's table lists. */
export const flowDefinitionTables = new Set([
    'sys_hub_flow',
    'sys_hub_trigger_instance_v2',
    'sys_hub_action_instance_v2',
    'sys_hub_flow_logic_instance_v2',
    'sys_hub_action_type_definition',
    'sys_hub_action_input',
    'sys_hub_action_output',
    'sys_hub_step_instance',
    'sys_hub_step_ext_input',
    'sys_hub_step_ext_output',
    'sys_variable_value',
    'sys_element_mapping',
])

export function buildFlowCatalog(records: LoadedRecord[], unsupported: UnsupportedCollector): FlowCatalog {
    const live = records.filter((record) => record.action !== 'delete_multiple')
    const byTable = (table: string) => live.filter((record) => record.table === table)
    const snapshotIds = new Map<string, string>()
    for (const record of records) {
        if (record.table === 'sys_hub_action_type_snapshot' && record.action !== 'delete_multiple') {
            snapshotIds.set(record.sysId, record.fields.parent_action ?? '')
        }
    }
    const definitions = byTable('sys_hub_action_type_definition').filter(
        (record) => record.action === 'INSERT_OR_UPDATE'
    )
    const actions = new Map<string, CustomAction>()
    for (const definition of definitions) {
        actions.set(definition.sysId, buildCustomAction(definition, live, unsupported))
    }
    const flows = byTable('sys_hub_flow')
        .filter((record) => record.action === 'INSERT_OR_UPDATE')
        .map((flow) => buildFlow(flow, live, actions, unsupported))
    return { flows, actions }
}

function buildCustomAction(
    definition: LoadedRecord,
    records: LoadedRecord[],
    unsupported: UnsupportedCollector
): CustomAction {
    const name = definition.fields.name ?? definition.sysId
    const where = `${definition.updateName} (action "${name}")`
    const inputs = records
        .filter((record) => record.table === 'sys_hub_action_input' && record.fields.model === definition.sysId)
        .map((record) => ({
            name: record.fields.element ?? '',
            label: record.fields.label ?? '',
            mandatory: record.fields.mandatory === 'true',
        }))
    const outputMappings = elementMappings(records, `var__m_sys_hub_action_output_${definition.sysId}`)
    const steps = records
        .filter((record) => record.table === 'sys_hub_step_instance' && record.fields.action === definition.sysId)
        .sort((left, right) => Number(left.fields.order) - Number(right.fields.order))
        .flatMap((step): ScriptStep[] => {
            const label = step.fields.label ?? step.sysId
            const stepWhere = `${where}, step "${label}"`
            const stepType = step.fields.step_type ?? ''
            if (stepType !== scriptStepTypeId) {
                const known = knownUnsupportedStepTypes[stepType]
                unsupported.add(
                    'step-type',
                    stepWhere,
                    `${known ?? 'step type'} ${stepType} is not supported (only the Script step ${scriptStepTypeId} runs here)`
                )
                return []
            }
            if (!['', '1'].includes(step.fields.error_handling_type ?? '')) {
                unsupported.add(
                    'step-setting',
                    stepWhere,
                    `error_handling_type "${step.fields.error_handling_type ?? ''}" (only stop-the-action, 1, is supported)`
                )
            }
            const declaredInputs = records.filter(
                (record) => record.table === 'sys_hub_step_ext_input' && record.fields.model === step.sysId
            )
            const inputMappings = elementMappings(records, `var__m_sys_hub_step_ext_input_${step.sysId}`)
            const variables = records.filter(
                (record) => record.table === 'sys_variable_value' && record.fields.document_key === step.sysId
            )
            let script = ''
            for (const variable of variables) {
                const variableId = variable.fields.variable ?? ''
                const value = variable.fields.value ?? ''
                // A fixed value of a script input (e.g. the alias sys_id) is a value of that input variable.
                const staticInput = declaredInputs.find((input) => input.sysId === variableId)
                if (staticInput) inputMappings.push({ name: staticInput.fields.element ?? '', value })
                else if (variableId === scriptStepVariables.script) script = value
                else if (variableId === scriptStepVariables.requiredRunTime) {
                    if (value !== 'instance' && value !== '')
                        unsupported.add(
                            'step-setting',
                            stepWhere,
                            `required_run_time "${value}" (only "instance" runs here; there is no MID Server)`
                        )
                } else {
                    unsupported.add(
                        'step-setting',
                        stepWhere,
                        `script step variable ${variableId} = "${value}" is not understood`
                    )
                }
            }
            if (script.trim() === '') unsupported.add('step-setting', stepWhere, 'the script step has no script')
            const declaredNames = declaredInputs.map((input) => input.fields.element ?? '')
            for (const mapping of inputMappings) {
                if (!declaredNames.includes(mapping.name))
                    unsupported.add('input', stepWhere, `input "${mapping.name}" is mapped but not declared`)
            }
            const outputs = records
                .filter((record) => record.table === 'sys_hub_step_ext_output' && record.fields.model === step.sysId)
                .map((record) => record.fields.element ?? '')
            return [
                {
                    sysId: step.sysId,
                    cid: step.fields.cid ?? '',
                    label,
                    order: Number(step.fields.order ?? 0),
                    script,
                    inputs: inputMappings,
                    outputs,
                },
            ]
        })
    if (steps.length === 0) unsupported.add('step-type', where, 'the action has no step the local instance can run')
    const inputNames = new Set(inputs.map((input) => input.name))
    const stepOutputs = new Map(steps.map((step) => [step.cid, new Set(step.outputs)]))
    const checkActionPill = (value: string, context: string) => {
        for (const pill of findDataPills(value)) {
            const [output] = pill.path
            if (pill.source === 'action') {
                if (pill.path.length !== 1 || !output || !inputNames.has(output))
                    unsupported.add(
                        'data-pill',
                        context,
                        `{{${pill.text}}}: the action has no input "${pill.path.join('.')}"`
                    )
                continue
            }
            const step = /^step\[(.+)\]$/.exec(pill.source)
            if (step?.[1] && output && pill.path.length === 1 && stepOutputs.get(step[1])?.has(output)) continue
            if (step?.[1] && output === '__step_status__') {
                unsupported.add('data-pill', context, `{{${pill.text}}}: step status pills are not supported`)
                continue
            }
            unsupported.add(
                'data-pill',
                context,
                `{{${pill.text}}} does not name an action input or an earlier step output`
            )
        }
    }
    for (const step of steps)
        for (const input of step.inputs)
            checkActionPill(input.value, `${where}, step "${step.label}", input "${input.name}"`)
    const outputs = outputMappings.filter((mapping) => !mapping.name.startsWith('__'))
    for (const output of outputs) checkActionPill(output.value, `${where}, output "${output.name}"`)
    return { sysId: definition.sysId, name, updateName: definition.updateName, inputs, outputs, steps }
}

function elementMappings(records: LoadedRecord[], table: string): InputValue[] {
    return records
        .filter((record) => record.table === 'sys_element_mapping' && record.fields.table === table)
        .map((record) => ({ name: record.fields.field ?? '', value: record.fields.value ?? '' }))
}

function buildFlow(
    flow: LoadedRecord,
    records: LoadedRecord[],
    actions: Map<string, CustomAction>,
    unsupported: UnsupportedCollector
): FlowDefinition {
    const name = flow.fields.name ?? flow.sysId
    const where = `${flow.updateName} (flow "${name}")`
    const ofFlow = (table: string) =>
        records.filter((record) => record.table === table && record.fields.flow === flow.sysId)
    const triggers = ofFlow('sys_hub_trigger_instance_v2')
    const [trigger] = triggers
    if (!trigger || triggers.length > 1) {
        unsupported.add('trigger', where, `a flow needs exactly one trigger instance, found ${String(triggers.length)}`)
    } else if (trigger.fields.trigger_definition !== serviceCatalogTriggerId) {
        unsupported.add(
            'trigger',
            where,
            `trigger ${trigger.fields.trigger_definition ?? ''} ("${trigger.fields.name ?? ''}") is not supported (only Service Catalog ${serviceCatalogTriggerId})`
        )
    }
    const triggerName = trigger?.fields.name ?? 'Service Catalog'
    const flowVariables = records
        .filter((record) => record.table === 'sys_hub_flow_variable' && record.fields.model === flow.sysId)
        .map((record) => record.fields.element ?? '')
    const runAs = flow.fields.run_as === 'system' ? 'system' : 'user'
    if (!['', 'user', 'system'].includes(flow.fields.run_as ?? ''))
        unsupported.add('record-table', where, `run_as "${flow.fields.run_as ?? ''}" (only user and system)`)
    const nodes: (FlowNode & { parentUiId: string })[] = []
    for (const instance of ofFlow('sys_hub_action_instance_v2')) {
        const node = buildActionNode(
            instance,
            actions,
            unsupported,
            `${where}, action #${instance.fields.order ?? '?'}`
        )
        if (node) nodes.push({ ...node, parentUiId: instance.fields.parent_ui_id ?? '' })
    }
    for (const logic of ofFlow('sys_hub_flow_logic_instance_v2')) {
        const definition = logic.fields.logic_definition ?? ''
        const kind = (Object.entries(flowLogicIds) as [LogicKind, string][]).find(
            ([, sysId]) => sysId === definition
        )?.[0]
        const logicWhere = `${where}, flow logic #${logic.fields.order ?? '?'}`
        if (!kind) {
            unsupported.add(
                'flow-logic',
                logicWhere,
                `flow logic ${definition} is not supported (supported: ${Object.entries(flowLogicIds)
                    .map(([logicName, sysId]) => `${logicName} ${sysId}`)
                    .join(', ')})`
            )
            continue
        }
        const values = decodeFlowValues(logic.fields.values ?? '')
        const inputs = readInputs(values, logicWhere, unsupported)
        const variables =
            isRecord(values) && Array.isArray(values.variables)
                ? readInputs(values.variables, logicWhere, unsupported)
                : []
        const condition = inputs.find((input) => input.name === 'condition')?.value ?? ''
        if (kind === 'if') {
            try {
                parseEncodedQuery(condition)
            } catch (error) {
                if (error instanceof EncodedQueryError) unsupported.add('flow-logic', logicWhere, error.message)
                else throw error
            }
        }
        if (kind === 'setFlowVariables') {
            for (const variable of variables) {
                if (!flowVariables.includes(variable.name))
                    unsupported.add(
                        'flow-logic',
                        logicWhere,
                        `Set Flow Variables assigns "${variable.name}", which the flow does not declare`
                    )
            }
        }
        const comment = logic.fields.comment ?? ''
        nodes.push({
            kind,
            uiId: logic.fields.ui_id ?? logic.sysId,
            sysId: logic.sysId,
            order: Number(logic.fields.order ?? 0),
            label: `${logicLabels[kind]}${kind === 'if' ? ` ${condition}` : kind === 'setFlowVariables' ? ` ${variables.map((variable) => variable.name).join(', ')}` : ''}${comment ? ` (${comment})` : ''}`,
            condition,
            variables,
            connectedTo: logic.fields.connected_to ?? '',
            children: [],
            parentUiId: logic.fields.parent_ui_id ?? '',
        })
    }
    for (const table of ['sys_hub_sub_flow_instance_v2', 'sys_hub_pill_compound']) {
        for (const record of records.filter(
            (candidate) =>
                candidate.table === table &&
                (candidate.fields.flow === flow.sysId ||
                    candidate.fields.model === flow.sysId ||
                    candidate.fields.attached_to === flow.sysId)
        )) {
            unsupported.add(
                'record-table',
                where,
                `${table} ${record.sysId} (subflows, flow variables and compound pills are not supported)`
            )
        }
    }
    const uiIds = new Set(nodes.map((node) => node.uiId))
    for (const node of nodes) {
        const parent = nodes.find((candidate) => candidate.uiId === node.parentUiId)
        if (node.parentUiId && (!uiIds.has(node.parentUiId) || parent?.kind === 'action')) {
            unsupported.add(
                'flow-logic',
                where,
                `"${node.label}" is nested under ${node.parentUiId}, which is not an If/Else of this flow`
            )
        }
    }
    const childrenOf = (parentUiId: string): FlowNode[] =>
        nodes
            .filter((node) => node.parentUiId === parentUiId)
            .sort((left, right) => left.order - right.order)
            .map(({ parentUiId: _parentUiId, ...node }): FlowNode =>
                node.kind === 'action' ? node : { ...node, children: childrenOf(node.uiId) }
            )
    for (const node of nodes) {
        if (
            node.kind !== 'action' &&
            !['if', 'else', 'try', 'catch'].includes(node.kind) &&
            nodes.some((child) => child.parentUiId === node.uiId)
        ) {
            unsupported.add(
                'flow-logic',
                where,
                `"${node.label}" has children, which only If, Else, Try and Catch may have`
            )
        }
    }
    const roots = childrenOf('')
    checkElsePlacement(roots, where, unsupported)
    checkFlowPills(roots, triggerName, where, { actions, records, flowVariables }, unsupported)
    return {
        sysId: flow.sysId,
        name,
        active: flow.fields.active === 'true',
        status: flow.fields.status ?? '',
        trigger: { sysId: trigger?.sysId ?? '', name: triggerName, pillSource: `${triggerName}_1` },
        runAs,
        flowVariables,
        nodes: roots,
        updateName: flow.updateName,
    }
}

function checkElsePlacement(nodes: FlowNode[], where: string, unsupported: UnsupportedCollector): void {
    nodes.forEach((node, index) => {
        const previous = nodes[index - 1]
        if (node.kind === 'else' && previous?.kind !== 'if')
            unsupported.add('flow-logic', where, `Else #${String(node.order)} does not follow an If`)
        if (node.kind === 'catch' && (previous?.kind !== 'try' || previous.uiId !== node.connectedTo)) {
            unsupported.add(
                'flow-logic',
                where,
                `Catch #${String(node.order)} does not follow its Try ${node.connectedTo}`
            )
        }
        if (node.kind !== 'action') checkElsePlacement(node.children, where, unsupported)
    })
}

const logicLabels: Record<LogicKind, string> = {
    if: 'If',
    else: 'Else',
    setFlowVariables: 'Set Flow Variables',
    endFlow: 'End Flow',
    try: 'Try',
    catch: 'Catch',
}

function buildActionNode(
    instance: LoadedRecord,
    actions: Map<string, CustomAction>,
    unsupported: UnsupportedCollector,
    where: string
): ActionNode | undefined {
    const actionType = instance.fields.action_type ?? ''
    const parent = instance.fields.action_type_parent ?? ''
    const builtIn = (Object.entries(builtInActionIds) as [BuiltInActionName, string][]).find(
        ([, sysId]) => sysId === actionType
    )?.[0]
    const custom = actions.get(actionType) ?? actions.get(parent)
    const values = decodeFlowValues(instance.fields.values ?? '')
    const inputs = readInputs(values, where, unsupported)
    const base = {
        kind: 'action' as const,
        uiId: instance.fields.ui_id ?? instance.sysId,
        sysId: instance.sysId,
        order: Number(instance.fields.order ?? 0),
        inputs,
    }
    if (builtIn) {
        const node: ActionNode = { ...base, label: withComment(builtInLabels[builtIn], instance), builtIn }
        if (builtIn === 'askForApproval') {
            const rules = inputs.find((input) => input.name === 'approval_conditions')?.value ?? ''
            try {
                node.approvalRules = parseApprovalRules(rules)
            } catch (error) {
                if (error instanceof ApprovalRulesError) unsupported.add('approval-rule', where, error.message)
                else throw error
            }
        }
        checkBuiltInInputs(node, where, unsupported)
        return node
    }
    if (custom) {
        const declared = new Set(custom.inputs.map((input) => input.name))
        for (const input of inputs)
            if (!declared.has(input.name))
                unsupported.add('input', where, `"${custom.name}" has no input "${input.name}"`)
        for (const input of custom.inputs) {
            if (input.mandatory && (inputs.find((candidate) => candidate.name === input.name)?.value ?? '') === '') {
                unsupported.add('input', where, `mandatory input "${input.name}" of "${custom.name}" has no value`)
            }
        }
        return { ...base, label: withComment(custom.name, instance), customActionId: custom.sysId }
    }
    unsupported.add(
        'action-type',
        where,
        `action type ${actionType} (parent ${parent}) is neither a supported built-in action nor a custom action in this update set`
    )
    return undefined
}

function withComment(label: string, instance: LoadedRecord): string {
    const comment = instance.fields.comment ?? ''
    return comment ? `${label} (${comment})` : label
}

export const builtInLabels: Record<BuiltInActionName, string> = {
    getCatalogVariables: 'Get Catalog Variables',
    lookUpRecord: 'Look Up Record',
    askForApproval: 'Ask For Approval',
    updateRecord: 'Update Record',
    waitForCondition: 'Wait For Condition',
}

const builtInInputs: Record<BuiltInActionName, { required: string[]; optional: string[] }> = {
    getCatalogVariables: { required: ['requested_item', 'template_catalog_item'], optional: ['catalog_variables'] },
    lookUpRecord: {
        required: ['table', 'conditions'],
        optional: ['sort_type', 'order_by', 'if_multiple_records_are_found_action', '__snc_dont_fail_on_error'],
    },
    askForApproval: {
        required: ['record', 'table', 'approval_conditions'],
        optional: ['approval_field', 'journal_field', 'approval_reason', 'due_date'],
    },
    updateRecord: { required: ['record', 'table_name', 'values'], optional: [] },
    waitForCondition: {
        required: ['record', 'conditions'],
        optional: ['table_name', 'timeout_flag', 'timeout_duration', 'timeout_schedule'],
    },
}

function checkBuiltInInputs(node: ActionNode, where: string, unsupported: UnsupportedCollector): void {
    if (!node.builtIn) return
    const spec = builtInInputs[node.builtIn]
    const value = (name: string) => node.inputs.find((input) => input.name === name)?.value ?? ''
    for (const input of node.inputs) {
        if (!spec.required.includes(input.name) && !spec.optional.includes(input.name)) {
            unsupported.add(
                'input',
                `${where} (${node.label})`,
                `input "${input.name}" = "${input.value}" is not supported`
            )
        }
    }
    for (const name of spec.required)
        if (value(name) === '')
            unsupported.add('input', `${where} (${node.label})`, `required input "${name}" is empty`)
    if (node.builtIn === 'waitForCondition') {
        if (value('timeout_schedule') !== '')
            unsupported.add('input', `${where} (${node.label})`, 'timeout schedules are not supported')
        if (isTrue(value('timeout_flag')) && timeoutMilliseconds(value('timeout_duration')) === undefined) {
            unsupported.add(
                'input',
                `${where} (${node.label})`,
                `timeout_duration "${value('timeout_duration')}" is not a duration (expected 1970-01-01 HH:mm:ss)`
            )
        }
        try {
            parseEncodedQuery(value('conditions'))
        } catch (error) {
            if (error instanceof EncodedQueryError) unsupported.add('input', `${where} (${node.label})`, error.message)
            else throw error
        }
    }
    if (node.builtIn === 'lookUpRecord') {
        if (!['', 'use_first_record'].includes(value('if_multiple_records_are_found_action'))) {
            unsupported.add(
                'input',
                `${where} (${node.label})`,
                `if_multiple_records_are_found_action "${value('if_multiple_records_are_found_action')}" (only use_first_record)`
            )
        }
        if (!['', 'sort_asc', 'sort_desc'].includes(value('sort_type')))
            unsupported.add('input', `${where} (${node.label})`, `sort_type "${value('sort_type')}"`)
    }
    if (node.builtIn === 'askForApproval') {
        const dueDate = value('due_date')
        if (dueDate !== '' && !/"action"\s*:\s*"none"/.test(dueDate))
            unsupported.add('input', `${where} (${node.label})`, `due dates are not supported (due_date ${dueDate})`)
    }
}

export function isTrue(value: string): boolean {
    return value === 'true' || value === '1'
}

/** A glide_duration is stored as a date-time after the epoch: `1970-01-01 01:00:00` is one hour. */
export function timeoutMilliseconds(duration: string): number | undefined {
    const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(duration.trim())
    if (!match) return undefined
    const milliseconds = Date.parse(`${match[1] ?? ''}T${match[2] ?? ''}Z`)
    return Number.isNaN(milliseconds) || milliseconds <= 0 ? undefined : milliseconds
}

function readInputs(values: unknown, where: string, unsupported: UnsupportedCollector): InputValue[] {
    const list = Array.isArray(values)
        ? values
        : isRecord(values) && Array.isArray(values.inputs)
          ? values.inputs
          : undefined
    if (!list) {
        unsupported.add('input', where, 'values are neither a list of inputs nor an object with "inputs"')
        return []
    }
    if (isRecord(values) && !Array.isArray(values)) {
        for (const key of ['outputsToAssign', 'decisionTableInputs', 'dynamicInputs', 'workflowInputs']) {
            const extra = values[key]
            if (Array.isArray(extra) && extra.length > 0)
                unsupported.add('flow-logic', where, `"${key}" in flow logic values is not supported`)
        }
    }
    const inputs: InputValue[] = []
    for (const entry of list) {
        if (!isRecord(entry) || typeof entry.name !== 'string') {
            unsupported.add('input', where, 'an input without a name')
            continue
        }
        if (entry.scriptActive === true)
            unsupported.add('input', where, `input "${entry.name}" is scripted (inline scripts are not supported)`)
        if (Array.isArray(entry.children) && entry.children.length > 0)
            unsupported.add('input', where, `input "${entry.name}" has child inputs (not supported)`)
        inputs.push({
            name: entry.name,
            value: typeof entry.value === 'string' ? entry.value : String(entry.value ?? ''),
        })
    }
    return inputs
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null
}

/** Outputs each built-in action offers to later pills; Get Catalog Variables adds the variable names. */
export const builtInOutputs: Record<BuiltInActionName, string[]> = {
    getCatalogVariables: [],
    lookUpRecord: ['Record', 'Table', 'status', 'error_message'],
    askForApproval: ['approval_state'],
    updateRecord: ['record', 'table_name'],
    waitForCondition: ['state'],
}

function checkFlowPills(
    roots: FlowNode[],
    triggerName: string,
    where: string,
    known: { actions: Map<string, CustomAction>; records: LoadedRecord[]; flowVariables: string[] },
    unsupported: UnsupportedCollector
): void {
    const available = new Map<string, Set<string>>([
        [`${triggerName}_1`, new Set(['request_item', 'table_name'])],
        ['flow_variable', new Set(known.flowVariables)],
    ])
    const visit = (nodes: FlowNode[]) => {
        for (const node of nodes) {
            const context = `${where}, ${node.label} (#${String(node.order)})`
            // A due date with action "none" carries an empty placeholder pill that is never resolved.
            const values =
                node.kind === 'action'
                    ? node.inputs
                          .filter((input) => !(node.builtIn === 'askForApproval' && input.name === 'due_date'))
                          .map((input) => input.value)
                    : [node.condition, ...node.variables.map((variable) => variable.value)]
            for (const value of values) {
                for (const pill of findDataPills(value)) {
                    if (pill.source === 'static' && node.kind === 'action' && node.builtIn === 'askForApproval')
                        continue
                    const outputs = available.get(pill.source)
                    const [output] = pill.path
                    if (!outputs)
                        unsupported.add(
                            'data-pill',
                            context,
                            `{{${pill.text}}}: "${pill.source}" is not the trigger or an earlier action of this flow`
                        )
                    else if (!output || !outputs.has(output))
                        unsupported.add(
                            'data-pill',
                            context,
                            `{{${pill.text}}}: "${pill.source}" has no output "${output ?? ''}"`
                        )
                }
            }
            if (node.kind === 'action') {
                const outputs = node.builtIn
                    ? [
                          ...builtInOutputs[node.builtIn],
                          ...catalogVariableNames(node, known.records, context, unsupported),
                      ]
                    : (known.actions.get(node.customActionId ?? '')?.outputs.map((output) => output.name) ?? [])
                available.set(node.uiId, new Set(outputs))
            } else {
                visit(node.children)
            }
        }
    }
    visit(roots)
}

// Get Catalog Variables outputs one value per listed variable, named after the variable.
function catalogVariableNames(
    node: ActionNode,
    records: LoadedRecord[],
    where: string,
    unsupported: UnsupportedCollector
): string[] {
    if (node.builtIn !== 'getCatalogVariables') return []
    return catalogVariableIds(node).flatMap((sysId) => {
        const variable = records.find((record) => record.table === 'item_option_new' && record.sysId === sysId)
        if (!variable) {
            unsupported.add(
                'missing-record',
                where,
                `catalog variable item_option_new ${sysId} is read by the flow but is not in the update set`
            )
            return []
        }
        return [variable.fields.name ?? '']
    })
}

export function catalogVariableIds(node: ActionNode): string[] {
    const listed = node.inputs.find((input) => input.name === 'catalog_variables')?.value ?? ''
    return listed
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry) => entry.split(':')[0] ?? '')
}
