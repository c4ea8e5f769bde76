import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { ensureOwnContactPoint, goSection, openApp, planSession, shot, tr, type Lang } from './support/caseSteps';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';

// Axe-core finds no serious or critical violation on the main screens (in Tajik, the
// default, and in Russian), and the whole session-desk flow works from the keyboard alone.

test.describe.configure({ mode: 'serial' });

/** Presses Tab (at most `max` times) until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

let deskUrl = '';

test('the setup screen has no serious accessibility problem', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Эҷоди пойгоҳ' })).toBeVisible();
  await expectAccessible(page, 'setup');
  await createDatabase(page, app);
});

test('the session desk is filled and saved with the keyboard alone', async ({ page, app }) => {
  const lang: Lang = 'tg';
  await openApp(page, app, lang);
  await ensureOwnContactPoint(page, lang);
  await planSession(page, lang, 'Деҳаи Ёва');
  await page.getByRole('link', { name: tr(lang, 'sessions.openDesk') }).click();
  deskUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'desk.title') })).toBeVisible();
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });

  // The surname has the focus when the desk opens; from there on only keys.
  await expect(field('clients.surname')).toBeFocused();
  await page.keyboard.type('Назарова');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Шаҳло');
  await tabTo(page, field('clients.birthDate'));
  await page.keyboard.type('02.04.1995');
  await tabTo(page, field('clients.phone'));
  await page.keyboard.type('918 44 55 66');
  await tabTo(page, page.getByRole('checkbox', { name: tr(lang, 'desk.consentOral') }));
  await page.keyboard.press('Space');
  await tabTo(page, field('desk.husbandSurname'));
  await page.keyboard.type('Назаров');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ҷамшед');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Россия');
  await tabTo(page, field('clients.departureDate'));
  await page.keyboard.type('01.02.2022');
  await tabTo(page, page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, field('consultations.advice'), 30);
  await page.keyboard.type('Ба суд ариза');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('дар бораи алимент.');

  await expect(page.getByRole('checkbox', { name: tr(lang, 'desk.consentOral') })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true })).toBeChecked();
  await expectAccessible(page, 'session desk (filled)');
  await shot(page, lang, 'desk-keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText(tr(lang, 'desk.savedFor', { name: 'Назарова Шаҳло' }))).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(tr(lang, 'desk.seenToday')) }).getByRole('link', { name: 'Назарова Шаҳло' })).toBeVisible();
  // Ready for the next woman: cleared, focus on the surname; Escape clears a half-typed entry once
  // confirmed from the keyboard.
  await expect(field('clients.surname')).toBeFocused();
  await expect(field('consultations.advice')).toHaveValue('');
  await page.keyboard.type('Каримова');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: tr(lang, 'workday.clearTitle') })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(field('clients.surname')).toHaveValue('');
  await expect(field('clients.surname')).toBeFocused();
});

for (const lang of ['tg', 'ru'] as const) {
  test(`the main screens have no serious accessibility problem (${lang})`, async ({ page, app }) => {
    test.setTimeout(90_000);
    await openApp(page, app, lang);
    const h1 = (name: string | RegExp) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    await h1(tr(lang, 'dashboard.title'));
    await expectAccessible(page, 'dashboard');

    for (const [section, title] of [
      ['clients', 'clients.title'],
      ['consultations', 'consultations.title'],
      ['cases', 'cases.title'],
      ['mobileSessions', 'sessions.title'],
      ['contactPoints', 'contactPoints.title'],
      ['reports', 'reports.title'],
      ['settings', 'settings.title'],
    ] as const) {
      await goSection(page, lang, section);
      await h1(tr(lang, title));
      await expectAccessible(page, section);
    }

    await goSection(page, lang, 'clients');
    await page.getByRole('link', { name: tr(lang, 'clients.new') }).click();
    await h1(tr(lang, 'clients.newTitle'));
    await page.getByRole('button', { name: tr(lang, 'clients.addChild') }).click();
    await expectAccessible(page, 'client form');

    expect(deskUrl).not.toBe('');
    await page.goto(deskUrl);
    await h1(tr(lang, 'desk.title'));
    await expectAccessible(page, 'session desk');

    await page.getByRole('link', { name: 'Назарова Шаҳло' }).click();
    await h1('Назарова Шаҳло');
    await expectAccessible(page, 'client page');

    const caseLink = page.getByRole('region', { name: tr(lang, 'clients.cases'), exact: true }).getByRole('link').first();
    if (!(await caseLink.isVisible())) {
      await page.getByRole('link', { name: tr(lang, 'clients.newCase') }).click();
      await page.getByLabel(tr(lang, 'cases.type'), { exact: true }).selectOption({ label: tr(lang, 'enum.caseType.paternity') });
      await page.getByRole('button', { name: tr(lang, 'common.save'), exact: true }).click();
    } else await caseLink.click();
    await h1(new RegExp(tr(lang, 'enum.caseType.paternity')));
    await expectAccessible(page, 'case page');

    // The unlock screen, last: lock, check, unlock again.
    await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    await expect(page.getByRole('heading', { name: tr(lang, 'unlock.title') })).toBeVisible();
    await expectAccessible(page, 'unlock');
    await page.getByLabel(tr(lang, 'unlock.passphrase')).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: tr(lang, 'unlock.submit') }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
  });
}
