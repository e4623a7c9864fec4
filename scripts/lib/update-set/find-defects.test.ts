/**
 * The defect checker against a set built the guide's way (the project's own fixture, with all nine
 * defects), our generated set, and synthetic sets made by breaking our set one defect at a time
 * and writing it back with the project's own writer. The guide's published export is checked in
 * find-defects.reference.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../common/index.ts'
import { HAND_BUILT_SET_FILE, ids, TUNNEL_URL } from './testing/hand-built-guide-set.ts'
import { DEFECT_TITLES, findDefects } from './find-defects.ts'
import { findPlatformShapeMistakes } from './platform-shape-checks.ts'
import type { DefectNumber } from './find-defects.ts'
import { readUpdateSet } from './read-update-set.ts'
import { writableCopyOf, writeUpdateSet } from './write-update-set.ts'
import type { BuiltRecord, UpdateSetMetadata } from './write-update-set.ts'

const OUR_SET = join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')
const ourXml = readFileSync(OUR_SET, 'utf8')

const defectsOf = (xml: string): DefectNumber[] =>
    [...new Set(findDefects(readUpdateSet(xml)).map((finding) => finding.defect))].sort()

interface Editable {
    metadata: UpdateSetMetadata
    records: BuiltRecord[]
}

/** Our set, changed by `edit`, written back as XML. */
function breakOurSet(edit: (set: Editable) => void): string {
    const set = readUpdateSet(ourXml)
    const editable: Editable = writableCopyOf(set)
    edit(editable)
    return writeUpdateSet(editable.metadata, editable.records)
}

function replaceIn(records: BuiltRecord[], table: string, from: string, to: string): void {
    const target = records.find((record) => record.table === table && record.payload.includes(from))
    if (!target) throw new Error(`no ${table} payload contains ${from}`)
    target.payload = target.payload.replace(from, to)
}

/** Replaces text inside the flow's gzip+base64 `<values>`, as a Flow Designer edit would. */
function replaceInFlowValues(records: BuiltRecord[], from: string | RegExp, to: string): void {
    let replaced = 0
    for (const record of records) {
        record.payload = record.payload.replace(/<values>([A-Za-z0-9+/=]+)<\/values>/g, (whole, encoded: string) => {
            const json = gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')
            const edited = typeof from === 'string' ? json.split(from).join(to) : json.replace(from, to)
            if (edited === json) return whole
            replaced += 1
            return `<values>${gzipSync(edited).toString('base64')}</values>`
        })
    }
    if (replaced === 0) throw new Error(`no flow values contain ${from}`)
}

