// `npm run bench -- lifecycle [--rounds N]`: how long a requester waits for Kpow access and for its
// end, over REST as a script or a user's browser drives it, no browser. Starts mock-kpow and two local
// instances (each a child process on port 0, the built update set loaded, flows active): BEFORE makes a
// fresh QuickJS module as each script step starts (`--sandbox-pool 0`, the instance's old path), AFTER
// runs with the instance's defaults. Rounds alternate between them, so both meet the same machine.
//
// A round: order the guide's item as the requester (order_now) -> approve each approval the flow
// asks for, as its approver (manager, then the group when the profile asks) -> poll mock-kpow's API
// until the policy exists = "order -> granted"; close the item as a fulfiller -> poll until the
// policy is gone = "close -> revoked". Medians over the rounds, AFTER as a ratio of BEFORE.
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { basicAuthorization, startTypeScript } from '../lib/common/index.ts'
import type { StartedProcess } from '../lib/common/index.ts'
import { callJson } from '../test/json-call.ts'
import { GUIDE_CLUSTER_ID, MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../../mock-kpow/src/index.ts'
import { LOCAL_INSTANCE_LISTENING } from '../../e2e/local-instance/index.ts'

const INSTANCE_ENTRY = fileURLToPath(new URL('./lifecycle-instance.ts', import.meta.url))
const ITEM = 'Request Kpow Topic Query Access'
/** How often the benchmark looks for the policy in Kpow: its resolution. */
const POLL_MS = 2
/** How often it looks for an approval to decide: less often, as each look is work for the instance measured. */
const APPROVAL_POLL_MS = 5
/** How long the requester holds the access before closing, and the pause between rounds. */
const PAUSE_MS = 1_000
/** Past this a round has failed (a flow stuck or erroring), not merely been slow. */
const ROUND_LIMIT_MS = 60_000
const TARGET_GRANTED_MS = 250
const TARGET_REVOKED_MS = 100

const KPOW_ADMIN = basicAuthorization('admin', 'admin')
const INSTANCE_ADMIN = basicAuthorization('admin', 'admin')
const asUser = (userName: string) => basicAuthorization(userName, 'demo')

interface Round {
    grantedMs: number
    /** Of order -> granted: until the last approval was decided (the flow asked, the approver answered). */
    approvedMs: number
    revokedMs: number
}

interface Variant {
    label: 'BEFORE' | 'AFTER'
    what: string
    url: string
    itemSysId: string
    /** sys_user sys_id -> user_name, to approve as the approver the flow chose. */
    userNames: Map<string, string>
    rounds: Round[]
}

/** One JSON call the round depends on: anything but a 2xx answer ends the benchmark, naming the call. */
async function call(method: string, url: string, authorization: string, body?: unknown): Promise<unknown> {
    const answer = await callJson(url, method, authorization, body)
    if (answer.status < 200 || answer.status > 299)
        throw new Error(
            `${method} ${url} answered ${String(answer.status)}: ${JSON.stringify(answer.json).slice(0, 300)}`
        )
    return answer.json
}

type Row = Record<string, string>

async function rows(instanceUrl: string, table: string, query: string, authorization = INSTANCE_ADMIN) {
    const answer = (await call(
        'GET',
        `${instanceUrl}/api/now/table/${table}?sysparm_exclude_reference_link=true&sysparm_query=${encodeURIComponent(query)}`,
        authorization
    )) as { result: Row[] }
    return answer.result
}

async function policyIdFor(kpowApiUrl: string, topic: string): Promise<string | undefined> {
    const answer = (await call('GET', `${kpowApiUrl}/admin/v1/temporary-policies`, KPOW_ADMIN)) as {
        temporary_policies: { id: string; policy: { resource?: string[] } }[]
    }
    return answer.temporary_policies.find((policy) => policy.policy.resource?.at(-1) === topic)?.id
}

/** Polls `check` every POLL_MS until it gives a value; the round fails past ROUND_LIMIT_MS. */
async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
    const deadline = performance.now() + ROUND_LIMIT_MS
    for (;;) {
        const value = await check()
        if (value !== undefined) return value
        if (performance.now() > deadline) throw new Error(`no ${what} within ${String(ROUND_LIMIT_MS)} ms`)
        await sleep(POLL_MS)
    }
}

