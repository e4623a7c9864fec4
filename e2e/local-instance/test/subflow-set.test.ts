// Subflows from a committed update set: a small set written here, shaped as the SDK writes a Fluent
// Subflow (sys_hub_flow of type subflow with sys_hub_flow_input / sys_hub_flow_output, Assign Subflow
// Outputs) and a flow step calling it (sys_hub_sub_flow_instance_v2 with gzip+base64
// subflow_inputs). The subflow waits for the item to close; the calling flow waits with it and
// writes the subflow's output on the item.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import {
    BUILT_IN_ACTIONS,
    FLOW_LOGIC,
    TRIGGERS,
    derivedSysId,
    field,
    outlineUpdateSet,
    readUpdateSet,
    writeUpdateSet,
} from '../../../scripts/lib/update-set/index'
import type { BuiltRecord } from '../../../scripts/lib/update-set/index'
import type { LocalInstance } from '../instance'
import { createLocalInstance } from '../instance'

const id = (what: string) => derivedSysId('subflow set', what)
const uiId = (what: string) => id(what).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
const APP = id('app')
const FLOW = id('flow')
const SUBFLOW = id('subflow')
const CALL = uiId('call')
const WAIT = uiId('wait')

type Rows = [string, Record<string, string>][]

function payload(table: string, sysId: string, name: string, rows: Rows): BuiltRecord {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('record_update', { table })
    for (const [rowTable, fields] of rows) {
        const element = root.ele(rowTable, { action: 'INSERT_OR_UPDATE' })
        for (const [fieldName, value] of Object.entries(fields)) field(element, fieldName, value)
    }
    return { table, sysId, updateName: `${table}_${sysId}`, targetName: name, payload: root.end() }
}

const values = (inputs: unknown) => gzipSync(JSON.stringify(inputs)).toString('base64')
const input = (name: string, value: string | boolean) => ({ name, value, displayValue: value, scriptActive: false })

function port(
    table: string,
    flow: string,
    element: string,
    order: number,
    reference = ''
): [string, Record<string, string>] {
    return [
        table,
        { sys_id: id(`${table} ${element}`), model: flow, element, label: element, order: String(order), reference },
    ]
}

/** A timeout on the subflow's wait: fed by the subflow input `wait_for`, of this pill type (none: unrecorded). */
interface WaitTimeout {
    value: string
    pillType?: string
}

/** Set Flow Variables at `order` in `flow`: `note` set to `value`. */
function setNote(flow: string, what: string, order: string, value: string): [string, Record<string, string>] {
    return [
        'sys_hub_flow_logic_instance_v2',
        {
            sys_id: id(what),
            flow,
            logic_definition: FLOW_LOGIC.setFlowVariables.sysId,
            order,
            ui_id: uiId(what),
            parent_ui_id: '',
            values: values({ outputsToAssign: [], inputs: [], variables: [input('note', value)] }),
        },
    ]
}

/** The caller and the subflow each declare a flow variable `note` and set it, the caller before the call. */
function flowVariableRows(flow: string): Rows {
    return [
        ['sys_hub_flow_variable', { sys_id: id(`variable ${flow}`), model: flow, element: 'note', label: 'Note' }],
        setNote(flow, `set note ${flow}`, '0', flow === FLOW ? 'the caller note' : 'the subflow note'),
    ]
}

