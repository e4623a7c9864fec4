// Every page of the UI fits a 1 366 × 768 window, the laptop width admins use: nothing scrolls
// sideways, no table is wider than the box holding it, no table cell with text is squeezed
// narrower than 80 px (the resource column once wrapped one character per line), no button's label
// breaks over two lines (the policies' Delete once did) and no select box cuts its chosen option
// (the top bar's cluster, name and id, once did). A long resource is present so the wrap case is
// exercised.
import type { Page } from '@playwright/test'
import { createPolicy, expect, inspect, logIn, logOut, test } from './fixtures'

const LONG_TOPIC = 'payments_eu_settlement_reconciliation_events_from_the_clearing_house_v2_retry_dead_letter'
const MIN_CELL_WIDTH = 80

// Runs in the browser; a string so this file needs no DOM typings.
const FIT_PROBLEMS = `(() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
  document.querySelectorAll('table').forEach((table, index) => {
    const name = table.getAttribute('aria-label') || 'table ' + index;
    const box = table.parentElement;
    if (table.scrollWidth > box.clientWidth) problems.push(name + ' is wider than its box: ' + table.scrollWidth + ' > ' + box.clientWidth);
    table.querySelectorAll('th, td').forEach((cell) => {
      const width = cell.getBoundingClientRect().width;
      if (cell.textContent.trim() && width < ${MIN_CELL_WIDTH}) problems.push(name + ': "' + cell.textContent.trim().slice(0, 30) + '" is ' + Math.round(width) + ' px wide');
    });
  });
  document.querySelectorAll('button').forEach((button) => {
    if (!button.offsetParent) return;
    const range = document.createRange();
    range.selectNodeContents(button);
    const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
    if (lines > 1 || button.scrollWidth > button.clientWidth) problems.push('button "' + button.textContent.trim() + '" wraps or is cut');
  });
  document.querySelectorAll('select:not([multiple])').forEach((select) => {
    const chosen = select.options[select.selectedIndex];
    if (!chosen || !select.offsetParent) return;
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font:' + getComputedStyle(select).font;
    probe.textContent = chosen.textContent;
    document.body.appendChild(probe);
    const needed = probe.getBoundingClientRect().width + 36;
    probe.remove();
    if (needed > select.clientWidth) problems.push('select ' + (select.name || '') + ' cuts "' + chosen.textContent + '": ' + Math.round(needed) + ' > ' + select.clientWidth);
  });
  return problems;
})()`

async function expectFits(page: Page, name: string): Promise<void> {
    await expect(page.locator('h1')).toHaveCount(1)
    expect(await page.evaluate(FIT_PROBLEMS), `${name} at 1366 px`).toEqual([])
}

test.use({ viewport: { width: 1366, height: 768 } })

test('every page fits 1 366 px, with a long resource in the tables', async ({ page, kpow }) => {
    await page.goto('/login')
    await expectFits(page, 'login')
    await logIn(page, 'user', 'password', null)
    await expectFits(page, 'tenant choice')
    await page.getByRole('button', { name: 'Use this tenant' }).click()
    await expectFits(page, 'inspect, empty')

    await createPolicy(kpow, 'tx_trade1')
    await createPolicy(kpow, LONG_TOPIC, { actions: ['TOPIC_DATA_QUERY', 'TOPIC_DATA_DOWNLOAD', 'TOPIC_PRODUCE'] })
    await createPolicy(kpow, 'payments_eu', { actions: ['TOPIC_PRODUCE'], effect: 'Stage' })
    await inspect(page, 'tx_trade1')
    await expect(page.getByRole('table')).toContainText('TRD-2026-')
    await expectFits(page, 'inspect with messages')

    await page.getByRole('link', { name: 'Data > Produce' }).click()
    await page.getByLabel('Topic').selectOption('payments_eu')
    await page.getByLabel('Key').fill(`${LONG_TOPIC}-key`)
    await page.getByLabel('Value').fill(JSON.stringify({ note: LONG_TOPIC.repeat(3), amount: '310.00' }))
    await page.getByRole('button', { name: 'Produce' }).click()
    await expect(page.getByRole('status')).toContainText('staged')
    await expectFits(page, 'produce, staged')
    await page.goto('/settings/temporary-policies')
    await expectFits(page, 'settings refused')
    await page.goto('/data/inspect')
    await logOut(page)

    await logIn(page, 'admin', 'admin')
    await page.getByRole('link', { name: 'Settings' }).click()
    const policies = page.getByRole('table', { name: 'Temporary policies' })
    await expect(policies).toContainText(LONG_TOPIC)
    await expectFits(page, 'temporary policies')
    // The resource wraps between its elements and inside the long name, never a letter a line.
    const resource = policies.locator('tr', { hasText: LONG_TOPIC }).getByRole('cell').nth(3)
    const box = await resource.boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(200)

    await page.getByRole('link', { name: 'Staged mutations' }).click()
    await expect(page.getByRole('table', { name: 'Staged mutations' })).toContainText(LONG_TOPIC)
    await expectFits(page, 'staged mutations')
    await page.getByRole('link', { name: 'Audit log' }).click()
    await expect(page.getByRole('table', { name: 'Audit log' })).toContainText(LONG_TOPIC)
    await expectFits(page, 'audit log')
    await page.goto('/no-such-page')
    await expectFits(page, 'not found')
})
