// The page frame of the local instance: a banner with the navigation the guide's users need
// (Service Catalog, My Requests, My Approvals) and the signed-in user, then the page. Landmarks and
// labelled controls make every page findable by role and name (screen readers and Playwright).
import { html, raw, type Fragment, type SafeHtml } from '../../../scripts/lib/common/index'
import { CATALOG_HOME_URL, MY_APPROVALS_URL, MY_REQUESTS_URL, REQUESTED_ITEMS_URL } from './urls'

export interface Viewer {
    readonly userName: string
    readonly name: string
    readonly isFulfiller: boolean
    /** Administrators also see the Outbox (sys_email), as only admins do on the platform. */
    readonly isAdmin?: boolean
    /** The session's anti-forgery token: every form that changes something carries it. */
    readonly csrfToken: string
}

/** The field every state-changing form posts; the server refuses a post without the right value. */
export const CSRF_FIELD = 'sysparm_ck'

export function csrfInput(token: string): SafeHtml {
    return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`
}

export type Section = 'catalog' | 'requests' | 'approvals' | 'outbox' | 'none'

export interface Notice {
    readonly kind: 'ok' | 'error'
    readonly message: string
}

const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2a30;background:#f1f3f4}
header{display:flex;align-items:center;gap:24px;padding:0 20px;height:50px;background:#293e40;color:#fff}
header .brand{font-weight:700;font-size:16px;color:#fff;text-decoration:none}
header .brand b{color:#81b5a1}
header .brand small{font-weight:400;color:#a9c1c3;margin-left:6px;font-size:12px}
header nav ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
header nav a{color:#d6e3e4;text-decoration:none;padding:6px 10px;border-radius:4px}
header nav a[aria-current=page]{background:#3e5a5d;color:#fff}
header nav a:hover{background:#35504f}
header .who{margin-left:auto;display:flex;align-items:center;gap:12px;font-size:13px;color:#d6e3e4}
header .who strong{color:#fff}
header .who button{background:none;border:1px solid #6f8c8f;color:#fff;border-radius:4px;padding:4px 10px;cursor:pointer}
main{max-width:1100px;margin:22px auto;padding:0 20px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 10px}
.subtitle{color:#56656b;margin:0 0 16px}
.card{background:#fff;border:1px solid #d9dfe1;border-radius:6px;padding:16px 18px;margin-bottom:16px}
.field{display:flex;flex-direction:column;gap:4px;margin-bottom:14px;max-width:560px}
.field label{font-weight:600}
.field .mandatory{color:#b3261e;margin-right:3px}
.field .help{color:#56656b;font-size:12.5px;margin:0}
.field .error{color:#b3261e;font-size:12.5px;margin:0;font-weight:600}
.field .error:empty{display:none}
input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #a9b6ba;border-radius:4px;background:#fff;color:#1f2a30}
input[aria-invalid=true],select[aria-invalid=true]{border-color:#b3261e;outline:1px solid #b3261e}
textarea{min-height:60px}
button,.button{font:inherit;font-weight:600;padding:7px 14px;border-radius:4px;border:1px solid #1f6f74;background:#1f6f74;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:#1f6f74}
button.danger{background:#b3261e;border-color:#b3261e}
.actions{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:6px 0;color:#33454a}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #e3e8ea;vertical-align:top}
th{background:#eef2f3;font-size:12px;text-transform:uppercase;letter-spacing:.3px;color:#46565b}
td.mono,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
dl.facts dt{font-weight:600;color:#46565b}
dl.facts dd{margin:0}
.alert{border-radius:6px;padding:12px 16px;margin-bottom:16px;border:1px solid}
.alert.error{background:#fdecea;border-color:#f2c0bb;color:#8a1c14}
.alert.ok{background:#e7f5ec;border-color:#b3dec3;color:#17522f}
.alert ul{margin:6px 0 0;padding-left:18px}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;background:#e3e8ea}
.badge.complete,.badge.approved{background:#d8f0e1;color:#17522f}
.badge.error,.badge.rejected{background:#fbdcd9;color:#8a1c14}
.badge.waiting,.badge.requested,.badge.running{background:#fff1cc;color:#6b4e00}
ol.journal{list-style:none;margin:0;padding:0}
ol.journal li{border-left:3px solid #1f6f74;background:#fff;padding:8px 12px;margin-bottom:8px}
ol.journal .meta{color:#56656b;font-size:12px}
ol.journal p{margin:4px 0 0;white-space:pre-wrap;word-break:break-word}
.step-error{color:#8a1c14;white-space:pre-wrap}
.muted{color:#6b7a7f}
pre.kv{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px}
ul.items{list-style:none;margin:0;padding:0}
th[scope=row]{text-transform:none;letter-spacing:0;font-size:13px;width:30%}
figure.flow-diagram{margin:0 0 10px;overflow:auto;max-height:900px;border:1px solid #e2e8f0;border-radius:6px}
figure.flow-diagram svg{display:block;max-width:100%;height:auto}
table.flow-run{table-layout:fixed;margin-bottom:14px}
table.flow-run col.step{width:24%}
table.flow-run col.status{width:10%}
table.flow-run col.inputs{width:28%}
table.flow-run col.outputs{width:19%}
table.flow-run col.messages{width:19%}
table.flow-run td{overflow-wrap:anywhere}
table.flow-run caption{font-weight:400}
table.flow-run caption strong{font-weight:700}
.catalog-item{display:grid;grid-template-columns:minmax(0,1fr) 240px;gap:16px;align-items:start}
.order-box{position:sticky;top:16px}
.order-box h2{margin:0 0 8px;font-size:15px}
.order-box button{width:100%}
form.classic-form{background:#fff;border:1px solid #cfd6d9;border-radius:2px;margin-bottom:16px}
.form-header{display:flex;align-items:center;gap:12px;flex-wrap:wrap;padding:8px 14px;background:#e6e9eb;border-bottom:1px solid #cfd6d9}
.form-header h1{font-size:17px;margin:0;font-weight:600}
.form-header .form-table{font-weight:400;color:#46565b;margin-right:4px}
.form-buttons{display:flex;gap:6px;flex-wrap:wrap;margin-left:auto}
.form-buttons-bottom{padding:10px 14px;border-top:1px solid #e3e8ea;margin:0}
.btn{font-size:13px;font-weight:600;padding:5px 12px;border-radius:3px}
.btn-default{background:#fff;color:#1f2a30;border:1px solid #a9b6ba}
.btn-default:hover{background:#f1f3f4}
.btn-destructive{background:#fff;color:#b3261e;border:1px solid #b3261e}
.form-body{padding:14px 18px 4px}
.form-columns{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}
.form-group{display:grid;grid-template-columns:35% 1fr;align-items:center;gap:8px;margin-bottom:8px}
.form-group.wide{grid-template-columns:calc(17.5% - 12px) 1fr}
.form-group.stacked{grid-template-columns:1fr;gap:3px}
.form-group .control-label{text-align:right;color:#33454a;font-size:13px}
.form-group.stacked .control-label{text-align:left;font-weight:600}
.form-group .mandatory{color:#b3261e;margin-right:3px}
.form-group .help{margin:0;font-size:12.5px}
.form-section + .form-group{margin-top:14px}
.form-field{display:flex;align-items:center;gap:6px;min-width:0}
.form-control{width:100%;min-width:0;padding:4px 7px;font-size:13px}
.form-control[readonly],select.form-control[disabled]{background:#f4f6f7;color:#1f2a30;border-color:#d3dadd;opacity:1}
.field-hint{color:#6b7a7f;font-size:12px;white-space:nowrap}
.section-heading{font-size:14px;font-weight:600;margin:14px 0 8px;padding-bottom:4px;border-bottom:1px solid #e3e8ea}
table.variables th[scope=row]{width:30%}
table.variables th,table.variables td{padding:4px 10px}
.journal-input{display:grid;grid-template-columns:1fr 1fr;gap:0 24px;margin-bottom:8px}
.journal-input textarea{min-height:54px}
.journal-input textarea.work-notes{background:#fffbe6}
ul.activity-stream{list-style:none;margin:0 0 10px;padding:0}
ul.activity-stream li.h-card{border:1px solid #e3e8ea;border-left:3px solid #8aa9b8;border-radius:2px;padding:6px 10px;margin-bottom:6px}
ul.activity-stream li.h-card.work-note{border-left-color:#e8b13a;background:#fffdf5}
.sn-card-component-header{display:flex;justify-content:space-between;gap:12px;font-size:12px;color:#56656b}
.sn-card-component-createdby{font-weight:600;color:#1f2a30}
.sn-widget-textblock-body{margin-top:3px;white-space:pre-wrap;word-break:break-word}
.related-lists{background:#fff;border:1px solid #cfd6d9;border-radius:2px;padding:0 14px 10px}
.related-list-title{font-size:14px;margin:0 -14px 8px;padding:7px 14px;background:#e6e9eb;border-bottom:1px solid #cfd6d9}
.related-list-title:not(:first-child){margin-top:12px;border-top:1px solid #cfd6d9}
details.flow-run-fold{border:1px solid #e3e8ea;border-radius:2px;margin-bottom:8px}
details.flow-run-fold summary{cursor:pointer;padding:6px 10px;font-weight:600}
details.flow-run-fold[open] summary{border-bottom:1px solid #e3e8ea;margin-bottom:8px}
details.flow-run-fold > :not(summary){margin-left:8px;margin-right:8px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
td.list_decoration_cell,th.list_decoration_cell{width:36px;padding-right:0}
button.list_popup{width:22px;height:22px;padding:0;border-radius:50%;font:italic 700 13px/20px Georgia,serif;background:#fff;color:#1f6f74}
.list_preview{border:1px solid #a9b6ba;border-radius:6px;padding:14px 18px;min-width:320px;max-width:560px;box-shadow:0 6px 24px rgba(0,0,0,.18)}
.list_preview p{margin:12px 0 0}
`)

