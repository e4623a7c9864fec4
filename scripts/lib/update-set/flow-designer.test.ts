/**
 * The Flow Designer layer on our generated set and the hand-built guide set, and on values an
 * editor or an export could corrupt: every error names the record and the field.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { HAND_BUILT_SET_FILE } from './testing/hand-built-guide-set.ts'
import {
    BUILT_IN_ACTIONS,
    decodeFlowValues,
    FLOW_LOGIC,
    FlowValuesError,
    PLATFORM_RECORDS,
    platformKey,
    readFlowDesigner,
    readFlowValues,
    STEP_TYPE_INPUTS,
    STEP_TYPES,
    TRIGGERS,
} from './flow-designer.ts'
import { readUpdateSet, readUpdateSetFile, removesRecords, UpdateSetFormatError } from './read-update-set.ts'
import type { UpdateSet } from './read-update-set.ts'

const ourSet = readUpdateSet(readFileSync(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'), 'utf8'))
const location = { table: 'sys_hub_action_instance_v2', sysId: 'abc', field: 'values' }

/** A copy of our set with one field of the first record of `table` replaced. */
function withField(table: string, field: string, value: string): { set: UpdateSet; sysId: string; updateName: string } {
    const set = structuredClone(ourSet)
    for (const entry of set.records) {
        const record = entry.payload.records.find(
            (candidate) => candidate.table === table && !removesRecords(candidate)
        )
        if (!record) continue
        record.fields[field] = { value, attributes: {} }
        return { set, sysId: record.fields.sys_id?.value ?? '', updateName: entry.name }
    }
    throw new Error(`our set has no ${table}`)
}

describe('the platform catalogue', () => {
    it('lists each platform record once, by a 32-hex sys_id', () => {
        const catalogues = [BUILT_IN_ACTIONS, TRIGGERS, FLOW_LOGIC, STEP_TYPES, STEP_TYPE_INPUTS]
        const sysIds = catalogues.flatMap((catalogue) => Object.values(catalogue).map(({ sysId }) => sysId))
        expect(new Set(sysIds).size).toBe(sysIds.length)
        for (const sysId of sysIds) {
            expect(sysId).toMatch(/^[0-9a-f]{32}$/)
            expect(PLATFORM_RECORDS.has(sysId)).toBe(true)
        }
        expect(PLATFORM_RECORDS.get(BUILT_IN_ACTIONS.askForApproval.sysId)).toBe('action Ask For Approval')
        expect(platformKey(FLOW_LOGIC, FLOW_LOGIC.catch.sysId)).toBe('catch')
        expect(platformKey(FLOW_LOGIC, BUILT_IN_ACTIONS.askForApproval.sysId)).toBeUndefined()
    })
})

