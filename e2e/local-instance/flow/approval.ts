// Ask For Approval: the approvers its rules name (users, groups, pills) get approval records, the
// run waits until the rules decide (or the due date passes: the due action's state is the outcome),
// and the record's approval field and journal say how it ended. The approvals and the run waiting
// on them are stored in one transaction.
import type { ApprovalDecision, ResolvedCondition } from '../../../scripts/lib/update-set/index'
import { decideApproval } from '../../../scripts/lib/update-set/index'
import type { ActionNode, ApprovalDueAction } from '../flow-model'
import { dueActionState, glideDateTimeMilliseconds, parseApprovalDueDate } from '../flow-model'
import type { ActionCall, BuiltInAction, FlowServices } from './construct'
import { resolveText } from './pills'
import type { ApprovalWait, Scope } from './run-model'
import { FlowRunError, userName } from './run-model'
import { glideDateTime } from '../tables'
import { pauseRun } from './waits'

export const askForApproval: BuiltInAction = async (call, services) => {
    const outcome = await approvalOutcome(call, services)
    return new Map([['approval_state', { value: outcome }]])
}

async function approvalOutcome(call: ActionCall, services: FlowServices): Promise<ApprovalDecision | 'cancelled'> {
    const { run, log, resumedWait } = call
    const { database, book } = services
    // The approvals and the run waiting on them are stored together: a restart finds both or neither.
    const wait =
        (resumedWait?.kind === 'approval' ? resumedWait : undefined) ??
        database.transaction(() => {
            const requested = requestApprovals(call, services)
            if (requested !== 'approved') book.store(run, requested)
            return requested
        })
    if (wait === 'approved') return 'approved'
    const { table, sysId, approvalIds, ruleSets, approvalField, journalField } = wait
    const decide = (): ApprovalDecision | undefined => {
        const states = new Map(
            approvalIds.map((approvalId) => {
                const approval = database.require('sysapproval_approver', approvalId)
                return [approval.approver ?? '', approval.state ?? '']
            })
        )
        return decideApproval(ruleSets, states)
    }
    let decision = decide()
    let duePassed = false
    if (!decision) {
        const { due } = wait
        const outcome = await pauseRun(
            services,
            run,
            log,
            wait,
            (change) => {
                if (change.table !== 'sysapproval_approver' || !approvalIds.includes(change.sysId)) return false
                decision = decide()
                return decision !== undefined
            },
            due && Math.max(0, due.at - database.now().getTime())
        )
        // The due date passed with the approval undecided: what is still requested gets the due
        // action's state (as the system), and that state is the approval's outcome.
        if (outcome === 'timeout' && due) {
            duePassed = true
            for (const approvalId of approvalIds) {
                if (database.require('sysapproval_approver', approvalId).state === 'requested')
                    database.update('sysapproval_approver', approvalId, { state: dueActionState[due.action] }, 'system')
            }
            log.messages.push({
                level: 'info',
                message: `due date ${due.date} passed without a decision: ${dueActionState[due.action]}`,
            })
        }
    }
    // Approvals cancelled because the item closed (task-rules.ts) end the approval as cancelled: nothing was decided.
    const cancelled = approvalIds.every(
        (approvalId) => database.require('sysapproval_approver', approvalId).state === 'cancelled'
    )
    const outcome =
        duePassed && wait.due ? dueActionState[wait.due.action] : cancelled ? 'cancelled' : (decision ?? 'rejected')
    for (const approvalId of approvalIds) {
        if (database.require('sysapproval_approver', approvalId).state === 'requested') {
            database.update('sysapproval_approver', approvalId, { state: 'not_required' }, 'system')
        }
    }
    const values: Record<string, string> = { [approvalField]: outcome }
    if (journalField)
        values[journalField] =
            `${outcome === 'approved' ? 'Approved' : outcome === 'rejected' ? 'Rejected' : 'Cancelled'}${duePassed ? ` at the due date ${wait.due?.date ?? ''}, nobody having decided` : ''} (${decisionSummary(services, approvalIds)})`
    database.update(table, sysId, values, 'system')
    return outcome
}

