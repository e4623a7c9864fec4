/**
 * `verify`: after a deploy, checks on the instance each platform behaviour the local instance can
 * only model (README, "what only a real instance confirms"), each answered *holds*, *differs* (what
 * was seen, what to do) or *cannot check* (why). It reads the app's records, then orders once as
 * the smoke test's requester: the approval's due date is read, the manager approves, and the
 * grant's effects are read on the item (notes, task fields), in the outbox (the requester's email),
 * on the item's form as the requester and as someone else (End my Kpow access), and in the flow's
 * context (waiting, not failed, once the wait's timeout was given). Whatever happens, it closes its
 * item and deletes a policy it caused. Exit 0 only when every check holds.
 */
import type { AppUpdateSet } from './app-update-set.ts'
import { DEFAULT_TIMING, shown } from './deploy.ts'
import type { Timing } from './deploy.ts'
import { DeployError } from './errors.ts'
import { KpowClient } from './kpow-client.ts'
import { boundedServerText } from './redaction.ts'
import type { Reporter } from './reporter.ts'
import { ServiceNowClient } from './servicenow-client.ts'
import type { ServiceNowCredentials, TableRecord } from './servicenow-client.ts'
import { REFUSED_CREDENTIALS_FIX } from './settings.ts'
import {
    GRANTED,
    NOT_GRANTED,
    cleanUp,
    findRequesterAndManager,
    managerApproval,
    orderItem,
    orderVariables,
    waitFor,
} from './smoke.ts'
import type { SmokeOptions } from './smoke.ts'
import { readStatus } from './status.ts'

export type Verdict = 'holds' | 'differs' | 'cannot check'

export interface CheckResult {
    check: string
    verdict: Verdict
    /** What was seen (holds, differs) or why it could not be checked. */
    seen: string
    /** What to do, for a check that differs. */
    todo?: string
}

export type VerifyOptions = SmokeOptions

export interface VerifyReport {
    checks: CheckResult[]
    allHold: boolean
}

export const CHECKS = {
    activated: 'actions published and flows active',
    connection: "the connection alias's connection and credential resolve",
    approvalDeadline: 'approval due date = now + x_kpow_jit.approval_deadline_hours',
    itemWrites: "the app's scope writes sc_req_item (work notes, task fields)",
    email: 'an email to the requester on a grant',
    endAccess: 'End my Kpow access shows for the requester only',
    waitTimeout: "the engine accepted the wait's timeout (flow context waiting)",
} as const

const DEADLINE_PROPERTY = 'x_kpow_jit.approval_deadline_hours'
/** The approval's due date may lie this far from its creation + the deadline (the flow computes "now" a step earlier). */
const DEADLINE_TOLERANCE_MS = 5 * 60_000
const END_ACCESS_ACTION = 'x_kpow_jit_end_access'

/** A Table API date-time value (UTC, "YYYY-MM-DD HH:mm:ss") as epoch ms; NaN when it is none. */
export function parseGlideDateTime(text: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text)
    if (!match) return Number.NaN
    const [, year, month, day, hour, minute, second] = match.map(Number)
    return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second)
}

function hours(milliseconds: number): string {
    return `${(milliseconds / 3_600_000).toFixed(2).replace(/\.?0+$/, '')} h`
}

/** Polls `check` until it returns a value; undefined once the wait's deadline passes. */
async function pollFor<Value>(check: () => Promise<Value | undefined>, timing: Timing): Promise<Value | undefined> {
    const started = timing.now()
    for (;;) {
        const value = await check()
        if (value !== undefined || timing.now() - started > timing.waitTimeoutMs) return value
        await timing.sleep(timing.pollIntervalMs)
    }
}

