// `npm run deploy|status|smoke` against a misbehaving instance and Kpow (nock, no socket): every
// answer the tool cannot read (garbage, another shape, `null`, an empty 200, too large) is one
// error naming the call and the fix, exit 1, and never "missing" or "absent"; a look-up it cannot
// read never leads it to create a record; a server that echoes the credentials (as typed, URL- or
// JSON-encoded, as the Basic Authorization value) or prints a stack trace gets neither printed.
import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readAppUpdateSet } from './app-update-set.ts'
import { DEFAULT_UPDATE_SET, main } from './cli.ts'
import {
    ADMIN,
    FAKE_ENVIRONMENT,
    FakeInstance,
    INSTANCE_URL,
    KPOW_USER,
    MANAGER,
    REQUESTER,
} from './testing/fake-servers.ts'
import type { FakeInstanceOptions, LoggedRequest, Reply } from './testing/fake-servers.ts'

const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
const ENVIRONMENT = FAKE_ENVIRONMENT
const FAST = { pollIntervalMs: 0, sleep: async () => {}, waitTimeoutMs: 60_000 }
const PASSWORDS = [ADMIN.password, KPOW_USER.password, REQUESTER.password, MANAGER.password]

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

async function run(argv: string[]) {
    const lines: string[] = []
    const code = await main(argv, { write: (line) => lines.push(line), environment: ENVIRONMENT, timing: FAST })
    return { code, lines, output: lines.join('\n') }
}

function fake(options: FakeInstanceOptions = {}): FakeInstance {
    return new FakeInstance(updateSet, options).install()
}

async function deployed(): Promise<FakeInstance> {
    const instance = fake()
    expect((await run(['deploy'])).code).toBe(0)
    instance.requests.length = 0
    return instance
}

const writes = (instance: FakeInstance) => instance.requests.filter((request) => request.method !== 'GET')

/** The error and its fix, and nothing else after the command's first line(s). */
function expectOneError(lines: string[], pattern: RegExp) {
    const errorLines = lines.filter((line) => /^(error: |\[FAILED\] )/.test(line))
    expect(errorLines).toHaveLength(1)
    expect(errorLines[0]).toMatch(pattern)
    expect(lines[lines.indexOf(errorLines[0] ?? '') + 1]).toMatch(/^ {4}fix: \S/)
}

