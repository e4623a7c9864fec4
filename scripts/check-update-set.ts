/**
 * npm run check:defects -- <update-set.xml>: lists which of the integration guide's defects
 * (docs/servicenow.md, 1-9) an update set has, one line per finding, then a summary naming all
 * nine: found, not found, or cannot be detected in this set (and why). Exit 0 "no defects",
 * 1 findings, 2 unreadable.
 */
import { readFileSync } from 'node:fs'
import { defectCoverage, formatVerdict, formatFinding, readUpdateSet } from './update-set/index.ts'
import type { DefectVerdict } from './update-set/index.ts'

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
    let verdicts: DefectVerdict[]
    try {
        verdicts = defectCoverage(readUpdateSet(xml))
    } catch (error) {
        console.error(`check-defects: ${path} is not a readable update set: ${(error as Error).message}`)
        return 2
    }
    const findings = verdicts.flatMap((verdict) => (verdict.verdict === 'found' ? verdict.findings : []))
    for (const finding of findings) console.log(`${path}: ${formatFinding(finding)}`)
    const undetectable = verdicts.filter((verdict) => verdict.verdict === 'cannot be detected').length
    console.log(
        `\nsummary of the guide's nine defects in ${path}: ${String(verdicts.length - undetectable)} checked, ` +
            `${String(verdicts.filter((verdict) => verdict.verdict === 'found').length)} found, ${String(undetectable)} cannot be detected`
    )
    for (const verdict of verdicts) console.log(`  ${formatVerdict(verdict)}`)
    if (findings.length === 0) {
        console.log(`check-defects: ${path}: no defects${undetectable > 0 ? ' found (some could not be checked)' : ''}`)
        return 0
    }
    return 1
}

process.exitCode = check(process.argv.slice(2))
