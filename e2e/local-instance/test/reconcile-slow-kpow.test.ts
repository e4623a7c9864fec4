// No untracked access: a real mock-kpow behind a slow proxy, the project's update set in
// the local instance with its script time limits scaled down (scriptTimeScale), so the create's 8 s
// HTTP timeout passes in a fraction of that. Kpow creates the policy after the create gave up; the
// flow finds it and deletes it, and the item says so. Slow again, or never answering: the item says
// what may exist and until when.
import { afterEach, describe, expect, it } from 'vitest'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../../../mock-kpow/src/index'
import type { StartedProcess } from '../../../scripts/lib/common/index'
import { startTypeScript } from '../../../scripts/lib/common/index'
import { callJson } from '../../../scripts/test/json-call.ts'
import { flowName, instanceWithTheApp, itemName, order } from './lifecycle-order'
import { startSlowProxy, type Hold, type SlowProxy } from './slow-proxy'

/** 0.2: the create's 8 s timeout is 1.6 s, the look-up's 14 s is 2.8 s, a step's 30 s limit 6 s. */
const SCALE = 0.2
const CREATE_TIMEOUT_MS = 8000 * SCALE
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`

const cleanUp: (() => Promise<unknown>)[] = []
afterEach(async () => {
    for (const stop of cleanUp.splice(0).reverse()) await stop()
})

interface KpowPolicy {
    id: string
    created_ts: number
    duration_ms: number
    policy: { role: string; resource: string[] }
}

async function startKpow(): Promise<string> {
    const kpow: StartedProcess = startTypeScript(MOCK_KPOW_CLI, ['--api-port', '0', '--ui-port', '0'], {
        env: { PATH: process.env.PATH ?? '' },
    })
    cleanUp.push(() => kpow.stop('SIGKILL'))
    const [, url = ''] = await kpow.waitFor(MOCK_KPOW_LISTENING.api)
    return url
}

/** Kpow's live temporary policies, asked directly (not through the proxy). */
async function policiesIn(kpowUrl: string): Promise<KpowPolicy[]> {
    const answer = await callJson(`${kpowUrl}/admin/v1/temporary-policies`, 'GET', ADMIN)
    expect(answer.status).toBe(200)
    return (answer.json as { temporary_policies: KpowPolicy[] }).temporary_policies
}

/** Orders the guide's item through the proxy, lets the manager approve, and waits for the flow to end. */
async function orderThrough(holdFor: (method: string, path: string) => Hold) {
    const kpowUrl = await startKpow()
    const proxy: SlowProxy = await startSlowProxy(kpowUrl, holdFor)
    cleanUp.push(() => proxy.stop())
    const instance = instanceWithTheApp(proxy.url, { kpowPassword: 'admin', scriptTimeScale: SCALE })
    instance.activateFlow(flowName)
    const ordered = instance.orderCatalogItem(itemName, { ...order, duration_ms: '900000' }, 'abel.tuter')
    await instance.whenIdle()
    instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin')
    await instance.whenIdle()
    const itemId = ordered.requestItem.sysId
    const journal = (field: string) =>
        instance.database.journal('sc_req_item', itemId, field).map((entry) => entry.value)
    return {
        kpowUrl,
        proxy,
        item: instance.database.require('sc_req_item', itemId),
        workNotes: journal('work_notes').join('\n'),
        comments: journal('comments'),
        run: instance.flowRuns()[0],
    }
}

describe('no untracked access after a create Kpow answered too late', () => {
    it('Kpow creates the policy after the create timed out: the flow finds it, deletes it, and the item says so', async () => {
        // Creates are held twice the create's timeout; Kpow handles requests in order, so the look-up
        // that follows is answered after the create, within its own (longer) timeout.
        const outcome = await orderThrough((method) => (method === 'POST' ? 2 * CREATE_TIMEOUT_MS : 0))

        expect(outcome.proxy.seen.map((entry) => entry.request)).toEqual([
            'POST /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies',
            expect.stringMatching(/^DELETE \/admin\/v1\/temporary-policies\/[0-9a-f-]{36}$/),
        ])
        expect(outcome.proxy.seen.every((entry) => entry.forwarded)).toBe(true)
        expect(await policiesIn(outcome.kpowUrl)).toEqual([])
        expect(outcome.item).toMatchObject({ state: '4', active: 'false' })
        expect(outcome.workNotes).toContain(
            'Kpow - Create Temporary Policy failed: could not reach Kpow through the "Kpow API" connection (HTTP timeout 8 s): Request timed out after 8000 ms'
        )
        const deletedId = outcome.proxy.seen[2]?.request.split('/').pop() ?? ''
        expect(outcome.workNotes).toContain(`reached Kpow after all: temporary policy ${deletedId}`)
        expect(outcome.workNotes).toContain('No access from this request remains.')
        expect(outcome.comments.at(-1)).toContain('it has been removed again, so you have no access from this request')
        expect(outcome.run).toMatchObject({ status: 'complete', reason: 'ended by End Flow' })
    })

    it('Kpow slow again during reconciliation: two bounded attempts, then the item says access may exist, until when, and what to do', async () => {
        const outcome = await orderThrough((method) => (method === 'POST' ? 2 * CREATE_TIMEOUT_MS : 'never'))

        expect(outcome.proxy.seen.map((entry) => entry.request)).toEqual([
            'POST /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies',
            'GET /admin/v1/temporary-policies',
        ])
        // Kpow did create it: the item does not pretend otherwise, and says when it ends at the latest.
        const [created, ...others] = await policiesIn(outcome.kpowUrl)
        expect(others).toEqual([])
        expect(created?.policy).toMatchObject({
            role: 'kafka-users',
            resource: ['cluster', order.cluster_id, 'topic', order.topic_name],
        })
        const until = /it ends by (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC at the latest/.exec(
            outcome.comments.at(-1) ?? ''
        )?.[1]
        expect(until).toBeDefined()
        expect(Date.parse(`${until ?? ''}Z`) + 1000).toBeGreaterThanOrEqual(
            (created?.created_ts ?? 0) + (created?.duration_ms ?? 0)
        )
        expect(outcome.workNotes).toContain('first attempt; the flow tries once more')
        expect(outcome.workNotes).toContain('(last attempt)')
        expect(outcome.workNotes).toContain('Administrator: in Kpow, Settings > Temporary policies')
        expect(outcome.item).toMatchObject({ state: '4', active: 'false' })
    })

    it('Kpow accepts the connection and never answers: the create still writes why it failed', async () => {
        const outcome = await orderThrough(() => 'never')

        expect(outcome.proxy.seen.every((entry) => !entry.forwarded)).toBe(true)
        expect(await policiesIn(outcome.kpowUrl)).toEqual([])
        expect(outcome.workNotes).toMatch(
            /Kpow - Create Temporary Policy: sending the request to Kpow at .* \(request_time_ms=\d+\): \{"duration_ms":900000/
        )
        expect(outcome.workNotes).toContain(
            'Kpow - Create Temporary Policy failed: could not reach Kpow through the "Kpow API" connection (HTTP timeout 8 s): Request timed out after 8000 ms. Kpow may have created the policy anyway; the flow looks for it.'
        )
        // No step ran into the platform's step limit: every failure is one the scripts wrote down.
        expect(outcome.run?.steps.filter((step) => step.error?.includes('time limit'))).toEqual([])
        expect(outcome.item).toMatchObject({ state: '4', active: 'false' })
    })
})
