import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { PayloadRecord, UpdateSet } from '../lib/update-set/index.ts'
import {
    diffUpdateSets,
    formatChanges,
    readUpdateSetFile,
    STEP_TYPE_INPUTS,
    writableCopyOf,
    writeUpdateSet,
} from '../lib/update-set/index.ts'
import { exportedSetXml, HAND_BUILT_SET_FILE, SAMPLE_IDS, sampleUpdates } from '../lib/update-set/testing/index.ts'
import { repositoryRoot } from '../lib/common/index.ts'
import { main } from './diff.ts'
import { collectingIo, editedCopy, flowElement, payloadHolding, rekeyedCopy, setValues, valuesOf } from './test-sets.ts'

const OUR_SET = join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')
const ours = readUpdateSetFile(OUR_SET)
const handBuilt = readUpdateSetFile(HAND_BUILT_SET_FILE)

const lines = (before: UpdateSet, after: UpdateSet) =>
    formatChanges(diffUpdateSets(before, after)).trimEnd().split('\n')

function setInput(record: PayloadRecord, name: string, value: string): void {
    setValues(
        record,
        valuesOf(record).map((input) => (input.name === name ? { ...input, value } : input))
    )
}

const temporary = mkdtempSync(join(tmpdir(), 'semantic-diff-'))
afterAll(() => rmSync(temporary, { recursive: true, force: true }))

function writeSet(name: string, set: UpdateSet): string {
    const { metadata, records } = writableCopyOf(set)
    const path = join(temporary, name)
    writeFileSync(path, writeUpdateSet(metadata, records))
    return path
}

