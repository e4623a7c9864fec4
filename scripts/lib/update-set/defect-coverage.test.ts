import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { defectCoverage, formatVerdict } from './defect-coverage.ts'
import { HAND_BUILT_SET_FILE } from './testing/hand-built-guide-set.ts'
import { readUpdateSet } from './read-update-set.ts'
import type { UpdateSet } from './read-update-set.ts'

const ourSet = () => readUpdateSet(readFileSync(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'), 'utf8'))

/** Our set without the records of some tables, as a set exported without them would read. */
function without(set: UpdateSet, ...tables: string[]): UpdateSet {
    return {
        ...set,
        records: set.records.map((entry) => ({
            ...entry,
            payload: {
                ...entry.payload,
                records: entry.payload.records.filter((record) => !tables.includes(record.table)),
            },
        })),
    }
}

const verdicts = (set: UpdateSet) => Object.fromEntries(defectCoverage(set).map((v) => [v.defect, v.verdict]))

describe('defect coverage', () => {
    it('names all nine defects, in order, for any set', () => {
        expect(defectCoverage(ourSet()).map((verdict) => verdict.defect)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    })

    it('says "found" for each of the hand-built set\'s nine defects, "not found" for each in ours', () => {
        const handBuilt = readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))
        expect(new Set(Object.values(verdicts(handBuilt)))).toEqual(new Set(['found']))
        expect(new Set(Object.values(verdicts(ourSet())))).toEqual(new Set(['not found']))
    })

    it('says a free-text check cannot be made when the set carries no catalog variables, and why', () => {
        const coverage = defectCoverage(without(ourSet(), 'item_option_new'))
        const eight = coverage.find((verdict) => verdict.defect === 8)
        expect(eight?.verdict).toBe('cannot be detected')
        expect(formatVerdict(eight ?? coverage[0]!)).toBe(
            'defect 8 (free-text variable without validation): cannot be detected in this set: it carries none of the role, cluster or duration catalog variables, so their types and validation are unknown'
        )
        // The flow still reads them: that is defect 1, found.
        expect(coverage.find((verdict) => verdict.defect === 1)?.verdict).toBe('found')
    })

    it('says which checks a set without flows or actions leaves open', () => {
        const catalogOnly = without(
            ourSet(),
            'sys_hub_action_instance_v2',
            'sys_hub_action_type_definition',
            'sys_hub_flow_logic_instance_v2',
            'sys_hub_flow'
        )
        expect(verdicts(catalogOnly)).toEqual({
            1: 'cannot be detected',
            2: 'cannot be detected',
            3: 'not found',
            4: 'cannot be detected',
            5: 'cannot be detected',
            6: 'cannot be detected',
            7: 'cannot be detected',
            8: 'not found',
            9: 'not found',
        })
    })
})
