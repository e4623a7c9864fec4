/**
 * What the deploy tool may print of a text it did not write itself: server answers are bounded and
 * lose their stack traces, and every password the tool holds is masked in every form a server may
 * echo it in (as typed, URL- or form-encoded, JSON- or HTML-escaped, inside a Basic `Authorization`
 * value). The reporter passes every line it prints through `SecretMask`, whatever the line's source.
 */
import escapeStringRegexp from 'escape-string-regexp'

/** The most of a server's text any message quotes. */
export const SERVER_TEXT_LIMIT = 300

export const STACK_TRACE_OMITTED = '(server stack trace omitted)'

/**
 * One frame of a stack trace as servers print them: Java (`at com.glide.X.run(X.java:42)`,
 * `(Native Method)`, `(Unknown Source)`), Node/V8 (`at fn (/srv/app.js:1:2)`, `at node:internal/…`,
 * `at <anonymous>`), Python (`File "x.py", line 3`) and the lines that join them (`Caused by:`,
 * `... 12 more`, `Traceback (most recent call last):`).
 */
const STACK_FRAME = new RegExp(
    [
        String.raw`\bat\s+[\w$<>]+(?:[.$/][\w$<>\-]+)+\s*\((?:[^()\n]*\.(?:java|kt|scala|groovy|clj)(?::\d+)?|Native Method|Unknown Source)\)`,
        String.raw`\bat\s+(?:async\s+)?(?:[^\s()]+\s+)?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\|https?:\/\/)[^\s()]*:\d+:\d+\)?`,
        String.raw`\bat\s+(?:[^\s()]+\s+)?\(?<anonymous>\)?`,
        String.raw`\bTraceback \(most recent call last\):`,
        String.raw`\bFile "[^"\n]+", line \d+`,
        String.raw`\bCaused by: `,
        String.raw`\.\.\. \d+ (?:more|common frames omitted)`,
    ].join('|'),
    'g'
)

/**
 * The text with every stack trace replaced by "(server stack trace omitted)": from the line of the
 * first frame to the end of the last one. What precedes (the error's own message) stays.
 */
export function withoutStackTraces(text: string): string {
    const frames = [...text.matchAll(STACK_FRAME)]
    const first = frames[0]
    const last = frames.at(-1)
    if (!first || !last) return text
    // Start at the frame's line (its indentation goes too); end at the last frame's line end.
    const lineStart = text.lastIndexOf('\n', first.index) + 1
    const start = /^\s*$/.test(text.slice(lineStart, first.index)) ? lineStart : first.index
    const lastEnd = last.index + last[0].length
    const lineEnd = text.indexOf('\n', lastEnd)
    const end = lineEnd === -1 ? text.length : lineEnd
    return `${text.slice(0, start)}${STACK_TRACE_OMITTED}${text.slice(end)}`
}

/**
 * A server's text as one printable line of at most `limit` characters: stack traces omitted,
 * whitespace and control characters collapsed (a server cannot move the cursor or add lines).
 */
export function boundedServerText(text: string, limit = SERVER_TEXT_LIMIT): string {
    const line = withoutStackTraces(text)
        // eslint-disable-next-line no-control-regex -- control characters are what is removed
        .replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
        .trim()
    return line.length > limit ? `${line.slice(0, limit)}…` : line
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

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `\uXXXX` for every character outside printable ASCII and for the ones HTML-safe encoders escape. */
function jsonUnicodeEscaped(text: string): string {
    return JSON.stringify(text)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]|[<>&'=]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * The forms a server may echo a secret in: as typed; URL-encoded (as a path or query component,
 * and as a form field, upper- and lower-case hex); JSON-escaped (plain, with `\/`, with `\uXXXX`);
 * HTML-escaped.
 */
export function secretForms(secret: string): string[] {
    const urlEncoded = encodeURIComponent(secret)
    const formEncoded = new URLSearchParams({ s: secret }).toString().slice(2)
    const jsonEscaped = JSON.stringify(secret).slice(1, -1)
    const forms = [
        secret,
        urlEncoded,
        formEncoded,
        urlEncoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        formEncoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        jsonEscaped,
        jsonEscaped.replace(/\//g, '\\/'),
        jsonUnicodeEscaped(secret),
        secret.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character),
    ]
    return [...new Set(forms)]
}

/** A run of base64 (standard or URL-safe) long enough to hide a credential: a Basic value, a token. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{6,}={0,2}/g

/** Text a base64 run decodes to, if it is printable text at all (random words decode to bytes). */
function decodedText(run: string): string | undefined {
    const bytes = Buffer.from(run, 'base64')
    if (bytes.length === 0) return undefined
    const text = bytes.toString('utf8')
    // eslint-disable-next-line no-control-regex -- printable text has no control characters
    return /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text) ? undefined : text
}

/**
 * Masks secrets wherever they stand: each form of each secret (longest first, so that a secret
 * containing another goes whole) becomes "***", and so does any base64 run that decodes to text
 * containing one (`Basic <base64 of user:password>`, whoever the user).
 */
export class SecretMask {
    private readonly secrets: string[]
    private readonly encodedSecrets: string[]
    private readonly patterns: RegExp[]

    /**
     * `encodedOnly`: secrets masked only where encoded (inside base64), e.g. a password equal to the
     * user name the output shows anyway: masking it as typed would only blank the name.
     */
    constructor(secrets: readonly string[], encodedOnly: readonly string[] = []) {
        this.secrets = [...new Set(secrets.filter((secret) => secret.length > 0))]
        this.encodedSecrets = [...new Set([...this.secrets, ...encodedOnly.filter((secret) => secret.length > 0)])]
        this.patterns = [...new Set(this.secrets.flatMap(secretForms))]
            .sort((left, right) => right.length - left.length)
            .map(wholeTokenPattern)
    }

    apply(text: string): string {
        if (this.encodedSecrets.length === 0) return text
        const withoutEncoded = text.replace(BASE64_RUN, (run) => {
            const decoded = decodedText(run)
            return decoded !== undefined && this.encodedSecrets.some((secret) => decoded.includes(secret)) ? '***' : run
        })
        return this.patterns.reduce((masked, pattern) => masked.replace(pattern, '***'), withoutEncoded)
    }
}

/** One masking function for every caller: `maskSecrets(text, secrets)`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
    return new SecretMask(secrets).apply(text)
}
