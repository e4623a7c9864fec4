// The page frame every UI page shares: a top bar with the tenant and cluster selectors and the
// signed-in user, a left rail of areas, then the page's content. Landmarks (banner, navigation, main) and labelled controls make
// every page findable by role and name, for screen readers and Playwright alike.
import type { FieldError } from '../../errors'
import { html, raw, type Fragment, type SafeHtml } from '../../../../scripts/lib/common/index'

export interface Chrome {
    readonly user: string
    readonly isAdmin: boolean
    readonly tenant: string | undefined
    /** The tenants the user may enter, by name; more than one makes the top bar's tenant a selector. */
    readonly tenants: readonly string[]
    readonly canSwitchTenant: boolean
    readonly csrfToken: string
}

export type Section = 'inspect' | 'produce' | 'settings' | 'none'

/**
 * The top bar's cluster selector on the Data pages. It is the page form's `cluster` field (through
 * the `form` attribute), so a search or produce sends it; changing it reloads the page on that
 * cluster, whose topics differ.
 */
export interface ClusterSelector {
    readonly clusters: readonly { readonly id: string; readonly name: string }[]
    readonly clusterId: string | undefined
    readonly formId: string
}

// Kpow's frame as its users know it: a dark left rail listing the areas, a slim top bar holding the
// tenant and cluster in view and the user, light content with dense tables. Drawn from scratch.
const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:13px/1.45 "Inter",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;background:#f3f4f7}
a{color:#2563c9}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.topbar{position:sticky;top:0;z-index:2;display:flex;align-items:center;gap:18px;height:48px;padding:0 16px 0 0;background:#fff;border-bottom:1px solid #dfe2e8}
.brand{display:flex;align-items:center;gap:8px;width:200px;height:48px;padding:0 16px;background:#151a24;color:#fff;font-weight:700;font-size:16px;letter-spacing:.2px;text-decoration:none}
.brand small{font-weight:400;font-size:11px;color:#8b95a8}
.selector{display:flex;align-items:center;gap:6px;margin:0;font-size:12px;color:#5b6476}
.selector label{flex-direction:row;align-items:center;gap:6px;font-size:12px;font-weight:600;color:#5b6476;text-transform:uppercase;letter-spacing:.4px}
.selector select{height:30px;min-width:150px;max-width:440px;font-weight:600}
.selector .badge{background:#eef0f4;border:1px solid #dfe2e8;border-radius:4px;padding:4px 10px;font-weight:600;color:#1f2430;text-transform:none;letter-spacing:0}
.user{margin-left:auto;display:flex;align-items:center;gap:12px;font-size:12px;color:#5b6476}
.user strong{color:#1f2430}
.user button{background:#fff;color:#1f2430;border-color:#c9ced8;padding:4px 10px}
.shell{display:flex;min-height:calc(100vh - 48px)}
.sidebar{flex:0 0 200px;background:#151a24;color:#c3cad8;padding:12px 0}
.sidebar h2{margin:14px 16px 6px;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.8px;color:#7d879b}
.sidebar ul{list-style:none;margin:0;padding:0}
.sidebar a{display:flex;align-items:center;gap:10px;padding:7px 16px;color:#c3cad8;text-decoration:none;border-left:3px solid transparent}
.sidebar a:hover{background:#1e2533;color:#fff}
.sidebar a[aria-current=page]{background:#222b3b;color:#fff;border-left-color:#3ecf9a}
.sidebar svg{flex:none;width:16px;height:16px;stroke:currentColor;fill:none;stroke-width:1.6}
main{flex:1;min-width:0;padding:18px 22px 32px}
.bare main{max-width:420px;margin:72px auto;padding:0}
h1{font-size:20px;font-weight:600;margin:0 0 2px}
h2{font-size:15px;font-weight:600;margin:20px 0 8px}
.subtitle{color:#5b6476;margin:0 0 14px}
.card{background:#fff;border:1px solid #dfe2e8;border-radius:4px;padding:14px 16px;margin-bottom:16px}
form.grid{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px 14px;align-items:start}
form.grid .wide{grid-column:span 2}
form.grid .full{grid-column:1/-1}
form.grid .submit{align-self:end}
.hint{font-weight:400;color:#6b7487}
label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:12px;color:#3b4254}
fieldset{border:1px solid #dfe2e8;border-radius:4px;padding:8px 10px}
legend{font-weight:600;font-size:12px;color:#3b4254}
fieldset label{flex-direction:row;align-items:center;font-weight:400;gap:6px}
input,select,textarea{font:inherit;height:32px;padding:5px 8px;border:1px solid #c9ced8;border-radius:4px;background:#fff;color:#1f2430;min-width:0}
select[multiple],textarea{height:auto}
textarea{min-height:90px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
button,.button{font:inherit;font-weight:600;white-space:nowrap;padding:6px 14px;border-radius:4px;border:1px solid #1f7a5a;background:#1f7a5a;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#1f7a5a}
button.danger{background:#fff;color:#b42318;border-color:#e4a29b;padding:3px 10px}
.actions{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff;border:1px solid #dfe2e8}
caption{text-align:left;font-weight:600;padding:6px 0;color:#3b4254}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e9ecf1;vertical-align:top;overflow-wrap:anywhere}
tbody tr:hover{background:#f7f9fc}
th{background:#f6f7f9;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.4px;color:#5b6476}
td.value,td.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.alert{border-radius:4px;padding:10px 14px;margin-bottom:14px;border:1px solid}
.alert.error{background:#fdecea;border-color:#f5c2bd;color:#8a1f14}
.alert.ok{background:#e7f6ef;border-color:#afdcc6;color:#17583d}
.alert.info{background:#eaf1fd;border-color:#bcd0f5;color:#1d3f82}
.alert strong{display:block;margin-bottom:2px}
.alert ul{margin:6px 0 0;padding-left:18px}
.muted{color:#6b7487}
.empty{padding:14px;color:#6b7487;background:#fff;border:1px dashed #cfd4de;border-radius:4px}
.login form{display:flex;flex-direction:column;gap:14px}
.tabs{display:flex;gap:2px;border-bottom:1px solid #dfe2e8;margin-bottom:14px}
.tabs a{padding:8px 14px;text-decoration:none;color:#3b4254;border-bottom:2px solid transparent}
.tabs a[aria-current=page]{border-color:#1f7a5a;color:#1f7a5a;font-weight:600}
.pill{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;font-weight:600}
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
 * The top bar's selectors act on change: the tenant's form posts, the cluster's reloads the page on
 * that cluster. Without scripts the tenant form has its own button and the cluster goes with the form.
 */
const PAGE_SCRIPT = raw(`(function () {
  var link = /^#\\/tenant\\/([^/?#]+)\\/cluster\\/([^/?#]+)\\/data\\/inspect\\?topic=([^&#]+)$/.exec(location.hash);
  if (link) {
    var part = function (index) { return encodeURIComponent(decodeURIComponent(link[index])); };
    location.replace('/data/inspect?tenant=' + part(1) + '&cluster=' + part(2) + '&topic=' + part(3));
    return;
  }
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.hasAttribute('data-submit-on-change')) target.form.submit();
    var path = target.getAttribute('data-navigate-on-change');
    if (path) location.assign(path + '?cluster=' + encodeURIComponent(target.value));
  });
})();`)

const SECTION_PATHS: Record<Exclude<Section, 'none'>, string> = {
    inspect: '/data/inspect',
    produce: '/data/produce',
    settings: '/settings/temporary-policies',
}

export function page(
    title: string,
    content: Fragment,
    options: { chrome?: Chrome; section?: Section; cluster?: ClusterSelector } = {}
): string {
    const { chrome, section = 'none', cluster } = options
    return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Kpow (mock)</title>
<style>${STYLE}</style>
<script>${PAGE_SCRIPT}</script>
</head>
<body${chrome ? '' : raw(' class="bare"')}>
<header role="banner" class="topbar">
  <a class="brand" href="/">${LOGO}Kpow<small>mock</small></a>
  ${chrome ? topBar(chrome, section, cluster) : ''}
</header>
<div class="shell">
  ${chrome ? sidebar(chrome, section) : ''}
  <main id="main">
${content}
  </main>
</div>
</body>
</html>`.text
}

const LOGO = raw(
    '<svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true"><rect x="1" y="1" width="20" height="20" rx="5" fill="#3ecf9a"/><path d="M7 5v12M7 11l7-6M9.5 9l5 8" stroke="#151a24" stroke-width="2.2" fill="none" stroke-linecap="round"/></svg>'
)

// Simple line icons for the rail, drawn for this page.
const ICONS = {
    inspect: raw(
        '<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5L14 14"/></svg>'
    ),
    produce: raw('<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 8h10M8.5 4.5L12 8l-3.5 3.5M14 3v10"/></svg>'),
    settings: raw(
        '<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="2.2"/><path d="M8 1.5v2.2M8 12.3v2.2M1.5 8h2.2M12.3 8h2.2M3.4 3.4l1.6 1.6M11 11l1.6 1.6M3.4 12.6L5 11M11 5l1.6-1.6"/></svg>'
    ),
}

function sidebar(chrome: Chrome, section: Section): SafeHtml {
    // The visible label is the area's item; the accessible name says the area too ("Data > Inspect"),
    // as Kpow's own headings and the guide's steps name the pages.
    const link = (target: Exclude<Section, 'none'>, area: string, label: string) =>
        html`<li><a href="${SECTION_PATHS[target]}"${section === target ? raw(' aria-current="page"') : ''}>${ICONS[target]}${
            area ? html`<span class="visually-hidden">${area} &gt; </span>` : ''
        }${label}</a></li>`
    return html`<nav aria-label="Main" class="sidebar">
    <h2>Data</h2>
    <ul>
      ${link('inspect', 'Data', 'Inspect')}
      ${link('produce', 'Data', 'Produce')}
    </ul>
    ${chrome.isAdmin ? html`<h2>Admin</h2><ul>${link('settings', '', 'Settings')}</ul>` : ''}
  </nav>`
}

function topBar(chrome: Chrome, section: Section, cluster: ClusterSelector | undefined): SafeHtml {
    return html`${tenantSelector(chrome, section)}
  ${cluster ? clusterSelector(cluster, section) : ''}
  <div class="user">
    <span>Signed in as <strong>${chrome.user}</strong></span>
    <form method="post" action="/logout">${csrfField(chrome.csrfToken)}<button type="submit">Log out</button></form>
  </div>`
}

/** A user with several tenants switches here (the tenant page stays for the full list); one tenant is shown. */
function tenantSelector(chrome: Chrome, section: Section): SafeHtml {
    if (!chrome.canSwitchTenant || chrome.tenant === undefined) {
        return html`<div class="selector"><label>Tenant <strong class="badge" data-testid="current-tenant">${chrome.tenant ?? 'none chosen'}</strong></label>
      ${chrome.canSwitchTenant ? html`<a href="/tenant">Switch tenant</a>` : ''}</div>`
    }
    const next = section === 'none' ? '/data/inspect' : SECTION_PATHS[section]
    return html`<form method="post" action="/tenant" class="selector">
    ${csrfField(chrome.csrfToken)}<input type="hidden" name="next" value="${next}">
    <label>Tenant <select name="tenant" data-submit-on-change>
      ${chrome.tenants.map((name) =>
          name === chrome.tenant
              ? html`<option selected data-testid="current-tenant">${name}</option>`
              : html`<option>${name}</option>`
      )}
    </select></label>
    <noscript><button type="submit" class="secondary">Switch</button></noscript>
    <a href="/tenant">Switch tenant</a>
  </form>`
}

function clusterSelector(cluster: ClusterSelector, section: Section): SafeHtml {
    const path = section === 'none' ? '/data/inspect' : SECTION_PATHS[section]
    return html`<div class="selector"><label>Cluster
    <select name="cluster" form="${cluster.formId}" data-navigate-on-change="${path}">
      ${cluster.clusters.map(
          (option) =>
              html`<option value="${option.id}"${option.id === cluster.clusterId ? html` selected` : ''}>${option.name} (${option.id})</option>`
      )}
    </select></label></div>`
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
