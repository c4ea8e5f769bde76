import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { ensureOwnContactPoint, openApp, planSession, SHOTS, tr, type Lang } from './support/caseSteps';
import { expect, test } from './support/fixtures';

// The session desk as a lawyer types into it at a village session, on a 1366×768 laptop: a date that
// does not exist is called that, the children are registered with their mother, the issue grid is one
// Tab stop crossed with arrows and letters, the shortcuts are shown where they work, and the place of
// the session names each of its words once.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

/** The session's page (its place, and the link to its form). */
let sessionUrl = '';
let deskUrl = '';

/** What the person sees: the window as it is. */
async function view(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
}

/**
 * Keys pressed one by one on a Russian or Tajik layout, as the browser reports them to the page
 * (Playwright's keyboard knows only the US layout: for Cyrillic it would insert text without a key).
 */
async function press(page: Page, letters: string, modifiers: { altKey?: boolean } = {}): Promise<void> {
  for (const ch of letters) await page.locator(':focus').dispatchEvent('keydown', { key: ch, ...modifiers });
}

async function openDesk(page: Page, lang: Lang) {
  await page.goto(deskUrl);
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  await expect(field('clients.surname')).toBeFocused();
  return field;
}

/** Escape, then yes: the desk is empty again for the next test. */
async function clearDesk(page: Page, lang: Lang) {
  await page.getByLabel(tr(lang, 'clients.surname'), { exact: true }).press('Escape');
  const dialog = page.getByRole('dialog', { name: tr(lang, 'workday.clearTitle') });
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: tr(lang, 'workday.clearConfirm') }).click();
  await expect(page.getByLabel(tr(lang, 'clients.surname'), { exact: true })).toHaveValue('');
}

test('setting up: the contact point and a session for today, its village and jamoat typed with their words', async ({ page, app }) => {
  await openApp(page, app, 'tg');
  await ensureOwnContactPoint(page, 'tg');
  // The planning form is filled as an old habit would: «Деҳаи Ёва», «Ҷамоати Ғафуров».
  sessionUrl = await planSession(page, 'tg', 'Деҳаи Ёва');
  await page.getByRole('link', { name: tr('tg', 'sessions.openDesk') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('tg', 'desk.title') })).toBeVisible();
  deskUrl = page.url();
});

