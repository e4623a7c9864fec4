// The reporter: a line per step with its outcome and duration, a DeployError's fix, and secrets
// redacted from every line whatever formats them.
import { describe, expect, it } from 'vitest'
import { DeployError } from './errors.ts'
import { Reporter } from './reporter.ts'
import { normaliseUrl, secretsOf } from './settings.ts'

function reporter(secrets: string[] = []) {
    const lines: string[] = []
    let clock = 0
    const instance = new Reporter({ write: (line) => lines.push(line), secrets, now: () => (clock += 1500) })
    return { instance, lines }
}

describe('Reporter', () => {
    it('prints each step with its outcome and duration', async () => {
        const { instance, lines } = reporter()
        await instance.step('upload', async (progress) => {
            progress.progress('50%')
            return { outcome: 'done', summary: 'uploaded', value: 1 }
        })
        await instance.step('activate', async () => ({ outcome: 'unchanged', summary: 'already active', value: 2 }))
        expect(lines).toEqual([
            '    … 50%',
            '[ok] upload: uploaded (1.5 s)',
            '[unchanged] activate: already active (1.5 s)',
        ])
        expect(instance.steps.map((step) => [step.title, step.outcome, step.durationMs])).toEqual([
            ['upload', 'done', 1500],
            ['activate', 'unchanged', 1500],
        ])
    })

    it('prints a failed step with its fix and rethrows', async () => {
        const { instance, lines } = reporter()
        const failure = new DeployError('commit failed', 'open the set')
        await expect(instance.step('commit', async () => Promise.reject(failure))).rejects.toBe(failure)
        expect(lines).toEqual(['[FAILED] commit: commit failed (1.5 s)', '    fix: open the set'])
    })

    it('redacts every secret, the longer first, from any line', async () => {
        const { instance, lines } = reporter(['pw-1', 'pw-1-longer'])
        instance.line('a pw-1-longer and a pw-1')
        await expect(
            instance.step('connect', async () => Promise.reject(new DeployError('bad pw-1', 'not pw-1-longer')))
        ).rejects.toThrow()
        expect(lines.join('\n')).not.toMatch(/pw-1/)
        expect(lines[0]).toBe('a *** and a ***')
    })

    it('redacts a secret only where it stands as a whole token, never inside another word', () => {
        const { instance, lines } = reporter(['exam', 'S3cret!'])
        for (const text of [
            'Kpow at https://kpow.example.com:4000 for the examiner; kpow-exam.test and exam-room stay',
            'password=exam&next, "exam", admin:exam@host, (exam), the password is exam.',
            'exam',
            'S3cret!x',
        ])
            instance.line(text)
        expect(lines).toEqual([
            'Kpow at https://kpow.example.com:4000 for the examiner; kpow-exam.test and exam-room stay',
            'password=***&next, "***", admin:***@host, (***), the password is ***.',
            '***',
            // A side where the secret ends in a symbol needs no boundary: a leak is worse than a mask too many.
            '***x',
        ])
    })
})

describe('settings', () => {
    it('normalises instance URLs and refuses what is not one', () => {
        expect(normaliseUrl('dev123.service-now.com')).toBe('https://dev123.service-now.com')
        expect(normaliseUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080')
        expect(() => normaliseUrl('ftp://x')).toThrow(/not an http\(s\) URL/)
    })

    it('collects the passwords, flags first, but not one that equals a shown user name', () => {
        expect(secretsOf({ password: 'flag-pw' }, { SN_PASSWORD: 'env-pw', KPOW_API_PASSWORD: 'kpow-pw' })).toEqual([
            'flag-pw',
            'kpow-pw',
        ])
        expect(secretsOf({}, { SN_USER: 'admin', SN_PASSWORD: 'admin', SN_SDK_USER_PWD: 'x' })).toEqual([])
        expect(
            secretsOf(
                { approverPassword: 'mgr-pw' },
                { SN_SMOKE_REQUESTER: 'abel', SN_SMOKE_REQUESTER_PASSWORD: 'req-pw', SN_SMOKE_APPROVER_PASSWORD: 'x' }
            )
        ).toEqual(['req-pw', 'mgr-pw'])
    })
})
