/**
 * npm run check:defects -- <update-set.xml>: lists which of the integration guide's defects
 * (1-9, find-defects.ts) an update set has, one line per finding, then a summary naming all
 * nine: found, not found, or cannot be detected in this set (and why), then whether a notification
 * or an event parameter would email a secret, then the platform-shape mistakes (platform-shape-checks.ts:
 * a global-only API in scoped scripts, requester notifications not sent to the event's creator, action
 * payloads that do not clear their child tables, payload roots naming no table, an approval due date's
 * pill under date type actual). Exit 0 "no defects",
 * 1 findings, 2 unreadable.
 */
import { readFileSync } from 'node:fs'
import {
    defectCoverage,
    findNotificationLeaks,
    findPlatformShapeMistakes,
    formatVerdict,
    formatFinding,
    readUpdateSet,
} from '../lib/update-set/index.ts'
import type { DefectVerdict, NotificationFinding, ShapeFinding } from '../lib/update-set/index.ts'

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
    let leaks: NotificationFinding[]
    let shapeMistakes: ShapeFinding[]
    try {
        const set = readUpdateSet(xml)
        verdicts = defectCoverage(set)
        leaks = findNotificationLeaks(set)
        shapeMistakes = findPlatformShapeMistakes(set)
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
    // Beyond the guide's nine: what emails may carry (no secrets in notifications or their events' parameters).
    for (const leak of leaks) console.log(`${path}: notifications: ${leak.detail}`)
    console.log(
        `  notifications: ${leaks.length === 0 ? 'no secret in a message or an event parameter' : `${String(leaks.length)} finding(s)`}`
    )
    for (const mistake of shapeMistakes) console.log(`${path}: platform shape: ${mistake.detail}`)
    console.log(
        `  platform shape: ${shapeMistakes.length === 0 ? 'no scoped GlideScheduleDateTime, notification without send_self, action without delete_multiple, payload root without table or approval date under actual' : `${String(shapeMistakes.length)} finding(s)`}`
    )
    if (leaks.length > 0 || shapeMistakes.length > 0) return 1
    if (findings.length === 0) {
        console.log(`check-defects: ${path}: no defects${undetectable > 0 ? ' found (some could not be checked)' : ''}`)
        return 0
    }
    return 1
}

process.exitCode = check(process.argv.slice(2))
