/**
 * The project's own stand-in for the update set the integration guide (the article) produces: what a
 * person clicking through the guide in a Zurich PDI, in the Global scope, would export. Written
 * from the guide's steps and the nine defects find-defects.ts knows, not from any export:
 *
 * 1. Get Catalog Variables reads four variables; only two were captured in the set (created while
 *    the update set was current), the other two are missing.
 * 2. Both REST steps use a connection alias that is not in the set.
 * 3. Both REST steps hard-code a tunnel URL as their base URL.
 * 4. The create step's body is a JSON template with data pills pasted in.
 * 5. Nothing checks the approval's outcome before the create step.
 * 6. The only approver is the requester's manager.
 * 7. The flow waits for Closed Complete (state=3) only.
 * 8. The captured role and duration variables are single line text without validation.
 * 9. Everything is in the global scope.
 *
 * Flow values are gzip+base64 JSON, so the XML is generated: `npx tsx
 * scripts/lib/update-set/testing/hand-built-guide-set.ts` rewrites hand-built-guide-set.xml; a test
 * checks the committed file still says what this module says.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'
import { derivedSysId, field } from '../write-update-set.ts'
import { BUILT_IN_ACTIONS, OTHER_PLATFORM_RECORDS, STEP_TYPE_INPUTS, STEP_TYPES, TRIGGERS } from '../flow-designer.ts'

export const HAND_BUILT_SET_FILE = join(import.meta.dirname, 'hand-built-guide-set.xml')

export const HAND_BUILT_SET_NAME = 'Kpow Kafka Governance (built by hand from the guide)'
/** The base URL a person would paste from their tunnel (invented here). */
export const TUNNEL_URL = 'https://quiet-heron-4821.ngrok-free.app'

const id = (what: string): string => derivedSysId('hand-built guide set', what)

/** Platform records the guide's steps point at: the Flow Designer layer's catalogue. */
const platform = {
    getCatalogVariables: BUILT_IN_ACTIONS.getCatalogVariables.sysId,
    askForApproval: BUILT_IN_ACTIONS.askForApproval.sysId,
    updateRecord: BUILT_IN_ACTIONS.updateRecord.sysId,
    waitForCondition: BUILT_IN_ACTIONS.waitForCondition.sysId,
    serviceCatalogTrigger: TRIGGERS.serviceCatalog.sysId,
    restStep: STEP_TYPES.rest.sysId,
    jsonParserStep: STEP_TYPES.jsonParser.sysId,
    restConnectionAliasInput: STEP_TYPE_INPUTS.restConnectionAlias.sysId,
    serviceCatalog: OTHER_PLATFORM_RECORDS.serviceCatalog.sysId,
    softwareCategory: OTHER_PLATFORM_RECORDS.softwareCategory.sysId,
}

export const ids = {
    catalogItem: id('catalog item'),
    flow: id('flow'),
    createAction: id('create action'),
    deleteAction: id('delete action'),
    /** Created in the Connection & Credential Aliases list before the update set was picked: not exported. */
    missingAlias: id('connection alias'),
    variables: {
        cluster_id: id('variable cluster_id'),
        topic_name: id('variable topic_name'),
        role_name: id('variable role_name'),
        duration_ms: id('variable duration_ms'),
    },
}

/** Variables the set carries (single line text, no validation); the other two are missing from it. */
const CAPTURED_VARIABLES = ['role_name', 'duration_ms'] as const

const SCOPE = { display_value: 'Global' }
const AUTHOR = 'admin'
const DATE = '2026-03-02 10:00:00'

interface Field {
    value: string
    attributes?: Record<string, string>
}
type Fields = Record<string, string | Field>

interface Entry {
    table: string
    sysId: string
    targetName: string
    type: string
    records: { table: string; fields: Fields }[]
}

function flowValues(inputs: Record<string, string>): string {
    const json = JSON.stringify(Object.entries(inputs).map(([name, value]) => ({ name, value, displayValue: value })))
    return gzipSync(json).toString('base64')
}

function element(parent: XMLBuilder, name: string, given: string | Field): void {
    const { value, attributes } = typeof given === 'string' ? { value: given, attributes: undefined } : given
    field(parent, name, value, attributes)
}

