import { readFileSync } from 'node:fs'

// The JAAS login configuration syntax read by the JDK's ConfigFile:
//   Name { module.Class Flag key="value" ...; ... };
// with // and /* */ comments. Only the shape Jetty's PropertyFileLoginModule needs is checked
// here; which entry the mock uses is decided by realmFileFor, so unrelated entries (a Kafka
// client's, say) in the same file do no harm.

export const PROPERTY_FILE_LOGIN_MODULE = 'org.eclipse.jetty.jaas.spi.PropertyFileLoginModule'

export type LoginModuleFlag = 'required' | 'requisite' | 'sufficient' | 'optional'
const FLAGS: readonly LoginModuleFlag[] = ['required', 'requisite', 'sufficient', 'optional']

export interface LoginModuleConfig {
    className: string
    flag: LoginModuleFlag
    options: ReadonlyMap<string, string>
}

export interface JaasEntry {
    name: string
    modules: readonly LoginModuleConfig[]
}

export interface JaasConfig {
    fileName: string
    entries: ReadonlyMap<string, JaasEntry>
}

type Token =
    | { kind: 'word'; text: string; line: number }
    | { kind: 'quoted'; text: string; line: number }
    | { kind: 'symbol'; text: string; line: number }

// Characters StreamTokenizer treats as part of a word in ConfigFile's setup.
const WORD_CHAR = /[A-Za-z0-9._$\-*\u0080-\uffff]/
const QUOTED_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }

function tokenize(text: string, fileName: string): Token[] {
    const tokens: Token[] = []
    let line = 1
    let i = 0
    while (i < text.length) {
        const c = text[i] as string
        if (c === '\n') {
            line++
            i++
        } else if (c <= ' ') {
            i++
        } else if (text.startsWith('//', i)) {
            while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
        } else if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2)
            if (end < 0) throw new Error(`${fileName}:${line}: comment "/*" is never closed; add "*/"`)
            for (let j = i; j < end; j++) if (text[j] === '\n') line++
            i = end + 2
        } else if (c === '"') {
            const startLine = line
            let value = ''
            i++
            for (;;) {
                const ch = text[i]
                if (ch === undefined || ch === '\n' || ch === '\r') {
                    throw new Error(
                        `${fileName}:${startLine}: quoted value is not closed on its line; add the closing '"'`
                    )
                }
                i++
                if (ch === '"') break
                if (ch === '\\') {
                    const escaped = text[i]
                    if (escaped === undefined) continue
                    i++
                    value += QUOTED_ESCAPES[escaped] ?? escaped
                } else {
                    value += ch
                }
            }
            tokens.push({ kind: 'quoted', text: value, line: startLine })
        } else if (WORD_CHAR.test(c)) {
            let word = ''
            while (i < text.length && WORD_CHAR.test(text[i] as string)) word += text[i++]
            tokens.push({ kind: 'word', text: word, line })
        } else {
            tokens.push({ kind: 'symbol', text: c, line })
            i++
        }
    }
    return tokens
}

function describe(token: Token | undefined): string {
    if (token === undefined) return 'end of file'
    return token.kind === 'quoted' ? `"${token.text}"` : `'${token.text}'`
}

/** Parses a JAAS login configuration; `fileName` labels every error. */
export function parseJaasConfig(text: string, fileName: string): JaasConfig {
    const tokens = tokenize(text, fileName)
    let position = 0
    const peek = (): Token | undefined => tokens[position]
    const fail = (expected: string, token: Token | undefined = peek()): never => {
        const line = token?.line ?? tokens.at(-1)?.line ?? 1
        throw new Error(`${fileName}:${line}: expected ${expected} but found ${describe(token)}`)
    }
    const expectSymbol = (symbol: string, expected: string): void => {
        const token = peek()
        if (token?.kind !== 'symbol' || token.text !== symbol) fail(expected)
        position++
    }
    const expectText = (expected: string): string => {
        const token = peek()
        if (token === undefined || token.kind === 'symbol') return fail(expected)
        position++
        return token.text
    }

    const entries = new Map<string, JaasEntry>()
    while (peek() !== undefined) {
        const nameToken = peek()
        const name = expectText('an entry name such as kpow')
        if (entries.has(name)) {
            throw new Error(`${fileName}:${nameToken?.line ?? 1}: entry "${name}" is defined twice; keep one`)
        }
        expectSymbol('{', `'{' after entry name "${name}"`)
        const modules: LoginModuleConfig[] = []
        while (!(peek()?.kind === 'symbol' && peek()?.text === '}')) {
            const className = expectText(`a login module class in entry "${name}" (or '}')`)
            const flagToken = peek()
            const flagText = expectText(`a flag (required, requisite, sufficient, optional) after ${className}`)
            const flag = FLAGS.find((candidate) => candidate === flagText.toLowerCase())
            if (flag === undefined)
                fail(`a flag (required, requisite, sufficient, optional) after ${className}`, flagToken)
            const options = new Map<string, string>()
            while (!(peek()?.kind === 'symbol' && peek()?.text === ';')) {
                const key = expectText(`an option name or ';' in entry "${name}"`)
                expectSymbol('=', `'=' after option "${key}" in entry "${name}"`)
                options.set(key, expectText(`a value for option "${key}" in entry "${name}"`))
            }
            position++
            modules.push({ className, flag: flag as LoginModuleFlag, options })
        }
        position++
        expectSymbol(';', `';' after the '}' closing entry "${name}"`)
        entries.set(name, { name, modules })
    }
    return { fileName, entries }
}

export function readJaasConfigFile(path: string): JaasConfig {
    return parseJaasConfig(readFileSync(path, 'utf8'), path)
}

/**
 * The realm file named by an entry's PropertyFileLoginModule, exactly as written (a container
 * path such as /etc/kpow/jaas/hash-realm.properties; resolving it is the caller's business).
 */
export function realmFileFor(config: JaasConfig, entryName: string): string {
    const entry = config.entries.get(entryName)
    const where = `${config.fileName}: entry "${entryName}"`
    if (entry === undefined) {
        const known = [...config.entries.keys()].join(', ') || 'none'
        throw new Error(
            `${where} is missing (entries found: ${known}); add "${entryName} { ${PROPERTY_FILE_LOGIN_MODULE} required file=\\"...\\"; };"`
        )
    }
    const [module, ...others] = entry.modules
    if (module === undefined || others.length > 0) {
        throw new Error(
            `${where} must hold exactly one login module (found ${entry.modules.length}); the mock supports a single ${PROPERTY_FILE_LOGIN_MODULE}`
        )
    }
    if (module.className !== PROPERTY_FILE_LOGIN_MODULE) {
        throw new Error(
            `${where} uses login module ${module.className}, which the mock does not support; use ${PROPERTY_FILE_LOGIN_MODULE}`
        )
    }
    const file = module.options.get('file')
    if (file === undefined || file.length === 0) {
        throw new Error(
            `${where} has no file option; add file="<path to realm.properties>" to its ${PROPERTY_FILE_LOGIN_MODULE} line`
        )
    }
    return file
}
