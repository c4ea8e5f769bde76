import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openApp, shot, tr, type Lang } from './support/caseSteps';

// Settings of a hub: where it keeps the statistics it receives. An address that cannot be reached is
// refused next to the field; PostgreSQL embedded in the app (pglite:) is accepted and shown with its
// schema version, and nothing of the address is shown back but what was typed.

test.describe.configure({ mode: 'serial' });

async function toSettings(page: import('@playwright/test').Page, lang: Lang) {
  await page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.settings'), exact: true }).click();
  await expect(page.getByRole('heading', { name: tr(lang, 'hubStore.title') })).toBeVisible();
}

test('a hub names its PostgreSQL store in Settings (Tajik)', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, 'tg');
  await page.getByRole('navigation').getByRole('link', { name: tr('tg', 'nav.exchange'), exact: true }).click();
  await page.getByLabel(tr('tg', 'exchange.changeRole')).selectOption('hub');
  await expect(page.getByLabel(tr('tg', 'exchange.changeRole'))).toHaveValue('hub');
  await toSettings(page, 'tg');
  await expect(page.getByText(tr('tg', 'hubStore.sqlite')).first()).toBeVisible();

  await page.getByRole('radio', { name: tr('tg', 'hubStore.postgres') }).check();
  const address = page.getByLabel(tr('tg', 'hubStore.address'));
  await address.fill('postgres://hub_owner:never-shown@127.0.0.1:1/hub');
  await page.getByRole('button', { name: tr('tg', 'hubStore.save') }).click();
  await expect(page.getByText(tr('tg', 'validation.hubStoreUnreachable'))).toBeVisible({ timeout: 30_000 });
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'tg', 'settings-hub-store-refused');

  await address.fill(`pglite:${join(app.dataDir, 'hub-pg')}`);
  await page.getByRole('button', { name: tr('tg', 'hubStore.save') }).click();
  await expect(page.getByText(tr('tg', 'hubStore.saved'))).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(tr('tg', 'hubStore.schemaVersion'))).toBeVisible();
  await expect(address).toHaveValue('');
  await shot(page, 'tg', 'settings-hub-store');
});

test('the same section in Russian, the store kept', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, 'ru');
  await toSettings(page, 'ru');
  await expect(page.getByText(`pglite:${join(app.dataDir, 'hub-pg')}`)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('radio', { name: tr('ru', 'hubStore.postgres') })).toBeChecked();
  await shot(page, 'ru', 'settings-hub-store');
});
