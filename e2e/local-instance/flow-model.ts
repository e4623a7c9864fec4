// Builds runnable flows and custom actions from the Flow Designer view of an update set (the
// update-set library's typed records), and records (in the collector) every record, action type,
// step type, setting or data pill the runner would not know how to execute.
import type {
    ActionInstance,
    ActionType,
    BuiltInActionName,
    FlowDesignerView,
    FlowInput,
    FlowRecord,
    FlowValues,
    LogicKind,
    ApprovalRuleSet,
    FlowGraph,
} from '../../scripts/lib/update-set/index'
import {
    BUILT_IN_ACTIONS,
    FLOW_DESIGNER_TABLES,
    FLOW_LOGIC,
    platformKey,
    STEP_TYPE_INPUTS,
    STEP_TYPES,
    TRIGGERS,
    findDataPills,
    singlePill,
    ApprovalRulesError,
    parseApprovalRules,
    EncodedQueryError,
    parseEncodedQuery,
    removesRecords,
} from '../../scripts/lib/update-set/index'
import type { LoadedRecord } from './payload-record'
import type { UnsupportedCollector } from './unsupported'

export type { BuiltInActionName, LogicKind }

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
    /** The type of each data pill in its inputs, as its flow's label_cache records it (pill text -> type). */
    pillTypes: Record<string, string>
    approvalRules?: ApprovalRuleSet[]
}

export interface LogicNode {
    /** Flow logic, or `subflow`: a step calling a subflow, whose children are the subflow's steps. */
    kind: LogicKind | 'subflow'
    uiId: string
    sysId: string
    order: number
    label: string
    /** If: the encoded condition. */
    condition: string
    /** Set Flow Variables, Assign Subflow Outputs, a subflow call's inputs: name -> value (with pills). */
    variables: InputValue[]
    /** A subflow call: the subflow's sys_id. */
    subflowSysId?: string
    /** Catch: the ui_id of its Try. */
    connectedTo: string
    children: FlowNode[]
}

export type FlowNode = ActionNode | LogicNode

export interface FlowDefinition {
    sysId: string
    name: string
    /** A subflow runs only as a step of a flow, with inputs (pills `subflow.<input>`) and outputs. */
    type: 'flow' | 'subflow'
    /** A subflow's inputs (a reference input with its table) and output names. */
    inputs: { name: string; reference: string }[]
    outputs: string[]
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
    /** Each flow's diagram (by flow sys_id), drawn by the update-set library for the flow log. */
    graphs: ReadonlyMap<string, FlowGraph>
}

/** Tables the model reads. Anything else under sys_hub_* is decided by the loader's table lists. */
export const flowDefinitionTables = FLOW_DESIGNER_TABLES

/**
 * `records` are every record of the set (for the catalog variables a flow reads and the tables
 * the runner refuses); the flows and actions come from the view.
 */
export function buildFlowCatalog(
    view: FlowDesignerView,
    records: LoadedRecord[],
    unsupported: UnsupportedCollector,
    graphs: ReadonlyMap<string, FlowGraph> = new Map()
): FlowCatalog {
    const live = records.filter((record) => !removesRecords(record))
    const actions = new Map<string, CustomAction>()
    for (const definition of view.actionTypes.filter((action) => action.action === 'INSERT_OR_UPDATE')) {
        actions.set(definition.sysId, buildCustomAction(definition, unsupported))
    }
    const flows = view.flows
        .filter((record) => record.action === 'INSERT_OR_UPDATE')
        .map((flow) => buildFlow(flow, view, live, actions, unsupported))
    linkSubflows(flows, unsupported)
    return { flows, actions, graphs }
}

