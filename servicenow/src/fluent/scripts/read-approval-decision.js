/*
 * Script step of "Kpow - Read Approval Decision". Platform JavaScript in ES5 mode. How the item's
 * approval ended once Ask For Approval is done, in the words the requester reads: who decided and,
 * for a rejection, the comment they gave (the newest entry of the approval's Comments, which
 * otherwise reaches the requester only by email). A rejection the system wrote is Ask For
 * Approval's due date passing, not a person's; an approval by the item's requester (opened by or
 * requested for) does not count.
 */
;(function execute(inputs, outputs) {
    var kpow = new x_kpow_jit.KpowClient('Kpow - Read Approval Decision', '', '')
    var item = new GlideRecord('sc_req_item')
    if (!item.get(String(inputs.requested_item || ''))) {
        kpow.fail('requested item "' + String(inputs.requested_item || '') + '" was not found.')
    }
    var state = String(item.approval)
    var requesters = [String(item.opened_by), String(item.requested_for)]
    outputs.outcome = state
    outputs.decided_by = ''
    outputs.comment = ''
    outputs.rejection_note = ''
    if (state !== 'approved' && state !== 'rejected') return

    var approval = new GlideRecord('sysapproval_approver')
    approval.addQuery('sysapproval', item.getUniqueValue())
    approval.addQuery('state', state)
    approval.orderByDesc('sys_updated_on')
    approval.query()
    var decider = null
    while (approval.next()) {
        if (state === 'rejected' && String(approval.sys_updated_by) === 'system') {
            outputs.outcome = 'deadline passed'
            return
        }
        if (state === 'approved' && requesters.indexOf(String(approval.approver)) >= 0) {
            outputs.outcome = 'approved by the requester'
            outputs.decided_by = approval.approver.getDisplayValue()
            return
        }
        if (!decider) decider = { name: approval.approver.getDisplayValue(), comment: newestComment(approval) }
    }
    if (!decider) return
    outputs.decided_by = decider.name
    if (state !== 'rejected') return
    outputs.comment = decider.comment
    outputs.rejection_note = decider.comment
        ? 'Rejected by ' + decider.name + ': ' + decider.comment
        : 'Rejected by ' + decider.name + ' (no comment given).'

    /** The text of the newest Comments entry, without its "date - name (label)" heading. */
    function newestComment(record) {
        var entry = String(record.comments.getJournalEntry(1) || '')
        var headingEnd = entry.indexOf('\n')
        return (headingEnd >= 0 ? entry.substring(headingEnd + 1) : entry).replace(/^\s+|\s+$/g, '')
    }
})(inputs, outputs)
