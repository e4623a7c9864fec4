import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { DurationColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'
import { extendAccessCatalogItem } from './extend-access-catalog-item.now'

/**
 * Where a waiting flow's grant stands now, on the instance's clock: still the item's current policy
 * (not replaced by an extension), the item still open, how long until the expiry reminder
 * (x_kpow_jit.expiry_reminder_minutes before the end) and until the end, and the link that extends it.
 */
export const readCurrentGrantAction = Action(
    {
        $id: Now.ID['read_current_grant_action'],
        name: 'Kpow - Read Current Grant',
        description:
            "Reads the requested item's current Kpow grant (correlation_id, due_date) against a flow's policy: whether it is still current and the item open, the time until the expiry reminder and until the end (glide_duration), whether the reminder is due, and the link to extend it.",
        category: 'Kpow',
        inputs: {
            requested_item: ReferenceColumn({
                label: 'Requested Item',
                referenceTable: 'sc_req_item',
                mandatory: true,
                hint: 'The access item',
            }),
            policy_id: StringColumn({
                label: 'Policy ID',
                mandatory: true,
                hint: "The flow's own policy: current unless an extension replaced it",
            }),
            expires_at: StringColumn({
                label: 'Expires At',
                mandatory: false,
                hint: "The flow's own expiry (YYYY-MM-DD HH:mm:ss UTC), used when the item records none",
            }),
        },
        outputs: {
            current: StringColumn({ label: 'Current', hint: "true while the policy is the item's current one" }),
            open: StringColumn({ label: 'Open', hint: 'true while the item is not closed' }),
            current_policy_id: StringColumn({ label: 'Current Policy ID' }),
            expires_at: StringColumn({ label: 'Expires At' }),
            // Durations, not text: Wait For Condition's timeout_duration is a glide_duration input.
            until_reminder: DurationColumn({
                label: 'Until Reminder',
                hint: 'Time until the reminder; empty when its time has come or there is none',
            }),
            until_expiry: DurationColumn({ label: 'Until Expiry', hint: 'Time until the current end' }),
            remind: StringColumn({ label: 'Remind', hint: 'true when the reminder is due now' }),
            minutes_left: StringColumn({ label: 'Minutes Left' }),
            extend_link: StringColumn({ label: 'Extend Link', maxLength: 1000 }),
        },
    },
    (params) => {
        const read = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['read_current_grant_script'], label: 'Read the current grant' },
            {
                required_run_time: 'instance',
                script: Now.include('./scripts/read-current-grant.js'),
                inputVariables: {
                    requested_item: {
                        label: 'Requested Item',
                        value: wfa.dataPill(params.inputs.requested_item, 'reference'),
                    },
                    policy_id: { label: 'Policy ID', value: wfa.dataPill(params.inputs.policy_id, 'string') },
                    expires_at: { label: 'Expires At', value: wfa.dataPill(params.inputs.expires_at, 'string') },
                    extend_item: { label: 'Extend Item', value: extendAccessCatalogItem.$id },
                },
                outputVariables: {
                    current: StringColumn({ label: 'Current' }),
                    open: StringColumn({ label: 'Open' }),
                    current_policy_id: StringColumn({ label: 'Current Policy ID' }),
                    expires_at: StringColumn({ label: 'Expires At' }),
                    until_reminder: DurationColumn({ label: 'Until Reminder' }),
                    until_expiry: DurationColumn({ label: 'Until Expiry' }),
                    remind: StringColumn({ label: 'Remind' }),
                    minutes_left: StringColumn({ label: 'Minutes Left' }),
                    extend_link: StringColumn({ label: 'Extend Link', maxLength: 1000 }),
                },
            }
        )
        wfa.assignActionOutputs(params.outputs, {
            current: wfa.dataPill(read.current, 'string'),
            open: wfa.dataPill(read.open, 'string'),
            current_policy_id: wfa.dataPill(read.current_policy_id, 'string'),
            expires_at: wfa.dataPill(read.expires_at, 'string'),
            until_reminder: wfa.dataPill(read.until_reminder, 'glide_duration'),
            until_expiry: wfa.dataPill(read.until_expiry, 'glide_duration'),
            remind: wfa.dataPill(read.remind, 'string'),
            minutes_left: wfa.dataPill(read.minutes_left, 'string'),
            extend_link: wfa.dataPill(read.extend_link, 'string'),
        })
    }
)
