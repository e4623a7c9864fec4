// The local instance's pages, rendered on the server from view models (view-models.ts): pages never
// query tables. Every value is escaped by `html`; every control has a label. app.ts handles the forms.
import { html, raw, type Fragment, type SafeHtml } from '../../../scripts/lib/common/index'
import type { FlowRun, StepLog } from '../flow/index'
import type { OrderProblem } from '../instance'
import { requestItemStates } from '../schema'
import { csrfInput, page, type Notice, type Viewer } from './layout'
import { patternAttribute } from './pattern-attribute'
import { approvalUrl, catalogItemUrl, checkoutUrl, LOGIN_PATH, REQUEST_ITEM_PATH, requestItemUrl } from './urls'
import type {
    ActivityEntryView,
    ApprovalFormView,
    ListView,
    CatalogEntryView,
    CatalogFieldView,
    CatalogItemView,
    FulfilmentView,
    OrderStatusView,
    RequestItemView,
} from './view-models'

/** States a fulfiller can set: the ones the flow's close-wait (`stateIN3,4,7`) and the work use. */
export const fulfillerStates = ['2', '3', '4', '7'] as const

export function loginPage(error: string | undefined, next: string, loginToken: string, userName = ''): SafeHtml {
    return page(
        'Log in',
        undefined,
        'none',
        html`<h1>Log in</h1>
<p class="subtitle">Use one of the seeded users; the demo password is in the README.</p>
<form id="loginPage" class="card login" method="post" action="${LOGIN_PATH}" aria-label="Log in">
  <input type="hidden" name="next" value="${next}">
  <input type="hidden" name="sys_action" value="sysverb_login">
  ${csrfInput(loginToken)}
  <div class="field"><label for="user_name">User name</label><input id="user_name" name="user_name" autocomplete="username" required value="${userName}"></div>
  <div class="field"><label for="user_password">Password</label><input id="user_password" name="user_password" type="password" autocomplete="current-password" required></div>
  <button id="sysverb_login" type="submit">Log in</button>
</form>`,
        error ? { kind: 'error', message: error } : undefined
    )
}

export function catalogPage(viewer: Viewer, items: CatalogEntryView[]): SafeHtml {
    return page(
        'Service Catalog',
        viewer,
        'catalog',
        html`<h1>Service Catalog</h1>
<p class="subtitle">Items from the loaded update set.</p>
${items.length === 0 ? html`<p>No active catalog items.</p>` : ''}
<ul class="items">
${items.map((item) => html`<li class="card"><a href="${catalogItemUrl(item.sysId)}">${item.name}</a><p class="muted">${item.shortDescription}</p></li>`)}
</ul>`
    )
}

export function catalogItemPage(
    viewer: Viewer,
    item: CatalogItemView,
    values: Record<string, string> = {},
    problems: OrderProblem[] = []
): SafeHtml {
    const general = problems.filter((problem) => problem.variable === '')
    const notice: Notice | undefined =
        problems.length > 0
            ? { kind: 'error', message: 'The request was not submitted: correct the fields marked below.' }
            : undefined
    return page(
        item.name || 'Catalog item',
        viewer,
        'catalog',
        html`<h1>${item.name}</h1>
<p class="subtitle">${item.shortDescription}</p>
<p>${item.description}</p>
${general.length > 0 ? html`<ul class="alert error">${general.map((problem) => html`<li>${problem.message}</li>`)}</ul>` : ''}
<div class="catalog-item">
<form id="item_form" class="card" method="post" action="${catalogItemUrl(item.sysId)}" aria-label="${item.name}">
  ${csrfInput(viewer.csrfToken)}
${item.fields.map((field) =>
    variableField(
        field,
        values[field.name],
        problems.filter((problem) => problem.variable === field.name)
    )
)}
</form>
<aside class="card order-box" aria-label="Order this Item">
  <h2>Order this Item</h2>
  <p class="muted">Ordering submits a request; follow it under My Requests.</p>
  <div class="actions"><button id="oi_order_now_button" type="submit" form="item_form" aria-label="Order Now">Order Now</button></div>
</aside>
</div>`,
        notice,
        { table: 'sc_cat_item', sysId: item.sysId, fields: {} }
    )
}

