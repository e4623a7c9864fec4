import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
    parsePayload,
    readUpdateSet,
    readUpdateSetFile,
    recordsOfTable,
    UpdateSetFormatError,
} from './read-update-set.ts'
import type { PayloadRecord, UpdateSet } from './read-update-set.ts'
import { repositoryRoot } from '../common/index.ts'
import { javaStringHash, writableCopyOf, writeUpdateSet } from './write-update-set.ts'
import { buildHandBuiltGuideSet, HAND_BUILT_SET_FILE } from './testing/hand-built-guide-set.ts'
import { decodeFlowValues, PLATFORM_RECORDS } from './flow-designer.ts'
import type { FieldLocation } from './flow-designer.ts'

const path = join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')
const xml = readFileSync(path, 'utf8')
const updateSet = readUpdateSet(xml)

/** Where a test's flow values come from, for the decoder's errors. */
const valuesOf = (record: PayloadRecord, field = 'values'): FieldLocation => ({
    table: record.table,
    sysId: record.fields.sys_id?.value ?? '',
    field,
})

function sysIdsInSet(set: UpdateSet): Set<string> {
    const ids = new Set<string>()
    for (const entry of set.records)
        for (const record of entry.payload.records) if (record.fields.sys_id) ids.add(record.fields.sys_id.value)
    return ids
}

/** Every 32-hex token a record's fields mention, flow values decoded first. */
function referencedSysIds(entryTables: string[]): Map<string, string> {
    const found = new Map<string, string>()
    for (const entry of updateSet.records.filter((record) => entryTables.includes(record.table))) {
        for (const record of entry.payload.records) {
            for (const [name, field] of Object.entries(record.fields)) {
                if (name === 'sys_id' || name === 'sys_update_name') continue
                const text = ['values', 'trigger_inputs'].includes(name)
                    ? JSON.stringify(decodeFlowValues(field.value, valuesOf(record, name)))
                    : field.value
                for (const id of text.match(/\b[0-9a-f]{32}\b/g) ?? [])
                    found.set(id, `${entry.targetName} ${record.table}.${name}`)
            }
        }
    }
    return found
}

