/**
 * Finds, in any update set, the defects the integration guide's own set has (the nine
 * listed in DEFECT_TITLES), from the records alone: no instance is consulted, so a check that needs something
 * the set does not carry says nothing rather than guess.
 */
import { recordsOfTable } from './read-update-set.ts'
import type { PayloadRecord, UpdateSet } from './read-update-set.ts'
import { BUILT_IN_ACTIONS, readFlowDesigner } from './flow-designer.ts'
import type { ActionInstance, FlowDesignerView, StepVariableValue } from './flow-designer.ts'

export type DefectNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9

export interface Finding {
    defect: DefectNumber
    /** What is wrong and where, in one line. */
    detail: string
}

export const DEFECT_TITLES: Record<DefectNumber, string> = {
    1: 'catalog variables read by the flow are not in the set',
    2: 'connection alias used but not in the set',
    3: 'hard-coded URL',
    4: 'JSON body built by pasting data pills into a string template',
    5: 'approval outcome not checked before the grant',
    6: 'requester with no manager is auto-approved',
    7: 'only Closed Complete revokes',
    8: 'free-text variable without validation',
    9: 'global scope',
}

const GET_CATALOG_VARIABLES = BUILT_IN_ACTIONS.getCatalogVariables.sysId
const ASK_FOR_APPROVAL = BUILT_IN_ACTIONS.askForApproval.sysId
const WAIT_FOR_CONDITION = BUILT_IN_ACTIONS.waitForCondition.sysId
/** sc_req_item states: 3 Closed Complete, 4 Closed Incomplete, 7 Closed Skipped. */
const CLOSED_STATES = ['3', '4', '7']
/** item_option_new types a requester types into freely: 6 Single Line Text, 2 Multi Line Text. */
const FREE_TEXT_TYPES = new Set(['6', '2'])
const SYS_ID = /^[0-9a-f]{32}$/
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>{}\\]+/i
// A data pill with a path: `{{}}` is the platform's own empty placeholder in its configuration JSON.
const PILL = /\{\{[^{}]+\}\}/g
const HAS_PILL = /\{\{[^{}]+\}\}/

/** An action instance of a flow, with the action it runs. */
type FlowStep = ActionInstance & {
    /** action_type_parent (custom actions, exported with a snapshot) or action_type. */
    actionDefinition: string
}

function text(record: PayloadRecord, field: string): string {
    return record.fields[field]?.value ?? ''
}

function flowSteps(view: FlowDesignerView): FlowStep[] {
    return view.actionInstances.map((step) => ({ ...step, actionDefinition: step.actionTypeParent || step.actionType }))
}

/** `flow "<name>" (<sys_id>)`: a flow and its snapshot share the name, not the sys_id. */
function flowLabel(view: FlowDesignerView, flow: string): string {
    const named = [...view.flows, ...view.flowSnapshots].find((record) => record.sysId === flow && record.name)
    return named ? `flow "${named.name}" (${flow})` : `flow ${flow}`
}

function valueOf(step: FlowStep, name: string): string {
    return step.inputs.find((value) => value.name === name)?.value ?? ''
}

/** Where a text came from, for the finding's detail. */
interface Located {
    where: string
    value: string
}

/**
 * Every configured value a step, action or flow carries: step inputs (sys_variable_value, which
 * also holds script steps' scripts), element mappings and flow action inputs.
 */
function configuredValues(set: UpdateSet, view: FlowDesignerView): Located[] {
    const located: Located[] = []
    for (const entry of set.records) {
        const where = entry.targetName || entry.name
        for (const record of entry.payload.records) {
            if (record.table === 'sys_variable_value' || record.table === 'sys_element_mapping') {
                const label = record.fields.variable?.attributes.display_value ?? text(record, 'field')
                located.push({ where: label ? `${where} (${label})` : where, value: text(record, 'value') })
            }
            if (record.table === 'sys_hub_action_instance_v2') {
                const step = view.actionInstances.find(
                    (instance) => instance.updateName === entry.name && instance.sysId === text(record, 'sys_id')
                )
                for (const input of step?.inputs ?? []) {
                    if (step?.actionType === BUILT_IN_ACTIONS.askForApproval.sysId && isDueDateOfOnePill(input))
                        continue
                    located.push({ where: `${where} (${input.name})`, value: input.value })
                }
            }
            if (record.table === 'sys_script_include' || record.table === 'sys_script') {
                located.push({ where, value: text(record, 'script') })
            }
        }
    }
    return located
}

