import { describe, expect, it } from 'vitest'
import type { LoadedRecord } from './payload-record'
import { checkUiActions, RecordTurns } from './ui-actions'
import { UnsupportedCollector } from './unsupported'

const formButton = (fields: Record<string, string>): LoadedRecord => ({
    table: 'sys_ui_action',
    action: 'INSERT_OR_UPDATE',
    sysId: '933320b511c941bc946622d00dfb50b3',
    updateName: 'sys_ui_action_933320b511c941bc946622d00dfb50b3',
    fields: {
        name: 'End my Kpow access',
        table: 'sc_req_item',
        active: 'true',
        form_button: 'true',
        show_update: 'true',
        client: '',
        list_button: 'false',
        condition: 'current.state == 2',
        script: 'current.state = 3; current.update();',
        ...fields,
    },
})

function problems(record: LoadedRecord): string[] {
    const unsupported = new UnsupportedCollector()
    checkUiActions([record], 'es5', unsupported)
    return unsupported.list().map((item) => item.detail)
}

describe('UI actions the local instance runs', () => {
    it('takes a server-side form button on requested items', () => {
        expect(problems(formButton({}))).toEqual([])
    })

    it('refuses, naming the field, what it does not render or run', () => {
        expect(problems(formButton({ client: 'true', onclick: 'confirmEnd()' }))).toEqual([
            'client = "true" is not modelled (server-side form buttons only)',
            'onclick = "confirmEnd()" is not modelled (server-side form buttons only)',
        ])
        expect(problems(formButton({ list_button: 'true' }))).toEqual([
            'list_button = "true" is not modelled (server-side form buttons only)',
        ])
        expect(problems(formButton({ table: 'incident' }))).toEqual([
            'UI actions on table "incident" (only sc_req_item)',
        ])
        expect(problems(formButton({ form_button: 'false', form_link: 'true' }))).toEqual([
            'only form buttons are shown (form_button is not true)',
            'form_link = "true" is not modelled (server-side form buttons only)',
        ])
    })

    it('refuses a condition or script the platform would reject in ES5 mode', () => {
        expect(problems(formButton({ condition: 'current.state == 2 &&' }))).toHaveLength(1)
        expect(problems(formButton({ script: 'let state = 3' }))).toHaveLength(1)
    })
})

describe('RecordTurns', () => {
    it('runs racing clicks on one record one after another, each checking the record as its turn finds it', async () => {
        const turns = new RecordTurns()
        const record = { state: '2', closedBy: [] as number[] }
        // A click: the condition, a pause (a script running elsewhere), then the write, as a UI action does.
        const click = (clicker: number) =>
            turns.take('sc_req_item', 'item-1', async () => {
                if (record.state !== '2') throw new Error('not available')
                await new Promise((resolve) => setTimeout(resolve, 1))
                record.state = '3'
                record.closedBy.push(clicker)
            })
        const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, clicker) => click(clicker)))
        expect(record.closedBy).toEqual([0])
        expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(19)
    })

    it('lets clicks on other records go at the same time, and a failed turn does not block the next', async () => {
        const turns = new RecordTurns()
        let release = () => {}
        const held = turns.take('sc_req_item', 'a', () => new Promise<void>((resolve) => (release = resolve)))
        expect(await turns.take('sc_req_item', 'b', () => Promise.resolve('other record'))).toBe('other record')
        release()
        await held
        await expect(turns.take('sc_req_item', 'a', () => Promise.reject(new Error('refused')))).rejects.toThrow(
            'refused'
        )
        expect(await turns.take('sc_req_item', 'a', () => Promise.resolve('next'))).toBe('next')
    })
})
