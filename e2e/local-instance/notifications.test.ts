import { describe, expect, it } from 'vitest'
import { newInstanceDatabase, seedUsers } from './loading'
import { checkNotificationRecords, NotificationError, queueEvent } from './notifications'
import type { LoadedRecord } from './payload-record'
import { UnsupportedCollector } from './unsupported'

const NOW = new Date('2026-11-29T10:00:00Z')
const EVENT = 'x_kpow_jit.access.granted'

function instanceWithItem() {
    const database = newInstanceDatabase(() => NOW)
    seedUsers(database, {
        users: [
            { user_name: 'beth.anglin', name: 'Beth Anglin', email: 'beth.anglin@example.com' },
            { user_name: 'abel.tuter', name: 'Abel Tuter', email: 'abel.tuter@example.com', manager: 'beth.anglin' },
            { user_name: 'no.mail', name: 'No Mail' },
            { user_name: 'gone', name: 'Gone User', email: 'gone@example.com' },
            { user_name: 'gina.approver', name: 'Gina Approver', email: 'gina.approver@example.com' },
        ],
        groups: { 'Kpow Access Approvers': ['gina.approver', 'no.mail'] },
    })
    const userId = (name: string) => database.query('sys_user', `user_name=${name}`)[0]?.sys_id ?? ''
    database.update('sys_user', userId('gone'), { active: 'false' })
    database.insert('sysevent_register', { event_name: EVENT, suffix: 'access.granted', table: 'sc_req_item' })
    const catalogItem = database.insert('sc_cat_item', { name: 'Request Kpow Topic Query Access' })
    const item = database.insert('sc_req_item', {
        cat_item: catalogItem.sys_id,
        opened_by: userId('abel.tuter'),
        requested_for: userId('abel.tuter'),
        state: '2',
    })
    return { database, item, userId }
}

/** The fields of a notification the instance runs: to the requester, on the granted event. */
const granted = {
    name: 'Kpow access granted',
    collection: 'sc_req_item',
    generation_type: 'event',
    event_name: EVENT,
    recipient_fields: 'requested_for',
    subject: 'Kpow access granted: ${number}',
    message_html: '<p>Hello ${requested_for.name},</p><p>${event.parm1}</p>',
}

function notification(database: ReturnType<typeof instanceWithItem>['database'], fields: Record<string, string>) {
    return database.insert('sysevent_email_action', { ...granted, ...fields })
}

/** The granted event on the item, by the system, without parameters. */
function fireGranted(database: ReturnType<typeof instanceWithItem>['database'], itemSysId: string) {
    return queueEvent(database, {
        name: EVENT,
        table: 'sc_req_item',
        sysId: itemSysId,
        parm1: '',
        parm2: '',
        userSysId: '',
    })
}

