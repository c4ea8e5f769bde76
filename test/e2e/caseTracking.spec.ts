import type { Page } from '@playwright/test';
import { ensureOwnContactPoint, goSection, openApp, planSession, shot, todayTyped, tr, type Lang } from './support/caseSteps';
import { expect, test } from './support/fixtures';

// The "Done when" of the case-tracking issue, in Tajik and in Russian: a lawyer plans and conducts a
// mobile session, registers a woman from a migrant household at the session desk, adds her two
// children, opens an alimony case with a hearing that shows on the dashboard, and finds her again by
// the Latin spelling of her name. Then hostile text and erasure on request.

test.describe.configure({ mode: 'serial' });

// No alert, confirm or prompt may ever open: hostile text must stay text.
let dialogs: string[] = [];
test.beforeEach(({ page }) => {
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
test.afterEach(() => expect(dialogs, 'a browser dialog opened').toEqual([]));

interface Woman {
  surname: string;
  givenName: string;
  latin: string;
  husband: [string, string];
  children: Array<{ givenName: string; birthDate: string; sex: 'F' | 'M' }>;
  village: string;
  courtCaseNumber: string;
}

const WOMEN: Record<Lang, Woman> = {
  tg: {
    surname: 'Раҳимова',
    givenName: 'Гулрухсор',
    latin: 'Rahimova',
    husband: ['Раҳимов', 'Фаррух'],
    children: [
      { givenName: 'Меҳрона', birthDate: '14.02.2016', sex: 'F' },
      { givenName: 'Исмоил', birthDate: '03.09.2019', sex: 'M' },
    ],
    village: 'Деҳаи Ҳасанбой',
    courtCaseNumber: '2-417/2026',
  },
  ru: {
    surname: 'Сафарова',
    givenName: 'Зарина',
    latin: 'Safarova',
    husband: ['Сафаров', 'Шерали'],
    children: [
      { givenName: 'Сабрина', birthDate: '21.06.2015', sex: 'F' },
      { givenName: 'Амир', birthDate: '30.11.2020', sex: 'M' },
    ],
    village: 'Кистакуз',
    courtCaseNumber: '2-418/2026',
  },
};

const save = (page: Page, lang: Lang) => page.getByRole('button', { name: tr(lang, 'common.save'), exact: true }).click();

for (const lang of ['tg', 'ru'] as const) {
  test(`a mobile session, a woman with her husband abroad and two children, an alimony case and its hearing (${lang})`, async ({ page, app }) => {
    const w = WOMEN[lang];
    const name = `${w.surname} ${w.givenName}`;
    const label = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);

    // Plan the session, then register her at its desk: the session becomes conducted.
    const sessionUrl = await planSession(page, lang, w.village);
    await shot(page, lang, 'session-planned');
    await page.getByRole('link', { name: tr(lang, 'sessions.openDesk') }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'desk.title') })).toBeVisible();
    await label('clients.surname').fill(w.surname);
    await label('clients.givenName').fill(w.givenName);
    await label('clients.birthDate').fill('12.05.1991');
    await label('clients.phone').fill('93 555 12 34');
    await page.getByRole('checkbox', { name: tr(lang, 'desk.consentOral') }).check();
    await expect(page.getByRole('checkbox', { name: tr(lang, 'desk.isMigrant') })).toBeChecked();
    await label('desk.husbandSurname').fill(w.husband[0]);
    await label('desk.husbandGivenName').fill(w.husband[1]);
    await label('clients.country').fill('Россия');
    await label('clients.city').fill('Екатеринбург');
    await label('clients.departureDate').fill('10.03.2021');
    await label('clients.lastRemittanceDate').fill('15.01.2023');
    await label('clients.maritalStatus').selectOption({ label: tr(lang, 'enum.maritalStatus.registered') });
    await page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony_abroad'), exact: true }).check();
    await label('consultations.advice').fill('Ариза дар бораи ситонидани алимент омода карда шуд.');
    await shot(page, lang, 'desk-filled');
    await page.getByRole('button', { name: tr(lang, 'desk.save') }).click();
    await expect(page.getByRole('status').getByText(tr(lang, 'desk.savedFor', { name }))).toBeVisible();
    const seen = page.getByRole('region', { name: new RegExp(tr(lang, 'desk.seenToday')) });
    await expect(seen.getByRole('link', { name })).toBeVisible();
    await expect(label('clients.surname')).toBeFocused();
    await expect(label('clients.surname')).toHaveValue('');
    await shot(page, lang, 'desk-saved');

    await page.goto(sessionUrl);
    await expect(page.getByText(tr(lang, 'enum.sessionStatus.conducted'), { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: tr(lang, 'enum.issue.alimony_abroad') })).toBeVisible();
    await shot(page, lang, 'session-conducted');

    // Her page: the household from the desk; add the two children on the client form.
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Россия, Екатеринбург')).toBeVisible();
    await page.getByRole('link', { name: tr(lang, 'common.edit'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'clients.editTitle') })).toBeVisible();
    for (const [i, child] of w.children.entries()) {
      await page.getByRole('button', { name: tr(lang, 'clients.addChild') }).click();
      const group = page.getByRole('group', { name: `${tr(lang, 'clients.child')} ${i + 1}`, exact: true });
      await group.getByLabel(tr(lang, 'clients.childGivenName'), { exact: true }).fill(child.givenName);
      await group.getByLabel(tr(lang, 'clients.childSurname'), { exact: true }).fill(w.husband[0]);
      await group.getByLabel(tr(lang, 'clients.childBirthDate'), { exact: true }).fill(child.birthDate);
      await group.getByLabel(tr(lang, 'clients.childSex'), { exact: true }).selectOption({ label: tr(lang, `enum.childSex.${child.sex}`) });
    }
    await shot(page, lang, 'client-form');
    await save(page, lang);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const children = page.getByRole('region', { name: tr(lang, 'clients.children'), exact: true });
    for (const child of w.children) await expect(children.getByRole('cell', { name: `${w.husband[0]} ${child.givenName}` })).toBeVisible();
    await expect(page.getByRole('region', { name: tr(lang, 'clients.consultations'), exact: true }).getByText(tr(lang, 'enum.issue.alimony_abroad'))).toBeVisible();
    await shot(page, lang, 'client-page');

    // An alimony case with a hearing today.
    await page.getByRole('link', { name: tr(lang, 'clients.newCase') }).click();
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'cases.newTitle') })).toBeVisible();
    await label('cases.type').selectOption({ label: tr(lang, 'enum.caseType.alimony_share') });
    await label('cases.courtName').fill('Суди ноҳияи Бобоҷон Ғафуров');
    await label('cases.courtCaseNumber').fill(w.courtCaseNumber);
    await label('cases.respondentName').fill(w.husband.join(' '));
    await shot(page, lang, 'case-form');
    await save(page, lang);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(tr(lang, 'enum.caseType.alimony_share')) })).toBeVisible();
    const hearing = page.getByRole('form', { name: tr(lang, 'cases.addHearing') });
    await hearing.getByLabel(tr(lang, 'cases.hearingDate'), { exact: true }).fill(todayTyped());
    await hearing.getByLabel(tr(lang, 'cases.hearingTime'), { exact: true }).fill('10:30');
    await hearing.getByLabel(tr(lang, 'cases.hearingPlace'), { exact: true }).fill('Толори 2');
    await hearing.getByRole('button', { name: tr(lang, 'cases.addHearing') }).click();
    const hearings = page.getByRole('region', { name: tr(lang, 'cases.hearings'), exact: true });
    await expect(hearings.getByRole('cell', { name: 'Толори 2' })).toBeVisible();
    await expect(hearings.getByText(tr(lang, 'cases.today'), { exact: true })).toBeVisible();
    await shot(page, lang, 'case-page');

    // The dashboard lists the hearing among today's.
    await goSection(page, lang, 'dashboard');
    const today = page.getByRole('region', { name: new RegExp(`^${tr(lang, 'dashboard2.hearingsToday')}`) });
    await expect(today.getByRole('link', { name })).toBeVisible();
    await expect(today.getByText(w.courtCaseNumber)).toBeVisible();
    await shot(page, lang, 'dashboard');

    // The global search finds her by the Latin spelling of her surname.
    await goSection(page, lang, 'cases');
    const search = page.getByRole('combobox', { name: tr(lang, 'search.label') });
    await search.fill(w.latin);
    await expect(page.getByRole('option', { name: new RegExp(`^${tr(lang, 'search.client')} ${name}`) })).toBeVisible();
    await expect(page.getByRole('option', { name: new RegExp(`^${tr(lang, 'search.case')} `) })).toBeVisible();
    await shot(page, lang, 'search');
    await search.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // The lists show her too.
    await goSection(page, lang, 'cases');
    await expect(page.getByRole('table', { name: tr(lang, 'cases.listLabel') }).getByText(name)).toBeVisible();
    await shot(page, lang, 'cases-list');
    await goSection(page, lang, 'consultations');
    await expect(page.getByRole('table', { name: tr(lang, 'consultations.listLabel') }).getByText(name)).toBeVisible();
    await shot(page, lang, 'consultations-list');
  });
}

