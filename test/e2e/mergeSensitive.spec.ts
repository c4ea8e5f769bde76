import { api } from './support/bridge';
import { goHash, openApp, shot, tr, type Lang } from './support/caseSteps';
import { expect, test } from './support/fixtures';

// Merging a sensitive record into an unmarked duplicate of the same woman, in Tajik and in Russian: the
// merge dialog says the mark stays, and the record that stays is marked.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const WOMEN: Record<Lang, { surname: string; sloppy: string; givenName: string }> = {
  tg: { surname: 'Қодирова', sloppy: 'Кодирова', givenName: 'Меҳрангез' },
  ru: { surname: 'Ҷӯраева', sloppy: 'Джураева', givenName: 'Сабрина' },
};

for (const lang of ['tg', 'ru'] as const) {
  test(`${lang}: merging a sensitive record into an unmarked one keeps the mark, and the dialog says so`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await openApp(page, app, lang);
    const w = WOMEN[lang];
    const marked = await api<{ client: { id: string } }>(page, 'clients:save', { surname: w.surname, givenName: w.givenName, sex: 'F', birthDate: '1991-09-09', phones: [], household: null, children: [] });
    await api(page, 'clients:setSensitive', { id: marked.client.id, sensitive: 'violence' });
    const sloppy = await api<{ client: { id: string } }>(page, 'clients:save', { surname: w.sloppy, givenName: w.givenName, sex: 'F', age: 35, phones: [], household: null, children: [] });

    await goHash(page, `#/clients/${sloppy.client.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `${w.sloppy} ${w.givenName}` })).toBeVisible();
    await page.getByRole('button', { name: tr(lang, 'clients.merge') }).click();
    const dialog = page.getByRole('dialog', { name: tr(lang, 'clients.mergeTitle') });
    await dialog.getByLabel(tr(lang, 'clients.mergeSearch'), { exact: true }).fill(w.givenName);
    await dialog.getByRole('button', { name: `${w.surname} ${w.givenName}` }).click();
    // The unmarked record on screen stays (the default); the note says the mark goes with it.
    await expect(dialog.getByTestId('merge-keeps-mark')).toHaveText(tr(lang, 'protection.mergeKeepsMark'));
    await shot(page, lang, 'merge-keeps-mark');
    await dialog.getByRole('button', { name: tr(lang, 'clients.mergeConfirm') }).click();

    await expect(dialog).toBeHidden();
    expect(page.url()).toContain(sloppy.client.id);
    const mark = page.getByRole('form', { name: tr(lang, 'protection.sensitiveTitle') });
    await expect(mark.getByRole('combobox', { name: tr(lang, 'protection.sensitiveTitle') })).toHaveValue('violence');
    await mark.scrollIntoViewIfNeeded();
    await shot(page, lang, 'merge-survivor-marked');
  });
}
