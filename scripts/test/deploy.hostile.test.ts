// The deploy CLI against a real misbehaving server on 127.0.0.1 (what nock cannot fake: a body
// shorter than its Content-Length, an endless stream, bytes on a socket): each answer is one error
// naming the call and the fix, exit 1; the tool stops reading past its limit; it sends no write to a
// server it could not read; it prints neither the password in any encoding nor a stack trace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_UPDATE_SET, DEPLOY_CLI, deployCommandLine, readAppUpdateSet } from '../deploy/index.ts'
import { runTypeScript } from '../lib/common/index.ts'

const PASSWORD = 'Hostile-Pa55/word"&'
const USER = 'deployer'
const updateSet = readAppUpdateSet(DEFAULT_UPDATE_SET)
const SET_PATH = `/api/now/table/sys_remote_update_set/${updateSet.sysId}`

type Behaviour = (request: IncomingMessage, response: ServerResponse) => void

/** A server whose answer to every request is the current behaviour; it logs each request and counts the bytes it wrote. */
class HostileServer {
    behaviour: Behaviour = (_request, response) => response.end()
    readonly requests: Array<{ method: string; url: string }> = []
    bytesWritten = 0
    private server: Server | undefined

    async start(): Promise<string> {
        this.server = createServer((request, response) => {
            this.requests.push({ method: request.method ?? '', url: request.url ?? '' })
            request.resume()
            this.behaviour(request, response)
        })
        await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections()
        await new Promise((resolve) => this.server?.close(resolve))
    }

    reset(behaviour: Behaviour): void {
        this.behaviour = behaviour
        this.requests.length = 0
        this.bytesWritten = 0
    }

    writes(): Array<{ method: string; url: string }> {
        return this.requests.filter((request) => request.method !== 'GET')
    }
}

const server = new HostileServer()
let instanceUrl = ''
beforeAll(async () => {
    instanceUrl = await server.start()
})
afterAll(() => server.stop())

function environment(): Record<string, string> {
    return {
        SN_INSTANCE_URL: instanceUrl,
        SN_USER: USER,
        SN_PASSWORD: PASSWORD,
        KPOW_API_URL: instanceUrl,
        KPOW_API_USER: 'kpow',
        KPOW_API_PASSWORD: PASSWORD,
    }
}

async function run(argv: string[]) {
    const lines: string[] = []
    const code = await deployCommandLine(argv, { write: (line) => lines.push(line), environment: environment() })
    return { code, lines, output: lines.join('\n') }
}

function expectNoSecret(output: string) {
    expect(output).not.toContain(PASSWORD)
    expect(output).not.toContain(encodeURIComponent(PASSWORD))
    expect(output).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'))
    expect(output).not.toMatch(/\n\s+at |RESTService\.java/)
}

/** A JSON answer to the status' first read. */
function json(status: number, body: string, headers: Record<string, string> = {}): Behaviour {
    return (_request, response) => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
        response.end(body)
    }
}