/**
 * Ask For Approval's due date is JSON written by the SDK (`wfa.approvalDueDate`), not a request
 * body: a date-time pill as its whole `date` is a value the platform reads, nothing requester-typed is
 * spliced into text. Any other pill in it still counts as a template.
 */
function isDueDateOfOnePill(input: { name: string; value: string }): boolean {
    if (input.name !== 'due_date') return false
    try {
        const { date, ...rest } = JSON.parse(input.value) as Record<string, unknown>
        return typeof date === 'string' && /^\{\{[^{}]+\}\}$/.test(date) && !HAS_PILL.test(JSON.stringify(rest))
    } catch {
        return false
    }
}

function isScript(value: string): boolean {
    return /\bfunction\s*\w*\s*\(|\bvar\s+[\w$]+\s*[=;]/.test(value)
}

/** The name a step input value stands for: its step or action input in the set, else its label. */
function variableName(view: FlowDesignerView, value: StepVariableValue): string {
    const inputs = view.actionTypes.flatMap((action) => [
        ...action.inputs,
        ...action.steps.flatMap((step) => step.inputs),
    ])
    const input = inputs.find((candidate) => candidate.sysId === value.variable)
    if (input) return input.element
    return value.variableLabel.trim().toLowerCase().replace(/\s+/g, '_')
}

function missingCatalogVariables(set: UpdateSet, view: FlowDesignerView): Finding[] {
    const inSet = new Set(recordsOfTable(set, 'item_option_new').map((record) => text(record, 'sys_id')))
    const missing = new Set<string>()
    for (const step of flowSteps(view)) {
        if (step.actionType !== GET_CATALOG_VARIABLES) continue
        for (const reference of valueOf(step, 'catalog_variables').split(',')) {
            const sysId = reference.split(':')[0]?.trim() ?? ''
            if (SYS_ID.test(sysId) && !inSet.has(sysId)) missing.add(sysId)
        }
    }
    const findings: Finding[] =
        missing.size === 0
            ? []
            : [
                  {
                      defect: 1,
                      detail: `Get Catalog Variables reads ${missing.size} item_option_new record(s) the set does not carry: ${[...missing].join(', ')}`,
                  },
              ]
    // A flow may read its items' variables from a script (one flow serving several items): then every
    // item the set's flows serve must carry its variables.
    const itemsWithVariables = new Set(recordsOfTable(set, 'item_option_new').map((record) => text(record, 'cat_item')))
    for (const item of itemsServedByFlows(set, view)) {
        if (!itemsWithVariables.has(text(item, 'sys_id')))
            findings.push({
                defect: 1,
                detail: `catalog item "${text(item, 'name')}" is fulfilled by a flow of the set, but the set carries none of its variables`,
            })
    }
    return findings
}

/** The set's catalog items whose flow is in the set. */
export function itemsServedByFlows(set: UpdateSet, view: FlowDesignerView): PayloadRecord[] {
    const flows = new Set(view.flows.map((flow) => flow.sysId))
    return recordsOfTable(set, 'sc_cat_item').filter((item) => flows.has(text(item, 'flow_designer_flow')))
}

function missingAliases(set: UpdateSet, view: FlowDesignerView): Finding[] {
    const inSet = new Set(recordsOfTable(set, 'sys_alias').map((record) => text(record, 'sys_id')))
    const used = new Set<string>()
    for (const value of view.actionTypes.flatMap((action) => action.steps.flatMap((step) => step.variableValues))) {
        if (variableName(view, value) === 'connection_alias') used.add(value.value.trim())
    }
    for (const record of recordsOfTable(set, 'sys_element_mapping')) {
        if (text(record, 'field') === 'connection_alias') used.add(text(record, 'value').trim())
    }
    for (const step of flowSteps(view)) used.add(valueOf(step, 'connection_alias').trim())
    const missing = [...used].filter((sysId) => SYS_ID.test(sysId) && !inSet.has(sysId))
    if (missing.length === 0) return []
    return [
        {
            defect: 2,
            detail: `connection alias ${missing.join(', ')} is used but no sys_alias record for it is in the set`,
        },
    ]
}

function hardCodedUrls(set: UpdateSet, view: FlowDesignerView): Finding[] {
    return configuredValues(set, view).flatMap(({ where, value }) => {
        const url = URL_PATTERN.exec(value)?.[0]
        return url ? [{ defect: 3 as const, detail: `${where} hard-codes ${url}` }] : []
    })
}

function templatedJson(set: UpdateSet, view: FlowDesignerView): Finding[] {
    return configuredValues(set, view).flatMap(({ where, value }) => {
        if (isScript(value)) {
            const concatenated = /'[^'\n]*"[\w$-]+"\s*:\s*"?'\s*\+|`[^`]*"[\w$-]+"\s*:[^`]*\$\{/.exec(value)
            return concatenated
                ? [
                      {
                          defect: 4 as const,
                          detail: `${where} builds JSON by string concatenation: ${concatenated[0].trim()}`,
                      },
                  ]
                : []
        }
        const withoutPills = value.replace(PILL, '').trim()
        const looksLikeJson = /^[{[]/.test(withoutPills) && /"[^"]+"\s*:/.test(withoutPills)
        return looksLikeJson && HAS_PILL.test(value)
            ? [{ defect: 4 as const, detail: `${where} pastes data pills into a JSON template` }]
            : []
    })
}

function customActionNames(view: FlowDesignerView): Map<string, string> {
    const names = new Map<string, string>()
    // An export may carry a definition twice (the action and its snapshot's copy), one without a name.
    for (const action of view.actionTypes) if (action.name) names.set(action.sysId, action.name)
    return names
}

function stepsOfKind(view: FlowDesignerView, kind: RegExp): FlowStep[] {
    const names = customActionNames(view)
    return flowSteps(view).filter((step) => kind.test(names.get(step.actionDefinition) ?? ''))
}

const GRANT = /create|grant/i
const REVOKE = /delete|revoke/i

function uncheckedApprovals(set: UpdateSet, view: FlowDesignerView): Finding[] {
    const findings: Finding[] = []
    const logic = view.logicInstances
    for (const grant of stepsOfKind(view, GRANT)) {
        const approvals = flowSteps(view).filter(
            (step) => step.flow === grant.flow && step.actionType === ASK_FOR_APPROVAL && step.order < grant.order
        )
        // A subflow that asks for approval (Kpow - Decide Access) decides for its caller: any of the
        // call's outputs is its outcome.
        const approvingSubflows = new Set(
            view.actionInstances.filter((step) => step.actionType === ASK_FOR_APPROVAL).map((step) => step.flow)
        )
        const approvalCalls = view.subflowInstances.filter(
            (call) => call.flow === grant.flow && approvingSubflows.has(call.subflow) && call.order < grant.order
        )
        if (approvals.length === 0 && approvalCalls.length === 0) continue
        const outcomePills = [
            ...approvals.map((approval) => `{{${approval.uiId}.approval_state}}`),
            ...approvalCalls.map((call) => `{{${call.uiId}.`),
        ]
        const flowLogic = logic.filter((record) => record.flow === grant.flow && record.order < grant.order)
        for (const record of flowLogic) {
            for (const variable of record.variables) {
                if (outcomePills.some((pill) => variable.value.includes(pill)))
                    outcomePills.push(`{{flow_variable.${variable.name}}}`)
            }
        }
        const checked = flowLogic.some((record) =>
            record.inputs.some(
                (input) => input.name === 'condition' && outcomePills.some((pill) => input.value.includes(pill))
            )
        )
        if (!checked) {
            findings.push({
                defect: 5,
                detail: `${flowLabel(view, grant.flow)}: the grant (step ${grant.order}) runs whatever the approval's outcome; no condition reads approval_state before it`,
            })
        }
    }
    return findings
}

function managerOnlyApprovals(set: UpdateSet, view: FlowDesignerView): Finding[] {
    const byFlow = new Map<string, FlowStep[]>()
    for (const step of flowSteps(view)) {
        if (step.actionType !== ASK_FOR_APPROVAL) continue
        byFlow.set(step.flow, [...(byFlow.get(step.flow) ?? []), step])
    }
    const findings: Finding[] = []
    for (const [flow, approvals] of byFlow) {
        const managerOnly = (rules: string) =>
            /manager\}\}/.test(rules) &&
            !/G\[[^\]]+\]/.test(rules) &&
            (rules.match(PILL) ?? []).every((pill) => pill.endsWith('manager}}'))
        const rules = approvals.map((approval) => valueOf(approval, 'approval_conditions'))
        // A Flow Designer approval whose only approver is an empty reference is approved at once.
        if (rules.every(managerOnly)) {
            findings.push({
                defect: 6,
                detail: `${flowLabel(view, flow)}: every approval goes to the requester's manager only (${rules[0] ?? ''}); with no manager it is approved at once`,
            })
        }
    }
    return findings
}

