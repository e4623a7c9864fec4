import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { IntegerColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { kpowConnectionAlias } from './kpow-connection-alias.now'

/**
 * POST /admin/v1/temporary-policies. The script step resolves URL and credential from the alias
 * at run time and fails the action with Kpow's status and message on any non-2xx answer.
 */
export const createTemporaryPolicyAction = Action(
    {
        $id: Now.ID['create_temporary_policy_action'],
        name: 'Kpow - Create Temporary Policy',
        description:
            "Grants a Kpow role TOPIC_DATA_QUERY on one topic of one cluster for duration_ms through Kpow's temporary policies API. Fails with Kpow's HTTP status and message when Kpow refuses.",
        category: 'Kpow',
        inputs: {
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
                mandatory: true,
                hint: 'One exact Kafka topic name, no wildcards',
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
                hint: "Requested item that receives a work note with Kpow's HTTP status and message when the action fails",
            }),
        },
        outputs: {
            policy_id: StringColumn({ label: 'Policy ID' }),
            expires_at: StringColumn({
                label: 'Expires At',
                hint: 'When Kpow ends the access: created_ts + duration_ms, in UTC',
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
                    role_name: { label: 'Role Name', value: wfa.dataPill(params.inputs.role_name, 'string') },
                    cluster_id: { label: 'Cluster ID', value: wfa.dataPill(params.inputs.cluster_id, 'string') },
                    topic_name: { label: 'Topic Name', value: wfa.dataPill(params.inputs.topic_name, 'string') },
                    duration_ms: { label: 'Duration MS', value: wfa.dataPill(params.inputs.duration_ms, 'integer') },
                    work_notes_record: {
                        label: 'Work Notes Record',
                        value: wfa.dataPill(params.inputs.work_notes_record, 'reference'),
                    },
                },
                outputVariables: {
                    policy_id: StringColumn({ label: 'Policy ID' }),
                    expires_at: StringColumn({ label: 'Expires At' }),
                    status_code: IntegerColumn({ label: 'HTTP Status' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            policy_id: wfa.dataPill(call.policy_id, 'string'),
            expires_at: wfa.dataPill(call.expires_at, 'string'),
        })
    }
)
