// The state below HTTP stays true across failures and restarts: the clock offset is bounded and
// durable, a change reaches memory only once it is on disk (a failed write changes nothing), the
// data directory's files are checked on load, and one process at a time owns a data directory.
import * as realFileSystem from 'node:fs/promises'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { AdjustableClock, MAX_CLOCK_OFFSET_MS } from '../src/clock'
import { KpowError } from '../src/errors'
import type { KpowService } from '../src/kpow-service'
import { ADMIN_PRINCIPAL, DEVS_QUERY_ORDERS, startSmallService } from './small-service'
import { DirectoryPersistence, type FileSystem } from '../src/store/persistence'
import { guideCreateBody, startTestKpow } from './start-test-kpow'
import { runCli, spawnCli } from './spawn-cli'

const DAY_MS = 24 * 60 * 60 * 1000

function freshDir(): string {
    return mkdtempSync(join(tmpdir(), 'mock-kpow-state-'))
}

function storedIds(dataDir: string): string[] {
    const state = JSON.parse(readFileSync(join(dataDir, 'temporary-policies.json'), 'utf8')) as {
        temporary_policies: { id: string }[]
    }
    return state.temporary_policies.map((policy) => policy.id)
}

describe('the mock clock', () => {
    it('refuses an advance that would leave the allowed range, naming advance_ms and the range, and changes nothing', async () => {
        const kpow = await startTestKpow()
        try {
            const before = kpow.clock.offsetMs
            for (const advance of [1e300, MAX_CLOCK_OFFSET_MS + 1]) {
                const refused = await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: advance } })
                expect(refused.status).toBe(400)
                const body = refused.json as { error: string; fields: { path: string; message: string }[] }
                expect(body.error).toBe('invalid_request')
                expect(body.fields).toEqual([
                    { path: 'advance_ms', message: `must be an integer from 0 to ${MAX_CLOCK_OFFSET_MS}` },
                ])
            }
            expect(kpow.clock.offsetMs).toBe(before)
            // The limit is on the total: after a day, a day less remains.
            expect((await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: DAY_MS } })).status).toBe(200)
            const tooFar = await kpow.call('POST', '/mock/v1/clock', { json: { advance_ms: MAX_CLOCK_OFFSET_MS } })
            expect(tooFar.status).toBe(400)
            expect((tooFar.json as { fields: { message: string }[] }).fields[0]?.message).toBe(
                `must be an integer from 0 to ${MAX_CLOCK_OFFSET_MS - DAY_MS}`
            )
        } finally {
            await kpow.close()
        }
    })

    it('keeps its offset across a restart with --data-dir, so a policy expires at created_ts + duration_ms', async () => {
        const dataDir = freshDir()
        let wall = 1_800_000_000_000
        const clock = () => new AdjustableClock(() => wall)
        const first = await startTestKpow({ dataDir }, {}, { clock: clock() })
        await first.call('POST', '/mock/v1/clock', { json: { advance_ms: DAY_MS } })
        const created = await first.call('POST', '/admin/v1/temporary-policies', { json: guideCreateBody('a', 60_000) })
        const policy = (created.json as { temporary_policy: { id: string; created_ts: number } }).temporary_policy
        expect(policy.created_ts).toBe(wall + DAY_MS)
        await first.close()

        const second = await startTestKpow({ dataDir }, {}, { clock: clock() })
        try {
            expect(second.clock.now()).toBe(wall + DAY_MS)
            wall += 59_999
            expect((await second.call('GET', `/admin/v1/temporary-policies/${policy.id}`)).status).toBe(200)
            wall += 1
            expect((await second.call('GET', `/admin/v1/temporary-policies/${policy.id}`)).status).toBe(404)
            // The reset rewinds the clock, durably too.
            expect((await second.call('POST', '/mock/v1/reset', { json: {} })).status).toBe(204)
        } finally {
            await second.close()
        }
        const third = await startTestKpow({ dataDir }, {}, { clock: clock() })
        try {
            expect(third.clock.now()).toBe(wall)
        } finally {
            await third.close()
        }
    })
})

