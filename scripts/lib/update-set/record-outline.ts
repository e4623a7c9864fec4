/**
 * The outline of an update set's records beyond Flow Designer: legacy Workflows (activities and
 * their transitions), record producers, business rules, script includes, notifications (long HTML
 * summarized), mail scripts, events and script actions, ACLs, and what the set deletes. Conditions
 * read in words with the field and choice labels the set or the platform catalogue has.
 */
import type { FieldValue, PayloadRecord, UpdateSet } from './read-update-set.ts'
import { recordsOfTable } from './read-update-set.ts'
import type { FieldLabels } from './field-labels.ts'
import { fieldLabelsOf } from './field-labels.ts'
import type { CatalogVariableOutline, OutlineInput, SetOutline } from './flow-outline.ts'
import { catalogVariablesOf, describeEncodedQuery, outlineUpdateSet, queryLabelsFor } from './flow-outline.ts'
import { mailScriptsOf, summarizeLongText } from './long-text.ts'
import { FLOW_DESIGNER_TABLES } from './flow-designer.ts'

export interface WorkflowTransitionOutline {
    /** The condition of the activity it leaves by (Approved, Yes, Always...). */
    condition: string
    /** The activity it leads to, by name. */
    to: string
    /** That activity's number in the outline, when it is in the set. */
    toNumber?: number
}

export interface WorkflowActivityOutline {
    number: number
    name: string
    /** The activity definition (Approval - User, Run Script...). */
    kind: string
    inputs: OutlineInput[]
    transitions: WorkflowTransitionOutline[]
}

export interface WorkflowOutline {
    sysId: string
    name: string
    description: string
    table: string
    /** The version's start condition in words (empty: whenever the caller starts it). */
    condition: string
    published: boolean
    active: boolean
    activities: WorkflowActivityOutline[]
    notes: string[]
}

export interface RecordProducerOutline {
    name: string
    /** The table of the record it creates. */
    table: string
    shortDescription: string
    active: boolean
    /** Its template (field values it sets) in words. */
    template: string
    script: string
    variables: CatalogVariableOutline[]
}

export interface BusinessRuleOutline {
    name: string
    table: string
    when: string
    /** insert, update, delete, query: the operations it runs on. */
    operations: string[]
    order: string
    active: boolean
    /** The filter condition in words. */
    condition: string
    /** The script condition, as written. */
    scriptCondition: string
    scriptLines: number
}

export interface ScriptIncludeOutline {
    name: string
    apiName: string
    description: string
    clientCallable: boolean
    active: boolean
    scriptLines: number
}

export interface NotificationOutline {
    name: string
    table: string
    active: boolean
    /** When it is sent, in words. */
    sentWhen: string
    recipients: string
    subject: string
    /** The body: as it is when short, summarized when long HTML. */
    body: string
}

export interface MailScriptOutline {
    name: string
    scriptLines: number
    /** Notifications and templates of the set whose body runs it. */
    usedBy: string[]
}

export interface EventOutline {
    name: string
    table: string
    description: string
    firedBy: string
}

export interface ScriptActionOutline {
    name: string
    event: string
    /** Whether the set registers the event it runs on. */
    registered: boolean
    active: boolean
    scriptLines: number
}

export interface AclOutline {
    name: string
    type: string
    operation: string
    active: boolean
    roles: string[]
    condition: string
    scriptLines: number
}

export interface DeletedOutline {
    /** The update's Type column (Business Rule, Access Control...). */
    type: string
    target: string
    updateName: string
}

export interface RecordOutlines {
    workflows: WorkflowOutline[]
    recordProducers: RecordProducerOutline[]
    businessRules: BusinessRuleOutline[]
    scriptIncludes: ScriptIncludeOutline[]
    notifications: NotificationOutline[]
    mailScripts: MailScriptOutline[]
    events: EventOutline[]
    scriptActions: ScriptActionOutline[]
    acls: AclOutline[]
    deleted: DeletedOutline[]
}

type Fields = Record<string, FieldValue>

const text = (fields: Fields, name: string): string => fields[name]?.value ?? ''
const shown = (fields: Fields, name: string): string => fields[name]?.attributes.display_value || text(fields, name)
const lineCount = (script: string): number => (script.trim() === '' ? 0 : script.trimEnd().split('\n').length)

/** Records of a table that the set creates or updates (its DELETE updates are listed apart). */
function kept(set: UpdateSet, table: string): PayloadRecord[] {
    return recordsOfTable(set, table).filter((record) => record.action !== 'DELETE')
}

/** A condition in words; as written, with a note, when it cannot be read. */
function conditionInWords(query: string, labels: FieldLabels, table: string): string {
    if (query === '') return ''
    try {
        const words = describeEncodedQuery(query, (value) => value, queryLabelsFor(labels, table))
        return words === 'always' ? '' : words
    } catch {
        return `${query} (as written: not read into words)`
    }
}

