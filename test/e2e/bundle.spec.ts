import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { ADMIN, expect, test } from './support/fixtures';
import { goSection, openApp } from './support/caseSteps';

// What a cheap laptop downloads and parses before its user can type a password: the unlock screen's
// JavaScript stays small (at most 250 KB gzipped), and the heavy parts — the chart library, the
// tables, the filing wizard — arrive only with the page that uses them.

const UNLOCK_BUDGET = 250 * 1024;

/** Every script the page loads from now on, with its gzipped size. */
function recordScripts(page: Page): Map<string, number> {
  const scripts = new Map<string, number>();
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    void response.body().then((body) => scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length));
  });
  return scripts;
}

test('the unlock screen loads at most 250 KB of gzipped JavaScript and no chart or table code', async ({ page, browser, app }) => {
  await openApp(page, app, 'tg');
  await page.getByRole('button', { name: 'Қулф кардан' }).click();
  // A new window, as after a restart: nothing cached.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const scripts = recordScripts(fresh);
  await fresh.goto(app.url);
  await expect(fresh.getByRole('heading', { name: 'Кушодан' })).toBeVisible();
  await fresh.waitForLoadState('networkidle');
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  expect(scripts.size).toBeGreaterThan(0);
  expect(total, [...scripts].map(([p, n]) => `${p} ${n}`).join('\n')).toBeLessThanOrEqual(UNLOCK_BUDGET);
  expect([...scripts.keys()].filter((p) => /Reports|DataTable|Filings|Shell/.test(p))).toEqual([]);

  // After the unlock the dashboard comes in its own chunks; the reports' chart code only with Reports.
  await fresh.locator('form input[autocomplete=username]').fill(ADMIN.username);
  await fresh.locator('form input[type=password]').fill(ADMIN.passphrase);
  await fresh.locator('form input[type=password]').press('Enter');
  await expect(fresh.getByRole('navigation')).toBeVisible();
  await fresh.waitForLoadState('networkidle');
  expect([...scripts.keys()].some((p) => /Shell/.test(p))).toBe(true);
  expect([...scripts.keys()].filter((p) => /ReportsScreen/.test(p))).toEqual([]);
  await goSection(fresh, 'tg', 'reports');
  await expect(fresh.getByRole('heading', { level: 1, name: 'Ҳисобот оид ба нишондиҳандаҳо' })).toBeVisible();
  await fresh.waitForLoadState('networkidle');
  expect([...scripts.keys()].some((p) => /ReportsScreen/.test(p))).toBe(true);
  await context.close();
});
