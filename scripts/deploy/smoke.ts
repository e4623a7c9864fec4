/**
 * `smoke`: the access lifecycle once, through the instance's REST APIs, as the people involved:
 * the requester orders the catalog item (order_now), their manager approves (PATCH of their
 * sysapproval_approver record), the flow writes the grant work note, Kpow's API shows the policy,
 * the admin closes the item, the flow revokes and Kpow no longer has the policy. Each step prints
 * its latency. Whatever happens, it cleans up: an item it ordered is closed, a policy it caused is
 * deleted in Kpow.
 */
import type { AppUpdateSet } from './app-update-set.ts'
import { DEFAULT_TIMING, shown } from './deploy.ts'
import type { Timing } from './deploy.ts'
import { DeployError } from './errors.ts'
import { KpowClient } from './kpow-client.ts'
import { boundedServerText } from './redaction.ts'
import type { KpowCredentials, TemporaryPolicy } from './kpow-client.ts'
import type { Reporter, StepProgress, StepRecord } from './reporter.ts'
import { formatDuration } from './reporter.ts'
import { ServiceNowClient } from './servicenow-client.ts'
import { REFUSED_CREDENTIALS_FIX } from './settings.ts'
import type { CatalogOrder, ServiceNowCredentials, TableRecord } from './servicenow-client.ts'

export interface SmokeOptions {
    /** The admin who closes the item and reads records. */
    instance: ServiceNowCredentials
    requester: { user: string; password: string }
    /** The requester's manager's password (the manager is looked up on the instance). */
    approverPassword: string
    kpow: KpowCredentials
    updateSet: AppUpdateSet
    reporter: Reporter
    /** Catalog variables; role and duration default to the item's first choices. */
    variables: { cluster_id: string; topic_name: string; role_name?: string; duration_ms?: string }
    timing?: Partial<Timing>
}

export interface SmokeReport {
    steps: StepRecord[]
    policyId: string
}

/** sc_req_item states: 3 Closed Complete, 4 Closed Incomplete, 7 Closed Skipped. */
const CLOSED_STATES = new Set(['3', '4', '7'])
// The flow's own work notes (servicenow/src/fluent/access-lifecycle-flow.now.ts).
export const GRANTED = /Kpow Access Granted\. Policy ID: ([^\s.]+)/
export const NOT_GRANTED = /Kpow access not granted/
const REVOKED = /Kpow access revoked/
const ENDED_OTHERWISE = /Kpow - Delete Temporary Policy failed|Kpow policy \S+ expired at/
/** The smoke test closes its item within seconds; a policy of at least this long cannot expire first. */
const SMOKE_DURATION_MS = 300_000

/** The shortest offered duration that cannot expire during the smoke test (else the longest). */
function durationChoice(updateSet: AppUpdateSet): string {
    const choices = updateSet.variables.find((variable) => variable.name === 'duration_ms')?.choices ?? []
    const sorted = [...choices].sort((left, right) => Number(left) - Number(right))
    return sorted.find((choice) => Number(choice) >= SMOKE_DURATION_MS) ?? sorted.at(-1) ?? ''
}

/** Polls `check` until it returns a value; progress every ~10 s; a DeployError naming `what` at the deadline. */
export async function waitFor<Value>(
    what: string,
    check: () => Promise<Value | undefined>,
    progress: StepProgress,
    timing: Timing,
    fix: string
): Promise<Value> {
    const started = timing.now()
    let lastReport = started
    for (;;) {
        const value = await check()
        if (value !== undefined) return value
        const elapsed = timing.now() - started
        if (elapsed > timing.waitTimeoutMs) {
            throw new DeployError(`no ${what} within ${formatDuration(timing.waitTimeoutMs)}`, fix)
        }
        if (timing.now() - lastReport >= 10_000) {
            progress.progress(`waiting for ${what} (${formatDuration(elapsed)})`)
            lastReport = timing.now()
        }
        await timing.sleep(timing.pollIntervalMs)
    }
}

/** The catalog variables of an order: the given ones, role and duration defaulting to the item's choices. */
export function orderVariables(updateSet: AppUpdateSet, given: SmokeOptions['variables']): Record<string, string> {
    const choice = (name: string) => updateSet.variables.find((variable) => variable.name === name)?.choices[0]
    const variables: Record<string, string> = {
        cluster_id: given.cluster_id,
        topic_name: given.topic_name,
        role_name: given.role_name ?? choice('role_name') ?? '',
        duration_ms: given.duration_ms ?? durationChoice(updateSet),
    }
    // A set with access profiles requires a business justification on every item.
    if (updateSet.variables.some((variable) => variable.name === 'justification'))
        variables.justification = 'Smoke test of the Kpow just-in-time access deployment'
    return variables
}

