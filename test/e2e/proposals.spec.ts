import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unlockDatabase } from '../../electron/app/database';
import { DB_FILE } from '../../electron/app/paths';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';
import { goSection, tr } from './support/caseSteps';

// Legal references a paired installation sent wait on the legal references screen until the
// administrator accepts or rejects them. The proposals are written into the database directly (a
// second connection, as the import of a package would), so the test needs no second installation.

const SHOTS = '/tmp/shots/guards';
const SENDER = '0190e000-0000-7000-8000-0000000000aa';

test('the administrator accepts one proposed legal reference and rejects another', async ({ page, app }) => {
  await createDatabase(page, app);
  const other = await unlockDatabase(join(app.dataDir, DB_FILE), ADMIN.username, ADMIN.passphrase);
  const clock = new HybridClock(nodeIdFromInstallation(SENDER));
  let keys: string[];
  try {
    const refs = await other.db.selectFrom('legal_references').select(['id', 'key']).orderBy('key').limit(2).execute();
    keys = refs.map((r) => r.key);
    for (const [i, r] of refs.entries()) {
      const data = JSON.stringify({ text_tg: `матни пешниҳодшуда ${i + 1}`, text_ru: `предложенный текст ${i + 1}`, value: `77${i}` });
      await other.db
        .insertInto('proposed_changes')
        .values({ id: `0190e000-0000-7000-8000-00000000010${i}`, sender_installation_id: SENDER, received_at: new Date().toISOString(), hlc: clock.tick(), table_name: 'legal_references', row_id: r.id, origin: SENDER, data, status: 'pending', decided_at: null, decided_by_user_id: null })
        .execute();
    }
  } finally {
    await other.close();
  }
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const lang of ['ru', 'tg'] as const) {
    await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
    await goSection(page, lang, 'filings');
    await page.getByRole('link', { name: tr(lang, 'filings.legalRefsLink') }).click();
    await expect(page.getByRole('heading', { level: 2, name: tr(lang, 'filings.proposalsTitle') })).toBeVisible();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}/${lang}-legal-refs-proposals.png` });
  }
  const panel = page.getByRole('region', { name: tr('tg', 'filings.proposalsTitle') });
  // Not in force yet: the table still shows the installation's own text.
  await expect(page.getByRole('table')).not.toContainText('матни пешниҳодшуда 1');
  await panel.getByRole('listitem').filter({ hasText: keys[0]! }).getByRole('button', { name: tr('tg', 'filings.proposalAccept') }).click();
  await panel.getByRole('listitem').filter({ hasText: keys[1]! }).getByRole('button', { name: tr('tg', 'filings.proposalReject') }).click();
  await expect(page.getByRole('heading', { level: 2, name: tr('tg', 'filings.proposalsTitle') })).toHaveCount(0);
  await expect(page.getByRole('table')).toContainText('матни пешниҳодшуда 1');
  await expect(page.getByRole('table')).not.toContainText('матни пешниҳодшуда 2');
});
