// What the local instance must say about any update set made the guide's way (REST and JSON Parser
// steps, catalog variables and the alias left out): the project's hand-built set (normal tier)
// and the guide's published export (reference tier) are checked by the same tests.
import { expect, it } from 'vitest'
import { createLocalInstance } from '../instance'
import { UnsupportedUpdateSetError } from '../unsupported'
import users from '../seed/users.json'

export interface GuideShapedSet {
    xml: () => string
    /** Part of the refusal's first line: the update set's name. */
    name: string
    /** Variables (item_option_new sys_ids) the refusal must name as missing... */
    missingVariables: string[]
    /** ...and how many it names in all. */
    missingVariableCount: number
    missingAlias: string
}

function refusal(set: GuideShapedSet): UnsupportedUpdateSetError {
    try {
        createLocalInstance({ updateSetXml: set.xml(), users, aliases: {} })
    } catch (error) {
        if (error instanceof UnsupportedUpdateSetError) return error
        throw error
    }
    throw new Error(`${set.name} was accepted`)
}

export function guideShapedSetTests(set: GuideShapedSet): void {
    it('is refused with every problem listed, not the first one only', () => {
        const error = refusal(set)
        const details = error.items.map((item) => `[${item.kind}] ${item.where}: ${item.detail}`)
        expect(error.message).toContain(set.name)
        expect(details).toEqual(
            expect.arrayContaining([
                ...set.missingVariables.map((sysId) =>
                    expect.stringMatching(
                        new RegExp(
                            `^\\[missing-record\\] .*Get Catalog Variables.*item_option_new ${sysId} is read by the flow but is not in the update set`
                        )
                    )
                ),
                expect.stringMatching(
                    new RegExp(
                        `^\\[missing-record\\] .*connection alias sys_alias ${set.missingAlias} is used but is not in the update set`
                    )
                ),
                expect.stringMatching(
                    /^\[step-type\] .*"Kpow - Create Temporary Policy"\), step "REST step": REST step 07a762fb47222200b4fad7527c9a7129 is not supported/
                ),
                expect.stringMatching(
                    /^\[step-type\] .*step "JSON Parser step": JSON Parser step 502328c387523300f917e55936cb0bf0 is not supported/
                ),
                expect.stringMatching(/^\[step-type\] .*"Kpow - Delete Temporary Policy"\), step "REST step"/),
            ])
        )
        // Each missing variable named once, and no variable the set carries.
        expect(
            error.items.filter((item) => item.kind === 'missing-record' && item.detail.includes('item_option_new'))
        ).toHaveLength(set.missingVariableCount)
    })

    it('reads its flow: built-in actions by sys_id, custom actions of the set', () => {
        const kinds = refusal(set).items.map((item) => item.kind)
        // Everything else in the flow was understood: no unknown action type, trigger or flow logic.
        expect(kinds).not.toContain('action-type')
        expect(kinds).not.toContain('trigger')
        expect(kinds).not.toContain('flow-logic')
        expect(kinds).not.toContain('record-table')
    })
}
