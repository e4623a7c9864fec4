import { action, Flow, trigger, wfa } from '@servicenow/sdk/automation'
import { StringColumn } from '@servicenow/sdk/core'
import { decideAccessSubflow } from './decide-access-subflow.now'
import { endAccessSubflow } from './end-access-subflow.now'
import { extendTemporaryPolicyAction } from './extend-temporary-policy-action.now'

/**
 * "Extend Kpow Access": check -> approval as the original's profile says (Kpow - Decide Access) (none when the profile
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
                const decision = wfa.subflow(
                    decideAccessSubflow,
                    {
                        $id: Now.ID['decide_extension'],
                        annotation: '2a. Kpow - Decide Access: the manager, the approvers group, or both',
                    },
                    {
                        requested_item: wfa.dataPill(params.trigger.request_item, 'reference'),
                        approvers: wfa.dataPill(plan.approvers, 'string'),
                        manager_approval_due: wfa.dataPill(plan.approval_due, 'glide_date_time'),
                        reason: `Extend Kpow access of ${wfa.dataPill(plan.original_number, 'string')} (${wfa.dataPill(plan.profile_name, 'string')}) by ${wfa.dataPill(plan.extension_label, 'string')}, until ${wfa.dataPill(plan.new_expires_at, 'string')}. Justification: ${wfa.dataPill(plan.justification, 'string')}`,
                        waitForCompletion: true,
                    }
                )
                // Nobody approved (rejected, cancelled, the deadline passed, no approver but the
                // requester, or the requester approved it themself): the current access stays as it is.
                wfa.flowLogic.if(
                    {
                        $id: Now.ID['if_extension_not_approved'],
                        condition: `${wfa.dataPill(decision.outcome, 'string')}!=approved`,
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
                                    comments: `Not extended: the approval ended as "${wfa.dataPill(decision.outcome, 'string')}". Your access of ${wfa.dataPill(plan.original_number, 'string')} is unchanged and ends at ${wfa.dataPill(plan.current_expires_at, 'string')}.`,
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
                                    work_notes: `Extension ${wfa.dataPill(params.trigger.request_item.number, 'string')} by ${wfa.dataPill(plan.extension_label, 'string')} was not approved ("${wfa.dataPill(decision.outcome, 'string')}"): policy ${wfa.dataPill(plan.current_policy_id, 'string')} is unchanged, until ${wfa.dataPill(plan.current_expires_at, 'string')}.`,
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
