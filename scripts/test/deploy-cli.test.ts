// `npm run deploy|status|smoke` as a user runs it: a child process, its exit code and output. The
// REST calls themselves are unit-tested with nock (scripts/deploy/*.test.ts); here, the command
// line: help, a bad flag, the dry run, and an unreachable instance reported in two lines, with no
// stack trace and no password.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { runTypeScript } from '../lib/common/index.ts'
import { DEPLOY_CLI } from '../deploy/index.ts'

const SECRET = 'Never-Print-Me-42'
const environment = { ...process.env, SN_USER: 'admin', SN_PASSWORD: SECRET, KPOW_API_PASSWORD: SECRET }

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
    const server = createServer()
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
    const address = server.address()
    await new Promise((resolveClose) => server.close(resolveClose))
    return typeof address === 'object' && address ? address.port : 0
}

describe('the deploy command line', () => {
    it('--help lists deploy, status and smoke; a bad flag exits 2', async () => {
        const help = await runTypeScript(DEPLOY_CLI, ['--help'], { env: environment })
        expect(help.code).toBe(0)
        expect(help.output).toMatch(/deploy \[options\][\s\S]*status \[options\][\s\S]*smoke \[options\]/)
        const bad = await runTypeScript(DEPLOY_CLI, ['deploy', '--no-such-flag'], { env: environment })
        expect(bad.code).toBe(2)
        expect(bad.output).toMatch(/unknown option '--no-such-flag'/)
    })

    it('deploy --dry-run prints the plan without credentials and exits 0', async () => {
        const { code, output } = await runTypeScript(DEPLOY_CLI, ['deploy', '--dry-run'], {
            env: { ...environment, SN_INSTANCE_URL: 'https://dev1.service-now.com' },
        })
        expect(code).toBe(0)
        expect(output).toMatch(/target: https:\/\/dev1\.service-now\.com as admin/)
        expect(output).not.toContain(SECRET)
    })

    it('an unreachable instance: one error, its fix, exit 1, no stack trace, no password', async () => {
        const port = await closedPort()
        const { code, output } = await runTypeScript(DEPLOY_CLI, ['status'], {
            env: { ...environment, SN_INSTANCE_URL: `http://127.0.0.1:${port}` },
        })
        expect(code).toBe(1)
        expect(output).toMatch(
            new RegExp(
                `^error: cannot reach the ServiceNow instance at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)$`,
                'm'
            )
        )
        expect(output).toMatch(/^ {4}fix: check SN_INSTANCE_URL/m)
        expect(output).not.toMatch(/\n\s+at /)
        expect(output).not.toContain(SECRET)
    })
})