function payloadOf(entry: Entry): string {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('record_update', { table: entry.table })
    for (const record of entry.records) {
        const node = root.ele(record.table, { action: 'INSERT_OR_UPDATE' })
        for (const [name, field] of Object.entries(record.fields)) element(node, name, field)
    }
    return root.end({ prettyPrint: false })
}

const reference = (value: string, display: string): Field => ({ value, attributes: { display_value: display } })

function catalogItem(): Entry {
    return {
        table: 'sc_cat_item',
        sysId: ids.catalogItem,
        targetName: 'Request Kpow Topic Query Access',
        type: 'Catalog Item',
        records: [
            {
                table: 'sc_cat_item',
                fields: {
                    active: 'true',
                    category: reference(platform.softwareCategory, 'Software'),
                    flow_designer_flow: reference(ids.flow, 'Kpow Access Lifecycle'),
                    name: 'Request Kpow Topic Query Access',
                    sc_catalogs: platform.serviceCatalog,
                    short_description: 'Request temporary Just-in-Time (JIT) query access for a specific Kafka topic.',
                    sys_class_name: 'sc_cat_item',
                    sys_id: ids.catalogItem,
                    sys_scope: reference('global', 'Global'),
                },
            },
        ],
    }
}

const VARIABLE_LABELS: Record<keyof typeof ids.variables, { label: string; order: string }> = {
    cluster_id: { label: 'Cluster ID', order: '100' },
    topic_name: { label: 'Topic Name', order: '200' },
    role_name: { label: 'Role Name', order: '300' },
    duration_ms: { label: 'Duration MS', order: '400' },
}

function capturedVariable(name: (typeof CAPTURED_VARIABLES)[number]): Entry {
    const { label, order } = VARIABLE_LABELS[name]
    return {
        table: 'item_option_new',
        sysId: ids.variables[name],
        targetName: label,
        type: 'Variable',
        records: [
            {
                table: 'item_option_new',
                fields: {
                    active: 'true',
                    cat_item: reference(ids.catalogItem, 'Request Kpow Topic Query Access'),
                    mandatory: 'false',
                    name,
                    order,
                    question_text: label,
                    sys_id: ids.variables[name],
                    sys_scope: reference('global', 'Global'),
                    // 6 = Single Line Text, as the guide sets every variable.
                    type: '6',
                    validate_regex: '',
                },
            },
        ],
    }
}

interface RestStep {
    label: string
    cid: string
    order: string
    settings: Record<string, string>
}

/** A custom action whose steps are the guide's REST (and JSON Parser) steps. */
function customAction(options: {
    sysId: string
    name: string
    inputs: { element: string; label: string }[]
    output?: { element: string; label: string; value: string }
    steps: (RestStep & { stepType: string })[]
}): Entry {
    const { sysId, name } = options
    const records: Entry['records'] = [
        {
            table: 'sys_hub_action_type_definition',
            fields: {
                access: 'public',
                active: 'true',
                name,
                state: 'published',
                sys_class_name: 'sys_hub_action_type_definition',
                sys_id: sysId,
                sys_scope: reference('global', 'Global'),
            },
        },
    ]
    for (const input of options.inputs) {
        records.push({
            table: 'sys_hub_action_input',
            fields: {
                element: input.element,
                internal_type: 'string',
                label: input.label,
                mandatory: 'true',
                model: reference(sysId, name),
                sys_id: id(`${name} input ${input.element}`),
            },
        })
    }
    if (options.output) {
        records.push(
            {
                table: 'sys_hub_action_output',
                fields: {
                    element: options.output.element,
                    internal_type: 'string',
                    label: options.output.label,
                    model: reference(sysId, name),
                    sys_id: id(`${name} output`),
                },
            },
            {
                table: 'sys_element_mapping',
                fields: {
                    field: options.output.element,
                    id: sysId,
                    sys_id: id(`${name} output mapping`),
                    table: `var__m_sys_hub_action_output_${sysId}`,
                    value: options.output.value,
                },
            }
        )
    }
    for (const step of options.steps) {
        const stepId = id(`${name} step ${step.cid}`)
        records.push({
            table: 'sys_hub_step_instance',
            fields: {
                action: reference(sysId, name),
                cid: step.cid,
                label: step.label,
                order: step.order,
                step_type: reference(step.stepType, step.label),
                sys_id: stepId,
            },
        })
        for (const [label, value] of Object.entries(step.settings)) {
            const variable =
                label === 'Connection Alias' ? platform.restConnectionAliasInput : id(`${step.label} ${label}`)
            records.push({
                table: 'sys_variable_value',
                fields: {
                    document: 'sys_hub_step_instance',
                    document_key: stepId,
                    sys_id: id(`${name} ${step.cid} ${label}`),
                    value,
                    variable: reference(variable, label),
                },
            })
        }
    }
    return {
        table: 'sys_hub_action_type_definition',
        sysId,
        targetName: name,
        type: 'Action Type',
        records,
    }
}

