// --data-dir: temporary policies and the audit log survive a clean restart and a kill -9 in the
// middle of writes; every policy acknowledged to a client is still there afterwards.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { AdjustableClock } from '../src/clock'
import { ADMIN, guideCreateBody, startTestKpow } from './start-test-kpow'
import { spawnCli } from './spawn-cli'

function freshDir(): string {
    return mkdtempSync(join(tmpdir(), 'mock-kpow-data-'))
}

describe('persistence with --data-dir', () => {
    it('keeps temporary policies and the audit log across a restart, and audits expiries that happened while stopped', async () => {
        const dataDir = freshDir()
        let wall = Date.now()
        const clock = () => new AdjustableClock(() => wall)
        const first = await startTestKpow({ dataDir }, {}, { clock: clock() })
        const short = await first.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('a', 60_000) })
        const long = await first.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('b', 3_600_000) })
        const shortId = (short.json as { temporary_policy: { id: string } }).temporary_policy.id
        const longId = (long.json as { temporary_policy: { id: string } }).temporary_policy.id
        await first.close()

        wall += 120_000 // the short policy expires while the mock is down
        const second = await startTestKpow({ dataDir }, {}, { clock: clock() })
        try {
            const list = await second.call('GET', '/admin/v1/temporary-policies')
            expect(
                (list.json as { temporary_policies: { id: string }[] }).temporary_policies.map((policy) => policy.id)
            ).toEqual([longId])
            expect((await second.call('GET', `/admin/v1/temporary-policies/${shortId}`)).status).toBe(404)
            const events = second.service.audit.auditRecords().map((record) => record.event)
            expect(events).toEqual(['temporary-policy-created', 'temporary-policy-created', 'temporary-policy-expired'])
            const seqs = second.service.audit.auditRecords().map((record) => record.seq)
            expect(new Set(seqs).size).toBe(seqs.length)
        } finally {
            await second.close()
        }
    })

    it('without --data-dir keeps nothing', async () => {
        const first = await startTestKpow()
        await first.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody() })
        await first.close()
        const second = await startTestKpow()
        try {
            expect(second.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
        } finally {
            await second.close()
        }
    })

    it('refuses a damaged state file with a message naming it, and skips only a torn final audit line', async () => {
        const dataDir = freshDir()
        writeFileSync(join(dataDir, 'temporary-policies.json'), '{"temporary_policies": [')
        await expect(startTestKpow({ dataDir })).rejects.toThrow(/temporary-policies\.json: not a mock-kpow state file/)

        const tornDir = freshDir()
        const record = {
            seq: 1,
            ts: 1,
            event: 'login',
            user: 'admin',
            action: 'x',
            resource: [],
            decision: 'Allow',
            detail: '',
        }
        writeFileSync(join(tornDir, 'audit.jsonl'), `${JSON.stringify(record)}\n{"seq": 2, "ts"`)
        const kpow = await startTestKpow({ dataDir: tornDir })
        try {
            expect(kpow.service.audit.auditRecords()).toHaveLength(1)
            // The next record starts a line of its own, so the torn one stays the only damage.
            kpow.service.audit.recordAudit({
                event: 'login',
                user: 'admin',
                action: 'x',
                resource: [],
                decision: 'Allow',
                detail: 'after the crash',
            })
        } finally {
            await kpow.close()
        }
        const restarted = await startTestKpow({ dataDir: tornDir })
        try {
            expect(restarted.service.audit.auditRecords().map((kept) => [kept.seq, kept.detail])).toEqual([
                [1, ''],
                [2, 'after the crash'],
            ])
        } finally {
            await restarted.close()
        }
    })

    it('survives kill -9 in the middle of concurrent creates: every acknowledged policy is kept', async () => {
        // A kill lands asynchronously: on a loaded machine the process may answer every create in
        // flight before it dies. Such a round proves less, so up to three rounds are run until one
        // kills with creates unanswered; every round must keep every acknowledged policy.
        let killedMidWrite = false
        for (let round = 0; round < 3 && !killedMidWrite; round++) {
            const { dataDir, acknowledged, sent } = await killDuringConcurrentCreates()
            killedMidWrite = acknowledged.length < sent

            const state = JSON.parse(readFileSync(join(dataDir, 'temporary-policies.json'), 'utf8')) as {
                temporary_policies: { id: string }[]
            }
            const stored = new Set(state.temporary_policies.map((policy) => policy.id))
            for (const id of acknowledged) expect(stored.has(id), id).toBe(true)

            const restarted = await startTestKpow({ dataDir })
            try {
                const ids = restarted.service.temporaryPolicies.listTemporaryPolicies().map((policy) => policy.id)
                expect(ids.length).toBeGreaterThanOrEqual(acknowledged.length)
                for (const id of acknowledged) expect(ids).toContain(id)
            } finally {
                await restarted.close()
            }
        }
        expect(killedMidWrite, 'in three rounds the kill never landed while creates were in flight').toBe(true)
    })

    it('stores exactly 200 distinct policies for 200 concurrent creates', async () => {
        const kpow = await startTestKpow({ dataDir: freshDir() })
        try {
            const responses = await Promise.all(
                Array.from({ length: 200 }, (_, index) =>
                    kpow.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody(`t${index}`) })
                )
            )
            expect(responses.every((response) => response.status === 200)).toBe(true)
            const ids = new Set(
                responses.map((response) => (response.json as { temporary_policy: { id: string } }).temporary_policy.id)
            )
            expect(ids.size).toBe(200)
            expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toHaveLength(200)
        } finally {
            await kpow.close()
        }
    })
})

/**
 * Ten clients create policies against a mock-kpow CLI with --data-dir, each sending its next create as
 * soon as the previous one is answered, so creates are in flight (and mid-write) when the process is
 * killed with SIGKILL after 25 were acknowledged.
 */
async function killDuringConcurrentCreates(): Promise<{ dataDir: string; acknowledged: string[]; sent: number }> {
    const dataDir = freshDir()
    const cli = await spawnCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
    const acknowledged: string[] = []
    let sent = 0
    let killed = false
    const create = async (index: number) => {
        try {
            const response = await fetch(`${cli.apiUrl}/admin/v1/temporary-policies`, {
                method: 'POST',
                headers: { authorization: ADMIN, 'content-type': 'application/json' },
                body: JSON.stringify(guideCreateBody(`topic_${index}`)),
            })
            if (response.status === 200) {
                acknowledged.push(((await response.json()) as { temporary_policy: { id: string } }).temporary_policy.id)
            }
        } catch {
            // The connection died with the process: not acknowledged.
        }
    }
    const client = async () => {
        while (!killed) await create(sent++)
    }
    const clients = Array.from({ length: 10 }, client)
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(25), { timeout: 10_000, interval: 1 })
    cli.child.kill('SIGKILL')
    killed = true
    await Promise.all(clients)
    await cli.stop()
    return { dataDir, acknowledged, sent }
}
