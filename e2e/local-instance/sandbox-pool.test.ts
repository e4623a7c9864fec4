import { afterEach, describe, expect, it } from 'vitest'
import { Database } from './tables'
import { localInstanceSchemas } from './schema'
import type { SandboxHost } from './glide-sandbox'
import { runPlatformScript } from './glide-sandbox'
import { ScriptSandboxPool } from './sandbox-pool'
import { MAX_CONCURRENT_SCRIPT_RUNS } from './sandbox-limits'

const pools: ScriptSandboxPool[] = []

afterEach(() => {
    for (const pool of pools.splice(0)) pool.dispose()
})

async function readyPool(size: number): Promise<ScriptSandboxPool> {
    const pool = new ScriptSandboxPool(size)
    pools.push(pool)
    await pool.whenFull()
    return pool
}

function hostOn(pool: ScriptSandboxPool, log: (message: string) => void = () => {}): SandboxHost {
    const database = new Database({ schemas: localInstanceSchemas })
    const user = database.insert('sys_user', { user_name: 'abel.tuter', name: 'Abel Tuter' })
    return {
        database,
        userSysId: user.sys_id,
        properties: {},
        resolveConnection: () => undefined,
        log: (_level, message) => log(message),
        sandboxes: pool,
    }
}

/** Runs an ES5 script in a sandbox of the pool and gives what it put in `outputs`. */
async function outputsOf(host: SandboxHost, script: string, timeoutMs?: number): Promise<Record<string, unknown>> {
    const outputs: Record<string, unknown> = {}
    await runPlatformScript(host, { recordName: 'r', level: 'es5', globals: { outputs }, script, timeoutMs })
    return outputs
}

