// The tables of the local instance, with the fields the flow, its scripts and the pages use.
// Choice values are the platform's own (sc_req_item.state 3 = Closed Complete, ...).
import type { TableSchema } from './tables'

export const requestItemStates = {
    '-5': 'Pending',
    '1': 'Open',
    '2': 'Work in Progress',
    '3': 'Closed Complete',
    '4': 'Closed Incomplete',
    '7': 'Closed Skipped',
} as const

export type RequestItemState = keyof typeof requestItemStates

export const approvalStates = {
    not_requested: 'Not Yet Requested',
    requested: 'Requested',
    approved: 'Approved',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    not_required: 'No Longer Required',
} as const

export type ApprovalState = keyof typeof approvalStates

const approvalChoice = { type: 'choice', choices: approvalStates } as const

export const localInstanceSchemas: TableSchema[] = [
    {
        name: 'sys_user',
        displayField: 'name',
        fields: {
            user_name: { type: 'string' },
            name: { type: 'string' },
            first_name: { type: 'string' },
            last_name: { type: 'string' },
            email: { type: 'string' },
            manager: { type: 'reference', reference: 'sys_user' },
            active: { type: 'boolean', defaultValue: 'true' },
            /** The user's time zone (a zone id such as Europe/Berlin); empty = the system's. */
            time_zone: { type: 'string' },
        },
    },
    {
        name: 'sys_user_group',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            description: { type: 'string' },
            manager: { type: 'reference', reference: 'sys_user' },
            active: { type: 'boolean', defaultValue: 'true' },
        },
    },
    {
        name: 'sys_user_grmember',
        displayField: 'sys_id',
        fields: {
            user: { type: 'reference', reference: 'sys_user' },
            group: { type: 'reference', reference: 'sys_user_group' },
        },
    },
    {
        name: 'sys_app',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            scope: { type: 'string' },
            version: { type: 'string' },
            js_level: { type: 'string' },
        },
    },
    {
        name: 'sc_cat_item',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            short_description: { type: 'string' },
            description: { type: 'string' },
            active: { type: 'boolean', defaultValue: 'true' },
            flow_designer_flow: { type: 'string' },
            category: { type: 'string' },
            sys_scope: { type: 'string' },
        },
    },
    {
        name: 'item_option_new',
        displayField: 'question_text',
        fields: {
            cat_item: { type: 'reference', reference: 'sc_cat_item' },
            name: { type: 'string' },
            question_text: { type: 'string' },
            type: { type: 'string' },
            mandatory: { type: 'boolean', defaultValue: 'false' },
            read_only: { type: 'boolean', defaultValue: 'false' },
            active: { type: 'boolean', defaultValue: 'true' },
            order: { type: 'integer', defaultValue: '0' },
            default_value: { type: 'string' },
            help_text: { type: 'string' },
            tooltip: { type: 'string' },
            example_text: { type: 'string' },
            validate_regex: { type: 'reference', reference: 'question_regex' },
            reference: { type: 'string' },
            choice_table: { type: 'string' },
            choice_field: { type: 'string' },
        },
    },
    {
        name: 'question_regex',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            regex: { type: 'string' },
            validation_message: { type: 'string' },
            active: { type: 'boolean', defaultValue: 'true' },
        },
    },
    {
        // UI actions (ui-actions.ts): the fields the local instance runs; the loader refuses the others set.
        name: 'sys_ui_action',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            action_name: { type: 'string' },
            table: { type: 'string' },
            active: { type: 'string' },
            condition: { type: 'string' },
            script: { type: 'string' },
            form_button: { type: 'string' },
            form_action: { type: 'string' },
            form_style: { type: 'string' },
            show_update: { type: 'string' },
            show_insert: { type: 'string' },
            order: { type: 'string' },
            hint: { type: 'string' },
            /** The app (sys_app sys_id) the action belongs to: which Script Includes its scripts may call. */
            sys_scope: { type: 'string' },
        },
    },
    {
        // Script Includes (script-includes.ts): what a server-side call needs; the loader refuses the rest.
        name: 'sys_script_include',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            api_name: { type: 'string' },
            script: { type: 'string' },
            access: { type: 'string', defaultValue: 'package_private' },
            active: { type: 'string', defaultValue: 'true' },
            description: { type: 'string' },
            sys_scope: { type: 'string' },
        },
    },
    {
        name: 'sys_properties',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            value: { type: 'string' },
            type: { type: 'string' },
            description: { type: 'string' },
        },
    },
    {
        name: 'question_choice',
        displayField: 'text',
        fields: {
            question: { type: 'reference', reference: 'item_option_new' },
            text: { type: 'string' },
            value: { type: 'string' },
            order: { type: 'integer', defaultValue: '0' },
            inactive: { type: 'boolean', defaultValue: 'false' },
        },
    },
    {
        name: 'sc_request',
        displayField: 'number',
        numberPrefix: 'REQ',
        fields: {
            number: { type: 'string' },
            opened_by: { type: 'reference', reference: 'sys_user' },
            requested_for: { type: 'reference', reference: 'sys_user' },
            request_state: { type: 'string', defaultValue: 'requested' },
            state: { type: 'string', defaultValue: '1' },
            approval: { ...approvalChoice, defaultValue: 'not_requested' },
            active: { type: 'boolean', defaultValue: 'true' },
        },
    },
    {
        name: 'sc_req_item',
        displayField: 'number',
        numberPrefix: 'RITM',
        fields: {
            number: { type: 'string' },
            request: { type: 'reference', reference: 'sc_request' },
            cat_item: { type: 'reference', reference: 'sc_cat_item' },
            short_description: { type: 'string' },
            opened_by: { type: 'reference', reference: 'sys_user' },
            requested_for: { type: 'reference', reference: 'sys_user' },
            assigned_to: { type: 'reference', reference: 'sys_user' },
            state: { type: 'choice', choices: requestItemStates, defaultValue: '1' },
            stage: { type: 'string', defaultValue: 'request_approved' },
            approval: { ...approvalChoice, defaultValue: 'not_requested' },
            active: { type: 'boolean', defaultValue: 'true' },
            closed_at: { type: 'date_time' },
            closed_by: { type: 'reference', reference: 'sys_user' },
            // Task fields the app keeps the current Kpow grant in (policy id, when access began, its end).
            correlation_id: { type: 'string' },
            work_start: { type: 'date_time' },
            due_date: { type: 'date_time' },
            work_notes: { type: 'journal' },
            comments: { type: 'journal' },
            approval_history: { type: 'journal' },
        },
    },
    {
        name: 'sc_item_option',
        displayField: 'value',
        fields: {
            item_option_new: { type: 'reference', reference: 'item_option_new' },
            value: { type: 'string' },
        },
    },
    {
        name: 'sc_item_option_mtom',
        displayField: 'sys_id',
        fields: {
            request_item: { type: 'reference', reference: 'sc_req_item' },
            sc_item_option: { type: 'reference', reference: 'sc_item_option' },
        },
    },
    {
        name: 'sysapproval_approver',
        displayField: 'sys_id',
        fields: {
            approver: { type: 'reference', reference: 'sys_user' },
            sysapproval: { type: 'reference', reference: 'sc_req_item' },
            source_table: { type: 'string' },
            document_id: { type: 'string' },
            group: { type: 'reference', reference: 'sys_user_group' },
            state: { ...approvalChoice, defaultValue: 'requested' },
            comments: { type: 'journal' },
            /** Ask For Approval's due date: still requested then, the approval gets the due date's action. */
            due_date: { type: 'date_time' },
        },
    },
    {
        name: 'sys_alias',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            id: { type: 'string' },
            type: { type: 'string' },
            connection_type: { type: 'string' },
            sys_scope: { type: 'string' },
        },
    },
    {
        name: 'basic_auth_credentials',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            user_name: { type: 'string' },
            password: { type: 'password2' },
            active: { type: 'boolean', defaultValue: 'true' },
        },
    },
    {
        name: 'http_connection',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            connection_alias: { type: 'reference', reference: 'sys_alias' },
            connection_url: { type: 'string' },
            credential: { type: 'reference', reference: 'basic_auth_credentials' },
            active: { type: 'boolean', defaultValue: 'true' },
        },
    },
]

