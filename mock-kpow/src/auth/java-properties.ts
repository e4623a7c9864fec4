import { readFileSync } from 'node:fs'

// A port of java.util.Properties.load(InputStream): Jetty's PropertyUserStore reads realm files
// through it, so anything Java accepts (continuations, escapes, odd separators) must load the same.

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f'
const isLineEnd = (c: string | undefined): boolean => c === '\n' || c === '\r'

interface LogicalLine {
    text: string
    lineNumber: number
}

// Mirrors Properties.LineReader: natural lines joined by an odd number of trailing backslashes,
// leading blanks of every natural line dropped, comment and blank lines skipped.
function readLogicalLines(text: string): LogicalLine[] {
    const lines: LogicalLine[] = []
    let buffer = ''
    let startLine = 1
    let naturalLine = 1
    let skipBlanks = true
    let atLogicalStart = true
    let precedingBackslash = false
    let inComment = false

    const startOver = (): void => {
        buffer = ''
        skipBlanks = true
        atLogicalStart = true
        precedingBackslash = false
    }

    for (let i = 0; i < text.length; i++) {
        const c = text[i]
        if (isLineEnd(c)) {
            if (c === '\r' && text[i + 1] === '\n') i++
            naturalLine++
            if (inComment) {
                inComment = false
                startOver()
            } else if (buffer.length === 0) {
                // Java discards an empty logical line, even one that a lone backslash tried to continue.
                startOver()
            } else if (precedingBackslash) {
                buffer = buffer.slice(0, -1)
                precedingBackslash = false
                skipBlanks = true
            } else {
                lines.push({ text: buffer, lineNumber: startLine })
                startOver()
            }
            continue
        }
        if (inComment) continue
        if (skipBlanks) {
            if (isBlank(c)) continue
            skipBlanks = false
        }
        if (atLogicalStart) {
            atLogicalStart = false
            startLine = naturalLine
            if (c === '#' || c === '!') {
                inComment = true
                continue
            }
        }
        buffer += c
        precedingBackslash = c === '\\' ? !precedingBackslash : false
    }
    if (!inComment && buffer.length > 0) {
        // At end of input Java drops a dangling continuation backslash and keeps what came before.
        lines.push({ text: precedingBackslash ? buffer.slice(0, -1) : buffer, lineNumber: startLine })
    }
    return lines
}

const simpleEscapes: Readonly<Record<string, string>> = { t: '\t', r: '\r', n: '\n', f: '\f' }

// Properties.loadConvert: \t \r \n \f and \uXXXX are decoded; any other escaped character stands
// for itself (so `\:`, `\=`, `\ ` and `\\` are literal).
function unescape(raw: string, where: string): string {
    let out = ''
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i] as string
        if (c !== '\\') {
            out += c
            continue
        }
        i++
        const escaped = raw[i]
        if (escaped === undefined) break
        if (escaped === 'u') {
            const hex = raw.slice(i + 1, i + 5)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
                throw new Error(
                    `${where}: malformed \\uxxxx escape "\\u${hex}"; a \\u escape needs exactly four hex digits (write \\\\u for a literal backslash-u)`
                )
            }
            out += String.fromCharCode(Number.parseInt(hex, 16))
            i += 4
        } else {
            out += simpleEscapes[escaped] ?? escaped
        }
    }
    return out
}

// Properties.load0: the key ends at the first unescaped '=', ':' or blank; blanks around the
// separator are skipped, and one '=' or ':' after blank-separated keys is still a separator.
function splitKeyValue(line: string): { rawKey: string; rawValue: string } {
    let keyEnd = 0
    let valueStart = line.length
    let hasSeparator = false
    let precedingBackslash = false
    while (keyEnd < line.length) {
        const c = line[keyEnd]
        if ((c === '=' || c === ':') && !precedingBackslash) {
            valueStart = keyEnd + 1
            hasSeparator = true
            break
        }
        if (isBlank(c) && !precedingBackslash) {
            valueStart = keyEnd + 1
            break
        }
        precedingBackslash = c === '\\' ? !precedingBackslash : false
        keyEnd++
    }
    while (valueStart < line.length) {
        const c = line[valueStart]
        if (!isBlank(c)) {
            if (!hasSeparator && (c === '=' || c === ':')) hasSeparator = true
            else break
        }
        valueStart++
    }
    return { rawKey: line.slice(0, keyEnd), rawValue: line.slice(valueStart) }
}

/**
 * Parses properties text exactly as java.util.Properties.load does. Later duplicates win.
 * `sourceName` only labels error messages (a malformed \u escape is the one thing Java refuses).
 */
export function parseJavaProperties(text: string, sourceName = 'properties'): Map<string, string> {
    const properties = new Map<string, string>()
    for (const line of readLogicalLines(text)) {
        const where = `${sourceName}:${line.lineNumber}`
        const { rawKey, rawValue } = splitKeyValue(line.text)
        properties.set(unescape(rawKey, where), unescape(rawValue, where))
    }
    return properties
}

/** Decodes bytes as ISO-8859-1, the charset Properties.load(InputStream) always uses. */
export function decodeLatin1(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

export function readPropertiesFile(path: string): Map<string, string> {
    return parseJavaProperties(decodeLatin1(readFileSync(path)), path)
}