describe('npm run status against a hostile instance', () => {
    it('a body shorter than its Content-Length: "broke off", named, not a bare "terminated"', async () => {
        server.reset((_request, response) => {
            response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' })
            response.write('{"result":{"sys_id":"')
            // The server lies about the length and hangs up.
            setTimeout(() => response.socket?.destroy(), 20)
        })
        const { code, lines, output } = await run(['status'])
        expect(code).toBe(1)
        expect(lines[0]).toMatch(
            new RegExp(
                `^error: GET ${SET_PATH}: the answer of the ServiceNow instance at ${instanceUrl} broke off after 21 bytes`
            )
        )
        expect(lines[1]).toMatch(/^ {4}fix: run it again; if it persists, something between here and the server/)
        expect(lines).toHaveLength(2)
        expect(output).not.toMatch(/^terminated$|missing|not on the instance/m)
        expect(server.writes()).toEqual([])
    })

    it('an endless answer: the tool stops at 32 MB and hangs up, holding no more', async () => {
        const chunk = Buffer.alloc(1024 * 1024, 'x')
        server.reset((_request, response) => {
            response.writeHead(200, { 'Content-Type': 'application/json' })
            response.write('{"result":{"description":"')
            const pump = () => {
                // 200 MB at most, whatever the client does; stop as soon as it hangs up.
                while (!response.destroyed && server.bytesWritten < 200 * chunk.length) {
                    server.bytesWritten += chunk.length
                    if (!response.write(chunk)) return void response.once('drain', pump)
                }
                response.end()
            }
            pump()
        })
        const started = performance.now()
        const { code, lines } = await run(['status'])
        expect(code).toBe(1)
        expect(lines[0]).toBe(
            `error: GET ${SET_PATH} answered more than 32 MB (the ServiceNow instance at ${instanceUrl}); the tool stopped reading`
        )
        // The client hung up: the server did not get to write its 200 MB.
        await new Promise((resolve) => setTimeout(resolve, 100))
        expect(server.bytesWritten).toBeLessThan(100 * chunk.length)
        expect(performance.now() - started).toBeLessThan(20_000)
    })

    for (const [what, behaviour, problem] of [
        ['garbage', json(200, 'N0t{json'), /answered with an application\/json body \(HTTP 200 to GET /],
        ['an empty 200', json(200, ''), /answered HTTP 200 with an empty body, not a Table API record/],
        ['null', json(200, 'null'), /answered with JSON that is not ServiceNow's/],
        [
            'a wrong shape',
            json(200, '{"result":[1,2]}'),
            /answered HTTP 200 with JSON of another shape \(\/result must be object\)/,
        ],
    ] as const) {
        it(`${what}: one error naming the call and its fix, exit 1, never "missing"`, async () => {
            server.reset(behaviour)
            const { code, lines, output } = await run(['status'])
            expect(code).toBe(1)
            expect(lines).toHaveLength(2)
            expect(lines[0]).toContain(`GET ${SET_PATH}`)
            expect(output).toMatch(problem)
            expect(lines[1]).toMatch(/^ {4}fix: check (that )?SN_INSTANCE_URL/)
            expect(output).not.toMatch(/missing|not on the instance|ready/)
            expect(server.writes()).toEqual([])
        })
    }

    it('an error echoing the Authorization header and the password with a Java stack trace: masked, omitted', async () => {
        server.reset((request, response) => {
            response.writeHead(500, { 'Content-Type': 'application/json' })
            response.end(
                JSON.stringify({
                    error: {
                        message: `Failed for ${request.headers.authorization ?? ''} (${PASSWORD}, ${encodeURIComponent(PASSWORD)})`,
                        detail: `java.lang.IllegalStateException\n\tat com.glide.rest.service.RESTService.execute(RESTService.java:212)\n\tat java.base/java.lang.Thread.run(Thread.java:829)`,
                    },
                    status: 'failure',
                })
            )
        })
        const { code, output } = await run(['status'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /answered 500: Failed for Basic \*\*\* \(\*\*\*, \*\*\*\): java\.lang\.IllegalStateException \(server stack trace omitted\)/
        )
        expectNoSecret(output)
    })

    it('as a process: exit code 1 and the two lines, nothing else', async () => {
        server.reset(json(200, ''))
        const { code, output } = await runTypeScript(DEPLOY_CLI, ['status'], {
            env: { ...process.env, ...environment() },
        })
        expect(code).toBe(1)
        const lines = output.trim().split('\n')
        expect(lines).toHaveLength(2)
        expect(lines[0]).toMatch(new RegExp(`^error: GET ${SET_PATH} answered HTTP 200 with an empty body`))
        expectNoSecret(output)
    }, 60_000)
})

describe('npm run deploy against a hostile instance', () => {
    it('the probe answered by garbage: stops at connect, sends no write', async () => {
        server.reset(json(200, '{"result": "yes"}'))
        const { code, output } = await run(['deploy', '--skip-kpow-check'])
        expect(code).toBe(1)
        expect(output).toMatch(
            /\[FAILED\] connect: GET \/api\/now\/table\/sys_user answered HTTP 200 with JSON of another shape/
        )
        expect(server.writes()).toEqual([])
    })
})