/** sys_remote_update_set.state, as the platform names them. */
export const remoteUpdateSetStates = {
    loaded: 'Loaded',
    previewed: 'Previewed',
    committed: 'Committed',
} as const

/** sys_execution_tracker.state: the CI/CD API's progress status (0 pending … 4 cancelled). */
export const progressStates = {
    '0': 'Pending',
    '1': 'Running',
    '2': 'Successful',
    '3': 'Failed',
    '4': 'Cancelled',
} as const

export type ProgressState = keyof typeof progressStates

/**
 * What a deploy reaches: retrieved update sets with their records and preview problems, the
 * committed versions the flow catalog is built from, the Flow Designer records whose state says
 * whether a flow runs, and the CI/CD API's progress records.
 */
export const deploymentSchemas: TableSchema[] = [
    {
        name: 'sys_remote_update_set',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            description: { type: 'string' },
            state: { type: 'choice', choices: remoteUpdateSetStates, defaultValue: 'loaded' },
            application_name: { type: 'string' },
            application_scope: { type: 'string' },
            application_version: { type: 'string' },
            release_date: { type: 'string' },
            remote_sys_id: { type: 'string' },
            commit_date: { type: 'date_time' },
        },
    },
    {
        name: 'sys_update_xml',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            type: { type: 'string' },
            target_name: { type: 'string' },
            table: { type: 'string' },
            action: { type: 'string' },
            application: { type: 'string' },
            payload: { type: 'string' },
            remote_update_set: { type: 'reference', reference: 'sys_remote_update_set' },
        },
    },
    {
        name: 'sys_update_preview_problem',
        displayField: 'description',
        fields: {
            remote_update_set: { type: 'reference', reference: 'sys_remote_update_set' },
            remote_update: { type: 'reference', reference: 'sys_update_xml' },
            type: { type: 'choice', choices: { error: 'Error', warning: 'Warning' }, defaultValue: 'error' },
            status: { type: 'string' },
            description: { type: 'string' },
            missing_item_table: { type: 'string' },
            missing_item: { type: 'string' },
        },
    },
    {
        // The committed version of each update name: the flow catalog is rebuilt from the current ones.
        name: 'sys_update_version',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            type: { type: 'string' },
            action: { type: 'string' },
            payload: { type: 'string' },
            source: { type: 'string' },
            source_table: { type: 'string', defaultValue: 'sys_remote_update_set' },
            state: { type: 'choice', choices: { current: 'Current', previous: 'Previous' }, defaultValue: 'current' },
        },
    },
    {
        name: 'sys_hub_flow',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            internal_name: { type: 'string' },
            type: { type: 'string', defaultValue: 'flow' },
            active: { type: 'boolean', defaultValue: 'false' },
            status: { type: 'string', defaultValue: 'draft' },
            master_snapshot: { type: 'string' },
            sys_scope: { type: 'string' },
        },
    },
    {
        name: 'sys_hub_action_type_definition',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            internal_name: { type: 'string' },
            active: { type: 'boolean', defaultValue: 'true' },
            state: { type: 'string', defaultValue: 'draft' },
            sys_scope: { type: 'string' },
        },
    },
    {
        name: 'sys_execution_tracker',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            state: { type: 'choice', choices: progressStates, defaultValue: '0' },
            percent_complete: { type: 'integer', defaultValue: '0' },
            message: { type: 'string' },
            detail: { type: 'string' },
            result: { type: 'string' },
            source: { type: 'string' },
        },
    },
]

