/**
 * Corpus sets holding Flow Designer flows: today's storage (sys_hub_*_v2, values as JSON or
 * gzip+base64), the 2018 storage (sys_hub_trigger_instance, sys_hub_action_instance,
 * sys_hub_flow_logic with their inputs in sys_variable_value), and events a flow fires.
 */
import type { Fields, Update } from './export-writer.ts'
import { BUILT_IN_ACTIONS, FLOW_LOGIC, STEP_TYPE_INPUTS, STEP_TYPES } from '../../../lib/update-set/index.ts'
import { exportXml, flowValues, id, input, recordXml, ref, single, uiId } from './export-writer.ts'

const named = ({ sysId, label }: { sysId: string; label: string }) => ({ sysId, name: label })

/** Platform records a flow points at: the library's catalogue knows the first few; the others are named only by display_value. */
export const PLATFORM = {
    lookUpRecord: named(BUILT_IN_ACTIONS.lookUpRecord),
    updateRecord: named(BUILT_IN_ACTIONS.updateRecord),
    fireEvent: named(BUILT_IN_ACTIONS.fireEvent),
    if: named(FLOW_LOGIC.if),
    else: named(FLOW_LOGIC.else),
    lookUpRecords: { sysId: id('platform action look up records'), name: 'Look Up Records' },
    sendEmail: { sysId: id('platform action send email'), name: 'Send Email' },
    log: { sysId: id('platform action log'), name: 'Log' },
    createRecord: { sysId: id('platform action create record'), name: 'Create Record' },
    sendNotification: { sysId: id('platform action send notification'), name: 'Send Notification' },
    elseIf: { sysId: id('platform logic else if'), name: 'Else If' },
    forEach: { sysId: id('platform logic for each'), name: 'For Each' },
    triggerUpdated: { sysId: id('platform trigger updated'), name: 'Updated' },
    triggerCreated: { sysId: id('platform trigger created'), name: 'Created' },
    triggerDaily: { sysId: id('platform trigger daily'), name: 'Daily' },
    scriptStep: { sysId: STEP_TYPES.script.sysId, name: 'Script' },
    scriptStepScript: { sysId: STEP_TYPE_INPUTS.scriptScript.sysId, name: 'script' },
} as const

/** An action whose definition neither the set nor any catalogue names: explain may only show its sys_id. */
export const UNNAMED_ACTION = id('an action nobody named')

/** A long HTML body with links, as a Send Email step or a notification carries one. */
export function htmlBody(title: string, paragraphs: number): string {
    const rows = Array.from(
        { length: paragraphs },
        (_, index) =>
            `<p style="font-family: Arial, sans-serif; font-size: 10pt; color: #333333;">Paragraph ${String(index + 1)} of the ${title} message: the assignee has been asked to review the record, confirm the impact with the caller and record what was done in the work notes before the next review.</p>`
    ).join('\n')
    return `<div style="background-color: #f4f4f4; padding: 12px;">
<h2 style="font-family: Arial, sans-serif;">${title}</h2>
${rows}
<p><a href="https://example.service-now.com/nav_to.do?uri=incident.do">Open the incident</a> · <a href="https://example.service-now.com/sp?id=kb_article&amp;sysparm_article=KB0010042">Escalation guide</a></p>
<p style="font-size: 8pt; color: #999999;">You receive this message because you are on the escalation rota. <a href="mailto:servicedesk@example.com">Contact the service desk</a></p>
</div>`
}

interface Step {
    key: string
    table: 'sys_hub_action_instance_v2' | 'sys_hub_flow_logic_instance_v2'
    definition: { sysId: string; name?: string }
    order: number
    parent?: string
    comment?: string
    values: unknown
    encoding?: 'json' | 'gzip'
}

