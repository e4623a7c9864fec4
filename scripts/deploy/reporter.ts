/**
 * How the deploy tool talks to the person running it: one line per step with its outcome and
 * duration, progress lines while a step polls, indented detail lines, and a DeployError as the
 * failed step's message plus its fix. Every line passes through the redactor: the tool never
 * formats a secret into a message, and this is the second guard should one ever slip in.
 */
import escapeStringRegexp from 'escape-string-regexp'
import { DeployError } from './errors.ts'

export type StepOutcome = 'done' | 'unchanged' | 'skipped' | 'failed'

export interface StepResult<Value> {
    outcome: Exclude<StepOutcome, 'failed'>
    /** One line: what happened ("uploaded …", "nothing to change: …"). */
    summary: string
    value: Value
}

export interface StepRecord {
    title: string
    outcome: StepOutcome
    summary: string
    durationMs: number
}

/** What a running step may print besides its result. */
export interface StepProgress {
    /** A progress line while polling (printed as is, indented). */
    progress(text: string): void
    /** A detail line (e.g. one preview problem). */
    detail(text: string): void
}

export interface ReporterOptions {
    write: (line: string) => void
    /** Texts that must never be printed (passwords); each is replaced with "***" where it stands as a whole token. */
    secrets?: readonly string[]
    now?: () => number
}

const MARKS: Record<StepOutcome, string> = { done: 'ok', unchanged: 'unchanged', skipped: 'skipped', failed: 'FAILED' }

export function formatDuration(milliseconds: number): string {
    return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`
}

const WORD = String.raw`[\p{L}\p{N}_]`

/**
 * Where `secret` stands as a whole token: not touching a letter, digit or underscore, nor a dot or
 * hyphen that joins it to one (a host name, a hyphenated word). A short password such as "exam"
 * then leaves "kpow.example.com" alone but is still found in `password=exam`, `"exam"` or
 * `user:exam@host`. A side where the secret itself starts or ends with a symbol needs no boundary.
 */
function wholeTokenPattern(secret: string): RegExp {
    const startsWithWord = new RegExp(`^${WORD}`, 'u').test(secret)
    const endsWithWord = new RegExp(`${WORD}$`, 'u').test(secret)
    const before = startsWithWord ? `(?<!${WORD})(?<!${WORD}[.-])` : ''
    const after = endsWithWord ? `(?!${WORD})(?![.-]${WORD})` : ''
    return new RegExp(`${before}${escapeStringRegexp(secret)}${after}`, 'gu')
}

export class Reporter {
    readonly steps: StepRecord[] = []
    private readonly secrets: RegExp[]
    private readonly now: () => number

    constructor(private readonly options: ReporterOptions) {
        // Longest first, so a secret containing another is replaced whole.
        this.secrets = [...new Set((options.secrets ?? []).filter((secret) => secret.length > 0))]
            .sort((left, right) => right.length - left.length)
            .map(wholeTokenPattern)
        this.now = options.now ?? (() => performance.now())
    }

    redact(text: string): string {
        return this.secrets.reduce((redacted, secret) => redacted.replace(secret, '***'), text)
    }

    line(text: string): void {
        this.options.write(this.redact(text))
    }

    /** Runs one step: prints its outcome and duration; a DeployError is printed with its fix and rethrown. */
    async step<Value>(title: string, run: (progress: StepProgress) => Promise<StepResult<Value>>): Promise<Value> {
        const started = this.now()
        const progress: StepProgress = {
            progress: (text) => this.line(`    … ${text}`),
            detail: (text) => this.line(`    ${text}`),
        }
        try {
            const result = await run(progress)
            const durationMs = this.now() - started
            this.steps.push({ title, outcome: result.outcome, summary: result.summary, durationMs })
            this.line(`[${MARKS[result.outcome]}] ${title}: ${result.summary} (${formatDuration(durationMs)})`)
            return result.value
        } catch (error) {
            const durationMs = this.now() - started
            const message = error instanceof Error ? error.message : String(error)
            this.steps.push({ title, outcome: 'failed', summary: message, durationMs })
            this.line(`[${MARKS.failed}] ${title}: ${message} (${formatDuration(durationMs)})`)
            if (error instanceof DeployError) this.line(`    fix: ${error.fix}`)
            throw error
        }
    }
}
