import { describe, expect, it } from 'vitest'
import { readUpdateSet } from './read-update-set.ts'
import { diffUpdateSets, formatChanges } from './semantic-diff.ts'
import type { ExportedRecord, ExportedUpdate } from './testing/index.ts'
import { exportedSetXml, gzipBase64, SAMPLE_IDS, sampleId, sampleUpdates } from './testing/index.ts'

const ids = SAMPLE_IDS

function sample(edit: (updates: ExportedUpdate[]) => void = () => undefined, reversed = false) {
    const updates = sampleUpdates()
    edit(updates)
    return readUpdateSet(exportedSetXml(updates, { name: 'Kafka access', reversed }))
}

const base = sample()
const linesAgainstBase = (edit: (updates: ExportedUpdate[]) => void) =>
    formatChanges(diffUpdateSets(base, sample(edit)))
        .trimEnd()
        .split('\n')

/** The record with this sys_id, wherever it travels. */
function recordOf(updates: ExportedUpdate[], sysId: string): ExportedRecord {
    const found = updates
        .flatMap((update) => [update.record, ...(update.children ?? [])])
        .find((record) => record.sysId === sysId)
    if (!found) throw new Error(`no record ${sysId} in the sample`)
    return found
}

const setField = (sysId: string, field: string, value: string) => (updates: ExportedUpdate[]) => {
    recordOf(updates, sysId).fields[field] = value
}

