import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { DateTimeColumn, IntegerColumn, StringColumn } from '@servicenow/sdk/core'
import { requestedItemInputs } from './action-columns.now'
import { fallbackApprovalGroup } from './fallback-approval-group.now'

/**
 * The active members of the Kpow Access Approvers group other than the item's requester (opened by or
 * requested for): Ask For Approval has no rule that leaves someone out, so the flow asks these
 * users by name instead of the whole group. A requester is never asked to approve their own access.
 */
export const listFallbackApproversAction = Action(
    {
        $id: Now.ID['list_fallback_approvers_action'],
        name: 'Kpow - List Approvers Other Than The Requester',
        description:
            "Lists the active members of the Kpow Access Approvers group, leaving out the requested item's requester (opened by and requested for), as a comma-separated list of sys_user sys_ids, and until when they may decide (x_kpow_jit.approval_deadline_hours).",
        category: 'Kpow',
        inputs: requestedItemInputs,
        outputs: {
            approvers: StringColumn({ label: 'Approvers', maxLength: 4000 }),
            approver_count: IntegerColumn({ label: 'Approver Count' }),
            approval_due: DateTimeColumn({
                label: 'Approval Due',
                hint: "Now plus x_kpow_jit.approval_deadline_hours: the group's approval is rejected if still undecided then",
            }),
        },
    },
    (params) => {
        const list = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['list_fallback_approvers_script'], label: 'List the group members who may approve' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/list-fallback-approvers.js'),
                inputVariables: {
                    group: { label: 'Group', value: fallbackApprovalGroup.$id },
                    requested_item: {
                        label: 'Requested Item',
                        value: wfa.dataPill(params.inputs.requested_item, 'reference'),
                    },
                },
                outputVariables: {
                    approvers: StringColumn({ label: 'Approvers', maxLength: 4000 }),
                    approver_count: IntegerColumn({ label: 'Approver Count' }),
                    approval_due: DateTimeColumn({ label: 'Approval Due' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            approvers: wfa.dataPill(list.approvers, 'string'),
            approver_count: wfa.dataPill(list.approver_count, 'integer'),
            approval_due: wfa.dataPill(list.approval_due, 'glide_date_time'),
        })
    }
)
