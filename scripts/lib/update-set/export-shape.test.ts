import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { ACTION_CHILD_TABLES, asExported, childTableDeletions } from './export-shape.ts'
import { readUpdateSetFile } from './read-update-set.ts'

const ACTION = 'a'.repeat(32)
const STEP = 'b'.repeat(32)
const builtAction = (children: string) => ({
    table: 'sys_hub_action_type_definition',
    sysId: ACTION,
    updateName: `sys_hub_action_type_definition_${ACTION}`,
    targetName: 'Kpow - Test',
    payload: `<?xml version="1.0"?>
<record_update>
  <sys_hub_action_type_definition action="INSERT_OR_UPDATE">
    <sys_id>${ACTION}</sys_id>
  </sys_hub_action_type_definition>
${children}</record_update>`,
})

describe('records as an instance exports them', () => {
    it('names the table on the payload root as the reference export does, and clears each child table of an action', () => {
        const exported = asExported(
            builtAction(`  <sys_hub_action_input action="INSERT_OR_UPDATE"><sys_id>${'1'.repeat(32)}</sys_id><model>${ACTION}</model></sys_hub_action_input>
  <sys_hub_action_output action="INSERT_OR_UPDATE"><sys_id>${'2'.repeat(32)}</sys_id><model>${ACTION}</model></sys_hub_action_output>
  <sys_hub_action_output action="DELETE"><sys_id>${'3'.repeat(32)}</sys_id><model>${ACTION}</model></sys_hub_action_output>
  <sys_hub_step_instance action="INSERT_OR_UPDATE"><sys_id>${STEP}</sys_id><action>${ACTION}</action></sys_hub_step_instance>
  <sys_hub_step_ext_output action="INSERT_OR_UPDATE"><sys_id>${'4'.repeat(32)}</sys_id><model>${STEP}</model></sys_hub_step_ext_output>
`)
        )
        expect(exported.payload).toContain('<record_update sys_domain="global" table="sys_hub_action_type_definition">')
        // Right after the action's own record, before the children it keeps; a DELETEd child is not kept.
        expect(exported.payload).toContain(`  </sys_hub_action_type_definition>
  <sys_hub_action_input action="delete_multiple" query="model=${ACTION}^sys_idNOT IN${'1'.repeat(32)}"/>
  <sys_hub_action_output action="delete_multiple" query="model=${ACTION}^sys_idNOT IN${'2'.repeat(32)}"/>
  <sys_hub_step_instance action="delete_multiple" query="action=${ACTION}^sys_idNOT IN${STEP}"/>
  <sys_hub_step_ext_output action="delete_multiple" query="model=${STEP}^sys_idNOT IN${'4'.repeat(32)}"/>
  <sys_hub_action_input action="INSERT_OR_UPDATE">`)
        // Twice is the same as once.
        expect(asExported(exported).payload).toBe(exported.payload)
    })

    it('leaves a payload root that names its table, and records other than actions, as they are', () => {
        const item = {
            table: 'sc_cat_item',
            sysId: ACTION,
            updateName: `sc_cat_item_${ACTION}`,
            targetName: 'x',
            payload: `<?xml version="1.0"?>\n<record_update table="sc_cat_item">\n  <sc_cat_item action="INSERT_OR_UPDATE"><sys_id>${ACTION}</sys_id></sc_cat_item>\n</record_update>`,
        }
        expect(asExported(item)).toBe(item)
    })

    it('the built set: every payload root names its table, every action clears each child table it carries, DELETEs travel as DELETE updates', () => {
        const set = readUpdateSetFile(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'))
        for (const entry of set.records) expect(entry.payload.attributes.table, entry.name).toBe(entry.table)
        const actions = set.records.filter((entry) => entry.table === 'sys_hub_action_type_definition')
        expect(actions.length).toBeGreaterThan(5)
        for (const entry of actions) {
            const deletions = entry.payload.records
                .filter((record) => record.action === 'delete_multiple')
                .map((record) => `${record.table} ${record.query ?? ''}`)
            for (const wanted of childTableDeletions(entry.payload.records))
                expect(deletions, entry.targetName).toContain(`${wanted.table} ${wanted.query}`)
            const childTables = new Set(entry.payload.records.map((record) => record.table))
            for (const [table] of ACTION_CHILD_TABLES.filter(([table]) => childTables.has(table)))
                expect(
                    deletions.some((deletion) => deletion.startsWith(`${table} `)),
                    `${entry.targetName} ${table}`
                ).toBe(true)
        }
        const deletes = set.records.filter((entry) => entry.fields.action?.value === 'DELETE')
        expect(deletes.length).toBeGreaterThan(0)
        for (const entry of deletes)
            expect(entry.payload.records.find((record) => record.table === entry.table)?.action).toBe('DELETE')
    })
})
