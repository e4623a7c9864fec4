import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { UpdateSet } from '../lib/update-set/index.ts'
import { explainUpdateSet, readUpdateSet } from '../lib/update-set/index.ts'
import { CORPUS, TIMING_MODULES, corpusFile, expectedFile, explainCorpusSet } from './test/corpus/corpus.ts'
import { UNNAMED_ACTION } from './test/corpus/flow-sets.ts'
import { largeSet } from './test/corpus/large-set.ts'

const SYS_ID = /\b[0-9a-f]{32}\b/g

/** Every sys_id the set gives a name: its records that have one, and every reference exported with a display value. */
function namedIds(set: UpdateSet): Set<string> {
    const named = new Set<string>()
    for (const entry of set.records)
        for (const record of entry.payload.records)
            for (const [name, field] of Object.entries(record.fields)) {
                if (field.attributes.display_value) named.add(field.value)
                if (name === 'sys_id' && ['name', 'event_name', 'label'].some((key) => record.fields[key]?.value))
                    named.add(field.value)
            }
    return named
}

const notOutlinedLine = /\n\nNot outlined: (\d+) records?(?: \(([a-z0-9_]+: \d+(?:, [a-z0-9_]+: \d+)*)\))?\n$/

describe('npm run explain on the review corpus', () => {
    it.each(CORPUS.map((set) => [set.name] as const))('%s: prints the hand-checked outline', (name) => {
        const printed = explainCorpusSet(readFileSync(corpusFile(name), 'utf8'))
        expect(printed).toBe(readFileSync(expectedFile(name), 'utf8'))
    })

    it.each(CORPUS.map((set) => [set.name] as const))(
        '%s: names every step the set names (no bare sys_id of a named record) and ends with the not-outlined count',
        (name) => {
            const xml = readFileSync(corpusFile(name), 'utf8')
            const printed = explainCorpusSet(xml)
            const named = namedIds(readUpdateSet(xml))
            const bare = [...printed.matchAll(SYS_ID)].map((match) => match[0]).filter((sysId) => named.has(sysId))
            expect(bare).toEqual([])
            const counted = notOutlinedLine.exec(printed)
            expect(counted, 'the last line counts what was not outlined').not.toBeNull()
            const byTable = (counted?.[2] ?? '').split(', ').filter((part) => part !== '')
            const sum = byTable.reduce((total, part) => total + Number(part.split(': ')[1]), 0)
            expect(sum).toBe(Number(counted?.[1]))
        }
    )

    it('a step nobody names shows its sys_id and says so (the honest case the sys_id check allows)', () => {
        const printed = explainCorpusSet(readFileSync(corpusFile('flow-today'), 'utf8'))
        expect(printed).toContain(`12. Action ${UNNAMED_ACTION}`)
        expect(printed).toContain(`action ${UNNAMED_ACTION} is neither named in this set nor a built-in action`)
    })

    it('explains a 4 MB set in under 3 s of processor time', () => {
        const xml = largeSet(TIMING_MODULES)
        expect(xml.length).toBeGreaterThan(4_000_000)
        const before = process.cpuUsage()
        const explanation = explainUpdateSet(readUpdateSet(xml))
        const used = process.cpuUsage(before)
        expect(explanation.flows).toHaveLength(TIMING_MODULES)
        expect(explanation.flows.every((flow) => flow.steps.length === 10)).toBe(true)
        expect((used.user + used.system) / 1e6).toBeLessThan(3)
    })
})
