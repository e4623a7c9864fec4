// The page frame every UI page shares: header with navigation, the current tenant and the signed-in
// user, then the page's content. Landmarks (banner, navigation, main) and labelled controls make
// every page findable by role and name, for screen readers and Playwright alike.
import type { FieldError } from '../../errors'
import { html, raw, type Fragment, type SafeHtml } from '../../../../scripts/lib/common/index'

export interface Chrome {
    readonly user: string
    readonly isAdmin: boolean
    readonly tenant: string | undefined
    readonly canSwitchTenant: boolean
    readonly csrfToken: string
}

export type Section = 'inspect' | 'produce' | 'settings' | 'none'

const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f4f6fa}
header{display:flex;align-items:center;gap:24px;padding:0 20px;height:52px;background:#16213a;color:#fff}
header .brand{font-weight:700;font-size:17px;letter-spacing:.3px;color:#fff;text-decoration:none}
header .brand small{font-weight:400;color:#9fb0d0;margin-left:6px;font-size:12px}
header nav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
header nav a{color:#c9d4ea;text-decoration:none;padding:6px 10px;border-radius:4px}
header nav a[aria-current=page]{background:#2c3b60;color:#fff}
header nav a:hover{background:#24324f}
header .who{margin-left:auto;display:flex;align-items:center;gap:14px;color:#c9d4ea;font-size:13px}
header .who strong{color:#fff}
header .tenant-badge{background:#2c3b60;border-radius:10px;padding:2px 10px}
header .who a{color:#9fc1ff}
header .who button{background:none;border:1px solid #4a5d8a;color:#fff;border-radius:4px;padding:4px 10px;cursor:pointer}
main{max-width:1180px;margin:24px auto;padding:0 20px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:24px 0 10px}
.subtitle{color:#5a6478;margin:0 0 18px}
.card{background:#fff;border:1px solid #dde3ee;border-radius:6px;padding:16px 18px;margin-bottom:18px}
form.grid{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px 16px;align-items:start}
form.grid .wide{grid-column:span 2}
form.grid .full{grid-column:1/-1}
form.grid .submit{align-self:end}
.hint{font-weight:400;color:#6b7487}
label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:12px;color:#3b4558}
fieldset{border:1px solid #dde3ee;border-radius:4px;padding:8px 10px}
legend{font-weight:600;font-size:12px;color:#3b4558}
fieldset label{flex-direction:row;align-items:center;font-weight:400;gap:6px}
input,select,textarea{font:inherit;height:34px;padding:6px 8px;border:1px solid #b9c3d6;border-radius:4px;background:#fff;color:#1d2433}
select[multiple],textarea{height:auto}
textarea{min-height:90px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
button,.button{font:inherit;font-weight:600;padding:7px 14px;border-radius:4px;border:1px solid #2f5fd0;background:#2f5fd0;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#2f5fd0}
button.danger{background:#c0392b;border-color:#c0392b}
.actions{display:flex;gap:8px;align-items:center}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:6px 0;color:#3b4558}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #e6eaf2;vertical-align:top}
th{background:#eef2f9;font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:#4a5568}
td.value,td.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
td.nowrap{white-space:nowrap}
td.value{max-width:560px}
.alert{border-radius:6px;padding:12px 16px;margin-bottom:18px;border:1px solid}
.alert.error{background:#fdecea;border-color:#f5c2bd;color:#8a1f14}
.alert.ok{background:#e8f6ee;border-color:#b5e0c5;color:#185c34}
.alert.info{background:#eaf1fd;border-color:#bcd0f5;color:#1d3f82}
.alert strong{display:block;margin-bottom:2px}
.alert ul{margin:6px 0 0;padding-left:18px}
.muted{color:#6b7487}
.empty{padding:14px;color:#6b7487;background:#fff;border:1px dashed #cfd6e4;border-radius:6px}
.login{max-width:360px;margin:80px auto}
.login form{display:flex;flex-direction:column;gap:14px}
.tabs{display:flex;gap:4px;border-bottom:1px solid #dde3ee;margin-bottom:18px}
.tabs a{padding:8px 14px;text-decoration:none;color:#3b4558;border-bottom:2px solid transparent}
.tabs a[aria-current=page]{border-color:#2f5fd0;color:#2f5fd0;font-weight:600}
.pill{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600}
.pill.Allow,.pill.approved{background:#e0f3e8;color:#1c6b3c}
.pill.Deny,.pill.rejected{background:#fbe3e0;color:#9b2418}
.pill.Stage,.pill.pending{background:#fff1d6;color:#8a5a00}
.pill.Refused{background:#eceff4;color:#4a5568}
`)

/**
 * Kpow's UI routes in the URL fragment, which never reaches a server: its deep link to inspect a topic
 * is `<ui>/#/tenant/<tenant id>/cluster/<cluster id>/data/inspect?topic=<topic>`. Whatever page such a
 * link lands on (`/` redirects to Data > Inspect, a visitor without a session to the login page; the
 * browser keeps the fragment across both), this hands it to the server-rendered inspect page, which
 * checks the session, the tenant and RBAC as for any other visit.
 */
const DEEP_LINK_SCRIPT = raw(`(function () {
  var link = /^#\\/tenant\\/([^/?#]+)\\/cluster\\/([^/?#]+)\\/data\\/inspect\\?topic=([^&#]+)$/.exec(location.hash);
  if (!link) return;
  var part = function (index) { return encodeURIComponent(decodeURIComponent(link[index])); };
  location.replace('/data/inspect?tenant=' + part(1) + '&cluster=' + part(2) + '&topic=' + part(3));
})();`)

export function page(title: string, content: Fragment, options: { chrome?: Chrome; section?: Section } = {}): string {
    const { chrome, section = 'none' } = options
    return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Kpow (mock)</title>
<style>${STYLE}</style>
<script>${DEEP_LINK_SCRIPT}</script>
</head>
<body>
<header role="banner">
  <a class="brand" href="/">Kpow<small>mock</small></a>
  ${chrome ? navigation(chrome, section) : ''}
</header>
<main id="main">
${content}
</main>
</body>
</html>`.text
}

function navigation(chrome: Chrome, section: Section): SafeHtml {
    const link = (href: string, label: string, current: boolean) =>
        html`<li><a href="${href}"${current ? raw(' aria-current="page"') : ''}>${label}</a></li>`
    return html`<nav aria-label="Main">
    <ul>
      ${link('/data/inspect', 'Data > Inspect', section === 'inspect')}
      ${link('/data/produce', 'Data > Produce', section === 'produce')}
      ${chrome.isAdmin ? link('/settings/temporary-policies', 'Settings', section === 'settings') : ''}
    </ul>
  </nav>
  <div class="who">
    <span>Tenant: <strong class="tenant-badge" data-testid="current-tenant">${chrome.tenant ?? 'none chosen'}</strong>
      ${chrome.canSwitchTenant ? html` <a href="/tenant">Switch tenant</a>` : ''}</span>
    <span>Signed in as <strong>${chrome.user}</strong></span>
    <form method="post" action="/logout">${csrfField(chrome.csrfToken)}<button type="submit">Log out</button></form>
  </div>`
}

export function csrfField(token: string): SafeHtml {
    return html`<input type="hidden" name="_csrf" value="${token}">`
}

export function alert(kind: 'error' | 'ok' | 'info', title: string, detail?: Fragment): SafeHtml {
    const role = kind === 'error' ? 'alert' : 'status'
    return html`<div class="alert ${kind}" role="${role}"><strong>${title}</strong>${detail ?? ''}</div>`
}

export function formatTs(ts: number): string {
    return new Date(ts)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
}

/** ["cluster", "id", "topic", "name"]: JSON with spaces, so long resources wrap between elements. */
export function formatResource(resource: readonly string[]): string {
    return `[${resource.map((element) => JSON.stringify(element)).join(', ')}]`
}

/** "59m 58s", "1h 02m", "expired". */
export function formatRemaining(ms: number): string {
    if (ms <= 0) return 'expired'
    const seconds = Math.floor(ms / 1000)
    const hours = Math.floor(seconds / 3600)
    const minutes = Math.floor((seconds % 3600) / 60)
    const rest = seconds % 60
    if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`
    if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`
    return `${rest}s`
}

export function fieldList(fields: readonly FieldError[]): SafeHtml | '' {
    if (fields.length === 0) return ''
    return html`<ul>${fields.map((field) => html`<li><code>${field.path}</code> ${field.message}</li>`)}</ul>`
}
