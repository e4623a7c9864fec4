// Events and email notifications as the platform runs them, into an outbox (sys_email):
// - an event (gs.eventQueue from a script, Fire Event from a flow) is a sysevent row; it must be
//   registered (sysevent_register), as a scoped app's events must be. It is processed at once (the
//   platform's event processor runs every few seconds): every active notification of generation type
//   "event" for that event name and the event's table whose condition matches the record sends one
//   email to its recipients.
// - recipients: users and groups listed on the notification, user or group reference fields of the
//   record (dot-walks allowed), and the event's parm1 / parm2 (user sys_ids or addresses) when the
//   notification says so; inactive users and users without an email address are left out, and so is
//   the user who fired the event unless "send to event creator" (send_self) is set. No recipient: no email.
// - subject and message: `${field}` and `${dot.walked.field}` of the record become their display
//   values (a reference its record's display value, a choice its label); `${event.parm1}` and
//   `${event.parm2}` the event's parameters. In an HTML message the values are HTML-escaped.
// - the platform's own approval request email (the "Approval Request" notification on
//   sysapproval_approver) goes to each approver asked, with the item's summary and variables.
// Everything else a notification can do (mail scripts, templates, styles, digests, engine- or
// script-triggered generation, advanced conditions, weights, SMS and push) is refused when the set
// is loaded (checkNotificationRecords), never skipped at run time.
import { escapeHtml } from '../../scripts/lib/common/index'
import {
    EncodedQueryError,
    matchesEncodedQuery,
    parseEncodedQuery,
    removesRecords,
} from '../../scripts/lib/update-set/index'
import type { LoadedRecord } from './payload-record'
import type { Database, StoredRecord } from './tables'
import { TableError, glideDateTime, isSysId } from './tables'
import type { UnsupportedCollector } from './unsupported'

export interface QueuedEvent {
    /** The registered event name, e.g. `x_kpow_jit.access.granted`. */
    name: string
    table: string
    sysId: string
    parm1: string
    parm2: string
    /** Who fired it (gs.getUserID() of the script or flow): '' for the system. */
    userSysId: string
}

export class NotificationError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'NotificationError'
    }
}

/** `${...}` tokens of a subject or message. */
const TOKEN = /\$\{([^}]*)\}/g
const EVENT_PARAMETERS = new Set(['event.parm1', 'event.parm2'])

/**
 * Queues an event and processes it: the sysevent row, then one email per matching notification.
 * An unregistered event, or a record that does not exist, is refused (nothing is written).
 */
export function queueEvent(database: Database, event: QueuedEvent): { event: StoredRecord; emails: StoredRecord[] } {
    return database.transaction(() => {
        if (database.query('sysevent_register', `event_name=${event.name}`).length === 0)
            throw new NotificationError(
                `event "${event.name}" is not registered (no sysevent_register record): register it in the app before firing it`
            )
        database.require(event.table, event.sysId)
        const queued = database.insert('sysevent', {
            name: event.name,
            table: event.table,
            instance: event.sysId,
            parm1: event.parm1,
            parm2: event.parm2,
            user: event.userSysId,
        })
        const notifications = database.query(
            'sysevent_email_action',
            `active=true^generation_type=event^event_name=${event.name}^collection=${event.table}`
        )
        const emails = notifications.flatMap((notification) => {
            const email = sendNotification(database, notification, event, queued.sys_id)
            return email ? [email] : []
        })
        const processed = database.update('sysevent', queued.sys_id, {
            state: 'processed',
            processed: glideDateTime(database.now()),
        })
        return { event: processed, emails }
    })
}

function sendNotification(
    database: Database,
    notification: StoredRecord,
    event: QueuedEvent,
    eventSysId: string
): StoredRecord | undefined {
    const table = event.table
    const condition = notification.condition ?? ''
    if (
        condition !== '' &&
        !matchesEncodedQuery(parseEncodedQuery(condition), (field) => database.resolvePath(table, event.sysId, field))
    )
        return undefined
    const recipients = recipientsOf(database, notification, event)
    if (recipients.length === 0) return undefined
    const contentType = notification.content_type || 'text/html'
    const render = (template: string, html: boolean) =>
        renderTemplate(database, table, event.sysId, template, event, html)
    return database.insert('sys_email', {
        type: 'send-ready',
        recipients: recipients.join(', '),
        subject: render(notification.subject ?? '', false),
        body: contentType === 'text/plain' ? '' : render(notification.message_html ?? '', true),
        body_text: contentType === 'text/html' ? '' : render(notification.message_text ?? '', false),
        content_type: contentType,
        importance: notification.importance ?? '',
        from: notification.from ?? '',
        reply_to: notification.reply_to ?? '',
        target_table: table,
        instance: event.sysId,
        notification: notification.sys_id,
        event: eventSysId,
    })
}

