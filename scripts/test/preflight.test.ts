// The first thing `npm start` and the test commands do: refuse an old Node or a missing Chromium in
// one line with its fix, before tsx, vitest or Playwright run (scripts/preflight.cjs). An old Node is
// faked for the real commands by a file preloaded through NODE_OPTIONS that changes
// process.versions.node, which is all the preflight reads.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startProcess } from '../lib/common/index.ts'

const root = resolve(import.meta.dirname, '..', '..')
const PREFLIGHT = join(root, 'scripts', 'preflight.cjs')

function fakeNodeVersion(version: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'preflight-')), 'fake-node-version.cjs')
    writeFileSync(file, `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} })\n`)
    return file
}

async function run(command: string, args: string[], env: Record<string, string | undefined>) {
    const started = startProcess(command, args, { cwd: root, env: { ...process.env, ...env } })
    const code = await new Promise<number | null>((resolveExit) => started.child.once('exit', resolveExit))
    return { code, output: started.output() }
}

/** What a command printed besides npm's echo of the script ("> name", "> command"). */
function linesBesidesNpm(output: string): string[] {
    return output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('> '))
}

const OLD_NODE =
    'preflight: Node 20.18.0 or later is needed (found 18.19.0): install it from nodejs.org or with nvm (nvm install --lts)'

describe('preflight', { timeout: 30_000 }, () => {
    it.each([
        ['npm start', ['start', '--', '--port', '0']],
        ['npm test', ['test']],
    ])('%s on an old Node: one line with the fix, nothing else runs', async (_name, args) => {
        const { code, output } = await run('npm', args, {
            NODE_OPTIONS: `--require ${fakeNodeVersion('18.19.0')}`,
        })
        expect(code).not.toBe(0)
        // Neither the demo nor the type check behind `npm test` started; no stack trace.
        expect(linesBesidesNpm(output)).toEqual([OLD_NODE])
    })

    it('npm run test:ui without Chromium: names CHROMIUM_PATH, Playwright never starts', async () => {
        const missing = '/nonexistent/chromium'
        const { code, output } = await run('npm', ['run', 'test:ui'], { CHROMIUM_PATH: missing })
        expect(code).not.toBe(0)
        expect(linesBesidesNpm(output)).toEqual([
            `preflight: Chromium not found at ${missing} (CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium executable, or unset it to use /usr/bin/chromium (apt-get install chromium)`,
        ])
    })

    it('names both problems at once; a satisfied Node and an executable browser pass silently', async () => {
        const both = await run(process.execPath, ['--require', fakeNodeVersion('20.17.1'), PREFLIGHT, '--browser'], {
            CHROMIUM_PATH: '/nonexistent/chromium',
        })
        expect(both.code).toBe(1)
        expect(both.output.trim().split('\n')).toEqual([
            'preflight: Node 20.18.0 or later is needed (found 20.17.1): install it from nodejs.org or with nvm (nvm install --lts)',
            expect.stringMatching(/^preflight: Chromium not found at \/nonexistent\/chromium \(CHROMIUM_PATH\)/),
        ])
        const fine = await run(process.execPath, ['--require', fakeNodeVersion('20.18.0'), PREFLIGHT, '--browser'], {
            CHROMIUM_PATH: process.execPath,
        })
        expect(fine).toEqual({ code: 0, output: '' })
        // Without --browser, Chromium is not asked about.
        const nodeOnly = await run(process.execPath, [PREFLIGHT], { CHROMIUM_PATH: '/nonexistent/chromium' })
        expect(nodeOnly).toEqual({ code: 0, output: '' })
    })
})