function outlineWorkflows(set: UpdateSet, labels: FieldLabels): WorkflowOutline[] {
    const versions = kept(set, 'wf_workflow_version')
    const activities = kept(set, 'wf_activity')
    const conditions = new Map(kept(set, 'wf_condition').map((record) => [text(record.fields, 'sys_id'), record]))
    const transitions = kept(set, 'wf_transition')
    const variables = kept(set, 'sys_variable_value').filter(
        (record) => text(record.fields, 'document') === 'wf_activity'
    )
    return kept(set, 'wf_workflow').map((workflow) => {
        const sysId = text(workflow.fields, 'sys_id')
        const name = text(workflow.fields, 'name')
        const notes: string[] = []
        const version =
            versions.find(
                (candidate) =>
                    text(candidate.fields, 'workflow') === sysId && text(candidate.fields, 'published') === 'true'
            ) ?? versions.find((candidate) => text(candidate.fields, 'workflow') === sysId)
        if (!version) notes.push('no version of the workflow is in this set: its activities are not shown')
        const versionId = version ? text(version.fields, 'sys_id') : ''
        const own = activities.filter((activity) => text(activity.fields, 'workflow_version') === versionId)
        const byId = new Map(own.map((activity) => [text(activity.fields, 'sys_id'), activity]))
        const outgoing = (activityId: string) =>
            transitions
                .filter((transition) => text(transition.fields, 'from') === activityId)
                .map((transition) => {
                    const condition = conditions.get(text(transition.fields, 'condition'))
                    return {
                        condition: condition ? text(condition.fields, 'name') : shown(transition.fields, 'condition'),
                        order: Number(condition ? text(condition.fields, 'order') : 0),
                        to: text(transition.fields, 'to'),
                        toName: shown(transition.fields, 'to'),
                    }
                })
                .sort((left, right) => left.order - right.order)
        // Number the activities the way they run: from the start along the first transition, then the others.
        const order: string[] = []
        const visit = (activityId: string) => {
            if (!byId.has(activityId) || order.includes(activityId)) return
            order.push(activityId)
            for (const transition of outgoing(activityId)) visit(transition.to)
        }
        if (version) visit(text(version.fields, 'start'))
        const unreached = own
            .map((activity) => text(activity.fields, 'sys_id'))
            .filter((activityId) => !order.includes(activityId))
        if (unreached.length > 0)
            notes.push(`${String(unreached.length)} activity(ies) no transition from the start reaches`)
        order.push(...unreached)
        const numberOf = new Map(order.map((activityId, index) => [activityId, index + 1]))
        const table = version ? text(version.fields, 'table') : ''
        return {
            sysId,
            name,
            description: text(workflow.fields, 'description'),
            table,
            condition: version ? conditionInWords(text(version.fields, 'condition'), labels, table) : '',
            published: version ? text(version.fields, 'published') === 'true' : false,
            active: version ? text(version.fields, 'active') === 'true' : false,
            activities: order.map((activityId) => {
                const activity = byId.get(activityId)
                const fields = activity?.fields ?? {}
                return {
                    number: numberOf.get(activityId) ?? 0,
                    name: text(fields, 'name'),
                    kind: shown(fields, 'activity_definition'),
                    inputs: variables
                        .filter((variable) => text(variable.fields, 'document_key') === activityId)
                        .sort((left, right) => Number(text(left.fields, 'order')) - Number(text(right.fields, 'order')))
                        .filter((variable) => text(variable.fields, 'value') !== '')
                        .map((variable) => {
                            const inputName = shown(variable.fields, 'variable')
                            const value = text(variable.fields, 'value')
                            const query = inputName === 'values' || inputName === 'condition'
                            return {
                                name: inputName,
                                shown:
                                    summarizeLongText(value) ?? (query ? valuesInWords(value, labels, table) : value),
                            }
                        }),
                    transitions: outgoing(activityId).map((transition) => ({
                        condition: transition.condition,
                        to: transition.toName,
                        ...(numberOf.has(transition.to) ? { toNumber: numberOf.get(transition.to) } : {}),
                    })),
                }
            }),
            notes,
        }
    })
}

/** A Set Values activity's `field=value^...` as `field = label; ...` (fields as stored, like a flow's values). */
function valuesInWords(query: string, labels: FieldLabels, table: string): string {
    const pairs = query
        .split('^')
        .filter((part) => part !== '' && part !== 'EQ')
        .map((part) => {
            const [field = '', ...rest] = part.split('=')
            const value = rest.join('=')
            return `${field} = ${labels.choice(table, field, value) ?? value}`
        })
    return pairs.join('; ')
}

