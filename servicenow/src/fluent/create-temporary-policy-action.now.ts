import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { IntegerColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { kpowConnectionAlias } from './kpow-connection-alias.now'

/**
 * POST /admin/v1/temporary-policies. The script step builds the policy from the access profile's
 * definition on the instance (x_kpow_jit.access_profiles): the caller names the profile and the
 * requester's choices (role, cluster, topic or group, duration), each checked against the profile,
 * never the actions. It resolves URL and credential from the alias at run time and fails the
 * action with Kpow's status and message on any non-2xx answer.
 */
export const createTemporaryPolicyAction = Action(
    {
        $id: Now.ID['create_temporary_policy_action'],
        name: 'Kpow - Create Temporary Policy',
        description:
            "Grants a Kpow role the actions of an access profile on one topic or consumer group of one cluster for duration_ms through Kpow's temporary policies API. Refuses anything the profile does not allow; fails with Kpow's HTTP status and message when Kpow refuses.",
        category: 'Kpow',
        inputs: {
            profile_id: StringColumn({
                label: 'Access Profile',
                mandatory: true,
                hint: 'Id of an access profile in x_kpow_jit.access_profiles, e.g. topic_query',
            }),
            role_name: StringColumn({
                label: 'Role Name',
                mandatory: true,
                hint: 'Kpow role that receives the access, e.g. kafka-users',
            }),
            cluster_id: StringColumn({
                label: 'Cluster ID',
                mandatory: true,
                hint: 'Kafka cluster id (22 characters)',
            }),
            topic_name: StringColumn({
                label: 'Topic Name',
                mandatory: false,
                hint: 'One exact Kafka topic name, no wildcards (topic profiles only)',
            }),
            group_name: StringColumn({
                label: 'Consumer Group',
                mandatory: false,
                hint: 'One exact consumer group id, no wildcards (group profiles only)',
            }),
            duration_ms: IntegerColumn({
                label: 'Duration MS',
                mandatory: true,
                hint: 'Lifetime of the policy in milliseconds',
            }),
            work_notes_record: ReferenceColumn({
                label: 'Work Notes Record',
                referenceTable: 'sc_req_item',
                mandatory: false,
                hint: "Requested item that receives a work note with Kpow's HTTP status and message when the action fails, and on success records the grant (correlation_id = policy id, work_start, due_date)",
            }),
        },
        outputs: {
            policy_id: StringColumn({ label: 'Policy ID' }),
            expires_at: StringColumn({
                label: 'Expires At',
                hint: 'When Kpow ends the access: created_ts + duration_ms, in UTC',
            }),
            inspect_link: StringColumn({
                label: 'Inspect Link',
                maxLength: 1000,
                hint: 'Kpow Data > Inspect: <x_kpow_jit.kpow_ui_url>/#/tenant/__kpow_global/cluster/<id>/data/inspect?topic=<topic>, for topic profiles when the property is set; else empty',
            }),
            policy: StringColumn({
                label: 'Policy',
                maxLength: 4000,
                hint: 'The policy as Kpow holds it: role, actions and resource',
            }),
            access_duration: StringColumn({
                label: 'Access Duration',
                hint: 'How long Kpow keeps the access, as a glide_duration value (1970-01-01 HH:mm:ss)',
            }),
        },
    },
    (params) => {
        const call = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['create_temporary_policy_script'], label: 'Call Kpow: create temporary policy' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/create-temporary-policy.js'),
                inputVariables: {
                    connection_alias: { label: 'Connection Alias', value: kpowConnectionAlias.$id },
                    profile_id: { label: 'Access Profile', value: wfa.dataPill(params.inputs.profile_id, 'string') },
                    role_name: { label: 'Role Name', value: wfa.dataPill(params.inputs.role_name, 'string') },
                    cluster_id: { label: 'Cluster ID', value: wfa.dataPill(params.inputs.cluster_id, 'string') },
                    topic_name: { label: 'Topic Name', value: wfa.dataPill(params.inputs.topic_name, 'string') },
                    group_name: { label: 'Consumer Group', value: wfa.dataPill(params.inputs.group_name, 'string') },
                    duration_ms: { label: 'Duration MS', value: wfa.dataPill(params.inputs.duration_ms, 'integer') },
                    work_notes_record: {
                        label: 'Work Notes Record',
                        value: wfa.dataPill(params.inputs.work_notes_record, 'reference'),
                    },
                },
                outputVariables: {
                    policy_id: StringColumn({ label: 'Policy ID' }),
                    expires_at: StringColumn({ label: 'Expires At' }),
                    inspect_link: StringColumn({ label: 'Inspect Link', maxLength: 1000 }),
                    policy: StringColumn({ label: 'Policy', maxLength: 4000 }),
                    access_duration: StringColumn({ label: 'Access Duration' }),
                    status_code: IntegerColumn({ label: 'HTTP Status' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            policy_id: wfa.dataPill(call.policy_id, 'string'),
            expires_at: wfa.dataPill(call.expires_at, 'string'),
            inspect_link: wfa.dataPill(call.inspect_link, 'string'),
            policy: wfa.dataPill(call.policy, 'string'),
            access_duration: wfa.dataPill(call.access_duration, 'string'),
        })
    }
)
