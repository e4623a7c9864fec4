// What an adversary tries against mock-kpow over real HTTP: bodies whose Content-Encoding lies,
// racing deletes, floods of refused requests meant to fill the disk, credentials smuggling control
// characters, a data directory whose lock names some other live process. Each case asserts the
// status, that a refusal changed nothing (read back from the service or the data directory), and
// that another client is served meanwhile.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { AdjustableClock } from '../src/clock'
import { AUDIT_TEXT_LIMIT, REFUSALS_PER_WINDOW, REFUSAL_WINDOW_MS } from '../src/service/audit-bounds'
import { DirectoryPersistence } from '../src/store/persistence'
import { REFUSED_LOGIN, startSmallService } from './small-service'
import { ADMIN, basic, guideCreateBody, startTestKpow, USER, type TestKpow } from './start-test-kpow'
import { runCli } from './spawn-cli'
import { openLoginForm, request, uiUrlOf, type UiResponse } from './ui/ui-client'

const COLLECTION = '/admin/v1/temporary-policies'
/** How long another client may wait while the server is under attack. */
const SERVED_WITHIN_MS = 2_000

let running: TestKpow[] = []
afterEach(async () => {
    await Promise.all(running.map((kpow) => kpow.close()))
    running = []
})

async function started(...args: Parameters<typeof startTestKpow>): Promise<TestKpow> {
    const kpow = await startTestKpow(...args)
    running.push(kpow)
    return kpow
}

function freshDir(): string {
    return mkdtempSync(join(tmpdir(), 'mock-kpow-hostile-'))
}

/**
 * Runs `attack` while another client reads the clusters list (API) and the login page (UI) in a
 * loop; returns the attack's result once both clients were answered 200 within the allowed time.
 */
async function whileOthersAreServed<T>(kpow: TestKpow, attack: () => Promise<T>): Promise<T> {
    let attacking = true
    const served: number[] = []
    const other = (async () => {
        do {
            const started = performance.now()
            const [api, page] = await Promise.all([
                kpow.call('GET', '/kafka/v1/clusters', { auth: USER }),
                request(`${uiUrlOf(kpow)}/login`, 'GET'),
            ])
            expect([api.status, page.status]).toEqual([200, 200])
            served.push(performance.now() - started)
        } while (attacking)
    })()
    try {
        return await attack()
    } finally {
        attacking = false
        await other
        expect(served.length).toBeGreaterThan(0)
        expect(Math.max(...served)).toBeLessThan(SERVED_WITHIN_MS)
    }
}

async function send(url: string, method: string, body: Uint8Array, headers: Record<string, string>) {
    const response = await fetch(url, { method, headers, body, redirect: 'manual' })
    const text = await response.text()
    let json: unknown
    try {
        json = JSON.parse(text)
    } catch {
        json = undefined
    }
    return { status: response.status, headers: response.headers, text, json } satisfies UiResponse
}