function variableField(field: CatalogFieldView, value: string | undefined, problems: OrderProblem[]): SafeHtml {
    const { name } = field
    // ServiceNow's id for a variable's control; help and error keep the variable's name, so a page reads them by it.
    const id = `IO:${field.sysId}`
    const messages = `var-${name}`
    const current = value ?? field.defaultValue
    const describedBy = `${messages}-help ${messages}-error`
    const errorId = raw(` data-error-id="${messages}-error"`)
    const invalid = problems.length > 0 ? raw(' aria-invalid="true"') : ''
    const required = field.mandatory ? raw(' required aria-required="true"') : ''
    let control: SafeHtml
    if (field.choices) {
        control = html`<select id="${id}" class="cat_item_option" name="${name}" aria-describedby="${describedBy}"${errorId}${required}${invalid}>
      <option value="">-- None --</option>
      ${field.choices.map((choice) => html`<option value="${choice.value}"${choice.value === current ? raw(' selected') : ''}>${choice.label}</option>`)}
    </select>`
    } else if (field.multiline) {
        control = html`<textarea id="${id}" name="${name}" aria-describedby="${describedBy}"${errorId}${required}${invalid}${
            field.tooltip ? html` title="${field.tooltip}"` : ''
        }>${current}</textarea>`
    } else {
        const pattern = field.regex ? patternAttribute(field.regex.pattern) : undefined
        control = html`<input id="${id}" name="${name}" value="${current}" aria-describedby="${describedBy}"${errorId}${required}${invalid}${
            pattern ? html` pattern="${pattern}" data-message="${field.regex?.message ?? ''}"` : ''
        }${field.example ? html` placeholder="${field.example}"` : ''}${field.tooltip ? html` title="${field.tooltip}"` : ''}>`
    }
    return html`<div class="field">
    <label for="${id}">${field.mandatory ? html`<span class="mandatory" aria-hidden="true">*</span>` : ''}${field.question}</label>
    ${control}
    <p class="help" id="${messages}-help">${field.help}</p>
    <p class="error" id="${messages}-error">${problems.map((problem) => problem.message.replace(`"${name}": `, '')).join(' ')}</p>
  </div>`
}

export function orderStatusPage(viewer: Viewer, request: OrderStatusView): SafeHtml {
    return page(
        `Order status ${request.number}`,
        viewer,
        'catalog',
        html`<h1>Order Status</h1>
<div class="alert ok notification notification-success" role="status">Thank you, your request has been submitted. Request number: <a id="requesturl" href="${checkoutUrl(request.sysId)}"><b>${request.number}</b></a></div>
<table>
  <caption>Items of ${request.number}</caption>
  <thead><tr><th scope="col">Number</th><th scope="col">Item</th><th scope="col">State</th></tr></thead>
  <tbody>${request.items.map(
      (item) =>
          html`<tr><td><a href="${requestItemUrl(item.sysId)}">${item.number}</a></td><td>${item.shortDescription}</td><td>${item.stateLabel}</td></tr>`
  )}</tbody>
</table>`
    )
}

/** Where Update returns and what the form may post: the page the viewer came from, by default the item list. */
export interface RequestItemFormContext {
    /** A same-site path: the page before the form (Update returns there). */
    readonly stack: string
}

/**
 * The classic requested item form: a header bar with the form buttons (again at the bottom), two
 * columns of fields, the variables, the journal input and the activity stream; below the form the
 * related lists fulfillers see (Approvers) and the flow runs, folded.
 */