/** A table the instance does not let this user read (or does not have) makes a check "cannot check", not a failure. */
async function readable<Value>(read: () => Promise<Value>): Promise<{ value: Value } | { reason: string }> {
    try {
        return { value: await read() }
    } catch (error) {
        if (error instanceof DeployError) return { reason: error.message }
        throw error
    }
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
    const timing: Timing = { ...DEFAULT_TIMING, waitTimeoutMs: 120_000, pollIntervalMs: 500, ...options.timing }
    const { reporter, updateSet } = options
    const checks: CheckResult[] = []
    const report = (result: CheckResult) => {
        checks.push(result)
        reporter.line(`[${result.verdict}] ${result.check}: ${result.seen}`)
        if (result.verdict === 'differs' && result.todo) reporter.line(`    what to do: ${result.todo}`)
    }
    const admin = new ServiceNowClient(options.instance)
    reporter.line(`verify on ${admin.instanceUrl}: what only a real instance confirms`)

    const status = await readStatus(options.instance, updateSet)
    const unpublished = status.actions.filter((action) => !action.published)
    const inactive = status.flows.filter((flow) => !flow.active)
    report(
        unpublished.length === 0 && inactive.length === 0
            ? {
                  check: CHECKS.activated,
                  verdict: 'holds',
                  seen: `${status.actions.length} action(s) published, ${status.flows.length} flow(s) active`,
              }
            : {
                  check: CHECKS.activated,
                  verdict: 'differs',
                  seen: [
                      ...unpublished.map((action) => `action "${action.name}" ${action.state}`),
                      ...inactive.map((flow) => `flow "${flow.name}" not active (${flow.status})`),
                  ].join('; '),
                  todo: 'run `npm run deploy` (it publishes and activates), or publish each action and activate each flow in Flow Designer',
              }
    )
    const alias = updateSet.alias
    const connection = status.connection
    if (!alias) {
        report({
            check: CHECKS.connection,
            verdict: 'cannot check',
            seen: 'the update set defines no connection alias',
        })
    } else if (!connection || !connection.active || connection.credentialUser === '(no credential)') {
        report({
            check: CHECKS.connection,
            verdict: 'differs',
            seen: !connection
                ? `alias "${alias.name}" has no HTTP connection`
                : `alias "${alias.name}": connection ${connection.url} ${connection.active ? 'active' : 'inactive'}, ${connection.credentialUser === '(no credential)' ? 'no credential' : `Kpow user ${connection.credentialUser}`}`,
            todo: `run \`npm run deploy\` (it writes the credential and connection), or in Connections & Credentials > Connection & Credential Aliases > ${alias.name} give it an active HTTP connection with a Basic Auth credential`,
        })
    } else {
        report({
            check: CHECKS.connection,
            verdict: 'holds',
            seen: `alias "${alias.name}" → ${connection.url} (active), credential of Kpow user ${connection.credentialUser}`,
        })
    }
    const lifecycleChecks = [
        CHECKS.approvalDeadline,
        CHECKS.itemWrites,
        CHECKS.email,
        CHECKS.endAccess,
        CHECKS.waitTimeout,
    ]
    if (checks.some((check) => check.verdict !== 'holds') || !updateSet.catalogItem) {
        const why = updateSet.catalogItem
            ? 'an order would not run the flow as deployed (see above)'
            : `${updateSet.fileName} holds no catalog item to order`
        for (const check of lifecycleChecks) report({ check, verdict: 'cannot check', seen: why })
        return finish(reporter, checks)
    }
    await orderAndCheck(options, admin, timing, report)
    return finish(reporter, checks)
}

function finish(reporter: Reporter, checks: CheckResult[]): VerifyReport {
    const count = (verdict: Verdict) => checks.filter((check) => check.verdict === verdict).length
    const allHold = count('holds') === checks.length
    reporter.line(
        `verify: ${checks.length} checks, ${count('holds')} hold, ${count('differs')} differ, ${count('cannot check')} cannot be checked${allHold ? '' : ' (exit 1)'}`
    )
    return { checks, allHold }
}

