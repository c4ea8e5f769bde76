import type { Page } from '@playwright/test';
import { paternityBasis, respondentAddress, respondentName } from '../../templates/manifests/common';
import { api } from './support/bridge';
import { ensureOwnContactPoint, goHash, openApp, shot, tr, type Lang } from './support/caseSteps';
import { expect, test } from './support/fixtures';

// A case saved without its respondent: the filing wizard asks for him. When the lawyer types a man who
// is a client of this office, saving the filing is refused with a message saying so, in Tajik and in
// Russian, and a link to the case's form, where the matching records are shown and the decision taken.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const PEOPLE: Record<Lang, { mother: string; husband: [string, string, string]; address: string; basis: string }> = {
  tg: { mother: 'Ҳакимова', husband: ['Ҳакимов', 'Баҳром', 'Олимович'], address: 'ш. Хуҷанд, кӯч. Ленин 45', basis: 'аризаи муштараки волидон аз 12.05.2019' },
  ru: { mother: 'Латипова', husband: ['Латипов', 'Сухроб', 'Каримович'], address: 'г. Худжанд, ул. Ленина 45', basis: 'совместное заявление родителей от 12.05.2019' },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const answerField = (page: Page, label: string) => page.getByLabel(new RegExp(`^${escape(label)}`));

for (const lang of ['tg', 'ru'] as const) {
  test(`${lang}: a respondent typed in the filing wizard who is a client of the office stops the filing, with the way to the case's form`, async ({ page, app }) => {
    test.setTimeout(180_000);
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);
    const p = PEOPLE[lang];
    const [surname, givenName, patronymic] = p.husband;
    // He came to the office earlier on a matter of his own.
    await api(page, 'clients:save', { surname, givenName, patronymic, sex: 'M', birthDate: '1986-07-01', phones: [], household: null, children: [] });
    const mother = await api<{ client: { id: string } }>(page, 'clients:save', {
      surname: p.mother,
      givenName: 'Дилором',
      sex: 'F',
      birthDate: '1993-03-03',
      phones: [],
      household: null,
      residenceDistrictId: 'su-khujand',
      residenceAddress: lang === 'tg' ? 'кӯч. Ленин 45' : 'ул. Ленина 45',
      children: [{ givenName: 'Мадина', surname: `${surname}а`, birthDate: '2019-08-01', sex: 'F' }],
    });
    const { case: kase } = await api<{ case: { id: string } }>(page, 'cases:save', { clientId: mother.client.id, caseType: 'alimony_share', courtName: lang === 'tg' ? 'Суди шаҳри Хуҷанд' : 'Суд города Худжанд' });

    await goHash(page, `#/filings/new/${kase.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr(lang, 'filings.wizardTitle', { number: '' }).trim());
    await answerField(page, respondentName.label[lang]).fill(`${surname} ${givenName} ${patronymic}`);
    await answerField(page, respondentAddress.label[lang]).fill(p.address);
    await answerField(page, paternityBasis.label[lang]).fill(p.basis);
    await expect(page.getByTestId('filing-status')).toHaveText(tr(lang, 'filings.complete'));
    await page.getByRole('button', { name: tr(lang, 'filings.save'), exact: true }).click();

    const conflict = page.getByTestId('filing-conflict');
    await expect(conflict).toContainText(tr(lang, 'filings.respondentIsClient'));
    expect(await api<unknown[]>(page, 'documents:list', { caseId: kase.id })).toEqual([]);
    await conflict.scrollIntoViewIfNeeded();
    await shot(page, lang, 'filing-conflict');
    await conflict.getByRole('link', { name: tr(lang, 'filings.editCaseRespondent') }).click();
    await expect(page).toHaveURL(new RegExp(`#/cases/${kase.id}/edit`));
  });
}
