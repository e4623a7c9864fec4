// Ask For Approval's `approval_conditions`, as Flow Designer encodes them:
//   rule sets joined by `Or`; a rule set is an action (`ApprovesRejects`, `Approves`, `Rejects`)
//   followed by rules joined by `&`; a rule is conditions joined by `|`; a condition is a type
//   (`Any`, `All`, `<n>#` count, `<n>%` percent), then `U[users]` and/or `G[groups]`, each a
//   comma-separated list of data pills (`{{static.<sys_id>}}` for fixed ones). `M` (manual
//   approvers) is refused: nobody here picks approvers by hand.
// Example: `ApprovesRejectsAnyU[{{Service Catalog_1.request_item.opened_by.manager}}]`.

export type ApprovalDecision = 'approved' | 'rejected'

export interface ApprovalCondition {
    type: 'Any' | 'All' | 'Count' | 'Percent'
    threshold: number
    users: string[]
    groups: string[]
}

export interface ApprovalRuleSet {
    decides: ApprovalDecision[]
    /** AND of rules, each an OR of conditions. */
    rules: ApprovalCondition[][]
}

export class ApprovalRulesError extends Error {
    constructor(rules: string, message: string) {
        super(`Approval rules "${rules}": ${message}`)
        this.name = 'ApprovalRulesError'
    }
}

export function parseApprovalRules(text: string): ApprovalRuleSet[] {
    if (text.trim() === '') throw new ApprovalRulesError(text, 'empty; Ask For Approval needs at least one rule')
    return splitOutsideBrackets(text, 'Or').map((ruleSetText) => {
        const actionMatch = /^(ApprovesRejects|Approves|Rejects)/.exec(ruleSetText)
        if (!actionMatch?.[1])
            throw new ApprovalRulesError(
                text,
                `rule set "${ruleSetText}" does not start with ApprovesRejects, Approves or Rejects`
            )
        const action = actionMatch[1]
        const decides: ApprovalDecision[] =
            action === 'ApprovesRejects'
                ? ['approved', 'rejected']
                : action === 'Approves'
                  ? ['approved']
                  : ['rejected']
        const rulesText = ruleSetText.slice(action.length)
        if (rulesText === '') throw new ApprovalRulesError(text, `rule set "${ruleSetText}" names no approvers`)
        const rules = splitOutsideBrackets(rulesText, '&').map((ruleText) =>
            splitOutsideBrackets(ruleText, '|').map((conditionText) => parseCondition(text, conditionText))
        )
        return { decides, rules }
    })
}

function parseCondition(rules: string, text: string): ApprovalCondition {
    const head = /^(Any|All|(\d+)#|(\d+)%)/.exec(text)
    if (!head?.[1])
        throw new ApprovalRulesError(rules, `condition "${text}" does not start with Any, All, <n># or <n>%`)
    const type: ApprovalCondition['type'] = head[2] ? 'Count' : head[3] ? 'Percent' : head[1] === 'All' ? 'All' : 'Any'
    const threshold = Number(head[2] ?? head[3] ?? 0)
    let rest = text.slice(head[1].length)
    if (rest.startsWith('M'))
        throw new ApprovalRulesError(
            rules,
            `condition "${text}" uses manual approvers, which the local instance does not support`
        )
    const users: string[] = []
    const groups: string[] = []
    while (rest !== '') {
        const list = /^([UG])\[([^\]]*)\]/.exec(rest)
        if (!list?.[1])
            throw new ApprovalRulesError(
                rules,
                `cannot read "${rest}" in condition "${text}" (expected U[...] or G[...])`
            )
        const entries = (list[2] ?? '')
            .split(',')
            .map((entry) => entry.trim())
            .filter((entry) => entry !== '')
        ;(list[1] === 'U' ? users : groups).push(...entries)
        rest = rest.slice(list[0].length)
    }
    if (users.length === 0 && groups.length === 0)
        throw new ApprovalRulesError(rules, `condition "${text}" names no users or groups`)
    return { type, threshold, users, groups }
}

// Pill labels may contain the separators, so only split outside `[...]` and `{{...}}`.
function splitOutsideBrackets(text: string, separator: string): string[] {
    const parts: string[] = []
    let depth = 0
    let current = ''
    for (let index = 0; index < text.length; index += 1) {
        const character = text.charAt(index)
        if (character === '[' || character === '{') depth += 1
        if (character === ']' || character === '}') depth -= 1
        if (depth === 0 && text.startsWith(separator, index)) {
            parts.push(current)
            current = ''
            index += separator.length - 1
            continue
        }
        current += character
    }
    parts.push(current)
    return parts
}

/** Approver user sys_ids of one condition, after pills and groups are resolved by the caller. */
export interface ResolvedCondition {
    condition: ApprovalCondition
    approvers: string[]
}

export type ApproverStates = ReadonlyMap<string, string>

/**
 * The decision the rules reach given each approver's state ('requested', 'approved', 'rejected'),
 * or undefined while still open. A rule set that can only approve rejects once approval has
 * become impossible, as Flow Designer does.
 */
export function decideApproval(
    ruleSets: { decides: ApprovalDecision[]; rules: ResolvedCondition[][] }[],
    states: ApproverStates
): ApprovalDecision | undefined {
    for (const ruleSet of ruleSets) {
        for (const decision of ruleSet.decides) {
            if (ruleSet.rules.every((rule) => rule.some((resolved) => conditionMet(resolved, states, decision))))
                return decision
        }
    }
    const stillOpen = [...states.values()].some((state) => state === 'requested')
    if (!stillOpen) return 'rejected'
    return undefined
}

function conditionMet(resolved: ResolvedCondition, states: ApproverStates, decision: ApprovalDecision): boolean {
    const { condition, approvers } = resolved
    if (approvers.length === 0) return false
    const decided = approvers.filter((approver) => states.get(approver) === decision).length
    switch (condition.type) {
        case 'Any':
            return decided >= 1
        case 'All':
            return decided === approvers.length
        case 'Count':
            return decided >= condition.threshold
        case 'Percent':
            return (decided / approvers.length) * 100 >= condition.threshold
    }
}
