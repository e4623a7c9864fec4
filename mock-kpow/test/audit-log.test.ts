// The audit log's memory is bounded (a ring of the newest records) while audit.jsonl keeps every
// record, durable before the answer even for a refused login; the views come a page at a time.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AdjustableClock } from '../src/clock'
import { DirectoryPersistence } from '../src/store/persistence'
import { REFUSED_LOGIN, startSmallService } from './small-service'
import { startTestKpow } from './start-test-kpow'
import { spawnCli } from './spawn-cli'
import { logInUi, request } from './ui/ui-client'

function freshDir(): string {
    return mkdtempSync(join(tmpdir(), 'mock-kpow-audit-'))
}

function auditLines(dataDir: string): { seq: number; event: string }[] {
    return readFileSync(join(dataDir, 'audit.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { seq: number; event: string })
}

describe('the audit log in memory', () => {
    it('holds at most its bound, the newest records, while the file keeps all of them, also after a restart', async () => {
        const dataDir = freshDir()
        const persistence = () => new DirectoryPersistence(dataDir, { maxDurationMs: -1 })
        const service = await startSmallService(new AdjustableClock(), persistence(), { auditRecordsInMemory: 100 })
        try {
            for (let attempt = 0; attempt < 250; attempt++) service.audit.recordAudit(REFUSED_LOGIN)
            await service.audit.flushAudit()
            expect(service.audit.auditRecordsHeld).toBe(100)
            expect(service.audit.auditRecords().map((record) => record.seq)).toEqual(
                Array.from({ length: 100 }, (_, index) => 151 + index)
            )
        } finally {
            await service.control.shutdown()
        }
        expect(auditLines(dataDir)).toHaveLength(250)

        const restarted = await startSmallService(new AdjustableClock(), persistence(), { auditRecordsInMemory: 100 })
        try {
            expect(restarted.audit.auditRecordsHeld).toBe(100)
            expect(restarted.audit.recordAudit(REFUSED_LOGIN).seq).toBe(251)
            expect(restarted.audit.auditRecords()[0]?.seq).toBe(152)
        } finally {
            await restarted.control.shutdown()
        }
    })
})

describe('refused logins', () => {
    it('are in audit.jsonl once answered: a kill -9 right after the answers loses none', async () => {
        const dataDir = freshDir()
        const cli = await spawnCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
        for (let attempt = 0; attempt < 30; attempt++) {
            const refused = await request(`${cli.uiUrl}/mock/v1/session`, 'POST', {
                json: { username: 'mallory', password: `guess-${attempt}` },
            })
            expect(refused.status).toBe(401)
        }
        cli.child.kill('SIGKILL')
        await cli.stop()
        expect(auditLines(dataDir).filter((record) => record.event === 'login-refused')).toHaveLength(30)
    })
})

describe('GET /mock/v1/audit-log', () => {
    it('answers a page at a time with links to the next and previous pages, keeping the filter', async () => {
        const kpow = await startTestKpow()
        try {
            for (let attempt = 0; attempt < 5; attempt++) kpow.service.audit.recordAudit(REFUSED_LOGIN)
            const admin = await logInUi(kpow, 'admin', 'admin', 'Global')
            const first = await admin.call('GET', '/mock/v1/audit-log?user=mallory&limit=2')
            expect(first.status).toBe(200)
            const body = first.json as {
                audit_records: { seq: number }[]
                page: number
                pages: number
                total: number
                links: { next: string | null; previous: string | null }
            }
            expect(body.audit_records.map((record) => record.seq)).toEqual([1, 2])
            expect({ page: body.page, pages: body.pages, total: body.total }).toEqual({ page: 1, pages: 3, total: 5 })
            expect(body.links).toEqual({ previous: null, next: '/mock/v1/audit-log?user=mallory&page=2&limit=2' })
            const last = (await admin.call('GET', '/mock/v1/audit-log?user=mallory&limit=2&page=3')).json as typeof body
            expect(last.audit_records.map((record) => record.seq)).toEqual([5])
            expect(last.links).toEqual({ previous: '/mock/v1/audit-log?user=mallory&page=2&limit=2', next: null })

            const refused = await admin.call('GET', '/mock/v1/audit-log?page=0&limit=5000')
            expect(refused.status).toBe(400)
            expect((refused.json as { fields: { path: string }[] }).fields.map((field) => field.path)).toEqual([
                'page',
                'limit',
            ])
            const page = await admin.call('GET', '/settings/audit-log?user=mallory&limit=2&page=2')
            expect(page.status).toBe(200)
            expect(page.text).toContain('href="/settings/audit-log?user=mallory&amp;page=1&amp;limit=2"')
            expect(page.text).toContain('href="/settings/audit-log?user=mallory&amp;page=3&amp;limit=2"')
            expect(page.text).toContain('Page 2 of 3')
        } finally {
            await kpow.close()
        }
    })
})