function setXml(options: { waitForCompletion?: boolean; timeout?: WaitTimeout; flowVariables?: boolean } = {}): string {
    const flowFields = (sysId: string, name: string, type: string) => ({
        sys_id: sysId,
        name,
        type,
        active: 'false',
        status: 'draft',
        run_as: 'system',
        sys_scope: APP,
    })
    const { timeout } = options
    // Flow Designer records each pill's type in the flow's label_cache.
    const labelCache = timeout?.pillType === undefined ? [] : [{ name: 'subflow.wait_for', type: timeout.pillType }]
    const subflow = payload('sys_hub_flow', SUBFLOW, 'Kpow - Access Tail', [
        [
            'sys_hub_flow',
            { ...flowFields(SUBFLOW, 'Kpow - Access Tail', 'subflow'), label_cache: JSON.stringify(labelCache) },
        ],
        port('sys_hub_flow_input', SUBFLOW, 'requested_item', 1, 'sc_req_item'),
        port('sys_hub_flow_input', SUBFLOW, 'policy_id', 2),
        ...(timeout ? [port('sys_hub_flow_input', SUBFLOW, 'wait_for', 3)] : []),
        port('sys_hub_flow_output', SUBFLOW, 'ended', 1),
        ...(options.flowVariables ? flowVariableRows(SUBFLOW) : []),
        [
            'sys_hub_action_instance_v2',
            {
                sys_id: id('wait'),
                flow: SUBFLOW,
                action_type: BUILT_IN_ACTIONS.waitForCondition.sysId,
                order: '1',
                ui_id: WAIT,
                parent_ui_id: '',
                values: values([
                    input('table_name', 'sc_req_item'),
                    input('record', '{{subflow.requested_item}}'),
                    input('conditions', 'state=3'),
                    ...(timeout
                        ? [input('timeout_flag', true), input('timeout_duration', '{{subflow.wait_for}}')]
                        : []),
                ]),
            },
        ],
        [
            'sys_hub_flow_logic_instance_v2',
            {
                sys_id: id('assign'),
                flow: SUBFLOW,
                logic_definition: FLOW_LOGIC.assignSubflowOutputs.sysId,
                order: '2',
                ui_id: uiId('assign'),
                parent_ui_id: '',
                values: values({
                    outputsToAssign: [
                        input(
                            'ended',
                            `policy {{subflow.policy_id}} of {{subflow.requested_item.number}} ended${options.flowVariables ? ' ({{flow_variable.note}})' : ''}`
                        ),
                    ],
                    inputs: [],
                    variables: [],
                }),
            },
        ],
    ])
    const flow = payload('sys_hub_flow', FLOW, 'Kpow Access With Tail', [
        ['sys_hub_flow', flowFields(FLOW, 'Kpow Access With Tail', 'flow')],
        ...(options.flowVariables ? flowVariableRows(FLOW) : []),
        [
            'sys_hub_trigger_instance_v2',
            {
                sys_id: id('trigger'),
                flow: FLOW,
                name: 'Service Catalog',
                trigger_definition: TRIGGERS.serviceCatalog.sysId,
                trigger_type: 'service_catalog',
            },
        ],
        [
            'sys_hub_sub_flow_instance_v2',
            {
                sys_id: id('call'),
                flow: FLOW,
                subflow: SUBFLOW,
                order: '1',
                ui_id: CALL,
                parent_ui_id: '',
                wait_for_completion: String(options.waitForCompletion ?? true),
                subflow_inputs: values([
                    input('requested_item', '{{Service Catalog_1.request_item}}'),
                    input('policy_id', 'p-42'),
                    ...(timeout ? [input('wait_for', timeout.value)] : []),
                ]),
            },
        ],
        [
            'sys_hub_action_instance_v2',
            {
                sys_id: id('note'),
                flow: FLOW,
                action_type: BUILT_IN_ACTIONS.updateRecord.sysId,
                order: '2',
                ui_id: uiId('note'),
                parent_ui_id: '',
                values: values([
                    input('table_name', 'sc_req_item'),
                    input('record', '{{Service Catalog_1.request_item}}'),
                    input(
                        'values',
                        `work_notes=Subflow says: {{${CALL}.ended}}${options.flowVariables ? '; the caller has {{flow_variable.note}}' : ''}^EQ`
                    ),
                ]),
            },
        ],
    ])
    return writeUpdateSet(
        {
            name: 'Subflow set',
            description: 'A flow calling a subflow that waits',
            releaseDate: '2026-12-01 00:00:00',
            author: 'admin',
            scope: 'x_kpow_sf',
            scopeSysId: APP,
            appName: 'Subflow set',
            appVersion: '1.0.0',
        },
        [
            payload('sys_app', APP, 'Subflow set', [
                ['sys_app', { sys_id: APP, name: 'Subflow set', scope: 'x_kpow_sf', version: '1.0.0' }],
            ]),
            payload('sc_cat_item', id('item'), 'Tail item', [
                ['sc_cat_item', { sys_id: id('item'), name: 'Tail item', active: 'true', flow_designer_flow: FLOW }],
            ]),
            flow,
            subflow,
        ]
    )
}

