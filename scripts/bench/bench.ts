// `npm run bench`: the kit's benchmarks. `npm run bench -- lifecycle [--rounds N]` measures a request's
// lifecycle over REST (lifecycle.ts); anything else runs mock-kpow's benchmark with the same arguments
// (`engine`, `api`, `concurrency` or none: all), in a process of its own as it pins itself to a core.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runAsScript } from '../lib/common/index.ts'
import { lifecycleBenchmark } from './lifecycle.ts'

const MOCK_KPOW_BENCH = fileURLToPath(new URL('../../mock-kpow/bench/bench.ts', import.meta.url))

async function main(argv: readonly string[]): Promise<number> {
    const [part, ...rest] = argv
    if (part === 'lifecycle') return lifecycleBenchmark(rest)
    const child = spawnSync(process.execPath, ['--import', 'tsx', MOCK_KPOW_BENCH, ...argv], { stdio: 'inherit' })
    return child.status ?? 1
}

runAsScript(import.meta.url, 'bench', main)