function closedStatesCovered(conditions: string): boolean {
    if (/(^|\^|OR)active=false/.test(conditions)) return true
    const states = new Set<string>()
    for (const match of conditions.matchAll(/(?:^|\^|OR)state(=|IN)([\w,]+)/g)) {
        for (const state of (match[2] ?? '').split(',')) states.add(state)
    }
    return CLOSED_STATES.every((state) => states.has(state))
}

function closedCompleteOnly(set: UpdateSet, view: FlowDesignerView): Finding[] {
    const revokeFlows = new Set(stepsOfKind(view, REVOKE).map((step) => step.flow))
    return flowSteps(view).flatMap((step) => {
        if (step.actionType !== WAIT_FOR_CONDITION || !revokeFlows.has(step.flow)) return []
        const conditions = valueOf(step, 'conditions')
        return closedStatesCovered(conditions)
            ? []
            : [
                  {
                      defect: 7 as const,
                      detail: `${flowLabel(view, step.flow)}: the revoke waits for "${conditions}", so an item closed incomplete or skipped keeps its access until Kpow's expiry`,
                  },
              ]
    })
}

function freeTextVariables(set: UpdateSet): Finding[] {
    const regexes = new Set(recordsOfTable(set, 'question_regex').map((record) => text(record, 'sys_id')))
    return recordsOfTable(set, 'item_option_new').flatMap((variable) => {
        const name = text(variable, 'name')
        const kind = /role/i.test(name)
            ? 'role'
            : /cluster/i.test(name)
              ? 'cluster'
              : /duration/i.test(name)
                ? 'duration'
                : undefined
        if (!kind || !FREE_TEXT_TYPES.has(text(variable, 'type'))) return []
        const regex = text(variable, 'validate_regex')
        // Any role typed freely is a request for any role; cluster and duration need a pattern at least.
        if (kind !== 'role' && regex && (regexes.has(regex) || !SYS_ID.test(regex))) return []
        return [
            {
                defect: 8 as const,
                detail: `catalog variable ${name} is free text${kind === 'role' ? ' (any role may be asked for)' : ' with no validation'}`,
            },
        ]
    })
}

