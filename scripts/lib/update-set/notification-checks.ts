/**
 * What an update set's notifications may tell: no credential or secret in an email. Checks every
 * email notification's subject and messages (`${field}` tokens: a field or dot-walk named like a
 * password, credential, secret, token or key) and every Fire Event step's parameters (data pills
 * named so), from the records alone. A mail script prints what it likes: it is reported as not
 * checkable, never assumed safe.
 */
import { BUILT_IN_ACTIONS, readFlowDesigner } from './flow-designer.ts'
import { findDataPills } from './data-pills.ts'
import { recordsOfTable } from './read-update-set.ts'
import type { UpdateSet } from './read-update-set.ts'

export interface NotificationFinding {
    /** What is wrong and where, in one line. */
    detail: string
}

/** A path segment naming something secret: `user_password`, `credential`, `api_key`, `token`, ... */
const SECRET_SEGMENT = /pass(word)?|credential|secret|token|api_?key|private_?key/i
const TOKEN = /\$\{([^}]*)\}/g
const MESSAGE_FIELDS = ['subject', 'message_html', 'message_text', 'message', 'sms_alternate'] as const

export function findNotificationLeaks(set: UpdateSet): NotificationFinding[] {
    const findings: NotificationFinding[] = []
    for (const record of recordsOfTable(set, 'sysevent_email_action')) {
        const name = record.fields.name?.value || record.fields.sys_id?.value || 'a notification'
        for (const field of MESSAGE_FIELDS) {
            for (const match of (record.fields[field]?.value ?? '').matchAll(TOKEN)) {
                const token = (match[1] ?? '').trim()
                if (token.startsWith('mail_script:'))
                    findings.push({
                        detail: `notification "${name}", ${field}: \${${token}} prints what its script likes; it cannot be checked for secrets`,
                    })
                else if (token.split('.').some((segment) => SECRET_SEGMENT.test(segment)))
                    findings.push({
                        detail: `notification "${name}", ${field}: \${${token}} would put a secret in an email`,
                    })
            }
        }
    }
    const view = readFlowDesigner(set)
    for (const step of view.actionInstances) {
        if ((step.actionTypeParent || step.actionType) !== BUILT_IN_ACTIONS.fireEvent.sysId) continue
        for (const input of step.inputs.filter((candidate) => ['parm1', 'parm2'].includes(candidate.name))) {
            for (const pill of findDataPills(input.value)) {
                if (pill.path.some((segment) => SECRET_SEGMENT.test(segment)))
                    findings.push({
                        detail: `Fire Event step #${String(step.order)}, ${input.name}: {{${pill.text}}} would pass a secret to a notification`,
                    })
            }
        }
    }
    return findings
}