export function requestItemPage(
    viewer: Viewer,
    item: RequestItemView,
    context: RequestItemFormContext,
    notice?: Notice
): SafeHtml {
    const editable = item.mayChangeState
    const buttons = (suffix: '' | '_bottom') => {
        const button = (action: string, label: string, extra: Fragment = '', destructive = false) =>
            html`<button type="submit" name="sys_action" value="${action}" id="${action}${suffix}" class="form_action_button header action_context btn ${destructive ? 'btn-destructive' : 'btn-default'}" data-action-name="${action}"${extra}>${label}</button>`
        return html`<div class="form-buttons${suffix ? ' form-buttons-bottom' : ''}">${editable ? html`${button('sysverb_update', 'Update', '', false)}${button('sysverb_update_and_stay', 'Save')}` : ''}${item.uiActions.map(
            (uiAction) =>
                button(
                    uiAction.actionName,
                    uiAction.name,
                    html` gsft_id="${uiAction.sysId}" title="${uiAction.hint}"`,
                    uiAction.style === 'destructive'
                )
        )}${item.mayCancel ? button(CANCEL_ACTION, 'Cancel request', html` title="Cancelling ends the request; any access it granted is revoked."`, true) : ''}</div>`
    }
    const stateControl = editable
        ? html`<select id="sc_req_item.state" name="sc_req_item.state" class="form-control">${Object.entries(
              requestItemStates
          ).map(
              ([value, label]) =>
                  html`<option value="${value}"${value === item.state ? raw(' selected') : ''}>${label}</option>`
          )}</select>`
        : readOnlyChoice('sc_req_item', 'state', item.state, item.stateLabel)
    return page(
        item.number || 'Requested Item',
        viewer,
        'requests',
        html`<form id="sc_req_item.do" name="sc_req_item.do" class="classic-form" method="post" action="${REQUEST_ITEM_PATH}" aria-label="Requested Item ${item.number}">
  ${csrfInput(viewer.csrfToken)}
  <input type="hidden" name="sys_uniqueValue" value="${item.sysId}">
  <input type="hidden" name="sys_target" value="sc_req_item">
  <input type="hidden" name="sysparm_stack" value="${context.stack}">
  ${formHeader('Requested Item', item.number, buttons(''))}
  <div class="form-body">
    ${formColumns(
        html`${readOnlyField('sc_req_item', 'number', 'Number', item.number)}
        ${referenceField('sc_req_item', 'request', 'Request', item.request)}
        ${referenceField('sc_req_item', 'requested_for', 'Requested for', item.requestedFor)}
        ${referenceField('sc_req_item', 'opened_by', 'Opened by', item.openedBy)}
        ${readOnlyField('sc_req_item', 'opened_at', 'Opened', item.openedOn)}`,
        html`${formField(editable ? 'sc_req_item.state' : 'sys_readonly.sc_req_item.state', 'State', stateControl)}
        ${readOnlyChoice('sc_req_item', 'approval', '', item.approval, 'Approval')}
        ${readOnlyField('sc_req_item', 'active', 'Active', String(item.active))}
        ${item.dates.map((date) => readOnlyField('sc_req_item', date.field, date.label, date.wallClock, date.zone))}
        ${item.closed ? html`${readOnlyField('sc_req_item', 'closed_at', 'Closed', item.closed.at)}${referenceField('sc_req_item', 'closed_by', 'Closed by', item.closed.by)}` : ''}`
    )}
    ${readOnlyField('sc_req_item', 'short_description', 'Short description', item.shortDescription, undefined, 'wide')}
    <section class="form-section" aria-labelledby="variables-heading">
      <h2 id="variables-heading" class="section-heading">Variables</h2>
      <table class="variables" aria-labelledby="variables-heading">
        <tbody>${item.variables.map((variable) => html`<tr><th scope="row">${variable.label}</th><td class="mono">${variable.display}</td></tr>`)}</tbody>
      </table>
    </section>
    <section class="form-section activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading" class="section-heading">Activity</h2>
      ${editable ? journalInput() : ''}
      ${activityStream(item.activity)}
    </section>
  </div>
  ${buttons('_bottom')}
</form>
${item.fulfilment ? relatedLists(item.fulfilment) : ''}`,
        notice,
        {
            table: 'sc_req_item',
            sysId: item.sysId,
            fields: {
                number: { value: item.number, label: 'Number' },
                state: { value: item.state, label: 'State' },
                short_description: { value: item.shortDescription, label: 'Short description' },
            },
        }
    )
}

/** The action name of the requester's Cancel on the item's form. */
export const CANCEL_ACTION = 'cancel_request'

