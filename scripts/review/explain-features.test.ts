// What explain says about each kind of record, one feature per case, on the review corpus (the
// hand-checked outlines beside the sets hold the whole text; these name what each feature must keep).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusFile, explainCorpusSet } from './test/corpus/corpus.ts'
import { PLATFORM } from './test/corpus/flow-sets.ts'

const explained = (name: string) => explainCorpusSet(readFileSync(corpusFile(name), 'utf8'))

describe('explain, feature by feature', () => {
    it("names steps by the export's display value, the set's own action definition or the catalogue", () => {
        const out = explained('flow-today')
        expect(out).toMatch(/\n {2}2\. Look Up Records\n/)
        expect(out).toMatch(/\n {4}5\. Send Email\n/)
        expect(out).toMatch(/\n {6}10\. Pause SLA\n/)
        expect(out).toMatch(/\n {2}1\. Look Up Record {2}— Find the service desk\n/)
        for (const named of [PLATFORM.lookUpRecords, PLATFORM.sendEmail, PLATFORM.forEach, PLATFORM.elseIf])
            expect(out).not.toContain(named.sysId)
    })

    it('reads flows of the 2018 storage: trigger, steps and their inputs from sys_variable_value', () => {
        const out = explained('flow-2018')
        expect(out).toContain('  Trigger: Created (table: incident)\n  1. Look Up Record\n')
        expect(out).toMatch(/\n {4}4\. Fire Event\n {9}event_name: incident\.vip\.raised\n/)
        expect(out).not.toContain('(no steps)')
    })

    it('puts If and Else If conditions in words, with choice labels through the trigger record', () => {
        expect(explained('flow-today')).toContain(
            '6. Else If [Trigger - Updated ➛ current ➛ state] is On Hold and [Trigger - Updated ➛ current ➛ hold_reason] is not 1'
        )
        expect(explained('flow-2018')).toContain(
            '5. Else If [Trigger - Created ➛ current ➛ impact] is 1 - High and [Trigger - Created ➛ current ➛ urgency] is 1 - High'
        )
    })

    it('prints a trigger condition in words and an empty one not at all', () => {
        expect(explained('flow-today')).toContain(
            '    condition: Priority is 1 - Critical and State is one of New, In Progress, On Hold\n'
        )
        const old = explained('flow-2018')
        expect(old).not.toMatch(/\^EQ|condition: *\n/)
    })

    it('summarizes a long HTML email body instead of printing it', () => {
        const out = explained('flow-today')
        expect(out).toMatch(/ah_body: HTML, \d+ characters; begins "escalation Paragraph 1[^"]*"; 3 link\(s\): https:/)
        expect(out).not.toContain('<p style=')
    })

    it('outlines a legacy Workflow: activities numbered from the start, each with its transitions', () => {
        const out = explained('workflow-catalog-item')
        expect(out).toContain('Workflow "Laptop Request Fulfilment" (on sc_req_item, published, active)')
        expect(out).toMatch(
            /\n {2}2\. Manager approval \(Approval - User\)\n(?: {7}.*\n)* {7}Approved → 3\. Developer laptop\?\n {7}Rejected → \d+\. Tell the requester\n/
        )
        expect(out).toMatch(/Set Values\)\n {7}values: state = Closed Incomplete; stage = Request Cancelled\n/)
    })

    it('names the Workflow a catalog item runs, and says when an item runs nothing', () => {
        const out = explained('workflow-catalog-item')
        expect(out).toContain('Catalog item "Standard Laptop": runs workflow "Laptop Request Fulfilment"')
        expect(out).toContain('Catalog item "Loaner Laptop" (inactive): runs no flow or workflow')
    })

    it('outlines a record producer with its table, template, script and variables', () => {
        const out = explained('record-producer')
        expect(out).toContain('Record producer "Report a Phishing Email": creates a record in incident')
        expect(out).toContain('  sets: category = security; subcategory = phishing')
        expect(out).toContain('    urgency "How urgent is it?": Select Box, mandatory, sets field urgency\n')
        expect(out).toContain('      choices: I clicked a link = 1; I only received it = 3\n')
    })

    it('finds events by name: registered ones as such, others said to be missing', () => {
        const events = explained('events')
        expect(events).toContain('"Send the page" on event oncall.page (registered in this set)')
        expect(events).toContain('"Escalate an unanswered page" on event oncall.escalated (not registered in this set)')
        expect(explained('notifications')).toContain(
            'sent when event incident.sla.breached (not registered in this set)'
        )
    })

    it('outlines notifications: when, to whom, subject, and the body summarized with its mail scripts', () => {
        const out = explained('notifications')
        expect(out).toContain('    to: groups Service Desk; fields caller_id.manager,assignment_group; event parm 1\n')
        expect(out).toMatch(/body: HTML, \d+ characters;[^\n]*; mail script\(s\): vip_incident_summary\n/)
        expect(out).toContain('  vip_incident_summary: 4 lines, used by "VIP incident raised", "vip.incident.template"')
        expect(out).toContain('sent when a record is updated, if State is Resolved and Priority is at most 2 - High')
    })

    it('reads business rule conditions with the choices the set defines and change operators in words', () => {
        expect(explained('business-rules')).toContain(
            'if (Risk tier is Tier 1 - Critical service or Risk tier is Tier 2 - Important service) and Approval is not one of Approved, Rejected'
        )
        expect(explained('events')).toContain('    if u_acknowledged changes to true\n')
    })

    it('lists ACLs with their roles and conditions, and what the set deletes', () => {
        expect(explained('acls')).toContain('  incident.u_vendor_ticket (record, read): roles itil, vendor_manager\n')
        expect(explained('deletes')).toMatch(
            /Deleted by this set:\n {2}Access Control "incident\.u_vendor_ticket" \(sys_security_acl_[0-9a-f]{32}\)\n/
        )
    })

    it('keeps records that share a name apart', () => {
        const out = explained('same-names')
        expect(out.match(/"Set defaults" on incident/g)).toHaveLength(2)
        expect(out).toContain('  global.TaskUtils: 2 lines\n  sn_hr_core.TaskUtils: 2 lines\n')
    })

    it('counts what it did not outline, by table', () => {
        expect(explained('flow-today')).toMatch(
            /\nNot outlined: 4 records \(sys_hub_action_instance_v2: 2, sys_hub_flow_snapshot: 1, sys_properties: 1\)\n$/
        )
        expect(explained('deletes')).toMatch(/\nNot outlined: 0 records\n$/)
    })
})