function outlineBusinessRules(set: UpdateSet, labels: FieldLabels): BusinessRuleOutline[] {
    return kept(set, 'sys_script').map(({ fields }) => {
        const table = text(fields, 'collection')
        return {
            name: text(fields, 'name'),
            table,
            when: text(fields, 'when'),
            operations: ['insert', 'update', 'delete', 'query'].filter(
                (operation) => text(fields, `action_${operation}`) === 'true'
            ),
            order: text(fields, 'order'),
            active: text(fields, 'active') !== 'false',
            condition: conditionInWords(text(fields, 'filter_condition'), labels, table),
            scriptCondition: text(fields, 'condition'),
            scriptLines: lineCount(text(fields, 'script')),
        }
    })
}

function outlineScriptIncludes(set: UpdateSet): ScriptIncludeOutline[] {
    return kept(set, 'sys_script_include').map(({ fields }) => ({
        name: text(fields, 'name'),
        apiName: text(fields, 'api_name'),
        description: text(fields, 'description'),
        clientCallable: text(fields, 'client_callable') === 'true',
        active: text(fields, 'active') !== 'false',
        scriptLines: lineCount(text(fields, 'script')),
    }))
}

function outlineNotifications(set: UpdateSet, labels: FieldLabels, events: Set<string>): NotificationOutline[] {
    return kept(set, 'sysevent_email_action').map(({ fields }) => {
        const table = text(fields, 'collection')
        const event = text(fields, 'event_name')
        const condition = conditionInWords(text(fields, 'condition'), labels, table)
        const operations = ['insert', 'update'].filter((operation) => text(fields, `action_${operation}`) === 'true')
        const sentWhen =
            text(fields, 'generation_type') === 'event' || (event !== '' && operations.length === 0)
                ? `event ${event || '(none named)'} (${events.has(event) ? 'registered in this set' : 'not registered in this set'})`
                : operations.length > 0
                  ? `a record is ${operations.map((operation) => (operation === 'insert' ? 'inserted' : 'updated')).join(' or ')}`
                  : 'never (neither an event nor inserted or updated records chosen)'
        const recipients = [
            text(fields, 'recipient_users') ? `users ${shown(fields, 'recipient_users')}` : '',
            text(fields, 'recipient_groups') ? `groups ${shown(fields, 'recipient_groups')}` : '',
            text(fields, 'recipient_fields') ? `fields ${text(fields, 'recipient_fields')}` : '',
            text(fields, 'event_parm_1') === 'true' ? 'event parm 1' : '',
            text(fields, 'event_parm_2') === 'true' ? 'event parm 2' : '',
        ].filter((part) => part !== '')
        const body = text(fields, 'message_html') || text(fields, 'message') || text(fields, 'message_text')
        return {
            name: text(fields, 'name'),
            table,
            active: text(fields, 'active') !== 'false',
            sentWhen: condition ? `${sentWhen}, if ${condition}` : sentWhen,
            recipients: recipients.length > 0 ? recipients.join('; ') : '(none)',
            subject: text(fields, 'subject'),
            body: summarizeLongText(body) ?? body,
        }
    })
}

function outlineMailScripts(set: UpdateSet): MailScriptOutline[] {
    const bodies = [...kept(set, 'sysevent_email_action'), ...kept(set, 'sysevent_email_template')].map(
        ({ fields }) => ({
            name: text(fields, 'name'),
            scripts: mailScriptsOf(
                `${text(fields, 'message_html')} ${text(fields, 'message')} ${text(fields, 'message_text')}`
            ),
        })
    )
    return kept(set, 'sys_script_email').map(({ fields }) => {
        const name = text(fields, 'name')
        return {
            name,
            scriptLines: lineCount(text(fields, 'script')),
            usedBy: bodies.filter((body) => body.scripts.includes(name)).map((body) => body.name),
        }
    })
}

function outlineAcls(set: UpdateSet, labels: FieldLabels): AclOutline[] {
    const roles = kept(set, 'sys_security_acl_role')
    return kept(set, 'sys_security_acl').map(({ fields }) => {
        const sysId = text(fields, 'sys_id')
        const name = text(fields, 'name')
        return {
            name,
            type: shown(fields, 'type'),
            operation: shown(fields, 'operation'),
            active: text(fields, 'active') !== 'false',
            roles: roles
                .filter((role) => text(role.fields, 'sys_security_acl') === sysId)
                .map((role) => shown(role.fields, 'sys_user_role')),
            condition: conditionInWords(text(fields, 'condition'), labels, name.split('.')[0] ?? ''),
            scriptLines: text(fields, 'advanced') === 'false' ? 0 : lineCount(text(fields, 'script')),
        }
    })
}