/** A classic form's header bar: the table's label, the record's display value, the form buttons. */
function formHeader(tableLabel: string, display: string, buttons: Fragment): SafeHtml {
    return html`<div class="form-header"><h1><span class="form-table">${tableLabel}</span> ${display}</h1>${buttons}</div>`
}

/** A form section's two columns of fields. */
function formColumns(left: Fragment, right: Fragment): SafeHtml {
    return html`<div class="form-columns"><div class="form-column">${left}</div><div class="form-column">${right}</div></div>`
}

function formField(controlId: string, label: string, control: Fragment, wide = false): SafeHtml {
    return html`<div class="form-group${wide ? ' wide' : ''}"><label class="control-label" for="${controlId}">${label}</label><div class="form-field">${control}</div></div>`
}

/** A read-only field as the classic form renders it: `sys_readonly.<table>.<field>`. */
function readOnlyField(
    table: string,
    name: string,
    label: string,
    value: string,
    hint?: string,
    width?: 'wide'
): SafeHtml {
    const id = `sys_readonly.${table}.${name}`
    return formField(
        id,
        label,
        html`<input id="${id}" class="form-control" readonly value="${value}">${hint ? html`<span class="field-hint">${hint}</span>` : ''}`,
        width === 'wide'
    )
}

/** A reference shown read-only: its display value (`sys_display.<table>.<field>`). */
function referenceField(table: string, name: string, label: string, display: string, after: Fragment = ''): SafeHtml {
    const id = `sys_display.${table}.${name}`
    return formField(id, label, html`<input id="${id}" class="form-control" readonly value="${display}">${after}`)
}

/** A choice field shown read-only: a disabled select holding the current choice, its label shown. */
function readOnlyChoice(table: string, name: string, value: string, label: string, fieldLabel?: string): SafeHtml {
    const id = `sys_readonly.${table}.${name}`
    const control = html`<select id="${id}" class="form-control" disabled><option value="${value}" selected>${label}</option></select>`
    return fieldLabel ? formField(id, fieldLabel, control) : control
}

/** The split journal input: work notes and additional comments, posted with the form. */
function journalInput(): SafeHtml {
    return html`<div id="multiple-input-journal-entry" class="journal-input">
  <div class="form-group stacked"><label class="control-label" for="activity-stream-work_notes-textarea">Work notes</label><textarea id="activity-stream-work_notes-textarea" name="sc_req_item.work_notes" class="form-control work-notes" data-stream-text-input="work_notes"></textarea></div>
  <div class="form-group stacked"><label class="control-label" for="activity-stream-comments-textarea">Additional comments (Customer visible)</label><textarea id="activity-stream-comments-textarea" name="sc_req_item.comments" class="form-control" data-stream-text-input="comments"></textarea></div>
</div>`
}

function activityStream(entries: ActivityEntryView[]): SafeHtml {
    return entries.length === 0
        ? html`<p class="muted">No activity.</p>`
        : html`<ul id="sn_form_inline_stream_entries" class="activity-stream" aria-label="Activity">${entries.map(
              (entry) =>
                  html`<li class="h-card${entry.kind === 'Work notes' ? ' work-note' : ''}"><div class="sn-card-component-header"><span class="sn-card-component-createdby">${entry.author}</span><div class="sn-card-component-time"><span>${entry.kind}</span> <time>${entry.createdOn}</time></div></div><div class="sn-widget-textblock-body">${entry.text}</div></li>`
          )}</ul>`
}

/**
 * What only fulfillers (and admins) see on the platform: the approvers' records and the flow's
 * execution log. Requesters and approvers see the item, its variables and its comments.
 */