test('hostile text is shown literally, and erasing a client removes her name from the list', async ({ page, app }) => {
  const lang: Lang = 'tg';
  const label = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  const hostile = { surname: "'; DROP TABLE clients; --", givenName: '<script>alert(1)</script>', patronymic: '=HYPERLINK("x")' };
  const full = `${hostile.surname} ${hostile.givenName} ${hostile.patronymic}`;
  await openApp(page, app, lang);
  await ensureOwnContactPoint(page, lang);

  await goSection(page, lang, 'clients');
  await page.getByRole('link', { name: tr(lang, 'clients.new') }).click();
  await label('clients.surname').fill(hostile.surname);
  await label('clients.givenName').fill(hostile.givenName);
  await label('clients.patronymic').fill(hostile.patronymic);
  await label('clients.age').fill('34');
  await label('common.notes').fill(`<img src=x onerror=alert(2)> ${full}`);
  await save(page, lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(full);
  const identity = page.getByRole('region', { name: tr(lang, 'clients.identity') });
  await expect(identity.getByText(hostile.givenName, { exact: true })).toBeVisible();
  await expect(page.getByText(`<img src=x onerror=alert(2)> ${full}`, { exact: true })).toBeVisible();
  await expect(page.locator('script:not([src]), img[src="x"]')).toHaveCount(0);
  await shot(page, lang, 'client-hostile');

  // The lists and the search show the same text, and the database is still there.
  await goSection(page, lang, 'clients');
  const list = page.getByRole('table', { name: tr(lang, 'clients.listLabel') });
  await page.getByRole('search', { name: tr(lang, 'clients.title') }).getByLabel(tr(lang, 'common.search')).fill('DROP TABLE');
  await expect(list.getByText(full)).toBeVisible();
  await list.getByText(full).click();

  // Erase her personal data: confirm, then the page shows what is left.
  await page.getByRole('button', { name: tr(lang, 'security.erase.button') }).click();
  const dialog = page.getByRole('dialog', { name: tr(lang, 'security.erase.button') });
  await expect(dialog.getByText(tr(lang, 'security.erase.confirm'))).toBeVisible();
  await shot(page, lang, 'erase-confirm');
  await dialog.getByRole('button', { name: tr(lang, 'security.erase.button') }).click();
  await expect(page.getByRole('status').getByText(tr(lang, 'security.erase.done'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('—');
  await expect(page.getByRole('button', { name: tr(lang, 'security.erase.button') })).toHaveCount(0);
  await expect(page.getByText(hostile.givenName)).toHaveCount(0);
  await shot(page, lang, 'client-erased');

  await goSection(page, lang, 'clients');
  // Her record stays (her consultations count anonymously) but under the erased mark only.
  await expect(list.getByRole('cell', { name: '—', exact: true }).first()).toBeVisible();
  await expect(list.getByText(hostile.surname)).toHaveCount(0);
  await page.getByRole('search', { name: tr(lang, 'clients.title') }).getByLabel(tr(lang, 'common.search')).fill('DROP TABLE');
  await expect(page.getByText(tr(lang, 'table.empty'))).toBeVisible();
});
