// `npm run bench`: mock-kpow's performance, always as ratios against baselines measured in the
// same run, interleaved round by round, reporting medians (this 2-core machine is noisy).
//
// 1. Engine: decisions/s of KpowService.authorization.decide (compiled static index + temporary index) at 10,
//    1 000 and 10 000 policies, one tenth of them temporary; baseline: the engine's linear
//    evaluateAccess over the same policies.
// 2. API: requests/s and p99 for POST /mock/v1/decide and for create+delete pairs under 16
//    concurrent connections; baselines: a bare node:http server and an Express app that only
//    parses JSON and answers fixed JSON.
// 3. 200 concurrent creates -> exactly 200 distinct stored policies.
//
// Each target is judged from this run's own measurements ("met" or "missed"), and the run ends
// with every verdict in one list. Verdicts vary between runs on a loaded machine: run it twice.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { AdjustableClock } from '../src/clock'
import { DEFAULT_CLUSTER_ID } from '../src/config/options'
import { DEFAULT_TENANT_ID, evaluateAccess, toPolicy } from '../src/engine/index'
import {
    RANDOM_CLUSTERS,
    deploymentPolicies,
    deploymentRequest,
    randomPolicies,
    randomRequest,
    seededRandom,
} from '../src/engine/testing/random-policies'
import type { AccessRequest, TemporaryPolicy } from '../src/engine/types'
import { KpowService } from '../src/kpow-service'
import { MemoryPersistence } from '../src/store/persistence'

/** Pin the load generator and the server to separate cores when taskset (util-linux) is there. */
const PINNING = spawnSync('taskset', ['-c', '0', 'true']).status === 0
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3)
// 16 concurrent clients: more than a ServiceNow instance's REST steps put on Kpow at once.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`

interface Verdict {
    target: string
    measured: string
    met: boolean
}

const verdicts: Verdict[] = []

/** Records and prints whether `target` was met by what this run measured. */
function judge(target: string, measured: string, met: boolean): void {
    verdicts.push({ target, measured, met })
    console.log(`target ${target}: ${met ? 'met' : 'missed'} (${measured})`)
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

type Shape = 'deployment' | 'overlapping'

/**
 * A service holding `policyCount` policies, one tenth of them live temporary policies, built from
 * the engine's test generators: "deployment" is how a JIT setup that accumulated that many
 * policies looks (1 000 team roles, mostly exact topics); "overlapping" is a stress shape where
 * every policy is random and many patterns overlap every request.
 */
async function engineService(policyCount: number, shape: Shape) {
    const rng = seededRandom(policyCount + (shape === 'deployment' ? 0 : 1))
    const generated = shape === 'deployment' ? deploymentPolicies(rng, policyCount) : randomPolicies(rng, policyCount)
    const temporaryCount = Math.floor(policyCount / 10)
    const staticPolicies = generated.slice(temporaryCount)
    const now = Date.now()
    const temporaries: TemporaryPolicy[] = generated.slice(0, temporaryCount).map((policy, index) => ({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        created_ts: now,
        duration_ms: 3_600_000,
        policy: { roles: policy.roles, actions: policy.actions, effect: policy.effect, resources: policy.resources },
        tenant_id: DEFAULT_TENANT_ID,
        created_by: 'bench',
    }))
    const persistence = new MemoryPersistence({ temporaryPolicies: temporaries })
    const service = await KpowService.start({
        rbac: { authorizedRoles: undefined, adminRoles: [], policies: staticPolicies, tenants: [] },
        clusters: RANDOM_CLUSTERS,
        strategy: 'STRICT',
        maxDurationMs: -1,
        clock: new AdjustableClock(() => now),
        persistence,
    })
    const requests: AccessRequest[] = Array.from({ length: 4096 }, () =>
        shape === 'deployment' ? deploymentRequest(rng) : randomRequest(rng)
    )
    const allPolicies = [...staticPolicies, ...temporaries.map(toPolicy)]
    return { service, requests, allPolicies }
}

function decisionsPerSecond(
    decide: (request: AccessRequest) => unknown,
    requests: readonly AccessRequest[],
    budgetMs: number
): number {
    let count = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < budgetMs) {
        for (let index = 0; index < 256; index++) decide(requests[(count + index) & 4095] as AccessRequest)
        count += 256
        elapsed = performance.now() - start
    }
    return (count / elapsed) * 1000
}