describe('a body whose Content-Encoding lies', () => {
    const LIES = ['gzip', 'deflate', 'br'] as const
    const policyJson = Buffer.from(JSON.stringify(guideCreateBody()))
    const refusal = (encoding: string) => ({
        error: 'invalid_request',
        message: `The body is not ${encoding} data, as its Content-Encoding says.`,
        fields: [{ path: 'header content-encoding', message: expect.stringContaining('gzip, deflate, br') }],
    })

    it('is refused with 400 on the API, the policy not created', async () => {
        const kpow = await started()
        await whileOthersAreServed(kpow, async () => {
            for (const encoding of LIES) {
                const answer = await send(`${kpow.apiUrl}${COLLECTION}`, 'POST', policyJson, {
                    authorization: ADMIN,
                    'content-type': 'application/json',
                    'content-encoding': encoding,
                })
                expect(answer.status, encoding).toBe(400)
                expect(answer.json, encoding).toEqual(refusal(encoding))
            }
            // A reset is a write too: nothing to inflate, but the header still lies about the body.
            const reset = await send(`${kpow.apiUrl}/mock/v1/reset`, 'POST', Buffer.from('{}'), {
                authorization: ADMIN,
                'content-type': 'application/json',
                'content-encoding': 'gzip',
            })
            expect(reset.status).toBe(400)
        })
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
    })

    it('is refused with 400 on POST /mock/v1/session, nobody signed in and no login audited', async () => {
        const kpow = await started()
        const auditBefore = kpow.service.audit.auditRecords().length
        await whileOthersAreServed(kpow, async () => {
            for (const encoding of LIES) {
                const answer = await send(
                    `${uiUrlOf(kpow)}/mock/v1/session`,
                    'POST',
                    Buffer.from('{"username": "admin", "password": "admin"}'),
                    { 'content-type': 'application/json', 'content-encoding': encoding }
                )
                expect(answer.status, encoding).toBe(400)
                expect(answer.json, encoding).toEqual(refusal(encoding))
                expect(answer.headers.get('set-cookie'), encoding).toBeNull()
            }
        })
        expect(kpow.service.audit.auditRecords()).toHaveLength(auditBefore)
    })

    it('is refused with 400 on the login form, with an error page, nobody signed in', async () => {
        const kpow = await started()
        const base = uiUrlOf(kpow)
        const auditBefore = kpow.service.audit.auditRecords().length
        await whileOthersAreServed(kpow, async () => {
            for (const encoding of LIES) {
                const form = await openLoginForm(base)
                const body = new URLSearchParams({ username: 'admin', password: 'admin', _csrf: form.csrf })
                const answer = await send(`${base}/login`, 'POST', Buffer.from(body.toString()), {
                    'content-type': 'application/x-www-form-urlencoded',
                    'content-encoding': encoding,
                    cookie: form.cookie,
                })
                expect(answer.status, encoding).toBe(400)
                expect(answer.text).toContain(`The body is not ${encoding} data, as its Content-Encoding says.`)
                expect(answer.headers.get('set-cookie') ?? '', encoding).not.toContain('kpow_session=')
            }
        })
        expect(kpow.service.audit.auditRecords()).toHaveLength(auditBefore)
    })

    it('an encoding mock-kpow does not read is 415 naming the header; honest compressed bodies still work', async () => {
        const kpow = await started()
        const unsupported = await send(`${kpow.apiUrl}${COLLECTION}`, 'POST', policyJson, {
            authorization: ADMIN,
            'content-type': 'application/json',
            'content-encoding': 'compress',
        })
        expect(unsupported.status).toBe(415)
        expect(unsupported.json).toMatchObject({
            error: 'unsupported_media_type',
            message: 'Content-Encoding "compress" is not supported.',
            fields: [{ path: 'header content-encoding' }],
        })
        // A small body that inflates past the body limit: refused by its inflated size.
        const bomb = await send(`${kpow.apiUrl}${COLLECTION}`, 'POST', gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)), {
            authorization: ADMIN,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
        })
        expect(bomb.status).toBe(413)
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])

        const compressors = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync }
        for (const [encoding, compress] of Object.entries(compressors)) {
            const honest = await send(`${kpow.apiUrl}${COLLECTION}`, 'POST', compress(policyJson), {
                authorization: ADMIN,
                'content-type': 'application/json',
                'content-encoding': encoding,
            })
            expect(honest.status, encoding).toBe(200)
        }
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toHaveLength(3)
    })
})

describe('100 parallel deletes of one temporary policy', () => {
    async function raceDeletes(kpow: TestKpow): Promise<void> {
        const created = await kpow.call('POST', COLLECTION, { json: guideCreateBody() })
        const id = (created.json as { temporary_policy: { id: string } }).temporary_policy.id
        const statuses = await whileOthersAreServed(kpow, () =>
            Promise.all(Array.from({ length: 100 }, () => kpow.call('DELETE', `${COLLECTION}/${id}`))).then((answers) =>
                answers.map((answer) => answer.status)
            )
        )
        expect(statuses.filter((status) => status === 204)).toHaveLength(1)
        expect(statuses.filter((status) => status === 404)).toHaveLength(99)
        const deletions = kpow.service.audit.auditRecords({ action: 'DELETE_TEMPORARY_POLICY' })
        expect(deletions.map((record) => record.detail)).toEqual([`id=${id}`])
        expect((await kpow.call('GET', `${COLLECTION}/${id}`)).status).toBe(404)
    }

    // With --data-dir each write waits for an fsync: the window in which every racing delete still
    // found the policy (15 of 100 answered 204 before the check moved to where the change is applied).
    it('one 204, 99 404s, one deletion audited, and the audit file and state file agree', async () => {
        const dataDir = freshDir()
        const kpow = await started({ dataDir })
        await raceDeletes(kpow)
        const audited = readFileSync(join(dataDir, 'audit.jsonl'), 'utf8')
        expect(audited.match(/"event":"temporary-policy-deleted"/g)).toHaveLength(1)
        const state = JSON.parse(readFileSync(join(dataDir, 'temporary-policies.json'), 'utf8')) as {
            temporary_policies: unknown[]
        }
        expect(state.temporary_policies).toEqual([])
    })
})

/** Bytes a window's refusal records may add to audit.jsonl per client address (README "Bounded audit"). */
const AUDIT_BYTES_PER_WINDOW = 160 * 1024