function relatedLists(fulfilment: FulfilmentView): SafeHtml {
    return html`<section class="related-lists" aria-label="Related lists">
  <h2 id="approvers-heading" class="related-list-title">Approvers</h2>
  ${
      fulfilment.approvers.length === 0
          ? html`<p class="muted list-empty">No records to display</p>`
          : html`<table class="list_table" aria-labelledby="approvers-heading">
    <thead><tr><th scope="col">Approver</th><th scope="col">State</th><th scope="col">Comments</th><th scope="col">Updated</th></tr></thead>
    <tbody>${fulfilment.approvers.map(
        (approval) =>
            html`<tr><td>${approval.approver}</td><td>${approval.state}</td><td>${approval.comments}</td><td>${approval.updatedOn}</td></tr>`
    )}</tbody>
  </table>`
  }
  ${fulfilment.approvalHistory.map((entry) => html`<p class="muted">${entry.createdOn}: ${entry.value}</p>`)}
  <h2 id="flow-heading" class="related-list-title">Flow runs</h2>
  ${fulfilment.runs.length === 0 ? html`<p class="muted">No flow ran for this item.</p>` : fulfilment.runs.map((run) => html`<details class="flow-run-fold"><summary>Flow run ${run.flowName}: <span class="badge ${run.status}">${run.status}</span> <span class="muted">(started ${run.startedAt})</span></summary>${flowRunView(run, fulfilment.runDiagrams.get(run.id))}</details>`)}
</section>`
}

/** A run: its diagram (steps that ran coloured by outcome, with their timing; the rest faded), then its log. */
function flowRunView(run: FlowRun, diagram: string | undefined): SafeHtml {
    return html`${diagram ? html`<figure class="flow-diagram" aria-label="Diagram of flow run ${run.flowName}">${raw(diagram)}<figcaption class="muted">Steps that ran: green complete, amber waiting, blue running, red error, grey skipped (an If whose condition was false); faded: not reached.</figcaption></figure>` : ''}<table class="flow-run" aria-label="Flow run ${run.flowName}">
  <caption><strong>${run.flowName}</strong>: <span class="badge ${run.status}">${run.status}</span>${run.reason ? html` <span class="muted">${run.reason}</span>` : ''} <span class="muted">(started ${run.startedAt}${run.endedAt ? html`, ended ${run.endedAt}` : ''})</span></caption>
  <colgroup><col class="step"><col class="status"><col class="inputs"><col class="outputs"><col class="messages"></colgroup>
  <thead><tr><th scope="col">Step</th><th scope="col">Status</th><th scope="col">Inputs</th><th scope="col">Outputs</th><th scope="col">Messages and errors</th></tr></thead>
  <tbody>${run.steps.map(stepRow)}</tbody>
</table>`
}

function stepRow(step: StepLog): SafeHtml {
    const pairs = (values: Record<string, string>) =>
        Object.keys(values).length === 0
            ? ''
            : html`<pre class="kv">${Object.entries(values)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n')}</pre>`
    return html`<tr>
  <td style="padding-left:${String(10 + step.depth * 18)}px">${step.name}<div class="muted">${step.startedAt}</div></td>
  <td><span class="badge ${step.status}">${step.status}</span></td>
  <td>${pairs(step.inputs)}</td>
  <td>${pairs(step.outputs)}</td>
  <td>${step.messages.map((message) => html`<div class="mono">[${message.level}] ${message.message}</div>`)}${step.error ? html`<div class="step-error" role="note">${step.error}</div>` : ''}</td>
</tr>`
}

