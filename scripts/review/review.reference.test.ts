// npm run explain and npm run diff on the update set published with the guide, read in place.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referenceDirPresent, referenceFiles } from '../test/reference-files.ts'
import { diffUpdateSets, formatChanges, readUpdateSetFile } from '../lib/update-set/index.ts'
import { repositoryRoot } from '../lib/common/index.ts'
import { main as explain } from './explain.ts'
import { main as diff } from './diff.ts'
import { collectingIo, rekeyedCopy } from './test-sets.ts'

describe.skipIf(!referenceDirPresent)("explain and diff on the guide's published set", () => {
    it('explains its flow, REST actions and catalog item, and says what it leaves out', async () => {
        const io = collectingIo()
        expect(await explain([referenceFiles.updateSet], io)).toBe(0)
        const out = io.output()
        expect(out).toContain('Flow "Kpow Access Lifecycle" (published, active, runs as user)')
        expect(out).toMatch(
            /\n {2}5\. Wait For Condition \(the flow waits here\)\n(?:[^\n]*\n)*? {7}conditions: State is Closed Complete\n/
        )
        expect(out).toMatch(
            / {7}approval: Approved or rejected as soon as any one of users \[Trigger - Service Catalog ➛ request_item ➛ opened_by ➛ manager\] approves or rejects/
        )
        expect(out).toMatch(
            /Step 1\. REST step \(REST step\)\n(?:[^\n]*\n)*? {7}Connection Alias: [0-9a-f]{32} \(not in this set\)/
        )
        expect(out).toMatch(/catalog_variables: (?:[0-9a-f]{32} \(not in this set\)(?:, )?){4}\n/)
        expect(out).toMatch(/Notes:\n {2}6 step record\(s\) belong to 1 flow snapshot\(s\)/)
        expect(io.errors()).toBe('')
    })

    it('diffs it against ours by step, and against itself re-keyed as nothing', async () => {
        const guide = readUpdateSetFile(referenceFiles.updateSet)
        expect(diffUpdateSets(guide, rekeyedCopy(guide))).toEqual([])
        const io = collectingIo()
        expect(
            await diff([referenceFiles.updateSet, join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')], io)
        ).toBe(1)
        // The guide's wait for the close and its revoke moved into the End Access subflow, called once.
        expect(io.output()).toMatch(/^flow "Kpow Access Lifecycle", step \d+ Wait For Condition: removed$/m)
        expect(io.output()).toMatch(/^flow "Kpow Access Lifecycle", step \d+ Subflow Kpow - End Access: added$/m)
        expect(formatChanges(diffUpdateSets(guide, guide))).toBe('')
    })
})