/** Email addresses, in the order found, each once. */
function recipientsOf(database: Database, notification: StoredRecord, event: QueuedEvent): string[] {
    const userIds: string[] = []
    const addresses: string[] = []
    const addGroup = (groupId: string) => {
        for (const member of database.query('sys_user_grmember', `group=${groupId}`)) userIds.push(member.user ?? '')
    }
    const addEntry = (entry: string) => {
        if (entry.includes('@')) addresses.push(entry)
        else if (database.get('sys_user', entry)) userIds.push(entry)
        else if (database.get('sys_user_group', entry)) addGroup(entry)
    }
    for (const userId of list(notification.recipient_users)) userIds.push(userId)
    for (const groupId of list(notification.recipient_groups)) addGroup(groupId)
    for (const field of list(notification.recipient_fields)) {
        const target = database.describePath(event.table, field)
        const value = database.resolvePath(event.table, event.sysId, field)
        for (const id of list(value)) {
            if (target.field.reference === 'sys_user_group') addGroup(id)
            else userIds.push(id)
        }
    }
    if (notification.event_parm_1 === 'true') list(event.parm1).forEach(addEntry)
    if (notification.event_parm_2 === 'true') list(event.parm2).forEach(addEntry)
    for (const userId of userIds) {
        const user = database.get('sys_user', userId)
        if (!user || user.active === 'false' || !user.email) continue
        if (notification.send_self !== 'true' && event.userSysId !== '' && userId === event.userSysId) continue
        addresses.push(user.email)
    }
    return [...new Set(addresses)]
}