function globalScope(set: UpdateSet): Finding[] {
    const application = set.header.application?.value ?? ''
    const globalRecords = set.records.filter((entry) => entry.application === 'global')
    if (application !== 'global' && globalRecords.length === 0) return []
    return [
        {
            defect: 9,
            detail: `${application === 'global' ? 'the update set is' : `${globalRecords.length} record(s) are`} in the global scope, not a scoped application`,
        },
    ]
}

/** Every finding, in the guide's order. */
export function findDefects(set: UpdateSet): Finding[] {
    const view = readFlowDesigner(set)
    // Exports repeat records (a flow and its snapshot, a step and its definition's copy): say each thing once.
    const seen = new Set<string>()
    return [
        ...missingCatalogVariables(set, view),
        ...missingAliases(set, view),
        ...hardCodedUrls(set, view),
        ...templatedJson(set, view),
        ...uncheckedApprovals(set, view),
        ...managerOnlyApprovals(set, view),
        ...closedCompleteOnly(set, view),
        ...freeTextVariables(set),
        ...globalScope(set),
    ].filter((finding) => {
        const key = `${finding.defect} ${finding.detail}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
    })
}

export function formatFinding(finding: Finding): string {
    return `defect ${finding.defect} (${DEFECT_TITLES[finding.defect]}): ${finding.detail}`
}
