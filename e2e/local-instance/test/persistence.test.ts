// The local instance with a data dir (store.ts): what was written before a restart is there after
// it, waiting flows go on, a timeout that fell due while the instance was down fires, a failed
// write leaves nothing, and a folder is used by one instance at a time.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { LocalInstance } from '../instance'
import { createLocalInstance, LocalInstanceError } from '../instance'
import users from '../seed/users.json'
import type { KpowStandIn } from './kpow-stand-in'
import { startKpowStandIn } from './kpow-stand-in'
import { manualTimers } from './manual-timers'

import { flowName, instanceWithTheApp, itemName, order, updateSetXml } from './lifecycle-order'

let kpow: KpowStandIn | undefined
const opened: LocalInstance[] = []
afterEach(async () => {
    for (const instance of opened.splice(0)) instance.close()
    await kpow?.stop()
    kpow = undefined
})

function newDataDir(): string {
    return mkdtempSync(join(tmpdir(), 'local-instance-data-'))
}

function open(dataDir: string, options: { now?: () => Date; timers?: ReturnType<typeof manualTimers> } = {}) {
    const instance = instanceWithTheApp(kpow?.url ?? '', {
        timers: options.timers ?? manualTimers(),
        now: options.now,
        dataDir,
    })
    opened.push(instance)
    return instance
}

function closeInstance(instance: LocalInstance): void {
    instance.close()
    opened.splice(opened.indexOf(instance), 1)
}

function workNotes(instance: LocalInstance, sysId: string): string[] {
    return instance.database.journal('sc_req_item', sysId, 'work_notes').map((entry) => entry.value)
}

/** Orders as abel.tuter: the flow waits for beth.anglin's approval. */
async function orderAwaitingApproval(instance: LocalInstance) {
    instance.activateFlow(flowName)
    const ordered = instance.orderCatalogItem(itemName, order, 'abel.tuter')
    await instance.whenIdle()
    return ordered
}