describe('semantic diff of two update sets', () => {
    it('finds nothing between a set and itself re-keyed, reordered and re-timestamped', () => {
        const rekeyed = rekeyedCopy(ours)
        expect(JSON.stringify(rekeyed)).not.toBe(JSON.stringify(ours))
        expect(diffUpdateSets(ours, rekeyed)).toEqual([])
        expect(diffUpdateSets(handBuilt, rekeyedCopy(handBuilt))).toEqual([])
    })

    it('a changed wait condition, by flow and step', () => {
        const after = editedCopy(handBuilt, (records) =>
            setInput(flowElement(records, 'Wait For Condition'), 'conditions', 'stateIN3,4,7^ORactive=false')
        )
        expect(lines(handBuilt, after)).toEqual([
            'flow "Kpow Access Lifecycle", step 5 Wait For Condition: input `conditions`: `state is 3` → `state is one of 3, 4, 7 or active is false`',
        ])
    })

    it('a changed input and a changed If condition', () => {
        const after = editedCopy(ours, (records) => {
            setInput(flowElement(records, 'Ask For Approval'), 'approval_reason', 'Please approve')
            const ifRecord = records.find(
                (record) =>
                    record.table === 'sys_hub_flow_logic_instance_v2' &&
                    valuesOf(record).some((input) => input.name === 'condition' && input.value.endsWith('ISEMPTY'))
            )
            if (!ifRecord) throw new Error('no If … ISEMPTY in our flow')
            const condition = valuesOf(ifRecord).find((input) => input.name === 'condition')?.value ?? ''
            setValues(ifRecord, [{ name: 'condition', value: condition.replace(/ISEMPTY$/, 'ISNOTEMPTY') }])
        })
        const changes = lines(ours, after)
        expect(changes).toHaveLength(2)
        // The approvals are in the subflow both flows call (Kpow - Decide Access).
        expect(changes).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^flow "Kpow - Decide Access", step \d+ Ask For Approval: input `approval_reason`: `[^`]+` → `Please approve`$/
                ),
                expect.stringMatching(
                    /^flow "Kpow (?:Access Lifecycle|Access Extension|- Decide Access|- End Access)", step \d+ If: condition: `(.+) is empty` → `\1 is not empty`$/
                ),
            ])
        )
    })

    it('a step added, one removed, two reordered', () => {
        const added = editedCopy(handBuilt, (records, set) => {
            const update = flowElement(records, 'Update Record')
            const copy = structuredClone(update)
            copy.fields.sys_id = { value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', attributes: {} }
            copy.fields.ui_id = { value: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', attributes: {} }
            copy.fields.order = { value: '4.5', attributes: {} }
            copy.fields.comment = { value: 'Tell the requester', attributes: {} }
            payloadHolding(set, update).push(copy)
        })
        expect(lines(handBuilt, added)).toEqual(['flow "Kpow Access Lifecycle", step 5 Update Record: added'])

        const removed = editedCopy(handBuilt, (records, set) => {
            const wait = flowElement(records, 'Wait For Condition')
            const entry = payloadHolding(set, wait)
            entry.splice(entry.indexOf(wait), 1)
        })
        expect(lines(handBuilt, removed)).toEqual(['flow "Kpow Access Lifecycle", step 5 Wait For Condition: removed'])

        const reordered = editedCopy(handBuilt, (records) => {
            flowElement(records, 'Update Record').fields.order = { value: '3', attributes: {} }
            const create = records.find(
                (record) => record.table === 'sys_hub_action_instance_v2' && record.fields.order?.value === '3'
            )
            if (create) create.fields.order = { value: '4', attributes: {} }
        })
        expect(lines(handBuilt, reordered)).toEqual([
            'flow "Kpow Access Lifecycle", step 4 Kpow - Create Temporary Policy: moved (was step 3)',
        ])
    })

    it('a catalog variable added and an action script changed', () => {
        const after = editedCopy(ours, (records, set) => {
            const variable = records.find((record) => record.table === 'item_option_new')
            if (!variable) throw new Error('no variable')
            const copy = structuredClone(variable)
            copy.fields.sys_id = { value: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', attributes: {} }
            copy.fields.name = { value: 'reason', attributes: {} }
            copy.fields.question_text = { value: 'Reason', attributes: {} }
            copy.fields.type = { value: '2', attributes: {} }
            copy.fields.validate_regex = { value: '', attributes: {} }
            payloadHolding(set, variable).push(copy)
            const script = records.find(
                (record) =>
                    record.table === 'sys_variable_value' &&
                    record.fields.variable?.value === STEP_TYPE_INPUTS.scriptScript.sysId &&
                    (record.fields.value?.value ?? '').includes('Kpow - Delete Temporary Policy')
            )
            if (!script?.fields.value) throw new Error('no delete script')
            script.fields.value.value = script.fields.value.value.replace(
                'var HTTP_TIMEOUT_MS = 8000',
                'var HTTP_TIMEOUT_MS = 9000'
            )
        })
        const changes = lines(ours, after)
        expect(changes).toContainEqual(
            expect.stringMatching(
                /^catalog item "[^"]+", variable reason: added: "Reason", Multi Line Text, mandatory$/
            )
        )
        expect(changes).toContain(
            'action "Kpow - Delete Temporary Policy", step 1 Call Kpow: delete temporary policy: script changed (1 line(s) added, 1 removed)'
        )
        expect(changes).toContain('    -    var HTTP_TIMEOUT_MS = 8000')
        expect(changes).toContain('    +    var HTTP_TIMEOUT_MS = 9000')
        // One hunk: the changed line with three lines of context each side, not the whole script.
        const scriptLines = changes.filter((line) => line.startsWith('    '))
        expect(scriptLines).toHaveLength(9)
        expect(scriptLines[0]).toMatch(/^ {4}@@ -\d+,7 \+\d+,7 @@$/)
        expect(scriptLines.slice(4, 6)).toEqual([
            '    -    var HTTP_TIMEOUT_MS = 8000',
            '    +    var HTTP_TIMEOUT_MS = 9000',
        ])
    })

    it("the guide's hand-built set against ours names the defects' fixes by step", () => {
        const changes = lines(handBuilt, ours)
        // The guide's one wait (state is 3) is gone from our lifecycle flow: the flow calls the
        // End Access subflow, which waits for any close.
        expect(changes).toContain('flow "Kpow Access Lifecycle", step 5 Wait For Condition: removed')
        expect(changes).toContainEqual(
            expect.stringMatching(/^flow "Kpow Access Lifecycle", step \d+ Subflow Kpow - End Access: added$/)
        )
        expect(changes).toContain('flow "Kpow - End Access": added')
        expect(changes).toContain(
            'action "Kpow - Create Temporary Policy": input `work_notes_record` added: `Work Notes Record`'
        )
    })
})

describe('npm run diff', () => {
    const run = async (...argv: string[]) => {
        const io = collectingIo()
        const code = await main(argv, io, repositoryRoot)
        return { code, out: io.output(), err: io.errors() }
    }

    it('exits 0 and prints nothing for the same set written back; 1 with the changes; --markdown for a PR comment', async () => {
        const same = await run(OUR_SET, writeSet('round-trip.xml', ours))
        expect(same).toEqual({ code: 0, out: '', err: '' })
        // The wait's values as plain JSON (as an instance exports them) with another condition.
        const wait = flowElement(
            ours.records.flatMap((entry) => entry.payload.records),
            'Wait For Condition'
        )
        const changedValues = valuesOf(wait).map((input) =>
            input.name === 'conditions' ? { ...input, value: 'stateIN3,4,7' } : input
        )
        const changedPath = join(temporary, 'changed.xml')
        writeFileSync(
            changedPath,
            readFileSync(OUR_SET, 'utf8').replace(
                wait.fields.values?.value ?? '',
                JSON.stringify(changedValues).replace(/&/g, '&amp;').replace(/</g, '&lt;')
            )
        )
        const different = await run(OUR_SET, changedPath)
        expect(different.code).toBe(1)
        expect(different.out).toMatch(
            /^flow "(?:Kpow Access Lifecycle|Kpow Access Extension|Kpow - End Access)", step (\d+) Wait For Condition: input `conditions`: `state is one of 3, 4, 7 or active is false` → `state is one of 3, 4, 7`\n$/
        )
        const markdown = await run('--markdown', OUR_SET, changedPath)
        expect(markdown.code).toBe(1)
        expect(markdown.out).toMatch(
            /^### Update set changes: .*kpow-jit-access\.xml → .*changed\.xml\n\n\*\*flow "(?:Kpow Access Lifecycle|Kpow Access Extension|Kpow - End Access)"\*\*\n\n- step \d+ Wait For Condition: input `conditions`: `state is one of 3, 4, 7 or active is false` → `state is one of 3, 4, 7`\n$/
        )
    })

    it('on an export of another instance: 0 for the same records in reverse order, 1 naming the one of two same-named rules removed', async () => {
        const exported = (name: string, reversed: boolean, keep = (_sysId: string) => true) => {
            const path = join(temporary, name)
            const updates = sampleUpdates().filter((update) => keep(update.record.sysId))
            writeFileSync(path, exportedSetXml(updates, { name: 'Kafka access', reversed }))
            return path
        }
        const original = exported('sample.xml', false)
        expect(await run(original, exported('sample-reversed.xml', true))).toEqual({ code: 0, out: '', err: '' })
        const withoutOne = exported('sample-one-rule.xml', true, (sysId) => sysId !== SAMPLE_IDS.priorityRuleTwo)
        expect(await run(original, withoutOne)).toEqual({
            code: 1,
            out: `sys_script "Set priority from impact" [${SAMPLE_IDS.priorityRuleTwo}]: removed\n`,
            err: '',
        })
        expect(await run('--markdown', withoutOne, original)).toEqual({
            code: 1,
            out: `### Update set changes: ${withoutOne} → ${original}\n\n**sys_script "Set priority from impact" [${SAMPLE_IDS.priorityRuleTwo}]**\n\n- added\n`,
            err: '',
        })
    })

    it('exits 2 with one line for an unreadable file or a bad revision', async () => {
        const missing = await run(OUR_SET, join(temporary, 'missing.xml'))
        expect(missing.code).toBe(2)
        expect(missing.err).toMatch(/^diff: cannot read .*missing\.xml: ENOENT\n$/)
        const badRevision = await run('no-such-revision..HEAD')
        expect(badRevision.code).toBe(2)
        expect(badRevision.err).toMatch(
            /^diff: git show no-such-revision:\.\/update-sets\/kpow-jit-access\.xml failed: /
        )
    })
})