async function runRound(variant: Variant, kpowApiUrl: string, round: number): Promise<Round> {
    const topic = `bench_${variant.label.toLowerCase()}_${String(round)}`
    const orderedAt = performance.now()
    const ordered = (await call(
        'POST',
        `${variant.url}/api/sn_sc/servicecatalog/items/${variant.itemSysId}/order_now`,
        asUser('abel.tuter'),
        {
            sysparm_quantity: 1,
            variables: {
                cluster_id: GUIDE_CLUSTER_ID,
                topic_name: topic,
                role_name: 'kafka-users',
                duration_ms: '900000',
                justification: `Lifecycle benchmark round ${String(round)}`,
            },
        }
    )) as { result: { sys_id: string } }
    const [item] = await rows(variant.url, 'sc_req_item', `request=${ordered.result.sys_id}`)
    if (!item) throw new Error(`order ${ordered.result.sys_id} made no requested item`)
    let approvalsSeenAt = 0
    let approvedAt = orderedAt
    await until('policy in Kpow', async () => {
        const policyId = await policyIdFor(kpowApiUrl, topic)
        if (policyId !== undefined) return policyId
        if (performance.now() - approvalsSeenAt < APPROVAL_POLL_MS) return undefined
        approvalsSeenAt = performance.now()
        // Approve as soon as the flow asks, as the approver it asked.
        for (const approval of await rows(
            variant.url,
            'sysapproval_approver',
            `sysapproval=${item.sys_id}^state=requested`
        )) {
            const approver = variant.userNames.get(approval.approver ?? '')
            if (!approver) throw new Error(`approval ${approval.sys_id ?? ''} is for an unknown user`)
            await call(
                'PATCH',
                `${variant.url}/api/now/table/sysapproval_approver/${approval.sys_id ?? ''}`,
                asUser(approver),
                {
                    state: 'approved',
                }
            )
            approvedAt = performance.now()
        }
        return undefined
    })
    const grantedAt = performance.now()
    await sleep(PAUSE_MS)
    const closedAt = performance.now()
    await call('PATCH', `${variant.url}/api/now/table/sc_req_item/${item.sys_id ?? ''}`, asUser('fred.fulfiller'), {
        state: '3',
        work_notes: 'Lifecycle benchmark: done',
    })
    await until('revocation in Kpow', async () =>
        (await policyIdFor(kpowApiUrl, topic)) === undefined ? true : undefined
    )
    const revokedAt = performance.now()
    return { grantedMs: grantedAt - orderedAt, approvedMs: approvedAt - orderedAt, revokedMs: revokedAt - closedAt }
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

async function startVariant(
    label: Variant['label'],
    what: string,
    kpowApiUrl: string,
    extraArgs: string[],
    children: StartedProcess[]
): Promise<Variant> {
    const child = startTypeScript(INSTANCE_ENTRY, ['--kpow-url', kpowApiUrl, ...extraArgs], { ipc: true })
    children.push(child)
    const [, url = ''] = await child.waitFor(LOCAL_INSTANCE_LISTENING, 120_000)
    const [item] = await rows(url, 'sc_cat_item', `active=true^name=${ITEM}`)
    if (!item) throw new Error(`${label}: the instance has no active "${ITEM}"`)
    const users = await rows(url, 'sys_user', '')
    return {
        label,
        what,
        url,
        itemSysId: item.sys_id ?? '',
        userNames: new Map(users.map((user) => [user.sys_id ?? '', user.user_name ?? ''])),
        rounds: [],
    }
}

export async function lifecycleBenchmark(argv: readonly string[]): Promise<number> {
    const { values } = parseArgs({ args: [...argv], options: { rounds: { type: 'string', default: '15' } } })
    const rounds = Number(values.rounds)
    if (!Number.isInteger(rounds) || rounds < 1) {
        console.error(`bench lifecycle: --rounds must be a whole number of rounds (1 or more), not "${values.rounds}"`)
        return 2
    }
    const children: StartedProcess[] = []
    try {
        const kpow = startTypeScript(MOCK_KPOW_CLI, ['--api-port', '0', '--ui-port', '0'], { ipc: true })
        children.push(kpow)
        const [, kpowApiUrl = ''] = await kpow.waitFor(MOCK_KPOW_LISTENING.api, 120_000)
        const variants = await Promise.all([
            startVariant(
                'BEFORE',
                'a fresh QuickJS module as each script step starts',
                kpowApiUrl,
                ['--sandbox-pool', '0'],
                children
            ),
            startVariant('AFTER', "the instance's defaults (sandboxes made ready ahead)", kpowApiUrl, [], children),
        ])
        console.log(`lifecycle benchmark: ${String(rounds)} rounds each, alternating, after one warm-up round each`)
        for (let round = 0; round <= rounds; round++) {
            for (const variant of round % 2 ? variants : [...variants].reverse()) {
                const measured = await runRound(variant, kpowApiUrl, round)
                // Round 0 warms up both processes (JIT, first connections) and is not counted.
                if (round > 0) variant.rounds.push(measured)
                console.log(
                    `${variant.label.padEnd(6)} round ${String(round).padStart(2)}${round === 0 ? ' (warm-up)' : ''}: order -> granted ${measured.grantedMs.toFixed(0)} ms (approved at ${measured.approvedMs.toFixed(0)} ms), close -> revoked ${measured.revokedMs.toFixed(0)} ms`
                )
                // Let the flow finish its notes and emails before the next round.
                await sleep(PAUSE_MS)
            }
        }
        report(variants)
        return 0
    } finally {
        await Promise.all(children.map((child) => child.stop()))
    }
}

function report(variants: readonly Variant[]): void {
    const [before, after] = variants
    if (!before || !after) return
    const figures = (variant: Variant) => ({
        granted: median(variant.rounds.map((round) => round.grantedMs)),
        revoked: median(variant.rounds.map((round) => round.revokedMs)),
    })
    const was = figures(before)
    const now = figures(after)
    console.log(`\n## Lifecycle over REST, medians of ${String(after.rounds.length)} rounds (this run)`)
    console.log(`BEFORE: ${before.what}; AFTER: ${after.what}`)
    console.log('| measure | BEFORE | AFTER | AFTER / BEFORE | target (AFTER) |')
    console.log('|---|---:|---:|---:|---|')
    const line = (measure: string, beforeMs: number, afterMs: number, targetMs: number) =>
        console.log(
            `| ${measure} | ${beforeMs.toFixed(0)} ms | ${afterMs.toFixed(0)} ms | ${(afterMs / beforeMs).toFixed(2)} | ≤ ${String(targetMs)} ms: ${afterMs <= targetMs ? 'met' : 'missed'} |`
        )
    line('order -> granted', was.granted, now.granted, TARGET_GRANTED_MS)
    line('close -> revoked', was.revoked, now.revoked, TARGET_REVOKED_MS)
}