/** Orders as abel.tuter and has beth.anglin approve: the policy is granted, the flow waits for the close. */
async function orderAndGrant(instance: LocalInstance) {
    const ordered = await orderAwaitingApproval(instance)
    instance.approve(instance.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
    await instance.whenIdle()
    expect(kpow?.requests.map((request) => request.method)).toEqual(['POST'])
    expect(ordered.flowRun?.status).toBe('waiting')
    return ordered
}

describe('local instance with a data dir', () => {
    it('resumes the flow waiting for the close after a restart, and revokes when the item is closed', async () => {
        kpow = await startKpowStandIn()
        const dataDir = newDataDir()
        const first = open(dataDir)
        expect(first.resumed).toBeUndefined()
        const ordered = await orderAndGrant(first)
        const notesBefore = workNotes(first, ordered.requestItem.sysId)
        closeInstance(first)

        const second = open(dataDir)
        expect(second.resumed).toEqual({ dataDir, unfinishedFlowRuns: 1 })
        // The set given again is not loaded again: the data dir holds it, with its activation.
        expect(second.report).toBeUndefined()
        expect(second.database.query('sys_remote_update_set').map((set) => set.state)).toEqual(['committed'])
        expect(second.database.query('sys_hub_flow', `name=${flowName}`)[0]?.active).toBe('true')
        expect(second.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({
            number: ordered.requestItem.number,
            approval: 'approved',
        })
        expect(workNotes(second, ordered.requestItem.sysId)).toEqual(notesBefore)
        await second.whenIdle()
        const [run] = second.flowRuns()
        expect(run).toMatchObject({ id: ordered.flowRun?.id, status: 'waiting' })

        second.setItemState(ordered.requestItem.sysId, '3', 'fred.fulfiller')
        await second.whenIdle()
        expect(kpow.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'POST /admin/v1/temporary-policies',
            'DELETE /admin/v1/temporary-policies/tp-1',
        ])
        expect(workNotes(second, ordered.requestItem.sysId).join('\n')).toContain(
            'Kpow access revoked because the request was closed.'
        )
        expect(run?.status).toBe('complete')
        // The next order numbers on from the stored counter.
        const next = second.orderCatalogItem(itemName, order, 'abel.tuter')
        expect(next.requestItem.number > ordered.requestItem.number).toBe(true)
        await second.whenIdle()
        closeInstance(second)

        const third = open(dataDir)
        expect(third.resumed?.unfinishedFlowRuns).toBe(1)
        expect(third.flowRuns().map((stored) => stored.status)).toEqual(['complete', 'waiting'])
    })

    it('fires a timeout that fell due while the instance was down as soon as it is back', async () => {
        const dataDir = newDataDir()
        let clock = Date.parse('2026-01-05T09:00:00Z')
        kpow = await startKpowStandIn({ nowMs: () => clock })
        const now = () => new Date(clock)
        const first = open(dataDir, { now })
        const ordered = await orderAndGrant(first)
        closeInstance(first)

        clock += 2 * 3_600_000
        const timers = manualTimers()
        const second = open(dataDir, { now, timers })
        await second.whenIdle()
        // The wait (for the reminder) is entered again with what is left of it: nothing.
        expect(timers.pending()).toEqual([0])
        timers.fireAll()
        await second.whenIdle()
        // The grant has ended too: no reminder, the expiry wait is the shortest there is (1 s).
        expect(timers.pending()).toEqual([1_000])
        timers.fireAll()
        await second.whenIdle()
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST', 'DELETE'])
        expect(workNotes(second, ordered.requestItem.sysId).join('\n')).toMatch(
            /Kpow access expired at .+: policy tp-1 ended, so this request is closed complete/
        )
    })

    it('resumes a flow waiting for the approval, with the remaining time of a wait that is not due yet', async () => {
        const dataDir = newDataDir()
        let clock = Date.parse('2026-01-05T09:00:00Z')
        kpow = await startKpowStandIn({ nowMs: () => clock })
        const now = () => new Date(clock)
        const first = open(dataDir, { now })
        const ordered = await orderAwaitingApproval(first)
        closeInstance(first)

        const timers = manualTimers()
        const second = open(dataDir, { now, timers })
        await second.whenIdle()
        second.approve(second.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await second.whenIdle()
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST'])
        // The first wait times out at the reminder: 10 minutes before the grant's own end (15 minutes).
        expect(timers.pending()).toEqual([300_000])
        closeInstance(second)

        clock += 600_000
        const third = open(dataDir, { now, timers: manualTimers() })
        await third.whenIdle()
        expect(third.flowRuns()[0]).toMatchObject({ id: ordered.flowRun?.id, status: 'waiting' })
        third.setItemState(ordered.requestItem.sysId, '3', 'fred.fulfiller')
        await third.whenIdle()
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST', 'DELETE'])
    })

    it("keeps an approval's due date across a restart: the remaining time, then the rejection when it passes", async () => {
        kpow = await startKpowStandIn()
        const dataDir = newDataDir()
        let clock = Date.parse('2026-01-05T09:00:00Z')
        const now = () => new Date(clock)
        const first = open(dataDir, { now })
        const ordered = await orderAwaitingApproval(first)
        closeInstance(first)

        clock += 3 * 3_600_000
        const timers = manualTimers()
        const second = open(dataDir, { now, timers })
        await second.whenIdle()
        // Eight hours from the order, three of them gone while the instance was down.
        expect(timers.pending()).toEqual([5 * 3_600_000])
        clock += 5 * 3_600_000
        timers.fireAll()
        await second.whenIdle()
        expect(kpow.requests).toEqual([])
        expect(second.database.require('sc_req_item', ordered.requestItem.sysId)).toMatchObject({ state: '4' })
        expect(workNotes(second, ordered.requestItem.sysId).join('\n')).toContain('the approval deadline passed')
    })

    it('goes on with the action a restart interrupted, after the actions that had completed', async () => {
        // Kpow never answers: the instance is stopped while the grant's call is in flight.
        kpow = await startKpowStandIn({ hang: true })
        const dataDir = newDataDir()
        const first = open(dataDir)
        first.activateFlow(flowName)
        const ordered = first.orderCatalogItem(itemName, order, 'abel.tuter')
        await first.whenIdle()
        first.approve(first.approvalsFor('beth.anglin', 'requested')[0]?.sys_id ?? '', 'beth.anglin', 'ok')
        await kpow.received(1)
        closeInstance(first)
        await kpow.stop()

        kpow = await startKpowStandIn()
        const second = createLocalInstance({ users, dataDir, timers: manualTimers() })
        opened.push(second)
        const database = second.database
        const [connection] = database.query('http_connection')
        database.update('http_connection', connection?.sys_id ?? '', { connection_url: kpow.url })
        expect(second.resumed?.unfinishedFlowRuns).toBe(1)
        await second.whenIdle()
        // The approval had completed: it is not asked or recorded again; the grant is made once, now.
        expect(kpow.requests.map((request) => request.method)).toEqual(['POST'])
        expect(database.query('sysapproval_approver')).toHaveLength(1)
        const history = database
            .journal('sc_req_item', ordered.requestItem.sysId, 'approval_history')
            .map((entry) => entry.value)
        expect(history.filter((entry) => entry.startsWith('Approved'))).toHaveLength(1)
        expect(second.flowRuns()[0]).toMatchObject({ id: ordered.flowRun?.id, status: 'waiting' })
        // Every action that had completed stays logged once; the one in flight ran again, once.
        const actions = (second.flowRuns()[0]?.steps ?? []).filter((step) => step.kind === 'action')
        expect(new Set(actions.map((step) => step.name)).size).toBe(actions.length)
        expect(actions.map((step) => step.name)).toContain('Kpow - Create Temporary Policy')
        expect(actions.filter((step) => step.status !== 'complete').map((step) => step.status)).toEqual(['waiting'])
    })

    it('keeps a deploy made through the API (retrieved, committed, connected, activated) across restarts', async () => {
        kpow = await startKpowStandIn()
        const dataDir = newDataDir()
        const empty = createLocalInstance({ users, dataDir, timers: manualTimers() })
        opened.push(empty)
        expect(empty.catalog.flows).toEqual([])
        const retrieved = empty.retrieveUpdateSet(updateSetXml, 'admin')
        expect(empty.previewUpdateSet(retrieved.sys_id).state).toBe('2')
        closeInstance(empty)

        // Retrieved and previewed, not committed: the restart keeps it there.
        const previewed = createLocalInstance({ users, dataDir, timers: manualTimers() })
        opened.push(previewed)
        expect(previewed.database.require('sys_remote_update_set', retrieved.sys_id).state).toBe('previewed')
        expect(previewed.catalog.flows).toEqual([])
        expect(previewed.commitUpdateSet(retrieved.sys_id, 'admin').state).toBe('2')
        closeInstance(previewed)

        // Committed: the flow catalog is rebuilt from the stored versions; the flow is still a draft.
        const committed = createLocalInstance({ users, dataDir, timers: manualTimers() })
        opened.push(committed)
        expect(committed.catalog.flows.map((flow) => flow.name)).toContain(flowName)
        expect(committed.orderCatalogItem(itemName, order, 'abel.tuter').flowRun?.status).toBe('not_started')
        const [alias] = committed.database.query('sys_alias')
        const connection = committed.database.insert('http_connection', {
            name: 'Kpow API',
            connection_alias: alias?.sys_id ?? '',
            connection_url: kpow.url,
        })
        expect(connection.connection_url).toBe(kpow.url)
        committed.activateFlow(flowName)
        closeInstance(committed)

        const active = createLocalInstance({ users, dataDir, timers: manualTimers() })
        opened.push(active)
        expect(active.flowRuns().map((run) => run.status)).toEqual(['not_started'])
        expect(active.database.query('http_connection').map((stored) => stored.connection_url)).toEqual([kpow.url])
        const ordered = active.orderCatalogItem(itemName, order, 'abel.tuter')
        await active.whenIdle()
        expect(ordered.flowRun?.status).toBe('waiting')
        expect(active.approvalsFor('beth.anglin', 'requested')).toHaveLength(1)
    })

    it('keeps nothing of a write that failed, in memory or on disk', () => {
        const dataDir = newDataDir()
        const first = createLocalInstance({ users, dataDir })
        opened.push(first)
        const userId = first.userSysId('abel.tuter')
        const before = first.database.require('sys_user', userId)
        expect(() =>
            first.database.transaction(() => {
                first.database.update('sys_user', userId, { name: 'Renamed' })
                first.database.insert('sys_user', { user_name: 'new.user', name: 'New' })
                first.database.update('sys_user', userId, { manager: 'not-a-sys-id' })
            })
        ).toThrow(/references sys_user by sys_id/)
        expect(first.database.require('sys_user', userId)).toEqual(before)
        expect(first.database.query('sys_user', 'user_name=new.user')).toEqual([])
        closeInstance(first)
        const second = createLocalInstance({ users, dataDir })
        opened.push(second)
        expect(second.database.require('sys_user', userId)).toEqual(before)
        expect(second.database.query('sys_user', 'user_name=new.user')).toEqual([])
    })

    it('lets one instance use a data dir at a time, and takes over the lock of a process that is gone', () => {
        const dataDir = newDataDir()
        const first = createLocalInstance({ users, dataDir })
        opened.push(first)
        expect(() => createLocalInstance({ users, dataDir })).toThrow(
            new RegExp(`is in use by another local instance \\(pid ${String(process.pid)}`)
        )
        closeInstance(first)
        // A lock left by a process that no longer exists (kill -9) does not keep the folder.
        writeFileSync(join(dataDir, 'local-instance.lock'), '2147483646\n')
        const second = createLocalInstance({ users, dataDir })
        opened.push(second)
        expect(second.resumed?.dataDir).toBe(dataDir)
    })

    it('refuses a database of another schema version with one line', () => {
        const dataDir = newDataDir()
        createLocalInstance({ users, dataDir }).close()
        const database = new BetterSqlite3(join(dataDir, 'local-instance.sqlite'))
        database.prepare(`UPDATE meta SET value = '2' WHERE key = 'schema_version'`).run()
        database.close()
        let refusal: unknown
        try {
            createLocalInstance({ users, dataDir })
        } catch (error) {
            refusal = error
        }
        expect(refusal).toBeInstanceOf(LocalInstanceError)
        expect((refusal as Error).message).toBe(
            `${join(dataDir, 'local-instance.sqlite')} has schema version 2; this local instance reads version 1 only: use the kit that wrote it, or pass another --data-dir`
        )
        // The refusal released the lock.
        expect(existsSync(join(dataDir, 'local-instance.lock'))).toBe(false)
    })

    it('refuses a data dir holding a table this version does not have, naming it', () => {
        const dataDir = newDataDir()
        createLocalInstance({ users, dataDir }).close()
        const database = new BetterSqlite3(join(dataDir, 'local-instance.sqlite'))
        database
            .prepare(`INSERT INTO records (tbl, sys_id, fields) VALUES ('u_gone', ?, '{}')`)
            .run('0123456789abcdef0123456789abcdef')
        database.close()
        expect(() => createLocalInstance({ users, dataDir })).toThrow(
            new LocalInstanceError(
                `${dataDir} holds a row this version of the local instance cannot read (Table "u_gone" does not exist in the local instance): use the kit that wrote it, or pass another --data-dir`
            )
        )
        expect(existsSync(join(dataDir, 'local-instance.lock'))).toBe(false)
    })
})