/** The lifecycle checks: one order, its approval, the grant's effects; the item closed and the policy gone at the end. */
async function orderAndCheck(
    options: VerifyOptions,
    admin: ServiceNowClient,
    timing: Timing,
    report: (result: CheckResult) => void
): Promise<void> {
    const { reporter, updateSet } = options
    const catalogItem = updateSet.catalogItem
    if (!catalogItem) return
    const requester = new ServiceNowClient({
        ...options.instance,
        ...options.requester,
        refusedFix: REFUSED_CREDENTIALS_FIX.requester,
    })
    const kpow = new KpowClient(options.kpow)
    const pending = new Set<string>([
        CHECKS.approvalDeadline,
        CHECKS.itemWrites,
        CHECKS.email,
        CHECKS.endAccess,
        CHECKS.waitTimeout,
    ])
    const answer = (result: CheckResult) => {
        pending.delete(result.check)
        report(result)
    }
    const state = { itemId: '', itemClosed: false, policyId: '', policyRevoked: false }
    const noteFix = `look at the item's work notes and the flow's execution (Flow Designer > Executions, or sys_flow_context) on the instance`
    try {
        const people = await findRequesterAndManager(admin, options.requester.user)
        const approver = new ServiceNowClient({
            ...options.instance,
            user: people.managerUser,
            password: options.approverPassword,
            refusedFix: REFUSED_CREDENTIALS_FIX.approver(people.managerUser),
        })
        const [property] = await admin.queryRecords(
            'sys_properties',
            `name=${DEADLINE_PROPERTY}`,
            ['sys_id', 'value'],
            1
        )
        const deadlineHours = Number(property?.value ?? '')

        state.itemId = await reporter.step('order as the requester', async () => {
            const { item } = await orderItem(
                admin,
                requester,
                catalogItem.sysId,
                orderVariables(updateSet, options.variables),
                ['number']
            )
            return { outcome: 'done', summary: shown(item.number || item.sys_id), value: item.sys_id }
        })
        const itemId = state.itemId

        const approval = await reporter.step('approval asked of the manager', async (progress) => ({
            outcome: 'done',
            summary: `asked ${people.managerUser}`,
            value: await waitFor(
                `approval for ${people.managerUser}`,
                () => managerApproval(admin, itemId, people.managerId, ['state', 'due_date', 'sys_created_on']),
                progress,
                timing,
                noteFix
            ),
        }))
        answer(approvalDeadline(approval, property === undefined ? undefined : deadlineHours))

        await approver.updateRecord('sysapproval_approver', approval.sys_id ?? '', {
            state: 'approved',
            comments: 'Approved by npm run verify',
        })
        const grant = await reporter.step('grant work note', async (progress) => {
            const found = await waitFor(
                'grant work note',
                async () => {
                    const notes = await admin.queryRecords(
                        'sys_journal_field',
                        `element_id=${itemId}^element=work_notes`,
                        ['value', 'sys_created_on']
                    )
                    for (const note of notes) {
                        const policyId = GRANTED.exec(note.value ?? '')?.[1]
                        if (policyId) return { policyId, at: note.sys_created_on ?? '' }
                    }
                    const refused = notes.find((note) => NOT_GRANTED.test(note.value ?? ''))
                    if (refused)
                        throw new DeployError(
                            `the flow did not grant access: ${boundedServerText(refused.value ?? '')}`,
                            "check the connection and the Kpow API user's roles, then run verify again (`npm run smoke` shows each step)"
                        )
                    return undefined
                },
                progress,
                timing,
                noteFix
            )
            return { outcome: 'done', summary: `policy ${found.policyId}`, value: found }
        })
        state.policyId = grant.policyId

        answer(await itemWrites(admin, itemId, grant.policyId))
        answer(await requesterEmail(admin, itemId, people.requesterId, grant.at, timing, reporter))
        answer(await endAccessVisibility(options, people.managerUser, itemId, updateSet))
        answer(await waitingContext(admin, itemId, timing, reporter))
    } catch (error) {
        if (!(error instanceof DeployError)) throw error
        // What the failure left unanswered cannot be checked; the failure says why.
        for (const check of pending) answer({ check, verdict: 'cannot check', seen: error.message })
    } finally {
        await closeAndClean(reporter, admin, kpow, state, timing)
    }
}

function approvalDeadline(approval: TableRecord, deadlineHours: number | undefined): CheckResult {
    const check = CHECKS.approvalDeadline
    if (deadlineHours === undefined || !Number.isFinite(deadlineHours) || deadlineHours <= 0)
        return {
            check,
            verdict: 'differs',
            seen: `system property ${DEADLINE_PROPERTY} is missing or not a number of hours`,
            todo: `set ${DEADLINE_PROPERTY} (System Properties) to the hours an approver has, e.g. 72`,
        }
    const due = parseGlideDateTime(approval.due_date ?? '')
    const created = parseGlideDateTime(approval.sys_created_on ?? '')
    if (Number.isNaN(due))
        return {
            check,
            verdict: 'differs',
            seen: `the approval has no due date (due_date "${shown(approval.due_date ?? '')}")`,
            todo: "the engine did not take Ask For Approval's due date: open the flow in Flow Designer, set the approval's due date to the date-time pill again and activate it",
        }
    if (Number.isNaN(created))
        return { check, verdict: 'cannot check', seen: 'the approval record gives no creation time (sys_created_on)' }
    const expected = deadlineHours * 3_600_000
    const seen = due - created
    if (Math.abs(seen - expected) <= DEADLINE_TOLERANCE_MS)
        return {
            check,
            verdict: 'holds',
            seen: `due ${approval.due_date} UTC, ${hours(seen)} after the approval was asked (${DEADLINE_PROPERTY} = ${deadlineHours})`,
        }
    return {
        check,
        verdict: 'differs',
        seen: `due ${approval.due_date} UTC is ${hours(seen)} after the approval was asked, not ${hours(expected)} (${DEADLINE_PROPERTY} = ${deadlineHours})`,
        todo: "the engine read Ask For Approval's due date otherwise than the SDK documents (a duration, not the date-time pill): in Flow Designer set the approval's due date to the flow's deadline date-time and activate the flow",
    }
}

