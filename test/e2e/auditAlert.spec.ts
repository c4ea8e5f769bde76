import { join } from 'node:path';
import { unlockDatabase } from '../../electron/app/database';
import { DB_FILE } from '../../electron/app/paths';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';
import { goSection, shot, tr } from './support/caseSteps';

test.describe.configure({ mode: 'serial' });

// A paired installation whose audit trail was rewritten: its packages are refused and the Exchange
// screen says so until an administrator acknowledges. The alert is written into the database directly
// (a second connection, as the refusal of a package would), so the test needs no second installation.

test('an alert about a rewritten audit trail shows on the Exchange screen until the administrator acknowledges it', async ({ page, app }) => {
  await createDatabase(page, app);
  const other = await unlockDatabase(join(app.dataDir, DB_FILE), ADMIN.username, ADMIN.passphrase);
  try {
    await other.db
      .insertInto('audit_witness_alerts')
      .values({
        id: '0190e000-0000-7000-8000-000000000001',
        sender_installation_id: '0190e000-0000-7000-8000-0000000000aa',
        package_id: '0190e000-0000-7000-8000-0000000000bb',
        detected_at: new Date().toISOString(),
        witnessed_seq: 42,
        witnessed_hash: 'a'.repeat(64),
        claimed_hash: 'b'.repeat(64),
        acknowledged_at: null,
        acknowledged_by_user_id: null,
      })
      .execute();
  } finally {
    await other.close();
  }
  for (const lang of ['ru', 'tg'] as const) {
    await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
    await goSection(page, lang, 'exchange');
    await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'exchange.auditAlertsTitle') })).toBeVisible();
    await expect(page.getByText(/0190e000-0000-7000-8000-0000000000aa/)).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, lang, 'exchange-audit-alert');
  }
  await page.getByRole('button', { name: tr('tg', 'exchange.acknowledgeAuditAlert') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr('tg', 'exchange.auditAlertsTitle') })).toHaveCount(0);
});
