import { action, Flow, trigger, wfa } from '@servicenow/sdk/automation'
import { StringColumn } from '@servicenow/sdk/core'
import { endAccessSubflow } from './end-access-subflow.now'
import { extendTemporaryPolicyAction } from './extend-temporary-policy-action.now'
import { listFallbackApproversAction } from './list-fallback-approvers-action.now'

/**
 * "Extend Kpow Access": check -> approval as the original's profile says (none when the profile
 * pre-approves this long) -> a new Kpow policy created before the old one is deleted -> then this
 * flow holds the current policy with Kpow - End Access, the subflow Kpow Access Lifecycle ends the
 * first policy with: reminder, wait for the original item to close or the new end, revoke or close
 * it (a later extension takes over the same way). Fluent 4.9.0 has no loop to wait again in one flow, so each grant's flow
 * owns its own policy until it is replaced.
 */
Flow(
    {
        $id: Now.ID['access_extension_flow'],
        name: 'Kpow Access Extension',
        description:
            'Fulfils "Extend Kpow Access": approval as the original request\'s profile says unless pre-approved, a new Kpow temporary policy before the old one is deleted (no lapse), then the reminder and revocation of the extended access.',
        runAs: 'system',
        flowVariables: {
            approval_state: StringColumn({ label: 'Approval State' }),
            policy_id: StringColumn({ label: 'Policy ID' }),
            expires_at: StringColumn({ label: 'Expires At' }),
            refusal: StringColumn({ label: 'Refusal', maxLength: 1000 }),
        },
    },
    wfa.trigger(
        trigger.application.serviceCatalog,
        { $id: Now.ID['access_extension_trigger'] },
        { run_flow_in: 'background' }
    ),
    (params) => {
        const plan = wfa.action(
            extendTemporaryPolicyAction,
            { $id: Now.ID['check_extension'], annotation: '1. Check the extension: own open item, within the maximum' },
            { requested_item: wfa.dataPill(params.trigger.request_item, 'reference'), check_only: true }
        )
        wfa.flowLogic.if(
            { $id: Now.ID['if_extension_refused'], condition: `${wfa.dataPill(plan.refusal, 'string')}ISNOTEMPTY` },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_extension_refused'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            comments: `Not extended: ${wfa.dataPill(plan.refusal, 'string')}`,
                        }),
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_extension_refused'] })
            }
        )

        wfa.flowLogic.if(
            {
                $id: Now.ID['if_extension_needs_approval'],
                annotation: '2. Approval as the original profile says, unless it pre-approves this long',
                condition: `${wfa.dataPill(plan.preapproved, 'string')}!=true`,
            },
            () => {
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['if_extension_manager'],
                        condition: `${wfa.dataPill(plan.approvers, 'string')}!=group^${wfa.dataPill(params.trigger.request_item.opened_by.manager, 'reference')}ISNOTEMPTY`,
                    },
                    () => {
                        const managerApproval = wfa.action(
                            action.core.askForApproval,
                            { $id: Now.ID['ask_extension_manager'], annotation: "2a. Ask the requester's manager" },
                            {
                                record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                                table: 'sc_req_item',
                                approval_field: 'approval',
                                journal_field: 'approval_history',
                                approval_reason: `Extend Kpow access of ${wfa.dataPill(plan.original_number, 'string')} (${wfa.dataPill(plan.profile_name, 'string')}) by ${wfa.dataPill(plan.extension_label, 'string')}, until ${wfa.dataPill(plan.new_expires_at, 'string')}. Justification: ${wfa.dataPill(plan.justification, 'string')}`,
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
                                                                params.trigger.request_item.opened_by.manager,
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
                            }
                        )
                        wfa.flowLogic.setFlowVariables(
                            { $id: Now.ID['remember_extension_manager'] },
                            params.flowVariables,
                            { approval_state: wfa.dataPill(managerApproval.approval_state, 'choice') }
                        )
                    }
                )
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['if_extension_group'],
                        condition: `${wfa.dataPill(params.flowVariables.approval_state, 'string')}ISEMPTY^OR${wfa.dataPill(plan.approvers, 'string')}=manager_then_group^${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=rejected^${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=cancelled`,
                    },
                    () => {
                        const otherMembers = wfa.action(
                            listFallbackApproversAction,
                            { $id: Now.ID['list_extension_group'] },
                            { requested_item: wfa.dataPill(params.trigger.request_item, 'reference') }
                        )
                        // Nobody but the requester could approve: never approved at once.
                        wfa.flowLogic.setFlowVariables({ $id: Now.ID['extension_no_approver'] }, params.flowVariables, {
                            approval_state: 'no approver other than the requester',
                        })
                        wfa.flowLogic.if(
                            {
                                $id: Now.ID['if_extension_group_has_approver'],
                                condition: `${wfa.dataPill(otherMembers.approvers, 'string')}ISNOTEMPTY`,
                            },
                            () => {
                                const groupApproval = wfa.action(
                                    action.core.askForApproval,
                                    {
                                        $id: Now.ID['ask_extension_group'],
                                        annotation: '2b. Ask the Kpow Access Approvers group',
                                    },
                                    {
                                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                                        table: 'sc_req_item',
                                        approval_field: 'approval',
                                        journal_field: 'approval_history',
                                        approval_reason: `Extend Kpow access of ${wfa.dataPill(plan.original_number, 'string')} (${wfa.dataPill(plan.profile_name, 'string')}) by ${wfa.dataPill(plan.extension_label, 'string')}, until ${wfa.dataPill(plan.new_expires_at, 'string')} (the Kpow Access Approvers group decides). Justification: ${wfa.dataPill(plan.justification, 'string')}`,
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
                                    }
                                )
                                wfa.flowLogic.setFlowVariables(
                                    { $id: Now.ID['remember_extension_group'] },
                                    params.flowVariables,
                                    { approval_state: wfa.dataPill(groupApproval.approval_state, 'choice') }
                                )
                            }
                        )
                    }
                )
                // Nobody approved (rejected, cancelled, no approver but the requester, or the requester
                // approved it themself): the current access stays as it is.
                const selfApproval = wfa.action(
                    action.core.lookUpRecord,
                    { $id: Now.ID['find_extension_self_approval'] },
                    {
                        table: 'sysapproval_approver',
                        conditions: `sysapproval=${wfa.dataPill(params.trigger.request_item, 'reference')}^state=approved^approver=${wfa.dataPill(params.trigger.request_item.opened_by, 'reference')}`,
                        dont_fail_flow_on_error: true,
                    }
                )
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['if_extension_not_approved'],
                        condition: `${wfa.dataPill(params.flowVariables.approval_state, 'string')}!=approved^OR${wfa.dataPill(selfApproval.Record, 'reference')}ISNOTEMPTY`,
                    },
                    () => {
                        wfa.action(
                            action.core.updateRecord,
                            { $id: Now.ID['close_extension_not_approved'] },
                            {
                                table_name: 'sc_req_item',
                                record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                                values: TemplateValue({
                                    state: '4',
                                    comments: `Not extended: the approval ended as "${wfa.dataPill(params.flowVariables.approval_state, 'string')}" (an approval by yourself does not count). Your access of ${wfa.dataPill(plan.original_number, 'string')} is unchanged and ends at ${wfa.dataPill(plan.current_expires_at, 'string')}.`,
                                }),
                            }
                        )
                        wfa.action(
                            action.core.updateRecord,
                            { $id: Now.ID['note_original_not_extended'] },
                            {
                                table_name: 'sc_req_item',
                                record: `${wfa.dataPill(plan.original_item, 'reference')}`,
                                values: TemplateValue({
                                    work_notes: `Extension ${wfa.dataPill(params.trigger.request_item.number, 'string')} by ${wfa.dataPill(plan.extension_label, 'string')} was not approved ("${wfa.dataPill(params.flowVariables.approval_state, 'string')}"): policy ${wfa.dataPill(plan.current_policy_id, 'string')} is unchanged, until ${wfa.dataPill(plan.current_expires_at, 'string')}.`,
                                }),
                            }
                        )
                        wfa.flowLogic.endFlow({ $id: Now.ID['end_extension_not_approved'] })
                    }
                )
            }
        )

        wfa.flowLogic.else({ $id: Now.ID['else_extension_preapproved'] }, () => {
            wfa.action(
                action.core.updateRecord,
                { $id: Now.ID['mark_extension_preapproved'] },
                {
                    table_name: 'sc_req_item',
                    record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                    values: TemplateValue({
                        approval: 'approved',
                        work_notes: `Pre-approved: ${wfa.dataPill(plan.profile_name, 'string')} pre-approves extensions of ${wfa.dataPill(plan.extension_label, 'string')} or less (preApprovedExtensionMinutes).`,
                    }),
                }
            )
        })

        wfa.flowLogic.tryCatch(
            {
                $id: Now.ID['try_extend'],
                annotation: '3. Kpow - Extend Temporary Policy: new policy, then delete the old one',
            },
            {
                try: () => {
                    const extended = wfa.action(
                        extendTemporaryPolicyAction,
                        { $id: Now.ID['extend_temporary_policy'] },
                        { requested_item: wfa.dataPill(params.trigger.request_item, 'reference'), check_only: false }
                    )
                    wfa.flowLogic.setFlowVariables({ $id: Now.ID['remember_extension'] }, params.flowVariables, {
                        policy_id: wfa.dataPill(extended.new_policy_id, 'string'),
                        expires_at: wfa.dataPill(extended.new_expires_at, 'string'),
                        refusal: wfa.dataPill(extended.refusal, 'string'),
                    })
                    wfa.flowLogic.if(
                        {
                            $id: Now.ID['if_extended_now'],
                            condition: `${wfa.dataPill(extended.new_policy_id, 'string')}ISNOTEMPTY`,
                        },
                        () => {
                            wfa.action(
                                action.core.updateRecord,
                                { $id: Now.ID['note_extended'], annotation: '4. Both policy ids on the original item' },
                                {
                                    table_name: 'sc_req_item',
                                    record: `${wfa.dataPill(plan.original_item, 'reference')}`,
                                    values: TemplateValue({
                                        work_notes: `Kpow access extended by ${wfa.dataPill(plan.extension_label, 'string')} (${wfa.dataPill(params.trigger.request_item.number, 'string')}, ${wfa.dataPill(params.trigger.request_item.approval, 'string')}; pre-approved: ${wfa.dataPill(plan.preapproved, 'string')}): new policy ${wfa.dataPill(extended.new_policy_id, 'string')} until ${wfa.dataPill(extended.new_expires_at, 'string')} created first, then ${wfa.dataPill(extended.old_policy_outcome, 'string')}.`,
                                        comments: `Your Kpow access is extended until ${wfa.dataPill(extended.new_expires_at, 'string')}.`,
                                    }),
                                }
                            )
                            wfa.action(
                                action.core.fireEvent,
                                {
                                    $id: Now.ID['tell_extended'],
                                    annotation: 'Email the requester: extended, the new end',
                                },
                                {
                                    event_name: 'x_kpow_jit.access.extended',
                                    table: 'sc_req_item',
                                    record: `${wfa.dataPill(plan.original_item, 'reference')}`,
                                    parm1: `${wfa.dataPill(extended.new_expires_at, 'string')}`,
                                    parm2: `${wfa.dataPill(params.trigger.request_item.number, 'string')}`,
                                }
                            )
                            wfa.action(
                                action.core.updateRecord,
                                { $id: Now.ID['close_extension_done'] },
                                {
                                    table_name: 'sc_req_item',
                                    record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                                    values: TemplateValue({
                                        state: '3',
                                        comments: `Extended: the Kpow access of ${wfa.dataPill(plan.original_number, 'string')} now ends at ${wfa.dataPill(extended.new_expires_at, 'string')}.`,
                                    }),
                                }
                            )
                        }
                    )
                },
                catch: () => {
                    wfa.action(
                        action.core.updateRecord,
                        { $id: Now.ID['close_extension_failed'] },
                        {
                            table_name: 'sc_req_item',
                            record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                            values: TemplateValue({
                                state: '4',
                                comments: `Not extended: Kpow could not create the new policy (the fulfillers see why on this request). Your access of ${wfa.dataPill(plan.original_number, 'string')} is unchanged and ends at ${wfa.dataPill(plan.current_expires_at, 'string')}.`,
                            }),
                        }
                    )
                },
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_not_extended'],
                annotation: 'Failed, or refused on the second check (closed or extended meanwhile)',
                condition: `${wfa.dataPill(params.flowVariables.policy_id, 'string')}ISEMPTY`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_extension_late_refusal'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            comments: `Not extended. ${wfa.dataPill(params.flowVariables.refusal, 'string')}`,
                        }),
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_not_extended'] })
            }
        )

        // 5-6. From here this flow holds the current policy, on the original item (Kpow - End
        // Access); a later extension takes it over, and then this flow ends nothing.
        wfa.subflow(
            endAccessSubflow,
            { $id: Now.ID['ext_end_access'], annotation: '5. Kpow - End Access: remind, wait, revoke' },
            {
                requested_item: wfa.dataPill(plan.original_item, 'reference'),
                policy_id: wfa.dataPill(params.flowVariables.policy_id, 'string'),
                expires_at: wfa.dataPill(params.flowVariables.expires_at, 'string'),
                policy_label: `policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')} (extended)`,
                revoked_note: `Kpow access revoked because the request was closed: policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')} (extended).`,
                revoke_failed_note: `Kpow - Delete Temporary Policy failed for policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')}; the work note before this one gives Kpow's reason. Kpow still ends the access at ${wfa.dataPill(params.flowVariables.expires_at, 'string')}.`,
                waitForCompletion: true,
            }
        )
    }
)