for (const lang of ['tg', 'ru'] as const) {
  test(`a place prints each of its words once, and the form shows the word beside the name (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await openDesk(page, lang);
    const village = lang === 'tg' ? 'деҳаи Ёва' : 'с. Ёва';
    const jamoat = lang === 'tg' ? 'ҷамоати Ғафуров' : 'джамоат Ғафуров';
    await expect(page.getByText(`${village}, ${jamoat}`)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/деҳаи\s+деҳаи|ҷамоати\s+ҷамоати|с\.\s+деҳаи|джамоат\s+ҷамоати/i);
    await view(page, lang, 'desk-place');

    await page.goto(sessionUrl);
    await expect(page.getByText(`${village}, ${jamoat}`)).toBeVisible();
    await view(page, lang, 'session-place');
    await page.getByRole('link', { name: tr(lang, 'common.edit'), exact: true }).click();
    const villageField = page.getByLabel(tr(lang, 'sessions.village'), { exact: true });
    await expect(villageField).toHaveValue('Ёва');
    await expect(page.getByLabel(tr(lang, 'sessions.jamoat'), { exact: true })).toHaveValue('Ғафуров');
    const word = page.locator('.field', { has: villageField }).locator('.field__affix');
    await expect(word).toHaveText(lang === 'tg' ? 'деҳаи' : 'с.');
    await villageField.scrollIntoViewIfNeeded();
    await view(page, lang, 'session-place-words');
  });

  test(`a date that does not exist is called that, beside the field (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const field = await openDesk(page, lang);
    await field('clients.surname').fill('Каримова');
    await field('clients.givenName').fill('Мадина');
    await page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true }).check();
    const birth = field('clients.birthDate');
    await birth.fill('31.02.1990');
    await birth.press('Enter');
    await expect(birth).toBeFocused();
    const box = page.locator('.field', { has: birth });
    await expect(box.locator('.field__error')).toHaveText(tr(lang, 'validation.noSuchDay', { days: 28 }));
    await expect(page.getByText(tr(lang, 'validation.futureDate'))).toHaveCount(0);
    await view(page, lang, 'desk-no-such-day');
    // A day of 21 or more in a month that does not exist is not "in the future" either.
    await birth.fill('25.13.1990');
    await birth.press('Enter');
    await expect(box.locator('.field__error')).toHaveText(tr(lang, 'validation.invalidDate'));
    await clearDesk(page, lang);
  });

  test(`children are registered at the desk with their mother (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const field = await openDesk(page, lang);
    const [surname, given] = lang === 'tg' ? ['Ҳасанова', 'Зулфия'] : ['Ҳакимова', 'Шоира'];
    await field('clients.surname').fill(surname);
    await field('clients.givenName').fill(given);
    await field('clients.birthDate').fill('12.05.1991');
    const add = page.getByRole('button', { name: tr(lang, 'clients.addChild'), exact: true });
    await add.click();
    const first = page.getByRole('group', { name: `${tr(lang, 'clients.child')} 1`, exact: true });
    await expect(first.getByLabel(tr(lang, 'clients.childName'), { exact: true })).toBeFocused();
    await page.keyboard.type('Зарина');
    await first.getByLabel(tr(lang, 'clients.childBirthDate'), { exact: true }).fill('02.03.2019');
    await first.getByLabel(tr(lang, 'clients.childSex'), { exact: true }).selectOption('F');
    await first.getByLabel(tr(lang, 'clients.hasBirthCertificate'), { exact: true }).selectOption('no');
    // A second row added by mistake goes again.
    await add.click();
    const second = page.getByRole('group', { name: `${tr(lang, 'clients.child')} 2`, exact: true });
    await expect(second).toBeVisible();
    await first.scrollIntoViewIfNeeded();
    await view(page, lang, 'desk-children');
    await page.getByRole('button', { name: `${tr(lang, 'common.remove')}: ${tr(lang, 'clients.child')} 2`, exact: true }).click();
    await expect(second).toHaveCount(0);
    await expect(add).toBeFocused();
    await page.getByRole('checkbox', { name: tr(lang, 'enum.issue.birth_certificate'), exact: true }).check();
    await field('clients.surname').press('Enter');
    await expect(field('clients.surname')).toHaveValue('');

    await page.locator('.desk__seen').getByRole('link', { name: new RegExp(surname) }).first().click();
    const children = page.locator('section', { has: page.getByRole('heading', { name: tr(lang, 'clients.children'), exact: true }) });
    const row = children.getByRole('row', { name: /Зарина/ });
    await expect(row).toContainText('02.03.2019');
    await expect(row).toContainText(tr(lang, 'enum.childSex.F'));
    await expect(row).toContainText(tr(lang, 'common.no'));
    await row.scrollIntoViewIfNeeded();
    await view(page, lang, 'client-children-from-desk');
  });

  test(`the issue grid is one Tab stop, crossed with arrows and first letters (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await openDesk(page, lang);
    const issue = (code: string) => page.getByRole('checkbox', { name: tr(lang, `enum.issue.${code}`), exact: true });
    const grid = page.locator('fieldset.checkbox-group', { has: issue('alimony') });
    await expect(grid.locator('input[type=checkbox][tabindex="0"]')).toHaveCount(1);
    await expect(grid.getByText(tr(lang, 'common.gridKeys'))).toBeVisible();
    await issue('alimony').focus();
    await page.keyboard.press('ArrowRight');
    await expect(issue('alimony_abroad')).toBeFocused();
    await page.keyboard.press('End');
    await expect(issue('other')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(issue('alimony')).toBeFocused();
    // Letters jump: Tajik «ме» → «Мерос»; Russian «ро» → «Розыск…»; a Russian key finds a Tajik letter (к → қ).
    const [letters, target] = lang === 'tg' ? ['ме', 'inheritance'] : ['ро', 'search_missing'];
    await press(page, letters);
    await expect(issue(target)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(issue(target)).toBeChecked();
    if (lang === 'tg') {
      await page.keyboard.press('Home');
      await press(page, 'ка');
      await expect(issue('interest_free_loan')).toBeFocused();
      await press(page, 'ме');
      await expect(issue('inheritance')).toBeFocused();
    }
    await view(page, lang, 'desk-issue-grid');
    // One Tab leaves the grid for the next field; Shift+Tab comes back to the issue last visited.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(tr(lang, 'consultations.kind'), { exact: true })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(issue(target)).toBeFocused();
    await clearDesk(page, lang);
  });

  test(`the keyboard shortcuts are shown where they work (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const field = await openDesk(page, lang);
    // The letter bar shows each letter's Alt key on the letter itself, and what Shift does.
    const bar = page.getByRole('toolbar', { name: tr(lang, 'palette.label') });
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('button', { name: tr(lang, 'palette.insert', { letter: 'ҳ' }) })).toContainText('Alt+х');
    await expect(bar.getByRole('button', { name: tr(lang, 'palette.insert', { letter: 'ҷ' }) })).toContainText('Alt+ч');
    await expect(bar.getByText(tr(lang, 'palette.shiftHint'))).toBeVisible();
    await page.keyboard.type('Ра');
    await press(page, 'х', { altKey: true });
    await page.keyboard.type('имова');
    await expect(field('clients.surname')).toHaveValue('Раҳимова');
    // The desk says the same above the form, and the save bar shows Enter and Esc on its buttons.
    await expect(page.locator('#desk-keys')).toHaveText(tr(lang, 'desk.keyboard'));
    await expect(page.locator('#desk-keys')).toContainText('Alt + г и к у х ч');
    await expect(page.locator('.desk__bar .kbd', { hasText: 'Enter' })).toBeInViewport();
    await expect(page.locator('.desk__bar .kbd', { hasText: 'Esc' })).toBeInViewport();
    await view(page, lang, 'desk-shortcuts');
    await clearDesk(page, lang);
  });
}
