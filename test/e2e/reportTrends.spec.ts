import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { goSection, openApp, shot, tr, type Lang } from './support/caseSteps';

// The Reports screen's trends on the fixture registers (test/fixtures/registers, expected.json
// "trends2025"): 2025 beside 2024 with the change, the months, and a share beside each breakdown cell,
// in Tajik and in Russian.

const FIX = join(__dirname, '..', 'fixtures', 'registers');

async function importRegisters(page: Page): Promise<void> {
  const lang: Lang = 'tg';
  await page.getByRole('button', { name: tr(lang, 'reports.import.open') }).click();
  const dialog = page.getByRole('dialog');
  for (const [kind, file] of [
    ['contact-points', 'contact-points.csv'],
    ['mobile-sessions', 'mobile-sessions.csv'],
    ['consultations', 'consultations-core.csv'],
    ['consultations', 'consultations-bulk.csv'],
  ] as const) {
    await dialog.getByLabel('Дар файл чӣ ҳаст').selectOption(kind);
    await dialog.getByLabel('Файл', { exact: true }).setInputFiles(join(FIX, file));
    await dialog.getByRole('button', { name: 'Санҷидани файл' }).click();
    await expect(dialog.getByRole('button', { name: 'Ворид кардан' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Ворид кардан' }).click();
    await expect(dialog.getByText(/^Ворид шуд: /)).toBeVisible({ timeout: 30_000 });
  }
  await dialog.getByRole('button', { name: 'Пӯшидан' }).click();
}

async function showYear(page: Page, lang: Lang): Promise<void> {
  await page.getByLabel(tr(lang, 'reports.periodKindLabel'), { exact: true }).selectOption('year');
  await page.getByLabel(tr(lang, 'reports.year'), { exact: true }).selectOption('2025');
  await page.getByRole('button', { name: tr(lang, 'reports.show') }).click();
}

const cells = (page: Page, row: string) => page.locator(`tr[data-row="${row}"] td`);

test('the report sets 2025 beside 2024, month by month, with shares, in Tajik and Russian', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, 'tg');
  await goSection(page, 'tg', 'reports');
  await importRegisters(page);

  for (const lang of ['tg', 'ru'] as const) {
    await openApp(page, app, lang);
    await goSection(page, lang, 'reports');
    await showYear(page, lang);
    // Compared with the previous period: 92 women in 2025, 22 in 2024, +70, +318.2 %.
    const comparison = page.getByRole('table', { name: tr(lang, 'reports.comparison.title') });
    await expect(comparison.getByRole('columnheader', { name: tr(lang, 'reports.comparison.previous', { period: '01.01.2024 – 31.12.2024' }) })).toBeVisible();
    await expect(cells(page, 'change:women123')).toHaveText(['92', '22', '+70', /^\+318[,.]2 %$/]);
    await expect(cells(page, 'change:women124')).toHaveText(['34', '0', '+34', '—']);
    // Month by month: May 2025 (expected.json trends2025, index 4); the whole period under the months.
    const months = page.getByRole('table', { name: tr(lang, 'reports.series.title') });
    await expect(months.locator('tbody tr')).toHaveCount(13);
    await expect(page.locator('tr[data-row="2025-05"] th')).toHaveText('2025-05');
    await expect(cells(page, '2025-05')).toHaveText(['3', '0', '27', '14', '67', '1', '0', '0', '1', '68', '0', '0']);
    await expect(months.locator('tr[data-row="total"] td').nth(2)).toHaveText('92');

    // A share beside each breakdown cell: 23 of the 92 women abandoned = 25 %.
    await page.getByLabel(tr(lang, 'reports.breakdownPick'), { exact: true }).selectOption('breakdown:1.2.3.womenFromMigrantHouseholds');
    await page.getByLabel(tr(lang, 'reports.dimensionPick'), { exact: true }).selectOption('abandoned');
    const breakdown = page.locator('section[aria-labelledby="breakdowns-title"] table');
    await expect(breakdown.getByRole('columnheader', { name: tr(lang, 'reports.share') })).toBeVisible();
    await expect(breakdown.locator('tbody tr').first().locator('td')).toHaveText(['23', '25 %']);
    // The districts' chart: sorted, across, the largest (Khujand, 171 consultations) first.
    const districts = page.getByRole('img', { name: tr(lang, 'reports.chartDistrictTitle') });
    await expect(districts.locator('svg')).toContainText('171');
    await page.getByRole('heading', { name: tr(lang, 'reports.comparison.title') }).scrollIntoViewIfNeeded();
    await shot(page, lang, 'report-trends');
  }
});
