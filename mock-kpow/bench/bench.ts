// `npm run bench`: mock-kpow's performance, always as ratios against baselines measured in the
// same run, interleaved round by round, reporting medians (this 2-core machine is noisy).
//
// 1. Engine: decisions/s of KpowService.decide (compiled static index + temporary index) at 10,
//    1 000 and 10 000 policies, one tenth of them temporary; baseline: the engine's linear
//    evaluateAccess over the same policies.
// 2. API: requests/s and p99 for POST /mock/v1/decide and for create+delete pairs under 16
//    concurrent connections; baselines: a bare node:http server and an Express app that only
//    parses JSON and answers fixed JSON.
// 3. 200 concurrent creates -> exactly 200 distinct stored policies.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { AdjustableClock } from '../src/clock';
import { DEFAULT_CLUSTER_ID } from '../src/config/options';
import { KNOWN_ACTIONS, evaluateAccess, expandActions, toPolicy } from '../src/engine/index';
import type { AccessRequest, Effect, Policy, TemporaryPolicy } from '../src/engine/types';
import { KpowService } from '../src/kpow-service';
import type { Persistence } from '../src/store/persistence';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
// 16 concurrent clients: more than a ServiceNow instance's REST steps put on Kpow at once.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Deterministic PRNG (mulberry32) so every run benchmarks the same policies and requests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = Array.from({ length: 500 }, (_, index) => `${['tx', 'payments', 'orders', 'audit'][index % 4]}_${index}`);
const ROLES = Array.from({ length: 200 }, (_, index) => `team-${index}`);
const ACTIONS = KNOWN_ACTIONS.filter((action) => action.startsWith('TOPIC_') || action.startsWith('GROUP_'));
/** Requests name concrete actions, as Kpow's UI checks them; policies may use umbrellas. */
const REQUEST_ACTIONS = ACTIONS.filter((action) => expandActions([action]).length === 1);
const EFFECTS: Effect[] = ['Allow', 'Allow', 'Allow', 'Deny', 'Stage'];

function pick<T>(rng: () => number, values: readonly T[]): T {
  return values[Math.floor(rng() * values.length)] as T;
}

function generatePolicyBody(rng: () => number) {
  const shape = rng();
  const topic = pick(rng, TOPICS);
  const resource =
    shape < 0.6
      ? ['cluster', DEFAULT_CLUSTER_ID, 'topic', topic]
      : shape < 0.8
        ? ['cluster', '*', 'topic', `${topic.split('_')[0]}_*`]
        : shape < 0.9
          ? ['cluster', DEFAULT_CLUSTER_ID, 'topic', `*${topic.slice(-2)}*`]
          : ['cluster', DEFAULT_CLUSTER_ID];
  return {
    role: rng() < 0.02 ? '*' : pick(rng, ROLES),
    actions: [pick(rng, ACTIONS), pick(rng, ACTIONS)],
    effect: pick(rng, EFFECTS),
    resource,
  };
}

async function engineService(policyCount: number) {
  const rng = random(policyCount);
  const temporaryCount = Math.floor(policyCount / 10);
  const staticPolicies: Policy[] = Array.from({ length: policyCount - temporaryCount }, (_, index) => {
    const body = generatePolicyBody(rng);
    return { roles: [body.role], actions: body.actions, effect: body.effect, resources: [body.resource], source: `rbac:${index}` };
  });
  const now = Date.now();
  const temporaries: TemporaryPolicy[] = Array.from({ length: temporaryCount }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    created_ts: now,
    duration_ms: 3_600_000,
    policy: generatePolicyBody(rng),
    tenant_id: '__kpow_global',
    created_by: 'bench',
  }));
  const persistence: Persistence = {
    description: 'bench',
    load: async () => ({ temporaryPolicies: temporaries, audit: [] }),
    saveTemporaryPolicies: async () => undefined,
    appendAudit: async () => undefined,
  };
  const service = await KpowService.start({
    rbac: { authorizedRoles: undefined, adminRoles: [], policies: staticPolicies, tenants: [] },
    clusters: [{ id: DEFAULT_CLUSTER_ID, name: 'Local Kafka Cluster' }],
    strategy: 'STRICT',
    maxDurationMs: -1,
    clock: new AdjustableClock(() => now),
    persistence,
  });
  const requests: AccessRequest[] = Array.from({ length: 4096 }, () => ({
    roles: [pick(rng, ROLES), pick(rng, ROLES)],
    action: pick(rng, REQUEST_ACTIONS),
    resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', pick(rng, TOPICS)],
  }));
  const allPolicies = [...staticPolicies, ...temporaries.map(toPolicy)];
  return { service, requests, allPolicies };
}

function decisionsPerSecond(decide: (request: AccessRequest) => unknown, requests: readonly AccessRequest[], budgetMs: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let index = 0; index < 256; index++) decide(requests[(count + index) & 4095] as AccessRequest);
    count += 256;
    elapsed = performance.now() - start;
  }
  return (count / elapsed) * 1000;
}