async function itemWrites(admin: ServiceNowClient, itemId: string, policyId: string): Promise<CheckResult> {
    const check = CHECKS.itemWrites
    const item = await admin.getRecord('sc_req_item', itemId, ['sys_id', 'correlation_id', 'work_start', 'due_date'])
    const missing = [
        item?.correlation_id === policyId
            ? ''
            : `correlation_id "${shown(item?.correlation_id ?? '')}", not ${policyId}`,
        item?.work_start ? '' : 'no work_start',
        item?.due_date ? '' : 'no due_date',
    ].filter(Boolean)
    if (missing.length === 0)
        return {
            check,
            verdict: 'holds',
            seen: `grant work note written; correlation_id ${policyId}, work_start ${item?.work_start ?? ''}, due_date ${item?.due_date ?? ''}`,
        }
    return {
        check,
        verdict: 'differs',
        seen: `the grant work note was written, but the item has ${missing.join(', ')}`,
        todo: "the app's scope may not write these sc_req_item fields: give x_kpow_jit a cross-scope privilege (System Applications > Application Cross-Scope Access) for write on sc_req_item, or check the flow's Update Record step in its execution",
    }
}

async function requesterEmail(
    admin: ServiceNowClient,
    itemId: string,
    requesterId: string,
    grantedAt: string,
    timing: Timing,
    reporter: Reporter
): Promise<CheckResult> {
    const check = CHECKS.email
    const user = await admin.getRecord('sys_user', requesterId, ['sys_id', 'email'])
    const address = (user?.email ?? '').trim().toLowerCase()
    if (!address)
        return {
            check,
            verdict: 'cannot check',
            seen: 'the requester has no email address (the platform mails nobody then)',
        }
    const grantTime = parseGlideDateTime(grantedAt)
    const read = await readable(() =>
        reporter.step('email to the requester', async () => {
            const email = await pollFor(
                async () =>
                    (
                        await admin.queryRecords('sys_email', `instance=${itemId}`, [
                            'sys_id',
                            'recipients',
                            'subject',
                            'sys_created_on',
                        ])
                    ).find(
                        (candidate) =>
                            (candidate.recipients ?? '').toLowerCase().includes(address) &&
                            !(parseGlideDateTime(candidate.sys_created_on ?? '') < grantTime)
                    ),
                timing
            )
            return { outcome: 'done', summary: email ? shown(email.subject ?? '') : 'none', value: email }
        })
    )
    if ('reason' in read) return { check, verdict: 'cannot check', seen: `sys_email cannot be read: ${read.reason}` }
    if (read.value) return { check, verdict: 'holds', seen: `"${shown(read.value.subject ?? '')}" to ${address}` }
    return {
        check,
        verdict: 'differs',
        seen: `no email to ${address} about the item after the grant`,
        todo: 'check that the event x_kpow_jit.access.granted is registered and processed (System Policy > Events > Event Log) and that the notification "Kpow access granted" is active with Send to event creator (send_self) on; System Mailboxes > Outbox shows what was generated',
    }
}

/**
 * The End my Kpow access button as each user sees the item's classic form, opened by its address
 * (`/sc_req_item.do?sys_id=<item>`) once logged in through /login.do: the platform renders a UI
 * action's form button as `<button id="<action_name>">`. No REST call evaluates a UI action's
 * condition for a user, so the form page is what a client can see.
 */