describe('the typed view of our generated set', () => {
    const view = readFlowDesigner(ourSet)
    /** The names of the set's payloads of one table, sorted: what the view must read, however many. */
    const carried = (table: string) =>
        ourSet.records
            .filter((entry) => entry.table === table)
            .map((entry) => entry.targetName)
            .sort()
    const flowIds = new Set(view.flows.map((flow) => flow.sysId))
    // A subflow has no trigger: only the flows are started by one.
    const triggeredFlowIds = view.flows.filter((flow) => flow.type !== 'subflow').map((flow) => flow.sysId)

    it('reads every flow (lifecycle and extension among them), each flow with one Service Catalog trigger', () => {
        expect(view.flows.map((candidate) => candidate.name).sort()).toEqual(carried('sys_hub_flow'))
        expect(view.flows.map((candidate) => candidate.name)).toEqual(
            expect.arrayContaining(['Kpow Access Extension', 'Kpow Access Lifecycle'])
        )
        expect(
            view.triggers
                .map((trigger) => [trigger.flow, trigger.definition])
                .sort(([left], [right]) => String(left).localeCompare(String(right)))
        ).toEqual(
            [...triggeredFlowIds]
                .sort((left, right) => left.localeCompare(right))
                .map((flowId) => [flowId, TRIGGERS.serviceCatalog.sysId])
        )
    })

    it('decodes every action instance into named inputs, each a built-in action or a custom action of the set', () => {
        const custom = new Set(view.actionTypes.map((action) => action.sysId))
        expect(view.actionInstances.length).toBeGreaterThan(4)
        for (const instance of view.actionInstances) {
            expect(flowIds.has(instance.flow)).toBe(true)
            expect(
                platformKey(BUILT_IN_ACTIONS, instance.actionType) !== undefined || custom.has(instance.actionType)
            ).toBe(true)
            expect(instance.inputs.every((input) => input.name !== '')).toBe(true)
        }
        const wait = view.actionInstances.find(
            (instance) => instance.actionType === BUILT_IN_ACTIONS.waitForCondition.sysId
        )
        expect(wait?.inputs.find((input) => input.name === 'conditions')?.value).toContain(
            'stateIN3,4,7^ORactive=false'
        )
    })

    it('reads flow logic by its platform definition, with If conditions and assigned flow variables', () => {
        expect(view.logicInstances.every((logic) => platformKey(FLOW_LOGIC, logic.definition) !== undefined)).toBe(true)
        const ifs = view.logicInstances.filter((logic) => logic.definition === FLOW_LOGIC.if.sysId)
        expect(ifs.every((logic) => logic.inputs.some((input) => input.name === 'condition' && input.value))).toBe(true)
        const assigned = view.logicInstances
            .filter((logic) => logic.definition === FLOW_LOGIC.setFlowVariables.sysId)
            .flatMap((logic) => logic.variables.map((variable) => variable.name))
        const declared = view.flowVariables.map((variable) => variable.element)
        expect(assigned.length).toBeGreaterThan(0)
        expect(assigned.every((name) => declared.includes(name))).toBe(true)
    })

    it('reads every custom action with its inputs and one Script step, its script and outputs', () => {
        expect(view.actionTypes.map((action) => action.name).sort()).toEqual(carried('sys_hub_action_type_definition'))
        expect(view.actionTypes.map((action) => action.name)).toEqual(
            expect.arrayContaining(['Kpow - Create Temporary Policy', 'Kpow - Delete Temporary Policy'])
        )
        for (const action of view.actionTypes) {
            expect(action.inputs.length).toBeGreaterThan(0)
            expect(action.steps.map((step) => step.stepType)).toEqual([STEP_TYPES.script.sysId])
            const [step] = action.steps
            const script = step?.variableValues.find((value) => value.variable === STEP_TYPE_INPUTS.scriptScript.sysId)
            // The Kpow actions go through the Kpow client (a Script Include); the approvers list reads
            // the group's members.
            expect(script?.value).toMatch(/new x_kpow_jit\.KpowClient\(|sys_user_grmember/)
            expect(step?.outputs.length).toBeGreaterThan(0)
        }
    })
})

describe('the typed view of a set built by hand from the guide', () => {
    it('sees its REST and JSON Parser steps by their platform step types', () => {
        const view = readFlowDesigner(readUpdateSetFile(HAND_BUILT_SET_FILE))
        const stepTypes = new Set(view.actionTypes.flatMap((action) => action.steps.map((step) => step.stepType)))
        expect(stepTypes).toEqual(new Set([STEP_TYPES.rest.sysId, STEP_TYPES.jsonParser.sysId]))
    })
})

describe('the values decoder', () => {
    const inputs = [{ name: 'record', value: '{{trigger.request_item}}' }]

    it('reads gzip+base64 JSON (SDK builds) and plain JSON (instance exports) alike; empty is none', () => {
        const encoded = gzipSync(JSON.stringify(inputs)).toString('base64')
        expect(decodeFlowValues(encoded, location)).toEqual(inputs)
        expect(decodeFlowValues(JSON.stringify(inputs), location)).toEqual(inputs)
        expect(decodeFlowValues('  ', location)).toBeNull()
        expect(readFlowValues('', location)).toEqual({ inputs: [], variables: [], outputsToAssign: [], unmodelled: [] })
    })

    it('gives non-text values as JSON and flags scripted and nested inputs', () => {
        const values = readFlowValues(
            JSON.stringify({
                inputs: [
                    { name: 'flag', value: true },
                    { name: 'list', value: 'x', scriptActive: true, children: [{ name: 'a' }] },
                ],
                outputsToAssign: [{ name: 'x', value: '{{step.out}}' }],
                decisionTableInputs: [{ name: 'y' }],
            }),
            location
        )
        expect(values.inputs).toEqual([
            { name: 'flag', value: 'true', scripted: false, hasChildren: false },
            { name: 'list', value: 'x', scripted: true, hasChildren: true },
        ])
        // Assign Subflow Outputs' outputs are read; what the view does not model is named.
        expect(values.outputsToAssign).toEqual([
            { name: 'x', value: '{{step.out}}', scripted: false, hasChildren: false },
        ])
        expect(values.unmodelled).toEqual(['decisionTableInputs'])
    })

    it('refuses corrupt values in a set, naming the update, the record and the field', () => {
        const { set, sysId, updateName } = withField('sys_hub_action_instance_v2', 'values', 'H4sIAAAA-broken')
        expect(() => readFlowDesigner(set)).toThrow(FlowValuesError)
        expect(() => readFlowDesigner(set)).toThrow(
            `${updateName}: sys_hub_action_instance_v2 ${sysId} field "values" is neither gzip+base64 JSON nor plain JSON`
        )
        // A reader error like any other: the CLIs that report UpdateSetFormatError report this one too.
        expect(() => readFlowDesigner(set)).toThrow(UpdateSetFormatError)
    })

    it('refuses broken plain JSON and values of an unknown shape, naming the record and the field', () => {
        const broken = withField('sys_hub_flow_logic_instance_v2', 'values', '{"inputs": [')
        expect(() => readFlowDesigner(broken.set)).toThrow(
            `sys_hub_flow_logic_instance_v2 ${broken.sysId} field "values" is not valid JSON`
        )
        const unknownShape = withField('sys_hub_action_instance_v2', 'values', '{"inputs": "text"}')
        expect(() => readFlowDesigner(unknownShape.set)).toThrow(
            `sys_hub_action_instance_v2 ${unknownShape.sysId} field "values" is neither a list of inputs nor an object with "inputs"`
        )
        expect(() => readFlowValues(JSON.stringify([{ value: 'no name' }]), location)).toThrow(
            'sys_hub_action_instance_v2 abc field "values": input #1 has no name'
        )
    })

    it("reads each pill's type from a flow's label_cache, and refuses a broken one naming the field (lenient: a problem)", () => {
        const endAccess = readFlowDesigner(ourSet).flows.find((flow) => flow.name === 'Kpow - End Access')
        const durations = [...(endAccess?.pillTypes ?? [])].filter(([name]) => /\.until_(reminder|expiry)$/.test(name))
        expect(durations.map(([, type]) => type)).toEqual(['glide_duration', 'glide_duration'])

        const broken = withField('sys_hub_flow', 'label_cache', '[{"name": "x.y"}]')
        expect(() => readFlowDesigner(broken.set)).toThrow(
            `sys_hub_flow ${broken.sysId} field "label_cache": pill #1 has no name or no type`
        )
        const lenient = readFlowDesigner(broken.set, { lenient: true }).flows.find(
            (flow) => flow.sysId === broken.sysId
        )
        expect(lenient?.pillTypes.size).toBe(0)
        expect(lenient?.problem).toContain('pill #1 has no name or no type')
        const notList = withField('sys_hub_flow', 'label_cache', '{"name": "x.y"}')
        expect(() => readFlowDesigner(notList.set)).toThrow('field "label_cache" is not a list of pills')
    })
})
