import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { api } from './support/bridge';
import { ensureOwnContactPoint, goHash, openApp, shot, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, test } from './support/fixtures';

// A lawyer keeps a client's papers in the app, in Tajik and in Russian: a phone photo and a scanned PDF
// attached from files (several at once), a renamed program refused by name, a photo taken with the
// laptop's camera (Chromium's test camera), the list with small pictures, the consent form printed and
// kept in her documents with who printed it, and the filing wizard ticking the papers it finds.

test.describe.configure({ mode: 'serial' });
test.use({
  viewport: { width: 1366, height: 768 },
  permissions: ['camera'],
  // The whole launch options of playwright.config.ts, with Chromium's test camera added.
  launchOptions: {
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const WOMEN: Record<Lang, { surname: string; givenName: string }> = {
  tg: { surname: 'Назарова', givenName: 'Шаҳноза' },
  ru: { surname: 'Каримова', givenName: 'Дилноза' },
};

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 2800, height: 2100, channels: 3, background: '#e4dccb', noise: { type: 'gaussian', mean: 150, sigma: 15 } } })
    .jpeg({ quality: 85 })
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 33/1 0/1' } })
    .toBuffer();
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

async function openClient(page: Page, lang: Lang): Promise<{ clientId: string; caseId: string }> {
  const w = WOMEN[lang];
  const saved = await api<{ client: { id: string } }>(page, 'clients:save', {
    surname: w.surname,
    givenName: w.givenName,
    sex: 'F',
    birthDate: '1992-04-11',
    phones: [],
    household: null,
    children: [{ givenName: 'Мадина', surname: w.surname, birthDate: '2017-08-01', sex: 'F' }],
  });
  const { case: c } = await api<{ case: { id: string } }>(page, 'cases:save', { clientId: saved.client.id, caseType: 'alimony_share' });
  await goHash(page, `#/clients/${saved.client.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(w.surname) })).toBeVisible();
  return { clientId: saved.client.id, caseId: c.id };
}

for (const lang of ['tg', 'ru'] as const) {
  test(`${lang}: papers attached from files and the camera, listed with small pictures; the consent form printed and kept`, async ({ page, app }) => {
    // Many steps (files read, photos made smaller, a PDF printed) on a loaded 2-core machine.
    test.setTimeout(300_000);
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);
    const { caseId } = await openClient(page, lang);
    const panel = page.locator('section.documents-panel');
    const typeField = panel.getByRole('combobox', { name: tr(lang, 'documents.type'), exact: true });
    await expect(panel.getByText(tr(lang, 'documents.none'))).toBeVisible();

    // Without a type, nothing goes in: the message stands next to the field.
    await panel.getByLabel(tr(lang, 'documents.files')).setInputFiles([
      { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await photo() },
      { name: 'scan-0001.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await panel.getByRole('button', { name: tr(lang, 'documents.attach'), exact: true }).click();
    await expect(panel.getByText(tr(lang, 'validation.required'))).toBeVisible();
    await typeField.selectOption({ label: tr(lang, 'enum.attachmentType.passport') });
    await panel.getByRole('button', { name: tr(lang, 'documents.attach'), exact: true }).click();
    const list = panel.getByTestId('documents-list');
    await expect(list.locator('tbody tr')).toHaveCount(2);
    const thumb = list.getByRole('img', { name: `${tr(lang, 'enum.attachmentType.passport')} — IMG_2041.jpg` });
    await expect(thumb).toBeVisible();
    expect(await thumb.evaluate((img) => Math.max((img as unknown as { naturalWidth: number }).naturalWidth, (img as unknown as { naturalHeight: number }).naturalHeight))).toBe(240);
    await expect(list.getByRole('row', { name: /scan-0001\.pdf/ })).toContainText(ADMIN.name);

    // A program renamed to look like a photo is refused by its content, by name.
    await typeField.selectOption({ label: tr(lang, 'enum.attachmentType.birth_certificate') });
    await panel.getByLabel(tr(lang, 'documents.files')).setInputFiles([{ name: 'shahodatnoma.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(3000, 1)]) }]);
    await panel.getByRole('button', { name: tr(lang, 'documents.attach'), exact: true }).click();
    await expect(panel.getByRole('alert').filter({ hasText: tr(lang, 'validation.notScan', { name: 'shahodatnoma.jpg' }) })).toBeVisible();
    await expect(list.locator('tbody tr')).toHaveCount(2);

    // The laptop's camera (Chromium's test picture), for a remittance receipt.
    await typeField.selectOption({ label: tr(lang, 'enum.attachmentType.remittance_receipt') });
    await panel.getByRole('button', { name: tr(lang, 'documents.camera'), exact: true }).click();
    const camera = page.getByRole('dialog', { name: tr(lang, 'documents.camera') });
    await expect(camera.getByRole('button', { name: tr(lang, 'documents.capture') })).toBeEnabled();
    await shot(page, lang, 'documents-camera');
    await camera.getByRole('button', { name: tr(lang, 'documents.capture') }).click();
    await expect(list.locator('tbody tr')).toHaveCount(3);
    await expect(list.getByRole('img', { name: new RegExp(`^${tr(lang, 'enum.attachmentType.remittance_receipt')} — camera-\\d{8}-\\d{6}\\.jpg$`) })).toBeVisible();

    // The consent form in the interface's language: a PDF to print, kept in her documents.
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: tr(lang, 'documents.printConsent', { language: tr(lang, `language.${lang}`) }) }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^consent-\\d{4}-\\d{2}-\\d{2}-.{8}-${lang}\\.pdf$`));
    await expect(page.getByText(tr(lang, 'documents.printed'))).toBeVisible();
    const consentRow = list.getByRole('row', { name: new RegExp(tr(lang, 'enum.documentKind.consent')) });
    await expect(consentRow).toContainText(ADMIN.name);
    await expect(list.locator('tbody tr')).toHaveCount(4);
    await shot(page, lang, 'client-documents');

    // The filing wizard ticks the passport it finds, not the birth certificate it does not.
    await goHash(page, `#/filings/new/${caseId}`);
    const ticks = page.getByTestId('filing-attachments');
    await expect(ticks).toBeVisible();
    await expect(ticks.getByRole('checkbox', { name: /паспорт|шиноснома/i })).toBeChecked();
    await expect(ticks.getByRole('checkbox', { name: /рождении|таваллуд/i })).not.toBeChecked();
    await ticks.scrollIntoViewIfNeeded();
    await shot(page, lang, 'filing-attachments');
  });
}
