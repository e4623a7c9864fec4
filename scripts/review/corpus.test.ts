import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readUpdateSet } from '../lib/update-set/index.ts'
import { CORPUS, corpusFile } from './test/corpus/corpus.ts'

describe('the review corpus', () => {
    it.each(CORPUS.map((set) => [set.name, set] as const))(
        '%s.xml is what its generator writes, and reads as an update set',
        (_name, set) => {
            const committed = readFileSync(corpusFile(set.name), 'utf8')
            expect(
                committed === set.build(),
                `${set.name}.xml is stale: run npx tsx scripts/review/test/corpus/corpus.ts`
            ).toBe(true)
            expect(readUpdateSet(committed).records.length).toBeGreaterThan(0)
        }
    )
})