describe('status against an instance answering what it would not', () => {
    const STATUS_GET = '/api/now/table/sys_remote_update_set/'
    const answers: Array<[string, Reply, RegExp]> = [
        ['garbage', [200, 'x7#\u0000garbage{{', { 'Content-Type': 'application/json' }], /an application\/json body/],
        ['an empty 200', [200, '', { 'Content-Type': 'application/json' }], /an empty body/],
        ['null', [200, 'null', { 'Content-Type': 'application/json' }], /JSON that is not ServiceNow's/],
        ['a list for a record', [200, { result: [] }], /JSON of another shape \(\/result must be object\)/],
        ['a result of null', [200, { result: null }], /JSON of another shape \(\/result must be object\)/],
        [
            'a field holding an object',
            [200, { result: { sys_id: updateSet.sysId, state: { x: 1 } } }],
            /\/result\/state/,
        ],
        ['another record', [200, { result: { sys_id: 'abc', state: 'committed' } }], /with sys_id "abc", not /],
        ['a bare 404', [404, '', { 'Content-Type': 'application/json' }], /HTTP 404 with an empty body/],
    ]
    for (const [what, reply, problem] of answers) {
        it(`${what}: one error naming the call, exit 1, never "not on the instance"`, async () => {
            fake({ tamper: (request) => (request.path.startsWith(STATUS_GET) ? reply : undefined) })
            const { code, lines, output } = await run(['status'])
            expect(code).toBe(1)
            // Named by its call, whichever check caught it (not ServiceNow's at all, or of another shape).
            expectOneError(lines, new RegExp(`^error: .*GET ${STATUS_GET}${updateSet.sysId}\\b`))
            expect(output).toMatch(problem)
            expect(output).toMatch(/fix: check (that )?SN_INSTANCE_URL \(or --instance\)/)
            expect(output).not.toMatch(/not on the instance|missing|absent|ready/)
        })
    }

    it('a list answer of another shape on a look-up: an error, not "none"', async () => {
        await deployed()
        nock.cleanAll()
        const instance = fake({
            tamper: (request) =>
                request.path === '/api/now/table/http_connection' ? [200, { result: [{ name: 'x' }] }] : undefined,
        })
        const { code, lines } = await run(['status'])
        expect(code).toBe(1)
        expectOneError(lines, /^error: GET \/api\/now\/table\/http_connection answered a record without a sys_id$/)
        expect(writes(instance)).toEqual([])
    })

    it('an answer past the size limit: stopped reading, named, not "Cannot create a string"', async () => {
        const huge = 'x'.repeat(33 * 1024 * 1024)
        fake({
            tamper: (request) =>
                request.path.startsWith(STATUS_GET)
                    ? [200, `{"result":{"description":"${huge}"}}`, { 'Content-Type': 'application/json' }]
                    : undefined,
        })
        const { code, lines } = await run(['status'])
        expect(code).toBe(1)
        expectOneError(
            lines,
            new RegExp(
                `^error: GET ${STATUS_GET}${updateSet.sysId} answered more than 32 MB \\(the ServiceNow instance at ${INSTANCE_URL}\\); the tool stopped reading$`
            )
        )
    })

    it('a small call answering 5 MB is refused at 4 MB', async () => {
        fake({
            tamper: (request) =>
                request.path.startsWith('/api/now/table/sys_hub_flow/')
                    ? [200, { result: { sys_id: 'x', pad: 'y'.repeat(5 * 1024 * 1024) } }]
                    : undefined,
        })
        const { code, output } = await run(['status'])
        expect(code).toBe(1)
        expect(output).toMatch(/^error: GET \/api\/now\/table\/sys_hub_flow\/\w+ answered more than 4 MB/m)
    })
})

describe('a look-up the tool cannot read never creates a second record', () => {
    for (const table of ['http_connection', 'basic_auth_credentials', 'sys_alias']) {
        for (const [what, reply] of [
            ['garbage', [200, '<<garbage>>', { 'Content-Type': 'application/json' }]],
            ['an empty 200', [200, '', { 'Content-Type': 'application/json' }]],
            ['{"result": {}}', [200, { result: {} }]],
        ] as Array<[string, Reply]>) {
            it(`${table} answering ${what}: the re-deploy stops at connection, nothing created`, async () => {
                const instance = await deployed()
                const records = () => instance.table(table).size
                const before = records()
                instance.options.tamper = (request) =>
                    request.method === 'GET' && request.path === `/api/now/table/${table}` ? reply : undefined
                // sys_alias is read by sys_id first; a garbage answer there must not fall through to "absent" either.
                if (table === 'sys_alias')
                    instance.options.tamper = (request) =>
                        request.method === 'GET' && request.path.startsWith('/api/now/table/sys_alias')
                            ? reply
                            : undefined
                const { code, output } = await run(['deploy'])
                expect(code).toBe(1)
                expect(output).toMatch(new RegExp(`\\[FAILED\\] connection: .*GET /api/now/table/${table}\\b`))
                expect(records()).toBe(before)
                expect(instance.calls('POST', '/api/now/table/')).toEqual([])
            })
        }
    }

    it('a create answered without a sys_id: the connection is not made with an empty credential', async () => {
        const instance = fake({
            tamper: (request) =>
                request.method === 'POST' && request.path === '/api/now/table/basic_auth_credentials'
                    ? [201, { result: { name: 'x' } }]
                    : undefined,
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] connection: POST \/api\/now\/table\/basic_auth_credentials answered a record without a sys_id/
        )
        expect(instance.calls('POST', '/api/now/table/http_connection')).toEqual([])
    })
})

/** A server at its worst: echoes the request's credentials in every encoding, with a Java stack trace. */
function echoingError(request: LoggedRequest): Reply {
    const authorization = request.headers.authorization ?? ''
    const form = String(request.body ?? '')
    return [
        500,
        {
            error: {
                message: `Internal error for ${authorization} ${form} password=${encodeURIComponent(ADMIN.password)} json=${JSON.stringify(ADMIN.password)}`,
                detail: `java.lang.IllegalStateException: ${ADMIN.password}\n\tat com.glide.rest.service.RESTService.execute(RESTService.java:212)\n\tat com.glide.processors.RESTAPIProcessor.process(RESTAPIProcessor.java:44)\n\tat java.base/java.lang.Thread.run(Thread.java:829)\nCaused by: java.lang.NullPointerException\n\t... 12 more`,
            },
            status: 'failure',
        },
    ]
}

function expectNothingSecret(output: string) {
    for (const password of PASSWORDS) {
        expect(output).not.toContain(password)
        expect(output).not.toContain(encodeURIComponent(password))
    }
    for (const [user, password] of [
        [ADMIN.user, ADMIN.password],
        [KPOW_USER.user, KPOW_USER.password],
        [REQUESTER.user, REQUESTER.password],
        [MANAGER.user, MANAGER.password],
    ])
        expect(output).not.toContain(Buffer.from(`${user}:${password}`).toString('base64'))
    expect(output).not.toMatch(/\bat com\.glide|Thread\.java|\.\.\. 12 more/)
}

describe('a server echoing the credentials and its stack trace', () => {
    const points: Array<[string, string[], (request: LoggedRequest) => boolean, boolean]> = [
        ['probe', ['deploy'], (request) => request.path === '/api/now/table/sys_user', false],
        ['status', ['status'], (request) => request.path.startsWith('/api/now/table/sys_remote_update_set/'), false],
        ['preview', ['deploy'], (request) => request.path.startsWith('/api/sn_cicd/update_set/preview/'), false],
        ['commit', ['deploy'], (request) => request.path.startsWith('/api/sn_cicd/update_set/commit/'), false],
        ['activate', ['deploy'], (request) => request.path === '/api/now/wfa_fluent/activate_flows', false],
        ['connection', ['deploy'], (request) => request.path === '/api/now/table/http_connection', false],
        ['credential', ['deploy'], (request) => request.path === '/api/now/table/basic_auth_credentials', false],
        ['smoke', ['smoke'], (request) => request.path.endsWith('/order_now'), true],
        ['UI login', ['deploy'], (request) => request.path === '/angular.do', false],
    ]
    for (const [point, argv, picks, afterDeploy] of points) {
        it(`${point}: masked and bounded, the stack trace omitted, exit 1`, async () => {
            const instance = afterDeploy ? await deployed() : fake()
            instance.options.tamper = (request) => (picks(request) ? echoingError(request) : undefined)
            const { code, lines, output } = await run(argv)
            expect(code).toBe(1)
            expectNothingSecret(output)
            if (point !== 'UI login') {
                expect(output).toContain('(server stack trace omitted)')
                expect(output).toMatch(/Internal error for Basic \*\*\* /)
            }
            for (const line of lines) expect(line.length).toBeLessThan(1200)
        })
    }

    it("Kpow echoing the tool's Basic credentials: masked", async () => {
        fake({
            tamperKpow: (request) => [
                500,
                {
                    message: `refused ${request.headers.authorization ?? ''} (${KPOW_USER.password})\n    at handle (/srv/kpow/app.js:10:5)\n    at process (node:internal/process/task_queues:95:5)`,
                },
            ],
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /answered 500 to GET \/admin\/v1\/temporary-policies: refused Basic \*\*\* \(\*\*\*\) \(server stack trace omitted\)/
        )
        expectNothingSecret(output)
    })

    it('an error of 100 000 characters is cut to 300', async () => {
        fake({
            tamper: (request) =>
                request.path === '/api/now/table/sys_user'
                    ? [500, { error: { message: 'E'.repeat(100_000), detail: '' }, status: 'failure' }]
                    : undefined,
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(/answered 500: E{300}… /)
        expect(output).not.toMatch(/E{301}/)
    })
})

describe('the UI login as the SDK reads it', () => {
    for (const [status, message, pattern, fix] of [
        [
            'mfa_code_required',
            'Enter the code from your authenticator',
            /the instance asks user "admin\.deployer" for a multi-factor code at login .*Enter the code from your authenticator/,
            /fix: deploy as a local admin without multi-factor authentication/,
        ],
        [
            'error',
            'User name or password invalid',
            /the UI login of user "admin\.deployer" was refused .*User name or password invalid/,
            /fix: check SN_USER and SN_PASSWORD/,
        ],
    ] as const) {
        it(`status "${status}": stops with the platform's message and a fix, nothing uploaded`, async () => {
            const instance = fake({
                tamper: (request) =>
                    request.path === '/angular.do' && request.query.get('sysparm_type') === 'view_form.login'
                        ? [200, { status, message }]
                        : undefined,
            })
            const { code, output } = await run(['deploy'])
            expect(code).toBe(1)
            expect(output).toMatch(pattern)
            expect(output).toMatch(fix)
            expect(instance.calls('POST', '/angular.do')).toHaveLength(1)
            expect(instance.calls('POST', '/sys_upload.do')).toEqual([])
        })
    }
})

describe('activation as `now-sdk install` reads it', () => {
    it('a result whose status is not "success" fails the step with the platform\'s errorMessage, whatever the summary says', async () => {
        fake({
            tamper: (request) => {
                if (request.path !== '/api/now/wfa_fluent/activate_flows') return undefined
                const body = request.body as { actions: Array<{ sys_id: string }> }
                return [
                    200,
                    {
                        result: {
                            summary: { total: body.actions.length, succeeded: body.actions.length, failed: 0 },
                            results: body.actions.map((action) => ({
                                sys_id: action.sys_id,
                                status: 'partial',
                                message: 'Publish incomplete',
                                errorMessage: 'Step 2: input "policy_id" has no value',
                            })),
                        },
                    },
                ]
            },
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] activate: the instance could not publish \d+ of \d+ actions: Publish incomplete: Step 2: input "policy_id" has no value/
        )
        expect(output).toMatch(/partial: Publish incomplete: Step 2: input "policy_id" has no value/)
    })

    it('an activation answer of another shape: an error naming the call, not "activated"', async () => {
        fake({
            tamper: (request) =>
                request.path === '/api/now/wfa_fluent/activate_flows' ? [200, { result: { ok: true } }] : undefined,
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] activate: POST \/api\/now\/wfa_fluent\/activate_flows answered HTTP 200 with JSON of another shape/
        )
    })
})

describe('CI/CD progress of another shape', () => {
    it('a status outside 0-4: an error, not a success', async () => {
        fake({
            tamper: (request) =>
                request.path.startsWith('/api/sn_cicd/update_set/preview/')
                    ? [200, { result: { status: 'done', links: { progress: { id: 'p1' } } } }]
                    : undefined,
        })
        const { code, output } = await run(['deploy'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] preview: POST \/api\/sn_cicd\/update_set\/preview\/\w+ answered HTTP 200 with JSON of another shape \(\/result\/status/
        )
    })
})
