/**
 * The review corpus: update sets shaped like real instance exports, written by the generators
 * beside this file (nothing in them is copied from anyone's export). `npx tsx
 * scripts/review/test/corpus/corpus.ts` rewrites the committed `.xml` files; a unit test fails
 * when a committed file differs from what its generator writes.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { explainUpdateSet, formatExplanation, readUpdateSet } from '../../../lib/update-set/index.ts'
import { flow2018Set, flowTodaySet } from './flow-sets.ts'
import { largeSet } from './large-set.ts'
import {
    aclSet,
    businessRulesSet,
    deletesSet,
    eventsSet,
    notificationsSet,
    recordProducerSet,
    sameNamesSet,
    workflowSet,
} from './record-sets.ts'

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url))

export interface CorpusSet {
    /** File name in this folder, without `.xml`. */
    name: string
    build: () => string
}

/** Modules of the committed large set (just over 1 MB) and of the timing set (about 4 MB). */
export const LARGE_MODULES = 14
export const TIMING_MODULES = 55

export const CORPUS: readonly CorpusSet[] = [
    { name: 'flow-today', build: flowTodaySet },
    { name: 'flow-2018', build: flow2018Set },
    { name: 'workflow-catalog-item', build: workflowSet },
    { name: 'record-producer', build: recordProducerSet },
    { name: 'business-rules', build: businessRulesSet },
    { name: 'notifications', build: notificationsSet },
    { name: 'acls', build: aclSet },
    { name: 'deletes', build: deletesSet },
    { name: 'same-names', build: sameNamesSet },
    { name: 'events', build: eventsSet },
    { name: 'scoped-app-large', build: () => largeSet(LARGE_MODULES) },
]

export const corpusFile = (name: string): string => join(CORPUS_DIR, `${name}.xml`)

export const expectedFile = (name: string): string => join(CORPUS_DIR, `${name}.expected.txt`)

/** What `npm run explain` prints for a set of the corpus. */
export function explainCorpusSet(xml: string): string {
    return formatExplanation(explainUpdateSet(readUpdateSet(xml)))
}

// `--expected` also rewrites the expected outlines: read every changed line before committing them.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    for (const set of CORPUS) {
        const xml = set.build()
        writeFileSync(corpusFile(set.name), xml)
        if (process.argv.includes('--expected')) writeFileSync(expectedFile(set.name), explainCorpusSet(xml))
    }
    process.stdout.write(`wrote ${String(CORPUS.length)} sets to ${CORPUS_DIR}\n`)
}