async function benchEngine(): Promise<void> {
  console.log(`\n## Engine decisions/s (median of ${ROUNDS} interleaved rounds, one core)`);
  const sizes = [10, 1_000, 10_000];
  const setups = await Promise.all(sizes.map(engineService));
  // Both paths must agree before their speed means anything.
  for (const setup of setups) {
    for (const request of setup.requests.slice(0, 500)) {
      const fast = setup.service.decide(request);
      const slow = evaluateAccess(request, setup.allPolicies, 'STRICT', setup.service.config.clusters);
      if (fast.effect !== slow.effect) throw new Error(`index and linear evaluation disagree on ${JSON.stringify(request)}`);
    }
  }
  const indexed = sizes.map(() => [] as number[]);
  const linear = sizes.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    setups.forEach((setup, index) => {
      indexed[index]?.push(decisionsPerSecond((request) => setup.service.decide(request), setup.requests, 500));
      linear[index]?.push(
        decisionsPerSecond(
          (request) => evaluateAccess(request, setup.allPolicies, 'STRICT', setup.service.config.clusters),
          setup.requests,
          200,
        ),
      );
    });
  }
  console.log('| policies | KpowService.decide (indexed) | baseline: linear evaluateAccess | ratio |');
  console.log('|---:|---:|---:|---:|');
  sizes.forEach((size, index) => {
    const fast = median(indexed[index] ?? []);
    const slow = median(linear[index] ?? []);
    console.log(`| ${size.toLocaleString('en')} | ${Math.round(fast).toLocaleString('en')} | ${Math.round(slow).toLocaleString('en')} | ${(fast / slow).toFixed(1)}x |`);
  });
  const at10k = median(indexed[2] ?? []);
  console.log(`target >= 1,000,000 decisions/s at 10,000 policies: ${at10k >= 1_000_000 ? 'MET' : 'NOT MET'} (${Math.round(at10k).toLocaleString('en')})`);
}

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(target: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'bench-servers.ts'), target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise<string>((resolvePort, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match?.[1]) resolvePort(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stopServer(server: Server): Promise<void> {
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

type Scenario = 'decide' | 'create+delete';

function load(url: string, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  const headers = { authorization: ADMIN, 'content-type': 'application/json' };
  const decideBody = JSON.stringify({ user: 'user', action: 'TOPIC_DATA_QUERY', resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', 'tx_trade1'] });
  const createBody = JSON.stringify({
    duration_ms: 3_600_000,
    policy: { role: 'kafka-users', actions: ['TOPIC_DATA_QUERY'], effect: 'Allow', resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', 'tx_trade1'] },
  });
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
              if (status === 200) (context as { id?: string }).id = (JSON.parse(body) as { temporary_policy: { id: string } }).temporary_policy.id;
            },
          },
          {
            method: 'DELETE',
            headers: { authorization: ADMIN },
            setupRequest: (request, context) => ({ ...request, path: `/admin/v1/temporary-policies/${String((context as { id?: string }).id)}` }),
          },
        ];
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, requests });
}

async function benchApi(): Promise<void> {
  console.log(`\n## API throughput (${CONNECTIONS} connections, ${HTTP_SECONDS}s per run, median of ${ROUNDS} interleaved rounds)`);
  const targets = ['bare', 'express', 'mock'] as const;
  const scenarios: Scenario[] = ['decide', 'create+delete'];
  const results = new Map<string, { rps: number[]; p99: number[]; errors: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      for (const target of targets) {
        const server = await startServer(target);
        try {
          await load(server.url, scenario, 1); // warm-up: JIT, connection setup
          const result = await load(server.url, scenario, HTTP_SECONDS);
          const key = `${scenario}/${target}`;
          const entry = results.get(key) ?? { rps: [], p99: [], errors: 0 };
          entry.rps.push(result.requests.average);
          entry.p99.push(result.latency.p99);
          entry.errors += result.errors + result.non2xx;
          results.set(key, entry);
        } finally {
          await stopServer(server);
        }
      }
    }
  }
  console.log('| scenario | bare node req/s | express req/s | mock-kpow req/s | mock / express | mock p99 ms | mock errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const scenario of scenarios) {
    const get = (target: string) => results.get(`${scenario}/${target}`) ?? { rps: [0], p99: [0], errors: 0 };
    const bare = median(get('bare').rps);
    const plain = median(get('express').rps);
    const mock = median(get('mock').rps);
    const p99 = median(get('mock').p99);
    console.log(
      `| ${scenario} | ${Math.round(bare)} | ${Math.round(plain)} | ${Math.round(mock)} | ${((mock / plain) * 100).toFixed(0)}% | ${p99} | ${get('mock').errors} |`,
    );
    console.log(
      `target ${scenario}: mock >= 80% of express ${mock >= 0.8 * plain ? 'MET' : 'NOT MET'}; p99 < 20 ms ${p99 < 20 ? 'MET' : 'NOT MET'}`,
    );
  }
}

async function benchConcurrentCreates(): Promise<void> {
  const server = await startServer('mock');
  try {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        fetch(`${server.url}/admin/v1/temporary-policies`, {
          method: 'POST',
          headers: { authorization: ADMIN, 'content-type': 'application/json' },
          body: JSON.stringify({
            duration_ms: 60_000,
            policy: { role: 'kafka-users', actions: ['TOPIC_DATA_QUERY'], effect: 'Allow', resource: ['cluster', DEFAULT_CLUSTER_ID, 'topic', `t${index}`] },
          }),
        }).then((response) => response.json() as Promise<{ temporary_policy: { id: string } }>),
      ),
    );
    const list = (await (
      await fetch(`${server.url}/admin/v1/temporary-policies`, { headers: { authorization: ADMIN } })
    ).json()) as { temporary_policies: { id: string }[] };
    const distinct = new Set(responses.map((response) => response.temporary_policy.id)).size;
    console.log(`\n## 200 concurrent creates: ${distinct} distinct ids answered, ${list.temporary_policies.length} stored -> ${distinct === 200 && list.temporary_policies.length === 200 ? 'MET' : 'NOT MET'}`);
  } finally {
    await stopServer(server);
  }
}

const only = process.argv[2];
if (!only || only === 'engine') await benchEngine();
if (!only || only === 'api') await benchApi();
if (!only || only === 'concurrency') await benchConcurrentCreates();
