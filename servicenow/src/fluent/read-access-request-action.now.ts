import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { DateTimeColumn, StringColumn } from '@servicenow/sdk/core'
import { requestedItemInputs } from './action-columns.now'

/**
 * What the requester asked for, for every catalog item the flow serves: Get Catalog Variables
 * reads one template item's variables only, while each access profile has an item of its own. The
 * profile comes from the item's catalog item (x_kpow_jit.access_profiles), never from the form.
 */
export const readAccessRequestAction = Action(
    {
        $id: Now.ID['read_access_request_action'],
        name: 'Kpow - Read Access Request',
        description:
            "Reads a Kpow access request: the access profile that serves the item's catalog item (system property x_kpow_jit.access_profiles) and the item's variables (cluster, topic or consumer group, duration, justification, incident or change number), and who the grant is for (x_kpow_jit.grant_to: the profile's role, or the requester's personal role), and until when the manager may decide (x_kpow_jit.approval_deadline_hours).",
        category: 'Kpow',
        inputs: requestedItemInputs,
        outputs: {
            profile_id: StringColumn({ label: 'Profile ID' }),
            profile_name: StringColumn({ label: 'Profile Name' }),
            actions: StringColumn({ label: 'Kpow Actions' }),
            approvers: StringColumn({ label: 'Approvers', hint: 'manager, group or manager_then_group' }),
            role_name: StringColumn({ label: 'Role Name' }),
            cluster_id: StringColumn({ label: 'Cluster ID' }),
            topic_name: StringColumn({ label: 'Topic Name' }),
            group_name: StringColumn({ label: 'Consumer Group' }),
            resource_type: StringColumn({ label: 'Resource Type' }),
            resource_name: StringColumn({ label: 'Resource Name' }),
            duration_ms: StringColumn({ label: 'Duration MS' }),
            justification: StringColumn({ label: 'Business Justification', maxLength: 4000 }),
            ticket_number: StringColumn({ label: 'Incident or Change Number' }),
            grant_to: StringColumn({ label: 'Grant To', hint: 'role or personal (x_kpow_jit.grant_to)' }),
            reach: StringColumn({ label: 'Reach', maxLength: 1000, hint: 'Who gains the access, in words' }),
            approval_due: DateTimeColumn({
                label: 'Approval Due',
                hint: "Now plus x_kpow_jit.approval_deadline_hours: the manager's approval is rejected if still undecided then",
            }),
            approval_deadline_hours: StringColumn({ label: 'Approval Deadline Hours' }),
        },
    },
    (params) => {
        const read = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['read_access_request_script'], label: 'Read the request and its access profile' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/read-access-request.js'),
                inputVariables: {
                    requested_item: {
                        label: 'Requested Item',
                        value: wfa.dataPill(params.inputs.requested_item, 'reference'),
                    },
                },
                outputVariables: {
                    profile_id: StringColumn({ label: 'Profile ID' }),
                    profile_name: StringColumn({ label: 'Profile Name' }),
                    actions: StringColumn({ label: 'Kpow Actions' }),
                    approvers: StringColumn({ label: 'Approvers' }),
                    role_name: StringColumn({ label: 'Role Name' }),
                    cluster_id: StringColumn({ label: 'Cluster ID' }),
                    topic_name: StringColumn({ label: 'Topic Name' }),
                    group_name: StringColumn({ label: 'Consumer Group' }),
                    resource_type: StringColumn({ label: 'Resource Type' }),
                    resource_name: StringColumn({ label: 'Resource Name' }),
                    duration_ms: StringColumn({ label: 'Duration MS' }),
                    justification: StringColumn({ label: 'Business Justification', maxLength: 4000 }),
                    ticket_number: StringColumn({ label: 'Incident or Change Number' }),
                    grant_to: StringColumn({ label: 'Grant To' }),
                    reach: StringColumn({ label: 'Reach', maxLength: 1000 }),
                    approval_due: DateTimeColumn({ label: 'Approval Due' }),
                    approval_deadline_hours: StringColumn({ label: 'Approval Deadline Hours' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            profile_id: wfa.dataPill(read.profile_id, 'string'),
            profile_name: wfa.dataPill(read.profile_name, 'string'),
            actions: wfa.dataPill(read.actions, 'string'),
            approvers: wfa.dataPill(read.approvers, 'string'),
            role_name: wfa.dataPill(read.role_name, 'string'),
            cluster_id: wfa.dataPill(read.cluster_id, 'string'),
            topic_name: wfa.dataPill(read.topic_name, 'string'),
            group_name: wfa.dataPill(read.group_name, 'string'),
            resource_type: wfa.dataPill(read.resource_type, 'string'),
            resource_name: wfa.dataPill(read.resource_name, 'string'),
            duration_ms: wfa.dataPill(read.duration_ms, 'string'),
            justification: wfa.dataPill(read.justification, 'string'),
            ticket_number: wfa.dataPill(read.ticket_number, 'string'),
            grant_to: wfa.dataPill(read.grant_to, 'string'),
            reach: wfa.dataPill(read.reach, 'string'),
            approval_due: wfa.dataPill(read.approval_due, 'glide_date_time'),
            approval_deadline_hours: wfa.dataPill(read.approval_deadline_hours, 'string'),
        })
    }
)