const users = {
    users: [
        { user_name: 'abel.tuter', name: 'Abel Tuter' },
        { user_name: 'fred.fulfiller', name: 'Fred Fulfiller', roles: ['itil'] },
    ],
    groups: {},
}

let instance: LocalInstance | undefined
let dataDir: string | undefined
afterEach(() => {
    instance?.close()
    instance = undefined
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
})

function start(xml: string, directory?: string): LocalInstance {
    instance = createLocalInstance({ updateSetXml: xml, users, ...(directory ? { dataDir: directory } : {}) })
    return instance
}

describe('a flow calling a subflow', () => {
    it('waits while the subflow waits, then reads its output; the subflow run is logged under the step', async () => {
        const local = start(setXml())
        local.activateFlow('Kpow Access With Tail')
        const { requestItem } = local.orderCatalogItem('Tail item', {}, 'abel.tuter')
        await local.whenIdle()
        const [run] = local.flowRuns()
        expect(run?.status).toBe('waiting')
        expect(local.database.journal('sc_req_item', requestItem.sysId, 'work_notes')).toEqual([])

        local.setItemState(requestItem.sysId, '3', 'fred.fulfiller')
        await local.whenIdle()
        expect(run?.status).toBe('complete')
        expect(local.database.journal('sc_req_item', requestItem.sysId, 'work_notes')[0]?.value).toBe(
            `Subflow says: policy p-42 of ${requestItem.number} ended`
        )
        expect(run?.steps.map((step) => [step.depth, step.name, step.status])).toEqual([
            [0, 'Subflow Kpow - Access Tail', 'complete'],
            [1, expect.stringContaining('Wait For Condition'), 'complete'],
            [1, 'Assign Subflow Outputs', 'complete'],
            [0, expect.stringContaining('Update Record'), 'complete'],
        ])
        expect(run?.steps[0]?.inputs).toEqual({ requested_item: requestItem.sysId, policy_id: 'p-42' })
        expect(run?.steps[0]?.outputs).toEqual({ ended: `policy p-42 of ${requestItem.number} ended` })
    })

    it('goes on after a restart from the wait inside the subflow, with its inputs', async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'subflow-'))
        const first = start(setXml(), dataDir)
        first.activateFlow('Kpow Access With Tail')
        const { requestItem } = first.orderCatalogItem('Tail item', {}, 'abel.tuter')
        await first.whenIdle()
        first.close()
        instance = undefined

        const second = start(setXml(), dataDir)
        second.setItemState(requestItem.sysId, '3', 'fred.fulfiller')
        await second.whenIdle()
        expect(second.flowRuns()[0]?.status).toBe('complete')
        expect(second.database.journal('sc_req_item', requestItem.sysId, 'work_notes')[0]?.value).toBe(
            `Subflow says: policy p-42 of ${requestItem.number} ended`
        )
    })

    it("keeps the caller's flow variables apart from the subflow's, across a restart inside the subflow", async () => {
        dataDir = mkdtempSync(join(tmpdir(), 'subflow-'))
        const first = start(setXml({ flowVariables: true }), dataDir)
        first.activateFlow('Kpow Access With Tail')
        const { requestItem } = first.orderCatalogItem('Tail item', {}, 'abel.tuter')
        await first.whenIdle()
        expect(first.flowRuns()[0]?.status).toBe('waiting')
        first.close()
        instance = undefined

        const second = start(setXml({ flowVariables: true }), dataDir)
        second.setItemState(requestItem.sysId, '3', 'fred.fulfiller')
        await second.whenIdle()
        expect(second.flowRuns()[0]?.status).toBe('complete')
        // Each reads its own `note`: the subflow's did not overwrite the caller's.
        expect(second.database.journal('sc_req_item', requestItem.sysId, 'work_notes')[0]?.value).toBe(
            `Subflow says: policy p-42 of ${requestItem.number} ended (the subflow note); the caller has the caller note`
        )
    })

    it('is outlined (explain, the flow diagrams) as a step named after the subflow; the subflow has no trigger', () => {
        const outline = outlineUpdateSet(readUpdateSet(setXml()))
        const caller = outline.flows.find((flow) => flow.name === 'Kpow Access With Tail')
        const subflow = outline.flows.find((flow) => flow.name === 'Kpow - Access Tail')
        expect(caller?.steps.map((step) => step.label)).toEqual(['Subflow Kpow - Access Tail', 'Update Record'])
        expect(caller?.steps[0]?.inputs.map((shown) => shown.name)).toEqual(['requested_item', 'policy_id'])
        expect(subflow?.notes).toEqual([])
        expect(subflow?.steps.map((step) => step.label)).toEqual(['Wait For Condition', 'Assign Subflow Outputs'])
    })

    it('times the wait out after a duration pill, read as the platform stores a glide_duration', async () => {
        const local = start(setXml({ timeout: { value: '1970-01-02 01:00:00', pillType: 'glide_duration' } }))
        local.activateFlow('Kpow Access With Tail')
        local.orderCatalogItem('Tail item', {}, 'abel.tuter')
        await local.whenIdle()
        const [run] = local.flowRuns()
        expect(run?.status).toBe('waiting')
        expect(run?.reason).toContain(`(timeout ${String(25 * 3_600_000)} ms)`)
    })

    it.each([
        [
            'a text pill',
            { value: '1970-01-01 00:10:00', pillType: 'string' },
            'input timeout_duration is fed by {{subflow.wait_for}}, a string pill; a timeout takes a duration (glide_duration) pill',
        ],
        [
            'a pill of no recorded type',
            { value: '1970-01-01 00:10:00' },
            'input timeout_duration is fed by {{subflow.wait_for}}, whose type the flow does not record (label_cache)',
        ],
        [
            'an unreadable duration',
            { value: '25:00:00', pillType: 'glide_duration' },
            'input timeout_duration "25:00:00" is not a duration above zero',
        ],
    ])('fails the run, naming the step and the input, when the timeout is %s', async (_case, timeout, message) => {
        const local = start(setXml({ timeout }))
        local.activateFlow('Kpow Access With Tail')
        const { requestItem } = local.orderCatalogItem('Tail item', {}, 'abel.tuter')
        await local.whenIdle()
        const [run] = local.flowRuns()
        expect(run?.status).toBe('error')
        expect(run?.reason).toContain('Wait For Condition (#1) failed: ')
        expect(run?.reason).toContain(message)
        const wait = run?.steps.find((step) => step.name.includes('Wait For Condition'))
        expect(wait?.status).toBe('error')
        expect(wait?.error).toContain(message)
        // Nothing after the failed wait ran.
        expect(local.database.journal('sc_req_item', requestItem.sysId, 'work_notes')).toEqual([])
    })

    it('is refused at load when the caller does not wait for the subflow', () => {
        expect(() => start(setXml({ waitForCompletion: false }))).toThrow(
            /wait_for_completion is false \(only a caller that waits for its subflow is supported\)/
        )
    })
})
