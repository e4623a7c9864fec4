// A Playwright reporter for the instance target: after the run, one line per spec file that skipped,
// with its reason, the steps each test checked on the local target only, and what each test's
// teardown tidied on the instance; Playwright's list reporter shows that a test skipped, not why.
import { basename } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SkipReasons implements Reporter {
    private readonly skipped = new Map<string, string>()
    private readonly localOnly = new Map<string, Set<string>>()
    private readonly tidied = new Set<string>()

    onTestEnd(test: TestCase, result: TestResult): void {
        const file = basename(test.location.file)
        for (const annotation of [...test.annotations, ...result.annotations]) {
            if (annotation.type === 'skip' && result.status === 'skipped')
                this.skipped.set(file, annotation.description ?? '')
            if (annotation.type === 'clean-up' && annotation.description)
                this.tidied.add(`clean-up after ${file} (${test.title}): ${annotation.description}`)
            if (annotation.type === 'local only' && annotation.description) {
                const reasons = this.localOnly.get(file) ?? new Set<string>()
                reasons.add(annotation.description)
                this.localOnly.set(file, reasons)
            }
        }
    }

    onEnd(): void {
        const lines = [
            ...[...this.skipped].map(([file, reason]) => `skipped on the instance target: ${file}: ${reason}`),
            ...[...this.localOnly].map(
                ([file, reasons]) => `checked on the local target only, in ${file}: ${[...reasons].join('; ')}`
            ),
            ...this.tidied,
        ]
        if (lines.length > 0) console.log(`\n${lines.join('\n')}`)
    }

    printsToStdio(): boolean {
        return true
    }
}
