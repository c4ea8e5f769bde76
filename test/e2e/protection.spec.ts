import { ensureOwnContactPoint, goSection, openApp, shot, tr, type Lang } from './support/caseSteps';
import { api, signInAs } from './support/bridge';
import { ADMIN, expect, test } from './support/fixtures';

// The conflict-of-interest warning and sensitive cases, in Tajik and in Russian: a case whose respondent
// (written in Latin letters) is a client of the office is not saved before the lawyer decides, with
// the matching record in front of her; a case marked sensitive is a restricted row for another lawyer,
// and its page is refused to them.

test.describe.configure({ mode: 'serial' });

const PASS = 'a long enough password 1';

const PEOPLE: Record<Lang, { wife: [string, string]; husband: [string, string, string]; latin: string; phone: string }> = {
  tg: { wife: ['Раҳимова', 'Малика'], husband: ['Каримов', 'Рустам', 'Саидович'], latin: 'Karimov Rustam', phone: '90 555 11 22' },
  ru: { wife: ['Сафарова', 'Зарина'], husband: ['Шарипов', 'Фаридун', 'Бахтиёрович'], latin: 'Sharipov Faridun', phone: '91 444 22 33' },
};

let lawyerCreated = false;

for (const lang of ['tg', 'ru'] as const) {
  test(`a respondent who is a client of the office is shown before saving; a sensitive case is restricted for another lawyer (${lang})`, async ({ page, app }) => {
    const p = PEOPLE[lang];
    const label = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);
    if (!lawyerCreated) {
      await api(page, 'users:create', { username: 'lawyer.b', displayName: 'Lawyer B', role: 'lawyer', password: PASS, passwordConfirm: PASS });
      lawyerCreated = true;
    }
    const client = (surname: string, givenName: string, patronymic: string, sex: 'F' | 'M', phone: string) =>
      api<{ client: { id: string } }>(page, 'clients:save', { surname, givenName, patronymic, sex, birthDate: sex === 'M' ? '1985-02-03' : '1991-05-12', phones: [{ phone }], household: null, children: [] });
    await client(p.husband[0], p.husband[1], p.husband[2], 'M', p.phone);
    const wife = (await client(p.wife[0], p.wife[1], '', 'F', '93 700 00 0' + (lang === 'tg' ? '1' : '2'))).client.id;
    const husbandName = p.husband.join(' ');

    // Her new case names her husband in Latin letters, with his phone: the warning comes before saving.
    await page.goto(`${new URL(page.url()).origin}/#/clients/${wife}`);
    await page.getByRole('link', { name: tr(lang, 'clients.newCase') }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'cases.newTitle') })).toBeVisible();
    await label('cases.type').selectOption({ label: tr(lang, 'enum.caseType.alimony_fixed_sum') });
    await label('cases.respondentName').fill(p.latin);
    await label('protection.respondentPhone').fill(p.phone);
    const save = page.getByRole('button', { name: tr(lang, 'common.save'), exact: true });
    await save.click();
    const dialog = page.getByRole('dialog', { name: tr(lang, 'protection.conflictTitle') });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(husbandName, { exact: true })).toBeVisible();
    await expect(dialog.getByText(tr(lang, 'desk.matchReason.phone'), { exact: false })).toBeVisible();
    await shot(page, lang, 'conflict-warning');

    // Cancel: nothing is saved, and she stays on the form.
    await dialog.getByRole('button', { name: tr(lang, 'common.cancel') }).click();
    await expect(page.getByRole('status').getByText(tr(lang, 'protection.conflictCancelled'))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'cases.newTitle') })).toBeVisible();

    // Again, and go on: a reason is required, then the case is saved with it.
    await save.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: tr(lang, 'protection.conflictProceed') }).click();
    await expect(dialog.getByText(tr(lang, 'validation.required'))).toBeVisible();
    await dialog.getByLabel(tr(lang, 'protection.conflictReason')).fill('Он сам просил о разводе; консультация была о другом.');
    await shot(page, lang, 'conflict-reason');
    await dialog.getByRole('button', { name: tr(lang, 'protection.conflictProceed') }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(tr(lang, 'enum.caseType.alimony_fixed_sum')) })).toBeVisible();
    await expect(page.getByText(tr(lang, 'protection.conflictNote', { note: 'Он сам просил о разводе; консультация была о другом.' }))).toBeVisible();
    const caseUrl = page.url();

    // Marked sensitive on its page.
    const mark = page.getByRole('form', { name: tr(lang, 'protection.sensitiveTitle') });
    await mark.getByLabel(tr(lang, 'protection.sensitiveTitle'), { exact: true }).selectOption({ label: tr(lang, 'enum.sensitive.violence') });
    await mark.getByRole('button', { name: tr(lang, 'protection.saveMark') }).click();
    await expect(page.getByText(tr(lang, 'protection.marked', { kind: tr(lang, 'enum.sensitive.violence') }))).toBeVisible();
    await shot(page, lang, 'case-sensitive');

    // Another lawyer: a restricted row in the list (the count stays right), and the page refused.
    await signInAs(page, lang, 'lawyer.b', PASS);
    await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
    await goSection(page, lang, 'cases');
    const table = page.getByRole('table', { name: tr(lang, 'cases.listLabel') });
    await expect(table.getByText(tr(lang, 'protection.restricted')).first()).toBeVisible();
    await expect(table.getByText(p.wife.join(' '))).toHaveCount(0);
    await shot(page, lang, 'cases-restricted');
    await page.goto(caseUrl);
    await expect(page.getByRole('alert').getByText(tr(lang, 'error.RESTRICTED'))).toBeVisible();
    await shot(page, lang, 'case-refused');
    await signInAs(page, lang, ADMIN.username, ADMIN.passphrase);
  });
}
