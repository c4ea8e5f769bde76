import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { translate } from '../../../shared/i18n';
import { runCli } from '../../../electron/cli/run';
import { ADMIN, createDatabase, expect, type AppServer } from './fixtures';

// Steps of the case-tracking scenario shared by the end-to-end and accessibility tests. Every element is
// found by its label or role in the current language, read from the catalogs the interface uses.

export type Lang = 'tg' | 'ru';

/** The visible text of a catalog key in one language. */
export const tr = (lang: Lang, key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);

export const SHOTS = '/tmp/shots-e2e';

/** A full-page screenshot for checking by eye (named by language and screen). */
export async function shot(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // A window as tall as the content rather than a stitched full-page capture, so sticky bars stay put.
  const size = page.viewportSize() ?? { width: 1366, height: 860 };
  const height = await page.locator('html').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 4000) });
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
  await page.setViewportSize(size);
}

/** Today as typed into a date field (dd.mm.yyyy), in the computer's time zone like the app. */
export function todayTyped(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/**
 * Brings the app to the unlocked dashboard whatever the previous test left (no database yet, locked,
 * any language), then switches to `lang`.
 */
export async function openApp(page: Page, app: AppServer, lang: Lang): Promise<void> {
  await page.goto(app.url);
  const setup = page.getByRole('button', { name: 'Эҷоди пойгоҳ' });
  const unlock = page.locator('form input[type=password]');
  const nav = page.getByRole('navigation');
  await expect(setup.or(unlock).or(nav).first()).toBeVisible();
  if (await setup.isVisible()) await createDatabase(page, app);
  else if (await unlock.count()) {
    // A new page remembers no user (nothing is kept on disk); after a lock in the same page it does.
    const username = page.locator('form input[autocomplete=username]');
    if ((await username.inputValue()) === '') await username.fill(ADMIN.username);
    await unlock.first().fill(ADMIN.passphrase);
    await unlock.first().press('Enter');
  }
  await expect(nav).toBeVisible();
  await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
  await expect(nav.getByRole('link', { name: tr(lang, 'nav.dashboard'), exact: true })).toBeVisible();
}

/**
 * A new database holding the demo cases, put in by the command line (`seed --demo`, opened beside the
 * running app with the administrator's passphrase): creating them through the screens would test those.
 */
export async function createDemoDatabase(page: Page, app: AppServer): Promise<void> {
  await createDatabase(page, app);
  process.env.LAD_E2E_PASS = ADMIN.passphrase;
  const code = await runCli(['seed', '--db', join(app.dataDir, 'legal-aid.db'), '--demo', '--user', ADMIN.username, '--passphrase-env', 'LAD_E2E_PASS'], () => {});
  expect(code).toBe(0);
}

/** Opens an address of the app in the same page (the bridge token stays with the page). */
export async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
}

export async function goSection(page: Page, lang: Lang, section: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: tr(lang, `nav.${section}`), exact: true }).click();
}

/** The installation needs its own contact point before sessions and cases: create it once. */
export async function ensureOwnContactPoint(page: Page, lang: Lang): Promise<void> {
  await goSection(page, lang, 'contactPoints');
  await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'contactPoints.title') })).toBeVisible();
  const own = page.getByText(tr(lang, 'contactPoints.isThisInstallation'), { exact: true });
  const empty = page.getByText(tr(lang, 'table.empty'));
  await expect(own.or(empty)).toBeVisible();
  if (await own.isVisible()) return;
  await page.getByRole('link', { name: tr(lang, 'contactPoints.new') }).click();
  await page.getByLabel(tr(lang, 'contactPoints.code'), { exact: true }).fill('CP-KHJ');
  await page.getByLabel(tr(lang, 'contactPoints.name'), { exact: true }).fill('Нуқтаи тамоси Хуҷанд');
  await page.getByLabel(tr(lang, 'common.region'), { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(tr(lang, 'common.district'), { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(tr(lang, 'contactPoints.organisation'), { exact: true }).fill('Маркази ёрии ҳуқуқӣ');
  await page.getByLabel(tr(lang, 'contactPoints.establishedOn'), { exact: true }).fill('01.03.2024');
  await page.getByRole('button', { name: tr(lang, 'common.save'), exact: true }).click();
  await page.getByRole('button', { name: tr(lang, 'contactPoints.setThis') }).click();
  await expect(page.getByText(tr(lang, 'contactPoints.thisInstallation'), { exact: true })).toBeVisible();
}

/** Plans a mobile session for today and returns its page address. */
export async function planSession(page: Page, lang: Lang, village: string): Promise<string> {
  await goSection(page, lang, 'mobileSessions');
  await page.getByRole('link', { name: tr(lang, 'sessions.plan') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'sessions.planTitle') })).toBeVisible();
  await page.getByLabel(tr(lang, 'sessions.date'), { exact: true }).fill(todayTyped());
  await page.getByLabel(tr(lang, 'common.region'), { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(tr(lang, 'common.district'), { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(tr(lang, 'sessions.jamoat'), { exact: true }).fill('Ҷамоати Ғафуров');
  await page.getByLabel(tr(lang, 'sessions.village'), { exact: true }).fill(village);
  await page.getByLabel(tr(lang, 'sessions.partner'), { exact: true }).fill('Раёсати адлия');
  await page.getByLabel(tr(lang, 'sessions.team'), { exact: true }).fill(`${ADMIN.name}, ҳуқуқшинос`);
  await page.getByRole('button', { name: tr(lang, 'common.save'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${tr(lang, 'sessions.editTitle')} `) })).toBeVisible();
  await expect(page.getByText(tr(lang, 'enum.sessionStatus.planned'), { exact: true })).toBeVisible();
  return page.url();
}

