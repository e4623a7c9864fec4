import { describe, expect, it } from 'vitest'
import type { PayloadRecord, UpdateSet } from '../lib/update-set/index.ts'
import {
    BOOKKEEPING_FIELDS,
    diffUpdateSets,
    formatChanges,
    outlineShowsField,
    readUpdateSet,
    readUpdateSetFile,
} from '../lib/update-set/index.ts'
import { CORPUS, TIMING_MODULES, corpusFile } from './test/corpus/corpus.ts'
import { largeSet } from './test/corpus/large-set.ts'

/** The same set with its updates, and the records in every payload, in reverse order. */
function reversed(set: UpdateSet): UpdateSet {
    const copy = structuredClone(set)
    copy.records.reverse()
    for (const entry of copy.records) entry.payload.records.reverse()
    return copy
}

/** A field an edit of which the diff names: not bookkeeping, and one the flow outline does not speak for when there is one. */
function fieldToEdit(record: PayloadRecord): string | undefined {
    const fields = Object.keys(record.fields)
        .filter((field) => !BOOKKEEPING_FIELDS.has(field))
        .sort()
    return fields.find((field) => !outlineShowsField(record.table, field)) ?? fields[0]
}

describe.each(CORPUS.map((entry) => [entry.name] as const))('diff on the corpus set %s', (name) => {
    const set = readUpdateSetFile(corpusFile(name))

    it('finds nothing against itself in reverse order, either way', () => {
        expect(diffUpdateSets(set, reversed(set))).toEqual([])
        expect(diffUpdateSets(reversed(set), set)).toEqual([])
    })

    it('names the record and the field of a one-field edit of every record kind', () => {
        const kinds = new Set(
            set.records.flatMap((entry) =>
                entry.payload.records
                    .filter((record) => record.action !== 'delete_multiple')
                    .map((record) => record.table)
            )
        )
        expect(kinds.size).toBeGreaterThan(0)
        for (const table of kinds) {
            const edited = structuredClone(set)
            const record = edited.records
                .flatMap((entry) => entry.payload.records)
                .find((candidate) => candidate.table === table && candidate.action !== 'delete_multiple')!
            const field = fieldToEdit(record)
            if (!field) throw new Error(`${name}: a ${table} record with no field to edit`)
            const before = record.fields[field]!.value
            record.fields[field] = { value: `${before} edited`, attributes: {} }
            const changes = diffUpdateSets(set, edited)
            const output = formatChanges(changes)
            expect(changes.length, `${name}: ${table}.${field} edited, yet no change`).toBeGreaterThan(0)
            if (outlineShowsField(table, field)) continue
            const recordName = output.split('\n').find((line) => line.startsWith(`${table} `)) ?? ''
            expect(recordName, `${name}: ${table}.${field}: ${output}`).toContain(`field \`${field}\``)
            const shownName = recordName.slice(table.length + 1)
            const sysId = record.fields.sys_id?.value ?? ''
            expect(shownName.startsWith('"') || shownName.startsWith(sysId), `${name}: ${recordName}`).toBe(true)
        }
    })
})

describe('diff on a 4 MB set', () => {
    it('reads both sets and names a one-field edit in under 3 s of processor time', () => {
        const xml = largeSet(TIMING_MODULES)
        expect(xml.length).toBeGreaterThan(4_000_000)
        const rule = '&lt;name&gt;Flag discrepancy 1&lt;/name&gt;&lt;order&gt;100&lt;/order&gt;'
        expect(xml).toContain(rule)
        const edited = xml.replace(rule, rule.replace('100', '150'))
        const before = process.cpuUsage()
        const changes = diffUpdateSets(readUpdateSet(xml), readUpdateSet(edited))
        const used = process.cpuUsage(before)
        expect(formatChanges(changes)).toBe('sys_script "Flag discrepancy 1": field `order`: `100` → `150`\n')
        expect((used.user + used.system) / 1e6).toBeLessThan(3)
    })
})

describe('diff between corpus sets', () => {
    it('the ACL set against the set deleting some of its records: DELETE updates said, roles named as the platform names the update', () => {
        const lines = formatChanges(
            diffUpdateSets(readUpdateSetFile(corpusFile('acls')), readUpdateSetFile(corpusFile('deletes')))
        ).split('\n')
        expect(lines).toContain(
            'sys_security_acl "incident.u_vendor_ticket": deleted (a DELETE update, where the old set created or updated it)'
        )
        expect(lines).toContain(
            'sys_security_acl_role "incident.u_vendor_ticket itil": deleted (a DELETE update, where the old set created or updated it)'
        )
        expect(lines).toContain('sys_security_acl "acme_dashboard": removed')
        expect(lines).toContain('sys_hub_flow "Retired Onboarding Flow": DELETE update added')
    })
})
