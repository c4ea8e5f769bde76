import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createDemoDatabase, goSection, openApp, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, test } from './support/fixtures';

// The property list of a property-division claim, changed in the wizard and not yet saved as a filing,
// is part of the wizard's kept entry: it comes back after the lock (as the idle clock does it) and in a
// new window, in the filing language it was typed for. In both interface languages, at 1366×768.

const SHOTS = '/tmp/shots/filing-property-draft';

async function openPropertyWizard(page: Page, lang: Lang): Promise<void> {
  await goSection(page, lang, 'filings');
  await page.getByRole('row', { name: /Исмоилова Дилором/ }).getByRole('link', { name: tr(lang, 'filings.prepare') }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(tr(lang, 'filings.wizardTitle', { number: '' }).trim()) })).toBeVisible();
}

test('an edited property list survives the lock and a new window', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createDemoDatabase(page, app);
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  const scenarios: Array<{ ui: Lang; filing: Lang; item: string; value: string }> = [
    { ui: 'tg', filing: 'tg', item: 'Яхдон (Samsung), 2019', value: '3200' },
    { ui: 'ru', filing: 'ru', item: 'Холодильник Samsung, 2019', value: '3 200' },
  ];
  for (const s of scenarios) {
    const lang = s.ui;
    await openApp(page, app, lang);
    await openPropertyWizard(page, lang);
    await page.getByLabel(tr(lang, 'filings.template')).selectOption('property-division');
    await page.getByLabel(tr(lang, 'filings.language')).selectOption(s.filing);
    const list = page.locator('fieldset.filing-property');
    // The three items the case keeps, then a fourth one added and the second one removed.
    await expect(list.getByLabel(`${tr(lang, 'filings.propertyItem')} 3`, { exact: true })).not.toHaveValue('');
    await list.getByRole('button', { name: tr(lang, 'filings.addItem') }).click();
    await list.getByLabel(`${tr(lang, 'filings.propertyItem')} 4`, { exact: true }).fill(s.item);
    await list.getByLabel(tr(lang, 'filings.propertyValue'), { exact: true }).nth(3).fill(s.value);
    const second = await list.getByLabel(`${tr(lang, 'filings.propertyItem')} 2`, { exact: true }).inputValue();
    await list.getByRole('button', { name: tr(lang, 'filings.removeItem') }).nth(1).click();
    await expect(list.getByLabel(`${tr(lang, 'filings.propertyItem')} 3`, { exact: true })).toHaveValue(s.item);
    const expected = await list.getByLabel(new RegExp(`^${tr(lang, 'filings.propertyItem')} \\d+$`)).evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(expected).toHaveLength(3);
    expect(expected).not.toContain(second);

    await expect(page.locator('.draft-note')).toHaveCount(0);
    // The lock (it keeps what was typed since the last pause), then unlocking: the list is back as it was edited, with the note that it was restored.
    await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    await page.locator('form input[type=password]').fill(ADMIN.passphrase);
    await page.locator('form input[type=password]').press('Enter');
    await expect(page.getByLabel(tr(lang, 'filings.template'))).toHaveValue('property-division');
    await expect(page.getByLabel(tr(lang, 'filings.language'))).toHaveValue(s.filing);
    // The case's list has three items too: the restored one is told by its values (it may come a moment later).
    const items = list.getByLabel(new RegExp(`^${tr(lang, 'filings.propertyItem')} \\d+$`));
    await expect(items).toHaveCount(3);
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))).toEqual(expected);
    await expect(list.getByLabel(tr(lang, 'filings.propertyValue'), { exact: true }).nth(2)).toHaveValue(s.value);
    const said = tr(lang, 'workday.draftRestored', { time: '@' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('@', '\\d\\d:\\d\\d');
    await expect(page.locator('.draft-note')).toContainText(new RegExp(said));
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${lang}-restored-after-lock.png` });

    // A new window (or a crash): the same entry.
    await openApp(page, app, lang);
    await openPropertyWizard(page, lang);
    await expect(page.getByLabel(tr(lang, 'filings.template'))).toHaveValue('property-division');
    await expect(items).toHaveCount(3);
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))).toEqual(expected);

    // Discarded on request: the case's list is back, and stays so in a new window.
    await page.locator('.draft-note').getByRole('button', { name: tr(lang, 'workday.draftDiscard') }).click();
    await expect(items).toHaveCount(3);
    await expect(list.getByLabel(`${tr(lang, 'filings.propertyItem')} 2`, { exact: true })).toHaveValue(second);
    await openApp(page, app, lang);
    await openPropertyWizard(page, lang);
    await expect(page.locator('.draft-note')).toHaveCount(0);
  }
});
