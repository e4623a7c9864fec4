import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readUpdateSetFile } from './read-update-set.ts'
import type { UpdateSet } from './read-update-set.ts'
import { repositoryRoot } from '../common/index.ts'

/**
 * Flow Designer shows an action's input pills from the action's label_cache. The SDK 4.9.0 build
 * writes an input there only when the action's `inputs` are inline column calls or a whole inputs
 * object from a Fluent module (servicenow/src/fluent/action-columns.now.ts); a column held in a const
 * still builds its sys_hub_action_input record but silently loses its pill. This catches that.
 */
function inputsWithoutPill(updateSet: UpdateSet): string[] {
    const missing: string[] = []
    for (const entry of updateSet.records.filter((record) => record.table === 'sys_hub_action_type_definition')) {
        const definition = entry.payload.records.find((record) => record.table === 'sys_hub_action_type_definition')
        const pills = (JSON.parse(definition?.fields.label_cache?.value ?? '[]') as Record<string, unknown>[]).filter(
            (pill) => pill.type === 'action'
        )
        for (const input of entry.payload.records.filter(
            (record) => record.table === 'sys_hub_action_input' && record.fields.element
        )) {
            const element = input.fields.element?.value ?? ''
            const pill = pills.find((candidate) => candidate.name === `{{action.${element}}}`)
            const expected = {
                label: `action➛${input.fields.label?.value ?? ''}`,
                ref: input.fields.reference?.value ?? '',
                base_type: input.fields.internal_type?.value ?? '',
            }
            if (!pill || Object.entries(expected).some(([key, value]) => pill[key] !== value))
                missing.push(`${entry.targetName}: ${element}`)
        }
    }
    return missing
}

const updateSet = readUpdateSetFile(join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml'))

describe('action inputs in the built update set', () => {
    it('each has its pill, with its label, reference table and type, in its action label_cache', () => {
        const inputs = updateSet.records
            .filter((entry) => entry.table === 'sys_hub_action_type_definition')
            .flatMap((entry) => entry.payload.records.filter((record) => record.table === 'sys_hub_action_input'))
        expect(inputs.filter((input) => input.fields.element).length).toBeGreaterThan(10)
        expect(inputsWithoutPill(updateSet)).toEqual([])
    })

    it('names an input whose pill the build dropped', () => {
        const copy = structuredClone(updateSet)
        const action = copy.records.find((entry) => entry.targetName === 'Kpow - Read Access Request')
        const definition = action?.payload.records.find((record) => record.table === 'sys_hub_action_type_definition')
        const labelCache = definition?.fields.label_cache
        if (!labelCache) throw new Error('Kpow - Read Access Request has no label_cache')
        labelCache.value = JSON.stringify(
            (JSON.parse(labelCache.value) as { name: string }[]).filter(
                (pill) => pill.name !== '{{action.requested_item}}'
            )
        )
        expect(inputsWithoutPill(copy)).toEqual(['Kpow - Read Access Request: requested_item'])
    })
})
