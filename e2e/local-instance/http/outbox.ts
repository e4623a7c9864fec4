// The Outbox (System Mailboxes > Outbox on the platform): every email the instance wrote to
// sys_email, newest first, and a page per email with its recipients, subject, body and the record it
// is about. Administrators only, as sys_email is on the platform. The body is the notification's
// HTML: shown in a sandboxed frame (no scripts, no navigation: an update set is untrusted input) and
// as source.
import type express from 'express'
import type { Request, Response } from 'express'
import { html, type SafeHtml } from '../../../scripts/lib/common/index'
import type { InstanceAccounts, InstanceRequests } from '../instance'
import type { StoredRecord } from '../tables'
import { sendError, sendPage as send } from './errors'
import { page, type Viewer } from './layout'
import { requestItemUrl } from './urls'

type OutboxInstance = Pick<InstanceAccounts, 'database'> & Pick<InstanceRequests, 'emails'>

export interface EmailView {
    sysId: string
    type: string
    createdOn: string
    recipients: string
    subject: string
    body: string
    bodyText: string
    notification: string
    about: { table: string; label: string; href?: string }
}

export function emailView(instance: OutboxInstance, email: StoredRecord): EmailView {
    const { database } = instance
    const table = email.target_table ?? ''
    const recordId = email.instance ?? ''
    const exists = table !== '' && database.hasTable(table) && database.get(table, recordId) !== undefined
    const itemId =
        table === 'sc_req_item'
            ? recordId
            : table === 'sysapproval_approver' && exists
              ? database.resolvePath(table, recordId, 'sysapproval')
              : ''
    const label = exists
        ? `${table} ${database.recordDisplayValue(table, recordId) || recordId}`
        : `${table} ${recordId}`
    return {
        sysId: email.sys_id,
        type: database.displayValue('sys_email', email.sys_id, 'type'),
        createdOn: email.sys_created_on ?? '',
        recipients: email.recipients ?? '',
        subject: email.subject ?? '',
        body: email.body ?? '',
        bodyText: email.body_text ?? '',
        notification: database.displayValue('sys_email', email.sys_id, 'notification') || 'platform approval request',
        about: { table, label, href: itemId ? requestItemUrl(itemId) : undefined },
    }
}

export function outboxPage(viewer: Viewer, emails: EmailView[]): SafeHtml {
    return page(
        'Outbox',
        viewer,
        'outbox',
        html`<h1>Outbox</h1>
<p class="muted">Every email the instance has written (sys_email), newest first. The local instance has no mail server: emails stay send-ready.</p>
${
    emails.length === 0
        ? html`<p>No emails yet.</p>`
        : html`<table>
  <caption>Emails</caption>
  <thead><tr><th scope="col">Created</th><th scope="col">Recipients</th><th scope="col">Subject</th><th scope="col">About</th><th scope="col">Type</th></tr></thead>
  <tbody>${emails.map(
      (email) =>
          html`<tr><td>${email.createdOn}</td><td>${email.recipients}</td><td><a href="/outbox/${email.sysId}">${email.subject || '(no subject)'}</a></td><td>${email.about.label}</td><td>${email.type}</td></tr>`
  )}</tbody>
</table>`
}`
    )
}

export function emailPage(viewer: Viewer, email: EmailView): SafeHtml {
    return page(
        email.subject || 'Email',
        viewer,
        'outbox',
        html`<h1>${email.subject || '(no subject)'}</h1>
<dl class="facts">
  <dt>Recipients</dt><dd>${email.recipients}</dd>
  <dt>Type</dt><dd>${email.type}</dd>
  <dt>Created</dt><dd>${email.createdOn}</dd>
  <dt>Notification</dt><dd>${email.notification}</dd>
  <dt>About</dt><dd>${email.about.href ? html`<a href="${email.about.href}">${email.about.label}</a>` : email.about.label}</dd>
</dl>
${
    email.body
        ? html`<h2>Message</h2>
<iframe title="Message" sandbox="" srcdoc="${email.body}" style="width:100%;min-height:12em;border:1px solid #c9d1d3;background:#fff"></iframe>
<h2>HTML source</h2>
<pre class="mono" aria-label="HTML source">${email.body}</pre>`
        : ''
}
${email.bodyText ? html`<h2>Text</h2><pre aria-label="Text">${email.bodyText}</pre>` : ''}
<p><a href="/outbox">Back to the Outbox</a></p>`
    )
}

type SignedIn = (request: Request, response: Response) => { viewer: Viewer } | undefined

export function registerOutboxPages(app: express.Express, instance: OutboxInstance, signedIn: SignedIn): void {
    const admin = (request: Request, response: Response): Viewer | undefined => {
        const who = signedIn(request, response)
        if (!who) return undefined
        if (who.viewer.isAdmin) return who.viewer
        sendError(response, who.viewer, {
            status: 403,
            title: 'Forbidden',
            message: 'Only administrators (role admin) read the Outbox, as on the platform.',
        })
        return undefined
    }
    app.get('/outbox', (request, response) => {
        const viewer = admin(request, response)
        if (viewer)
            send(
                response,
                outboxPage(
                    viewer,
                    instance.emails().map((email) => emailView(instance, email))
                )
            )
    })
    app.get('/outbox/:emailSysId', (request, response) => {
        const viewer = admin(request, response)
        if (!viewer) return
        const email = instance.database.get('sys_email', request.params.emailSysId)
        if (!email) {
            sendError(response, viewer, { status: 404, title: 'Not found', message: 'No such email in the outbox.' })
            return
        }
        send(response, emailPage(viewer, emailView(instance, email)))
    })
}
