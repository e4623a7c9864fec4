// `npm start` with real processes: it deploys into the local instance through npm run deploy's code,
// and nothing it starts outlives it. Killing npm (SIGTERM, which npm
// passes only to its shell, or SIGKILL, which it cannot pass on) or the demo itself (SIGKILL) stops
// mock-kpow's two listeners and the local instance.
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect, createServer, type AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runTypeScript, startProcess } from '../lib/common/index.ts'
import type { StartedProcess } from '../lib/common/index.ts'

const root = resolve(import.meta.dirname, '..', '..')
const PORT_FLAGS = ['--no-build', '--port', '0', '--kpow-api-port', '0', '--kpow-ui-port', '0']

interface Started {
    child: ChildProcess
    waitFor: StartedProcess['waitFor']
    /** The local instance, mock-kpow's UI and API. */
    urls: string[]
    output: () => string
}

const startedProcesses: ChildProcess[] = []

/** Starts the command in its own process group, so a failed test can still clean up all of it. */
async function start(command: string, args: string[]): Promise<Started> {
    const started = startProcess(command, args, { cwd: root, detached: true, stdin: true })
    startedProcesses.push(started.child)
    const banner = /Ready\.[\s\S]*Local instance\s+(\S+)[\s\S]*Kpow UI\s+(\S+)[\s\S]*Kpow API\s+(\S+)/
    const urls = (await started.waitFor(banner, 50_000)).slice(1, 4)
    return { child: started.child, urls, output: started.output, waitFor: started.waitFor }
}

function accepts(url: string): Promise<boolean> {
    const { hostname, port } = new URL(url)
    return new Promise((resolveAccepts) => {
        const socket = connect(Number(port), hostname)
        socket.once('connect', () => {
            socket.destroy()
            resolveAccepts(true)
        })
        socket.once('error', () => resolveAccepts(false))
    })
}

/** The URLs accepting connections now. */
async function listening(urls: string[]): Promise<string[]> {
    return (await Promise.all(urls.map(async (url) => ((await accepts(url)) ? [url] : [])))).flat()
}

/** Waits until none of the URLs accepts connections any more (the servers have stopped). */
async function untilNoneListens(urls: string[]): Promise<void> {
    await vi.waitFor(async () => expect(await listening(urls)).toEqual([]), { timeout: 20_000, interval: 250 })
}

afterEach(() => {
    // Whatever a failed test left: the whole process group of each command, by its id.
    for (const child of startedProcesses.splice(0)) {
        try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL')
        } catch {
            // Already gone.
        }
    }
})

// Three servers start and stop per test, on a shared machine.
describe('npm start', { timeout: 90_000 }, () => {
    it.each(['SIGTERM', 'SIGKILL'] as const)('stops its servers when npm gets %s', async (signal) => {
        const demo = await start('npm', ['start', '--', ...PORT_FLAGS])
        expect(await listening(demo.urls)).toEqual(demo.urls)
        // npm alone, not its process group: what a supervisor or `kill <pid>` does.
        demo.child.kill(signal)
        await untilNoneListens(demo.urls)
    })

    it('a busy port: names the flag that picks another, before building or starting anything', async () => {
        const holder = createServer().listen(0, '127.0.0.1')
        await once(holder, 'listening')
        const busy = String((holder.address() as AddressInfo).port)
        try {
            const { code, output } = await runTypeScript(join(root, 'scripts', 'demo', 'demo.ts'), [
                ...PORT_FLAGS,
                '--kpow-api-port',
                busy,
            ])
            expect(code).toBe(2)
            expect(output.trim()).toBe(
                `demo: port ${busy} is in use: pass --kpow-api-port 0 (any free port) or another number`
            )
        } finally {
            holder.close()
        }
    })

    it("deploys with npm run deploy's code, then stops its servers when the demo is killed (SIGKILL)", async () => {
        const demo = await start(process.execPath, [
            '--import',
            'tsx',
            join(root, 'scripts', 'demo', 'demo.ts'),
            ...PORT_FLAGS,
        ])
        // Before it was ready, the demo deployed the set into the empty instance with npm run deploy's code.
        expect(demo.output()).toMatch(/\[deploy\] \[ok\] upload: uploaded "Kpow Just-in-Time Topic Access/)
        expect(demo.output()).toContain('[deploy] deploy complete')
        expect(demo.output()).toMatch(/admin +admin \/ admin: the deploy's user/)
        const flows = await fetch(`${demo.urls[0] ?? ''}/api/now/table/sys_hub_flow?sysparm_fields=name,active`, {
            headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
        })
        const { result: activeFlows } = (await flows.json()) as { result: { name: string; active: string }[] }
        // Every flow of the set active, the two the access lifecycle needs among them.
        expect(activeFlows.map((flow) => flow.name)).toEqual(
            expect.arrayContaining(['Kpow Access Extension', 'Kpow Access Lifecycle'])
        )
        expect(activeFlows.filter((flow) => flow.active !== 'true')).toEqual([])
        // A duration typed on its terminal moves both clocks ahead (scripts/lib/common/clocks.ts).
        demo.child.stdin?.write('15m\n')
        await demo.waitFor(/demo: both clocks moved ahead 15m: now \S+; 0 flow timer\(s\) fired/)
        const clock = await fetch(`${demo.urls[0] ?? ''}/api/local_instance/clock`, {
            headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
        })
        expect(((await clock.json()) as { result: { offset_ms: number } }).result.offset_ms).toBe(15 * 60_000)
        demo.child.stdin?.write('soon\n')
        await demo.waitFor(/demo: "soon" is not a duration/)
        demo.child.kill('SIGKILL')
        await untilNoneListens(demo.urls)
    })
})