describe('check:defects on a set built by hand from the guide', () => {
    const findings = findDefects(readUpdateSet(readFileSync(HAND_BUILT_SET_FILE, 'utf8')))
    const details = (defect: DefectNumber) =>
        findings
            .filter((finding) => finding.defect === defect)
            .map((finding) => finding.detail)
            .join('\n')

    it('finds the two catalog variables it lacks (1) and the connection alias it lacks (2)', () => {
        expect(details(1)).toMatch(/reads 2 item_option_new record\(s\) the set does not carry/)
        expect(details(1)).toContain(ids.variables.cluster_id)
        expect(details(1)).toContain(ids.variables.topic_name)
        expect(details(1)).not.toContain(ids.variables.role_name)
        expect(details(2)).toContain(ids.missingAlias)
    })

    it('finds the tunnel URL in both REST steps (3) and the pasted JSON body (4)', () => {
        expect(details(3)).toContain(`Kpow - Create Temporary Policy (Base URL) hard-codes ${TUNNEL_URL}`)
        expect(details(3)).toContain(`Kpow - Delete Temporary Policy (Base URL) hard-codes ${TUNNEL_URL}`)
        expect(details(4)).toContain(
            'Kpow - Create Temporary Policy (Request Body) pastes data pills into a JSON template'
        )
    })

    it('finds the unchecked approval (5), the manager-only approver (6) and the Closed Complete-only revoke (7)', () => {
        expect(details(5)).toContain('flow "Kpow Access Lifecycle"')
        expect(details(6)).toContain('opened_by.manager')
        expect(details(7)).toContain('"state=3"')
    })

    it('finds the free-text role and duration (8) and the global scope (9)', () => {
        expect(details(8)).toContain('catalog variable role_name is free text (any role may be asked for)')
        expect(details(8)).toContain('catalog variable duration_ms is free text with no validation')
        expect(details(9)).toContain('global scope')
    })

    it('reports all nine and nothing else', () => {
        expect([...new Set(findings.map((finding) => finding.defect))].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
        expect(findings).toHaveLength(11)
    })
})

describe('check:defects on our set', () => {
    it('finds none', () => {
        expect(findDefects(readUpdateSet(ourXml))).toEqual([])
    })

    it('still finds none after a write round trip (the synthetic sets below start clean)', () => {
        expect(defectsOf(breakOurSet(() => {}))).toEqual([])
    })
})

describe('check:defects on our set with one defect put in', () => {
    it.each<[string, DefectNumber[], (set: Editable) => void]>([
        [
            'catalog variables removed',
            [1],
            ({ records }) => {
                const kept = records.filter((record) => record.table !== 'item_option_new')
                records.splice(0, records.length, ...kept)
            },
        ],
        [
            'sys_alias removed',
            [2],
            ({ records }) => {
                const kept = records.filter((record) => record.table !== 'sys_alias')
                records.splice(0, records.length, ...kept)
            },
        ],
        [
            'Kpow URL written into the create script',
            [3],
            ({ records }) =>
                replaceIn(
                    records,
                    'sys_script_include',
                    'request.setEndpoint(this.baseUrl + path)',
                    "request.setEndpoint('https://kpow.internal:4000' + path)"
                ),
        ],
        [
            'policy body built by concatenation',
            [4],
            ({ records }) =>
                replaceIn(
                    records,
                    'sys_script_include',
                    'request.setRequestBody(JSON.stringify(body))',
                    `request.setRequestBody('{"duration_ms": ' + body.duration_ms + ', "policy": {"role": "' + body.policy.role + '"}}');`
                ),
        ],
        [
            'policy pasted from pills into a JSON flow input',
            [4],
            ({ records }) =>
                replaceInFlowValues(
                    records,
                    /"value":"(\{\{[\w-]+\.role_name\}\})"/g,
                    '"value":"{\\"role\\": \\"$1\\"}"'
                ),
        ],
        [
            // A date-time pill as the whole date of an approval's due date is a value, not a template.
            "a pill pasted into the text of an approval's due date",
            [4],
            ({ records }) =>
                replaceInFlowValues(
                    records,
                    /\\"date\\":\\"(\{\{[\w-]+\.approval_due\}\})\\"/g,
                    '\\"date\\":\\"in 8 hours: $1\\"'
                ),
        ],
        [
            'approval outcome no longer checked',
            [5],
            ({ records }) => replaceInFlowValues(records, /\{\{[\w-]+\.outcome\}\}/g, '{{flow_variable.policy_id}}'),
        ],
        [
            'fallback group replaced by the manager',
            [6],
            ({ records }) =>
                replaceInFlowValues(
                    records,
                    /ApprovesRejectsAnyU\[\{\{[\w-]+\.approvers\}\}\]/g,
                    'ApprovesRejectsAnyU[{{Service Catalog_1.request_item.opened_by.manager}}]'
                ),
        ],
        [
            'wait only for Closed Complete',
            [7],
            ({ records }) => replaceInFlowValues(records, 'stateIN3,4,7^ORactive=false', 'state=3'),
        ],
        [
            'role typed freely',
            [8],
            ({ records }) => {
                const role = records.find(
                    (record) => record.table === 'item_option_new' && record.payload.includes('<name>role_name</name>')
                )
                if (!role) throw new Error('no role_name variable')
                role.payload = role.payload.replace('<type>5</type>', '<type>6</type>')
            },
        ],
        [
            'cluster id without its regex',
            [8],
            ({ records }) => {
                const cluster = records.find(
                    (record) =>
                        record.table === 'item_option_new' &&
                        record.payload.includes('<name>cluster_id</name>') &&
                        /<validate_regex>[0-9a-f]{32}<\/validate_regex>/.test(record.payload)
                )
                if (!cluster) throw new Error('no cluster_id variable')
                cluster.payload = cluster.payload.replace(
                    /<validate_regex>[0-9a-f]{32}<\/validate_regex>/,
                    '<validate_regex/>'
                )
            },
        ],
        [
            'global scope',
            [9],
            ({ metadata }) => {
                metadata.scopeSysId = 'global'
            },
        ],
    ])('%s => defect %j', (_case, expected, edit) => {
        expect(defectsOf(breakOurSet(edit))).toEqual(expected)
    })
})

describe('platform-shape mistakes the build no longer makes', () => {
    const shapeOf = (xml: string) => findPlatformShapeMistakes(readUpdateSet(xml)).map((finding) => finding.detail)

    it('finds none in our set', () => {
        expect(shapeOf(ourXml)).toEqual([])
        expect(shapeOf(breakOurSet(() => {}))).toEqual([])
    })

    it('finds, in the hand-built guide set, its two actions that do not clear their child tables and nothing else', () => {
        const found = shapeOf(readFileSync(HAND_BUILT_SET_FILE, 'utf8'))
        expect(found).toHaveLength(2)
        expect(found[0]).toMatch(/^action "Kpow - Create Temporary Policy" .* without their delete_multiple rows/)
        expect(found[1]).toMatch(/^action "Kpow - Delete Temporary Policy" .* without their delete_multiple rows/)
    })

    it.each<[string, (set: Editable) => void, RegExp]>([
        [
            'GlideScheduleDateTime in a Script Include',
            ({ records }) =>
                replaceIn(
                    records,
                    'sys_script_include',
                    'request.setEndpoint(this.baseUrl + path)',
                    'var sent = new GlideScheduleDateTime(); request.setEndpoint(this.baseUrl + path)'
                ),
            /^sys_script_include "[^"]+" \(script\) uses GlideScheduleDateTime, .*use GlideDateTime and write UTC$/,
        ],
        [
            'GlideScheduleDateTime in an action script step',
            ({ records }) =>
                replaceIn(
                    records,
                    'sys_hub_action_type_definition',
                    'var now = new GlideDateTime().getNumericValue()',
                    'var now = new GlideScheduleDateTime().getNumericValue()'
                ),
            /^action "Kpow - (Read Current Grant|Extend Temporary Policy)" script step \(value\) uses GlideScheduleDateTime, .*use GlideDateTime and write UTC$/,
        ],
        [
            "GlideScheduleDateTime in a UI action's condition",
            ({ records }) =>
                replaceIn(
                    records,
                    'sys_ui_action',
                    '<condition>',
                    '<condition>new GlideScheduleDateTime() &amp;&amp; '
                ),
            /^sys_ui_action "End my Kpow access" \(condition\) uses GlideScheduleDateTime, .*use GlideDateTime and write UTC$/,
        ],
        [
            'a requester notification not sent to the event creator',
            ({ records }) =>
                replaceIn(
                    records,
                    'sysevent_email_action',
                    '<send_self>true</send_self>',
                    '<send_self>false</send_self>'
                ),
            /^sysevent_email_action "Kpow access [^"]+" is sent to the requester \(requested_for\) with send_self false: a requester whose own session queued the event gets no email; set send_self true$/,
        ],
        [
            'an action payload without its delete_multiple rows',
            ({ records }) => {
                const action = records.find((record) => record.table === 'sys_hub_action_type_definition')
                if (!action) throw new Error('our set has no action')
                action.payload = action.payload.replace(/ *<[\w]+ action="delete_multiple"[^>]*\/>\n/g, '')
            },
            /^action "[^"]+" \(sys_hub_action_type_definition_[0-9a-f]{32}\) carries sys_hub_action_input.* without their delete_multiple rows/,
        ],
        [
            'a payload root naming no table',
            ({ records }) => {
                const item = records.find((record) => record.table === 'sc_cat_item')
                if (!item) throw new Error('our set has no catalog item')
                item.payload = item.payload.replace(/<record_update [^>]*>/, '<record_update>')
            },
            /^sc_cat_item_[0-9a-f]{32} \("[^"]+"\): its payload's <record_update> names no table; write <record_update table="sc_cat_item">/,
        ],
        [
            "an approval due date's pill under date type actual (the old encoding)",
            ({ records }) =>
                replaceInFlowValues(records, '\\"date_type\\":\\"relative\\"', '\\"date_type\\":\\"actual\\"'),
            /^sys_hub_flow_[0-9a-f]{32}: the approval \(step \d+\) puts the date \{\{[\w-]+\.\w*approval_due\}\} under due date type actual, .*use date_type relative for a date$/,
        ],
    ])('%s is reported with the record and the fix', (_case, edit, expected) => {
        const found = shapeOf(breakOurSet(edit))
        expect(found.length).toBeGreaterThan(0)
        for (const detail of found) expect(detail).toMatch(expected)
        // The guide's nine are a separate question: breaking the shape breaks none of them.
        expect(defectsOf(breakOurSet(edit))).toEqual([])
    })

    it('leaves a global notification, and one sent to event creators, alone', () => {
        const globalSet = breakOurSet(({ metadata, records }) => {
            metadata.scopeSysId = 'global'
            replaceIn(records, 'sysevent_email_action', '<send_self>true</send_self>', '<send_self>false</send_self>')
        })
        expect(shapeOf(globalSet).filter((detail) => detail.includes('send_self'))).toEqual([])
    })
})

