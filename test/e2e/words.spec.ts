import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { PairingFile } from '../../shared/api/exchangeTypes';
import { createTestApp, inlineBytes, tempDir, type TestApp } from '../support/testApp';
import { shot, tr, type Lang } from './support/caseSteps';
import { createDatabase, expect, test } from './support/fixtures';

// The screens speak the user's language: the audit list in words, moments as dd.mm.yyyy hh:mm in the
// Exchange screen's peers table, the file picker's button and "no file" in Tajik and Russian; no English
// and no machine codes ("user.create", "12/3/2026, 12:37 PM", "Choose File") leak.

test.describe.configure({ mode: 'serial' });

const work = tempDir();
const MOMENT = /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/;
const RAW_ACTION = /\b[a-z_]+\.[a-zA-Z_]+\b/;

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.exchange'), exact: true })).toBeVisible();
}

test('audit list, exchange dates and the file picker in Tajik and Russian', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createDatabase(page, app);
  let peer: TestApp | undefined;
  try {
    peer = await createTestApp();
    await peer.call('exchange:setRole', { role: 'mobile_team' });
    await page.getByRole('navigation').getByRole('link', { name: tr('tg', 'nav.exchange'), exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr('tg', 'exchange.savePairing') }).click()]);
    const own = JSON.parse(readFileSync((await download.path())!, 'utf8')) as PairingFile;
    await peer.call('exchange:importPairing', { json: JSON.stringify(own) });

    // The pairing file comes in through the styled picker: its button and "no file" are in Tajik.
    const pairing = page.getByLabel(tr('tg', 'exchange.loadPairing'), { exact: true });
    const pairingBox = page.locator('.file-input').filter({ has: pairing });
    await expect(pairingBox).toHaveText(`${tr('tg', 'files.choose')}${tr('tg', 'files.noneChosen')}`);
    const theirs = join(work, 'peer.pair.json');
    writeFileSync(theirs, JSON.stringify(await peer.call('exchange:pairingFile', {})));
    await pairing.setInputFiles(theirs);
    await expect(page.getByTestId('paired-message')).toBeVisible();
    await expect(pairingBox).toContainText('peer.pair.json');

    // A package from the peer, so the peers table has a moment of receipt.
    const made = await peer.call('exchange:exportPackage', { peerId: own.installationId, kind: 'full' });
    const incoming = join(work, made.fileName);
    writeFileSync(incoming, inlineBytes(made));
    await page.getByLabel(tr('tg', 'exchange.importFile'), { exact: true }).setInputFiles(incoming);
    await expect(page.getByTestId('exchange-message')).toBeVisible();

    for (const lang of ['tg', 'ru'] as const) {
      await useLanguage(page, lang);
      await page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.exchange'), exact: true }).click();
      const peers = page.getByRole('region', { name: tr(lang, 'exchange.peersTitle') });
      const received = peers.locator('tbody tr').first().locator('td').nth(5);
      await expect(received).toHaveText(MOMENT);
      await expect(peers.locator('tbody tr').first().locator('td').nth(3)).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
      await expect(page.locator('.file-input').first()).toContainText(tr(lang, 'files.choose'));
      // AM and PM as words: a key fingerprint (random letters, "NXMJ-92XD-BKLU-PMT8") may hold them.
      await expect(page.locator('body')).not.toContainText(/Choose File|No file chosen|\b[AP]M\b/);
      await shot(page, lang, 'words-exchange');

      await page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.settings'), exact: true }).click();
      await page.getByRole('tab', { name: tr(lang, 'security.tabs.audit') }).click();
      const rows = page.locator('table.table tbody tr');
      await expect(rows.first()).toBeVisible();
      const actions = await rows.locator('td:nth-child(4)').allInnerTexts();
      const targets = await rows.locator('td:nth-child(5)').allInnerTexts();
      const times = await rows.locator('td:nth-child(2)').allInnerTexts();
      expect(actions.length).toBeGreaterThan(3);
      expect(actions.filter((a) => RAW_ACTION.test(a) || a.trim() === '')).toEqual([]);
      expect(targets.filter((a) => /[a-z]{3,}|:/.test(a))).toEqual([]);
      expect(times.filter((a) => !MOMENT.test(a))).toEqual([]);
      expect(actions).toContain(tr(lang, 'security.audit.actions.exchange.pair'));
      expect(actions).toContain(tr(lang, 'security.audit.actions.database.create'));
      await shot(page, lang, 'words-audit');
      await page.getByLabel(tr(lang, 'security.audit.filterAction'), { exact: true }).selectOption('exchange.pair');
      await expect(rows).toHaveCount(1);
      await expect(rows.first().locator('td').nth(3)).toHaveText(tr(lang, 'security.audit.actions.exchange.pair'));
    }
  } finally {
    await peer?.cleanup();
  }
});