function stepRecord(flowId: string, flowName: string, step: Step): string {
    const sysId = id(`${flowName} step ${step.key}`)
    const definition = step.definition.name
        ? ref(step.definition.sysId, step.definition.name)
        : { value: step.definition.sysId }
    const common: Fields = {
        comment: step.comment ?? '',
        display_text: '',
        flow: ref(flowId, flowName),
        generation_source: '',
        order: String(step.order),
        parent_ui_id: step.parent ? uiId(`${flowName} ${step.parent}`) : '',
        ui_id: uiId(`${flowName} ${step.key}`),
        updation_source: '',
        values: flowValues(step.values, step.encoding),
    }
    return step.table === 'sys_hub_action_instance_v2'
        ? recordXml(step.table, sysId, {
              ...common,
              action_type: definition,
              action_type_parent: definition,
              active: 'true',
          })
        : recordXml(step.table, sysId, { ...common, connected_to: '', logic_definition: definition })
}

function flowFields(name: string, description: string, extra: Fields = {}): Fields {
    return {
        access: 'public',
        active: 'true',
        annotation: '',
        callable_by_client_api: 'false',
        copied_from: '',
        description,
        internal_name: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
        label_cache: '',
        name,
        natlang: '',
        outputs: '',
        remote_trigger_id: '',
        run_as: 'system',
        run_with_roles: '',
        sc_callable: 'false',
        show_draft_actions: 'false',
        show_triggered_flows: 'false',
        status: 'published',
        sys_domain: ref('global', 'global'),
        sys_domain_path: '/',
        type: 'flow',
        version: '5',
        ...extra,
    }
}

const pill = (flowName: string, step: string, path: string) => `{{${uiId(`${flowName} ${step}`)}.${path}}}`

/** A custom action defined in the set (a script step), called by a step that does not name it. */
function pauseSlaAction(): { sysId: string; update: Update } {
    const sysId = id('custom action pause sla')
    const stepId = id('custom action pause sla step')
    const inputId = id('custom action pause sla input')
    return {
        sysId,
        update: {
            name: `sys_hub_action_type_definition_${sysId}`,
            collection: 'sys_hub_action_type_definition',
            targetName: 'Pause SLA',
            type: 'Action Type',
            records: [
                recordXml('sys_hub_action_type_definition', sysId, {
                    access: 'public',
                    active: 'true',
                    annotation: '',
                    category: '',
                    description: 'Pauses one task SLA and notes why.',
                    internal_name: 'pause_sla',
                    name: 'Pause SLA',
                    state: 'published',
                    system_level: 'false',
                }),
                recordXml(
                    'sys_hub_action_input',
                    inputId,
                    {
                        element: 'task_sla',
                        internal_type: ref('reference', 'Reference'),
                        label: 'Task SLA',
                        mandatory: 'true',
                        model: ref(sysId, 'Pause SLA'),
                        name: `var__m_sys_hub_action_input_${sysId}`,
                        reference: 'task_sla',
                    },
                    { updateName: `var__m_sys_hub_action_input_${sysId}_task_sla` }
                ),
                recordXml('sys_hub_step_instance', stepId, {
                    action: ref(sysId, 'Pause SLA'),
                    cid: 'a1b2c3d4',
                    error_handling_type: '1',
                    label: 'Pause the SLA',
                    order: '1',
                    step_type: ref(PLATFORM.scriptStep.sysId, PLATFORM.scriptStep.name),
                }),
                recordXml('sys_variable_value', id('custom action pause sla script'), {
                    document: 'sys_hub_step_instance',
                    document_key: stepId,
                    order: '100',
                    value: "(function execute(inputs, outputs) {\n    var sla = inputs.task_sla;\n    sla.stage = 'paused';\n    sla.update();\n})(inputs, outputs);",
                    variable: ref(PLATFORM.scriptStepScript.sysId, PLATFORM.scriptStepScript.name),
                }),
            ],
        },
    }
}

