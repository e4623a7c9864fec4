// The real export that accompanies the integration guide: readable, and refused with the list of
// what it lacks or uses that the local instance cannot run.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLocalInstance } from './instance'
import { UnsupportedUpdateSetError } from './unsupported'
import users from './fixtures/users.json'

const referenceXml = readFileSync(
    resolve(import.meta.dirname, '../../../shared/reference/kpow_integration_update_set.xml'),
    'utf8'
)

function refusal(): UnsupportedUpdateSetError {
    try {
        createLocalInstance({ updateSetXml: referenceXml, users, aliases: {} })
    } catch (error) {
        if (error instanceof UnsupportedUpdateSetError) return error
        throw error
    }
    throw new Error('the reference update set was accepted')
}

describe('the reference update set', () => {
    it('is refused with every problem listed, not the first one only', () => {
        const error = refusal()
        const details = error.items.map((item) => `[${item.kind}] ${item.where}: ${item.detail}`)
        expect(error.message).toContain('Kpow Kafka Governance Integration')
        expect(details).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^\[missing-record\] .*Get Catalog Variables.*item_option_new e4d7b30d83df3210646db9c6feaad358 is read by the flow but is not in the update set/
                ),
                expect.stringMatching(
                    /^\[missing-record\] .*connection alias sys_alias 70b39b89839b3210646db9c6feaad3cc is used but is not in the update set/
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
        expect(
            error.items.filter((item) => item.kind === 'missing-record' && item.detail.includes('item_option_new'))
        ).toHaveLength(4)
    })

    it('reads its flow: built-in actions by sys_id, custom actions through their snapshots', () => {
        const kinds = refusal().items.map((item) => item.kind)
        // Everything else in the flow was understood: no unknown action type, trigger or flow logic.
        expect(kinds).not.toContain('action-type')
        expect(kinds).not.toContain('trigger')
        expect(kinds).not.toContain('flow-logic')
        expect(kinds).not.toContain('record-table')
    })
})
