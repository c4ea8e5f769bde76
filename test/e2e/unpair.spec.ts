import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PairingFile } from '../../shared/api/exchangeTypes';
import { ru } from '../../shared/i18n/ru';
import { tg } from '../../shared/i18n/tg';
import { createTestApp, inlineBytes, tempDir, type TestApp } from '../support/testApp';
import { createDatabase, expect, test } from './support/fixtures';

// An administrator un-pairs an installation on the Exchange screen (a lost laptop): after a confirmation
// it leaves the list of paired installations, and a package it made is refused with the reason.

const work = tempDir();

test('an administrator un-pairs a paired installation, and its packages are refused from then on', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createDatabase(page, app);
  let peer: TestApp | undefined;
  try {
    peer = await createTestApp();
    await peer.call('exchange:setRole', { role: 'mobile_team' });
    const theirs = await peer.call('exchange:pairingFile', {});
    await page.getByRole('navigation').getByRole('link', { name: tg.nav.exchange, exact: true }).click();
    const pairing = join(work, 'peer.pair.json');
    writeFileSync(pairing, JSON.stringify(theirs));
    await page.getByLabel(tg.exchange.loadPairing).setInputFiles(pairing);
    await expect(page.getByTestId('paired-message')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tg.exchange.savePairing }).click()]);
    const own = JSON.parse(readFileSync((await download.path())!, 'utf8')) as PairingFile;
    await peer.call('exchange:importPairing', { json: JSON.stringify(own) });
    // A package the peer made before it was un-paired (the stolen laptop's).
    const made = await peer.call('exchange:exportPackage', { peerId: own.installationId, kind: 'full' });
    const incoming = join(work, made.fileName);
    writeFileSync(incoming, inlineBytes(made));

    const peers = page.getByRole('region', { name: tg.exchange.peersTitle });
    await expect(peers.getByRole('cell', { name: theirs.name, exact: true })).toBeVisible();
    await peers.getByRole('button', { name: `${tg.exchange.unpair}: ${theirs.name}` }).click();
    const dialog = page.getByRole('dialog', { name: tg.exchange.unpairTitle.replace('{{name}}', theirs.name) });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(tg.exchange.unpairBody);
    await page.screenshot({ path: join(work, 'unpair-dialog.png') });
    // Cancelling keeps it paired.
    await dialog.getByRole('button', { name: tg.common.cancel, exact: true }).click();
    await expect(peers.getByRole('cell', { name: theirs.name, exact: true })).toBeVisible();

    await peers.getByRole('button', { name: `${tg.exchange.unpair}: ${theirs.name}` }).click();
    await dialog.getByRole('button', { name: tg.exchange.unpair, exact: true }).click();
    await expect(page.getByTestId('exchange-message')).toHaveText(tg.exchange.unpaired.replace('{{name}}', theirs.name));
    await expect(peers.getByText(tg.exchange.noPeers)).toBeVisible();

    await page.getByLabel(tg.exchange.importFile).setInputFiles(incoming);
    await expect(peers.getByRole('alert')).toContainText(tg.exchange.refused.unpaired);
    await page.screenshot({ path: join(work, 'unpaired.png'), fullPage: true });
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('region', { name: ru.exchange.peersTitle }).getByRole('alert')).toContainText(ru.exchange.refused.unpaired);
    await page.screenshot({ path: join(work, 'unpaired-ru.png'), fullPage: true });
  } finally {
    await peer?.cleanup();
  }
});