function auditFile(dataDir: string): {
    bytes: number
    records: { event: string; action: string; detail: string; user: string }[]
} {
    const path = join(dataDir, 'audit.jsonl')
    if (!existsSync(path)) return { bytes: 0, records: [] }
    const text = readFileSync(path, 'utf8')
    const records = text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { event: string; action: string; detail: string; user: string })
    return { bytes: statSync(path).size, records }
}

/** Runs `count` calls, `parallel` at a time. */
async function flood(count: number, parallel: number, call: (index: number) => Promise<number>): Promise<number[]> {
    const statuses: number[] = []
    for (let from = 0; from < count; from += parallel) {
        const batch = Array.from({ length: Math.min(parallel, count - from) }, (_, offset) => call(from + offset))
        statuses.push(...(await Promise.all(batch)))
    }
    return statuses
}

describe('a flood of refused and unauthenticated requests', () => {
    it('adds at most the stated bound to audit.jsonl: texts cut, 60 records a minute per address, the rest counted', async () => {
        const dataDir = freshDir()
        const kpow = await started({ dataDir })
        const base = uiUrlOf(kpow)
        const before = auditFile(dataDir)
        const longPath = `${COLLECTION}/${'p'.repeat(8 * 1024)}`
        const longUser = 'u'.repeat(60 * 1024)
        const form = await openLoginForm(base)
        const refusedApiCall = async () => (await kpow.call('GET', longPath, { auth: null })).status
        const failedUiLogin = async (index: number) => {
            const body = new URLSearchParams({ username: longUser, password: `guess-${index}`, _csrf: form.csrf })
            const answer = await send(`${base}/login`, 'POST', Buffer.from(body.toString()), {
                'content-type': 'application/x-www-form-urlencoded',
                cookie: form.cookie,
            })
            expect(answer.headers.get('set-cookie') ?? '').not.toContain('kpow_session=')
            return answer.status
        }
        const floodStarted = performance.now()
        const statuses = await whileOthersAreServed(kpow, async () => {
            // One of each first, so each kind is among the records kept whole (cut) before the limit.
            const first = [await refusedApiCall(), await failedUiLogin(0)]
            const api = await flood(1_999, 25, refusedApiCall)
            const ui = await flood(1_999, 25, (index) => failedUiLogin(index + 1))
            return [...first, ...api, ...ui]
        })
        const windows = Math.ceil((performance.now() - floodStarted) / REFUSAL_WINDOW_MS)
        expect(statuses).toEqual(Array.from({ length: 4_000 }, () => 401))
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])

        // Successes from the same address are recorded whole, however many refusals it sent.
        expect((await kpow.call('POST', COLLECTION, { json: guideCreateBody() })).status).toBe(200)
        const login = await request(`${base}/mock/v1/session`, 'POST', {
            json: { username: 'user', password: 'password' },
        })
        expect(login.status).toBe(200)
        await kpow.close()

        const after = auditFile(dataDir)
        expect(after.bytes - before.bytes).toBeLessThan(AUDIT_BYTES_PER_WINDOW * windows)
        const added = after.records.slice(before.records.length)
        const refused = added.filter((record) => record.event === 'login-refused')
        expect(refused.length).toBeLessThanOrEqual(REFUSALS_PER_WINDOW * windows)
        for (const record of refused)
            expect(record.user.length + record.detail.length).toBeLessThan(3 * AUDIT_TEXT_LIMIT)
        expect(refused.find((record) => record.action.startsWith('GET '))?.action).toBe(
            `GET ${longPath.slice(0, AUDIT_TEXT_LIMIT - 4)}…[${longPath.length + 4 - AUDIT_TEXT_LIMIT} more characters]`
        )
        expect(refused.find((record) => record.user.startsWith('u'))?.user).toBe(
            `${'u'.repeat(AUDIT_TEXT_LIMIT)}…[${60 * 1024 - AUDIT_TEXT_LIMIT} more characters]`
        )
        const summaries = added.filter((record) => record.event === 'refusals-suppressed')
        const suppressed = summaries.reduce(
            (sum, record) => sum + Number(/suppressed=(\d+)/.exec(record.detail)?.[1]),
            0
        )
        expect(summaries.every((record) => record.detail.startsWith('client=127.0.0.1 '))).toBe(true)
        expect(refused.length + suppressed).toBe(4_000)
        expect(added.filter((record) => record.event === 'temporary-policy-created')).toHaveLength(1)
        expect(added.filter((record) => record.event === 'login')).toHaveLength(1)
    }, 120_000)

    it('rotates audit.jsonl at its size, keeps the stated number of files, and numbers on after a restart', async () => {
        const dataDir = freshDir()
        const persistence = () =>
            new DirectoryPersistence(dataDir, { maxDurationMs: -1, auditFileMaxBytes: 4_096, auditFilesKept: 2 })
        const service = await startSmallService(new AdjustableClock(), persistence())
        try {
            for (let attempt = 0; attempt < 200; attempt++) {
                service.audit.recordAudit(REFUSED_LOGIN)
                await service.audit.flushAudit()
            }
        } finally {
            await service.control.shutdown()
        }
        const files = ['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2']
        for (const name of files) expect(statSync(join(dataDir, name)).size, name).toBeLessThanOrEqual(4_096)
        expect(existsSync(join(dataDir, 'audit.jsonl.3'))).toBe(false)
        const seqs = (name: string) =>
            readFileSync(join(dataDir, name), 'utf8')
                .split('\n')
                .filter((line) => line !== '')
                .map((line) => (JSON.parse(line) as { seq: number }).seq)
        // Oldest first across the files, the newest ending at 200, none repeated.
        const kept = [...seqs('audit.jsonl.2'), ...seqs('audit.jsonl.1'), ...seqs('audit.jsonl')]
        expect(kept.at(-1)).toBe(200)
        expect(kept).toEqual(Array.from({ length: kept.length }, (_, index) => 201 - kept.length + index))

        const restarted = await startSmallService(new AdjustableClock(), persistence())
        try {
            expect(restarted.audit.recordAudit(REFUSED_LOGIN).seq).toBe(201)
            expect(restarted.audit.auditRecords().length).toBeGreaterThan(seqs('audit.jsonl').length)
        } finally {
            await restarted.control.shutdown()
        }
    })
})

