import { describe, expect, it } from 'vitest'
import { fieldLabelsOf } from './field-labels.ts'
import type { UpdateSet } from './read-update-set.ts'

function setWith(records: { table: string; action?: string; fields: Record<string, string> }[]): UpdateSet {
    return {
        unloadDate: '',
        header: {},
        name: 'labels',
        sysId: '',
        records: records.map((record, index) => ({
            name: `${record.table}_${String(index)}`,
            table: record.table,
            type: '',
            targetName: '',
            action: record.action ?? 'INSERT_OR_UPDATE',
            sysId: '',
            application: '',
            fields: {},
            payloadText: '',
            payload: {
                table: record.table,
                attributes: {},
                records: [
                    {
                        table: record.table,
                        action: record.action ?? 'INSERT_OR_UPDATE',
                        fields: Object.fromEntries(
                            Object.entries(record.fields).map(([name, value]) => [name, { value, attributes: {} }])
                        ),
                    },
                ],
            },
        })),
    }
}

describe('field and choice labels', () => {
    it('knows the platform task fields, per table where they differ', () => {
        const labels = fieldLabelsOf(setWith([]))
        expect(labels.choice('sc_req_item', 'state', '4')).toBe('Closed Incomplete')
        expect(labels.choice('incident', 'state', '3')).toBe('On Hold')
        expect(labels.choice('incident', 'priority', '1')).toBe('1 - Critical')
        expect(labels.choice('change_request', 'state', '-5')).toBe('New')
        expect(labels.field('incident', 'assigned_to')).toBe('Assigned to')
    })

    it('never guesses: an unknown table, field or value has no label', () => {
        const labels = fieldLabelsOf(setWith([]))
        expect(labels.choice('x_acme_asset', 'state', '4')).toBeUndefined()
        expect(labels.choice('incident', 'state', '42')).toBeUndefined()
        expect(labels.field('x_acme_asset', 'state')).toBeUndefined()
    })

    it("takes the set's own choices and dictionary labels first, but not those it deletes", () => {
        const labels = fieldLabelsOf(
            setWith([
                { table: 'sys_choice', fields: { name: 'incident', element: 'state', value: '3', label: 'Parked' } },
                {
                    table: 'sys_choice',
                    fields: { name: 'change_request', element: 'u_tier', value: '1', label: 'Gold' },
                },
                {
                    table: 'sys_choice',
                    action: 'DELETE',
                    fields: { name: 'change_request', element: 'u_tier', value: '2', label: 'Silver' },
                },
                {
                    table: 'sys_dictionary',
                    fields: { name: 'change_request', element: 'u_tier', column_label: 'Tier' },
                },
            ])
        )
        expect(labels.choice('incident', 'state', '3')).toBe('Parked')
        expect(labels.choice('change_request', 'u_tier', '1')).toBe('Gold')
        expect(labels.choice('change_request', 'u_tier', '2')).toBeUndefined()
        expect(labels.field('change_request', 'u_tier')).toBe('Tier')
    })
})