/** The real file system, except that writing the state file fails with ENOSPC while `failing` is set. */
function fileSystemWithFullDisk(): { fileSystem: FileSystem; failing: { on: boolean } } {
    const failing = { on: false }
    const fileSystem: FileSystem = {
        ...realFileSystem,
        open: (async (path: Parameters<typeof realFileSystem.open>[0], ...rest: [string?]) => {
            if (failing.on && String(path).endsWith('.tmp')) {
                throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
            }
            return realFileSystem.open(path, ...rest)
        }) as FileSystem['open'],
    }
    return { fileSystem, failing }
}

const ADMIN = ADMIN_PRINCIPAL
const REQUEST = DEVS_QUERY_ORDERS
const GRANT = {
    role: 'devs',
    actions: ['TOPIC_DATA_QUERY' as const],
    effect: 'Allow' as const,
    resource: ['cluster', 'c1', 'topic', 'orders'],
}

function serviceOn(dataDir: string, fileSystem: FileSystem): Promise<KpowService> {
    return startSmallService(
        new AdjustableClock(),
        new DirectoryPersistence(dataDir, { maxDurationMs: -1, fileSystem })
    )
}

describe('a failed state write changes nothing', () => {
    it('create: the error leaves the decision as before, and a later successful write does not store the failed create', async () => {
        const dataDir = freshDir()
        const { fileSystem, failing } = fileSystemWithFullDisk()
        const service = await serviceOn(dataDir, fileSystem)
        try {
            failing.on = true
            const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
            const failed = service.temporaryPolicies.createTemporaryPolicy(ADMIN, GRANT, 60_000, '__kpow_global')
            await expect(failed).rejects.toThrow(KpowError)
            await expect(failed).rejects.toMatchObject({ code: 'internal_error' })
            // The log says what failed in one line, never with a stack trace.
            expect(logged.mock.calls).toEqual([
                [
                    'mock-kpow: could not write the data directory; the change was not made: ENOSPC: no space left on device',
                ],
            ])
            logged.mockRestore()
            expect(service.authorization.decide(REQUEST).reason).toBe('Implicit Deny')
            expect(service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
            expect(service.audit.auditRecords().map((record) => record.event)).not.toContain('temporary-policy-created')

            failing.on = false
            const later = await service.temporaryPolicies.createTemporaryPolicy(
                ADMIN,
                { ...GRANT, resource: ['cluster', 'c1', 'topic', 'x'] },
                60_000,
                '__kpow_global'
            )
            expect(storedIds(dataDir)).toEqual([later.id])
            expect(service.temporaryPolicies.listTemporaryPolicies().map((policy) => policy.id)).toEqual([later.id])
            expect(service.authorization.decide(REQUEST).reason).toBe('Implicit Deny')
        } finally {
            await service.control.shutdown()
        }
    })

    it('delete: the error leaves the policy granting, in memory and on disk', async () => {
        const dataDir = freshDir()
        const { fileSystem, failing } = fileSystemWithFullDisk()
        const service = await serviceOn(dataDir, fileSystem)
        try {
            const grant = await service.temporaryPolicies.createTemporaryPolicy(ADMIN, GRANT, 60_000, '__kpow_global')
            failing.on = true
            await expect(service.temporaryPolicies.deleteTemporaryPolicy(ADMIN, grant.id)).rejects.toMatchObject({
                code: 'internal_error',
            })
            expect(service.authorization.decide(REQUEST).effect).toBe('Allow')
            expect(service.temporaryPolicies.getTemporaryPolicy(grant.id).id).toBe(grant.id)

            failing.on = false
            await service.control.persist()
            expect(storedIds(dataDir)).toEqual([grant.id])
        } finally {
            await service.control.shutdown()
        }
    })
})

const VALID_POLICY = {
    id: '6f1c2a8e-4b0d-4c3e-9a7f-2d5e8b1c0a93',
    created_ts: 1_800_000_000_000,
    duration_ms: 60_000,
    policy: (guideCreateBody() as { policy: object }).policy,
    tenant_id: '__kpow_global',
    created_by: 'admin',
}

describe('loading the data directory', () => {
    const cases: [string, string, unknown, RegExp][] = [
        [
            'a null entry',
            'temporary-policies.json',
            { temporary_policies: [null] },
            /temporary_policies\[0\]: must be an object/,
        ],
        [
            'a wrong type',
            'temporary-policies.json',
            { temporary_policies: [{ ...VALID_POLICY, created_ts: 'yesterday' }] },
            /temporary_policies\[0\]\.created_ts: must be an integer/,
        ],
        [
            'duplicate ids',
            'temporary-policies.json',
            { temporary_policies: [VALID_POLICY, VALID_POLICY] },
            /temporary_policies\[1\]\.id: duplicate id 6f1c2a8e/,
        ],
        [
            'a duration above TEMPORARY_POLICY_MAX_MS',
            'temporary-policies.json',
            { temporary_policies: [{ ...VALID_POLICY, duration_ms: 3_600_001 }] },
            /temporary_policies\[0\]\.duration_ms: duration_ms 3600001 exceeds the maximum of 3600000/,
        ],
        [
            'a bad policy body',
            'temporary-policies.json',
            { temporary_policies: [{ ...VALID_POLICY, policy: { ...VALID_POLICY.policy, effect: 'Maybe' } }] },
            /temporary_policies\[0\]\.policy\.effect: must be one of/,
        ],
        [
            'an audit record with an impossible instant',
            'audit.jsonl',
            {
                seq: 1,
                ts: 1e300,
                event: 'login',
                user: 'a',
                action: 'LOGIN',
                resource: [],
                decision: 'Allow',
                detail: '',
            },
            /audit\.jsonl:1: ts: must be <= 8640000000000000/,
        ],
        ['an audit line that is null', 'audit.jsonl', null, /audit\.jsonl:1: \(document\): must be an object/],
    ]
    it.each(cases)(
        'refuses %s with one line naming the file, the entry and the field',
        async (_name, file, content, expected) => {
            const dataDir = freshDir()
            writeFileSync(
                join(dataDir, file),
                file.endsWith('.jsonl') ? `${JSON.stringify(content)}\n{}\n` : JSON.stringify(content)
            )
            const refusal = startTestKpow({ dataDir })
            await expect(refusal).rejects.toThrow(expected)
            await expect(refusal).rejects.toThrow(new RegExp(`${file.replace('.', '\\.')}`))
            const message = await refusal.catch((error: Error) => error.message)
            expect(message).not.toContain('\n')
        }
    )

    it('accepts a valid state file', async () => {
        const dataDir = freshDir()
        writeFileSync(join(dataDir, 'temporary-policies.json'), JSON.stringify({ temporary_policies: [VALID_POLICY] }))
        const kpow = await startTestKpow({ dataDir }, {}, { clock: new AdjustableClock(() => VALID_POLICY.created_ts) })
        try {
            expect(kpow.service.temporaryPolicies.listTemporaryPolicies().map((policy) => policy.id)).toEqual([
                VALID_POLICY.id,
            ])
        } finally {
            await kpow.close()
        }
    })
})

describe('one process per data directory', () => {
    it('a second process refuses to start, naming the first one pid; after it stops the directory is free', async () => {
        const dataDir = freshDir()
        const first = await spawnCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
        try {
            const second = await runCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
            expect(second.code).toBe(2)
            const lines = second.output.trim().split('\n')
            expect(lines).toHaveLength(1)
            expect(lines[0]).toContain(`in use by another mock-kpow (pid ${first.child.pid}`)
        } finally {
            await first.stop()
        }
        const third = await spawnCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
        await third.stop()
    })

    it('takes over the lock of a process that died, and removes temp files a crashed write left', async () => {
        const dataDir = freshDir()
        const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
        await once(dead, 'exit')
        writeFileSync(join(dataDir, 'mock-kpow.lock'), `${dead.pid}\n`)
        const stale = join(dataDir, 'temporary-policies.json.12345.tmp')
        writeFileSync(stale, '{"temporary_pol')
        const cli = await spawnCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
        try {
            expect(readFileSync(join(dataDir, 'mock-kpow.lock'), 'utf8').trim()).toBe(String(cli.child.pid))
            expect(existsSync(stale)).toBe(false)
        } finally {
            expect(await cli.stop()).toBe(0)
        }
        expect(existsSync(join(dataDir, 'mock-kpow.lock')), cli.output()).toBe(false)
    })
})
