import { action, Flow, trigger, wfa } from '@servicenow/sdk/automation'
import { StringColumn } from '@servicenow/sdk/core'
import { createTemporaryPolicyAction } from './create-temporary-policy-action.now'
import { decideAccessSubflow } from './decide-access-subflow.now'
import { endAccessSubflow } from './end-access-subflow.now'
import { readAccessRequestAction } from './read-access-request-action.now'
import { reconcileTemporaryPolicyAction } from './reconcile-temporary-policy-action.now'

/**
 * Request -> approval (Kpow - Decide Access, shared with the extension flow) -> grant -> Kpow - End Access (reminder, wait for the item to close or the
 * grant to expire, revoke), the subflow the extension flow ends its policies with too.
 */
Flow(
    {
        $id: Now.ID['access_lifecycle_flow'],
        name: 'Kpow Access Lifecycle',
        description:
            'Fulfils every Kpow access item ("Request Kpow Topic Query Access" and one item per access profile): approval as the profile says (manager, the Kpow Access Approvers group, or both in sequence), no self-approval, a Kpow temporary policy built from the profile while the item is open, revocation when it closes in any way.',
        runAs: 'system',
        flowVariables: {
            policy_id: StringColumn({ label: 'Policy ID' }),
            expires_at: StringColumn({ label: 'Expires At' }),
            inspect_link: StringColumn({ label: 'Inspect Link', maxLength: 1000 }),
            policy: StringColumn({ label: 'Policy', maxLength: 4000 }),
            access_duration: StringColumn({ label: 'Access Duration' }),
        },
    },
    wfa.trigger(
        trigger.application.serviceCatalog,
        { $id: Now.ID['access_lifecycle_trigger'] },
        { run_flow_in: 'background' }
    ),
    (params) => {
        const request = wfa.action(
            readAccessRequestAction,
            { $id: Now.ID['read_access_request'], annotation: '1. Read the request and its access profile' },
            { requested_item: wfa.dataPill(params.trigger.request_item, 'reference') }
        )
        wfa.action(
            action.core.updateRecord,
            { $id: Now.ID['comment_reach'], annotation: '1b. Tell requester and approvers who gains the access' },
            {
                table_name: 'sc_req_item',
                record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                values: TemplateValue({
                    comments: `${wfa.dataPill(request.profile_name, 'string')}: ${wfa.dataPill(request.reach, 'string')}`,
                }),
            }
        )

        const decision = wfa.subflow(
            decideAccessSubflow,
            {
                $id: Now.ID['decide_access'],
                annotation: '2. Kpow - Decide Access: the manager, the approvers group, or both, as the profile says',
            },
            {
                requested_item: wfa.dataPill(params.trigger.request_item, 'reference'),
                approvers: wfa.dataPill(request.approvers, 'string'),
                manager_approval_due: wfa.dataPill(request.approval_due, 'glide_date_time'),
                reason: `Temporary Kpow access: ${wfa.dataPill(request.profile_name, 'string')}. ${wfa.dataPill(request.reach, 'string')} Justification and incident or change number are on the request.`,
                waitForCompletion: true,
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_no_other_approver'],
                annotation: 'Nobody but the requester could approve: never approve at once',
                condition: `${wfa.dataPill(decision.outcome, 'string')}=no approver other than the requester`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_no_other_approver'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            work_notes:
                                'Kpow access not granted: the Kpow Access Approvers group has no active member other than the requester, and the request needs its approval. Add approvers to the group, then submit a new request.',
                            comments:
                                'Your access was not granted: nobody other than you can approve it yet. The Kpow administrators have been told on this request.',
                        }),
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_no_other_approver'] })
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_deadline_passed'],
                annotation: 'Rejected because the approval deadline passed, not by a person',
                condition: `${wfa.dataPill(decision.outcome, 'string')}=deadline passed`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_deadline_passed'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            work_notes: `Kpow access not granted: the approval deadline passed. Nobody decided within ${wfa.dataPill(request.approval_deadline_hours, 'string')} hours (x_kpow_jit.approval_deadline_hours), so the approval was rejected automatically at its due date. Nothing was created in Kpow.`,
                            comments: `Your access was not granted: the approval deadline passed. Nobody decided on your request within ${wfa.dataPill(request.approval_deadline_hours, 'string')} hours, so it was rejected automatically. Submit a new request if you still need the access.`,
                        }),
                    }
                )
                wfa.action(
                    action.core.fireEvent,
                    { $id: Now.ID['tell_deadline_passed'], annotation: 'Email the requester: deadline passed' },
                    {
                        event_name: 'x_kpow_jit.access.deadline_passed',
                        table: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        parm1: `${wfa.dataPill(request.approval_deadline_hours, 'string')}`,
                        parm2: '',
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_deadline_passed'] })
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_self_approved'],
                annotation: 'An approval by the requester does not count',
                condition: `${wfa.dataPill(decision.outcome, 'string')}=approved by the requester`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_self_approved'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            work_notes:
                                'Kpow access not granted: the request was approved by the requester, and requesters cannot approve their own access. Submit a new request for someone else to approve.',
                            comments:
                                'Your access was not granted: you cannot approve your own request. Submit a new request for someone else to approve.',
                        }),
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_self_approved'] })
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_not_approved'],
                annotation: 'Rejected (or cancelled): close incomplete, grant nothing',
                condition: `${wfa.dataPill(decision.outcome, 'string')}!=approved`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['close_not_approved'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            state: '4',
                            work_notes: `Kpow access not granted: the approval ended as "${wfa.dataPill(decision.outcome, 'string')}". Nothing was created in Kpow.`,
                            comments: `Your access was not granted: the approval ended as "${wfa.dataPill(decision.outcome, 'string')}".`,
                        }),
                    }
                )
                // The requester's email: who rejected and their comment (sent only for a rejection).
                wfa.action(
                    action.core.fireEvent,
                    { $id: Now.ID['tell_rejected'], annotation: 'Email the requester: rejected' },
                    {
                        event_name: 'x_kpow_jit.access.rejected',
                        table: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        parm1: `${wfa.dataPill(decision.decided_by, 'string')}`,
                        parm2: `${wfa.dataPill(decision.comment, 'string')}`,
                    }
                )
                wfa.flowLogic.endFlow({ $id: Now.ID['end_not_approved'] })
            }
        )

        wfa.flowLogic.tryCatch(
            { $id: Now.ID['try_grant'], annotation: '3. Kpow - Create Temporary Policy' },
            {
                try: () => {
                    const grant = wfa.action(
                        createTemporaryPolicyAction,
                        { $id: Now.ID['create_temporary_policy'] },
                        {
                            profile_id: wfa.dataPill(request.profile_id, 'string'),
                            role_name: wfa.dataPill(request.role_name, 'string'),
                            cluster_id: wfa.dataPill(request.cluster_id, 'string'),
                            topic_name: wfa.dataPill(request.topic_name, 'string'),
                            group_name: wfa.dataPill(request.group_name, 'string'),
                            duration_ms: wfa.dataPill(request.duration_ms, 'string'),
                            work_notes_record: wfa.dataPill(params.trigger.request_item, 'reference'),
                        }
                    )
                    wfa.flowLogic.setFlowVariables({ $id: Now.ID['remember_policy'] }, params.flowVariables, {
                        policy_id: wfa.dataPill(grant.policy_id, 'string'),
                        expires_at: wfa.dataPill(grant.expires_at, 'string'),
                        inspect_link: wfa.dataPill(grant.inspect_link, 'string'),
                        policy: wfa.dataPill(grant.policy, 'string'),
                        access_duration: wfa.dataPill(grant.access_duration, 'string'),
                    })
                },
                catch: () => {
                    // The request may have reached Kpow (no answer in time, a 5xx): find and delete what
                    // Kpow created anyway, once more if Kpow does not answer; the action tells the requester.
                    const reconciled = wfa.action(
                        reconcileTemporaryPolicyAction,
                        {
                            $id: Now.ID['reconcile_grant'],
                            annotation: '3b. Remove any policy the failed create left in Kpow',
                        },
                        {
                            work_notes_record: wfa.dataPill(params.trigger.request_item, 'reference'),
                            last_attempt: false,
                        }
                    )
                    wfa.flowLogic.if(
                        {
                            $id: Now.ID['if_reconcile_unresolved'],
                            condition: `${wfa.dataPill(reconciled.outcome, 'string')}=unresolved`,
                        },
                        () => {
                            wfa.action(
                                reconcileTemporaryPolicyAction,
                                { $id: Now.ID['reconcile_grant_again'] },
                                {
                                    work_notes_record: wfa.dataPill(params.trigger.request_item, 'reference'),
                                    last_attempt: true,
                                }
                            )
                        }
                    )
                    wfa.action(
                        action.core.updateRecord,
                        { $id: Now.ID['close_grant_failed'] },
                        {
                            table_name: 'sc_req_item',
                            record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                            values: TemplateValue({
                                state: '4',
                                work_notes:
                                    'Kpow access not granted: Kpow - Create Temporary Policy failed. Its work notes above give the reason when it could write one (a step stopped by the platform writes none), and the Kpow - Reconcile Temporary Policy notes say whether Kpow holds anything from this request. Submit a new request once the cause is fixed.',
                            }),
                        }
                    )
                },
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_grant_failed'],
                condition: `${wfa.dataPill(params.flowVariables.policy_id, 'string')}ISEMPTY`,
            },
            () => {
                wfa.flowLogic.endFlow({ $id: Now.ID['end_grant_failed'] })
            }
        )

        wfa.action(
            action.core.updateRecord,
            { $id: Now.ID['note_granted'], annotation: '4. Note the grant on the item' },
            {
                table_name: 'sc_req_item',
                record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                values: TemplateValue({
                    state: '2',
                    work_notes: `Kpow Access Granted. Policy ID: ${wfa.dataPill(params.flowVariables.policy_id, 'string')}. Profile: ${wfa.dataPill(request.profile_name, 'string')}. Kpow policy: ${wfa.dataPill(params.flowVariables.policy, 'string')} (grant_to ${wfa.dataPill(request.grant_to, 'string')}) until ${wfa.dataPill(params.flowVariables.expires_at, 'string')}. Approval: ${wfa.dataPill(params.trigger.request_item.approval_history, 'string')}. Justification: ${wfa.dataPill(request.justification, 'string')} Incident or change: ${wfa.dataPill(request.ticket_number, 'string')}. Closing this request revokes the access. ${wfa.dataPill(params.flowVariables.inspect_link, 'string')}`,
                    comments: `Your Kpow access is granted: ${wfa.dataPill(request.profile_name, 'string')} on ${wfa.dataPill(request.resource_type, 'string')} ${wfa.dataPill(request.resource_name, 'string')} until ${wfa.dataPill(params.flowVariables.expires_at, 'string')} (Due date on this request shows it in your time zone). ${wfa.dataPill(request.reach, 'string')} Done early? Use End my Kpow access on this request to end it now. ${wfa.dataPill(params.flowVariables.inspect_link, 'string')}`,
                }),
            }
        )
        wfa.action(
            action.core.fireEvent,
            { $id: Now.ID['tell_granted'], annotation: 'Email the requester: granted' },
            {
                event_name: 'x_kpow_jit.access.granted',
                table: 'sc_req_item',
                record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                parm1: `${wfa.dataPill(request.profile_name, 'string')} on ${wfa.dataPill(request.resource_type, 'string')} ${wfa.dataPill(request.resource_name, 'string')} until ${wfa.dataPill(params.flowVariables.expires_at, 'string')}`,
                parm2: '',
            }
        )

        // 5-6. Reminder, then expiry or revocation when the item closes (Kpow - End Access). An
        // approved extension replaces the policy (the item's correlation_id names the new one): the
        // subflow then ends nothing and the extension's flow owns the rest (Kpow Access Extension).
        const ended = wfa.subflow(
            endAccessSubflow,
            { $id: Now.ID['end_access'], annotation: '5. Kpow - End Access: remind, wait, revoke' },
            {
                requested_item: wfa.dataPill(params.trigger.request_item, 'reference'),
                policy_id: wfa.dataPill(params.flowVariables.policy_id, 'string'),
                expires_at: wfa.dataPill(params.flowVariables.expires_at, 'string'),
                policy_label: `policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')}`,
                revoked_note: 'Kpow access revoked because the request was closed.',
                revoke_failed_note: `Kpow - Delete Temporary Policy failed for policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')}; its work note above gives the reason when it could write one (Kpow's HTTP status and message). Kpow still ends the access at ${wfa.dataPill(params.flowVariables.expires_at, 'string')}; an administrator can delete it earlier in Kpow (Settings > Temporary policies).`,
                revoke_failed_email: `Kpow could not remove it at once, so it ends in Kpow at ${wfa.dataPill(params.flowVariables.expires_at, 'string')} at the latest`,
                waitForCompletion: true,
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['if_extended'],
                annotation: 'Extended: the extension flow holds the current policy and ends it',
                condition: `${wfa.dataPill(ended.current, 'string')}=false`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    { $id: Now.ID['note_handed_over'] },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.trigger.request_item, 'reference')}`,
                        values: TemplateValue({
                            work_notes: `Policy ${wfa.dataPill(params.flowVariables.policy_id, 'string')} was replaced by policy ${wfa.dataPill(ended.current_policy_id, 'string')} (an extension, until ${wfa.dataPill(ended.current_expires_at, 'string')}); the extension's flow revokes it when this request closes, or closes it then.`,
                        }),
                    }
                )
            }
        )
    }
)
