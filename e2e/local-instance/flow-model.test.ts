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

describe("Ask For Approval's due date, as the local instance runs it", () => {
    it('runs an actual date given as a pill or a date-time', () => {
        expect(parseApprovalDueDate(dueDate({}))).toEqual({ action: 'reject', date: '{{read.approval_due}}' })
        expect(parseApprovalDueDate(dueDate({ action: 'approve', date: '2026-11-29 17:00:00' }))).toEqual({
            action: 'approve',
            date: '2026-11-29 17:00:00',
        })
    })

    it('takes action none with the placeholder date as no deadline', () => {
        expect(parseApprovalDueDate(dueDate({ action: 'none', date: '{{}}' }))).toEqual({ action: 'none', date: '' })
    })

    it('refuses, naming the field, what it does not run', () => {
        expect(parseApprovalDueDate('{not json')).toMatch(/is not JSON/)
        expect(parseApprovalDueDate(dueDate({ action: 'escalate' }))).toMatch(/action "escalate" is not none/)
        expect(parseApprovalDueDate(dueDate({ date_type: 'relative' }))).toMatch(
            /date_type "relative" is not supported/
        )
        expect(parseApprovalDueDate(dueDate({ schedule: '08fcd0830a0a0b2600079f56b1adb9ae' }))).toMatch(
            /no business-hours schedules/
        )
        expect(parseApprovalDueDate(dueDate({ date: '{}' }))).toMatch(/has no date/)
        expect(parseApprovalDueDate(dueDate({ date: 'tomorrow' }))).toMatch(/date "tomorrow" is not a date-time/)
    })
})