/** Everything the set's records say beyond Flow Designer and the catalog. */
export function outlineRecords(set: UpdateSet, labels: FieldLabels): RecordOutlines {
    const events = new Set(kept(set, 'sysevent_register').map(({ fields }) => text(fields, 'event_name')))
    const variablesOf = catalogVariablesOf(set)
    return {
        workflows: outlineWorkflows(set, labels),
        recordProducers: kept(set, 'sc_cat_item_producer').map(({ fields }) => {
            const table = text(fields, 'table_name')
            return {
                name: text(fields, 'name'),
                table,
                shortDescription: text(fields, 'short_description'),
                active: text(fields, 'active') !== 'false',
                template: text(fields, 'template') ? valuesInWords(text(fields, 'template'), labels, table) : '',
                script: text(fields, 'script'),
                variables: variablesOf(text(fields, 'sys_id')),
            }
        }),
        businessRules: outlineBusinessRules(set, labels),
        scriptIncludes: outlineScriptIncludes(set),
        notifications: outlineNotifications(set, labels, events),
        mailScripts: outlineMailScripts(set),
        events: kept(set, 'sysevent_register').map(({ fields }) => ({
            name: text(fields, 'event_name'),
            table: text(fields, 'table'),
            description: text(fields, 'description'),
            firedBy: text(fields, 'fired_by'),
        })),
        scriptActions: kept(set, 'sysevent_script_action').map(({ fields }) => ({
            name: text(fields, 'name'),
            event: text(fields, 'event_name'),
            registered: events.has(text(fields, 'event_name')),
            active: text(fields, 'active') !== 'false',
            scriptLines: lineCount(text(fields, 'script')),
        })),
        acls: outlineAcls(set, labels),
        deleted: set.records
            .filter((entry) => entry.action === 'DELETE')
            .map((entry) => ({
                type: entry.type || entry.table,
                target: entry.targetName || entry.name,
                updateName: entry.name,
            })),
    }
}

/** Steps and triggers of flows, in both storages: shown when their flow is. */
const FLOW_ELEMENT_TABLES = new Set([
    'sys_hub_trigger_instance_v2',
    'sys_hub_trigger_instance',
    'sys_hub_action_instance_v2',
    'sys_hub_action_instance',
    'sys_hub_flow_logic_instance_v2',
    'sys_hub_flow_logic',
])

/** Tables whose records the outline shows (sys_variable_value: those of a step, trigger or activity). */
const OUTLINED_TABLES = new Set([
    ...FLOW_DESIGNER_TABLES,
    'sc_cat_item',
    'sc_cat_item_producer',
    'item_option_new',
    'question_choice',
    'question_regex',
    'wf_workflow',
    'wf_workflow_version',
    'wf_activity',
    'wf_condition',
    'wf_transition',
    'sys_script',
    'sys_script_include',
    'sysevent_email_action',
    'sys_script_email',
    'sysevent_register',
    'sysevent_script_action',
    'sys_security_acl',
    'sys_security_acl_role',
])

/**
 * Records the outline does not show, counted by table: tables it has no outline for, step records
 * of flow snapshots (copies of a flow not shown), variables of items not in the set, values of
 * records not shown. The records of DELETE updates are listed as deleted, so they count as shown.
 */
export function notOutlined(set: UpdateSet, shownFlows: ReadonlySet<string>): Map<string, number> {
    const counts = new Map<string, number>()
    const items = new Set(
        [...recordsOfTable(set, 'sc_cat_item'), ...recordsOfTable(set, 'sc_cat_item_producer')].map(({ fields }) =>
            text(fields, 'sys_id')
        )
    )
    const variableDocuments = new Set([
        'sys_hub_trigger_instance',
        'sys_hub_action_instance',
        'sys_hub_flow_logic',
        'sys_hub_step_instance',
        'wf_activity',
    ])
    for (const entry of set.records) {
        if (entry.action === 'DELETE') continue
        for (const record of entry.payload.records) {
            if (record.action === 'delete_multiple') continue
            const { table, fields } = record
            const shownHere =
                table === 'sys_variable_value'
                    ? variableDocuments.has(text(fields, 'document'))
                    : table === 'item_option_new'
                      ? items.has(text(fields, 'cat_item'))
                      : FLOW_ELEMENT_TABLES.has(table)
                        ? shownFlows.has(text(fields, 'flow'))
                        : OUTLINED_TABLES.has(table)
            if (!shownHere) counts.set(table, (counts.get(table) ?? 0) + 1)
        }
    }
    return counts
}

/** What `npm run explain` prints: the flow outline, the other records, and what neither shows. */
export interface SetExplanation extends SetOutline, RecordOutlines {
    /** Records not outlined, by table. */
    notOutlined: Map<string, number>
}

export function explainUpdateSet(set: UpdateSet): SetExplanation {
    const outline = outlineUpdateSet(set, { fieldLabels: true })
    return {
        ...outline,
        ...outlineRecords(set, fieldLabelsOf(set)),
        notOutlined: notOutlined(set, new Set(outline.flows.map((flow) => flow.sysId))),
    }
}
