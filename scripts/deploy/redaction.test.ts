// What the deploy tool may print of a server's text: every encoding of its passwords masked, stack
// traces omitted, one bounded line.
import { describe, expect, it } from 'vitest'
import { SecretMask, boundedServerText, maskSecrets, secretForms, withoutStackTraces } from './redaction.ts'

const PASSWORD = 'p@ss w/rd"ü&<1>'

describe('maskSecrets', () => {
    it('masks the password as typed, URL- and form-encoded, JSON- and HTML-escaped', () => {
        const forms = [
            PASSWORD,
            encodeURIComponent(PASSWORD),
            encodeURIComponent(PASSWORD).toLowerCase(),
            new URLSearchParams({ p: PASSWORD }).toString().slice(2),
            JSON.stringify(PASSWORD).slice(1, -1),
            JSON.stringify(PASSWORD).slice(1, -1).replace(/\//g, '\\/'),
            'p@ss w/rd\\"\\u00fc\\u0026\\u003c1\\u003e',
            'p@ss w/rd&quot;ü&amp;&lt;1&gt;',
        ]
        for (const form of forms) expect(maskSecrets(`before ${form} after`, [PASSWORD])).toBe('before *** after')
        expect(secretForms(PASSWORD).length).toBeGreaterThanOrEqual(6)
    })

    it('masks a Basic value (base64 of user:password, standard or URL-safe) whoever the user', () => {
        for (const user of ['admin', 'someone.else']) {
            const basic = Buffer.from(`${user}:${PASSWORD}`).toString('base64')
            expect(maskSecrets(`Authorization: Basic ${basic}`, [PASSWORD])).toBe('Authorization: Basic ***')
            const urlSafe = Buffer.from(`${user}:${PASSWORD}`).toString('base64url')
            expect(maskSecrets(`token=${urlSafe};`, [PASSWORD])).toBe('token=***;')
        }
    })

    it('a password equal to a shown user name (admin/admin) is masked where encoded, not as typed', () => {
        const basic = Buffer.from('admin:admin').toString('base64')
        expect(new SecretMask([], ['admin']).apply(`user admin sent Basic ${basic}`)).toBe('user admin sent Basic ***')
    })

    it('leaves other base64 and other words alone', () => {
        const other = Buffer.from('admin:another-password').toString('base64')
        const text = `Basic ${other} Authorization sys_remote_update_set 5fe8f845f6171bf8f622ba095e1fdf44`
        expect(maskSecrets(text, [PASSWORD, 'exam'])).toBe(text)
    })
})

describe('withoutStackTraces', () => {
    it('omits Java frames, Caused by and "... n more", keeping the message', () => {
        const java =
            'java.lang.IllegalStateException: bad\n\tat com.glide.X.run(X.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:829)\nCaused by: java.lang.NullPointerException\n\tat com.glide.Y.z(Unknown Source)\n\t... 12 more'
        expect(withoutStackTraces(java)).toBe('java.lang.IllegalStateException: bad\n(server stack trace omitted)')
    })

    it('omits Node and Python frames, also on one line', () => {
        expect(boundedServerText('TypeError: x is undefined at handle (/srv/app.js:10:5) at node:internal/x:1:2')).toBe(
            'TypeError: x is undefined (server stack trace omitted)'
        )
        expect(
            boundedServerText(
                'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nValueError: no'
            )
        ).toBe('(server stack trace omitted) ValueError: no')
    })

    it('leaves a URL with a port or a plain sentence alone', () => {
        const text = 'cannot reach Kpow at https://kpow.test:4000 (ECONNREFUSED) at 10:05'
        expect(withoutStackTraces(text)).toBe(text)
    })
})

describe('boundedServerText', () => {
    it('one line of at most 300 characters, control characters gone', () => {
        const bounded = boundedServerText(`line one\r\nline\u001b[31m two ${'x'.repeat(1000)}`)
        expect(bounded).toMatch(/^line one line \[31m two x+…$/)
        expect(bounded.length).toBe(301)
    })
})
