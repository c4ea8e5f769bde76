import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import JSZip from 'jszip';
import { generateUpdateKeyPair, signUpdate } from '../../electron/updates/signedUpdates';
import type { PairingFile } from '../../shared/api/exchangeTypes';
import { FILE_KINDS } from '../../shared/api/files';
import { ru } from '../../shared/i18n/ru';
import { tg } from '../../shared/i18n/tg';
import { createTestApp, inlineBytes, tempDir, type TestApp } from '../support/testApp';
import { shot } from './support/caseSteps';
import { createDatabase, expect, test, type AppServer } from './support/fixtures';

// Files in and out of browser mode, screen by screen: a template, a signed update and an exchange
// package picked in the page's file inputs; the audit log, a pairing file and a package saved as
// downloads. The other installation of the exchange is a real one, driven through the dispatcher.

test.describe.configure({ mode: 'serial' });

const ROOT = join(__dirname, '..', '..');
const work = tempDir();

/** This file's installation in the new page each test gets: created by the first test, unlocked after. */
async function openApp(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  const setup = page.getByLabel('Номи ин нуқтаи тамос ё гурӯҳ');
  await expect(setup.or(page.getByRole('heading', { level: 1, name: 'Саҳифаи асосӣ' }))).toBeVisible();
  if (await setup.isVisible()) await createDatabase(page, app);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

test('an edited template is imported, and a file over the limit is refused before it is sent', async ({ page, app }) => {
  await openApp(page, app);
  await page.getByRole('navigation').getByRole('link', { name: tg.nav.filings, exact: true }).click();
  await page.getByRole('link', { name: tg.filings.legalRefsLink }).click();
  const panel = page.getByRole('region', { name: tg.filings.templatesTitle });
  const picker = panel.getByLabel(tg.filings.importTemplate);
  await expect(panel.getByText('То 10 МБ.')).toBeVisible();

  await picker.setInputFiles({ name: 'huge.docx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(FILE_KINDS.template.maxBytes + 1) });
  await expect(panel.getByRole('alert')).toHaveText('Файл хеле калон аст: то 10 МБ.');

  // The marker of the religious-marriage paragraph deleted: refused, naming the passage and the paragraph.
  const zip = await JSZip.loadAsync(readFileSync(join(ROOT, 'templates', 'docx', 'alimony-share.tg.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace('{{?marriage_religious}}', ''));
  await picker.setInputFiles({ name: 'edited.docx', mimeType: 'application/octet-stream', buffer: await zip.generateAsync({ type: 'nodebuffer' }) });
  await expect(panel.getByRole('status')).toContainText('Порчаи «Танҳо никоҳи динӣ»: дар сархати «Никоҳи ман бо ҷавобгар');
  await expect(panel.getByRole('status')).toContainText('нишонаи {{?marriage_religious}} нест');

  await picker.setInputFiles(join(ROOT, 'templates', 'docx', 'alimony-share.tg.docx'));
  await expect(panel.getByRole('status')).toHaveText(/^Ҳамчун версияи .+ қабул шуд\.$/);
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

test('a signed update is applied from its file, and the audit log is saved as a CSV download', async ({ page, app }) => {
  await openApp(page, app);
  const keys = generateUpdateKeyPair();
  const update = join(work, 'update.json');
  writeFileSync(update, signUpdate({ issuedAt: '2026-11-01', legalReferences: [{ key: 'e2e.article', textTg: 'моддаи 81', textRu: 'статья 81', textEn: 'art. 81', value: '81', source: 'e2e', confirmed: true }] }, 'e2e-key', keys.privateKeyPem));

  await page.getByRole('navigation').getByRole('link', { name: 'Танзимот', exact: true }).click();
  await page.getByRole('tab', { name: tg.security.tabs.updates }).click();
  await page.getByLabel(tg.security.updates.keyId).fill('e2e-key');
  await page.getByLabel(tg.security.updates.keyName).fill('Ҳамоҳангсоз');
  await page.getByLabel(tg.security.updates.publicKey).fill(keys.publicKeyPem);
  await page.getByRole('button', { name: tg.security.updates.trust }).click();
  await expect(page.getByText('Ҳамоҳангсоз', { exact: true })).toBeVisible();
  await page.getByLabel(tg.security.updates.file).setInputFiles(update);
  await expect(page.getByText('Навсозӣ татбиқ шуд: истинодҳои ҳуқуқӣ — 1, намунаҳо — 0.')).toBeVisible();

  await page.getByRole('tab', { name: tg.security.tabs.audit }).click();
  const { download, bytes } = await downloaded(page, () => page.getByRole('button', { name: tg.security.audit.export }).click());
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = bytes.toString('utf8');
  // The stored codes for checking the chain, and beside them the screen's own Tajik words.
  expect(csv.startsWith(`\uFEFFseq,at,${tg.security.audit.at},username,action,${tg.security.audit.action},entity,${tg.security.audit.entity},`)).toBe(true);
  expect(csv).toContain(`update.apply,${tg.security.audit.actions['update.apply']},`);
  // The screen says the file was saved, under which name.
  await expect(page.getByText(tg.security.audit.exported.replace('{{file}}', download.suggestedFilename()))).toBeVisible();
  // …and the export itself is the newest entry of the log.
  await expect(page.getByRole('row').nth(1)).toContainText(tg.security.audit.actions['audit.export']);
  await shot(page, 'tg', 'audit-exported');
  // In Russian, the words beside the codes and the notice are Russian.
  await page.getByRole('button', { name: 'Русский' }).click();
  const again = await downloaded(page, () => page.getByRole('button', { name: ru.security.audit.export }).click());
  expect(again.bytes.toString('utf8').startsWith(`\uFEFFseq,at,${ru.security.audit.at},username,action,${ru.security.audit.action},`)).toBe(true);
  await expect(page.getByText(ru.security.audit.exported.replace('{{file}}', again.download.suggestedFilename()))).toBeVisible();
  await shot(page, 'ru', 'audit-exported');
  // Back to Tajik: the data folder keeps the language, and the next test opens the same one.
  await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
  await expect(page.getByRole('tab', { name: tg.security.tabs.audit })).toBeVisible();
});

test('two installations pair by files and exchange packages through the Exchange screen', async ({ page, app }) => {
  test.setTimeout(120_000);
  await openApp(page, app);
  let peer: TestApp | undefined;
  try {
    peer = await createTestApp();
    await peer.call('exchange:setRole', { role: 'mobile_team' });
    await page.getByRole('navigation').getByRole('link', { name: tg.nav.exchange, exact: true }).click();

    // Our pairing file leaves as a download and is loaded by the peer.
    const ours = await downloaded(page, () => page.getByRole('button', { name: tg.exchange.savePairing }).click());
    const own = JSON.parse(ours.bytes.toString('utf8')) as PairingFile;
    await peer.call('exchange:importPairing', { json: JSON.stringify(own) });

    // The peer's pairing file comes in through the page's file input.
    const theirs = join(work, 'peer.pair.json');
    writeFileSync(theirs, JSON.stringify(await peer.call('exchange:pairingFile', {})));
    await page.getByLabel(tg.exchange.loadPairing).setInputFiles(theirs);
    await expect(page.getByTestId('paired-message')).toBeVisible();

    // A package from the peer is picked and applied.
    const made = await peer.call('exchange:exportPackage', { peerId: own.installationId, kind: 'full' });
    const incoming = join(work, made.fileName);
    writeFileSync(incoming, inlineBytes(made));
    await page.getByLabel(tg.exchange.importFile).setInputFiles(incoming);
    await expect(page.getByTestId('exchange-message')).toContainText('татбиқ шуд');

    // A package for the peer is saved as a download, and the peer applies it.
    const sent = await downloaded(page, () => page.getByRole('button', { name: tg.exchange.export }).click());
    expect(sent.download.suggestedFilename()).toMatch(/\.ladpkg$/);
    await expect(page.getByTestId('exchange-message')).toContainText(sent.download.suggestedFilename());
    const applied = await peer.call('exchange:importPackage', { file: { base64: sent.bytes.toString('base64') } });
    expect(applied).toMatchObject({ kind: 'full', alreadyApplied: false });
  } finally {
    await peer?.cleanup();
  }
});