/** The classic approval form: what is approved, Comments, and Approve and Reject at the top and the bottom. */
export function approvalPage(viewer: Viewer, approval: ApprovalFormView, notice?: Notice): SafeHtml {
    const buttons = (suffix: '' | '_bottom') =>
        approval.mayDecide
            ? html`<div class="form-buttons${suffix ? ' form-buttons-bottom' : ''}">${(
                  ['approve', 'reject'] as const
              ).map(
                  (action) =>
                      html`<button type="submit" id="${action}${suffix}" name="sys_action" value="${action}" class="form_action_button header action_context btn ${action === 'reject' ? 'btn-destructive' : 'btn-default'}" data-action-name="${action}">${action === 'approve' ? 'Approve' : 'Reject'}</button>`
              )}</div>`
            : ''
    return page(
        `Approval for ${approval.number}`,
        viewer,
        'approvals',
        html`<form id="sysapproval_approver.do" name="sysapproval_approver.do" class="classic-form" method="post" action="${approvalUrl(approval.sysId)}" aria-label="Approval for ${approval.number}">
  ${csrfInput(viewer.csrfToken)}
  ${formHeader('Approval', approval.number, buttons(''))}
  <div class="form-body">
    ${formColumns(
        html`${referenceField('sysapproval_approver', 'approver', 'Approver', approval.approver)}
        ${readOnlyChoice('sysapproval_approver', 'state', approval.state, approval.stateLabel, 'State')}
        ${referenceField('sysapproval_approver', 'sysapproval', 'Approving', approval.number, approval.item ? html`<a class="field-hint" href="${requestItemUrl(approval.item.sysId)}" aria-label="Open ${approval.number}">open</a>` : '')}`,
        html`${referenceField('sc_req_item', 'requested_for', 'Requested for', approval.requestedFor)}
        ${readOnlyField('sc_req_item', 'short_description', 'Short description', approval.shortDescription)}`
    )}
    <section class="form-section" aria-labelledby="variables-heading">
      <h2 id="variables-heading" class="section-heading">Summary of item being approved</h2>
      <table class="variables" aria-labelledby="variables-heading">
        <tbody>${approval.variables.map((variable) => html`<tr><th scope="row">${variable.label}</th><td class="mono">${variable.display}</td></tr>`)}</tbody>
      </table>
    </section>
    ${
        approval.mayDecide
            ? html`<div class="form-group stacked"><label class="control-label" for="sysapproval_approver.comments"><span class="mandatory" aria-hidden="true">*</span>Comments</label><textarea id="sysapproval_approver.comments" name="sysapproval_approver.comments" class="form-control">${approval.draftComment}</textarea><p class="help muted">Required to reject.</p></div>`
            : formField(
                  'sys_readonly.sysapproval_approver.comments',
                  'Comments',
                  html`<textarea id="sys_readonly.sysapproval_approver.comments" class="form-control" readonly>${approval.comments}</textarea>`
              )
    }
  </div>
  ${buttons('_bottom')}
</form>`,
        notice,
        {
            table: 'sysapproval_approver',
            sysId: approval.sysId,
            fields: { state: { value: approval.state, label: 'State' } },
        }
    )
}

/**
 * A classic list view: a caption, the columns, and per row a "Preview record: <number>" button (the
 * row's columns in a pop-up, as the platform's info icon shows them) and a link "Open record: <number>".
 */
export function listPage(viewer: Viewer, list: ListView, notice?: Notice): SafeHtml {
    return page(
        list.title,
        viewer,
        list.table === 'sysapproval_approver' ? 'approvals' : 'requests',
        html`<h1>${list.title}</h1>
${
    list.rows.length === 0
        ? html`<p class="list-empty">No records to display</p>`
        : html`<table class="list_table" id="${list.table}_table" aria-label="${list.title}">
  <thead><tr><th scope="col" class="list_decoration_cell"><span class="visually-hidden">Preview</span></th>${list.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
  <tbody>${list.rows.map((row) => listRow(list, row))}</tbody>
</table>`
}`,
        notice
    )
}

function listRow(list: ListView, row: ListView['rows'][number]): SafeHtml {
    const previewId = `preview_${row.sysId}`
    return html`<tr class="list_row" data-sys-id="${row.sysId}"><td class="list_decoration_cell"><button type="button" class="list_popup icon-info" popovertarget="${previewId}" aria-label="Preview record: ${row.display}">i</button><div id="${previewId}" class="list_preview" popover role="dialog" aria-label="Preview of ${row.display}"><dl class="facts">${list.columns.map(
        (column, index) => html`<dt>${column}</dt><dd>${index === 0 ? row.display : row.cells[index - 1]}</dd>`
    )}</dl><p><a href="${row.href}">Open Record</a></p></div></td><td><a class="linked formlink" href="${row.href}" aria-label="Open record: ${row.display}">${row.display}</a></td>${row.cells.map((cell) => html`<td>${cell}</td>`)}</tr>`
}

export function errorPage(viewer: Viewer | undefined, title: string, message: string): SafeHtml {
    return page(title, viewer, 'none', html`<h1>${title}</h1>`, { kind: 'error', message })
}
