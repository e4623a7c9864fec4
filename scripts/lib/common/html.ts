// Server-side HTML without a template engine: `html` is a tagged template that escapes every
// interpolated value unless it is already SafeHtml (the result of another `html` call or `raw`).
// Arrays are joined, null/undefined/false render nothing, so conditionals and lists read naturally.

export class SafeHtml {
    constructor(readonly text: string) {}
    toString(): string {
        return this.text
    }
}

type Fragment = SafeHtml | string | number | boolean | null | undefined | readonly Fragment[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

function render(fragment: Fragment): string {
    if (fragment instanceof SafeHtml) return fragment.text
    if (Array.isArray(fragment)) return fragment.map(render).join('')
    if (fragment === null || fragment === undefined || fragment === false) return ''
    return escapeHtml(String(fragment))
}

export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): SafeHtml {
    let out = strings[0] ?? ''
    values.forEach((value, index) => {
        out += render(value) + (strings[index + 1] ?? '')
    })
    return new SafeHtml(out)
}

/** Trusted markup only (constants written in this code base), never request data. */
export function raw(text: string): SafeHtml {
    return new SafeHtml(text)
}

export type { Fragment }
