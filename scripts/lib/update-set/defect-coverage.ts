/**
 * For each of the guide's nine defects, whether a set has it, has not, or does not carry what the
 * check needs (so "not found" would be a guess): the summary `npm run check:defects` ends with.
 */
import { DEFECT_TITLES, findDefects, itemsServedByFlows } from './find-defects.ts'
import type { DefectNumber, Finding } from './find-defects.ts'
import { recordsOfTable } from './read-update-set.ts'
import type { PayloadRecord, UpdateSet } from './read-update-set.ts'
import { BUILT_IN_ACTIONS, readFlowDesigner } from './flow-designer.ts'

export type DefectVerdict =
    | { defect: DefectNumber; title: string; verdict: 'found'; findings: Finding[] }
    | { defect: DefectNumber; title: string; verdict: 'not found' }
    | { defect: DefectNumber; title: string; verdict: 'cannot be detected'; why: string }

const field = (record: PayloadRecord, name: string): string => record.fields[name]?.value ?? ''

/** What a set must carry for each check to say "not found" with confidence, and why when it does not. */
function missingEvidence(set: UpdateSet): Partial<Record<DefectNumber, string>> {
    const view = readFlowDesigner(set)
    const steps = view.actionInstances
    const actionNames = new Map(view.actionTypes.map((action) => [action.sysId, action.name]))
    const customStepsNamed = (pattern: RegExp) =>
        steps.filter((step) => pattern.test(actionNames.get(step.actionTypeParent || step.actionType) ?? ''))
    const stepsOf = (action: { sysId: string }) => steps.filter((step) => step.actionType === action.sysId)
    const grants = customStepsNamed(/create|grant/i)
    const approvals = stepsOf(BUILT_IN_ACTIONS.askForApproval)
    const revokeFlows = new Set(customStepsNamed(/delete|revoke/i).map((step) => step.flow))
    const variableNames = recordsOfTable(set, 'item_option_new').map((record) => field(record, 'name'))

    const missing: Partial<Record<DefectNumber, string>> = {}
    if (stepsOf(BUILT_IN_ACTIONS.getCatalogVariables).length === 0 && itemsServedByFlows(set, view).length === 0)
        missing[1] =
            'no flow step reads catalog variables (Get Catalog Variables) and no catalog item names a flow of the set'
    if (actionNames.size === 0) {
        missing[2] = 'it carries no custom action, where a connection alias would be used'
        missing[4] = 'it carries no custom action, where a request body would be built'
    }
    if (grants.length === 0) missing[5] = 'no flow step calls a create or grant action'
    else if (approvals.length === 0) missing[5] = 'no flow asks for approval before its grant'
    if (approvals.length === 0) missing[6] = 'no flow step asks for approval'
    if (revokeFlows.size === 0) missing[7] = 'no flow step calls a delete or revoke action'
    else if (!stepsOf(BUILT_IN_ACTIONS.waitForCondition).some((step) => revokeFlows.has(step.flow)))
        missing[7] = 'the flow that revokes waits for no condition'
    if (!variableNames.some((name) => /role|cluster|duration/i.test(name)))
        missing[8] =
            'it carries none of the role, cluster or duration catalog variables, so their types and validation are unknown'
    return missing
}

export function defectCoverage(set: UpdateSet): DefectVerdict[] {
    const findings = findDefects(set)
    const missing = missingEvidence(set)
    return (Object.keys(DEFECT_TITLES).map(Number) as DefectNumber[]).map((defect): DefectVerdict => {
        const title = DEFECT_TITLES[defect]
        const found = findings.filter((finding) => finding.defect === defect)
        if (found.length > 0) return { defect, title, verdict: 'found', findings: found }
        const why = missing[defect]
        return why ? { defect, title, verdict: 'cannot be detected', why } : { defect, title, verdict: 'not found' }
    })
}

export function formatVerdict(verdict: DefectVerdict): string {
    const head = `defect ${String(verdict.defect)} (${verdict.title}): `
    if (verdict.verdict === 'found') return `${head}found (${String(verdict.findings.length)})`
    if (verdict.verdict === 'not found') return `${head}not found`
    return `${head}cannot be detected in this set: ${verdict.why}`
}