/** The requester's sys_user record and their manager's sys_id and user name; a DeployError when either is missing. */
export async function findRequesterAndManager(
    admin: ServiceNowClient,
    requesterUser: string
): Promise<{ requesterId: string; managerId: string; managerUser: string }> {
    const [user] = await admin.queryRecords(
        'sys_user',
        `user_name=${requesterUser}`,
        ['sys_id', 'user_name', 'manager'],
        1
    )
    if (!user) {
        throw new DeployError(
            `no user "${requesterUser}" on the instance`,
            'pass an existing requester with --requester (or SN_SMOKE_REQUESTER)'
        )
    }
    if (!user.manager) {
        throw new DeployError(
            `requester "${requesterUser}" has no manager, so nobody the smoke test can log in as would approve`,
            'choose a requester who has a manager (--requester), or set their Manager on the user record'
        )
    }
    const manager = await admin.getRecord('sys_user', user.manager, ['sys_id', 'user_name'])
    if (!manager?.user_name)
        throw new DeployError(
            `the manager of "${requesterUser}" (${shown(user.manager)}) has no user name`,
            "set a user ID on the manager's user record"
        )
    return { requesterId: user.sys_id ?? '', managerId: user.manager, managerUser: manager.user_name }
}

/** Orders the catalog item as the requester and reads its requested item; a DeployError when the request has none. */
export async function orderItem(
    admin: ServiceNowClient,
    requester: ServiceNowClient,
    catalogItemId: string,
    variables: Record<string, string>,
    fields: readonly string[]
): Promise<{ order: CatalogOrder; item: TableRecord & { sys_id: string } }> {
    const order = await requester.orderNow(catalogItemId, variables)
    const [item] = await admin.queryRecords('sc_req_item', `request=${order.requestSysId}`, ['sys_id', ...fields], 1)
    if (!item?.sys_id)
        throw new DeployError(
            `request ${shown(order.requestNumber || order.requestSysId)} has no requested item`,
            'check the catalog item on the instance'
        )
    return { order, item: { ...item, sys_id: item.sys_id } }
}

/** The manager's approval of the item (the fields asked), or undefined while the flow has not asked yet. */
export async function managerApproval(
    admin: ServiceNowClient,
    itemId: string,
    managerId: string,
    fields: readonly string[]
): Promise<TableRecord | undefined> {
    const [approval] = await admin.queryRecords(
        'sysapproval_approver',
        `sysapproval=${itemId}^approver=${managerId}`,
        ['sys_id', ...fields],
        1
    )
    return approval
}

