// Settings (admins only): Temporary policies, Staged mutations, Audit log.
import { KNOWN_ACTIONS } from '../../engine/index'
import type { TemporaryPolicy } from '../../engine/types'
import { mutationResource, type StagedMutation } from '../../mutations/staged-mutations'
import type { AuditPage } from '../../store/audit-log'
import { displayValue } from './pages-data'
import type { Flash } from './sessions'
import { html, type Fragment, type SafeHtml } from '../../../../scripts/lib/common/index'
import { alert, csrfField, fieldList, formatRemaining, formatResource, formatTs, page, type Chrome } from './layout'

export type SettingsTab = 'temporary-policies' | 'staged-mutations' | 'audit-log'

function settingsPage(
    chrome: Chrome,
    tab: SettingsTab,
    title: string,
    flash: Flash | undefined,
    content: Fragment
): string {
    const tabLink = (id: SettingsTab, label: string) =>
        html`<a href="/settings/${id}"${id === tab ? html` aria-current="page"` : ''}>${label}</a>`
    return page(
        `Settings > ${title}`,
        html`<h1>Settings</h1>
    <nav class="tabs" aria-label="Settings">
      ${tabLink('temporary-policies', 'Temporary policies')}
      ${tabLink('staged-mutations', 'Staged mutations')}
      ${tabLink('audit-log', 'Audit log')}
    </nav>
    <h2>${title}</h2>
    ${flash ? flashAlert(flash) : ''}
    ${content}`,
        { chrome, section: 'settings' }
    )
}

/** A field whose message only repeats the headline (a refused duration) is not listed a second time. */
function flashAlert(flash: Flash): SafeHtml {
    const fields = (flash.fields ?? []).filter((field) => field.message !== flash.message)
    return alert(flash.kind, flash.message, fieldList(fields))
}

function resourcesOf(policy: TemporaryPolicy): string {
    const resources = policy.policy.resources ?? (policy.policy.resource ? [policy.policy.resource] : [])
    return resources.map(formatResource).join(' ')
}

export function temporaryPoliciesPage(
    chrome: Chrome,
    policies: readonly TemporaryPolicy[],
    nowTs: number,
    form: Readonly<Record<string, string | readonly string[]>>,
    flash: Flash | undefined
): string {
    const chosenActions = new Set(
        Array.isArray(form.actions) ? form.actions : typeof form.actions === 'string' ? [form.actions] : []
    )
    const value = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '')
    return settingsPage(
        chrome,
        'temporary-policies',
        'Temporary policies',
        flash,
        html`${
            policies.length === 0
                ? html`<p class="empty">No active temporary policies.</p>`
                : html`<table aria-label="Temporary policies">
      <colgroup><col style="width:11%"><col style="width:96px"><col style="width:16%"><col><col style="width:84px">
        <col style="width:112px"><col style="width:84px"><col style="width:88px"><col style="width:96px"></colgroup>
      <thead><tr><th scope="col">Policy ID</th><th scope="col">Role</th><th scope="col">Actions</th><th scope="col">Resource</th><th scope="col">Effect</th>
        <th scope="col">Created</th><th scope="col">Time left</th><th scope="col">Created by</th><th scope="col"><span class="muted">Delete</span></th></tr></thead>
      <tbody>
      ${policies.map(
          (policy) => html`<tr data-policy-id="${policy.id}">
          <td class="mono">${policy.id}</td>
          <td>${policy.policy.role ?? (policy.policy.roles ?? []).join(', ')}</td>
          <td class="mono">${policy.policy.actions.join(', ')}</td>
          <td class="mono">${resourcesOf(policy)}</td>
          <td><span class="pill ${policy.policy.effect}">${policy.policy.effect}</span></td>
          <td class="mono">${formatTs(policy.created_ts)}</td>
          <td>${formatRemaining(policy.created_ts + policy.duration_ms - nowTs)}</td>
          <td>${policy.created_by}</td>
          <td><form method="post" action="/settings/temporary-policies/${policy.id}/delete">${csrfField(chrome.csrfToken)}
            <button type="submit" class="danger" aria-label="Delete temporary policy ${policy.id}">Delete</button></form></td>
        </tr>`
      )}
      </tbody>
    </table>`
        }
    <h2>Create a temporary policy</h2>
    <form method="post" action="/settings/temporary-policies" class="card grid" aria-label="Create a temporary policy">
      ${csrfField(chrome.csrfToken)}
      <label>Role <input name="role" required value="${value('role')}" placeholder="kafka-users"></label>
      <label>Effect
        <select name="effect">
          ${(['Allow', 'Deny', 'Stage'] as const).map((effect) => html`<option${value('effect') === effect ? html` selected` : ''}>${effect}</option>`)}
        </select>
      </label>
      <label>Duration (ms) <input name="duration_ms" type="number" min="1" required value="${value('duration_ms') || '3600000'}"></label>
      <span></span>
      <label>Actions
        <select name="actions" multiple size="6" required>
          ${KNOWN_ACTIONS.map((action) => html`<option${chosenActions.has(action) ? html` selected` : ''}>${action}</option>`)}
        </select>
      </label>
      <label class="wide">Resource <input name="resource" required value="${value('resource')}" placeholder="cluster, 42RglGpZQwy9D5VzTVpCWA, topic, tx_trade1">
        <span class="hint">Comma-separated elements or a JSON array; * and prefix*/ *suffix / *infix* patterns as in the RBAC file.</span></label>
      <span></span>
      <div class="actions full"><button type="submit">Create</button></div>
    </form>`
    )
}

