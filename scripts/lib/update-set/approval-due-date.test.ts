import { describe, expect, it } from 'vitest'
import { describeApprovalDueDate } from './flow-outline.ts'

const dueDate = (fields: Record<string, unknown>) =>
    JSON.stringify({
        action: 'reject',
        date_type: 'relative',
        date: '',
        duration: 1,
        duration_type: 'days',
        schedule: '',
        schedule_label: '',
        ...fields,
    })

describe("explain's Ask For Approval due date in words", () => {
    it('reads relative as a date-time (a pill or a value) and actual as a duration from when it is asked', () => {
        expect(
            describeApprovalDueDate(dueDate({ date: '{{subflow.due}}' }), (text) =>
                text.replace('{{subflow.due}}', '[Due]')
            )
        ).toBe('Rejected if undecided by [Due]')
        expect(describeApprovalDueDate(dueDate({ action: 'approve', date: '2026-12-05 12:00:00' }))).toBe(
            'Approved if undecided by 2026-12-05 12:00:00'
        )
        expect(
            describeApprovalDueDate(
                dueDate({ action: 'cancel', date_type: 'actual', date: '{}', duration: 8, duration_type: 'hours' })
            )
        ).toBe('Cancelled if undecided 8 hours after it is asked')
        expect(describeApprovalDueDate(dueDate({ date: 'x', schedule_label: '8-5 weekdays' }))).toBe(
            'Rejected if undecided by x (on schedule 8-5 weekdays)'
        )
        expect(describeApprovalDueDate(dueDate({ action: 'none' }))).toBe('no due date')
    })

    it('refuses what the SDK does not write, so explain shows the raw value with a note', () => {
        expect(() => describeApprovalDueDate(dueDate({ action: 'escalate' }))).toThrow(/action "escalate"/)
        expect(() => describeApprovalDueDate(dueDate({ date_type: 'soon' }))).toThrow(/date_type "soon"/)
        expect(() => describeApprovalDueDate('{not json')).toThrow()
    })
})