/** The guide's REST step: the alias picked in Connection Details, the tunnel URL as base URL. */
function restStep(request: Record<string, string>): RestStep & { stepType: string } {
    return {
        stepType: platform.restStep,
        label: 'REST step',
        cid: 'rest',
        order: '1',
        settings: { 'Connection Alias': ids.missingAlias, 'Base URL': TUNNEL_URL, ...request },
    }
}

function createAction(): Entry {
    return customAction({
        sysId: ids.createAction,
        name: 'Kpow - Create Temporary Policy',
        inputs: [
            { element: 'role_name', label: 'Role Name' },
            { element: 'cluster_id', label: 'Cluster ID' },
            { element: 'topic_name', label: 'Topic Name' },
            { element: 'duration_ms', label: 'Duration MS' },
        ],
        output: { element: 'policy_id', label: 'Policy ID', value: '{{step[json_parser].id}}' },
        steps: [
            restStep({
                'Build Request': 'manual',
                'Resource Path': '/admin/v1/temporary-policies',
                'HTTP Method': 'POST',
                Headers: 'Content-Type: application/json',
                'Request Body':
                    '{"duration_ms": {{action.duration_ms}}, "policy": {"role": "{{action.role_name}}", "actions": ["TOPIC_DATA_QUERY"], "effect": "Allow", "resource": ["cluster", "{{action.cluster_id}}", "topic", "{{action.topic_name}}"]}}',
            }),
            {
                stepType: platform.jsonParserStep,
                label: 'JSON Parser step',
                cid: 'json_parser',
                order: '2',
                settings: {
                    'Source Data': '{{step[rest].response_body}}',
                    'Target Mapping': 'root.temporary_policy.id (mandatory)',
                },
            },
        ],
    })
}

function deleteAction(): Entry {
    return customAction({
        sysId: ids.deleteAction,
        name: 'Kpow - Delete Temporary Policy',
        inputs: [{ element: 'policy_id', label: 'Policy ID' }],
        steps: [
            restStep({
                'Resource Path': '/admin/v1/temporary-policies/{{action.policy_id}}',
                'HTTP Method': 'DELETE',
            }),
        ],
    })
}

/** ui_ids of the guide's six steps (Flow Designer uses UUIDs; these are invented). */
const uiIds = {
    getVariables: '0b1c6d2e-1111-4a5b-8c9d-000000000001',
    approval: '0b1c6d2e-1111-4a5b-8c9d-000000000002',
    create: '0b1c6d2e-1111-4a5b-8c9d-000000000003',
    update: '0b1c6d2e-1111-4a5b-8c9d-000000000004',
    wait: '0b1c6d2e-1111-4a5b-8c9d-000000000005',
    delete: '0b1c6d2e-1111-4a5b-8c9d-000000000006',
}

