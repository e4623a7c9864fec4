/**
 * Finds, in any update set, the defects the integration guide's own set has (docs/servicenow.md,
 * list 1-9), from the records alone: no instance is consulted, so a check that needs something
 * the set does not carry says nothing rather than guess.
 */
import { decodeFlowValues, recordsOfTable } from './read-update-set.ts'
import type { PayloadRecord, UpdateSet } from './read-update-set.ts'

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

/** Platform actions (Zurich sys_ids, as in docs/servicenow.md). */
const GET_CATALOG_VARIABLES = '330ba3abc31013002841b63b12d3aee8'
const ASK_FOR_APPROVAL = 'f8f2e9920b10030085c083eb37673abd'
const WAIT_FOR_CONDITION = '89ce8a4187120010663ca1bb36cb0be3'
/** sc_req_item states: 3 Closed Complete, 4 Closed Incomplete, 7 Closed Skipped. */
const CLOSED_STATES = ['3', '4', '7']
/** item_option_new types a requester types into freely: 6 Single Line Text, 2 Multi Line Text. */
const FREE_TEXT_TYPES = new Set(['6', '2'])
const SYS_ID = /^[0-9a-f]{32}$/
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>{}\\]+/i
// A data pill with a path: `{{}}` is the platform's own empty placeholder in its configuration JSON.
const PILL = /\{\{[^{}]+\}\}/g
const HAS_PILL = /\{\{[^{}]+\}\}/

interface NamedValue {
    name: string
    value: string
}

interface FlowStep {
    flow: string
    order: number
    uiId: string
    /** action_type_parent (custom actions, exported with a snapshot) or action_type. */
    actionDefinition: string
    actionType: string
    values: NamedValue[]
}

function text(record: PayloadRecord, field: string): string {
    return record.fields[field]?.value ?? ''
}

/** Flow values are gzip+base64 JSON (SDK builds) or plain JSON (instance exports). */
function flowValues(encoded: string): unknown {
    const trimmed = encoded.trim()
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        try {
            return JSON.parse(trimmed) as unknown
        } catch {
            return null
        }
    }
    try {
        return decodeFlowValues(trimmed)
    } catch {
        return null
    }
}

function namedValues(decoded: unknown): NamedValue[] {
    if (!Array.isArray(decoded)) return []
    return decoded.flatMap((item: unknown) => {
        if (!item || typeof item !== 'object') return []
        const { name, value } = item as { name?: unknown; value?: unknown }
        return typeof name === 'string'
            ? [{ name, value: typeof value === 'string' ? value : JSON.stringify(value ?? '') }]
            : []
    })
}

/** A flow logic instance's inputs (e.g. If's condition) and assigned flow variables. */
function logicValues(record: PayloadRecord): { inputs: NamedValue[]; variables: NamedValue[] } {
    const decoded = flowValues(text(record, 'values'))
    if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) return { inputs: [], variables: [] }
    const { inputs, variables } = decoded as { inputs?: unknown; variables?: unknown }
    return { inputs: namedValues(inputs), variables: namedValues(variables) }
}

function flowSteps(set: UpdateSet): FlowStep[] {
    return recordsOfTable(set, 'sys_hub_action_instance_v2').map((record) => ({
        flow: text(record, 'flow'),
        order: Number(text(record, 'order')),
        uiId: text(record, 'ui_id'),
        actionDefinition: text(record, 'action_type_parent') || text(record, 'action_type'),
        actionType: text(record, 'action_type'),
        values: namedValues(flowValues(text(record, 'values'))),
    }))
}

/** `flow "<name>" (<sys_id>)`: a flow and its snapshot share the name, not the sys_id. */
function flowLabel(set: UpdateSet, flow: string): string {
    const named = [...recordsOfTable(set, 'sys_hub_flow'), ...recordsOfTable(set, 'sys_hub_flow_snapshot')].find(
        (record) => text(record, 'sys_id') === flow && text(record, 'name')
    )
    return named ? `flow "${text(named, 'name')}" (${flow})` : `flow ${flow}`
}

