import { describe, expect, it } from 'vitest'
import { parseApprovalDueDate } from './flow-model'

const dueDate = (fields: Record<string, unknown>) =>
    JSON.stringify({
        action: 'reject',
        date_type: 'actual',
        date: '{{read.approval_due}}',
        duration: 1,
        duration_type: 'days',
        schedule: '',
        schedule_label: '',
        ...fields,
    })

describe("Ask For Approval's due date, read as the SDK documents each encoding", () => {
    it('relative: the due date is the date given, a date-time pill or a date-time', () => {
        expect(parseApprovalDueDate(dueDate({ date_type: 'relative' }))).toEqual({
            action: 'reject',
            kind: 'date',
            date: '{{read.approval_due}}',
        })
        expect(
            parseApprovalDueDate(dueDate({ date_type: 'relative', action: 'approve', date: '2026-11-29 17:00:00' }))
        ).toEqual({ action: 'approve', kind: 'date', date: '2026-11-29 17:00:00' })
    })

    it('actual: a duration counted from now, its date not read; so a pill given as an actual date is not the deadline', () => {
        // What the build once wrote: the deadline pill under "actual", with the SDK's default 1 day.
        // Read as documented, the approval is due in 24 hours whatever the pill holds.
        expect(parseApprovalDueDate(dueDate({}))).toEqual({
            action: 'reject',
            kind: 'from-now',
            milliseconds: 86_400_000,
            duration: '1 days',
        })
        expect(parseApprovalDueDate(dueDate({ date: '{}', duration: 8, duration_type: 'hours' }))).toEqual({
            action: 'reject',
            kind: 'from-now',
            milliseconds: 8 * 3_600_000,
            duration: '8 hours',
        })
    })

    it('takes action none with the placeholder date as no deadline', () => {
        expect(parseApprovalDueDate(dueDate({ action: 'none', date: '{{}}' }))).toEqual({
            action: 'none',
            kind: 'date',
            date: '',
        })
    })

    it('refuses, naming the field, what it does not run', () => {
        expect(parseApprovalDueDate('{not json')).toMatch(/is not JSON/)
        expect(parseApprovalDueDate(dueDate({ action: 'escalate' }))).toMatch(/action "escalate" is not none/)
        expect(parseApprovalDueDate(dueDate({ date_type: 'business' }))).toMatch(
            /date_type "business" is not "relative" .* or "actual"/
        )
        expect(parseApprovalDueDate(dueDate({ schedule: '08fcd0830a0a0b2600079f56b1adb9ae' }))).toMatch(
            /no business-hours schedules/
        )
        expect(parseApprovalDueDate(dueDate({ date_type: 'relative', date: '{}' }))).toMatch(/has no date/)
        expect(parseApprovalDueDate(dueDate({ date_type: 'relative', date: 'tomorrow' }))).toMatch(
            /date "tomorrow" is not a date-time/
        )
        expect(parseApprovalDueDate(dueDate({ duration_type: 'months' }))).toMatch(/duration_type "months"/)
        expect(parseApprovalDueDate(dueDate({ duration: 0 }))).toMatch(/duration 0 .* is not a number above 0/)
    })
})
