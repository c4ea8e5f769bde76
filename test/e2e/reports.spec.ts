import { join } from 'node:path';
import { shot, tr } from './support/caseSteps';
import { createDatabase, expect, test } from './support/fixtures';

// The fixture registers imported through the Reports screen's import dialog, then the 2025 report read
// off the screen: the numbers must be the hand-worked ones of test/fixtures/registers/expected.json.

const FIX = join(__dirname, '..', 'fixtures', 'registers');

test('registers imported through the dialog give the hand-worked 2025 numbers on screen', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createDatabase(page, app);
  await page.getByRole('link', { name: 'Ҳисоботҳо' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ҳисобот оид ба нишондиҳандаҳо' })).toBeVisible();

  await page.getByRole('button', { name: 'Воридоти дафтар…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Воридоти дафтари мавҷуда' });
  // A register with a bad row is refused, with the row named.
  await dialog.getByLabel('Дар файл чӣ ҳаст').selectOption('mobile-sessions');
  await dialog.getByLabel('Файл', { exact: true }).setInputFiles(join(FIX, 'mobile-sessions.csv'));
  await dialog.getByRole('button', { name: 'Санҷидани файл' }).click();
  await expect(dialog.getByText('Хатоҳо: 8.')).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Нуқтаи тамос бо ин код нест (аввал нуқтаҳои тамосро ворид кунед).' }).first()).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Ворид кардан' })).toBeDisabled();

  for (const [kind, file, added] of [
    ['contact-points', 'contact-points.csv', 5],
    ['mobile-sessions', 'mobile-sessions.csv', 8],
    ['consultations', 'consultations-core.csv', 29],
    ['consultations', 'consultations-bulk.csv', 270],
  ] as const) {
    await dialog.getByLabel('Дар файл чӣ ҳаст').selectOption(kind);
    await dialog.getByLabel('Файл', { exact: true }).setInputFiles(join(FIX, file));
    await dialog.getByRole('button', { name: 'Санҷидани файл' }).click();
    await expect(dialog.getByText(new RegExp(`илова мешаванд ${added},`))).toBeVisible();
    await dialog.getByRole('button', { name: 'Ворид кардан' }).click();
    await expect(dialog.getByText(`Ворид шуд: илова шуданд ${added}, аллакай дар пойгоҳ буданд 0.`)).toBeVisible({ timeout: 30_000 });
  }
  await dialog.getByRole('button', { name: 'Пӯшидан' }).click();

  await page.getByLabel('Намуди давра', { exact: true }).selectOption('year');
  await page.getByLabel('Сол').selectOption('2025');
  await page.getByRole('button', { name: 'Нишон додани ҳисобот' }).click();
  const value = (row: string) => page.locator(`tr[data-row="${row}"] td`);
  await expect(value('contactPointsOperating')).toHaveText('3');
  await expect(value('contactPointsEstablishedInPeriod')).toHaveText('1');
  await expect(value('women123')).toHaveText('92');
  await expect(value('abandoned123')).toHaveText('23');
  await expect(value('consultations123')).toHaveText('219');
  await expect(value('sessions124')).toHaveText('4');
  await expect(value('women124')).toHaveText('34');
  await expect(value('abandoned124')).toHaveText('13');
  await expect(value('consultations124')).toHaveText('35');
  await expect(value('consultations1210')).toHaveText('254');

  // Drill-down: the abandoned women of 1.2.4 are 13 first consultations.
  await value('abandoned124').getByRole('button').click();
  const drill = page.getByRole('dialog');
  await expect(drill.getByText('13 аз 13 машварат')).toBeVisible();
  await drill.getByRole('button', { name: 'Пӯшидан' }).click();

  // Quarter 1: 45 women at contact points (expected.json "quarter1"). The charts are updated in place,
  // not made again: the first chart's drawing is the same element with the new numbers.
  const firstChart = page.locator('div[role=img] svg').first();
  await expect(firstChart).toBeVisible();
  const drawing = await firstChart.elementHandle();
  const before = await firstChart.innerHTML();
  await page.getByLabel('Намуди давра', { exact: true }).selectOption('quarter');
  await page.getByLabel('Семоҳа').selectOption('1');
  await page.getByRole('button', { name: 'Нишон додани ҳисобот' }).click();
  await expect(value('women123')).toHaveText('45');
  await expect.poll(() => firstChart.innerHTML()).not.toBe(before);
  expect(await drawing!.evaluate((svg) => svg.isConnected)).toBe(true);

  // A period of one's own is typed as every date in the app is (dd.mm.yyyy), whatever the system's
  // locale: the first quarter typed gives the quarter's numbers.
  await page.getByLabel('Намуди давра', { exact: true }).selectOption('custom');
  const from = page.getByRole('textbox', { name: tr('tg', 'reports.from'), exact: true });
  const to = page.getByRole('textbox', { name: tr('tg', 'reports.to'), exact: true });
  await expect(from).toHaveAttribute('placeholder', tr('tg', 'common.datePlaceholder'));
  await from.fill('1.1.2025');
  await to.fill('31.03.2025');
  await page.getByRole('button', { name: 'Нишон додани ҳисобот' }).click();
  await expect(page.getByText(tr('tg', 'reports.periodLine', { from: '01.01.2025', to: '31.03.2025' }), { exact: false })).toBeVisible();
  await expect(value('women123')).toHaveText('45');
  await expect(from).toHaveValue('01.01.2025');
  // A day the month does not have is said when the field is left; an end before the start, next to the end.
  await to.fill('31.02.2025');
  await from.focus();
  await expect(page.getByText(tr('tg', 'validation.noSuchDay', { days: 28 }))).toBeVisible();
  await to.fill('31.12.2024');
  await page.getByRole('button', { name: 'Нишон додани ҳисобот' }).click();
  await expect(page.getByText(tr('tg', 'validation.dateOrder'))).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'tg', 'reports-period-order');
});
