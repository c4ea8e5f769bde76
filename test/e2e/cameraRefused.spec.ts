import { existsSync } from 'node:fs';
import { api } from './support/bridge';
import { ensureOwnContactPoint, goHash, openApp, shot, tr } from './support/caseSteps';
import { expect, test } from './support/fixtures';

// When the laptop's camera cannot be used, the camera dialog says why and what to do instead, in the
// interface's language, next to its buttons: access refused (the browser here is given no camera
// permission, so Chromium refuses it as a person would), or no camera in the computer. Nothing is stored
// and the dialog closes from the keyboard.

test.describe.configure({ mode: 'serial' });
test.use({
  viewport: { width: 1366, height: 768 },
  // A test camera is there, but no permission to use it is given and no prompt accepts it.
  launchOptions: {
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-fake-device-for-media-stream'],
  },
});

const WOMEN = { tg: { surname: 'Шарипова', givenName: 'Мунира' }, ru: { surname: 'Юсупова', givenName: 'Нигина' } };

for (const lang of ['tg', 'ru'] as const) {
  test(`${lang}: the camera refused or missing is said next to the camera's buttons, and nothing is stored`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);
    const w = WOMEN[lang];
    const saved = await api<{ client: { id: string } }>(page, 'clients:save', { surname: w.surname, givenName: w.givenName, sex: 'F', birthDate: '1994-02-20', phones: [], household: null, children: [] });
    await goHash(page, `#/clients/${saved.client.id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(w.surname) })).toBeVisible();
    const panel = page.locator('section.documents-panel');
    await panel.getByRole('combobox', { name: tr(lang, 'documents.type'), exact: true }).selectOption({ label: tr(lang, 'enum.attachmentType.passport') });

    // Access refused: Chromium answers the page's request with NotAllowedError.
    await panel.getByRole('button', { name: tr(lang, 'documents.camera'), exact: true }).click();
    const camera = page.getByRole('dialog', { name: tr(lang, 'documents.camera') });
    await expect(camera.getByRole('alert')).toHaveText(tr(lang, 'documents.cameraDenied'));
    const capture = camera.getByRole('button', { name: tr(lang, 'documents.capture') });
    await expect(capture).toBeDisabled();
    await expect(capture).toHaveAccessibleDescription(tr(lang, 'documents.cameraDenied'));
    await shot(page, lang, 'camera-refused');
    await camera.getByRole('button', { name: tr(lang, 'documents.closeCamera') }).click();
    await expect(camera).toBeHidden();

    // No camera in the computer: the browser finds no device (as on a desktop without one).
    await page.evaluate(() => {
      const devices = (globalThis as unknown as { navigator: { mediaDevices: { getUserMedia: () => Promise<never> } } }).navigator.mediaDevices;
      devices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    });
    await panel.getByRole('button', { name: tr(lang, 'documents.camera'), exact: true }).click();
    await expect(camera.getByRole('alert')).toHaveText(tr(lang, 'documents.cameraMissing'));
    await expect(capture).toBeDisabled();
    await shot(page, lang, 'camera-missing');
    await page.keyboard.press('Escape');
    await expect(camera).toBeHidden();
    await expect(panel.getByText(tr(lang, 'documents.none'))).toBeVisible();
  });
}