/** What `window.g_form` answers on a form page: its table, record and field values with their labels. */
export interface FormGlobals {
    readonly table: string
    readonly sysId: string
    readonly fields: Readonly<Record<string, { value: string; label: string }>>
}

export function page(
    title: string,
    viewer: Viewer | undefined,
    section: Section,
    content: Fragment,
    notice?: Notice,
    form?: FormGlobals
): SafeHtml {
    const link = (href: string, label: string, here: Section) =>
        html`<li><a href="${href}"${here === section ? raw(' aria-current="page"') : ''}>${label}</a></li>`
    return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ServiceNow</title>
${viewer ? html`<meta name="sysparm_ck" content="${viewer.csrfToken}">` : ''}
<style>${STYLE}</style>
${form ? html`<script type="application/json" id="g_form_data">${raw(scriptSafeJson(form))}</script>` : ''}
<script src="/assets/form-validation.js"></script>
</head>
<body>
<header>
  <a class="brand" href="/" aria-label="ServiceNow home (local instance)">service<b>now</b><small>local instance</small></a>
  ${
      viewer
          ? html`<nav aria-label="Main">
    <ul>
      ${link(CATALOG_HOME_URL, 'Service Catalog', 'catalog')}
      ${viewer.isFulfiller ? link(REQUESTED_ITEMS_URL, 'Requested Items', 'requests') : link(MY_REQUESTS_URL, 'My Requests', 'requests')}
      ${link(MY_APPROVALS_URL, 'My Approvals', 'approvals')}
      ${viewer.isAdmin ? link('/outbox', 'Outbox', 'outbox') : ''}
    </ul>
  </nav>
  <div class="who">
    <span>Signed in as <strong>${viewer.name}</strong> (${viewer.userName})${viewer.isFulfiller ? ', fulfiller' : ''}</span>
    <form method="post" action="/logout">${csrfInput(viewer.csrfToken)}<button type="submit">Log out</button></form>
  </div>`
          : ''
  }
</header>
<main>
${notice ? noticeBox(notice) : ''}
${content}
</main>
</body>
</html>`
}

/** A form message as the classic UI shows it (`.outputmsg_error .outputmsg_text` for errors). */
export function noticeBox(notice: Notice): SafeHtml {
    return html`<div class="outputmsg_container"><div class="alert ${notice.kind} outputmsg ${notice.kind === 'error' ? 'outputmsg_error' : 'outputmsg_info'}" role="${notice.kind === 'error' ? 'alert' : 'status'}"><span class="outputmsg_text">${notice.message}</span></div></div>`
}

/** JSON inside a script element: `<` escaped so no value can close the element. */
function scriptSafeJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c')
}

/** Shows the form's field errors beside the fields when the browser refuses a value (pattern, required). */
export const FORM_VALIDATION_SCRIPT = `(function () {
  // The page globals scripts and tests read on ServiceNow's forms: the session token and a minimal g_form.
  var token = document.querySelector('meta[name="sysparm_ck"]');
  if (token) window.g_ck = token.getAttribute('content');
  var data = document.getElementById('g_form_data');
  if (!data) return;
  var form = JSON.parse(data.textContent);
  window.g_form = {
    getTableName: function () { return form.table; },
    getUniqueValue: function () { return form.sysId; },
    getValue: function (name) {
      var control = document.getElementById(form.table + '.' + name);
      if (control && 'value' in control) return control.value;
      return form.fields[name] ? form.fields[name].value : '';
    },
    getLabelOf: function (name) { return form.fields[name] ? form.fields[name].label : ''; }
  };
})();
document.addEventListener('invalid', function (event) {
  var field = event.target;
  var error = document.getElementById(field.getAttribute('data-error-id') || field.id + '-error');
  if (!error) return;
  event.preventDefault();
  error.textContent = field.validity.patternMismatch && field.dataset.message ? field.dataset.message : field.validationMessage;
  field.setAttribute('aria-invalid', 'true');
}, true);
document.addEventListener('input', function (event) {
  var field = event.target;
  var error = document.getElementById(field.getAttribute('data-error-id') || field.id + '-error');
  if (!error || !field.checkValidity()) return;
  error.textContent = '';
  field.removeAttribute('aria-invalid');
});
`