function buildCustomAction(definition: ActionType, unsupported: UnsupportedCollector): CustomAction {
    const name = definition.name || definition.sysId
    const where = `${definition.updateName} (action "${name}")`
    const inputs = definition.inputs.map((input) => ({
        name: input.element,
        label: input.label,
        mandatory: input.mandatory,
    }))
    const steps = definition.steps.flatMap((step): ScriptStep[] => {
        const stepWhere = `${where}, step "${step.label}"`
        if (step.stepType !== STEP_TYPES.script.sysId) {
            const known = platformKey(STEP_TYPES, step.stepType)
            unsupported.add(
                'step-type',
                stepWhere,
                `${known ? STEP_TYPES[known].label : 'step type'} ${step.stepType} is not supported (only the Script step ${STEP_TYPES.script.sysId} runs here)`
            )
            return []
        }
        if (!['', '1'].includes(step.errorHandlingType)) {
            unsupported.add(
                'step-setting',
                stepWhere,
                `error_handling_type "${step.errorHandlingType}" (only stop-the-action, 1, is supported)`
            )
        }
        const inputMappings = [...step.inputMappings]
        let script = ''
        for (const { variable, value } of step.variableValues) {
            // A fixed value of a script input (e.g. the alias sys_id) is a value of that input variable.
            const staticInput = step.inputs.find((input) => input.sysId === variable)
            if (staticInput) inputMappings.push({ name: staticInput.element, value })
            else if (variable === STEP_TYPE_INPUTS.scriptScript.sysId) script = value
            else if (variable === STEP_TYPE_INPUTS.scriptRequiredRunTime.sysId) {
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
                    `script step variable ${variable} = "${value}" is not understood`
                )
            }
        }
        if (script.trim() === '') unsupported.add('step-setting', stepWhere, 'the script step has no script')
        const declaredNames = step.inputs.map((input) => input.element)
        for (const mapping of inputMappings) {
            if (!declaredNames.includes(mapping.name))
                unsupported.add('input', stepWhere, `input "${mapping.name}" is mapped but not declared`)
        }
        return [
            {
                sysId: step.sysId,
                cid: step.cid,
                label: step.label,
                order: step.order,
                script,
                inputs: inputMappings,
                outputs: step.outputs,
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
    const outputs = definition.outputs.filter((mapping) => !mapping.name.startsWith('__'))
    for (const output of outputs) checkActionPill(output.value, `${where}, output "${output.name}"`)
    return { sysId: definition.sysId, name, updateName: definition.updateName, inputs, outputs, steps }
}

function buildFlow(
    flow: FlowRecord,
    view: FlowDesignerView,
    records: LoadedRecord[],
    actions: Map<string, CustomAction>,
    unsupported: UnsupportedCollector
): FlowDefinition {
    const name = flow.name || flow.sysId
    const where = `${flow.updateName} (flow "${name}")`
    const ofFlow = <Element extends { flow: string }>(elements: Element[]) =>
        elements.filter((element) => element.flow === flow.sysId)
    const triggers = ofFlow(view.triggers)
    const [trigger] = triggers
    const serviceCatalog = TRIGGERS.serviceCatalog
    const isSubflow = flow.type === 'subflow'
    if (!['flow', 'subflow'].includes(flow.type))
        unsupported.add('record-table', where, `sys_hub_flow type "${flow.type}" (only flow and subflow)`)
    if (isSubflow) {
        if (triggers.length > 0) unsupported.add('trigger', where, 'a subflow has no trigger: it runs as a flow step')
    } else if (!trigger || triggers.length > 1) {
        unsupported.add('trigger', where, `a flow needs exactly one trigger instance, found ${String(triggers.length)}`)
    } else if (trigger.definition !== serviceCatalog.sysId) {
        unsupported.add(
            'trigger',
            where,
            `trigger ${trigger.definition} ("${trigger.name}") is not supported (only ${serviceCatalog.label} ${serviceCatalog.sysId})`
        )
    }
    const triggerName = trigger?.name ?? serviceCatalog.label
    const flowVariables = ofFlow(view.flowVariables).map((variable) => variable.element)
    const inputPorts = isSubflowRecord(flow) ? ofFlow(view.flowInputs) : []
    const outputNames = isSubflowRecord(flow) ? ofFlow(view.flowOutputs).map((output) => output.element) : []
    const runAs = flow.runAs === 'system' ? 'system' : 'user'
    if (!['', 'user', 'system'].includes(flow.runAs))
        unsupported.add('record-table', where, `run_as "${flow.runAs}" (only user and system)`)
    const nodes: (FlowNode & { parentUiId: string })[] = []
    for (const instance of ofFlow(view.actionInstances)) {
        const node = buildActionNode(
            instance,
            flow.pillTypes,
            actions,
            unsupported,
            `${where}, action #${String(instance.order)}`
        )
        if (node) nodes.push({ ...node, parentUiId: instance.parentUiId })
    }
    for (const logic of ofFlow(view.logicInstances)) {
        const kind = platformKey(FLOW_LOGIC, logic.definition)
        const logicWhere = `${where}, flow logic #${String(logic.order)}`
        if (!kind) {
            unsupported.add(
                'flow-logic',
                logicWhere,
                `flow logic ${logic.definition} is not supported (supported: ${Object.entries(FLOW_LOGIC)
                    .map(([logicName, { sysId }]) => `${logicName} ${sysId}`)
                    .join(', ')})`
            )
            continue
        }
        checkUnmodelled(logic, logicWhere, unsupported)
        const inputs = readInputs(logic.inputs, logicWhere, unsupported)
        const variables = readInputs(logic.variables, logicWhere, unsupported)
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
        const subflowOutputs = readInputs(logic.outputsToAssign, logicWhere, unsupported)
        if (kind === 'assignSubflowOutputs') {
            if (!isSubflow) unsupported.add('flow-logic', logicWhere, 'Assign Subflow Outputs outside a subflow')
            for (const output of subflowOutputs) {
                if (!outputNames.includes(output.name))
                    unsupported.add(
                        'flow-logic',
                        logicWhere,
                        `Assign Subflow Outputs assigns "${output.name}", which the subflow does not declare`
                    )
            }
        }
        const comment = logic.comment
        nodes.push({
            kind,
            uiId: logic.uiId,
            sysId: logic.sysId,
            order: logic.order,
            label: `${FLOW_LOGIC[kind].label}${kind === 'if' ? ` ${condition}` : kind === 'setFlowVariables' ? ` ${variables.map((variable) => variable.name).join(', ')}` : ''}${comment ? ` (${comment})` : ''}`,
            condition,
            variables: kind === 'assignSubflowOutputs' ? subflowOutputs : variables,
            connectedTo: logic.connectedTo,
            children: [],
            parentUiId: logic.parentUiId,
        })
    }
    for (const instance of ofFlow(view.subflowInstances)) {
        const callWhere = `${where}, subflow step #${String(instance.order)}`
        if (instance.problem) unsupported.add('input', callWhere, instance.problem)
        if (!instance.waitForCompletion)
            unsupported.add(
                'flow-logic',
                callWhere,
                'wait_for_completion is false (only a caller that waits for its subflow is supported)'
            )
        if (isSubflow) unsupported.add('flow-logic', callWhere, 'a subflow calling another subflow is not supported')
        const called = view.flows.find((candidate) => candidate.sysId === instance.subflow)
        nodes.push({
            kind: 'subflow',
            uiId: instance.uiId,
            sysId: instance.sysId,
            order: instance.order,
            label: `Subflow ${called?.name || instance.subflow}${instance.comment ? ` (${instance.comment})` : ''}`,
            condition: '',
            variables: readInputs(instance.inputs, callWhere, unsupported),
            subflowSysId: instance.subflow,
            connectedTo: '',
            children: [],
            parentUiId: instance.parentUiId,
        })
    }
    for (const table of ['sys_hub_pill_compound']) {
        for (const record of records.filter(
            (candidate) =>
                candidate.table === table &&
                (candidate.fields.flow === flow.sysId ||
                    candidate.fields.model === flow.sysId ||
                    candidate.fields.attached_to === flow.sysId)
        )) {
            unsupported.add('record-table', where, `${table} ${record.sysId} (compound pills are not supported)`)
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
    const subflowOutputsOf = (subflowSysId: string) =>
        view.flowOutputs.filter((output) => output.flow === subflowSysId).map((output) => output.element)
    checkFlowPills(
        roots,
        isSubflow ? undefined : triggerName,
        where,
        { actions, records, flowVariables, subflowInputs: inputPorts.map((input) => input.element), subflowOutputsOf },
        unsupported
    )
    return {
        sysId: flow.sysId,
        name,
        type: isSubflow ? 'subflow' : 'flow',
        inputs: inputPorts.map((input) => ({ name: input.element, reference: input.reference })),
        outputs: outputNames,
        active: flow.active,
        status: flow.status,
        trigger: { sysId: trigger?.sysId ?? '', name: triggerName, pillSource: `${triggerName}_1` },
        runAs,
        flowVariables,
        nodes: roots,
        updateName: flow.updateName,
    }
}

function isSubflowRecord(flow: FlowRecord): boolean {
    return flow.type === 'subflow'
}

/**
 * A subflow step's children are the subflow's own steps, run in the caller's run (its log nested
 * under the step, its waits the caller's waits). A step naming no subflow of the set is refused.
 */
function linkSubflows(flows: FlowDefinition[], unsupported: UnsupportedCollector): void {
    const visit = (flow: FlowDefinition, nodes: FlowNode[]) => {
        for (const node of nodes) {
            if (node.kind === 'action') continue
            if (node.kind !== 'subflow') {
                visit(flow, node.children)
                continue
            }
            const subflow = flows.find((candidate) => candidate.sysId === node.subflowSysId)
            const where = `${flow.updateName} (flow "${flow.name}"), ${node.label} (#${String(node.order)})`
            if (!subflow || subflow.type !== 'subflow') {
                unsupported.add(
                    'missing-record',
                    where,
                    `subflow ${node.subflowSysId ?? ''} is not a subflow of the update set`
                )
                continue
            }
            for (const input of node.variables) {
                if (!subflow.inputs.some((declared) => declared.name === input.name))
                    unsupported.add(
                        'input',
                        where,
                        `input "${input.name}" is not an input of subflow "${subflow.name}"`
                    )
            }
            node.children = subflow.nodes
        }
    }
    for (const flow of flows) visit(flow, flow.nodes)
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

function buildActionNode(
    instance: ActionInstance,
    flowPillTypes: ReadonlyMap<string, string>,
    actions: Map<string, CustomAction>,
    unsupported: UnsupportedCollector,
    where: string
): ActionNode | undefined {
    const { actionType, actionTypeParent: parent } = instance
    const builtIn = platformKey(BUILT_IN_ACTIONS, actionType)
    const custom = actions.get(actionType) ?? actions.get(parent)
    checkUnmodelled(instance, where, unsupported)
    const inputs = readInputs(instance.inputs, where, unsupported)
    const pillTypes: Record<string, string> = {}
    for (const input of inputs)
        for (const pill of findDataPills(input.value)) {
            const type = flowPillTypes.get(pill.text)
            if (type !== undefined) pillTypes[pill.text] = type
        }
    const base = {
        kind: 'action' as const,
        uiId: instance.uiId,
        sysId: instance.sysId,
        order: instance.order,
        inputs,
        pillTypes,
    }
    if (builtIn) {
        const node: ActionNode = { ...base, label: withComment(BUILT_IN_ACTIONS[builtIn].label, instance), builtIn }
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

function withComment(label: string, instance: ActionInstance): string {
    return instance.comment ? `${label} (${instance.comment})` : label
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
    fireEvent: { required: ['event_name', 'record'], optional: ['table', 'parm1', 'parm2'] },
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
        // A data pill (a computed duration) is checked when the wait starts, with its value.
        if (
            isTrue(value('timeout_flag')) &&
            !singlePill(value('timeout_duration')) &&
            timeoutMilliseconds(value('timeout_duration')) === undefined
        ) {
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
    if (node.builtIn === 'askForApproval' && value('due_date') !== '') {
        const dueDate = parseApprovalDueDate(value('due_date'))
        if (typeof dueDate === 'string') unsupported.add('input', `${where} (${node.label})`, dueDate)
    }
}

/** What Ask For Approval does when its due date passes with approvals still requested. */
export type ApprovalDueAction = 'approve' | 'reject' | 'cancel'

/**
 * Ask For Approval's due_date (a schedule_date_time: JSON as `wfa.approvalDueDate` writes it), read as
 * the SDK documents it (docs/api/flow/action-api.md): `relative` = the due date is `date`, a date-time
 * or a date-time pill; `actual` = `duration` `duration_type` counted from when the approval is asked
 * (its `date` is a placeholder and is not read).
 */
export type ApprovalDueDate =
    | { action: ApprovalDueAction | 'none'; kind: 'date'; date: string }
    | { action: ApprovalDueAction; kind: 'from-now'; milliseconds: number; duration: string }

/** The approval state an approval still requested at its due date gets. */
export const dueActionState: Record<ApprovalDueAction, 'approved' | 'rejected' | 'cancelled'> = {
    approve: 'approved',
    reject: 'rejected',
    cancel: 'cancelled',
}

/** The fixed-length units of an `actual` due date; months, quarters and years vary and are refused. */
const DUE_UNIT_MILLISECONDS: Record<string, number> = {
    seconds: 1_000,
    minutes: 60_000,
    hours: 3_600_000,
    days: 86_400_000,
    weeks: 604_800_000,
}

/**
 * Reads a due date, or says what the local instance does not run: a business-hours schedule (it has
 * no schedules), a calendar unit of varying length, or an action without its date or duration.
 * Action none only records the date.
 */
export function parseApprovalDueDate(text: string): ApprovalDueDate | string {
    let parsed: unknown
    try {
        parsed = JSON.parse(text)
    } catch {
        return `due_date ${text} is not JSON (as wfa.approvalDueDate writes it)`
    }
    const raw = (name: string): unknown => (parsed as Record<string, unknown> | null)?.[name]
    const field = (name: string): string => {
        const value = raw(name)
        return typeof value === 'string' ? value : ''
    }
    const action = field('action')
    if (!['none', 'approve', 'reject', 'cancel'].includes(action))
        return `due_date action "${action}" is not none, approve, reject or cancel`
    // The placeholder a due date without a date carries ("{}", or "{{}}" as the UI writes it).
    const date = ['{}', '{{}}'].includes(field('date')) ? '' : field('date')
    if (action === 'none') return { action: 'none', kind: 'date', date }
    if (field('schedule') !== '')
        return `due_date schedule "${field('schedule')}" is not supported (the local instance has no business-hours schedules)`
    const dueAction = action as ApprovalDueAction
    if (field('date_type') === 'relative') {
        if (date === '')
            return `due_date with date_type "relative" and action "${action}" has no date: give the due date-time or a date-time pill`
        if (!singlePill(date) && glideDateTimeMilliseconds(date) === undefined)
            return `due_date date "${date}" is not a date-time (expected YYYY-MM-DD HH:mm:ss) or a data pill`
        return { action: dueAction, kind: 'date', date }
    }
    if (field('date_type') === 'actual') {
        const unit = field('duration_type')
        const count = Number(raw('duration'))
        const unitMilliseconds = DUE_UNIT_MILLISECONDS[unit]
        if (unitMilliseconds === undefined)
            return `due_date duration_type "${unit}" is not supported with date_type "actual" (seconds, minutes, hours, days or weeks)`
        if (!Number.isFinite(count) || count <= 0)
            return `due_date duration ${JSON.stringify(raw('duration'))} with date_type "actual" is not a number above 0`
        return {
            action: dueAction,
            kind: 'from-now',
            milliseconds: count * unitMilliseconds,
            duration: `${count} ${unit}`,
        }
    }
    return `due_date date_type "${field('date_type')}" is not "relative" (a date-time or a date-time pill) or "actual" (a duration from now)`
}

/** A glide_date_time value (`YYYY-MM-DD HH:mm:ss`, UTC) as epoch milliseconds. */
export function glideDateTimeMilliseconds(value: string): number | undefined {
    const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim())
    if (!match) return undefined
    const milliseconds = Date.parse(`${match[1] ?? ''}T${match[2] ?? ''}Z`)
    return Number.isNaN(milliseconds) ? undefined : milliseconds
}

export function isTrue(value: string): boolean {
    return value === 'true' || value === '1'
}

/**
 * A glide_duration's value is the date-time that long after the epoch, UTC: `1970-01-01 01:00:00` is
 * one hour, `1970-01-03 03:30:00` two days, three hours and thirty minutes (days roll into the date,
 * hours stay 00-23). Undefined for anything else, an impossible date-time included.
 */
export function glideDurationMilliseconds(value: string): number | undefined {
    const milliseconds = glideDateTimeMilliseconds(value)
    if (milliseconds === undefined || milliseconds < 0) return undefined
    // Date.parse rolls 1970-02-30 over to March: only a value that formats back to itself is one.
    const formatted = new Date(milliseconds).toISOString().replace('T', ' ').slice(0, 19)
    return formatted === value.trim() ? milliseconds : undefined
}

/** A Wait For Condition timeout: a glide_duration above zero. */
export function timeoutMilliseconds(duration: string): number | undefined {
    const milliseconds = glideDurationMilliseconds(duration)
    return milliseconds === undefined || milliseconds <= 0 ? undefined : milliseconds
}

function checkUnmodelled(values: FlowValues, where: string, unsupported: UnsupportedCollector): void {
    for (const key of values.unmodelled)
        unsupported.add('flow-logic', where, `"${key}" in flow logic values is not supported`)
}

function readInputs(list: FlowInput[], where: string, unsupported: UnsupportedCollector): InputValue[] {
    return list.map((input) => {
        if (input.scripted)
            unsupported.add('input', where, `input "${input.name}" is scripted (inline scripts are not supported)`)
        if (input.hasChildren) unsupported.add('input', where, `input "${input.name}" has child inputs (not supported)`)
        return { name: input.name, value: input.value }
    })
}

/** Outputs each built-in action offers to later pills; Get Catalog Variables adds the variable names. */
export const builtInOutputs: Record<BuiltInActionName, string[]> = {
    getCatalogVariables: [],
    lookUpRecord: ['Record', 'Table', 'status', 'error_message'],
    askForApproval: ['approval_state'],
    updateRecord: ['record', 'table_name'],
    waitForCondition: ['state'],
    fireEvent: [],
}

function checkFlowPills(
    roots: FlowNode[],
    triggerName: string | undefined,
    where: string,
    known: {
        actions: Map<string, CustomAction>
        records: LoadedRecord[]
        flowVariables: string[]
        /** In a subflow: its inputs (pills `subflow.<input>`). */
        subflowInputs: string[]
        subflowOutputsOf(subflowSysId: string): string[]
    },
    unsupported: UnsupportedCollector
): void {
    const available = new Map<string, Set<string>>([
        triggerName === undefined
            ? ['subflow', new Set(known.subflowInputs)]
            : [`${triggerName}_1`, new Set(['request_item', 'table_name'])],
        ['flow_variable', new Set(known.flowVariables)],
    ])
    const visit = (nodes: FlowNode[]) => {
        for (const node of nodes) {
            const context = `${where}, ${node.label} (#${String(node.order)})`
            // A due date's pills are in its date only (a placeholder "{{}}", or an "actual" due date's unread date, is no pill).
            const values =
                node.kind === 'action'
                    ? node.inputs.map((input) => {
                          if (!(node.builtIn === 'askForApproval' && input.name === 'due_date')) return input.value
                          const dueDate = parseApprovalDueDate(input.value)
                          return typeof dueDate === 'string' || dueDate.kind === 'from-now' ? '' : dueDate.date
                      })
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
            } else if (node.kind === 'subflow') {
                // Its steps' pills are checked with the subflow; the caller sees its outputs.
                available.set(node.uiId, new Set(known.subflowOutputsOf(node.subflowSysId ?? '')))
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
