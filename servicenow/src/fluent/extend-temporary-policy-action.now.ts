import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { BooleanColumn, DateTimeColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { kpowConnectionAlias } from './kpow-connection-alias.now'

/**
 * Serves an "Extend Kpow Access" item. check_only: decides (refusal, or the plan: pre-approved or
 * not, the new end). Otherwise: checks again, creates the new policy (the current one as Kpow holds
 * it, with a later end) BEFORE deleting the old one, and records the new one on the original item.
 */
export const extendTemporaryPolicyAction = Action(
    {
        $id: Now.ID['extend_temporary_policy_action'],
        name: 'Kpow - Extend Temporary Policy',
        description:
            'Extends the Kpow access of the open item an "Extend Kpow Access" request names: within the profile\'s maximum from the first grant, a new temporary policy is created before the old one is deleted (no lapse), and the original item records it. A refusal is an output, not an error; Kpow failures fail the action and change nothing.',
        category: 'Kpow',
        inputs: {
            requested_item: ReferenceColumn({
                label: 'Extension Request',
                referenceTable: 'sc_req_item',
                mandatory: true,
                hint: 'The "Extend Kpow Access" requested item',
            }),
            check_only: BooleanColumn({
                label: 'Check Only',
                mandatory: false,
                hint: 'Decide only: refusal or plan, nothing changed in Kpow',
            }),
        },
        outputs: {
            refusal: StringColumn({
                label: 'Refusal',
                maxLength: 1000,
                hint: 'Why not, for the requester; empty when allowed',
            }),
            original_item: ReferenceColumn({ label: 'Original Item', referenceTable: 'sc_req_item' }),
            original_number: StringColumn({ label: 'Original Number' }),
            profile_name: StringColumn({ label: 'Profile' }),
            approvers: StringColumn({ label: 'Approvers' }),
            preapproved: StringColumn({
                label: 'Pre-approved',
                hint: 'true when the profile pre-approves this extension',
            }),
            extension_label: StringColumn({ label: 'Extension' }),
            justification: StringColumn({ label: 'Justification', maxLength: 4000 }),
            current_policy_id: StringColumn({ label: 'Current Policy ID' }),
            current_expires_at: StringColumn({ label: 'Current Expiry' }),
            new_expires_at: StringColumn({ label: 'New Expiry' }),
            new_policy_id: StringColumn({ label: 'New Policy ID' }),
            old_policy_outcome: StringColumn({ label: 'Old Policy Outcome', maxLength: 1000 }),
            approval_due: DateTimeColumn({
                label: 'Approval Due',
                hint: "Now plus x_kpow_jit.approval_deadline_hours: the manager's approval is rejected if still undecided then",
            }),
        },
    },
    (params) => {
        const call = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['extend_temporary_policy_script'], label: 'Call Kpow: new policy, then delete the old one' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/extend-temporary-policy.js'),
                inputVariables: {
                    connection_alias: { label: 'Connection Alias', value: kpowConnectionAlias.$id },
                    requested_item: {
                        label: 'Extension Request',
                        value: wfa.dataPill(params.inputs.requested_item, 'reference'),
                    },
                    check_only: { label: 'Check Only', value: wfa.dataPill(params.inputs.check_only, 'boolean') },
                },
                outputVariables: {
                    refusal: StringColumn({ label: 'Refusal', maxLength: 1000 }),
                    original_item: StringColumn({ label: 'Original Item' }),
                    original_number: StringColumn({ label: 'Original Number' }),
                    profile_name: StringColumn({ label: 'Profile' }),
                    approvers: StringColumn({ label: 'Approvers' }),
                    preapproved: StringColumn({ label: 'Pre-approved' }),
                    extension_label: StringColumn({ label: 'Extension' }),
                    justification: StringColumn({ label: 'Justification', maxLength: 4000 }),
                    current_policy_id: StringColumn({ label: 'Current Policy ID' }),
                    current_expires_at: StringColumn({ label: 'Current Expiry' }),
                    new_expires_at: StringColumn({ label: 'New Expiry' }),
                    new_policy_id: StringColumn({ label: 'New Policy ID' }),
                    old_policy_outcome: StringColumn({ label: 'Old Policy Outcome', maxLength: 1000 }),
                    approval_due: DateTimeColumn({ label: 'Approval Due' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            refusal: wfa.dataPill(call.refusal, 'string'),
            original_item: wfa.dataPill(call.original_item, 'reference'),
            original_number: wfa.dataPill(call.original_number, 'string'),
            profile_name: wfa.dataPill(call.profile_name, 'string'),
            approvers: wfa.dataPill(call.approvers, 'string'),
            preapproved: wfa.dataPill(call.preapproved, 'string'),
            extension_label: wfa.dataPill(call.extension_label, 'string'),
            justification: wfa.dataPill(call.justification, 'string'),
            current_policy_id: wfa.dataPill(call.current_policy_id, 'string'),
            current_expires_at: wfa.dataPill(call.current_expires_at, 'string'),
            new_expires_at: wfa.dataPill(call.new_expires_at, 'string'),
            new_policy_id: wfa.dataPill(call.new_policy_id, 'string'),
            old_policy_outcome: wfa.dataPill(call.old_policy_outcome, 'string'),
            approval_due: wfa.dataPill(call.approval_due, 'glide_date_time'),
        })
    }
)
