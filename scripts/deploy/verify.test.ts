// `npm run verify` against a nock-made instance and Kpow (no socket): every check holds where the
// fake behaves as the platform documents, and each check differs (with what was seen and what to
// do) or cannot be checked (with why) where the fake is told to behave otherwise. Whatever the
// outcome, the item it ordered is closed and the policy it caused is gone.
import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readAppUpdateSet } from './app-update-set.ts'
import { DEFAULT_UPDATE_SET, main } from './cli.ts'
import { ADMIN, FAKE_ENVIRONMENT, FakeInstance, KPOW_USER, MANAGER, REQUESTER } from './testing/fake-servers.ts'
import type { FakeInstanceOptions, LoggedRequest } from './testing/fake-servers.ts'
import { CHECKS, parseGlideDateTime } from './verify.ts'

const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
const FAST = { pollIntervalMs: 0, sleep: async () => {} }

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

async function verify(waitTimeoutMs = 0) {
    const lines: string[] = []
    const code = await main(['verify'], {
        write: (line) => lines.push(line),
        environment: FAKE_ENVIRONMENT,
        timing: { ...FAST, waitTimeoutMs },
    })
    return { code, output: lines.join('\n') }
}

async function deployed(options: FakeInstanceOptions = {}): Promise<FakeInstance> {
    const instance = new FakeInstance(updateSet, options).install()
    const lines: string[] = []
    const code = await main(['deploy'], {
        write: (line) => lines.push(line),
        environment: FAKE_ENVIRONMENT,
        timing: { ...FAST, waitTimeoutMs: 60_000 },
    })
    expect(code, lines.join('\n')).toBe(0)
    instance.requests.length = 0
    instance.kpowRequests.length = 0
    return instance
}

/** The verdict line of one check, and the "what to do" line after it, if any. */
function verdictOf(output: string, check: string): { verdict: string; seen: string; todo?: string } {
    const lines = output.split('\n')
    const index = lines.findIndex((line) => line.includes(`] ${check}: `))
    const match = /^\[(holds|differs|cannot check)\] .*?: (.*)$/.exec(lines[index] ?? '')
    const todo = /^ {4}what to do: (.*)$/.exec(lines[index + 1] ?? '')?.[1]
    return { verdict: match?.[1] ?? '(no line)', seen: match?.[2] ?? '', todo }
}

/** Nothing left open: the ordered item closed, no policy in Kpow. */
function expectCleanedUp(instance: FakeInstance): void {
    const items = [...instance.table('sc_req_item').values()]
    expect(items).toHaveLength(1)
    expect(['3', '4']).toContain(items[0]?.state)
    expect(instance.policies.size).toBe(0)
}