export async function smoke(options: SmokeOptions): Promise<SmokeReport> {
    // A step's reported latency is late by up to one poll: half a second keeps it readable without hammering a PDI.
    const timing: Timing = { ...DEFAULT_TIMING, waitTimeoutMs: 120_000, pollIntervalMs: 500, ...options.timing }
    const { reporter, updateSet } = options
    const catalogItem = updateSet.catalogItem
    if (!catalogItem) {
        throw new DeployError(
            `${updateSet.fileName} holds no catalog item to order`,
            'smoke-test the set `npm run build` writes'
        )
    }
    const admin = new ServiceNowClient(options.instance)
    const requester = new ServiceNowClient({
        ...options.instance,
        ...options.requester,
        refusedFix: REFUSED_CREDENTIALS_FIX.requester,
    })
    const kpow = new KpowClient(options.kpow)
    const variables = orderVariables(updateSet, options.variables)
    const notes = async (itemId: string): Promise<string[]> =>
        (
            await admin.queryRecords('sys_journal_field', `element_id=${itemId}^element=work_notes`, [
                'value',
                'sys_created_on',
            ])
        ).map((note) => note.value ?? '')
    const noteFix = `look at the item's work notes and the flow's execution (Flow Designer > Executions, or sys_flow_context) on the instance; run \`npm run status\` to check the flow is active`

    let itemId = ''
    let itemClosed = false
    let policyId = ''
    let policyRevoked = false
    reporter.line(
        `smoke test on ${admin.instanceUrl}: ${options.requester.user} orders "${catalogItem.name}" for topic ${variables.topic_name}`
    )
    try {
        const people = await reporter.step('find the requester and their manager', async () => {
            const { managerId, managerUser } = await findRequesterAndManager(admin, options.requester.user)
            return {
                outcome: 'done',
                summary: `${options.requester.user}, manager ${shown(managerUser)}`,
                value: { managerId, managerUser },
            }
        })
        const approver = new ServiceNowClient({
            ...options.instance,
            user: people.managerUser,
            password: options.approverPassword,
            refusedFix: REFUSED_CREDENTIALS_FIX.approver(people.managerUser),
        })

        const before = await reporter.step('Kpow answers', async () => {
            const policies = await kpow.listTemporaryPolicies()
            return {
                outcome: 'done',
                summary: `${policies.length} temporary polic${policies.length === 1 ? 'y' : 'ies'} before`,
                value: new Set(policies.map((policy) => policy.id)),
            }
        })

        itemId = await reporter.step('order', async () => {
            const { order, item } = await orderItem(admin, requester, catalogItem.sysId, variables, ['number', 'state'])
            return {
                outcome: 'done',
                summary: `${shown(order.requestNumber)} → ${shown(item.number || item.sys_id)}`,
                value: item.sys_id,
            }
        })

        const approval = await reporter.step('approval requested from the manager', async (progress) => ({
            outcome: 'done',
            summary: `asked ${people.managerUser}`,
            value: await waitFor(
                `approval for ${people.managerUser}`,
                () => managerApproval(admin, itemId, people.managerId, ['state']),
                progress,
                timing,
                `check that the flow is active (\`npm run status\`) and that an order starts it: ${noteFix}`
            ),
        }))

        await reporter.step('approve as the manager', async () => {
            await approver.updateRecord('sysapproval_approver', approval.sys_id ?? '', {
                state: 'approved',
                comments: 'Approved by npm run smoke',
            })
            return { outcome: 'done', summary: `${people.managerUser} approved`, value: undefined }
        })

        policyId = await reporter.step('grant work note', async (progress) => {
            const id = await waitFor(
                'grant work note',
                async () => {
                    const all = await notes(itemId)
                    const granted = all.map((note) => GRANTED.exec(note)?.[1]).find(Boolean)
                    if (granted) return granted
                    const refused = all.find((note) => NOT_GRANTED.test(note))
                    if (refused) {
                        // The action's own note (Kpow's status and message) comes with it.
                        for (const note of all) progress.detail(`work note: ${boundedServerText(note)}`)
                        throw new DeployError(
                            `the flow did not grant access: ${boundedServerText(refused)}`,
                            "read the work notes above; check the connection (npm run status) and the Kpow API user's roles"
                        )
                    }
                    return undefined
                },
                progress,
                timing,
                noteFix
            )
            return { outcome: 'done', summary: `policy ${id}`, value: id }
        })

        await reporter.step('policy in Kpow', async () => {
            const policies = await kpow.listTemporaryPolicies()
            const policy: TemporaryPolicy | undefined = policies.find((entry) => entry.id === policyId)
            if (!policy) {
                throw new DeployError(
                    `the item says policy ${policyId} was granted, but Kpow's API at ${kpow.apiUrl} does not list it`,
                    "check that the alias's connection (npm run status) points at the same Kpow as KPOW_API_URL"
                )
            }
            const isNew = !before.has(policy.id)
            return {
                outcome: 'done',
                summary: `${policy.id} listed${isNew ? '' : ' (was there before the order?)'}: ${boundedServerText(JSON.stringify(policy.policy))}`,
                value: undefined,
            }
        })

        await reporter.step('close the item', async () => {
            await admin.updateRecord('sc_req_item', itemId, { state: '3' })
            itemClosed = true
            return { outcome: 'done', summary: 'state Closed Complete', value: undefined }
        })

        await reporter.step('revoke work note', async (progress) => {
            const note = await waitFor(
                'revoke work note',
                async () => {
                    const all = await notes(itemId)
                    const other = all.find((text) => ENDED_OTHERWISE.test(text))
                    if (other)
                        throw new DeployError(`the flow did not revoke on close: ${boundedServerText(other)}`, noteFix)
                    return all.find((text) => REVOKED.test(text))
                },
                progress,
                timing,
                noteFix
            )
            return { outcome: 'done', summary: boundedServerText(note, 120), value: undefined }
        })

        await reporter.step('policy gone from Kpow', async (progress) => {
            await waitFor(
                `policy ${policyId} to leave Kpow`,
                async () =>
                    (await kpow.listTemporaryPolicies()).some((policy) => policy.id === policyId) ? undefined : true,
                progress,
                timing,
                `delete it in Kpow (Settings > Temporary policies) and check the flow's revoke step on the instance`
            )
            policyRevoked = true
            return { outcome: 'done', summary: `${policyId} no longer listed`, value: undefined }
        })
        const total = reporter.steps.reduce((sum, step) => sum + step.durationMs, 0)
        reporter.line(`smoke test passed in ${formatDuration(total)}`)
        return { steps: reporter.steps, policyId }
    } finally {
        await cleanUp(reporter, admin, kpow, { itemId, itemClosed, policyId, policyRevoked })
    }
}

/** Leaves nothing open: closes the item (Closed Incomplete) and deletes a granted policy the flow did not revoke. */
export async function cleanUp(
    reporter: Reporter,
    admin: ServiceNowClient,
    kpow: KpowClient,
    state: { itemId: string; itemClosed: boolean; policyId: string; policyRevoked: boolean }
): Promise<void> {
    const actions: string[] = []
    try {
        if (state.itemId && !state.itemClosed) {
            const item: TableRecord | undefined = await admin.getRecord('sc_req_item', state.itemId, [
                'sys_id',
                'state',
            ])
            if (item && !CLOSED_STATES.has(item.state ?? '')) {
                await admin.updateRecord('sc_req_item', state.itemId, { state: '4' })
                actions.push('closed the item (Closed Incomplete)')
            }
        }
        if (state.policyId && !state.policyRevoked && (await kpow.deleteTemporaryPolicy(state.policyId))) {
            actions.push(`deleted policy ${state.policyId} in Kpow`)
        }
    } catch (error) {
        reporter.line(`clean-up incomplete: ${(error as Error).message}; close the item and delete the policy by hand`)
        return
    }
    if (actions.length > 0) reporter.line(`clean-up: ${actions.join('; ')}`)
}
