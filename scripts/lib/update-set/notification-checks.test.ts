import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { findNotificationLeaks } from './notification-checks.ts'
import { readUpdateSet } from './read-update-set.ts'
import type { UpdateSet } from './read-update-set.ts'

/** The set with `from` replaced by `to` inside every flow step's (gzipped) input values. */
function withStepValues(set: UpdateSet, from: string, to: string): UpdateSet {
    for (const entry of set.records)
        for (const record of entry.payload.records) {
            const values = record.table === 'sys_hub_action_instance_v2' ? record.fields.values : undefined
            if (!values) continue
            const json = gunzipSync(Buffer.from(values.value, 'base64')).toString('utf8')
            values.value = gzipSync(json.split(from).join(to)).toString('base64')
        }
    return set
}

const builtXml = readFileSync(join(import.meta.dirname, '..', '..', '..', 'update-sets', 'kpow-jit-access.xml'), 'utf8')

describe('secrets in notifications', () => {
    it("finds none in the project's set", () => {
        expect(findNotificationLeaks(readUpdateSet(builtXml))).toEqual([])
    })

    it('finds a secret-looking field in a message, a mail script, and a secret pill in a Fire Event parameter', () => {
        const leakyXml = builtXml
            .replaceAll('Kpow access granted: ${number}', 'Kpow access granted: ${requested_for.user_password}')
            .replaceAll('Their comment: ${event.parm2}', 'Their comment: ${mail_script:approval details}')
        const leaky = withStepValues(readUpdateSet(leakyXml), '.decided_by}}', '.decided_by.api_key}}')
        const details = findNotificationLeaks(leaky).map((finding) => finding.detail)
        expect(details).toEqual([
            'notification "Kpow access rejected", message_html: ${mail_script:approval details} prints what its script likes; it cannot be checked for secrets',
            'notification "Kpow access granted", subject: ${requested_for.user_password} would put a secret in an email',
            expect.stringMatching(
                /^Fire Event step #\d+, parm1: \{\{[\w-]+\.decided_by\.api_key\}\} would pass a secret to a notification$/
            ),
        ])
    })
})