async function benchEngine(): Promise<void> {
    console.log(`\n## Engine decisions/s (median of ${ROUNDS} interleaved rounds, one core)`)
    const cases = (['deployment', 'overlapping'] as const).flatMap((shape) =>
        [10, 1_000, 10_000].map((size) => ({ shape, size }))
    )
    const setups = await Promise.all(cases.map(({ shape, size }) => engineService(size, shape)))
    // Both paths must agree before their speed means anything.
    for (const setup of setups) {
        for (const request of setup.requests.slice(0, 500)) {
            const fast = setup.service.authorization.decide(request)
            const slow = evaluateAccess(request, setup.allPolicies, 'STRICT', setup.service.config.clusters)
            if (fast.effect !== slow.effect)
                throw new Error(`index and linear evaluation disagree on ${JSON.stringify(request)}`)
        }
    }
    const indexed = cases.map(() => [] as number[])
    const linear = cases.map(() => [] as number[])
    for (let round = 0; round < ROUNDS; round++) {
        setups.forEach((setup, index) => {
            indexed[index]?.push(
                decisionsPerSecond((request) => setup.service.authorization.decide(request), setup.requests, 500)
            )
            linear[index]?.push(
                decisionsPerSecond(
                    (request) => evaluateAccess(request, setup.allPolicies, 'STRICT', setup.service.config.clusters),
                    setup.requests,
                    200
                )
            )
        })
    }
    console.log(
        '| policy shape | policies (1/10 temporary) | KpowService.authorization.decide (indexed) | baseline: linear evaluateAccess | ratio |'
    )
    console.log('|---|---:|---:|---:|---:|')
    cases.forEach(({ shape, size }, index) => {
        const fast = median(indexed[index] ?? [])
        const slow = median(linear[index] ?? [])
        console.log(
            `| ${shape} | ${size.toLocaleString('en')} | ${Math.round(fast).toLocaleString('en')} | ${Math.round(slow).toLocaleString('en')} | ${(fast / slow).toFixed(1)}x |`
        )
    })
    const measured = median(indexed[2] ?? [])
    judge(
        '>= 1,000,000 decisions/s at 10,000 deployment-shaped policies',
        `${Math.round(measured).toLocaleString('en')} decisions/s`,
        measured >= 1_000_000
    )
}

interface Server {
    child: ChildProcess
    url: string
}

async function startServer(target: string): Promise<Server> {
    const command = [process.execPath, '--import', 'tsx', resolve(import.meta.dirname, 'bench-servers.ts'), target]
    // Server on core 1, this process (the load generator) on core 0: each gets a whole core, and
    // the scheduler cannot move them onto each other between runs.
    const pinned = PINNING ? ['taskset', '-c', '1', ...command] : command
    const child = spawn(pinned[0] as string, pinned.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    const port = await new Promise<string>((resolvePort, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
            output += chunk.toString()
            const match = /PORT (\d+)/.exec(output)
            if (match?.[1]) resolvePort(match[1])
        })
        child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)))
    })
    return { child, url: `http://127.0.0.1:${port}` }
}

async function stopServer(server: Server): Promise<void> {
    const exited = once(server.child, 'exit')
    server.child.kill('SIGTERM')
    await exited
}

type Scenario = 'decide' | 'create+delete'

function load(url: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
    const headers = { authorization: ADMIN, 'content-type': 'application/json' }
    const decideBody = JSON.stringify({
        user: 'user',
        action: 'TOPIC_DATA_QUERY',
        resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', 'tx_trade1'],
    })
    const createBody = JSON.stringify({
        duration_ms: 3_600_000,
        policy: {
            role: 'kafka-users',
            actions: ['TOPIC_DATA_QUERY'],
            effect: 'Allow',
            resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', 'tx_trade1'],
        },
    })
    const requests: autocannon.Request[] =
        scenario === 'decide'
            ? [{ method: 'POST', path: '/mock/v1/decide', headers, body: decideBody }]
            : [
                  {
                      method: 'POST',
                      path: '/admin/v1/temporary-policies',
                      headers,
                      body: createBody,
                      onResponse: (status, body, context) => {
                          if (status === 200)
                              (context as { id?: string }).id = (
                                  JSON.parse(body) as { temporary_policy: { id: string } }
                              ).temporary_policy.id
                      },
                  },
                  {
                      method: 'DELETE',
                      headers: { authorization: ADMIN },
                      setupRequest: (request, context) => ({
                          ...request,
                          path: `/admin/v1/temporary-policies/${String((context as { id?: string }).id)}`,
                      }),
                  },
              ]
    return autocannon({ url, connections: CONNECTIONS, duration: seconds, requests })
}

