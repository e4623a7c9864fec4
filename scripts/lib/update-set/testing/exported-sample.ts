/**
 * A small global-scope update set of the record kinds reviewers meet in real exports (for tests
 * alone): two business rules that share a name, a script include, a notification with its email
 * template, an ACL, a dictionary entry, a group, a legacy Workflow with its activities, a catalog
 * item with a variable, and a Flow Designer flow whose step values are gzip+base64.
 */
import { createHash } from 'node:crypto'
import { BUILT_IN_ACTIONS, TRIGGERS } from '../flow-designer.ts'
import type { ExportedUpdate } from './exported-set.ts'
import { gzipBase64 } from './exported-set.ts'

/** A stable sys_id for a name of the sample. */
export const sampleId = (name: string) => createHash('md5').update(`sample ${name}`).digest('hex')

const lines = (count: number, line: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => line(index + 1)).join('\n')

export const SAMPLE_IDS = {
    priorityRuleOne: sampleId('business rule 1'),
    priorityRuleTwo: sampleId('business rule 2'),
    scriptInclude: sampleId('script include'),
    notification: sampleId('notification'),
    template: sampleId('email template'),
    acl: sampleId('acl'),
    dictionary: sampleId('dictionary'),
    group: sampleId('group'),
    workflow: sampleId('workflow'),
    workflowVersion: sampleId('workflow version'),
    approvalActivity: sampleId('approval activity'),
    beginActivity: sampleId('begin activity'),
    transition: sampleId('transition'),
    catalogItem: sampleId('catalog item'),
    variable: sampleId('variable'),
    flow: sampleId('flow'),
    trigger: sampleId('trigger'),
    updateStep: sampleId('update step'),
}

const ids = SAMPLE_IDS

