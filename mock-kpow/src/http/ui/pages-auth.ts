// Login, "not authorized", tenant choice and error pages.
import type { Tenant } from '../../engine/types'
import type { FieldError } from '../../errors'
import { html } from '../../../../scripts/lib/common/index'
import { alert, csrfField, fieldList, page, type Chrome } from './layout'

export function loginPage(options: { csrfToken: string; error?: string; next?: string; user?: string }): string {
    return page(
        'Log in',
        html`<section class="card login" aria-labelledby="login-title">
      <h1 id="login-title">Log in to Kpow</h1>
      <p class="subtitle">Users of the <code>kpow</code> realm.</p>
      ${options.error ? alert('error', options.error) : ''}
      <form method="post" action="/login">
        ${csrfField(options.csrfToken)}
        <input type="hidden" name="next" value="${options.next ?? ''}">
        <label>Username <input name="username" autocomplete="username" required value="${options.user ?? ''}"></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Log in</button>
      </form>
    </section>`
    )
}

export function notAuthorizedPage(
    user: string,
    roles: readonly string[],
    authorized: readonly string[] | undefined
): string {
    const held = roles.length > 0 ? roles.join(', ') : 'no roles'
    const needed = authorized ? authorized.join(', ') : 'a role named by a policy of the RBAC file'
    return page(
        'Not authorized',
        html`<section class="card login" aria-labelledby="denied-title">
      <h1 id="denied-title">Not authorized</h1>
      ${alert(
          'error',
          `User "${user}" is not authorized to use Kpow.`,
          html`<p>The user holds ${held}; Kpow admits users holding ${needed}.</p>`
      )}
      <a class="button secondary" href="/login">Log in as another user</a>
    </section>`
    )
}

export function tenantPage(
    tenants: readonly Tenant[],
    current: string | undefined,
    csrfToken: string,
    next: string,
    chrome: Chrome
): string {
    return page(
        'Choose a tenant',
        html`<h1>Choose a tenant</h1>
    <p class="subtitle">Tenants decide which clusters and topics you see; your roles decide what you may do there.</p>
    <form method="post" action="/tenant" class="card">
      ${csrfField(csrfToken)}
      <input type="hidden" name="next" value="${next}">
      <fieldset>
        <legend>Tenant</legend>
        ${tenants.map(
            (tenant, index) => html`<label><input type="radio" name="tenant" value="${tenant.name}"
            ${tenant.name === current || (current === undefined && index === 0) ? html`checked` : ''}>
            <span><strong>${tenant.name}</strong> <span class="muted">${tenant.description}</span></span></label>`
        )}
      </fieldset>
      <p><button type="submit">Use this tenant</button></p>
    </form>`,
        { chrome }
    )
}

export function errorPage(
    status: number,
    message: string,
    fields: readonly FieldError[],
    chrome: Chrome | undefined
): string {
    const title =
        status === 403
            ? 'Forbidden'
            : status === 404
              ? 'Not found'
              : status >= 500
                ? 'Internal error'
                : 'Request refused'
    return page(
        title,
        html`<h1>${title}</h1>
    ${alert('error', message, fieldList(fields))}
    <p><a href="/data/inspect">Back to Data &gt; Inspect</a></p>`,
        chrome ? { chrome } : {}
    )
}
