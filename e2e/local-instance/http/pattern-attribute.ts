// A catalog variable's validation regex, as an HTML `pattern` attribute. Browsers compile
// `pattern` with the `v` flag, which refuses some classes the platform's regexes use (an
// unescaped "-" at the edge of a class: `[a-z._-]`). The regex is rewritten to the same language
// under `v`; when that cannot be done the attribute is left out and the server's check remains.

/** Escapes a "-" that is the first or last character of a character class. */
function escapeEdgeHyphens(regex: string): string {
    let out = ''
    let inClass = false
    for (let index = 0; index < regex.length; index += 1) {
        const char = regex[index] ?? ''
        if (char === '\\') {
            out += char + (regex[index + 1] ?? '')
            index += 1
            continue
        }
        if (!inClass && char === '[') {
            inClass = true
            out += char
            if (regex[index + 1] === '^') {
                out += '^'
                index += 1
            }
            if (regex[index + 1] === '-') {
                out += '\\-'
                index += 1
            }
            continue
        }
        if (inClass && char === '-' && regex[index + 1] === ']') {
            out += '\\-'
            continue
        }
        if (inClass && char === ']') inClass = false
        out += char
    }
    return out
}

function compilesAsPattern(pattern: string): boolean {
    try {
        new RegExp(`^(?:${pattern})$`, 'v')
        return true
    } catch {
        return false
    }
}

/** The `pattern` attribute accepting exactly what `regex` accepts, or undefined. */
export function patternAttribute(regex: string): string | undefined {
    if (compilesAsPattern(regex)) return regex
    const rewritten = escapeEdgeHyphens(regex)
    if (!compilesAsPattern(rewritten)) return undefined
    return rewritten
}
