/**
 * Long HTML (an email body, a notification's message) as one line a reviewer can read: how long it
 * is, where it links to and which mail scripts it runs, instead of kilobytes of markup.
 */

/** Text at most this long is shown as it is. */
const SHOWN_IN_FULL = 300

const LINK = /\bhref\s*=\s*"([^"]*)"|\bhref\s*=\s*'([^']*)'/gi
const MAIL_SCRIPT = /\$\{mail_script:([^}]+)\}/g

function decodeEntities(text: string): string {
    return text
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
}

/** The links (href targets) of an HTML text, in order, each once. */
export function linksOf(html: string): string[] {
    return [...new Set([...html.matchAll(LINK)].map((match) => decodeEntities(match[1] ?? match[2] ?? '')))]
}

/** The mail scripts a notification body runs (`${mail_script:name}`), each once. */
export function mailScriptsOf(text: string): string[] {
    return [...new Set([...text.matchAll(MAIL_SCRIPT)].map((match) => (match[1] ?? '').trim()))]
}

/** The words of an HTML text without its markup. */
export function textOf(html: string): string {
    return decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
}

/** `HTML, 9123 characters, begins "…", 3 links: a, b, c` for long HTML; undefined when it is short or not HTML. */
export function summarizeLongText(text: string): string | undefined {
    if (text.length <= SHOWN_IN_FULL || !/<[a-z][^>]*>/i.test(text)) return undefined
    const words = textOf(text)
    const begins = words.length > 60 ? `${words.slice(0, 60).trimEnd()}…` : words
    const links = linksOf(text)
    const scripts = mailScriptsOf(text)
    return [
        `HTML, ${String(text.length)} characters`,
        `begins "${begins}"`,
        links.length === 0 ? 'no links' : `${String(links.length)} link(s): ${links.join(', ')}`,
        ...(scripts.length === 0 ? [] : [`mail script(s): ${scripts.join(', ')}`]),
    ].join('; ')
}
