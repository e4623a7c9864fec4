/**
 * How the deploy tool talks to the person running it: one line per step with its outcome and
 * duration, progress lines while a step polls, indented detail lines, and a DeployError as the
 * failed step's message plus its fix. Every line passes through `printable`: the tool never formats a
 * secret into a message, and this is the second guard should one ever slip in, from a server's
 * echo or anywhere else.
 */
import { DeployError } from './errors.ts'
import { SecretMask, withoutStackTraces } from './redaction.ts'

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
    /** Texts that must never be printed (passwords); each, in every encoding, is replaced with "***" where it stands as a whole token. */
    secrets?: readonly string[]
    /** Texts masked only where they stand encoded (base64): passwords equal to a user name the output shows. */
    encodedSecrets?: readonly string[]
    now?: () => number
}

const MARKS: Record<StepOutcome, string> = { done: 'ok', unchanged: 'unchanged', skipped: 'skipped', failed: 'FAILED' }

export function formatDuration(milliseconds: number): string {
    return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`
}

/** The longest line the reporter prints: a guard should any text slip through unbounded. */
export const LINE_LIMIT = 2000

/**
 * What every printed line goes through, whatever formatted it: stack traces omitted, control
 * characters (a server's newlines, escape sequences) made spaces, the length bounded, and the
 * tool's secrets masked in every encoding.
 */
export function printable(text: string, mask: SecretMask): string {
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    const line = withoutStackTraces(text).replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    return mask.apply(line.length > LINE_LIMIT ? `${line.slice(0, LINE_LIMIT)}…` : line)
}

export class Reporter {
    readonly steps: StepRecord[] = []
    private readonly mask: SecretMask
    private readonly now: () => number

    constructor(private readonly options: ReporterOptions) {
        this.mask = new SecretMask(options.secrets ?? [], options.encodedSecrets ?? [])
        this.now = options.now ?? (() => performance.now())
    }

    redact(text: string): string {
        return printable(text, this.mask)
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
