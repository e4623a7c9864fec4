/**
 * Corpus sets of records other than flows: a legacy Workflow behind a catalog item, a record
 * producer, business rules and script includes, notifications with mail scripts, ACLs, events,
 * DELETE updates and records that share a name.
 */
import type { Fields, Update } from './export-writer.ts'
import { exportXml, id, recordXml, ref, single } from './export-writer.ts'
import { htmlBody, vipEventRegistration } from './flow-sets.ts'

const TRUE = 'true'

/** One choice of a Select Box variable. */
function choice(
    seed: string,
    variableId: string,
    question: string,
    order: number,
    text: string,
    value: string
): Update {
    return single(
        'question_choice',
        id(seed),
        { order: String(order), question: ref(variableId, question), text, value },
        { target: text, type: 'Question Choice' }
    )
}

// ---------------------------------------------------------------- legacy Workflow + catalog item

interface Activity {
    key: string
    name: string
    definition: string
    x: number
    y: number
    vars?: [string, string][]
    conditions?: { name: string; condition: string }[]
}

interface Transition {
    from: string
    condition: string
    to: string
}

export const LAPTOP_WORKFLOW = 'Laptop Request Fulfilment'

export function workflowSet(): string {
    const name = LAPTOP_WORKFLOW
    const workflowId = id(`workflow ${name}`)
    const versionId = id(`workflow ${name} version`)
    const activities: Activity[] = [
        {
            key: 'begin',
            name: 'Begin',
            definition: 'Begin',
            x: 40,
            y: 40,
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'approval',
            name: 'Manager approval',
            definition: 'Approval - User',
            x: 40,
            y: 160,
            vars: [
                ['approver_users', ''],
                ['approval_script', 'answer = [current.request.requested_for.manager];'],
                ['wait_for', 'anyone'],
            ],
            conditions: [
                { name: 'Approved', condition: "activity.result == 'approved'" },
                { name: 'Rejected', condition: "activity.result == 'rejected'" },
            ],
        },
        {
            key: 'developer',
            name: 'Developer laptop?',
            definition: 'If',
            x: 40,
            y: 300,
            vars: [['advanced_script', "answer = current.variables.laptop_model == 'developer' ? 'yes' : 'no';"]],
            conditions: [
                { name: 'Yes', condition: "activity.result == 'yes'" },
                { name: 'No', condition: "activity.result == 'no'" },
            ],
        },
        {
            key: 'dev task',
            name: 'Image developer build',
            definition: 'Catalog Task',
            x: 0,
            y: 420,
            vars: [
                ['short_description', 'Image a developer laptop for ${request.requested_for}'],
                ['assignment_group', 'End User Computing'],
                ['wait', TRUE],
            ],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'std task',
            name: 'Image standard build',
            definition: 'Catalog Task',
            x: 200,
            y: 420,
            vars: [
                ['short_description', 'Image a standard laptop for ${request.requested_for}'],
                ['assignment_group', 'End User Computing'],
                ['wait', TRUE],
            ],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'asset',
            name: 'Record the asset',
            definition: 'Run Script',
            x: 100,
            y: 540,
            vars: [
                [
                    'script',
                    "var asset = new GlideRecord('alm_hardware');\nasset.initialize();\nasset.model_category.setDisplayValue('Computer');\nasset.assigned_to = current.request.requested_for;\nasset.insert();",
                ],
            ],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'close',
            name: 'Close the item',
            definition: 'Set Values',
            x: 100,
            y: 660,
            vars: [['values', 'state=3^stage=complete^EQ']],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'tell',
            name: 'Tell the requester',
            definition: 'Notification',
            x: 400,
            y: 300,
            vars: [
                ['to', '${request.requested_for}'],
                ['subject', 'Your laptop request was rejected'],
                ['message_html', htmlBody('rejection', 3)],
            ],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        {
            key: 'reject',
            name: 'Mark rejected',
            definition: 'Set Values',
            x: 400,
            y: 420,
            vars: [['values', 'state=4^stage=Request Cancelled^EQ']],
            conditions: [{ name: 'Always', condition: 'true' }],
        },
        { key: 'end', name: 'End', definition: 'End', x: 200, y: 800 },
    ]
    const transitions: Transition[] = [
        { from: 'begin', condition: 'Always', to: 'approval' },
        { from: 'approval', condition: 'Approved', to: 'developer' },
        { from: 'approval', condition: 'Rejected', to: 'tell' },
        { from: 'developer', condition: 'Yes', to: 'dev task' },
        { from: 'developer', condition: 'No', to: 'std task' },
        { from: 'dev task', condition: 'Always', to: 'asset' },
        { from: 'std task', condition: 'Always', to: 'asset' },
        { from: 'asset', condition: 'Always', to: 'close' },
        { from: 'close', condition: 'Always', to: 'end' },
        { from: 'tell', condition: 'Always', to: 'reject' },
        { from: 'reject', condition: 'Always', to: 'end' },
    ]
    const activityId = (key: string) => id(`${name} activity ${key}`)
    const conditionId = (key: string, conditionName: string) => id(`${name} condition ${key} ${conditionName}`)
    const activityName = (key: string) => activities.find((activity) => activity.key === key)?.name ?? key
    const workflowRecords = [
        recordXml('wf_workflow', workflowId, {
            access: 'public',
            description: 'Approves and fulfils a standard laptop request.',
            name,
            template: 'false',
        }),
        recordXml('wf_workflow_version', versionId, {
            active: TRUE,
            after_business_rules: TRUE,
            condition: '',
            condition_type: '',
            description: 'Approves and fulfils a standard laptop request.',
            expected_time: '1970-01-03 00:00:00',
            name,
            order: '100',
            published: TRUE,
            run_multiple: 'false',
            start: ref(activityId('begin'), 'Begin'),
            table: 'sc_req_item',
            workflow: ref(workflowId, name),
        }),
        ...activities.flatMap((activity) => [
            recordXml('wf_activity', activityId(activity.key), {
                activity_definition: ref(id(`wf activity definition ${activity.definition}`), activity.definition),
                height: '80',
                input: '',
                is_parent: 'false',
                name: activity.name,
                out_of_date: 'false',
                parent: '',
                stage: '',
                timeout: '1970-01-01 00:00:00',
                vars: '',
                width: '150',
                workflow_version: ref(versionId, name),
                x: String(activity.x),
                y: String(activity.y),
            }),
            ...(activity.conditions ?? []).map((condition, index) =>
                recordXml('wf_condition', conditionId(activity.key, condition.name), {
                    activity: ref(activityId(activity.key), activity.name),
                    condition: condition.condition,
                    else_flag: 'false',
                    name: condition.name,
                    order: String((index + 1) * 100),
                    short_description: condition.name,
                    skip_during_generate: 'false',
                })
            ),
            ...(activity.vars ?? []).map(([variable, value], index) =>
                recordXml('sys_variable_value', id(`${name} activity ${activity.key} var ${variable}`), {
                    document: 'wf_activity',
                    document_key: activityId(activity.key),
                    order: String(index + 1),
                    value,
                    variable: ref(id(`wf variable ${activity.definition} ${variable}`), variable),
                })
            ),
        ]),
        ...transitions.map((transition) =>
            recordXml('wf_transition', id(`${name} transition ${transition.from} ${transition.condition}`), {
                condition: ref(conditionId(transition.from, transition.condition), transition.condition),
                from: ref(activityId(transition.from), activityName(transition.from)),
                order: '',
                to: ref(activityId(transition.to), activityName(transition.to)),
            })
        ),
    ]
    const itemId = id('catalog item standard laptop')
    const bareItemId = id('catalog item loaner')
    const variable = (item: string, itemName: string, key: string, fields: Fields) =>
        single(
            'item_option_new',
            id(`${itemName} variable ${key}`),
            {
                active: TRUE,
                cat_item: ref(item, itemName),
                default_value: '',
                help_text: '',
                mandatory: 'false',
                name: key,
                order: '100',
                question_text: key,
                validate_regex: '',
                variable_set: '',
                ...fields,
            },
            { target: `${String(fields.question_text ?? key)}`, type: 'Variable' }
        )
    const modelVariable = id('Standard Laptop variable laptop_model')
    return exportXml(
        { name: 'Laptop request (Workflow)', description: 'A catalog item fulfilled by a legacy Workflow.' },
        [
            {
                name: `wf_workflow_${workflowId}`,
                collection: 'wf_workflow',
                targetName: name,
                type: 'Workflow',
                records: workflowRecords,
            },
            single(
                'sc_cat_item',
                itemId,
                {
                    active: TRUE,
                    category: ref(id('category hardware'), 'Hardware'),
                    delivery_plan: '',
                    flow_designer_flow: '',
                    name: 'Standard Laptop',
                    no_quantity: 'false',
                    price: '1200',
                    sc_catalogs: id('catalog service catalog'),
                    short_description: 'A laptop for everyday work, imaged and delivered in three days.',
                    workflow: ref(workflowId, name),
                },
                { target: 'Standard Laptop', type: 'Catalog Item' }
            ),
            variable(itemId, 'Standard Laptop', 'laptop_model', {
                mandatory: TRUE,
                order: '100',
                question_text: 'Which build?',
                type: '5',
            }),
            choice('laptop model standard', modelVariable, 'Which build?', 100, 'Standard', 'standard'),
            choice('laptop model developer', modelVariable, 'Which build?', 200, 'Developer (32 GB)', 'developer'),
            variable(itemId, 'Standard Laptop', 'needed_by', { order: '200', question_text: 'Needed by', type: '9' }),
            single(
                'sc_cat_item',
                bareItemId,
                {
                    active: 'false',
                    flow_designer_flow: '',
                    name: 'Loaner Laptop',
                    short_description: 'Borrow a laptop for up to two weeks.',
                    workflow: '',
                },
                { target: 'Loaner Laptop', type: 'Catalog Item' }
            ),
            single(
                'catalog_script_client',
                id('client script laptop'),
                {
                    active: TRUE,
                    applies_catalog: TRUE,
                    cat_item: ref(itemId, 'Standard Laptop'),
                    cat_variable: `IO:${modelVariable}`,
                    name: 'Warn about developer build cost',
                    script: "function onChange(control, oldValue, newValue) {\n    if (newValue == 'developer') g_form.showFieldMsg('laptop_model', 'Needs director approval', 'info');\n}",
                    type: 'onChange',
                    ui_type: '10',
                },
                { target: 'Warn about developer build cost', type: 'Catalog Client Script' }
            ),
        ]
    )
}

// ---------------------------------------------------------------- record producer

export function recordProducerSet(): string {
    const producerId = id('producer phishing')
    const producerName = 'Report a Phishing Email'
    const variable = (key: string, order: number, fields: Fields): Update =>
        single(
            'item_option_new',
            id(`${producerName} variable ${key}`),
            {
                active: TRUE,
                cat_item: ref(producerId, producerName),
                default_value: '',
                mandatory: 'false',
                map_to_field: 'false',
                field: '',
                name: key,
                order: String(order),
                validate_regex: '',
                ...fields,
            },
            { target: String(fields.question_text ?? key), type: 'Variable' }
        )
    const urgency = id(`${producerName} variable urgency`)
    return exportXml({ name: 'Phishing report producer', description: 'A record producer with its variables.' }, [
        single(
            'sc_cat_item_producer',
            producerId,
            {
                active: TRUE,
                can_cancel: TRUE,
                category: ref(id('category security'), 'Security'),
                description: '<p>Forward the suspicious email as an attachment and tell us what happened.</p>',
                name: producerName,
                post_insert_script: '',
                redirect_url: 'generated_record',
                sc_catalogs: id('catalog service catalog'),
                script: "current.category = 'security';\ncurrent.subcategory = 'phishing';\ncurrent.short_description = 'Phishing report: ' + producer.subject_line;\ncurrent.contact_type = 'self-service';",
                short_description: 'Tell the security team about a suspicious email.',
                table_name: 'incident',
                template: 'category=security^subcategory=phishing^EQ',
            },
            { target: producerName, type: 'Record Producer' }
        ),
        variable('subject_line', 100, { mandatory: TRUE, question_text: 'Subject of the email', type: '6' }),
        variable('sender', 200, { question_text: 'Sender address', type: '26' }),
        variable('received', 300, { question_text: 'When did it arrive?', type: '10' }),
        variable('clicked', 400, { question_text: 'Did you click a link or open an attachment?', type: '1' }),
        variable('urgency', 500, {
            field: 'urgency',
            map_to_field: TRUE,
            mandatory: TRUE,
            question_text: 'How urgent is it?',
            type: '5',
        }),
        choice('phishing urgency high', urgency, 'How urgent is it?', 100, 'I clicked a link', '1'),
        choice('phishing urgency low', urgency, 'How urgent is it?', 200, 'I only received it', '3'),
        variable('details', 600, { question_text: 'Anything else we should know?', type: '2' }),
        single(
            'catalog_ui_policy',
            id('phishing ui policy'),
            {
                active: TRUE,
                applies_catalog: TRUE,
                catalog_conditions: 'IO:' + id(`${producerName} variable clicked`) + '=true^EQ',
                catalog_item: ref(producerId, producerName),
                short_description: 'Ask for details when a link was clicked',
            },
            { target: 'Ask for details when a link was clicked', type: 'Catalog UI Policy' }
        ),
    ])
}

// ---------------------------------------------------------------- business rules + script includes

export function businessRule(key: string, fields: Fields, table: string, action?: 'DELETE'): Update {
    const name = String(fields.name)
    return single(
        'sys_script',
        id(`business rule ${key}`),
        {
            abort_action: 'false',
            action_delete: 'false',
            action_insert: 'false',
            action_query: 'false',
            action_update: 'false',
            active: TRUE,
            add_message: 'false',
            advanced: TRUE,
            change_fields: 'false',
            client_callable: 'false',
            collection: table,
            condition: '',
            description: '',
            execute_function: 'false',
            filter_condition: { value: '', attributes: { table } },
            is_rest: 'false',
            message: '',
            order: '100',
            priority: '100',
            rest_method: '',
            rest_service: '',
            rest_variables: '',
            role_conditions: '',
            script: '',
            template: '',
            when: 'before',
            ...fields,
        },
        { target: name, type: 'Business Rule', collection: table, ...(action ? { action } : {}) },
        action ? { action } : {}
    )
}

export function scriptInclude(
    key: string,
    name: string,
    script: string,
    fields: Fields = {},
    action?: 'DELETE'
): Update {
    return single(
        'sys_script_include',
        id(`script include ${key}`),
        {
            access: 'package_private',
            active: TRUE,
            api_name: `global.${name}`,
            caller_access: '',
            client_callable: 'false',
            description: '',
            name,
            script,
            ...fields,
        },
        { target: name, type: 'Script Include', ...(action ? { action } : {}) },
        action ? { action } : {}
    )
}

export function businessRulesSet(): string {
    const riskTiers: [string, string][] = [
        ['1', 'Tier 1 - Critical service'],
        ['2', 'Tier 2 - Important service'],
        ['3', 'Tier 3 - Other'],
    ]
    return exportXml(
        { name: 'Incident and change rules', description: 'Business rules, script includes and a choice list.' },
        [
            businessRule(
                'p1 defaults',
                {
                    action_insert: TRUE,
                    filter_condition: { value: 'priority=1^stateIN1,2^EQ', attributes: { table: 'incident' } },
                    name: 'Page the on-call manager for P1',
                    order: '50',
                    script: '(function executeRule(current, previous /*null when async*/) {\n    new OnCallPager().page(current);\n})(current, previous);',
                    when: 'after',
                },
                'incident'
            ),
            businessRule(
                'risk tier',
                {
                    action_update: TRUE,
                    filter_condition: {
                        value: 'u_risk_tier=1^ORu_risk_tier=2^approvalNOT INapproved,rejected^EQ',
                        attributes: { table: 'change_request' },
                    },
                    name: 'Require CAB for risky tiers',
                    script: '(function executeRule(current, previous) {\n    current.cab_required = true;\n})(current, previous);',
                    when: 'before',
                },
                'change_request'
            ),
            businessRule(
                'display',
                {
                    name: 'Show SLA breach banner',
                    script: '(function executeRule(current, previous) {\n    g_scratchpad.slaBreached = new SlaCheck().breached(current);\n})(current, previous);',
                    when: 'display',
                },
                'incident'
            ),
            businessRule(
                'closed',
                {
                    action_update: TRUE,
                    condition: 'current.state.changesTo(7) && !current.close_notes.nil()',
                    name: 'Archive closed incident notes',
                    script: '(function executeRule(current, previous) {\n    new NoteArchive().archive(current);\n})(current, previous);',
                    when: 'async',
                },
                'incident'
            ),
            scriptInclude(
                'on call pager',
                'OnCallPager',
                "var OnCallPager = Class.create();\nOnCallPager.prototype = {\n    initialize: function() {},\n    page: function(incident) {\n        var rota = new GlideRecord('cmn_rota');\n        rota.get('name', 'Major incident');\n        gs.eventQueue('oncall.page', incident, rota.getValue('sys_id'));\n    },\n    type: 'OnCallPager'\n};",
                { description: 'Pages whoever is on call for major incidents.' }
            ),
            scriptInclude(
                'sla check ajax',
                'SlaCheck',
                "var SlaCheck = Class.create();\nSlaCheck.prototype = Object.extendsObject(AbstractAjaxProcessor, {\n    breached: function(task) {\n        var sla = new GlideRecord('task_sla');\n        sla.addQuery('task', task.getUniqueValue());\n        sla.addQuery('has_breached', true);\n        sla.query();\n        return sla.hasNext();\n    },\n    type: 'SlaCheck'\n});",
                { client_callable: TRUE, access: 'public' }
            ),
            ...riskTiers.map(([value, label], index) =>
                single(
                    'sys_choice',
                    id(`choice risk tier ${value}`),
                    {
                        dependent_value: '',
                        element: 'u_risk_tier',
                        hint: '',
                        inactive: 'false',
                        label,
                        language: 'en',
                        name: 'change_request',
                        sequence: String((index + 1) * 10),
                        value,
                    },
                    { target: `change_request.u_risk_tier ${value}`, type: 'Choice', collection: 'change_request' },
                    { updateName: `sys_choice_change_request_u_risk_tier_${value}` }
                )
            ),
            single(
                'sys_dictionary',
                id('dictionary risk tier'),
                {
                    active: TRUE,
                    column_label: 'Risk tier',
                    choice: '3',
                    element: 'u_risk_tier',
                    internal_type: ref('integer', 'Integer'),
                    max_length: '40',
                    name: 'change_request',
                },
                { target: 'change_request.u_risk_tier', type: 'Dictionary', collection: 'change_request' },
                { updateName: 'sys_dictionary_change_request_u_risk_tier' }
            ),
        ]
    )
}

// ---------------------------------------------------------------- notifications + mail scripts

export function notification(key: string, fields: Fields, action?: 'DELETE'): Update {
    const name = String(fields.name)
    return single(
        'sysevent_email_action',
        id(`notification ${key}`),
        {
            action_insert: 'false',
            action_update: 'false',
            active: TRUE,
            collection: 'incident',
            condition: '',
            content_type: 'text/html',
            event_name: '',
            event_parm_1: 'false',
            event_parm_2: 'false',
            generation_type: 'engine',
            item_table: '',
            message: '',
            message_html: '',
            message_text: '',
            recipient_fields: '',
            recipient_groups: '',
            recipient_users: '',
            send_self: 'false',
            subject: '',
            template: '',
            type: 'EMAIL',
            weight: '0',
            ...fields,
        },
        { target: name, type: 'Notification', collection: 'incident', ...(action ? { action } : {}) },
        action ? { action } : {}
    )
}

export function notificationsSet(): string {
    return exportXml({ name: 'VIP notifications', description: 'Notifications with HTML bodies and mail scripts.' }, [
        notification('vip raised', {
            event_name: 'incident.vip.raised',
            generation_type: 'event',
            message_html: `${htmlBody('VIP incident', 30)}\n<div>\${mail_script:vip_incident_summary}</div>`,
            name: 'VIP incident raised',
            recipient_fields: 'caller_id.manager,assignment_group',
            recipient_groups: ref(id('group service desk'), 'Service Desk'),
            recipient_users: '',
            subject: 'VIP incident ${number}: ${short_description}',
            event_parm_1: TRUE,
        }),
        notification('resolved', {
            action_update: TRUE,
            condition: 'state=6^priority<=2^EQ',
            message_html: '<p>Your incident ${number} was resolved. ${mail_script:satisfaction_link}</p>',
            name: 'High priority incident resolved',
            recipient_fields: 'caller_id',
            subject: 'Resolved: ${number}',
        }),
        notification('sla breach', {
            event_name: 'incident.sla.breached',
            generation_type: 'event',
            message_text: 'The SLA of ${number} breached.',
            content_type: 'text/plain',
            name: 'SLA breached',
            recipient_users: ref(id('user duty manager'), 'Duty Manager'),
            subject: 'SLA breached on ${number}',
        }),
        vipEventRegistration(),
        single(
            'sys_script_email',
            id('mail script vip summary'),
            {
                name: 'vip_incident_summary',
                new_lines_to_html: 'false',
                script: "(function runMailScript(current, template, email, email_action, event) {\n    template.print('<p>Caller: ' + current.caller_id.getDisplayValue() + '</p>');\n    template.print('<p>Business service: ' + current.business_service.getDisplayValue() + '</p>');\n})(current, template, email, email_action, event);",
            },
            { target: 'vip_incident_summary', type: 'Email Script' }
        ),
        single(
            'sysevent_email_template',
            id('email template vip'),
            {
                collection: 'incident',
                message_html: '<p>${mail_script:vip_incident_summary}</p>',
                name: 'vip.incident.template',
                subject: 'VIP: ${number}',
            },
            { target: 'vip.incident.template', type: 'Email Template' }
        ),
    ])
}

// ---------------------------------------------------------------- ACLs

export interface AclSpec {
    key: string
    name: string
    operation: string
    type: string
    roles: string[]
    condition?: string
    script?: string
}

/** An ACL and, as separate updates the way instances record them, the roles it requires. */
export function acl(spec: AclSpec, action?: 'DELETE'): Update[] {
    const sysId = id(`acl ${spec.key}`)
    const extra = action ? { action } : {}
    return [
        single(
            'sys_security_acl',
            sysId,
            {
                active: TRUE,
                admin_overrides: TRUE,
                advanced: spec.script ? TRUE : 'false',
                condition: spec.condition ?? '',
                decision_type: 'allow',
                description: '',
                name: spec.name,
                operation: ref(spec.operation, spec.operation),
                script: spec.script ?? '',
                type: ref(spec.type, spec.type),
            },
            { target: spec.name, type: 'Access Control', ...extra },
            extra
        ),
        ...spec.roles.map((role) =>
            single(
                'sys_security_acl_role',
                id(`acl ${spec.key} role ${role}`),
                { sys_security_acl: ref(sysId, spec.name), sys_user_role: ref(id(`role ${role}`), role) },
                { target: `${spec.name} ${role}`, type: 'Access Roles', ...extra },
                extra
            )
        ),
    ]
}

export const CORPUS_ACLS: AclSpec[] = [
    {
        key: 'secret read',
        name: 'incident.u_vendor_ticket',
        operation: 'read',
        type: 'record',
        roles: ['itil', 'vendor_manager'],
    },
    {
        key: 'hr write',
        name: 'sn_hr_core_case',
        operation: 'write',
        type: 'record',
        roles: ['sn_hr_core.case_writer'],
        condition: 'active=true^assigned_to=javascript:gs.getUserID()^EQ',
        script: "answer = current.hr_service.getRefRecord().getValue('confidential') != 'true';",
    },
    { key: 'rest', name: 'Acme Asset API', operation: 'execute', type: 'rest_endpoint', roles: ['acme.api_user'] },
    { key: 'page', name: 'acme_dashboard', operation: 'read', type: 'ui_page', roles: [] },
]

export function aclSet(): string {
    return exportXml({ name: 'Access rules', description: 'ACLs with their roles and a new role.' }, [
        ...CORPUS_ACLS.flatMap((spec) => acl(spec)),
        single(
            'sys_user_role',
            id('role vendor_manager'),
            {
                assignable_by: '',
                description: 'Manages vendor tickets',
                elevated_privilege: 'false',
                grantable: TRUE,
                includes_roles: '',
                name: 'vendor_manager',
                requires_subscription: 'false',
                suffix: 'vendor_manager',
            },
            { target: 'vendor_manager', type: 'Role' }
        ),
    ])
}

// ---------------------------------------------------------------- DELETE updates

export function deletesSet(): string {
    const [secret] = CORPUS_ACLS
    if (!secret) throw new Error('no ACL in the corpus')
    const flowName = 'Retired Onboarding Flow'
    const flowId = id(`flow ${flowName}`)
    return exportXml({ name: 'Clean-up', description: 'Deletes records other sets created.' }, [
        ...acl(secret, 'DELETE'),
        businessRule(
            'display',
            { name: 'Show SLA breach banner', when: 'display', script: 'g_scratchpad.slaBreached = false;' },
            'incident',
            'DELETE'
        ),
        scriptInclude('sla check ajax', 'SlaCheck', 'var SlaCheck = Class.create();', {}, 'DELETE'),
        notification('sla breach', { name: 'SLA breached', event_name: 'incident.sla.breached' }, 'DELETE'),
        single(
            'sys_hub_flow',
            flowId,
            { active: 'false', name: flowName, status: 'published', type: 'flow' },
            { target: flowName, type: 'Flow', action: 'DELETE' }
        ),
        businessRule(
            'p1 defaults',
            {
                action_insert: TRUE,
                active: 'false',
                filter_condition: { value: 'priority=1^stateIN1,2^EQ', attributes: { table: 'incident' } },
                name: 'Page the on-call manager for P1',
                order: '50',
                script: '// paging moved to the on-call flow',
                when: 'after',
            },
            'incident'
        ),
    ])
}

// ---------------------------------------------------------------- records sharing a name

export function sameNamesSet(): string {
    return exportXml({ name: 'Same names', description: 'Records of one kind that share a display name.' }, [
        businessRule(
            'defaults incident',
            { action_insert: TRUE, name: 'Set defaults', script: 'current.impact = 3;', when: 'before' },
            'incident'
        ),
        businessRule(
            'defaults problem',
            { action_insert: TRUE, name: 'Set defaults', script: 'current.impact = 2;', when: 'before' },
            'problem'
        ),
        businessRule(
            'defaults incident again',
            { action_update: TRUE, name: 'Set defaults', script: 'current.urgency = 3;', when: 'before', order: '200' },
            'incident'
        ),
        notification('assigned incident', {
            action_update: TRUE,
            condition: 'assigned_toVALCHANGES^assigned_toISNOTEMPTY^EQ',
            message_html: '<p>${number} is yours.</p>',
            name: 'Assigned to me',
            recipient_fields: 'assigned_to',
            subject: '${number} assigned to you',
        }),
        notification('assigned problem', {
            action_update: TRUE,
            collection: 'problem',
            condition: 'assigned_toISNOTEMPTY^EQ',
            message_html: '<p>Problem ${number} is yours.</p>',
            name: 'Assigned to me',
            recipient_fields: 'assigned_to',
            subject: 'Problem ${number} assigned to you',
        }),
        scriptInclude(
            'utils global',
            'TaskUtils',
            'var TaskUtils = Class.create();\nTaskUtils.prototype = { type: "TaskUtils" };'
        ),
        scriptInclude(
            'utils hr',
            'TaskUtils',
            'var TaskUtils = Class.create();\nTaskUtils.prototype = { hr: true, type: "TaskUtils" };',
            { api_name: 'sn_hr_core.TaskUtils' }
        ),
    ])
}

// ---------------------------------------------------------------- events

export function eventsSet(): string {
    const events = [
        { key: 'oncall.page', table: 'incident', description: 'Page the on-call engineer' },
        { key: 'oncall.acknowledged', table: 'incident', description: 'The engineer acknowledged the page' },
        { key: 'acme.asset.retired', table: 'alm_hardware', description: 'A hardware asset was retired' },
    ]
    return exportXml({ name: 'On-call events', description: 'Events, script actions and the rules that queue them.' }, [
        ...events.map((event) =>
            single(
                'sysevent_register',
                id(`event ${event.key}`),
                {
                    description: event.description,
                    event_name: event.key,
                    fired_by: '',
                    priority: '100',
                    queue: '',
                    table: event.table,
                },
                { target: event.key, type: 'Event Registration' }
            )
        ),
        single(
            'sysevent_script_action',
            id('script action page'),
            {
                active: TRUE,
                condition_script: '',
                event_name: 'oncall.page',
                name: 'Send the page',
                order: '100',
                script: 'var pager = new OnCallPager();\npager.send(current, event.parm1);',
                synchronous: 'false',
            },
            { target: 'Send the page', type: 'Script Action' }
        ),
        single(
            'sysevent_script_action',
            id('script action escalate'),
            {
                active: TRUE,
                event_name: 'oncall.escalated',
                name: 'Escalate an unanswered page',
                order: '200',
                script: "gs.info('escalating ' + current.number);",
                synchronous: 'false',
            },
            { target: 'Escalate an unanswered page', type: 'Script Action' }
        ),
        businessRule(
            'queue ack',
            {
                action_update: TRUE,
                filter_condition: { value: 'u_acknowledgedCHANGESTOtrue^EQ', attributes: { table: 'incident' } },
                name: 'Queue acknowledgement event',
                script: "gs.eventQueue('oncall.acknowledged', current, gs.getUserID());",
                when: 'after',
            },
            'incident'
        ),
        notification('page ack', {
            event_name: 'oncall.acknowledged',
            generation_type: 'event',
            message_html: '<p>${number} was acknowledged by ${event.parm1}.</p>',
            name: 'Page acknowledged',
            recipient_fields: 'opened_by',
            subject: 'Acknowledged: ${number}',
        }),
    ])
}