export function stagedMutationsPage(
    chrome: Chrome,
    mutations: readonly StagedMutation[],
    flash: Flash | undefined
): string {
    return settingsPage(
        chrome,
        'staged-mutations',
        'Staged mutations',
        flash,
        mutations.length === 0
            ? html`<p class="empty">No staged mutations.</p>`
            : html`<table aria-label="Staged mutations">
      <colgroup><col style="width:112px"><col style="width:88px"><col style="width:12%"><col style="width:19%"><col style="width:10%"><col>
        <col style="width:92px"><col style="width:110px"></colgroup>
      <thead><tr><th scope="col">Staged</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Resource</th>
        <th scope="col">Key</th><th scope="col">Value</th><th scope="col">Status</th><th scope="col"><span class="muted">Decision</span></th></tr></thead>
      <tbody>
      ${mutations.map(
          (mutation) => html`<tr data-mutation-id="${mutation.id}">
          <td class="mono">${formatTs(mutation.created_ts)}</td>
          <td>${mutation.user}</td>
          <td class="mono">${mutation.action}</td>
          <td class="mono">${formatResource(mutationResource(mutation))}</td>
          <td class="mono">${mutation.message.key ?? ''}</td>
          <td class="value">${mutation.message.value === null ? '' : displayValue(mutation.message.value)}</td>
          <td><span class="pill ${mutation.status}">${mutation.status}</span>
            ${mutation.decided_by ? html`<br><span class="muted">by ${mutation.decided_by}</span>` : ''}</td>
          <td>${
              mutation.status === 'pending'
                  ? html`<div class="actions">
              <form method="post" action="/settings/staged-mutations/${mutation.id}/approve">${csrfField(chrome.csrfToken)}
                <button type="submit" aria-label="Approve staged mutation ${mutation.id}">Approve</button></form>
              <form method="post" action="/settings/staged-mutations/${mutation.id}/reject">${csrfField(chrome.csrfToken)}
                <button type="submit" class="secondary" aria-label="Reject staged mutation ${mutation.id}">Reject</button></form>
            </div>`
                  : ''
          }</td>
        </tr>`
      )}
      </tbody>
    </table>`
    )
}

/** `found`: undefined when the filter was refused; `pageHref`: the link to another page of the same view. */
export function auditLogPage(
    chrome: Chrome,
    found: AuditPage | undefined,
    form: Readonly<Record<string, string>>,
    flash: Flash | undefined,
    pageHref: (page: number) => string
): string {
    const records = found?.records ?? []
    return settingsPage(
        chrome,
        'audit-log',
        'Audit log',
        flash,
        html`<form method="get" action="/settings/audit-log" class="card grid" aria-label="Filter the audit log">
      <label>User <input name="user" value="${form.user ?? ''}"></label>
      <label>Action <input name="action" value="${form.action ?? ''}" placeholder="CREATE_TEMPORARY_POLICY"></label>
      <label>From (UTC) <input name="from" type="datetime-local" step="1" value="${form.from ?? ''}"></label>
      <label>To (UTC) <input name="to" type="datetime-local" step="1" value="${form.to ?? ''}"></label>
      <div class="actions"><button type="submit">Filter</button><a class="button secondary" href="/settings/audit-log">Clear</a></div>
    </form>
    ${
        records.length === 0
            ? html`<p class="empty">No audit records match.</p>`
            : html`<table aria-label="Audit log">
      <colgroup><col style="width:112px"><col style="width:88px"><col style="width:12%"><col style="width:16%"><col style="width:22%">
        <col style="width:92px"><col></colgroup>
      <thead><tr><th scope="col">Time</th><th scope="col">User</th><th scope="col">Event</th><th scope="col">Action</th>
        <th scope="col">Resource</th><th scope="col">Decision</th><th scope="col">Detail</th></tr></thead>
      <tbody>
      ${records.map(
          (record) => html`<tr>
          <td class="mono">${formatTs(record.ts)}</td><td>${record.user}</td><td>${record.event}</td><td class="mono">${record.action}</td>
          <td class="mono">${record.resource.length > 0 ? formatResource(record.resource) : ''}</td>
          <td><span class="pill ${record.decision}">${record.decision}</span></td><td class="value">${record.detail}</td>
        </tr>`
      )}
      </tbody>
    </table>`
    }
    ${found && found.total > 0 ? auditPager(found, pageHref) : ''}`
    )
}

function auditPager(found: AuditPage, pageHref: (page: number) => string): SafeHtml {
    return html`<nav class="actions" aria-label="Audit log pages">
      ${found.page > 1 ? html`<a class="button secondary" rel="prev" href="${pageHref(Math.min(found.page - 1, found.pages))}">Newer</a>` : ''}
      <span>Page ${String(found.page)} of ${String(found.pages)}: ${String(found.total)} records (the newest held in memory; audit.jsonl and its rotated files keep more)</span>
      ${found.page < found.pages ? html`<a class="button secondary" rel="next" href="${pageHref(found.page + 1)}">Older</a>` : ''}
    </nav>`
}