/** Today's storage: a record trigger, nested If / Else If / Else / For Each, named and unnamed actions. */
export function flowTodaySet(): string {
    const name = 'Escalate Stale Critical Incidents'
    const flowId = id(`flow ${name}`)
    const snapshotId = id(`flow ${name} snapshot`)
    const trigger = 'Updated_1'
    const action = pauseSlaAction()
    const steps: Step[] = [
        {
            key: 'group',
            table: 'sys_hub_action_instance_v2',
            definition: { ...PLATFORM.lookUpRecord, name: PLATFORM.lookUpRecord.name },
            order: 1,
            comment: 'Find the service desk',
            values: [
                input('table', 'sys_user_group'),
                input('conditions', 'name=Service Desk^active=true^EQ'),
                input('sort_type', 'sort_asc'),
                input('if_multiple_records_are_found_action', 'use_first_record'),
            ],
        },
        {
            key: 'slas',
            table: 'sys_hub_action_instance_v2',
            definition: PLATFORM.lookUpRecords,
            order: 2,
            values: [
                input('table', 'task_sla'),
                input('conditions', `task=${`{{${trigger}.current.sys_id}}`}^stage=in_progress^EQ`),
                input('max_results', '50'),
            ],
            encoding: 'gzip',
        },
        {
            key: 'if unassigned',
            table: 'sys_hub_flow_logic_instance_v2',
            definition: PLATFORM.if,
            order: 3,
            values: {
                inputs: [
                    input('condition_name', 'Still unassigned'),
                    input('condition', `{{${trigger}.current.assigned_to}}ISEMPTY^EQ`),
                ],
                outputsToAssign: [],
                variables: [],
            },
        },
        {
            key: 'assign',
            table: 'sys_hub_action_instance_v2',
            definition: PLATFORM.updateRecord,
            order: 4,
            parent: 'if unassigned',
            values: [
                input('record', `{{${trigger}.current}}`),
                input('table_name', 'incident'),
                input('values', `assignment_group=${pill(name, 'group', 'Record')}^urgency=1^impact=1^EQ`),
            ],
        },
        {
            key: 'email',
            table: 'sys_hub_action_instance_v2',
            definition: PLATFORM.sendEmail,
            order: 5,
            parent: 'if unassigned',
            values: [
                input('ah_to', `{{${trigger}.current.caller_id.email}}`),
                input('ah_cc', ''),
                input('ah_subject', `Incident {{${trigger}.current.number}} escalated to the service desk`),
                input('ah_body', htmlBody('escalation', 12)),
            ],
        },
        {
            key: 'else if on hold',
            table: 'sys_hub_flow_logic_instance_v2',
            definition: PLATFORM.elseIf,
            order: 6,
            values: {
                inputs: [
                    input('condition_name', 'On hold'),
                    input('condition', `{{${trigger}.current.state}}=3^{{${trigger}.current.hold_reason}}!=1^EQ`),
                ],
                outputsToAssign: [],
                variables: [],
            },
        },
        {
            key: 'log',
            table: 'sys_hub_action_instance_v2',
            definition: PLATFORM.log,
            order: 7,
            parent: 'else if on hold',
            values: [
                input('log_level', 'info'),
                input('log_message', `Incident {{${trigger}.current.number}} is on hold at priority 1`),
            ],
        },
        {
            key: 'else',
            table: 'sys_hub_flow_logic_instance_v2',
            definition: PLATFORM.else,
            order: 8,
            values: { inputs: [], outputsToAssign: [], variables: [] },
        },
        {
            key: 'each sla',
            table: 'sys_hub_flow_logic_instance_v2',
            definition: PLATFORM.forEach,
            order: 9,
            parent: 'else',
            values: { inputs: [input('items', pill(name, 'slas', 'Records'))], outputsToAssign: [], variables: [] },
        },
        {
            key: 'pause',
            table: 'sys_hub_action_instance_v2',
            definition: { sysId: action.sysId },
            order: 10,
            parent: 'each sla',
            values: [input('task_sla', pill(name, 'each sla', 'item'))],
        },
        {
            key: 'task',
            table: 'sys_hub_action_instance_v2',
            definition: PLATFORM.createRecord,
            order: 11,
            comment: 'Follow-up task',
            values: [
                input('table_name', 'incident_task'),
                input(
                    'values',
                    `incident={{${trigger}.current}}^short_description=Review the escalation^state=1^priority=2^EQ`
                ),
            ],
        },
        {
            key: 'unnamed',
            table: 'sys_hub_action_instance_v2',
            definition: { sysId: UNNAMED_ACTION },
            order: 12,
            values: [input('record', `{{${trigger}.current}}`)],
        },
    ]
    const flowRecords = [
        recordXml(
            'sys_hub_flow',
            flowId,
            flowFields(name, 'Escalates priority 1 incidents nobody has picked up.', {
                master_snapshot: ref(snapshotId, name),
            })
        ),
        recordXml('sys_hub_trigger_instance_v2', id(`${name} trigger`), {
            comment: '',
            flow: ref(flowId, name),
            name: 'Updated',
            trigger_definition: ref(PLATFORM.triggerUpdated.sysId, PLATFORM.triggerUpdated.name),
            trigger_inputs: flowValues([
                input('table', 'incident'),
                input('condition', 'priority=1^stateIN1,2,3^EQ'),
                input('run_on_extended', 'false'),
                input('run_flow_in', 'any'),
                input('run_when_setting', 'both'),
                input('run_when_user_setting', 'any'),
                input('trigger_strategy', 'every'),
            ]),
            trigger_outputs: '',
            trigger_type: 'record_update',
        }),
        ...steps.map((step) => stepRecord(flowId, name, step)),
    ]
    const snapshotRecords = [
        recordXml('sys_hub_flow_snapshot', snapshotId, {
            ...flowFields(name, 'Escalates priority 1 incidents nobody has picked up.'),
            parent_flow: ref(flowId, name),
        }),
        ...steps.slice(0, 2).map((step) => stepRecord(snapshotId, name, { ...step, key: `${step.key} snapshot` })),
    ]
    const updates: Update[] = [
        {
            name: `sys_hub_flow_${flowId}`,
            collection: 'sys_hub_flow',
            targetName: name,
            type: 'Flow',
            records: flowRecords,
        },
        {
            name: `sys_hub_flow_snapshot_${snapshotId}`,
            collection: 'sys_hub_flow_snapshot',
            targetName: name,
            type: 'Flow Snapshot',
            records: snapshotRecords,
        },
        action.update,
        single(
            'sys_properties',
            id('property escalation minutes'),
            {
                description: 'Minutes a priority 1 incident may stay unassigned',
                ignore_cache: 'false',
                is_private: 'false',
                name: 'acme.escalation.unassigned_minutes',
                read_roles: '',
                suffix: '',
                type: 'integer',
                value: '15',
                write_roles: '',
            },
            { target: 'acme.escalation.unassigned_minutes', type: 'System Property' }
        ),
    ]
    return exportXml(
        { name: 'Incident escalation flow', description: 'A record-triggered flow in the storage of today.' },
        updates
    )
}