/** An endless loop with a 100 ms limit: stopped there. */
async function expectStoppedAtTimeLimit(host: SandboxHost): Promise<void> {
    await expect(
        runPlatformScript(host, { recordName: 'Loop', level: 'es5', script: 'while (true) {}', timeoutMs: 100 })
    ).rejects.toThrow(/^Loop: stopped at the script step's 100 ms time limit/)
}

describe('script sandbox pool', () => {
    it('has its sandboxes ready before a step asks, and refills after the run', async () => {
        const pool = await readyPool(2)
        expect(pool.readyCount).toBe(2)
        const readyDuringRun: number[] = []
        const host = hostOn(pool, () => readyDuringRun.push(pool.readyCount))
        const outputs = await outputsOf(host, 'gs.info("running"); outputs.user = gs.getUserName()')
        // The run took a ready sandbox; the pool did not make one while the script ran.
        expect(readyDuringRun).toEqual([1])
        expect(outputs.user).toBe('abel.tuter')
        await pool.whenFull()
        expect(pool.readyCount).toBe(2)
    })

    it('makes sandboxes only while nothing else runs (the quiet signal), never while a flow step does', async () => {
        let quietNow: () => void = () => {}
        let quiet = Promise.resolve()
        const pool = new ScriptSandboxPool(1, () => quiet)
        pools.push(pool)
        await pool.whenFull()
        // A flow step is running from here on: the signal holds back the refill until it says quiet.
        quiet = new Promise((resolve) => (quietNow = resolve))
        await outputsOf(hostOn(pool), 'outputs.ran = true')
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(pool.readyCount).toBe(0)
        quietNow()
        await pool.whenFull()
        expect(pool.readyCount).toBe(1)
    })

    it('serves more scripts at once than it holds, each in a sandbox of its own', async () => {
        const pool = await readyPool(1)
        const host = hostOn(pool)
        const results = await Promise.all(
            [1, 2, 3].map((index) => outputsOf(host, `globalThis.mine = ${String(index)}; outputs.mine = mine`))
        )
        expect(results.map((outputs) => outputs.mine)).toEqual([1, 2, 3])
        await pool.whenFull()
        expect(pool.readyCount).toBe(1)
    })

    it('lets nothing a run did reach the next run: globals, prototypes, the Glide API', async () => {
        const pool = await readyPool(1)
        const host = hostOn(pool)
        await outputsOf(
            host,
            `globalThis.leaked = 'first run'; Object.prototype.polluted = true; Array.prototype.push = null;
             gs.getUserName = function () { return 'someone else' }; var declared = 1`
        )
        const outputs = await outputsOf(
            host,
            `outputs.leaked = typeof leaked; outputs.declared = typeof declared; outputs.polluted = ({}).polluted === true;
             var list = []; list.push(1); outputs.pushed = list.length; outputs.user = gs.getUserName()`
        )
        expect(outputs).toEqual({
            leaked: 'undefined',
            declared: 'undefined',
            polluted: false,
            pushed: 1,
            user: 'abel.tuter',
        })
    })

    it('a run stopped at its time limit does not stop or slow the next one', async () => {
        const pool = await readyPool(1)
        const host = hostOn(pool)
        await expectStoppedAtTimeLimit(host)
        // The next run's own limit counts from its own start: 300 ms of work well inside it is not stopped.
        const outputs = await outputsOf(
            host,
            'var end = Date.now() + 300; var spins = 0; while (Date.now() < end) spins++; outputs.done = spins > 0',
            5_000
        )
        expect(outputs.done).toBe(true)
    })

    it('keeps the limits in pooled sandboxes: time, memory, stack', async () => {
        const pool = await readyPool(2)
        const host = hostOn(pool)
        await expectStoppedAtTimeLimit(host)
        await expect(
            runPlatformScript(host, {
                recordName: 'Bomb',
                level: 'es5',
                // One allocation over the limit: as sure a test of it as a hoard of small objects, in a fraction of the time.
                script: 'var hoard = new ArrayBuffer(80 * 1024 * 1024); outputs.size = hoard.byteLength',
            })
        ).rejects.toThrow(/^Bomb: .*out of memory/)
        await expect(
            runPlatformScript(host, { recordName: 'Deep', level: 'es5', script: 'function f() { return f() + 1 } f()' })
        ).rejects.toThrow(/^Deep: .*(stack overflow|call stack size exceeded)/)
        // The bridge is still JSON only: no host object reaches the script.
        const outputs = await outputsOf(host, 'outputs.types = [typeof __glideHost, typeof require].join()')
        expect(outputs.types).toBe('undefined,undefined')
    })

    it('keeps none ready at size 0: every run makes its own', async () => {
        const pool = await readyPool(0)
        const outputs = await outputsOf(hostOn(pool), 'outputs.sum = 1 + 2')
        expect(outputs.sum).toBe(3)
        await new Promise((resolve) => setImmediate(resolve))
        expect(pool.readyCount).toBe(0)
    })

    it('once disposed holds nothing and refills no more, yet a late run still gets a sandbox', async () => {
        const pool = await readyPool(2)
        pool.dispose()
        expect(pool.readyCount).toBe(0)
        const outputs = await outputsOf(hostOn(pool), 'outputs.sum = 1 + 2')
        expect(outputs.sum).toBe(3)
        await pool.whenFull()
        expect(pool.readyCount).toBe(0)
    })

    it('runs at most MAX_CONCURRENT_SCRIPT_RUNS scripts at once; the others wait for a thread, then run', async () => {
        const pool = await readyPool(1)
        let running = 0
        let most = 0
        const host = hostOn(pool, (message) => {
            running += message === 'start' ? 1 : -1
            most = Math.max(most, running)
        })
        const runs = Array.from({ length: MAX_CONCURRENT_SCRIPT_RUNS + 2 }, (_, index) =>
            outputsOf(
                host,
                `gs.info('start'); var end = Date.now() + 300; while (Date.now() < end) {} gs.info('end'); outputs.index = ${String(index)}`,
                20_000
            )
        )
        const outputs = await Promise.all(runs)
        expect(outputs.map((output) => output.index)).toEqual(runs.map((_, index) => index))
        expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_SCRIPT_RUNS)
        expect(most).toBeGreaterThan(1)
    })

    it('keeps the event loop free while a script loops or sits in a long native call, and stops both at the limit', async () => {
        const pool = await readyPool(2)
        const host = hostOn(pool)
        let longestGapMs = 0
        let last = performance.now()
        const ticker = setInterval(() => {
            const now = performance.now()
            longestGapMs = Math.max(longestGapMs, now - last)
            last = now
        }, 10)
        try {
            const started = performance.now()
            await Promise.all([
                expect(
                    runPlatformScript(host, {
                        recordName: 'Loop',
                        level: 'es5',
                        script: 'while (true) {}',
                        timeoutMs: 1_500,
                    })
                ).rejects.toThrow(/^Loop: stopped at the script step's 1500 ms time limit/),
                expect(
                    runPlatformScript(host, {
                        recordName: 'Native',
                        level: 'es5',
                        script: "new Array(300000000).join('')",
                        timeoutMs: 1_500,
                    })
                ).rejects.toThrow(/^Native: stopped at the script step's 1500 ms time limit/),
            ])
            // The native call alone takes many seconds: it was stopped, not waited for.
            expect(performance.now() - started).toBeLessThan(8_000)
        } finally {
            clearInterval(ticker)
        }
        // A script on the event loop would have held it for the whole 1.5 s.
        expect(longestGapMs).toBeLessThan(750)
    })
})