/** Creates the approval records the rules need; 'approved' when no approver resolves (as the platform does). */
function requestApprovals({ node, inputs, log, scope }: ActionCall, services: FlowServices): ApprovalWait | 'approved' {
    const database = services.database
    const table = inputs.get('table')?.value ?? ''
    const sysId = inputs.get('record')?.value ?? ''
    const approvalField = inputs.get('approval_field')?.value || 'approval'
    const journalField = inputs.get('journal_field')?.value || ''
    if (table !== 'sc_req_item')
        throw new FlowRunError(`Ask For Approval on table "${table}" is not supported (only sc_req_item)`)
    database.require(table, sysId)
    const due = approvalDue(services, node, scope)
    const ruleSets = (node.approvalRules ?? []).map((ruleSet) => ({
        decides: ruleSet.decides,
        rules: ruleSet.rules.map((rule) =>
            rule.map((condition): ResolvedCondition => ({
                condition,
                approvers: resolveApprovers(services, condition.users, condition.groups, scope),
            }))
        ),
    }))
    const approvers = [
        ...new Set(ruleSets.flatMap((ruleSet) => ruleSet.rules.flat().flatMap((resolved) => resolved.approvers))),
    ]
    log.inputs.resolved_approvers = approvers.map((approver) => userName(database, approver)).join(', ')
    if (approvers.length === 0) {
        // What the platform does when every approver pill is empty (e.g. a requester without a
        // manager): the approval is granted at once. Flows must guard against it themselves.
        log.messages.push({ level: 'warn', message: 'No approvers resolved: approved at once, as on the platform' })
        database.update(table, sysId, { [approvalField]: 'approved' }, 'system')
        return 'approved'
    }
    database.update(table, sysId, { [approvalField]: 'requested' }, 'system')
    const approvalIds = approvers.map(
        (approver) =>
            database.insert(
                'sysapproval_approver',
                {
                    approver,
                    sysapproval: sysId,
                    source_table: table,
                    document_id: sysId,
                    state: 'requested',
                    due_date: due?.date ?? '',
                },
                'system'
            ).sys_id
    )
    return {
        kind: 'approval',
        description: `approval by ${log.inputs.resolved_approvers}`,
        table,
        sysId,
        approvalIds,
        ruleSets,
        approvalField,
        journalField,
        due: due && due.action !== 'none' ? { ...due, action: due.action } : undefined,
    }
}

/**
 * The due date of an Ask For Approval: its date split out of the JSON before its pill is resolved;
 * a resolved date that is not a date-time fails the action (never an approval without its deadline).
 */
function approvalDue(
    { database }: FlowServices,
    node: ActionNode,
    scope: Scope
): { at: number; date: string; action: ApprovalDueAction | 'none' } | undefined {
    const text = node.inputs.find((input) => input.name === 'due_date')?.value ?? ''
    if (text === '') return undefined
    const dueDate = parseApprovalDueDate(text)
    if (typeof dueDate === 'string') throw new FlowRunError(dueDate)
    if (dueDate.kind === 'from-now') {
        const at = database.now().getTime() + dueDate.milliseconds
        return { at, date: glideDateTime(new Date(at)), action: dueDate.action }
    }
    const date = resolveText(database, dueDate.date, scope).trim()
    const at = glideDateTimeMilliseconds(date)
    if (at === undefined) {
        if (dueDate.action === 'none') return undefined
        throw new FlowRunError(
            `due_date's date "${dueDate.date}" is "${date}", not a date-time (expected YYYY-MM-DD HH:mm:ss)`
        )
    }
    return { at, date, action: dueDate.action }
}

function decisionSummary({ database }: FlowServices, approvalIds: string[]): string {
    return approvalIds
        .map((approvalId) => database.require('sysapproval_approver', approvalId))
        .map((approval) => `${userName(database, approval.approver ?? '')}: ${approval.state ?? ''}`)
        .join('; ')
}

function resolveApprovers({ database }: FlowServices, users: string[], groups: string[], scope: Scope): string[] {
    const ids = (entries: string[]) =>
        entries
            .flatMap((entry) => resolveText(database, entry, scope).split(','))
            .map((value) => value.trim())
            .filter((value) => value !== '')
    const groupMembers = ids(groups).flatMap((groupId) =>
        database.query('sys_user_grmember', `group=${groupId}`).map((member) => member.user ?? '')
    )
    return [...new Set([...ids(users), ...groupMembers])].filter(
        (userId) => database.get('sys_user', userId)?.active !== 'false'
    )
}
