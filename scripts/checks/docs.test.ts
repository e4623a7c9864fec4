/**
 * The documents users read stay true to the repository: they speak no internal working language
 * (the development team's folders, numbered inputs and tickets, which users do not have), every
 * relative link and image points at a file that exists (and a #fragment at one of its headings),
 * every repository path they name exists, and the specs' README names every spec.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import GithubSlugger from 'github-slugger'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../lib/common/index.ts'

const DOCUMENTS = [
    'README.md',
    'ARCHITECTURE.md',
    'servicenow/README.md',
    'servicenow/IMPORT.md',
    'mock-kpow/README.md',
    'e2e/README.md',
    'e2e/local-instance/README.md',
]

/** Words of the team's own working material, meaningless to a user, with what to write instead. */
const INTERNAL_WORDS: { pattern: RegExp; instead: string }[] = [
    { pattern: /\.\.\/shared\b/, instead: 'a path inside the repository, or an environment variable' },
    { pattern: /\bshared\/(docs|reference|seeds)\b/, instead: 'a path inside the repository' },
    { pattern: /\bseeds?\s+#?\d/i, instead: 'the public article or documentation by its title' },
    { pattern: /\bthe seeds\b/i, instead: 'the public article or documentation by its title' },
    { pattern: /\bissues?\s+#?\d/i, instead: 'what the problem is' },
    {
        pattern: /\bdocs\/(servicenow|jit-access|kpow-mock|servicenow-ui|architecture|style)\.md\b/,
        instead: 'a document in the repository',
    },
]

interface Finding {
    line: number
    text: string
}

/** Each line of `text` that uses an internal word, with the word and what to write instead. */
export function internalWords(text: string): Finding[] {
    return text.split('\n').flatMap((line, index) => {
        const word = INTERNAL_WORDS.find(({ pattern }) => pattern.test(line))
        return word
            ? [{ line: index + 1, text: `"${line.match(word.pattern)?.[0] ?? ''}": write ${word.instead}` }]
            : []
    })
}

const markdown = new MarkdownIt({ html: true })

/** Link and image targets of a Markdown text, with the first line of their block (code spans and blocks excluded, as Markdown does). */
function targets(text: string): { target: string; line: number }[] {
    const found: { target: string; line: number }[] = []
    const visit = (tokens: ReturnType<typeof markdown.parse>, line: number) => {
        for (const token of tokens) {
            const at = token.map ? token.map[0] + 1 : line
            const target =
                token.type === 'link_open'
                    ? token.attrGet('href')
                    : token.type === 'image'
                      ? token.attrGet('src')
                      : null
            if (target !== null) found.push({ target, line: at })
            if (token.children) visit(token.children, at)
        }
    }
    visit(markdown.parse(text, {}), 1)
    return found
}

/** GitHub's anchors of a Markdown text's headings. */
function anchors(text: string): Set<string> {
    const slugger = new GithubSlugger()
    const tokens = markdown.parse(text, {})
    return new Set(
        tokens.flatMap((token, index) =>
            token.type === 'heading_open'
                ? [slugger.slug(tokens[index + 1]?.children?.map((child) => child.content).join('') ?? '')]
                : []
        )
    )
}

/** Relative links of the document at `path` (repository-relative) that point at nothing. */
export function brokenLinks(path: string, text: string, root: string): Finding[] {
    return targets(text).flatMap(({ target, line }): Finding[] => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return []
        const [file = '', fragment] = target.split('#', 2)
        const absolute = file === '' ? join(root, path) : resolve(dirname(join(root, path)), decodeURI(file))
        const shown = relative(root, absolute)
        if (!absolute.startsWith(root) || !existsSync(absolute))
            return [{ line, text: `${target}: no file ${shown} in the repository` }]
        if (fragment === undefined || fragment === '') return []
        if (!absolute.endsWith('.md') || !statSync(absolute).isFile())
            return [{ line, text: `${target}: a #fragment only on a Markdown file` }]
        return anchors(file === '' ? text : readFileSync(absolute, 'utf8')).has(decodeURIComponent(fragment))
            ? []
            : [{ line, text: `${target}: ${shown} has no heading with the anchor #${fragment}` }]
    })
}

/** The repository's top-level folders a path in code spans may start with. */
const REPOSITORY_PATH = /^(servicenow|mock-kpow|e2e|scripts|update-sets|\.ci)\//

/**
 * Paths in code spans (`e2e/local-instance/cli.ts`) that name nothing in the repository; a pattern
 * (`servicenow/diagrams/*.svg`, `<dir>/…`) is checked up to its first wildcard or placeholder.
 */
export function missingPaths(text: string, root: string): Finding[] {
    const found: Finding[] = []
    const visit = (tokens: ReturnType<typeof markdown.parse>, line: number) => {
        for (const token of tokens) {
            const at = token.map ? token.map[0] + 1 : line
            if (token.type === 'code_inline' && REPOSITORY_PATH.test(token.content)) {
                const fixed = token.content.split(/[*<{…:#\s]/, 1)[0] ?? ''
                if (!existsSync(join(root, fixed)))
                    found.push({ line: at, text: `\`${token.content}\`: no ${fixed} in the repository` })
            }
            if (token.children) visit(token.children, at)
        }
    }
    visit(markdown.parse(text, {}), 1)
    return found
}

const read = (path: string) => readFileSync(join(repositoryRoot, path), 'utf8')
const described = (path: string, findings: Finding[]) =>
    findings.map(({ line, text }) => `${path}:${String(line)} ${text}`)

describe('documents for users', () => {
    it.each(DOCUMENTS)('%s uses none of the team’s internal words', (path) => {
        expect(described(path, internalWords(read(path)))).toEqual([])
    })

    it.each(DOCUMENTS)('%s links only to files and headings that exist', (path) => {
        expect(described(path, brokenLinks(path, read(path), repositoryRoot))).toEqual([])
    })

    it.each(DOCUMENTS)('%s names only repository paths that exist', (path) => {
        expect(described(path, missingPaths(read(path), repositoryRoot))).toEqual([])
    })

    it('e2e/README.md names every spec in e2e/specs', () => {
        const specs = readdirSync(join(repositoryRoot, 'e2e', 'specs')).filter((name) => name.endsWith('.spec.ts'))
        expect(specs.length).toBeGreaterThan(0)
        const readme = read('e2e/README.md')
        expect(specs.filter((spec) => !readme.includes(`\`${spec}\``))).toEqual([])
    })

    it('the README names the public article the kit implements, and where it is published', () => {
        const readme = read('README.md')
        expect(readme).toContain('Self-Service Kafka Governance: Streamlining Workflows with Kpow and ServiceNow')
        expect(readme).toContain('(https://factorhouse.io/blog/)')
    })
})

describe('the checks themselves', () => {
    it('find a repository path that names nothing, checking patterns up to their wildcard', () => {
        const text = [
            '`e2e/local-instance/cli.ts` `servicenow/diagrams/*.svg` `npm run build`',
            '`scripts/no-such-file.ts`',
            '`mock-kpow/no-such-folder/*.yml`',
        ].join('\n\n')
        expect(missingPaths(text, repositoryRoot).map((finding) => finding.line)).toEqual([3, 5])
    })

    it('find internal words, with their line, and leave plain text alone', () => {
        const text = [
            'Users read this.',
            'Files from ../shared/reference',
            'the fix of seed 002',
            'as issue 10 reports',
            'see docs/servicenow.md',
            'users from e2e/local-instance/seed/users.json, not an issue',
        ].join('\n')
        expect(internalWords(text).map((finding) => finding.line)).toEqual([2, 3, 4, 5])
    })

    it('find a link to a missing file, a missing heading and a path outside the repository; skip web links and code', () => {
        const text = [
            '# Title here',
            '[ok](README.md) [ok too](#title-here) [up](servicenow/IMPORT.md#checklist) [web](https://example.com/x)',
            '[gone](no-such-file.md)',
            '[bad anchor](README.md#no-such-heading)',
            '[outside](../../etc/passwd)',
            '`[in code](nowhere.md)`',
            '```',
            '[in a block](nowhere.md)',
            '```',
        ].join('\n\n')
        expect(brokenLinks('README.md', text, repositoryRoot).map((finding) => finding.line)).toEqual([5, 7, 9])
    })
})