describe('events and email notifications', () => {
    it('writes one email per matching notification: display values, dot-walks, event parameters, HTML escaped', () => {
        const { database, item } = instanceWithItem()
        notification(database, {
            subject: '${number} is ${state} (${cat_item}) for ${requested_for.manager.name}',
        })
        const { emails, event } = queueEvent(database, {
            name: EVENT,
            table: 'sc_req_item',
            sysId: item.sys_id,
            parm1: 'until 2026-11-29 11:00:00 UTC <b>& more</b>',
            parm2: '',
            userSysId: '',
        })
        expect(emails).toHaveLength(1)
        expect(emails[0]).toMatchObject({
            type: 'send-ready',
            recipients: 'abel.tuter@example.com',
            subject: `${item.number ?? ''} is Work in Progress (Request Kpow Topic Query Access) for Beth Anglin`,
            body: '<p>Hello Abel Tuter,</p><p>until 2026-11-29 11:00:00 UTC &lt;b&gt;&amp; more&lt;/b&gt;</p>',
            target_table: 'sc_req_item',
            instance: item.sys_id,
            event: event.sys_id,
            sys_created_on: '2026-11-29 10:00:00',
        })
        expect(event).toMatchObject({
            name: EVENT,
            state: 'processed',
            parm1: 'until 2026-11-29 11:00:00 UTC <b>& more</b>',
        })
    })

    it('sends only when the condition matches the record', () => {
        const { database, item } = instanceWithItem()
        notification(database, { condition: 'state=3' })
        const fire = () => fireGranted(database, item.sys_id)
        expect(fire().emails).toHaveLength(0)
        database.update('sc_req_item', item.sys_id, { state: '3' })
        expect(fire().emails).toHaveLength(1)
    })

    it('resolves recipients: users, groups, fields, event parameters; never inactive users, users without email, or the firer', () => {
        const { database, item, userId } = instanceWithItem()
        const group = database.query('sys_user_group', 'name=Kpow Access Approvers')[0]?.sys_id ?? ''
        notification(database, {
            recipient_fields: 'requested_for,opened_by.manager',
            recipient_users: `${userId('gone')},${userId('no.mail')}`,
            recipient_groups: group,
            event_parm_2: 'true',
        })
        const [email] = queueEvent(database, {
            name: EVENT,
            table: 'sc_req_item',
            sysId: item.sys_id,
            parm1: 'not a recipient: parm1 is not flagged',
            parm2: 'ops@example.com',
            userSysId: userId('abel.tuter'),
        }).emails
        // abel.tuter fired the event (send_self is off); gone is inactive; no.mail has no address.
        expect((email?.recipients ?? '').split(', ').sort()).toEqual([
            'beth.anglin@example.com',
            'gina.approver@example.com',
            'ops@example.com',
        ])
    })

    it('writes no email when nobody is left to receive it', () => {
        const { database, item } = instanceWithItem()
        notification(database, { recipient_fields: 'assigned_to' })
        const result = fireGranted(database, item.sys_id)
        expect(result.emails).toEqual([])
        expect(database.query('sys_email')).toEqual([])
    })

    it('refuses an event nobody registered, writing nothing', () => {
        const { database, item } = instanceWithItem()
        expect(() =>
            queueEvent(database, {
                name: 'x_kpow_jit.not.registered',
                table: 'sc_req_item',
                sysId: item.sys_id,
                parm1: '',
                parm2: '',
                userSysId: '',
            })
        ).toThrow(NotificationError)
        expect(database.query('sysevent')).toEqual([])
    })
})

describe('loading notifications', () => {
    const registered: LoadedRecord = {
        table: 'sysevent_register',
        action: 'INSERT_OR_UPDATE',
        sysId: 'a'.repeat(32),
        fields: { event_name: EVENT, suffix: 'access.granted' },
        updateName: 'sysevent_register_aaa',
    }
    const problemsOf = (fields: Record<string, string>): string[] => {
        const unsupported = new UnsupportedCollector()
        const record: LoadedRecord = {
            table: 'sysevent_email_action',
            action: 'INSERT_OR_UPDATE',
            sysId: 'b'.repeat(32),
            fields: {
                ...granted,
                weight: '0',
                type: 'email',
                digestable: 'false',
                ...fields,
            },
            updateName: 'sysevent_email_action_bbb',
        }
        checkNotificationRecords(
            [registered, record],
            newInstanceDatabase(() => NOW),
            unsupported
        )
        return unsupported.list().map((item) => `[${item.kind}] ${item.detail}`)
    }

    it('takes what it runs', () => {
        expect(problemsOf({})).toEqual([])
        expect(
            problemsOf({ condition: 'state=3^active=false', recipient_fields: 'requested_for,opened_by.manager' })
        ).toEqual([])
    })

    it('refuses loudly what it does not run: mail scripts, templates, digests, other generation types, unknown fields', () => {
        expect(problemsOf({ message_html: '<p>${mail_script:Kpow details}</p>' })).toEqual([
            '[notification] message_html: ${mail_script:Kpow details}: mail scripts are not supported by the local instance',
        ])
        expect(problemsOf({ template: 'c'.repeat(32) })).toEqual([
            `[notification] template = "${'c'.repeat(32)}": email templates are not supported by the local instance`,
        ])
        expect(problemsOf({ digestable: 'true' })).toEqual([
            '[notification] digestable = "true": digests are not supported by the local instance',
        ])
        expect(problemsOf({ generation_type: 'engine' })[0]).toMatch(/generation_type "engine" is not supported/)
        expect(problemsOf({ event_name: 'x_kpow_jit.other' })[0]).toMatch(/event "x_kpow_jit.other" is not registered/)
        expect(problemsOf({ subject: '${requested_for.nickname}' })[0]).toMatch(
            /subject: \$\{requested_for.nickname\}: Field "nickname" does not exist on table "sys_user"/
        )
        expect(problemsOf({ recipient_fields: 'state' })[0]).toMatch(/recipient field "state"/)
        expect(problemsOf({ condition: 'nope=1' })[0]).toMatch(/condition: Field "nope" does not exist/)
        expect(problemsOf({ message_html: '${URI_REF}' })[0]).toMatch(/\$\{URI_REF\} is not a field/)
    })
})
