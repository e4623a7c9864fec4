/**
 * Field and choice labels for conditions in words (`state = 4` on a requested item reads `State is
 * Closed Incomplete`): the set's own `sys_choice` and `sys_dictionary` records first, then a small
 * catalogue of the platform's best-known task fields. A field or value neither knows stays as
 * stored: a label is never guessed.
 */
import type { UpdateSet } from './read-update-set.ts'
import { recordsOfTable } from './read-update-set.ts'

type Choices = Record<string, string>

const IMPACT_URGENCY: Choices = { '1': '1 - High', '2': '2 - Medium', '3': '3 - Low' }
const PRIORITY: Choices = {
    '1': '1 - Critical',
    '2': '2 - High',
    '3': '3 - Moderate',
    '4': '4 - Low',
    '5': '5 - Planning',
}
const APPROVAL: Choices = {
    'not requested': 'Not Yet Requested',
    requested: 'Requested',
    approved: 'Approved',
    rejected: 'Rejected',
}

/** Out-of-box choices of task fields, by table; a table not listed falls back to task's. */
const PLATFORM_CHOICES: Record<string, Record<string, Choices>> = {
    task: {
        state: {
            '-5': 'Pending',
            '1': 'Open',
            '2': 'Work in Progress',
            '3': 'Closed Complete',
            '4': 'Closed Incomplete',
            '7': 'Closed Skipped',
        },
        priority: PRIORITY,
        impact: IMPACT_URGENCY,
        urgency: IMPACT_URGENCY,
        approval: APPROVAL,
    },
    incident: {
        state: {
            '1': 'New',
            '2': 'In Progress',
            '3': 'On Hold',
            '6': 'Resolved',
            '7': 'Closed',
            '8': 'Canceled',
        },
    },
    change_request: {
        state: {
            '-5': 'New',
            '-4': 'Assess',
            '-3': 'Authorize',
            '-2': 'Scheduled',
            '-1': 'Implement',
            '0': 'Review',
            '3': 'Closed',
            '4': 'Canceled',
        },
    },
}

/** Tables that extend task (their fields above are task's unless listed). */
const TASK_TABLES = new Set([
    'task',
    'incident',
    'incident_task',
    'problem',
    'problem_task',
    'change_request',
    'change_task',
    'sc_request',
    'sc_req_item',
    'sc_task',
])

const PLATFORM_FIELD_LABELS: Record<string, string> = {
    active: 'Active',
    approval: 'Approval',
    assigned_to: 'Assigned to',
    assignment_group: 'Assignment group',
    caller_id: 'Caller',
    category: 'Category',
    impact: 'Impact',
    priority: 'Priority',
    short_description: 'Short description',
    state: 'State',
    urgency: 'Urgency',
}

export interface FieldLabels {
    /** The label of a table's field, e.g. `State`; undefined when neither the set nor the catalogue knows it. */
    field: (table: string, field: string) => string | undefined
    /** The label of a stored value, e.g. `Closed Incomplete`; undefined when unknown. */
    choice: (table: string, field: string, value: string) => string | undefined
}

/** Labels from the set's own choices and dictionary entries, then the platform catalogue. */
export function fieldLabelsOf(set: UpdateSet): FieldLabels {
    const value = (fields: Record<string, { value: string }>, name: string) => fields[name]?.value ?? ''
    const setChoices = new Map<string, string>()
    for (const record of recordsOfTable(set, 'sys_choice'))
        if (record.action !== 'DELETE')
            setChoices.set(
                `${value(record.fields, 'name')}.${value(record.fields, 'element')}=${value(record.fields, 'value')}`,
                value(record.fields, 'label')
            )
    const setLabels = new Map<string, string>()
    for (const record of recordsOfTable(set, 'sys_dictionary')) {
        const label = value(record.fields, 'column_label')
        if (label && record.action !== 'DELETE')
            setLabels.set(`${value(record.fields, 'name')}.${value(record.fields, 'element')}`, label)
    }
    const platformChoice = (table: string, field: string, stored: string) =>
        PLATFORM_CHOICES[table]?.[field]?.[stored] ??
        (TASK_TABLES.has(table) ? PLATFORM_CHOICES.task?.[field]?.[stored] : undefined)
    return {
        field: (table, field) =>
            setLabels.get(`${table}.${field}`) ?? (TASK_TABLES.has(table) ? PLATFORM_FIELD_LABELS[field] : undefined),
        choice: (table, field, stored) =>
            setChoices.get(`${table}.${field}=${stored}`) ?? platformChoice(table, field, stored),
    }
}
