import { action, Subflow, wfa } from '@servicenow/sdk/automation'
import { DateTimeColumn, StringColumn } from '@servicenow/sdk/core'
import { requestedItemSubflowInput } from './action-columns.now'
import { listFallbackApproversAction } from './list-fallback-approvers-action.now'
import { readApprovalDecisionAction } from './read-approval-decision-action.now'

/**
 * The approval every Kpow access item goes through, shared by Kpow Access Lifecycle (a request) and
 * Kpow Access Extension (an extension the profile does not pre-approve): the requester's manager,
 * the Kpow Access Approvers group without the requester, or both in sequence, as the profile's
 * approvers say; never approved at once when nobody but the requester could approve. The outcome
 * tells a deadline from a person and does not count an approval by the requester; a rejection is
 * told to the requester on the item with the approver's name and comment. The callers close the
 * item in their own words.
 */
export const decideAccessSubflow = Subflow(
    {
        $id: Now.ID['decide_access_subflow'],
        name: 'Kpow - Decide Access',
        description:
            "Asks for approval of a Kpow access item as its access profile says (the requester's manager, the Kpow Access Approvers group without the requester, or both in sequence), each with a due date after which it is rejected. Outcome: approved, rejected, cancelled, deadline passed, approved by the requester (does not count) or no approver other than the requester; who decided and a rejecting approver's comment, which is also written on the item for the requester.",
        runAs: 'system',
        inputs: {
            requested_item: requestedItemSubflowInput,
            approvers: StringColumn({
                label: 'Approvers',
                hint: 'manager, group or manager_then_group',
                mandatory: true,
            }),
            manager_approval_due: DateTimeColumn({
                label: "Manager's Approval Due",
                hint: "The manager's approval is rejected if still undecided then (the group's due date counts from when it is asked)",
                mandatory: true,
            }),
            reason: StringColumn({ label: 'Approval Reason', maxLength: 4000, mandatory: true }),
        },
        outputs: {
            outcome: StringColumn({
                label: 'Outcome',
                hint: 'approved, rejected, cancelled, deadline passed, approved by the requester or no approver other than the requester',
            }),
            decided_by: StringColumn({ label: 'Decided By' }),
            comment: StringColumn({ label: 'Comment', maxLength: 4000 }),
        },
        flowVariables: {
            approval_state: StringColumn({ label: 'Approval State' }),
        },
    },
    (params) => {
        wfa.flowLogic.if(
            {
                $id: Now.ID['decide_access_if_manager'],
                annotation: '1. The manager approves when the profile asks for one and there is one',
                condition: `${wfa.dataPill(params.inputs.approvers, 'string')}!=group^${wfa.dataPill(params.inputs.requested_item.opened_by.manager, 'reference')}ISNOTEMPTY`,
            },
            () => {
                const managerApproval = wfa.action(
                    action.core.askForApproval,
                    { $id: Now.ID['decide_access_ask_manager'], annotation: "1a. Ask the requester's manager" },
                    {
                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                        table: 'sc_req_item',
                        approval_field: 'approval',
                        journal_field: 'approval_history',
                        approval_reason: `${wfa.dataPill(params.inputs.reason, 'string')}`,
                        approval_conditions: wfa.approvalRules({
                            conditionType: 'OR',
                            ruleSets: [
                                {
                                    action: 'ApprovesRejects',
                                    conditionType: 'AND',
                                    rules: [
                                        [
                                            {
                                                ruleType: 'Any',
                                                users: [
                                                    wfa.dataPill(
                                                        params.inputs.requested_item.opened_by.manager,
                                                        'reference'
                                                    ),
                                                ],
                                                groups: [],
                                                manual: false,
                                            },
                                        ],
                                    ],
                                },
                            ],
                        }),
                        // Undecided at the due date-time (x_kpow_jit.approval_deadline_hours): rejected.
                        due_date: wfa.approvalDueDate({
                            action: 'reject',
                            dateType: 'relative',
                            date: wfa.dataPill(params.inputs.manager_approval_due, 'glide_date_time'),
                        }),
                    }
                )
                wfa.flowLogic.setFlowVariables(
                    { $id: Now.ID['decide_access_remember_manager'] },
                    params.flowVariables,
                    { approval_state: wfa.dataPill(managerApproval.approval_state, 'choice') }
                )
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['decide_access_if_group'],
                annotation:
                    '2. The approvers group decides when no manager did (never auto-approval), or after an approving manager when the profile asks for both',
                condition: `${wfa.dataPill(params.flowVariables.approval_state, 'string')}ISEMPTY^OR${wfa.dataPill(params.inputs.approvers, 'string')}=manager_then_group^${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=rejected^${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=cancelled`,
            },
            () => {
                // Ask For Approval cannot leave anyone out of a group: the members other than the
                // requester are listed first and asked by name, so no requester is asked to approve
                // their own access (Kpow - Read Approval Decision is the second guard).
                const otherMembers = wfa.action(
                    listFallbackApproversAction,
                    {
                        $id: Now.ID['decide_access_list_group'],
                        annotation: '2a. The approvers group without the requester',
                    },
                    { requested_item: wfa.dataPill(params.inputs.requested_item, 'reference') }
                )
                // Nobody but the requester could approve: never approved at once.
                wfa.flowLogic.setFlowVariables({ $id: Now.ID['decide_access_no_approver'] }, params.flowVariables, {
                    approval_state: 'no approver other than the requester',
                })
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['decide_access_if_group_has_approver'],
                        condition: `${wfa.dataPill(otherMembers.approvers, 'string')}ISNOTEMPTY`,
                    },
                    () => {
                        const groupApproval = wfa.action(
                            action.core.askForApproval,
                            {
                                $id: Now.ID['decide_access_ask_group'],
                                annotation: '2b. Ask the Kpow Access Approvers group',
                            },
                            {
                                record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                table: 'sc_req_item',
                                approval_field: 'approval',
                                journal_field: 'approval_history',
                                approval_reason: `The Kpow Access Approvers group decides. ${wfa.dataPill(params.inputs.reason, 'string')}`,
                                approval_conditions: wfa.approvalRules({
                                    conditionType: 'OR',
                                    ruleSets: [
                                        {
                                            action: 'ApprovesRejects',
                                            conditionType: 'AND',
                                            rules: [
                                                [
                                                    {
                                                        ruleType: 'Any',
                                                        users: [wfa.dataPill(otherMembers.approvers, 'string')],
                                                        groups: [],
                                                        manual: false,
                                                    },
                                                ],
                                            ],
                                        },
                                    ],
                                }),
                                // The group's own deadline, counted from when it is asked.
                                due_date: wfa.approvalDueDate({
                                    action: 'reject',
                                    dateType: 'relative',
                                    date: wfa.dataPill(otherMembers.approval_due, 'glide_date_time'),
                                }),
                            }
                        )
                        wfa.flowLogic.setFlowVariables(
                            { $id: Now.ID['decide_access_remember_group'] },
                            params.flowVariables,
                            { approval_state: wfa.dataPill(groupApproval.approval_state, 'choice') }
                        )
                    }
                )
            }
        )
        wfa.flowLogic.assignSubflowOutputs({ $id: Now.ID['decide_access_outputs_no_approver'] }, params.outputs, {
            outcome: wfa.dataPill(params.flowVariables.approval_state, 'string'),
        })
        wfa.flowLogic.if(
            {
                $id: Now.ID['decide_access_if_asked'],
                condition: `${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=no approver other than the requester`,
            },
            () => {
                const decision = wfa.action(
                    readApprovalDecisionAction,
                    { $id: Now.ID['decide_access_read_decision'], annotation: '3. Who decided, and why' },
                    { requested_item: wfa.dataPill(params.inputs.requested_item, 'reference') }
                )
                wfa.flowLogic.assignSubflowOutputs({ $id: Now.ID['decide_access_outputs'] }, params.outputs, {
                    outcome: wfa.dataPill(decision.outcome, 'string'),
                    decided_by: wfa.dataPill(decision.decided_by, 'string'),
                    comment: wfa.dataPill(decision.comment, 'string'),
                })
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['decide_access_if_rejected_by_person'],
                        condition: `${wfa.dataPill(decision.rejection_note, 'string')}ISNOTEMPTY`,
                    },
                    () => {
                        wfa.action(
                            action.core.updateRecord,
                            {
                                $id: Now.ID['decide_access_comment_rejection'],
                                annotation: 'Tell the requester who rejected and their comment',
                            },
                            {
                                table_name: 'sc_req_item',
                                record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                values: TemplateValue({
                                    comments: `${wfa.dataPill(decision.rejection_note, 'string')}`,
                                }),
                            }
                        )
                    }
                )
            }
        )
    }
)