describe('generated update set', () => {
    it('is well-formed and round-trips byte for byte through the reader and the writer', () => {
        const { metadata, records } = writableCopyOf(updateSet)
        expect(writeUpdateSet(metadata, records)).toBe(xml)
    })

    it('carries the app first, then the alias, the catalog items with their variables, the actions and the flows the access lifecycle needs', () => {
        expect(updateSet.records[0]?.table).toBe('sys_app')
        const named = (table: string) =>
            updateSet.records.filter((entry) => entry.table === table).map((entry) => entry.targetName)
        expect(named('sys_alias')).toEqual(['Kpow API'])
        // The records the lifecycle and the tests below rely on, by name: a new one is no failure here.
        expect(named('sc_cat_item')).toEqual(
            expect.arrayContaining([
                'Extend Kpow Access',
                'Request Kpow Consumer Group Edit Access',
                'Request Kpow Topic Query Access',
            ])
        )
        const variablesOf = (itemName: string) => {
            const itemId = recordsOfTable(updateSet, 'sc_cat_item').find((item) => item.fields.name?.value === itemName)
                ?.fields.sys_id?.value
            return recordsOfTable(updateSet, 'item_option_new')
                .filter((record) => record.fields.cat_item?.value === itemId)
                .map((record) => record.fields.name?.value)
                .sort()
        }
        expect(variablesOf('Request Kpow Topic Query Access')).toEqual([
            'cluster_id',
            'duration_ms',
            'justification',
            'role_name',
            'ticket_number',
            'topic_name',
        ])
        expect(variablesOf('Request Kpow Consumer Group Edit Access')).toEqual([
            'cluster_id',
            'duration_ms',
            'group_name',
            'justification',
            'ticket_number',
        ])
        expect(variablesOf('Extend Kpow Access')).toEqual(['extension_ms', 'justification', 'requested_item'])
        expect(named('sys_hub_action_type_definition')).toEqual(
            expect.arrayContaining([
                'Kpow - Create Temporary Policy',
                'Kpow - Delete Temporary Policy',
                'Kpow - Extend Temporary Policy',
                'Kpow - List Approvers Other Than The Requester',
                'Kpow - Read Access Request',
                'Kpow - Read Current Grant',
                'Kpow - Reconcile Temporary Policy',
            ])
        )
        expect(named('sys_hub_flow')).toEqual(
            expect.arrayContaining(['Kpow Access Extension', 'Kpow Access Lifecycle'])
        )
        // Each record once: a payload carried twice would import as one, silently.
        for (const table of ['sc_cat_item', 'sys_hub_action_type_definition', 'sys_hub_flow'])
            expect(new Set(named(table)).size, table).toBe(named(table).length)
        for (const entry of updateSet.records) {
            // <table>_<sys_id>, or the record's own sys_update_name (a field label's names its element).
            const main = entry.payload.records.find((r) => r.table === entry.table)
            expect(entry.name).toBe(
                main?.fields.sys_update_name?.value || `${entry.table}_${main?.fields.sys_id?.value}`
            )
            expect(entry.name).toMatch(new RegExp(`^${entry.table}_`))
            expect(entry.fields.payload_hash?.value).toBe(String(javaStringHash(entry.payloadText)))
            expect(entry.fields.remote_update_set?.value).toBe(updateSet.sysId)
        }
    })

    it('every variable has help text and the text ones validate, the choices ones offer a configured list', () => {
        const variables = recordsOfTable(updateSet, 'item_option_new')
        for (const variable of variables)
            expect(variable.fields.help_text?.value, variable.fields.name?.value).not.toBe('')
        const regexIds = new Set(
            recordsOfTable(updateSet, 'question_regex').map((record) => record.fields.sys_id?.value)
        )
        for (const variable of variables.filter((record) =>
            ['topic_name', 'group_name', 'ticket_number'].includes(record.fields.name?.value ?? '')
        ))
            expect(regexIds.has(variable.fields.validate_regex?.value), variable.fields.name?.value).toBe(true)
        const choices = recordsOfTable(updateSet, 'question_choice').map((record) => record.fields.value?.value)
        expect(choices).toEqual(expect.arrayContaining(['kafka-users', '60000', '3600000']))
        const durations = choices.filter((value) => /^\d+$/.test(value ?? ''))
        expect(durations.every((value) => Number(value) <= 3600000)).toBe(true)
    })

    it('references only records it carries or known platform records', () => {
        const carried = sysIdsInSet(updateSet)
        const unknown = [
            ...referencedSysIds([
                'sys_hub_flow',
                'sys_hub_action_type_definition',
                'sc_cat_item',
                'item_option_new',
                'sys_alias',
            ]),
        ]
            .filter(([id]) => !carried.has(id) && !PLATFORM_RECORDS.has(id))
            .map(([id, where]) => `${id} (${where})`)
        expect(unknown).toEqual([])
    })

    it('holds no credential, host or URL', () => {
        const payloads = updateSet.records.map((entry) => entry.payloadText).join('\n')
        expect(payloads).not.toMatch(/https?:\/\//i)
        expect(payloads).not.toMatch(/localhost|ngrok|trycloudflare|:4000\b/i)
        expect(payloads).not.toMatch(/setBasicAuth\(\s*['"]/)
        expect(payloads).not.toMatch(/<(password|user_name|connection_url)>[^<]/)
    })

    it('the flow waits for any closed state and routes no-manager requests to the approvers group', () => {
        const instances = recordsOfTable(updateSet, 'sys_hub_action_instance_v2').map((record) =>
            JSON.stringify(decodeFlowValues(record.fields.values?.value ?? '', valuesOf(record)))
        )
        expect(instances.some((values) => values.includes('stateIN3,4,7^ORactive=false'))).toBe(true)
        const groupId = recordsOfTable(updateSet, 'sys_user_group')[0]?.fields.sys_id?.value ?? 'missing'
        // The group's members other than the requester are listed by an action and asked by name.
        expect(
            recordsOfTable(updateSet, 'sys_variable_value').some((record) => record.fields.value?.value === groupId)
        ).toBe(true)
        expect(instances.some((values) => /AnyU\[\{\{[\w-]+\.approvers\}\}\]/.test(values))).toBe(true)
        expect(instances.some((values) => values.includes('subflow.requested_item.opened_by.manager'))).toBe(true)
    })
})

describe('reader', () => {
    it('reads a hand-built export whose payloads are escaped text and whose flow values are gzip+base64', () => {
        const handBuilt = readUpdateSetFile(HAND_BUILT_SET_FILE)
        expect(handBuilt.records.map((entry) => entry.table)).toEqual([
            'sc_cat_item',
            'item_option_new',
            'item_option_new',
            'sys_hub_action_type_definition',
            'sys_hub_action_type_definition',
            'sys_hub_flow',
        ])
        const steps = recordsOfTable(handBuilt, 'sys_hub_action_instance_v2').map((record) =>
            decodeFlowValues(record.fields.values?.value ?? '', valuesOf(record))
        )
        expect(steps).toHaveLength(6)
        expect(steps.every((value) => Array.isArray(value))).toBe(true)
    })

    it('the committed hand-built set says what its generator says', () => {
        // Compared through the reader, flow values decoded: gzip bytes may differ between zlib builds.
        const decoded = (set: UpdateSet) =>
            set.records.map((entry) =>
                entry.payload.records.map((record) => ({
                    ...record,
                    fields: Object.fromEntries(
                        Object.entries(record.fields).map(([name, field]) => [
                            name,
                            name === 'values' ? decodeFlowValues(field.value, valuesOf(record)) : field,
                        ])
                    ),
                }))
            )
        const committed = readUpdateSetFile(HAND_BUILT_SET_FILE)
        const generated = readUpdateSet(buildHandBuiltGuideSet())
        expect(decoded(committed)).toEqual(decoded(generated))
        expect(committed.header).toEqual(generated.header)
    })

    it('keeps a payload that contains CDATA and ]]> intact', () => {
        const module = updateSet.records.find((entry) => entry.table === 'sys_module')
        expect(module?.payloadText).toContain(']]>')
        expect(parsePayload(module?.payloadText ?? '').records[0]?.fields.content?.value).toContain(
            '"name": "kpow-jit-servicenow"'
        )
    })

    it('reads back a catalog item description holding "a > b" and the literal text "&gt;" exactly as written', () => {
        const description = 'Compare a > b; the literal text &gt; and &amp;lt; stay as typed. <p>HTML</p>'
        const app =
            '<?xml version="1.0"?><record_update table="sys_app"><sys_app action="INSERT_OR_UPDATE"><sys_id>app</sys_id></sys_app></record_update>'
        // The SDK writes an HTML description in CDATA, so the payload holds "]]>" and goes in as escaped text.
        const inCdata = `<?xml version="1.0"?><record_update table="sc_cat_item"><sc_cat_item action="INSERT_OR_UPDATE"><description><![CDATA[${description}]]></description><short_description>a &gt; b, literally &amp;gt;</short_description><sys_id>item</sys_id></sc_cat_item></record_update>`
        const metadata = { ...writableCopyOf(updateSet).metadata, description: 'Header: a > b &gt; c' }
        const written = writeUpdateSet(metadata, [
            { table: 'sys_app', sysId: 'app', updateName: 'sys_app_app', targetName: 'App', payload: app },
            {
                table: 'sc_cat_item',
                sysId: 'item',
                updateName: 'sc_cat_item_item',
                targetName: 'Item &gt;',
                payload: inCdata,
            },
        ])
        const read = readUpdateSet(written)
        const item = read.records.find((entry) => entry.table === 'sc_cat_item')
        expect(item?.payloadText).toBe(inCdata)
        expect(item?.fields.payload_hash?.value).toBe(String(javaStringHash(item?.payloadText ?? '')))
        expect(item?.targetName).toBe('Item &gt;')
        expect(item?.payload.records[0]?.fields.description?.value).toBe(description)
        expect(item?.payload.records[0]?.fields.short_description?.value).toBe('a > b, literally &gt;')
        expect(read.header.description?.value).toBe('Header: a > b &gt; c')
    })

    it('refuses malformed XML with its position', () => {
        expect(() => readUpdateSet('<unload><sys_remote_update_set></unload>')).toThrow(UpdateSetFormatError)
        expect(() => readUpdateSet('<unload unload_date="x"></unload>')).toThrow(/exactly one <sys_remote_update_set>/)
        expect(() =>
            decodeFlowValues('not-gzip', { table: 'sys_hub_action_instance_v2', sysId: 'x', field: 'values' })
        ).toThrow(/gzip\+base64 JSON/)
    })
})
