import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { StringColumn } from '@servicenow/sdk/core'
import { requestedItemInputs } from './action-columns.now'

/**
 * How an item's approval ended, for Kpow - Decide Access: Ask For Approval gives only the state,
 * while the requester is told who rejected and why, a deadline is told apart from a person, and an
 * approval by the requester does not count. The approver's comment is read with the scoped API
 * (GlideElement.getJournalEntry), which a flow's data pill of a journal field does not give.
 */
export const readApprovalDecisionAction = Action(
    {
        $id: Now.ID['read_approval_decision_action'],
        name: 'Kpow - Read Approval Decision',
        description:
            "Reads how the requested item's approval ended: approved, rejected, cancelled, deadline passed (rejected by the system at the due date) or approved by the requester (which does not count); who decided, and a rejecting approver's newest comment with a note for the requester.",
        category: 'Kpow',
        inputs: requestedItemInputs,
        outputs: {
            outcome: StringColumn({
                label: 'Outcome',
                hint: 'approved, rejected, cancelled, deadline passed or approved by the requester',
            }),
            decided_by: StringColumn({ label: 'Decided By', hint: "The deciding approver's name" }),
            comment: StringColumn({ label: 'Comment', maxLength: 4000, hint: "A rejecting approver's newest comment" }),
            rejection_note: StringColumn({
                label: 'Rejection Note',
                maxLength: 4000,
                hint: 'Who rejected and their comment, for the requester; empty unless a person rejected',
            }),
        },
    },
    (params) => {
        const read = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['read_approval_decision_script'], label: 'Read who decided the approval and why' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/read-approval-decision.js'),
                inputVariables: {
                    requested_item: {
                        label: 'Requested Item',
                        value: wfa.dataPill(params.inputs.requested_item, 'reference'),
                    },
                },
                outputVariables: {
                    outcome: StringColumn({ label: 'Outcome' }),
                    decided_by: StringColumn({ label: 'Decided By' }),
                    comment: StringColumn({ label: 'Comment', maxLength: 4000 }),
                    rejection_note: StringColumn({ label: 'Rejection Note', maxLength: 4000 }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            outcome: wfa.dataPill(read.outcome, 'string'),
            decided_by: wfa.dataPill(read.decided_by, 'string'),
            comment: wfa.dataPill(read.comment, 'string'),
            rejection_note: wfa.dataPill(read.rejection_note, 'string'),
        })
    }
)
