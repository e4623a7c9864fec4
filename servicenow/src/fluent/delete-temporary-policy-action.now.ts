import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { BooleanColumn, IntegerColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { kpowConnectionAlias } from './kpow-connection-alias.now'

/**
 * DELETE /admin/v1/temporary-policies/{id}. A 404 means Kpow already expired the policy: the
 * action succeeds and says so (already_expired, outcome); any other non-2xx fails it.
 */
export const deleteTemporaryPolicyAction = Action(
    {
        $id: Now.ID['delete_temporary_policy_action'],
        name: 'Kpow - Delete Temporary Policy',
        description:
            "Revokes a Kpow temporary policy. Treats 404 (already expired) as done and reports it; fails with Kpow's HTTP status and message otherwise.",
        category: 'Kpow',
        inputs: {
            policy_id: StringColumn({
                label: 'Policy ID',
                mandatory: true,
                hint: 'Id returned by Kpow - Create Temporary Policy',
            }),
            work_notes_record: ReferenceColumn({
                label: 'Work Notes Record',
                referenceTable: 'sc_req_item',
                mandatory: false,
                hint: "Requested item that receives a work note with Kpow's HTTP status and message when the action fails",
            }),
        },
        outputs: {
            already_expired: BooleanColumn({ label: 'Already Expired' }),
            outcome: StringColumn({ label: 'Outcome' }),
        },
    },
    (params) => {
        const call = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['delete_temporary_policy_script'], label: 'Call Kpow: delete temporary policy' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/delete-temporary-policy.js'),
                inputVariables: {
                    connection_alias: { label: 'Connection Alias', value: kpowConnectionAlias.$id },
                    policy_id: { label: 'Policy ID', value: wfa.dataPill(params.inputs.policy_id, 'string') },
                    work_notes_record: {
                        label: 'Work Notes Record',
                        value: wfa.dataPill(params.inputs.work_notes_record, 'reference'),
                    },
                },
                outputVariables: {
                    already_expired: BooleanColumn({ label: 'Already Expired' }),
                    outcome: StringColumn({ label: 'Outcome' }),
                    status_code: IntegerColumn({ label: 'HTTP Status' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            already_expired: wfa.dataPill(call.already_expired, 'boolean'),
            outcome: wfa.dataPill(call.outcome, 'string'),
        })
    }
)