async function endAccessVisibility(
    options: VerifyOptions,
    managerUser: string,
    itemId: string,
    updateSet: AppUpdateSet
): Promise<CheckResult> {
    const check = CHECKS.endAccess
    const uiAction = updateSet.uiActions.find((action) => action.actionName === END_ACCESS_ACTION)
    if (!uiAction)
        return { check, verdict: 'cannot check', seen: 'the update set holds no End my Kpow access UI action' }
    const shows = async (credentials: ServiceNowCredentials) => {
        const client = new ServiceNowClient(credentials)
        return client.formShowsButton(await client.loginFormSession(), 'sc_req_item', itemId, uiAction.actionName)
    }
    const seen = await readable(async () => ({
        requester: await shows({ ...options.instance, ...options.requester }),
        other: await shows({ ...options.instance, user: managerUser, password: options.approverPassword }),
    }))
    if ('reason' in seen)
        return {
            check,
            verdict: 'cannot check',
            seen: `the item's form could not be read as each user: ${seen.reason}`,
        }
    if (seen.value.requester === undefined || seen.value.other === undefined)
        return {
            check,
            verdict: 'cannot check',
            seen: "the instance's answer to sc_req_item.do was not a form page this tool can read",
        }
    if (seen.value.requester && !seen.value.other)
        return {
            check,
            verdict: 'holds',
            seen: `shown to ${options.requester.user} on the granted item, not to ${managerUser}`,
        }
    return {
        check,
        verdict: 'differs',
        seen: `${seen.value.requester ? 'shown' : 'not shown'} to the requester ${options.requester.user}, ${seen.value.other ? 'shown' : 'not shown'} to ${managerUser}`,
        todo: "open the UI action End my Kpow access (sys_ui_action) and check its condition, Active, Form button and Show update; a requester without itil must be able to open the item's form (its ACLs)",
    }
}

async function waitingContext(
    admin: ServiceNowClient,
    itemId: string,
    timing: Timing,
    reporter: Reporter
): Promise<CheckResult> {
    const check = CHECKS.waitTimeout
    const contexts = async () =>
        admin.queryRecords('sys_flow_context', `source_record=${itemId}`, ['sys_id', 'name', 'state'])
    const read = await readable(() =>
        reporter.step('flow context of the item', async () => {
            let last: TableRecord[] = []
            await pollFor(async () => {
                last = await contexts()
                return last.some((context) => context.state === 'WAITING' || context.state === 'ERROR')
                    ? true
                    : undefined
            }, timing)
            return {
                outcome: 'done',
                summary: last.map((context) => `${shown(context.name ?? '')} ${shown(context.state ?? '')}`).join(', '),
                value: last,
            }
        })
    )
    if ('reason' in read)
        return { check, verdict: 'cannot check', seen: `sys_flow_context cannot be read: ${read.reason}` }
    const failed = read.value.filter((context) => context.state === 'ERROR')
    const waiting = read.value.filter((context) => context.state === 'WAITING')
    const states = read.value
        .map((context) => `"${shown(context.name ?? '')}" ${shown(context.state ?? '')}`)
        .join(', ')
    if (failed.length === 0 && waiting.length > 0)
        return { check, verdict: 'holds', seen: `after the grant: ${states}` }
    return {
        check,
        verdict: 'differs',
        seen: read.value.length === 0 ? 'no flow context for the item' : `after the grant: ${states}`,
        todo: "open the context (Flow Designer > Executions) to see the step that failed; if it is the Wait For Condition, the engine did not take the timeout from the string pill: give the wait a fixed timeout (the profile's maximum) as the README's fallback says",
    }
}

/** Closes the item (the flow revokes on close), waits for the policy to leave Kpow, then removes whatever is left. */
async function closeAndClean(
    reporter: Reporter,
    admin: ServiceNowClient,
    kpow: KpowClient,
    state: { itemId: string; itemClosed: boolean; policyId: string; policyRevoked: boolean },
    timing: Timing
): Promise<void> {
    if (state.itemId) {
        try {
            await admin.updateRecord('sc_req_item', state.itemId, { state: '4' })
            state.itemClosed = true
            reporter.line('clean-up: closed the item (Closed Incomplete)')
            if (state.policyId) {
                const policyId = state.policyId
                state.policyRevoked =
                    (await pollFor(
                        async () =>
                            (await kpow.listTemporaryPolicies()).some((policy) => policy.id === policyId)
                                ? undefined
                                : true,
                        timing
                    )) === true
                if (state.policyRevoked) reporter.line(`clean-up: the flow revoked policy ${policyId}`)
            }
        } catch (error) {
            if (!(error instanceof DeployError)) throw error
        }
    }
    await cleanUp(reporter, admin, kpow, state)
}
