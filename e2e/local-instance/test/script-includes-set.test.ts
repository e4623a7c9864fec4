// Script Includes from a committed update set: a small set written here (the app, two includes, a
// form button whose condition and script call them) deployed into a local instance, and the button
// shown, hidden and run as the platform would through the include.
import { describe, expect, it } from 'vitest'
import { create } from 'xmlbuilder2'
import { derivedSysId, field, writeUpdateSet } from '../../../scripts/lib/update-set/index'
import type { BuiltRecord } from '../../../scripts/lib/update-set/index'
import { createLocalInstance } from '../instance'

const APP = derivedSysId('script include set', 'app')
const SCOPE = 'x_kpow_si'

function record(table: string, sysId: string, name: string, fields: Record<string, string>): BuiltRecord {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('record_update', { table })
    const element = root.ele(table, { action: 'INSERT_OR_UPDATE' })
    for (const [fieldName, value] of Object.entries({ ...fields, sys_id: sysId })) field(element, fieldName, value)
    return { table, sysId, updateName: `${table}_${sysId}`, targetName: name, payload: root.end() }
}

const include = (name: string, script: string, extra: Record<string, string> = {}) =>
    record('sys_script_include', derivedSysId('script include set', name), name, {
        name,
        api_name: `${SCOPE}.${name}`,
        script,
        access: 'package_private',
        active: 'true',
        client_callable: 'false',
        mobile_callable: 'false',
        sandbox_callable: 'false',
        caller_access: '',
        sys_scope: APP,
        ...extra,
    })

const rules = `var KpowAccessRules = Class.create();
KpowAccessRules.prototype = {
    initialize: function (item) {
        this.item = item;
    },
    mayEnd: function () {
        return String(this.item.requested_for) === gs.getUserID() && String(this.item.state) === '2';
    },
    end: function () {
        this.item.state = 3;
        this.item.work_notes = new ${SCOPE}.KpowNotes().ended(gs.getUserName());
        this.item.update();
    },
    type: 'KpowAccessRules'
};`

const notes = `var KpowNotes = Class.create();
KpowNotes.prototype = {
    initialize: function () {},
    ended: function (who) { return 'Access ended by ' + who + '.'; },
    type: 'KpowNotes'
};`

function setXml(uiActionScope: string, rulesFields: Record<string, string> = {}): string {
    return writeUpdateSet(
        {
            name: 'Script include set',
            description: 'A form button calling script includes',
            releaseDate: '2026-12-01 00:00:00',
            author: 'admin',
            scope: SCOPE,
            scopeSysId: APP,
            appName: 'Script include set',
            appVersion: '1.0.0',
        },
        [
            record('sys_app', APP, 'Script include set', {
                name: 'Script include set',
                scope: SCOPE,
                version: '1.0.0',
                js_level: 'helsinki_es5',
            }),
            include('KpowAccessRules', rules, rulesFields),
            include('KpowNotes', notes),
            record('sys_ui_action', derivedSysId('script include set', 'button'), 'End my access', {
                name: 'End my access',
                action_name: 'end_my_access',
                table: 'sc_req_item',
                active: 'true',
                form_button: 'true',
                show_update: 'true',
                condition: `new ${SCOPE}.KpowAccessRules(current).mayEnd()`,
                script: `new KpowAccessRules(current).end();`,
                sys_scope: uiActionScope,
            }),
        ]
    )
}

const users = {
    users: [
        { user_name: 'abel.tuter', name: 'Abel Tuter' },
        { user_name: 'beth.anglin', name: 'Beth Anglin' },
    ],
    groups: {},
}

describe('Script Includes of a committed update set', () => {
    it('serve a form button of their scope: its condition decides, its script runs through them', async () => {
        const instance = createLocalInstance({ updateSetXml: setXml(APP), users })
        try {
            const item = instance.database.insert('sc_req_item', {
                requested_for: instance.userSysId('abel.tuter'),
                state: '2',
            })
            expect((await instance.uiActionsFor(item.sys_id, 'beth.anglin')).map((button) => button.name)).toEqual([])
            const [button] = await instance.uiActionsFor(item.sys_id, 'abel.tuter')
            expect(button?.name).toBe('End my access')
            await instance.runUiAction(item.sys_id, button?.sysId ?? '', 'abel.tuter')
            expect(instance.database.get('sc_req_item', item.sys_id)?.state).toBe('3')
            expect(instance.database.journal('sc_req_item', item.sys_id, 'work_notes')[0]?.value).toBe(
                'Access ended by abel.tuter.'
            )
        } finally {
            instance.close()
        }
    })

    it('refuse a caller of another scope when private: the button is hidden, the item unchanged', async () => {
        const instance = createLocalInstance({ updateSetXml: setXml('global'), users })
        try {
            const item = instance.database.insert('sc_req_item', {
                requested_for: instance.userSysId('abel.tuter'),
                state: '2',
            })
            expect(await instance.uiActionsFor(item.sys_id, 'abel.tuter')).toEqual([])
            expect(instance.database.get('sc_req_item', item.sys_id)?.state).toBe('2')
        } finally {
            instance.close()
        }
    })

    it('are refused at load when client-callable, naming the record', () => {
        const xml = setXml(APP, { client_callable: 'true' })
        expect(() => createLocalInstance({ updateSetXml: xml, users })).toThrow(
            /script include "KpowAccessRules"\): client_callable = true: client-callable \(GlideAjax\)/
        )
    })
})