function list(value: string | undefined): string[] {
    return (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
}

/** A subject or message with its `${...}` tokens replaced, as the platform substitutes them. */
export function renderTemplate(
    database: Database,
    table: string,
    sysId: string,
    template: string,
    event: Pick<QueuedEvent, 'parm1' | 'parm2'>,
    html: boolean
): string {
    return template.replace(TOKEN, (_token, name: string) => {
        const key = name.trim()
        const value =
            key === 'event.parm1'
                ? event.parm1
                : key === 'event.parm2'
                  ? event.parm2
                  : displayValueAt(database, table, sysId, key)
        return html ? escapeHtml(value) : value
    })
}

/** The display value at the end of a dot-walked path: a reference's record display value, a choice's label. */
function displayValueAt(database: Database, table: string, sysId: string, path: string): string {
    const segments = path.split('.')
    const last = segments.pop() ?? ''
    let currentTable = table
    let currentId = sysId
    for (const segment of segments) {
        const field = database.field(currentTable, segment)
        currentId = database.resolvePath(currentTable, currentId, segment)
        currentTable = field.reference ?? ''
        if (currentId === '') return ''
    }
    return database.displayValue(currentTable, currentId, last)
}

/** Notification fields the local instance does not run, with the value that means "not used". */
const UNMODELLED_FIELDS: Record<string, { unused: string[]; what: string }> = {
    advanced_condition: { unused: [''], what: 'advanced (script) conditions' },
    template: { unused: [''], what: 'email templates' },
    style: { unused: [''], what: 'email styles' },
    digestable: { unused: ['', 'false'], what: 'digests' },
    default_digest: { unused: ['', 'false'], what: 'digests' },
    item_table: { unused: [''], what: 'an item table other than the event record' },
    affected_field_on_event: { unused: [''], what: 'affected fields on events' },
    weight: { unused: ['', '0'], what: 'notification weights' },
    type: { unused: ['', 'email'], what: 'calendar invitations (vcalendar)' },
    push_message_only: { unused: ['', 'false'], what: 'push messages' },
    message_list: { unused: [''], what: 'push messages' },
    sms_alternate: { unused: [''], what: 'SMS' },
    include_attachments: { unused: ['', 'false'], what: 'attachments' },
    enable_dynamic_translation: { unused: ['', 'false'], what: 'dynamic translation' },
    message: { unused: [''], what: 'the legacy message field (use message_html or message_text)' },
}

/**
 * What loading refuses in an update set's events and notifications: every feature the local
 * instance does not run, a token it cannot substitute (mail scripts included), a condition or
 * recipient field the table does not have, an event nobody registered.
 */
export function checkNotificationRecords(
    records: LoadedRecord[],
    database: Database,
    unsupported: UnsupportedCollector
): void {
    const live = records.filter((record) => !removesRecords(record))
    const registered = new Set(
        live.filter((record) => record.table === 'sysevent_register').map((record) => record.fields.event_name ?? '')
    )
    for (const record of live.filter((candidate) => candidate.table === 'sysevent_register')) {
        const { event_name: name = '', suffix = '' } = record.fields
        if (name === '' || (suffix !== '' && !name.endsWith(`.${suffix}`)))
            unsupported.add(
                'notification',
                `${record.updateName} (event "${name}")`,
                `event_name "${name}" must be set (for a scoped app "<scope>.${suffix || '<suffix>'}")`
            )
    }
    for (const record of live.filter((candidate) => candidate.table === 'sysevent_email_action')) {
        const fields = record.fields
        const where = `${record.updateName} (notification "${fields.name ?? ''}")`
        const refuse = (detail: string) => unsupported.add('notification', where, detail)
        for (const [field, { unused, what }] of Object.entries(UNMODELLED_FIELDS)) {
            const value = fields[field] ?? ''
            if (!unused.includes(value))
                refuse(`${field} = "${value}": ${what} are not supported by the local instance`)
        }
        const generation = fields.generation_type ?? 'engine'
        if (generation !== 'event')
            refuse(
                `generation_type "${generation}" is not supported (only "event": fire a registered event from the flow or a script)`
            )
        else if (!registered.has(fields.event_name ?? ''))
            refuse(`event "${fields.event_name ?? ''}" is not registered by the set (no sysevent_register record)`)
        const table = fields.collection ?? ''
        if (!database.hasTable(table)) {
            refuse(`table "${table}" is not a table of the local instance`)
            continue
        }
        const contentType = fields.content_type || 'text/html'
        if (!['text/html', 'text/plain', 'multipart/mixed'].includes(contentType))
            refuse(`content_type "${contentType}" (text/html, text/plain or multipart/mixed)`)
        const check = (what: string, run: () => void) => {
            try {
                run()
            } catch (error) {
                if (error instanceof TableError || error instanceof EncodedQueryError)
                    refuse(`${what}: ${error.message}`)
                else throw error
            }
        }
        check('condition', () => {
            for (const clause of parseEncodedQuery(fields.condition ?? '').alternatives.flat(2))
                database.describePath(table, clause.field)
        })
        for (const field of list(fields.recipient_fields)) {
            check(`recipient field "${field}"`, () => {
                const target = database.describePath(table, field).field
                if (target.type !== 'reference' || !['sys_user', 'sys_user_group'].includes(target.reference ?? ''))
                    throw new TableError(`${table}.${field} is not a reference to sys_user or sys_user_group`)
            })
        }
        for (const id of [...list(fields.recipient_users), ...list(fields.recipient_groups)])
            if (!isSysId(id)) refuse(`recipient "${id}" is not a sys_id`)
        const texts = {
            subject: fields.subject ?? '',
            message_html: fields.message_html ?? '',
            message_text: fields.message_text ?? '',
        }
        for (const [field, text] of Object.entries(texts)) {
            for (const match of text.matchAll(TOKEN)) {
                const name = (match[1] ?? '').trim()
                if (EVENT_PARAMETERS.has(name)) continue
                if (name.startsWith('mail_script:'))
                    refuse(`${field}: \${${name}}: mail scripts are not supported by the local instance`)
                else if (!/^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(name))
                    refuse(`${field}: \${${name}} is not a field, a dot-walked field, event.parm1 or event.parm2`)
                else check(`${field}: \${${name}}`, () => database.describePath(table, name))
            }
        }
    }
}

/**
 * The platform's "Approval Request" email: when an approval is requested, its approver is told
 * what waits for them: the item, who it is for, and the item's variables (the justification and
 * the access profile's choices among them), as the platform's requested-item approval email does.
 */
export function sendApprovalRequestEmails(database: Database): () => void {
    return database.onChange((change) => {
        if (change.table !== 'sysapproval_approver' || change.record.state !== 'requested') return
        if (change.operation !== 'insert' && !change.changedFields.includes('state')) return
        const approver = database.get('sys_user', change.record.approver ?? '')
        const itemId = change.record.sysapproval ?? ''
        const item = database.get('sc_req_item', itemId)
        if (!approver?.email || approver.active === 'false' || !item) return
        const variables = database.query('sc_item_option_mtom', `request_item=${itemId}`).map((link) => {
            const option = database.require('sc_item_option', link.sc_item_option ?? '')
            return {
                label: database.resolvePath('sc_item_option', option.sys_id, 'item_option_new.question_text'),
                value: option.value ?? '',
            }
        })
        const number = item.number ?? ''
        const summary = `${database.displayValue('sc_req_item', itemId, 'cat_item')} for ${database.displayValue('sc_req_item', itemId, 'requested_for')}`
        database.insert('sys_email', {
            type: 'send-ready',
            recipients: approver.email,
            subject: `Requested Item ${number} is awaiting your approval`,
            body: [
                `<p>${escapeHtml(`${number}: ${summary} is awaiting your approval.`)}</p>`,
                '<ul>',
                ...variables.map((variable) => `<li>${escapeHtml(`${variable.label}: ${variable.value}`)}</li>`),
                '</ul>',
                `<p>${escapeHtml('Approve or reject it in My Approvals.')}</p>`,
            ].join(''),
            content_type: 'text/html',
            target_table: 'sysapproval_approver',
            instance: change.sysId,
        })
    })
}