describe('verify', () => {
    it('every check holds on an instance that behaves as documented: exit 0, the item closed, the policy revoked', async () => {
        const instance = await deployed()
        const { code, output } = await verify()
        for (const check of Object.values(CHECKS)) expect(verdictOf(output, check).verdict).toBe('holds')
        expect(output).toMatch(/^verify: 7 checks, 7 hold, 0 differ, 0 cannot be checked$/m)
        expect(code).toBe(0)
        expect(verdictOf(output, CHECKS.approvalDeadline).seen).toMatch(
            /^due 2026-03-05 10:00:00 UTC, 72 h after the approval was asked/
        )
        expect(verdictOf(output, CHECKS.endAccess).seen).toBe(
            'shown to abel.tuter on the granted item, not to beth.anglin'
        )
        // Each person logged in through /login.do (sending back the form's hidden token) and opened
        // the form by its address in that session; the approval decided by the manager.
        expect(
            instance.calls('POST', '/login.do').map((login) => new URLSearchParams(String(login.body)).get('user_name'))
        ).toEqual([REQUESTER.user, MANAGER.user])
        const forms = instance.calls('GET', '/sc_req_item.do')
        expect(forms.map((form) => /fake_session_user=([^;]*)/.exec(form.headers.cookie ?? '')?.[1])).toEqual([
            REQUESTER.user,
            MANAGER.user,
        ])
        expect(instance.calls('PATCH', '/api/now/table/sysapproval_approver/')[0]?.user).toBe(MANAGER.user)
        expect(instance.calls('POST', '/api/sn_sc/')[0]?.user).toBe(REQUESTER.user)
        expect(output).toMatch(/clean-up: the flow revoked policy policy-\d+/)
        expectCleanedUp(instance)
        for (const secret of [ADMIN.password, KPOW_USER.password, REQUESTER.password, MANAGER.password])
            expect(output).not.toContain(secret)
    })

    it('differs: a flow not active; the lifecycle checks cannot be checked and nothing is ordered', async () => {
        const instance = new FakeInstance(updateSet).install()
        for (const flow of updateSet.flows)
            instance.insert('sys_hub_flow', { sys_id: flow.sysId, name: flow.name, active: 'false', status: 'draft' })
        const { code, output } = await verify()
        expect(code).toBe(1)
        const activated = verdictOf(output, CHECKS.activated)
        expect(activated.verdict).toBe('differs')
        expect(activated.seen).toMatch(/flow "Kpow Access Lifecycle" not active/)
        expect(activated.todo).toMatch(/npm run deploy/)
        expect(verdictOf(output, CHECKS.connection).verdict).toBe('differs')
        for (const check of [CHECKS.approvalDeadline, CHECKS.email, CHECKS.waitTimeout])
            expect(verdictOf(output, check)).toMatchObject({
                verdict: 'cannot check',
                seen: 'an order would not run the flow as deployed (see above)',
            })
        expect(instance.calls('POST', '/api/sn_sc/')).toHaveLength(0)
    })

    it('differs: the alias has no connection', async () => {
        const instance = await deployed()
        instance.table('http_connection').clear()
        const { code, output } = await verify()
        expect(code).toBe(1)
        expect(verdictOf(output, CHECKS.connection)).toMatchObject({
            verdict: 'differs',
            seen: 'alias "Kpow API" has no HTTP connection',
        })
        expect(verdictOf(output, CHECKS.connection).todo).toMatch(/Connection & Credential Aliases > Kpow API/)
    })

    it('differs: the approval is due a day after it was asked, not after x_kpow_jit.approval_deadline_hours', async () => {
        const instance = await deployed({ platformDiffers: { dueDateAsDuration: true } })
        const { code, output } = await verify()
        expect(code).toBe(1)
        const deadline = verdictOf(output, CHECKS.approvalDeadline)
        expect(deadline.verdict).toBe('differs')
        expect(deadline.seen).toBe(
            'due 2026-03-03 10:00:00 UTC is 24 h after the approval was asked, not 72 h (x_kpow_jit.approval_deadline_hours = 72)'
        )
        expect(deadline.todo).toMatch(/due date/)
        // The other checks still ran and held.
        expect(verdictOf(output, CHECKS.email).verdict).toBe('holds')
        expectCleanedUp(instance)
    })

    it("differs: the grant's note is written but not the item's task fields", async () => {
        const instance = await deployed({ platformDiffers: { taskFieldsRefused: true } })
        const { code, output } = await verify()
        expect(code).toBe(1)
        const writes = verdictOf(output, CHECKS.itemWrites)
        expect(writes.verdict).toBe('differs')
        expect(writes.seen).toMatch(/the item has correlation_id "", not policy-\d+, no work_start, no due_date$/)
        expect(writes.todo).toMatch(/cross-scope privilege/)
        expectCleanedUp(instance)
    })

    it('differs: no email to the requester on a grant', async () => {
        const instance = await deployed({ platformDiffers: { noEmail: true } })
        const { code, output } = await verify()
        expect(code).toBe(1)
        expect(verdictOf(output, CHECKS.email)).toMatchObject({
            verdict: 'differs',
            seen: 'no email to abel.tuter@example.com about the item after the grant',
        })
        expect(verdictOf(output, CHECKS.email).todo).toMatch(/x_kpow_jit\.access\.granted/)
        expectCleanedUp(instance)
    })

    it('differs: End my Kpow access shows to the manager too', async () => {
        const instance = await deployed({ platformDiffers: { endAccessForEveryone: true } })
        const { code, output } = await verify()
        expect(code).toBe(1)
        expect(verdictOf(output, CHECKS.endAccess)).toMatchObject({
            verdict: 'differs',
            seen: 'shown to the requester abel.tuter, shown to beth.anglin',
        })
        expectCleanedUp(instance)
    })

    it("cannot check: the manager's login through /login.do is refused (the login page again)", async () => {
        const tamper = (request: LoggedRequest) =>
            request.method === 'POST' &&
            request.path === '/login.do' &&
            new URLSearchParams(String(request.body)).get('user_name') === MANAGER.user
                ? ([200, '<html><body><form name="loginPage"></form></body></html>'] as const)
                : undefined
        const instance = await deployed({ tamper })
        const { code, output } = await verify()
        expect(code).toBe(1)
        const endAccess = verdictOf(output, CHECKS.endAccess)
        expect(endAccess.verdict).toBe('cannot check')
        expect(endAccess.seen).toContain(
            `the item's form could not be read as each user: the login of user "${MANAGER.user}" was refused`
        )
        expect(output).not.toContain(MANAGER.password)
        expectCleanedUp(instance)
    })

    it("differs: the flow failed at the wait (its context ERROR), so the engine refused the wait's timeout", async () => {
        const instance = await deployed({ platformDiffers: { waitTimeoutRefused: true } })
        const { code, output } = await verify()
        expect(code).toBe(1)
        const wait = verdictOf(output, CHECKS.waitTimeout)
        expect(wait).toMatchObject({ verdict: 'differs', seen: 'after the grant: "Kpow Access Lifecycle" ERROR' })
        expect(wait.todo).toMatch(/fixed timeout/)
        expectCleanedUp(instance)
    })

    it('cannot check: the form page is a login redirect; sys_flow_context may not be read', async () => {
        const tamper = (request: LoggedRequest) =>
            request.method === 'GET' && request.path === '/api/now/table/sys_flow_context'
                ? ([
                      403,
                      { error: { message: 'User Not Authorized', detail: 'ACL restricts' }, status: 'failure' },
                  ] as const)
                : undefined
        const instance = await deployed({ platformDiffers: { noFormPage: true }, tamper })
        const { code, output } = await verify()
        expect(code).toBe(1)
        expect(verdictOf(output, CHECKS.endAccess)).toMatchObject({
            verdict: 'cannot check',
            seen: "the instance's answer to sc_req_item.do was not a form page this tool can read",
        })
        const wait = verdictOf(output, CHECKS.waitTimeout)
        expect(wait.verdict).toBe('cannot check')
        expect(wait.seen).toMatch(
            /^sys_flow_context cannot be read: user "admin\.deployer" may not read sys_flow_context/
        )
        expect(output).toMatch(/^verify: 7 checks, 5 hold, 0 differ, 2 cannot be checked \(exit 1\)$/m)
        expectCleanedUp(instance)
    })

    it('a refused grant: the checks that need one cannot be checked, the item is closed', async () => {
        const instance = await deployed({ grantRefused: 'Kpow answered HTTP 403: not allowed' })
        const { code, output } = await verify()
        expect(code).toBe(1)
        expect(verdictOf(output, CHECKS.approvalDeadline).verdict).toBe('holds')
        for (const check of [CHECKS.itemWrites, CHECKS.email, CHECKS.endAccess, CHECKS.waitTimeout]) {
            const result = verdictOf(output, check)
            expect(result.verdict).toBe('cannot check')
            expect(result.seen).toMatch(/^the flow did not grant access: Kpow access not granted/)
        }
        expectCleanedUp(instance)
    })
})

describe('parseGlideDateTime', () => {
    it('reads the Table API date-time as UTC and nothing else', () => {
        expect(parseGlideDateTime('2026-03-02 10:00:00')).toBe(Date.UTC(2026, 2, 2, 10, 0, 0))
        expect(parseGlideDateTime('')).toBeNaN()
        expect(parseGlideDateTime('2026-03-02T10:00:00Z')).toBeNaN()
    })
})