function valueOf(step: FlowStep, name: string): string {
    return step.values.find((value) => value.name === name)?.value ?? ''
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
function configuredValues(set: UpdateSet): Located[] {
    const located: Located[] = []
    for (const entry of set.records) {
        const where = entry.targetName || entry.name
        for (const record of entry.payload.records) {
            if (record.table === 'sys_variable_value' || record.table === 'sys_element_mapping') {
                const label = record.fields.variable?.attributes.display_value ?? text(record, 'field')
                located.push({ where: label ? `${where} (${label})` : where, value: text(record, 'value') })
            }
            if (record.table === 'sys_hub_action_instance_v2') {
                for (const value of namedValues(flowValues(text(record, 'values')))) {
                    located.push({ where: `${where} (${value.name})`, value: value.value })
                }
            }
            if (record.table === 'sys_script_include' || record.table === 'sys_script') {
                located.push({ where, value: text(record, 'script') })
            }
        }
    }
    return located
}

function isScript(value: string): boolean {
    return /\bfunction\s*\w*\s*\(|\bvar\s+[\w$]+\s*[=;]/.test(value)
}

/** The name a step input value stands for: its step input record in the set, else its label. */
function variableName(set: UpdateSet, record: PayloadRecord): string {
    const variable = text(record, 'variable')
    const input = [
        ...recordsOfTable(set, 'sys_hub_step_ext_input'),
        ...recordsOfTable(set, 'sys_hub_action_input'),
    ].find((candidate) => text(candidate, 'sys_id') === variable)
    if (input) return text(input, 'element')
    return (record.fields.variable?.attributes.display_value ?? '').trim().toLowerCase().replace(/\s+/g, '_')
}

function missingCatalogVariables(set: UpdateSet): Finding[] {
    const inSet = new Set(recordsOfTable(set, 'item_option_new').map((record) => text(record, 'sys_id')))
    const missing = new Set<string>()
    for (const step of flowSteps(set)) {
        if (step.actionType !== GET_CATALOG_VARIABLES) continue
        for (const reference of valueOf(step, 'catalog_variables').split(',')) {
            const sysId = reference.split(':')[0]?.trim() ?? ''
            if (SYS_ID.test(sysId) && !inSet.has(sysId)) missing.add(sysId)
        }
    }
    if (missing.size === 0) return []
    return [
        {
            defect: 1,
            detail: `Get Catalog Variables reads ${missing.size} item_option_new record(s) the set does not carry: ${[...missing].join(', ')}`,
        },
    ]
}

function missingAliases(set: UpdateSet): Finding[] {
    const inSet = new Set(recordsOfTable(set, 'sys_alias').map((record) => text(record, 'sys_id')))
    const used = new Set<string>()
    for (const record of recordsOfTable(set, 'sys_variable_value')) {
        if (variableName(set, record) === 'connection_alias') used.add(text(record, 'value').trim())
    }
    for (const record of recordsOfTable(set, 'sys_element_mapping')) {
        if (text(record, 'field') === 'connection_alias') used.add(text(record, 'value').trim())
    }
    for (const step of flowSteps(set)) used.add(valueOf(step, 'connection_alias').trim())
    const missing = [...used].filter((sysId) => SYS_ID.test(sysId) && !inSet.has(sysId))
    if (missing.length === 0) return []
    return [
        {
            defect: 2,
            detail: `connection alias ${missing.join(', ')} is used but no sys_alias record for it is in the set`,
        },
    ]
}

function hardCodedUrls(set: UpdateSet): Finding[] {
    return configuredValues(set).flatMap(({ where, value }) => {
        const url = URL_PATTERN.exec(value)?.[0]
        return url ? [{ defect: 3 as const, detail: `${where} hard-codes ${url}` }] : []
    })
}

function templatedJson(set: UpdateSet): Finding[] {
    return configuredValues(set).flatMap(({ where, value }) => {
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

function customActionNames(set: UpdateSet): Map<string, string> {
    const names = new Map<string, string>()
    // An export may carry a definition twice (the action and its snapshot's copy), one without a name.
    for (const record of recordsOfTable(set, 'sys_hub_action_type_definition')) {
        if (text(record, 'name')) names.set(text(record, 'sys_id'), text(record, 'name'))
    }
    return names
}

function stepsOfKind(set: UpdateSet, kind: RegExp): FlowStep[] {
    const names = customActionNames(set)
    return flowSteps(set).filter((step) => kind.test(names.get(step.actionDefinition) ?? ''))
}

const GRANT = /create|grant/i
const REVOKE = /delete|revoke/i

function uncheckedApprovals(set: UpdateSet): Finding[] {
    const findings: Finding[] = []
    const logic = recordsOfTable(set, 'sys_hub_flow_logic_instance_v2')
    for (const grant of stepsOfKind(set, GRANT)) {
        const approvals = flowSteps(set).filter(
            (step) => step.flow === grant.flow && step.actionType === ASK_FOR_APPROVAL && step.order < grant.order
        )
        if (approvals.length === 0) continue
        const outcomePills = approvals.map((approval) => `{{${approval.uiId}.approval_state}}`)
        const flowLogic = logic.filter(
            (record) => text(record, 'flow') === grant.flow && Number(text(record, 'order')) < grant.order
        )
        for (const record of flowLogic) {
            for (const variable of logicValues(record).variables) {
                if (outcomePills.some((pill) => variable.value.includes(pill)))
                    outcomePills.push(`{{flow_variable.${variable.name}}}`)
            }
        }
        const checked = flowLogic.some((record) =>
            logicValues(record).inputs.some(
                (input) => input.name === 'condition' && outcomePills.some((pill) => input.value.includes(pill))
            )
        )
        if (!checked) {
            findings.push({
                defect: 5,
                detail: `${flowLabel(set, grant.flow)}: the grant (step ${grant.order}) runs whatever the approval's outcome; no condition reads approval_state before it`,
            })
        }
    }
    return findings
}

function managerOnlyApprovals(set: UpdateSet): Finding[] {
    const byFlow = new Map<string, FlowStep[]>()
    for (const step of flowSteps(set)) {
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
                detail: `${flowLabel(set, flow)}: every approval goes to the requester's manager only (${rules[0] ?? ''}); with no manager it is approved at once`,
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

function closedCompleteOnly(set: UpdateSet): Finding[] {
    const revokeFlows = new Set(stepsOfKind(set, REVOKE).map((step) => step.flow))
    return flowSteps(set).flatMap((step) => {
        if (step.actionType !== WAIT_FOR_CONDITION || !revokeFlows.has(step.flow)) return []
        const conditions = valueOf(step, 'conditions')
        return closedStatesCovered(conditions)
            ? []
            : [
                  {
                      defect: 7 as const,
                      detail: `${flowLabel(set, step.flow)}: the revoke waits for "${conditions}", so an item closed incomplete or skipped keeps its access until Kpow's expiry`,
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
    // Exports repeat records (a flow and its snapshot, a step and its definition's copy): say each thing once.
    const seen = new Set<string>()
    return [
        ...missingCatalogVariables(set),
        ...missingAliases(set),
        ...hardCodedUrls(set),
        ...templatedJson(set),
        ...uncheckedApprovals(set),
        ...managerOnlyApprovals(set),
        ...closedCompleteOnly(set),
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
