import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { BooleanColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { kpowConnectionAlias } from './kpow-connection-alias.now'

/**
 * After a failed create: finds the policy Kpow may have created anyway (GET
 * /admin/v1/temporary-policies, matched on the request the create noted on the item) and deletes it.
 * Never fails for Kpow's sake: its outcome tells the flow whether to try once more.
 */
export const reconcileTemporaryPolicyAction = Action(
    {
        $id: Now.ID['reconcile_temporary_policy_action'],
        name: 'Kpow - Reconcile Temporary Policy',
        description:
            "After Kpow - Create Temporary Policy failed once its request may have reached Kpow: lists Kpow's temporary policies, deletes the one that request created (same role, actions, resource and duration, created since it was sent), and notes the outcome on the item (work note; additional comment for the requester on the last attempt). Outcome: nothing_sent, refused, none_found, deleted, ambiguous or unresolved.",
        category: 'Kpow',
        inputs: {
            work_notes_record: ReferenceColumn({
                label: 'Work Notes Record',
                referenceTable: 'sc_req_item',
                mandatory: true,
                hint: 'Requested item whose create failed: its notes hold the request the create sent, and receive the outcome',
            }),
            last_attempt: BooleanColumn({
                label: 'Last Attempt',
                mandatory: false,
                hint: 'When Kpow cannot be reached: true = tell the requester and an administrator that access may exist; false = note it and let the flow try again',
            }),
        },
        outputs: {
            outcome: StringColumn({
                label: 'Outcome',
                hint: 'nothing_sent, refused, none_found, deleted, ambiguous or unresolved (Kpow did not answer: try again)',
            }),
            may_exist_until: StringColumn({
                label: 'May Exist Until',
                hint: 'When unresolved or ambiguous: when any access from the request ends at the latest, in UTC',
            }),
        },
    },
    (params) => {
        const call = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['reconcile_temporary_policy_script'], label: 'Call Kpow: find and delete the policy' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/reconcile-temporary-policy.js'),
                inputVariables: {
                    connection_alias: { label: 'Connection Alias', value: kpowConnectionAlias.$id },
                    work_notes_record: {
                        label: 'Work Notes Record',
                        value: wfa.dataPill(params.inputs.work_notes_record, 'reference'),
                    },
                    last_attempt: {
                        label: 'Last Attempt',
                        value: wfa.dataPill(params.inputs.last_attempt, 'boolean'),
                    },
                },
                outputVariables: {
                    outcome: StringColumn({ label: 'Outcome' }),
                    may_exist_until: StringColumn({ label: 'May Exist Until' }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            outcome: wfa.dataPill(call.outcome, 'string'),
            may_exist_until: wfa.dataPill(call.may_exist_until, 'string'),
        })
    }
)
