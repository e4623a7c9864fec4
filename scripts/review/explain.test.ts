import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { outlineUpdateSet, readUpdateSetFile, flattenSteps } from '../lib/update-set/index.ts'
import { HAND_BUILT_SET_FILE } from '../lib/update-set/testing/index.ts'
import { repositoryRoot } from '../lib/common/index.ts'
import { main } from './explain.ts'
import { collectingIo, editedCopy, flowElement } from './test-sets.ts'

const OUR_SET = join(repositoryRoot, 'update-sets', 'kpow-jit-access.xml')

async function explain(...argv: string[]) {
    const io = collectingIo()
    const code = await main(argv, io)
    return { code, out: io.output(), err: io.errors() }
}

describe('npm run explain', () => {
    it('outlines our flow: trigger, numbered nested steps, pills by step name, conditions and approval rules in words', async () => {
        const { code, out } = await explain(OUR_SET)
        expect(code).toBe(0)
        expect(out).toContain('Flow "Kpow Access Lifecycle" (draft, inactive, runs as system)')
        expect(out).toContain('  Trigger: Service Catalog (run_flow_in: background)')
        // The approvals: in the subflow both flows call, its pills read from its inputs.
        expect(out).toContain('Flow "Kpow - Decide Access" (draft, inactive, runs as system)')
        expect(out).toMatch(/\n {2}\d+\. Subflow Kpow - Decide Access {2}— 2\. Kpow - Decide Access/)
        expect(out).toMatch(
            /\n {2}\d+\. If [^\n]*\[Subflow Inputs ➛ requested_item ➛ opened_by ➛ manager\] is not empty {2}— 1\. The manager approves/
        )
        expect(out).toMatch(
            /\n {4}\d+\. Ask For Approval \(the flow waits here\)[^\n]*\n\s+approval: Approved or rejected as soon as any one of users \[Subflow Inputs ➛ requested_item ➛ opened_by ➛ manager\] approves or rejects/
        )
        // A subflow's pills are named as Flow Designer names them, never by their raw text.
        expect(out).not.toContain('[subflow.')
        expect(out).toContain('due_date: Rejected if undecided by [Subflow Inputs ➛ manager_approval_due]')
        expect(out).toMatch(/Wait For Condition \(the flow waits here\)/)
        expect(out).toContain(
            'conditions: State is one of Closed Complete, Closed Incomplete, Closed Skipped or Active is false'
        )
        // The wait until expiry times out after what Kpow - Read Current Grant says is left.
        expect(out).toMatch(/timeout_duration: .*until_expiry/)
        // A subflow has no trigger: explain names the flows calling it, its inputs and outputs.
        expect(out).toContain(
            [
                '  Subflow called by: Kpow Access Extension, Kpow Access Lifecycle',
                '  Inputs: requested_item, policy_id, expires_at, policy_label, revoked_note, revoke_failed_note, revoke_failed_email',
                '  Outputs: current, current_policy_id, current_expires_at',
            ].join('\n')
        )
        expect(out).not.toContain('Trigger: (none)')
        expect(out).toContain('Flow "Kpow Access Extension" (draft, inactive, runs as system)')
        expect(out).toMatch(/\n\s+role_name: \[1 - [^\]]+ ➛ role_name\]\n/)
        expect(out).not.toMatch(/H4sI/)
        expect(out).not.toMatch(/\{\{/)
    })

    it('shows each custom action with inputs, outputs and its script, and the catalog item with variables, validation and flow', async () => {
        const { out } = await explain(OUR_SET)
        expect(out).toContain('Action "Kpow - Create Temporary Policy"')
        expect(out).toMatch(/Step 1\. [^\n]+ \(Script step\)\n(?:[^\n]*\n)*? {7}connection_alias: Kpow API/)
        expect(out).toMatch(/script:\n\s+\| \/\*/)
        expect(out).toMatch(/Catalog item "[^"]+": runs flow "Kpow Access Lifecycle"/)
        expect(out).toMatch(
            /cluster_id "Cluster ID": Single Line Text, mandatory\n\s+validation: [^\n]*\/\^\[A-Za-z0-9_-\]\{22\}\$\//
        )
        expect(out).toMatch(/duration_ms "[^"]+": Select Box, mandatory\n\s+choices: 1 minute = 60000;/)
    })

    it('on the hand-built guide set names what the set lacks', async () => {
        const { code, out } = await explain(HAND_BUILT_SET_FILE)
        expect(code).toBe(0)
        expect(out).toMatch(
            /catalog_variables: [0-9a-f]{32} \(not in this set\), [0-9a-f]{32} \(not in this set\), role_name, duration_ms/
        )
        expect(out).toMatch(
            /5\. Wait For Condition \(the flow waits here\)\n(?:[^\n]*\n)*?\s+conditions: State is Closed Complete/
        )
        expect(out).toContain('(REST step)')
    })

    it('says plainly what it cannot decode instead of failing', () => {
        const set = editedCopy(readUpdateSetFile(OUR_SET), (records) => {
            flowElement(records, 'Wait For Condition').fields.values = { value: 'H4sInot-gzip', attributes: {} }
        })
        const outline = outlineUpdateSet(set)
        // The edited wait is in whichever flow holds the first one (the End Access subflow today).
        const wait = outline.flows
            .flatMap((flow) => flattenSteps(flow.steps))
            .find((step) => step.label === 'Wait For Condition' && step.notes.length > 0)
        expect(wait?.notes.join(' ')).toMatch(
            /its values cannot be decoded: .*field "values" is neither gzip\+base64 JSON nor plain JSON/
        )
    })

    it('exits 2 with one line for a missing or unreadable file', async () => {
        const missing = await explain(join(repositoryRoot, 'no-such-set.xml'))
        expect(missing.code).toBe(2)
        expect(missing.err).toMatch(/^explain: cannot read .*no-such-set\.xml: ENOENT\n$/)
        const notXml = await explain(join(repositoryRoot, 'package.json'))
        expect(notXml.code).toBe(2)
        expect(notXml.err).toMatch(/is not a readable update set: update set is not well-formed XML/)
    })
})