function flow(): Entry {
    const name = 'Kpow Access Lifecycle'
    const item = '{{Service Catalog_1.request_item}}'
    const variable = (variableName: string) => `{{${uiIds.getVariables}.${variableName}}}`
    const step = (
        uiId: string,
        order: string,
        actionType: string,
        actionName: string,
        inputs: Record<string, string>
    ) => ({
        table: 'sys_hub_action_instance_v2',
        fields: {
            action_type: reference(actionType, actionName),
            action_type_parent: reference(actionType, actionName),
            flow: reference(ids.flow, name),
            order,
            sys_id: id(`flow step ${order}`),
            ui_id: uiId,
            values: flowValues(inputs),
        },
    })
    return {
        table: 'sys_hub_flow',
        sysId: ids.flow,
        targetName: name,
        type: 'Flow',
        records: [
            {
                table: 'sys_hub_flow',
                fields: {
                    access: 'public',
                    active: 'true',
                    internal_name: 'kpow_access_lifecycle',
                    name,
                    run_as: 'user',
                    status: 'published',
                    sys_class_name: 'sys_hub_flow',
                    sys_id: ids.flow,
                    sys_scope: reference('global', 'Global'),
                    type: 'flow',
                },
            },
            {
                table: 'sys_hub_trigger_instance_v2',
                fields: {
                    flow: reference(ids.flow, name),
                    name: 'Service Catalog',
                    sys_id: id('flow trigger'),
                    trigger_definition: reference(platform.serviceCatalogTrigger, 'Service Catalog'),
                },
            },
            step(uiIds.getVariables, '1', platform.getCatalogVariables, 'Get Catalog Variables', {
                requested_item: item,
                template_catalog_item: ids.catalogItem,
                catalog_variables: Object.values(ids.variables)
                    .map((sysId) => `${sysId}:item_option_new`)
                    .join(','),
            }),
            step(uiIds.approval, '2', platform.askForApproval, 'Ask For Approval', {
                record: item,
                table: 'sc_req_item',
                approval_conditions: 'ApprovesRejectsAnyU[{{Service Catalog_1.request_item.opened_by.manager}}]',
            }),
            step(uiIds.create, '3', ids.createAction, 'Kpow - Create Temporary Policy', {
                role_name: variable('role_name'),
                cluster_id: variable('cluster_id'),
                topic_name: variable('topic_name'),
                duration_ms: variable('duration_ms'),
            }),
            step(uiIds.update, '4', platform.updateRecord, 'Update Record', {
                record: item,
                table_name: 'sc_req_item',
                values: `work_notes=Kpow Access Granted. Policy ID: {{${uiIds.create}.policy_id}}^EQ`,
            }),
            step(uiIds.wait, '5', platform.waitForCondition, 'Wait For Condition', {
                record: `{{${uiIds.update}.record}}`,
                table_name: 'sc_req_item',
                conditions: 'state=3',
            }),
            step(uiIds.delete, '6', ids.deleteAction, 'Kpow - Delete Temporary Policy', {
                policy_id: `{{${uiIds.create}.policy_id}}`,
            }),
        ],
    }
}

/** The whole export, in the order an instance lists a set's updates. */
export function buildHandBuiltGuideSet(): string {
    const entries = [catalogItem(), ...CAPTURED_VARIABLES.map(capturedVariable), createAction(), deleteAction(), flow()]
    const remoteSysId = id('sys_remote_update_set')
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('unload', { unload_date: DATE })
    const header = root.ele('sys_remote_update_set', { action: 'INSERT_OR_UPDATE' })
    element(header, 'application', { value: 'global', attributes: SCOPE })
    element(header, 'application_name', 'Global')
    element(header, 'application_scope', 'global')
    element(header, 'description', 'Actions, catalog item and flow of the Kpow ServiceNow integration guide')
    element(header, 'name', HAND_BUILT_SET_NAME)
    element(header, 'release_date', DATE)
    element(header, 'remote_sys_id', id('sys_update_set'))
    element(header, 'state', 'loaded')
    element(header, 'sys_created_by', AUTHOR)
    element(header, 'sys_created_on', DATE)
    element(header, 'sys_id', remoteSysId)
    for (const entry of entries) {
        const updateName = `${entry.table}_${entry.sysId}`
        const node = root.ele('sys_update_xml', { action: 'INSERT_OR_UPDATE' })
        element(node, 'action', 'INSERT_OR_UPDATE')
        element(node, 'application', { value: 'global', attributes: SCOPE })
        element(node, 'category', 'customer')
        element(node, 'name', updateName)
        // Escaped text, not CDATA: exports use both, and the reader must take either.
        element(node, 'payload', payloadOf(entry))
        element(node, 'remote_update_set', { value: remoteSysId, attributes: { display_value: HAND_BUILT_SET_NAME } })
        element(node, 'replace_on_upgrade', 'false')
        element(node, 'sys_created_by', AUTHOR)
        element(node, 'sys_created_on', DATE)
        element(node, 'sys_id', id(`sys_update_xml ${updateName}`))
        element(node, 'table', '')
        element(node, 'target_name', entry.targetName)
        element(node, 'type', entry.type)
        element(node, 'update_domain', 'global')
    }
    return `${root.end({ prettyPrint: true, indent: '', newline: '\n' })}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    writeFileSync(HAND_BUILT_SET_FILE, buildHandBuiltGuideSet())
    console.log(`wrote ${HAND_BUILT_SET_FILE}`)
}