interface OldStep {
    key: string
    table: 'sys_hub_action_instance' | 'sys_hub_flow_logic'
    definition: { sysId: string; name: string }
    order: number
    parent?: string
    inputs: [string, string][]
}

/** 2018 storage: a trigger and steps whose inputs are sys_variable_value records of the instance. */
export function flow2018Set(): string {
    const name = 'Notify Manager of VIP Incident'
    const flowId = id(`flow ${name}`)
    const triggerId = id(`${name} trigger`)
    const eventId = VIP_EVENT
    const variable = (document: string, key: string, inputName: string, value: string, order: number) =>
        recordXml('sys_variable_value', id(`${name} ${key} ${inputName}`), {
            document,
            document_key: key,
            order: String(order),
            value,
            variable: ref(id(`${document} input ${inputName}`), inputName),
        })
    const steps: OldStep[] = [
        {
            key: 'manager',
            table: 'sys_hub_action_instance',
            definition: PLATFORM.lookUpRecord,
            order: 1,
            inputs: [
                ['table', 'sys_user'],
                ['conditions', 'sys_id={{Created_1.current.caller_id.manager}}^EQ'],
            ],
        },
        {
            key: 'if vip',
            table: 'sys_hub_flow_logic',
            definition: PLATFORM.if,
            order: 2,
            inputs: [
                ['condition_name', 'Caller is a VIP'],
                ['condition', '{{Created_1.current.caller_id.vip}}=true^{{Created_1.current.priority}}<=2^EQ'],
            ],
        },
        {
            key: 'notify',
            table: 'sys_hub_action_instance',
            definition: PLATFORM.sendNotification,
            order: 3,
            parent: 'if vip',
            inputs: [
                ['notification', id('notification vip raised')],
                ['record', '{{Created_1.current}}'],
            ],
        },
        {
            key: 'fire',
            table: 'sys_hub_action_instance',
            definition: PLATFORM.fireEvent,
            order: 4,
            parent: 'if vip',
            inputs: [
                ['event_name', eventId],
                ['record', '{{Created_1.current}}'],
                ['parm1', '{{manager.Record.email}}'],
            ],
        },
        {
            key: 'else if',
            table: 'sys_hub_flow_logic',
            definition: PLATFORM.elseIf,
            order: 5,
            inputs: [
                ['condition_name', 'Major incident candidate'],
                ['condition', '{{Created_1.current.impact}}=1^{{Created_1.current.urgency}}=1^EQ'],
            ],
        },
        {
            key: 'log',
            table: 'sys_hub_action_instance',
            definition: PLATFORM.log,
            order: 6,
            parent: 'else if',
            inputs: [['log_message', 'Major incident candidate {{Created_1.current.number}}']],
        },
    ]
    const records = [
        recordXml(
            'sys_hub_flow',
            flowId,
            flowFields(name, 'Built on London: tells the manager when a VIP raises an incident.', { run_as: 'user' })
        ),
        recordXml('sys_hub_trigger_instance', triggerId, {
            flow: ref(flowId, name),
            name: 'Created',
            order: '0',
            trigger_definition: ref(PLATFORM.triggerCreated.sysId, PLATFORM.triggerCreated.name),
            trigger_type: 'record_create',
            ui_id: uiId(`${name} trigger`),
        }),
        variable('sys_hub_trigger_instance', triggerId, 'table', 'incident', 1),
        variable('sys_hub_trigger_instance', triggerId, 'condition', '', 2),
        ...steps.flatMap((step) => {
            const sysId = id(`${name} step ${step.key}`)
            const definitionField = step.table === 'sys_hub_action_instance' ? 'action_type' : 'logic_definition'
            return [
                recordXml(step.table, sysId, {
                    [definitionField]: ref(step.definition.sysId, step.definition.name),
                    comment: '',
                    flow: ref(flowId, name),
                    order: String(step.order),
                    parent_ui_id: step.parent ? uiId(`${name} ${step.parent}`) : '',
                    ui_id: uiId(`${name} ${step.key}`),
                }),
                ...step.inputs.map(([inputName, value], index) =>
                    variable(step.table, sysId, inputName, value, index + 1)
                ),
            ]
        }),
    ]
    // The pill {{manager.Record.email}} above names its step by key; 2018 pills name the step's ui_id.
    const fixedRecords = records.map((xml) => xml.replace('{{manager.', `{{${uiId(`${name} manager`)}.`))
    return exportXml({ name: 'VIP incident flow (London)', description: 'A flow in the 2018 storage.' }, [
        {
            name: `sys_hub_flow_${flowId}`,
            collection: 'sys_hub_flow',
            targetName: name,
            type: 'Flow',
            records: fixedRecords,
        },
        vipEventRegistration(),
    ])
}

export const VIP_EVENT = id('event incident.vip.raised')

/** The event the VIP flow fires and the VIP notification is sent on (both sets register it). */
export function vipEventRegistration(): Update {
    return single(
        'sysevent_register',
        VIP_EVENT,
        {
            caller_access: '',
            description: 'A VIP raised an incident',
            event_name: 'incident.vip.raised',
            fired_by: 'Flow: Notify Manager of VIP Incident',
            priority: '100',
            queue: '',
            table: 'incident',
        },
        { target: 'incident.vip.raised', type: 'Event Registration' }
    )
}
