/**
 * npm run diff -- <old.xml> <new.xml> | <rev>..<rev> | <rev> [--file <path>] [--markdown]: what
 * changed between two update sets, by record and by step, ignoring ordering, re-keyed sys_ids and
 * timestamps. A revision range reads the file (default update-sets/kpow-jit-access.xml) at each
 * revision through git (a revision without the file counts as an empty set: every record added);
 * one revision compares it with the working tree. Exit 0 same, 1 different, 2 error, like diff.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Command } from 'commander'
import { parseCommandLine, runAsScript } from '../lib/common/index.ts'
import type { ReadUpdateSetOptions, UpdateSet } from '../lib/update-set/index.ts'
import { diffUpdateSets, formatChanges, formatChangesMarkdown, readUpdateSet } from '../lib/update-set/index.ts'
import type { ReviewIo } from './explain.ts'
import { consoleIo, readSetFile } from './explain.ts'

export const DEFAULT_SET_PATH = 'update-sets/kpow-jit-access.xml'

interface DiffFlags {
    markdown?: boolean
    file: string
}

function git(args: string[], cwd: string): string {
    try {
        return execFileSync('git', args, {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            maxBuffer: 256 * 1024 * 1024,
        })
    } catch (error) {
        const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
        throw new Error(`diff: git ${args.join(' ')} failed: ${stderr || (error as Error).message}`, { cause: error })
    }
}

/** No records: the set at a revision that does not have the file yet (a pull request adding it). */
const ABSENT_SET: UpdateSet = { unloadDate: '', header: {}, name: '', sysId: '', records: [] }

/** Whether git knows the commit and its tree lacks the path (rather than the revision being wrong). */
function absentAt(revision: string, path: string, cwd: string): boolean {
    try {
        git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd)
    } catch {
        return false
    }
    try {
        git(['cat-file', '-e', `${revision}:./${path}`], cwd)
        return false
    } catch {
        return true
    }
}

/** The set at a revision (through git show; the path is relative to cwd), or in the working tree when the revision is empty. */
function setAtRevision(
    revision: string,
    path: string,
    cwd: string,
    options: ReadUpdateSetOptions
): { set: UpdateSet; label: string } {
    if (revision === '')
        return { set: readSetFile(resolve(cwd, path), 'diff', options), label: `${path} (working tree)` }
    let xml: string
    try {
        xml = git(['show', `${revision}:./${path}`], cwd)
    } catch (error) {
        if (absentAt(revision, path, cwd)) return { set: ABSENT_SET, label: `${path} at ${revision} (absent)` }
        throw error
    }
    try {
        return { set: readUpdateSet(xml, options), label: `${path} at ${revision}` }
    } catch (error) {
        throw new Error(`diff: ${path} at ${revision} is not a readable update set: ${(error as Error).message}`, {
            cause: error,
        })
    }
}

export async function main(argv: readonly string[], io: ReviewIo = consoleIo, cwd = process.cwd()): Promise<number> {
    let sources: string[] = []
    let flags: DiffFlags = { file: DEFAULT_SET_PATH }
    const program = new Command('diff')
        .description('What changed between two update sets, by record and by step (exit 0 same, 1 different, 2 error)')
        .argument(
            '<old>',
            'the old update set file, or a git revision range <from>..<to>, or one revision (vs the working tree)'
        )
        .argument('[new]', 'the new update set file')
        .option('--markdown', 'Markdown for a pull request comment')
        .option('--file <path>', 'with revisions: the update set file in the repository', DEFAULT_SET_PATH)
        .showHelpAfterError()
        .action((old: string, now: string | undefined, options: DiffFlags) => {
            sources = now === undefined ? [old] : [old, now]
            flags = options
        })
    const exitCode = parseCommandLine(program, argv)
    if (exitCode !== undefined) return exitCode
    try {
        // The two sets share most payloads: each is parsed once.
        const reading: ReadUpdateSetOptions = { payloadCache: new Map() }
        let before: { set: UpdateSet; label: string }
        let after: { set: UpdateSet; label: string }
        const [first, second] = sources
        if (first !== undefined && second !== undefined) {
            before = { set: readSetFile(resolve(cwd, first), 'diff', reading), label: first }
            after = { set: readSetFile(resolve(cwd, second), 'diff', reading), label: second }
        } else if (first !== undefined && !existsSync(resolve(cwd, first))) {
            const [from, to] = first.includes('..') ? first.split(/\.\.\.?/) : [first, '']
            if (!from) throw new Error(`diff: "${first}" names no revision before ".." (e.g. HEAD~1..HEAD)`)
            before = setAtRevision(from, flags.file, cwd, reading)
            after = setAtRevision(to ?? '', flags.file, cwd, reading)
        } else {
            throw new Error(
                `diff: give two update set files, or a git revision range such as HEAD~1..HEAD (got "${first ?? ''}")`
            )
        }
        const changes = diffUpdateSets(before.set, after.set)
        io.out(
            flags.markdown
                ? formatChangesMarkdown(changes, `Update set changes: ${before.label} → ${after.label}`)
                : formatChanges(changes)
        )
        return changes.length === 0 ? 0 : 1
    } catch (error) {
        io.err(`${(error as Error).message}\n`)
        return 2
    }
}

runAsScript(import.meta.url, 'diff', main)