/** sys_email.type, as the platform names an email's place in the mail queue. */
export const emailTypes = {
    'send-ready': 'Send-ready',
    sent: 'Sent',
    'send-ignored': 'Send-ignored',
    'send-failed': 'Send-failed',
} as const

/**
 * Events and email notifications (notifications.ts): the events a set registers, the notifications
 * it defines (only the fields the local instance runs; loading refuses the others when set), the
 * event queue as processed, and the outbox.
 */
export const notificationSchemas: TableSchema[] = [
    {
        name: 'sysevent_register',
        displayField: 'event_name',
        fields: {
            event_name: { type: 'string' },
            suffix: { type: 'string' },
            table: { type: 'string' },
            description: { type: 'string' },
            fired_by: { type: 'string' },
        },
    },
    {
        name: 'sysevent_email_action',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            description: { type: 'string' },
            collection: { type: 'string' },
            active: { type: 'boolean', defaultValue: 'true' },
            generation_type: { type: 'string', defaultValue: 'engine' },
            event_name: { type: 'string' },
            condition: { type: 'string' },
            recipient_users: { type: 'string' },
            recipient_fields: { type: 'string' },
            recipient_groups: { type: 'string' },
            send_self: { type: 'boolean', defaultValue: 'false' },
            event_parm_1: { type: 'boolean', defaultValue: 'false' },
            event_parm_2: { type: 'boolean', defaultValue: 'false' },
            content_type: { type: 'string', defaultValue: 'text/html' },
            subject: { type: 'string' },
            message_html: { type: 'string' },
            message_text: { type: 'string' },
            importance: { type: 'string' },
            from: { type: 'string' },
            reply_to: { type: 'string' },
        },
    },
    {
        // The event queue, as processed: one row per gs.eventQueue / Fire Event, with what it was for.
        name: 'sysevent',
        displayField: 'name',
        fields: {
            name: { type: 'string' },
            table: { type: 'string' },
            instance: { type: 'string' },
            parm1: { type: 'string' },
            parm2: { type: 'string' },
            user: { type: 'string' },
            state: { type: 'choice', choices: { ready: 'Ready', processed: 'Processed' }, defaultValue: 'ready' },
            processed: { type: 'date_time' },
        },
    },
    {
        // The outbox: the local instance has no mail server, so an email stays send-ready.
        name: 'sys_email',
        displayField: 'subject',
        fields: {
            type: { type: 'choice', choices: emailTypes, defaultValue: 'send-ready' },
            mailbox: { type: 'string', defaultValue: 'outbox' },
            recipients: { type: 'string' },
            subject: { type: 'string' },
            body: { type: 'string' },
            body_text: { type: 'string' },
            content_type: { type: 'string', defaultValue: 'text/html' },
            importance: { type: 'string' },
            from: { type: 'string' },
            reply_to: { type: 'string' },
            target_table: { type: 'string' },
            instance: { type: 'string' },
            notification: { type: 'reference', reference: 'sysevent_email_action' },
            event: { type: 'reference', reference: 'sysevent' },
        },
    },
]