describe('Basic credentials smuggling a control character', () => {
    // admin's password is CRYPT:, which reads eight characters padded with NULs: "admin\0\0\0zz" is
    // what the realm would take for "admin" if the header's parser let the NULs through.
    const SMUGGLED = [
        'admin:admin\0x',
        'admin:admin\0\0\0zz',
        'admin:admin\0',
        'admin\0:admin',
        'admin:admin\tx',
        'admin\n:admin',
        'admin:admin\u007f',
    ]

    it('are refused with 401 and change nothing, each refusal audited', async () => {
        const kpow = await started()
        const auditBefore = kpow.service.audit.auditRecords({ action: `POST ${COLLECTION}` }).length
        await whileOthersAreServed(kpow, async () => {
            for (const pair of SMUGGLED) {
                const [user = '', password = ''] = pair.split(/:(.*)/s)
                const created = await kpow.call('POST', COLLECTION, {
                    json: guideCreateBody(),
                    auth: basic(user, password),
                })
                expect(created.status, JSON.stringify(pair)).toBe(401)
                expect(created.headers.get('www-authenticate')).toBe('Basic realm="kpow_api"')
                expect(created.json).toMatchObject({ error: 'unauthorized' })
            }
        })
        expect(kpow.service.temporaryPolicies.listTemporaryPolicies()).toEqual([])
        const refused = kpow.service.audit.auditRecords({ action: `POST ${COLLECTION}` })
        expect(refused.length - auditBefore).toBe(SMUGGLED.length)
        // The honest credentials still work.
        expect((await kpow.call('POST', COLLECTION, { json: guideCreateBody() })).status).toBe(200)
    })
})

describe('a data directory whose lock names a live process that is not mock-kpow', () => {
    it('refuses to start in one line naming the pid and how to tell a stale lock, and leaves the folder as it was', async () => {
        const dataDir = freshDir()
        // Any live process will do: after a restart the old pid may belong to anything.
        const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
        try {
            const pid = String(unrelated.pid)
            const lock = join(dataDir, 'mock-kpow.lock')
            writeFileSync(lock, `${pid}\n`)
            const refused = await runCli(['--data-dir', dataDir, '--api-port', '0', '--ui-port', '0'])
            expect(refused.code).toBe(2)
            expect(refused.output.trim().split('\n')).toEqual([
                expect.stringContaining(
                    `(pid ${pid}, lock ${lock}): stop that process or pass another --data-dir; if process ${pid} is not a mock-kpow (check with \`ps -p ${pid}\`), the lock is stale: delete ${lock}`
                ),
            ])
            expect(readFileSync(lock, 'utf8')).toBe(`${pid}\n`)
            expect(existsSync(join(dataDir, 'temporary-policies.json'))).toBe(false)
            expect(existsSync(join(dataDir, 'audit.jsonl'))).toBe(false)
        } finally {
            unrelated.kill()
            await once(unrelated, 'exit')
        }
    })
})