async function benchApi(): Promise<void> {
    console.log(
        `\n## API throughput (${CONNECTIONS} connections, ${HTTP_SECONDS}s per run, median of ${ROUNDS} interleaved rounds)`
    )
    const targets = ['bare', 'express', 'mock'] as const
    const scenarios: Scenario[] = ['decide', 'create+delete']
    const results = new Map<string, { rps: number[]; p99: number[]; errors: number }>()
    for (let round = 0; round < ROUNDS; round++) {
        for (const scenario of scenarios) {
            for (const target of targets) {
                const server = await startServer(target)
                try {
                    await load(server.url, scenario, 1) // warm-up: JIT, connection setup
                    const result = await load(server.url, scenario, HTTP_SECONDS)
                    const key = `${scenario}/${target}`
                    const entry = results.get(key) ?? { rps: [], p99: [], errors: 0 }
                    entry.rps.push(result.requests.average)
                    entry.p99.push(result.latency.p99)
                    entry.errors += result.errors + result.non2xx
                    results.set(key, entry)
                } finally {
                    await stopServer(server)
                }
            }
        }
    }
    console.log(
        '| scenario | bare node req/s | express req/s | mock-kpow req/s | mock / express | mock p99 ms | mock errors |'
    )
    console.log('|---|---:|---:|---:|---:|---:|---:|')
    for (const scenario of scenarios) {
        const get = (target: string) => results.get(`${scenario}/${target}`) ?? { rps: [0], p99: [0], errors: 0 }
        const bare = median(get('bare').rps)
        const plain = median(get('express').rps)
        const mock = median(get('mock').rps)
        const p99 = median(get('mock').p99)
        console.log(
            `| ${scenario} | ${Math.round(bare)} | ${Math.round(plain)} | ${Math.round(mock)} | ${((mock / plain) * 100).toFixed(0)}% | ${p99} | ${get('mock').errors} |`
        )
        judge(`${scenario}: mock-kpow >= 80% of Express`, `${((mock / plain) * 100).toFixed(0)}%`, mock >= 0.8 * plain)
        judge(`${scenario}: mock-kpow p99 < 20 ms`, `${String(p99)} ms`, p99 < 20)
        judge(`${scenario}: no errors`, `${String(get('mock').errors)} errors or non-2xx`, get('mock').errors === 0)
    }
}

async function benchConcurrentCreates(): Promise<void> {
    const server = await startServer('mock')
    try {
        const responses = await Promise.all(
            Array.from({ length: 200 }, (_, index) =>
                fetch(`${server.url}/admin/v1/temporary-policies`, {
                    method: 'POST',
                    headers: { authorization: ADMIN, 'content-type': 'application/json' },
                    body: JSON.stringify({
                        duration_ms: 60_000,
                        policy: {
                            role: 'kafka-users',
                            actions: ['TOPIC_DATA_QUERY'],
                            effect: 'Allow',
                            resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', `t${index}`],
                        },
                    }),
                }).then((response) => response.json() as Promise<{ temporary_policy: { id: string } }>)
            )
        )
        const list = (await (
            await fetch(`${server.url}/admin/v1/temporary-policies`, { headers: { authorization: ADMIN } })
        ).json()) as { temporary_policies: { id: string }[] }
        const distinct = new Set(responses.map((response) => response.temporary_policy.id)).size
        console.log('\n## 200 concurrent creates')
        judge(
            '200 concurrent creates give exactly 200 distinct stored policies',
            `${String(distinct)} distinct ids answered, ${String(list.temporary_policies.length)} stored`,
            distinct === 200 && list.temporary_policies.length === 200
        )
    } finally {
        await stopServer(server)
    }
}

const only = process.argv[2]
if (PINNING && process.env.BENCH_PINNED !== '1') {
    // Re-run this script pinned to core 0 (see startServer); without taskset, runs unpinned.
    const rerun = spawnSync(
        'taskset',
        ['-c', '0', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
        {
            stdio: 'inherit',
            env: { ...process.env, BENCH_PINNED: '1' },
        }
    )
    process.exit(rerun.status ?? 1)
}
console.log(
    PINNING ? 'load generator pinned to core 0, servers to core 1 (taskset)' : 'taskset not found: processes unpinned'
)
if (!only || only === 'engine') await benchEngine()
if (!only || only === 'api') await benchApi()
if (!only || only === 'concurrency') await benchConcurrentCreates()

const missed = verdicts.filter((verdict) => !verdict.met).length
console.log(`\n## Targets: ${String(verdicts.length - missed)} met, ${String(missed)} missed (this run)`)
for (const verdict of verdicts)
    console.log(`- ${verdict.met ? 'met' : 'missed'}: ${verdict.target} (${verdict.measured})`)
