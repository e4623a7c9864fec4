/**
 * npm run explain -- <update-set.xml>: an update set as a readable outline (flows in both storages,
 * custom actions, Workflows, catalog items and record producers, business rules, script includes,
 * notifications, events, ACLs, deletions), what could not be decoded, and a closing count by table
 * of the records it did not outline. Exit 0 explained, 2 unreadable file or bad arguments.
 */
import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { parseCommandLine, runAsScript } from '../lib/common/index.ts'
import { explainUpdateSet, formatExplanation, readUpdateSet } from '../lib/update-set/index.ts'

export interface ReviewIo {
    out: (text: string) => void
    err: (text: string) => void
}

export const consoleIo: ReviewIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
}

/** Reads a file as an update set; a problem becomes one line naming the file and what is wrong. */
export function readSetFile(
    path: string,
    name: string,
    options?: Parameters<typeof readUpdateSet>[1]
): ReturnType<typeof readUpdateSet> {
    let xml: string
    try {
        xml = readFileSync(path, 'utf8')
    } catch (error) {
        throw new Error(
            `${name}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
            {
                cause: error,
            }
        )
    }
    try {
        return readUpdateSet(xml, options)
    } catch (error) {
        throw new Error(`${name}: ${path} is not a readable update set: ${(error as Error).message}`, { cause: error })
    }
}

export async function main(argv: readonly string[], io: ReviewIo = consoleIo): Promise<number> {
    let file: string | undefined
    const program = new Command('explain')
        .description(
            'Print an update set as a readable outline (flows, actions, Workflows, catalog items, rules, notifications, ACLs...) and count what it leaves out'
        )
        .argument('<update-set.xml>', 'an update set export (this project’s, the guide’s or one from an instance)')
        .showHelpAfterError()
        .action((path: string) => {
            file = path
        })
    const exitCode = parseCommandLine(program, argv)
    if (exitCode !== undefined) return exitCode
    if (file === undefined) return 2
    try {
        io.out(formatExplanation(explainUpdateSet(readSetFile(file, 'explain'))))
        return 0
    } catch (error) {
        io.err(`${(error as Error).message}\n`)
        return 2
    }
}

runAsScript(import.meta.url, 'explain', main)
