// Restart mid-lifecycle, as processes: the local instance CLI with --data-dir and mock-kpow's CLI;
// order, approve and grant over REST, kill -9 the instance, start it again on the same folder and
// close the item: the resumed flow revokes the policy, nothing is left granted in Kpow.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MOCK_KPOW_CLI, MOCK_KPOW_LISTENING } from '../../../mock-kpow/src/index'
import type { StartedProcess } from '../../../scripts/lib/common/index'
import { runTypeScript, startTypeScript } from '../../../scripts/lib/common/index'
import { readUpdateSet } from '../../../scripts/lib/update-set/index'
import { LOCAL_INSTANCE_CLI, LOCAL_INSTANCE_LISTENING } from '../index'
import { callJson } from '../../../scripts/test/json-call.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const itemId =
    readUpdateSet(readFileSync(join(root, 'update-sets', 'kpow-jit-access.xml'), 'utf8'))
        .records.find(
            (record) => record.table === 'sc_cat_item' && record.targetName === 'Request Kpow Topic Query Access'
        )
        ?.payload.records.find((payload) => payload.table === 'sc_cat_item')?.fields.sys_id?.value ?? ''
const environment = { env: { PATH: process.env.PATH ?? '' } }
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

const started: StartedProcess[] = []
afterEach(async () => {
    for (const process of started.splice(0).reverse()) await process.stop('SIGKILL')
})

async function startKpow(): Promise<string> {
    const kpow = startTypeScript(MOCK_KPOW_CLI, ['--api-port', '0', '--ui-port', '0'], environment)
    started.push(kpow)
    const [, url = ''] = await kpow.waitFor(MOCK_KPOW_LISTENING.api)
    return url
}

async function startInstance(args: string[]): Promise<{ process: StartedProcess; url: string }> {
    const instance = startTypeScript(LOCAL_INSTANCE_CLI, ['--port', '0', ...args], environment)
    started.push(instance)
    const [, url = ''] = await instance.waitFor(LOCAL_INSTANCE_LISTENING, 60_000)
    return { process: instance, url }
}

/** A JSON call that must succeed. */
async function call(base: string, method: string, path: string, authorization: string, body?: unknown) {
    const answer = await callJson(`${base}${path}`, method, authorization, body)
    if (answer.status >= 300)
        throw new Error(`${method} ${path} answered ${String(answer.status)}: ${JSON.stringify(answer.json)}`)
    return answer.json as { result?: unknown; temporary_policies?: { id: string }[] }
}

/** How long and how often the flow's results are polled for (vi.waitFor). */
const POLL = { timeout: 30_000, interval: 100 }

describe('local instance restart mid-lifecycle (--data-dir)', () => {
    it('revokes the policy granted before a kill -9 when the item is closed after the restart', async () => {
        const kpowUrl = await startKpow()
        const policies = async () =>
            (await call(kpowUrl, 'GET', '/admin/v1/temporary-policies', basic('admin', 'admin'))).temporary_policies ??
            []
        const dataDir = mkdtempSync(join(tmpdir(), 'local-instance-restart-'))
        const args = ['--data-dir', dataDir, '--kpow-url', kpowUrl, '--kpow-password', 'admin']
        const first = await startInstance([...args, '--activate'])
        const asAdmin = basic('admin', 'admin')
        const ordered = (
            await call(
                first.url,
                'POST',
                `/api/sn_sc/servicecatalog/items/${itemId}/order_now`,
                basic('abel.tuter', 'demo'),
                {
                    sysparm_quantity: '1',
                    variables: {
                        cluster_id: '42RglGpZQwy9D5VzTVpCWA',
                        topic_name: 'tx_trade1',
                        role_name: 'kafka-users',
                        duration_ms: '900000',
                        justification: 'Replay of the trades feed',
                    },
                }
            )
        ).result as { sys_id: string }
        const rows = async (base: string, path: string) =>
            (await call(base, 'GET', path, asAdmin)).result as Record<string, string>[]
        const [item] = await rows(first.url, `/api/now/table/sc_req_item?sysparm_query=request=${ordered.sys_id}`)
        const itemSysId = item?.sys_id ?? ''
        const approval = await vi.waitFor(async () => {
            const [found] = await rows(
                first.url,
                `/api/now/table/sysapproval_approver?sysparm_query=sysapproval=${itemSysId}`
            )
            if (!found) throw new Error('no approval yet')
            return found
        }, POLL)
        await call(
            first.url,
            'PATCH',
            `/api/now/table/sysapproval_approver/${approval.sys_id ?? ''}`,
            basic('beth.anglin', 'demo'),
            { state: 'approved' }
        )
        const granted = await vi.waitFor(async () => {
            const [live] = await policies()
            if (!live) throw new Error('no policy in Kpow yet')
            return live
        }, POLL)
        await vi.waitFor(async () => {
            const notes = await rows(
                first.url,
                `/api/now/table/sys_journal_field?sysparm_query=element_id=${itemSysId}^element=work_notes`
            )
            expect(notes.map((note) => note.value)).toContainEqual(
                expect.stringContaining(`Kpow Access Granted. Policy ID: ${granted.id}.`)
            )
        }, POLL)

        // A second instance cannot share the folder while the first runs.
        const refused = await runTypeScript(LOCAL_INSTANCE_CLI, ['--port', '0', ...args], environment)
        expect(refused.code).toBe(2)
        expect(refused.output).toContain(`is in use by another local instance (pid ${String(first.process.child.pid)}`)

        await first.process.stop('SIGKILL')
        const second = await startInstance(args)
        expect(second.process.output()).toContain(`local-instance: resumed ${dataDir}: 1 unfinished flow run(s) go on`)
        await call(second.url, 'PATCH', `/api/now/table/sc_req_item/${itemSysId}`, basic('fred.fulfiller', 'demo'), {
            state: '3',
        })
        await vi.waitFor(async () => expect(await policies()).toEqual([]), POLL)
        await vi.waitFor(async () => {
            const notes = await rows(
                second.url,
                `/api/now/table/sys_journal_field?sysparm_query=element_id=${itemSysId}^element=work_notes`
            )
            expect(notes.map((note) => note.value)).toContainEqual(
                expect.stringContaining('Kpow access revoked because the request was closed.')
            )
        }, POLL)
    }, 120_000)
})