/** The sample's updates, fresh each call (tests edit them). */
export function sampleUpdates(): ExportedUpdate[] {
    return [
        {
            type: 'Business Rule',
            targetName: 'Set priority from impact',
            actsOn: 'incident',
            record: {
                table: 'sys_script',
                sysId: ids.priorityRuleOne,
                fields: {
                    name: 'Set priority from impact',
                    collection: 'incident',
                    when: 'before',
                    order: '100',
                    active: 'true',
                    action_insert: 'true',
                    action_update: 'true',
                    condition: 'current.impact.changes()',
                    script: lines(12, (index) => `    var step${String(index)} = current.impact + ${String(index)};`),
                },
            },
        },
        {
            type: 'Business Rule',
            targetName: 'Set priority from impact',
            actsOn: 'incident',
            record: {
                table: 'sys_script',
                sysId: ids.priorityRuleTwo,
                fields: {
                    name: 'Set priority from impact',
                    collection: 'incident',
                    when: 'after',
                    order: '200',
                    active: 'true',
                    action_insert: 'false',
                    action_update: 'true',
                    condition: '',
                    script: '(function executeRule(current, previous) {\n    gs.info("priority");\n})(current, previous);',
                },
            },
        },
        {
            type: 'Script Include',
            targetName: 'KafkaAccessUtils',
            record: {
                table: 'sys_script_include',
                sysId: ids.scriptInclude,
                fields: {
                    name: 'KafkaAccessUtils',
                    api_name: 'global.KafkaAccessUtils',
                    access: 'package_private',
                    active: 'true',
                    client_callable: 'false',
                    description: 'Helpers for Kafka access requests',
                    script: [
                        'var KafkaAccessUtils = Class.create();',
                        'KafkaAccessUtils.prototype = {',
                        '    initialize: function() {},',
                        lines(
                            40,
                            (index) =>
                                `    helper${String(index)}: function(topic) { return topic + "-${String(index)}"; },`
                        ),
                        "    type: 'KafkaAccessUtils'",
                        '};',
                    ].join('\n'),
                },
            },
        },
        {
            type: 'Group',
            targetName: 'Kafka admins',
            record: {
                table: 'sys_user_group',
                sysId: ids.group,
                fields: { name: 'Kafka admins', active: 'true', description: 'Approve Kafka access' },
            },
        },
        {
            type: 'Email Template',
            targetName: 'kafka.access.granted',
            actsOn: 'sc_req_item',
            record: {
                table: 'sysevent_email_template',
                sysId: ids.template,
                fields: {
                    name: 'kafka.access.granted',
                    collection: 'sc_req_item',
                    subject: 'Kafka access granted: ${number}',
                    message_html: '<p>Hello ${requested_for},</p>\n<p>Your access to ${variables.topic} is ready.</p>',
                },
            },
        },
        {
            type: 'Notification',
            targetName: 'Kafka access granted',
            actsOn: 'sc_req_item',
            record: {
                table: 'sysevent_email_action',
                sysId: ids.notification,
                fields: {
                    name: 'Kafka access granted',
                    collection: 'sc_req_item',
                    event_name: 'kafka.access.granted',
                    generation_type: 'event',
                    active: 'true',
                    subject: 'Kafka access granted',
                    template: { value: ids.template, display: 'kafka.access.granted' },
                    recipient_groups: ids.group,
                    message_html: '<p>Access granted.</p>\n<p>It ends at ${variables.end}.</p>',
                    weight: '0',
                },
            },
        },
        {
            type: 'Access Control',
            targetName: 'incident.u_kafka_topic',
            actsOn: 'sys_security_acl',
            record: {
                table: 'sys_security_acl',
                sysId: ids.acl,
                fields: {
                    name: 'incident.u_kafka_topic',
                    operation: { value: 'write', display: 'write' },
                    type: { value: 'record', display: 'record' },
                    active: 'true',
                    admin_overrides: 'true',
                    advanced: 'false',
                    condition: 'active=true^EQ',
                    script: '',
                },
            },
        },
        {
            type: 'Dictionary',
            targetName: 'Incident.Kafka topic',
            name: 'sys_dictionary_incident_u_kafka_topic',
            actsOn: 'incident',
            record: {
                table: 'sys_dictionary',
                sysId: ids.dictionary,
                attributes: { element: 'u_kafka_topic', table: 'incident' },
                fields: {
                    name: 'incident',
                    element: 'u_kafka_topic',
                    column_label: 'Kafka topic',
                    internal_type: { value: 'string', display: 'String' },
                    max_length: '100',
                    mandatory: 'false',
                    read_only: 'false',
                    active: 'true',
                },
            },
        },
        {
            type: 'Workflow',
            targetName: 'Kafka access approval',
            record: {
                table: 'wf_workflow',
                sysId: ids.workflow,
                fields: { name: 'Kafka access approval', template: 'false', access: 'public' },
            },
            children: [
                {
                    table: 'wf_workflow_version',
                    sysId: ids.workflowVersion,
                    fields: {
                        name: 'Kafka access approval',
                        workflow: { value: ids.workflow, display: 'Kafka access approval' },
                        table: 'sc_req_item',
                        published: 'true',
                        condition: '',
                    },
                },
                {
                    table: 'wf_activity',
                    sysId: ids.beginActivity,
                    fields: {
                        name: 'Begin',
                        workflow_version: { value: ids.workflowVersion, display: 'Kafka access approval' },
                        x: '50',
                        y: '50',
                    },
                },
                {
                    table: 'wf_activity',
                    sysId: ids.approvalActivity,
                    fields: {
                        name: 'Approval - Group',
                        workflow_version: { value: ids.workflowVersion, display: 'Kafka access approval' },
                        timeout: '1970-01-02 00:00:00',
                        x: '250',
                        y: '50',
                    },
                },
                {
                    table: 'wf_transition',
                    sysId: ids.transition,
                    fields: {
                        from: { value: ids.beginActivity, display: 'Begin' },
                        to: { value: ids.approvalActivity, display: 'Approval - Group' },
                        order: '1',
                    },
                },
            ],
        },
        {
            type: 'Catalog Item',
            targetName: 'Kafka topic access',
            record: {
                table: 'sc_cat_item',
                sysId: ids.catalogItem,
                fields: {
                    name: 'Kafka topic access',
                    short_description: 'Request access to a Kafka topic',
                    active: 'true',
                    flow_designer_flow: { value: ids.flow, display: 'Grant Kafka access' },
                    category: '',
                    price: '0',
                },
            },
        },
        {
            type: 'Variable',
            targetName: 'Kafka topic access - topic',
            record: {
                table: 'item_option_new',
                sysId: ids.variable,
                fields: {
                    name: 'topic',
                    question_text: 'Topic',
                    type: '6',
                    mandatory: 'true',
                    order: '100',
                    cat_item: { value: ids.catalogItem, display: 'Kafka topic access' },
                    help_text: 'The topic you need',
                },
            },
        },
        {
            type: 'Flow',
            targetName: 'Grant Kafka access',
            record: {
                table: 'sys_hub_flow',
                sysId: ids.flow,
                fields: {
                    name: 'Grant Kafka access',
                    description: 'Grants access once approved',
                    active: 'true',
                    status: 'published',
                    run_as: 'system',
                    type: 'flow',
                },
            },
            children: [
                {
                    table: 'sys_hub_trigger_instance_v2',
                    sysId: ids.trigger,
                    fields: {
                        flow: ids.flow,
                        name: 'Service Catalog',
                        trigger_definition: TRIGGERS.serviceCatalog.sysId,
                        trigger_inputs: gzipBase64([{ name: 'run_flow_in', value: 'background' }]),
                    },
                },
                {
                    table: 'sys_hub_action_instance_v2',
                    sysId: ids.updateStep,
                    fields: {
                        flow: ids.flow,
                        action_type: BUILT_IN_ACTIONS.updateRecord.sysId,
                        order: '1',
                        ui_id: '4a1b2c3d-0000-4000-8000-000000000001',
                        comment: '',
                        values: gzipBase64([
                            { name: 'table_name', value: 'sc_req_item' },
                            { name: 'values', value: 'state=3' },
                        ]),
                    },
                },
            ],
        },
    ]
}