describe('every record of an exported set compared by its update name', () => {
    it('a set against itself, and against itself in reverse order, has no change', () => {
        expect(diffUpdateSets(base, sample())).toEqual([])
        expect(
            diffUpdateSets(
                base,
                sample(() => undefined, true)
            )
        ).toEqual([])
        expect(
            diffUpdateSets(
                sample(() => undefined, true),
                base
            )
        ).toEqual([])
    })

    it('one of two business rules sharing a name removed: that one, by sys_id', () => {
        const changes = linesAgainstBase((updates) => {
            updates.splice(
                updates.findIndex((update) => update.record.sysId === ids.priorityRuleTwo),
                1
            )
        })
        expect(changes).toEqual([`sys_script "Set priority from impact" [${ids.priorityRuleTwo}]: removed`])
    })

    it('a business rule: one field of the right one of two same-named rules', () => {
        expect(linesAgainstBase(setField(ids.priorityRuleOne, 'order', '150'))).toEqual([
            `sys_script "Set priority from impact" [${ids.priorityRuleOne}]: field \`order\`: \`100\` → \`150\``,
        ])
    })

    it('a script include: one changed line as a line diff, not the whole script', () => {
        const changes = linesAgainstBase((updates) => {
            const record = recordOf(updates, ids.scriptInclude)
            record.fields.script = String(record.fields.script).replace('"-20"', '"-twenty"')
        })
        expect(changes[0]).toBe(
            'sys_script_include "KafkaAccessUtils": field `script` changed (1 line(s) added, 1 removed)'
        )
        // One hunk: the line, three lines of context each side.
        expect(changes.slice(1)).toHaveLength(9)
        expect(changes.filter((line) => /^ {4}[-+]/.test(line))).toEqual([
            '    -    helper20: function(topic) { return topic + "-20"; },',
            '    +    helper20: function(topic) { return topic + "-twenty"; },',
        ])
    })

    it('a notification, an email template, an ACL, a dictionary entry: the field that changed', () => {
        expect(linesAgainstBase(setField(ids.notification, 'subject', 'Your Kafka access is ready'))).toEqual([
            'sysevent_email_action "Kafka access granted": field `subject`: `Kafka access granted` → `Your Kafka access is ready`',
        ])
        expect(linesAgainstBase(setField(ids.template, 'subject', 'Access granted: ${number}'))).toEqual([
            'sysevent_email_template "kafka.access.granted": field `subject`: `Kafka access granted: ${number}` → `Access granted: ${number}`',
        ])
        expect(linesAgainstBase(setField(ids.acl, 'condition', 'active=true^state!=7^EQ'))).toEqual([
            'sys_security_acl "incident.u_kafka_topic": field `condition`: `active=true^EQ` → `active=true^state!=7^EQ`',
        ])
        expect(linesAgainstBase(setField(ids.dictionary, 'max_length', '255'))).toEqual([
            'sys_dictionary "incident.u_kafka_topic": field `max_length`: `100` → `255`',
        ])
    })

    it('a Workflow activity travelling in the Workflow update', () => {
        expect(linesAgainstBase(setField(ids.approvalActivity, 'timeout', '1970-01-03 00:00:00'))).toEqual([
            'wf_activity "Approval - Group": field `timeout`: `1970-01-02 00:00:00` → `1970-01-03 00:00:00`',
        ])
        // A record without a name of its own is named by its sys_id and the update it travels in.
        expect(linesAgainstBase(setField(ids.transition, 'order', '2'))).toEqual([
            `wf_transition ${ids.transition} (in "Kafka access approval"): field \`order\`: \`1\` → \`2\``,
        ])
    })

    it('a catalog item variable: in the outline when it shows the field, field by field when not', () => {
        expect(linesAgainstBase(setField(ids.variable, 'question_text', 'Kafka topic'))).toEqual([
            'catalog item "Kafka topic access", variable topic: question: `Topic` → `Kafka topic`',
        ])
        expect(linesAgainstBase(setField(ids.variable, 'help_text', 'Which topic'))).toEqual([
            'item_option_new "topic": field `help_text`: `The topic you need` → `Which topic`',
        ])
        expect(linesAgainstBase(setField(ids.catalogItem, 'price', '10'))).toEqual([
            'sc_cat_item "Kafka topic access": field `price`: `0` → `10`',
        ])
    })

    it('a flow step whose values are gzip+base64: the decoded input, by step', () => {
        const changes = linesAgainstBase((updates) => {
            recordOf(updates, ids.updateStep).fields.values = gzipBase64([
                { name: 'table_name', value: 'sc_req_item' },
                { name: 'values', value: 'state=4' },
            ])
        })
        expect(changes).toEqual([
            'flow "Grant Kafka access", step 1 Update Record: input `values`: `state = 3` → `state = 4`',
        ])
        // The same values as plain JSON with its keys in another order (as some exports hold them): no change.
        const stored = (values: string) =>
            sample((updates) => {
                recordOf(updates, ids.updateStep).fields.values = values
            })
        const inputs = [
            { name: 'table_name', value: 'sc_req_item' },
            { name: 'values', value: 'state=3' },
        ]
        const reordered = inputs.map(({ name, value }) => ({ value, name }))
        expect(diffUpdateSets(stored(gzipBase64(inputs)), stored(JSON.stringify(reordered)))).toEqual([])
    })

    it('an ACL created in one set and deleted by a DELETE update in the other, both ways', () => {
        const deleted = (updates: ExportedUpdate[]) => {
            const acl = updates.find((update) => update.record.sysId === ids.acl)
            if (acl) acl.action = 'DELETE'
        }
        expect(linesAgainstBase(deleted)).toEqual([
            'sys_security_acl "incident.u_kafka_topic": deleted (a DELETE update, where the old set created or updated it)',
        ])
        expect(formatChanges(diffUpdateSets(sample(deleted), base)).trimEnd()).toBe(
            'sys_security_acl "incident.u_kafka_topic": created or updated (where the old set had a DELETE update)'
        )
        const withoutAcl = sample((updates) => {
            updates.splice(
                updates.findIndex((update) => update.record.sysId === ids.acl),
                1
            )
        })
        expect(formatChanges(diffUpdateSets(withoutAcl, sample(deleted))).trimEnd()).toBe(
            'sys_security_acl "incident.u_kafka_topic": DELETE update added'
        )
    })

    it('a flow deleted by a DELETE update: the outline says removed, and the DELETE update is said', () => {
        expect(
            linesAgainstBase((updates) => {
                const flow = updates.find((update) => update.record.sysId === ids.flow)
                if (flow) flow.action = 'DELETE'
            })
        ).toEqual([
            'flow "Grant Kafka access": removed',
            'sys_hub_flow "Grant Kafka access": deleted (a DELETE update, where the old set created or updated it)',
        ])
    })

    it('a reference to an added record is shown by its name and the record as added', () => {
        const approvers = sampleId('approvers group')
        const changes = linesAgainstBase((updates) => {
            updates.push({
                type: 'Group',
                targetName: 'Kafka approvers',
                record: {
                    table: 'sys_user_group',
                    sysId: approvers,
                    fields: { name: 'Kafka approvers', active: 'true' },
                },
            })
            recordOf(updates, ids.notification).fields.recipient_groups = approvers
        })
        expect(changes).toEqual([
            'sys_user_group "Kafka approvers": added',
            'sysevent_email_action "Kafka access granted": field `recipient_groups`: `Kafka admins` → `Kafka approvers`',
        ])
    })

    it('a renamed record is the same record with another name', () => {
        expect(linesAgainstBase(setField(ids.group, 'name', 'Kafka administrators'))).toEqual([
            'sys_user_group "Kafka administrators": field `name`: `Kafka admins` → `Kafka administrators`',
        ])
    })

    it('timestamps and update metadata make no difference', () => {
        const later = sample((updates) => {
            for (const update of updates) update.recordedOn = '2025-01-01 00:00:00'
        })
        expect(diffUpdateSets(base, later)).toEqual([])
    })
})
