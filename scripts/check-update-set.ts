/**
 * npm run check:defects -- <update-set.xml>: lists which of the integration guide's defects
 * (docs/servicenow.md, 1-9) an update set has. Exit 0 "no defects", 1 findings, 2 unreadable.
 */
import { readFileSync } from 'node:fs'
import { findDefects, formatFinding } from './update-set/find-defects.ts'
import { readUpdateSet } from './update-set/read-update-set.ts'

const USAGE = 'usage: npm run check:defects -- <update-set.xml>'

function check(args: string[]): number {
    const [path, ...extra] = args
    if (!path || extra.length > 0) {
        console.error(`check-defects: give exactly one update set file. ${USAGE}`)
        return 2
    }
    let xml: string
    try {
        xml = readFileSync(path, 'utf8')
    } catch (error) {
        console.error(`check-defects: cannot read ${path}: ${(error as Error).message}. ${USAGE}`)
        return 2
    }
    let findings
    try {
        findings = findDefects(readUpdateSet(xml))
    } catch (error) {
        console.error(`check-defects: ${path} is not a readable update set: ${(error as Error).message}`)
        return 2
    }
    if (findings.length === 0) {
        console.log(`check-defects: ${path}: no defects`)
        return 0
    }
    for (const finding of findings) console.log(`${path}: ${formatFinding(finding)}`)
    return 1
}

process.exitCode = check(process.argv.slice(2))