describe('npm run check:defects', () => {
    const cli = (file: string) =>
        spawnSync(
            process.execPath,
            ['--import', 'tsx', join(repositoryRoot, 'scripts', 'review', 'check-update-set.ts'), file],
            {
                encoding: 'utf8',
            }
        )

    it('exits 0 with "no defects" for our set, its summary checking all nine', () => {
        const result = cli(OUR_SET)
        expect(result.stdout).toContain('no defects')
        expect(result.stdout).toContain('9 checked, 0 found, 0 cannot be detected')
        expect(result.stdout).toMatch(/ {2}platform shape: no scoped GlideScheduleDateTime/)
        for (const [defect, title] of Object.entries(DEFECT_TITLES))
            expect(result.stdout).toContain(`defect ${defect} (${title}): not found`)
        expect(result.status).toBe(0)
    })

    it('exits 1 with one line per finding, then a summary naming all nine, for the hand-built set', () => {
        const result = cli(HAND_BUILT_SET_FILE)
        expect(result.status).toBe(1)
        const [findingLines = '', summary = ''] = result.stdout.trim().split('\n\n')
        const findings = findingLines.split('\n')
        expect(findings).toHaveLength(11)
        expect(findings.every((line) => line.startsWith(`${HAND_BUILT_SET_FILE}: defect `))).toBe(true)
        expect(result.stdout).toContain('defect 2 (connection alias used but not in the set)')
        expect(summary).toContain('9 checked, 9 found, 0 cannot be detected')
        expect(summary).toContain('defect 3 (hard-coded URL): found (2)')
        expect(summary).toContain('defect 8 (free-text variable without validation): found (2)')
        // Beyond the nine: the guide's actions do not clear their child tables.
        expect(result.stdout).toContain(
            `${HAND_BUILT_SET_FILE}: platform shape: action "Kpow - Create Temporary Policy"`
        )
        expect(summary).toContain('platform shape: 2 finding(s)')
    })

    it('exits 2 naming the problem for an unreadable file', () => {
        const missing = cli('/nonexistent/update-set.xml')
        expect(missing.status).toBe(2)
        expect(missing.stderr).toContain('cannot read /nonexistent/update-set.xml')
        const notXml = cli(join(repositoryRoot, 'package.json'))
        expect(notXml.status).toBe(2)
        expect(notXml.stderr).toContain('is not a readable update set')
    })

    it('exits 2 naming the record and field when a flow value is corrupt, rather than checking around it', () => {
        const folder = mkdtempSync(join(tmpdir(), 'check-defects-'))
        const file = join(folder, 'corrupt-values.xml')
        writeFileSync(
            file,
            breakOurSet(({ records }) => {
                const flow = records.find((record) => record.table === 'sys_hub_flow')
                if (!flow) throw new Error('our set has no flow')
                flow.payload = flow.payload.replace(
                    /<values>[A-Za-z0-9+/=]+<\/values>/,
                    '<values>H4sI-cut-short</values>'
                )
            })
        )
        const result = cli(file)
        rmSync(folder, { recursive: true, force: true })
        expect(result.status).toBe(2)
        expect(result.stderr).toMatch(
            /sys_hub_flow_[0-9a-f]{32}: sys_hub_(action|flow_logic)_instance_v2 [0-9a-f]{32} field "values" is neither gzip\+base64 JSON nor plain JSON/
        )
        expect(result.stderr).not.toMatch(/\n\s+at /)
    })
})
