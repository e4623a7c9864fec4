import { action, Subflow, wfa } from '@servicenow/sdk/automation'
import { StringColumn } from '@servicenow/sdk/core'
import { requestedItemSubflowInput } from './action-columns.now'
import { deleteTemporaryPolicyAction } from './delete-temporary-policy-action.now'
import { readCurrentGrantAction } from './read-current-grant-action.now'

/**
 * What a flow does while it holds a granted policy, shared by Kpow Access Lifecycle (the first
 * policy) and Kpow Access Extension (each extended one): the reminder, then wait for the item to
 * close in any way or for Kpow's expiry, then revoke and close it. When an extension replaced the
 * policy meanwhile, nothing is revoked here: the outputs say so and name the policy now held, and
 * the extension's own run of this subflow ends that one.
 *
 * The wait for the item to close times out after what Kpow - Read Current Grant says is left: when
 * Kpow's access ends first, the revoke answers 404 (done) and the item closes itself Closed
 * Complete. The callers word their own notes (an extended policy is named as such), so a work note
 * reads the same whichever flow wrote it.
 */
export const endAccessSubflow = Subflow(
    {
        $id: Now.ID['end_access_subflow'],
        name: 'Kpow - End Access',
        description:
            'Holds a granted Kpow temporary policy on its requested item: expiry reminder, wait until the item closes or the policy expires, then revoke it in Kpow, note, email and close the item. Ends nothing when an extension replaced the policy (current is false).',
        runAs: 'system',
        inputs: {
            requested_item: requestedItemSubflowInput,
            policy_id: StringColumn({ label: 'Policy ID', mandatory: true }),
            expires_at: StringColumn({ label: 'Expires At', mandatory: true }),
            policy_label: StringColumn({ label: 'Policy Label (expiry note)', maxLength: 1000 }),
            revoked_note: StringColumn({ label: 'Revoked Note (closed item)', maxLength: 1000 }),
            revoke_failed_note: StringColumn({ label: 'Revoke Failed Note', maxLength: 4000 }),
            revoke_failed_email: StringColumn({ label: 'Revoke Failed Email (empty: none)', maxLength: 1000 }),
        },
        outputs: {
            current: StringColumn({ label: 'Current (false when an extension replaced the policy)' }),
            current_policy_id: StringColumn({ label: 'Current Policy ID' }),
            current_expires_at: StringColumn({ label: 'Current Expires At' }),
        },
    },
    (params) => {
        const beforeReminder = wfa.action(
            readCurrentGrantAction,
            {
                $id: Now.ID['end_access_read_grant_before_reminder'],
                annotation: '1. When to remind, on the instance clock',
            },
            {
                requested_item: wfa.dataPill(params.inputs.requested_item, 'reference'),
                policy_id: wfa.dataPill(params.inputs.policy_id, 'string'),
                expires_at: wfa.dataPill(params.inputs.expires_at, 'string'),
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['end_access_if_reminder_ahead'],
                condition: `${wfa.dataPill(beforeReminder.until_reminder, 'glide_duration')}ISNOTEMPTY`,
            },
            () => {
                wfa.action(
                    action.core.waitForCondition,
                    {
                        $id: Now.ID['end_access_wait_until_reminder'],
                        annotation: '1a. Wait until the reminder time, or until the item is closed',
                    },
                    {
                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                        table_name: 'sc_req_item',
                        conditions: 'stateIN3,4,7^ORactive=false',
                        timeout_flag: true,
                        timeout_duration: `${wfa.dataPill(beforeReminder.until_reminder, 'glide_duration')}`,
                    }
                )
            }
        )
        const atReminder = wfa.action(
            readCurrentGrantAction,
            { $id: Now.ID['end_access_read_grant_at_reminder'] },
            {
                requested_item: wfa.dataPill(params.inputs.requested_item, 'reference'),
                policy_id: wfa.dataPill(params.inputs.policy_id, 'string'),
                expires_at: wfa.dataPill(params.inputs.expires_at, 'string'),
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['end_access_if_remind'],
                annotation: 'Remind only a grant longer than the lead time, still held and open',
                condition: `${wfa.dataPill(beforeReminder.until_reminder, 'glide_duration')}ISNOTEMPTY^${wfa.dataPill(atReminder.remind, 'string')}=true`,
            },
            () => {
                wfa.action(
                    action.core.updateRecord,
                    {
                        $id: Now.ID['end_access_comment_reminder'],
                        annotation: '1b. Remind the requester, with the way to extend',
                    },
                    {
                        table_name: 'sc_req_item',
                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                        values: TemplateValue({
                            work_notes: `Expiry reminder sent: policy ${wfa.dataPill(atReminder.current_policy_id, 'string')} ends at ${wfa.dataPill(atReminder.expires_at, 'string')}.`,
                            comments: `Your Kpow access ends at ${wfa.dataPill(atReminder.expires_at, 'string')} (in ${wfa.dataPill(atReminder.minutes_left, 'string')} minutes). Need longer? Extend it: ${wfa.dataPill(atReminder.extend_link, 'string')}`,
                        }),
                    }
                )
                wfa.action(
                    action.core.fireEvent,
                    {
                        $id: Now.ID['end_access_tell_reminder'],
                        annotation: 'Email the requester: ends soon, with the extend link',
                    },
                    {
                        event_name: 'x_kpow_jit.access.expiring',
                        table: 'sc_req_item',
                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                        parm1: `${wfa.dataPill(atReminder.expires_at, 'string')}`,
                        parm2: `${wfa.dataPill(atReminder.extend_link, 'string')}`,
                    }
                )
            }
        )
        wfa.flowLogic.if(
            {
                $id: Now.ID['end_access_if_still_held'],
                condition: `${wfa.dataPill(atReminder.current, 'string')}=true^${wfa.dataPill(atReminder.open, 'string')}=true`,
            },
            () => {
                wfa.action(
                    action.core.waitForCondition,
                    {
                        $id: Now.ID['end_access_wait_until_closed'],
                        annotation: "1c. Wait until the item is closed in any way, at most until Kpow's expiry",
                    },
                    {
                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                        table_name: 'sc_req_item',
                        conditions: 'stateIN3,4,7^ORactive=false',
                        timeout_flag: true,
                        // Until the current end, re-read on the instance clock after the reminder.
                        timeout_duration: `${wfa.dataPill(atReminder.until_expiry, 'glide_duration')}`,
                    }
                )
            }
        )
        const atEnd = wfa.action(
            readCurrentGrantAction,
            { $id: Now.ID['end_access_read_grant_at_end'] },
            {
                requested_item: wfa.dataPill(params.inputs.requested_item, 'reference'),
                policy_id: wfa.dataPill(params.inputs.policy_id, 'string'),
                expires_at: wfa.dataPill(params.inputs.expires_at, 'string'),
            }
        )
        // Assigned before the revoke: a caller reads them whichever way the tail below goes.
        wfa.flowLogic.assignSubflowOutputs({ $id: Now.ID['end_access_outputs'] }, params.outputs, {
            current: wfa.dataPill(atEnd.current, 'string'),
            current_policy_id: wfa.dataPill(atEnd.current_policy_id, 'string'),
            current_expires_at: wfa.dataPill(atEnd.expires_at, 'string'),
        })
        wfa.flowLogic.if(
            {
                $id: Now.ID['end_access_if_current'],
                annotation: 'Still the current policy (an extension ends the one that replaced it)',
                condition: `${wfa.dataPill(atEnd.current, 'string')}!=false`,
            },
            () => {
                wfa.flowLogic.tryCatch(
                    { $id: Now.ID['end_access_try_revoke'], annotation: '2. Kpow - Delete Temporary Policy' },
                    {
                        try: () => {
                            const revoke = wfa.action(
                                deleteTemporaryPolicyAction,
                                { $id: Now.ID['end_access_delete_temporary_policy'] },
                                {
                                    policy_id: wfa.dataPill(params.inputs.policy_id, 'string'),
                                    work_notes_record: wfa.dataPill(params.inputs.requested_item, 'reference'),
                                }
                            )
                            wfa.flowLogic.if(
                                {
                                    $id: Now.ID['end_access_if_expired'],
                                    annotation: 'The wait timed out: Kpow ended the access, close the item',
                                    condition: `${wfa.dataPill(atEnd.open, 'string')}=true`,
                                },
                                () => {
                                    wfa.action(
                                        action.core.updateRecord,
                                        { $id: Now.ID['end_access_note_expired'] },
                                        {
                                            table_name: 'sc_req_item',
                                            record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                            values: TemplateValue({
                                                state: '3',
                                                work_notes: `Kpow access expired at ${wfa.dataPill(params.inputs.expires_at, 'string')}: ${wfa.dataPill(params.inputs.policy_label, 'string')} ended, so this request is closed complete. ${wfa.dataPill(revoke.outcome, 'string')}`,
                                                comments: `Your Kpow access expired at ${wfa.dataPill(params.inputs.expires_at, 'string')}; this request is closed.`,
                                            }),
                                        }
                                    )
                                    wfa.action(
                                        action.core.fireEvent,
                                        {
                                            $id: Now.ID['end_access_tell_expired'],
                                            annotation: 'Email the requester: expired',
                                        },
                                        {
                                            event_name: 'x_kpow_jit.access.revoked',
                                            table: 'sc_req_item',
                                            record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                            parm1: `it expired at ${wfa.dataPill(params.inputs.expires_at, 'string')}`,
                                            parm2: '',
                                        }
                                    )
                                }
                            )
                            wfa.flowLogic.else({ $id: Now.ID['end_access_else_item_closed'] }, () => {
                                wfa.action(
                                    action.core.updateRecord,
                                    { $id: Now.ID['end_access_note_revoked'] },
                                    {
                                        table_name: 'sc_req_item',
                                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                        values: TemplateValue({
                                            work_notes: `${wfa.dataPill(params.inputs.revoked_note, 'string')} ${wfa.dataPill(revoke.outcome, 'string')}`,
                                            comments: 'Your Kpow access has ended: this request was closed.',
                                        }),
                                    }
                                )
                                wfa.action(
                                    action.core.fireEvent,
                                    {
                                        $id: Now.ID['end_access_tell_revoked'],
                                        annotation: 'Email the requester: revoked',
                                    },
                                    {
                                        event_name: 'x_kpow_jit.access.revoked',
                                        table: 'sc_req_item',
                                        record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                        parm1: 'the request was closed, so the access was revoked in Kpow',
                                        parm2: '',
                                    }
                                )
                            })
                        },
                        catch: () => {
                            wfa.action(
                                action.core.updateRecord,
                                { $id: Now.ID['end_access_note_revoke_failed'] },
                                {
                                    table_name: 'sc_req_item',
                                    record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                    values: TemplateValue({
                                        work_notes: `${wfa.dataPill(params.inputs.revoke_failed_note, 'string')}`,
                                    }),
                                }
                            )
                            wfa.flowLogic.if(
                                {
                                    $id: Now.ID['end_access_if_tell_revoke_failed'],
                                    condition: `${wfa.dataPill(params.inputs.revoke_failed_email, 'string')}ISNOTEMPTY`,
                                },
                                () => {
                                    wfa.action(
                                        action.core.fireEvent,
                                        {
                                            $id: Now.ID['end_access_tell_revoke_failed'],
                                            annotation: 'Email the requester: ends at the expiry',
                                        },
                                        {
                                            event_name: 'x_kpow_jit.access.revoked',
                                            table: 'sc_req_item',
                                            record: `${wfa.dataPill(params.inputs.requested_item, 'reference')}`,
                                            parm1: `${wfa.dataPill(params.inputs.revoke_failed_email, 'string')}`,
                                            parm2: '',
                                        }
                                    )
                                }
                            )
                        },
                    }
                )
            }
        )
    }
)
