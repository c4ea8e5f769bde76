import { MANIFESTS } from '../../templates/manifests';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unlockDatabase } from '../../electron/app/database';
import { DB_FILE } from '../../electron/app/paths';
import { ADMIN, expect, test } from './support/fixtures';
import { createDemoDatabase, goSection, openApp, tr, type Lang } from './support/caseSteps';

// The filing wizard names the fields whose text is not in the filing's language, and saves only when
// the text is translated or the user says the words are meant. In both interface languages, with a
// Russian filing (Tajik text typed) and a Tajik one (Russian text typed). Screenshots at 1366×768.

const SHOTS = '/tmp/shots/filing-lang';

const SCENARIOS: Array<{ ui: Lang; filing: Lang; typed: string; word: string }> = [
  { ui: 'tg', filing: 'ru', typed: 'Ғизо, либос ва дору.', word: 'Ғизо' },
  { ui: 'ru', filing: 'tg', typed: 'Ребёнку нужны питание и одежда.', word: 'нужны' },
];

test('the wizard names text in the other language before saving', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createDemoDatabase(page, app);
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  for (const s of SCENARIOS) {
    const lang = s.ui;
    await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
    await goSection(page, lang, 'filings');
    await page.getByRole('row', { name: /Назарова Гулнора/ }).getByRole('link', { name: tr(lang, 'filings.prepare') }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(tr(lang, 'filings.wizardTitle', { number: '' }).trim()) })).toBeVisible();
    await page.getByLabel(tr(lang, 'filings.template')).selectOption('alimony-fixed-sum');
    await page.getByLabel(tr(lang, 'filings.language')).selectOption(s.filing);
    const status = page.getByTestId('filing-status');
    await expect(status).toHaveText(tr(lang, 'filings.complete'));
    // The demo case has its answers in both languages: nothing to warn about, the filing can be saved.
    await expect(page.getByTestId('filing-language')).toHaveCount(0);
    const save = page.getByRole('button', { name: tr(lang, 'filings.save') });
    await expect(save).toBeEnabled();

    const needs = page.getByLabel(new RegExp(`^${lang === 'tg' ? 'Эҳтиёҷоти кӯдакон' : 'Нужды детей'}`));
    await needs.fill(s.typed);
    const warning = page.getByTestId('filing-language');
    await expect(warning).toContainText(tr(lang, 'filings.otherLanguage', { lang: tr(lang, `language.${s.filing}`), list: '' }).trim());
    await expect(warning).toContainText(lang === 'tg' ? 'Эҳтиёҷоти кӯдакон' : 'Нужды детей');
    await expect(warning).toContainText(s.word);
    await expect(save).toBeDisabled();
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await page.screenshot({ path: `${SHOTS}/${lang}-ui-${s.filing}-filing-warning.png` });

    // The user says the words are meant: the filing is saved with them.
    await warning.getByLabel(tr(lang, 'filings.allowMixed')).check();
    await expect(save).toBeEnabled();
    await save.click();
    // Saved under its title in the filing's language.
    await expect(page.getByTestId('case-documents')).toContainText(MANIFESTS.find((m) => m.id === 'alimony-fixed-sum')!.title[s.filing]);
  }

  // A filing in the other language starts from a draft marked to translate. The divorce case has Tajik
  // and Russian answers; the Russian ones are dropped through a second connection (as a case saved when
  // answers were kept in one language only would have them).
  const db = await unlockDatabase(join(app.dataDir, DB_FILE), ADMIN.username, ADMIN.passphrase);
  try {
    const c = await db.db.selectFrom('cases').select(['id', 'details']).where('case_type', '=', 'divorce').executeTakeFirstOrThrow();
    const details = JSON.parse(c.details) as { filing: Record<string, unknown> };
    delete details.filing.ru;
    await db.db.updateTable('cases').set({ details: JSON.stringify(details) }).where('id', '=', c.id).execute();
  } finally {
    await db.close();
  }
  const lang: Lang = 'ru';
  await openApp(page, app, lang);
  await goSection(page, lang, 'filings');
  await page.getByRole('row', { name: /Холова Зулфия/ }).getByRole('link', { name: tr(lang, 'filings.prepare') }).click();
  await page.getByLabel(tr(lang, 'filings.template')).selectOption('divorce');
  await page.getByLabel(tr(lang, 'filings.language')).selectOption('ru');
  const reason = page.getByLabel(/^Причины распада семьи/);
  await expect(reason).toHaveValue(/Ҷавобгар соли 2020/);
  await expect(page.getByText(tr(lang, 'filings.draft', { from: tr(lang, 'language.tg') })).first()).toBeVisible();
  await expect(page.getByTestId('filing-language')).toContainText('Ҷавобгар');
  await page.screenshot({ path: `${SHOTS}/ru-ui-ru-filing-draft.png` });
  await reason.fill('В 2020 году ответчик уехал за рубеж и в содержании семьи не участвует.');
  await page.getByLabel(/^Свидетельство о браке/).fill('№ 0345612, 05.10.2012, ЗАГС города Гиссар');
  await expect(page.getByTestId('filing-language')).toHaveCount(0);
  await expect(page.getByRole('button', { name: tr(lang, 'filings.save') })).toBeEnabled();
});
