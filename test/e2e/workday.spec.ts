import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { UserRole } from '../../shared/domain/enums';
import { ensureOwnContactPoint, goSection, openApp, planSession, SHOTS, tr, type Lang } from './support/caseSteps';
import { api, signInAs } from './support/bridge';
import { ADMIN, expect, test } from './support/fixtures';

// A working day on a cheap laptop (1366×768): a refused save shows its reason where the eye is, a
// half-typed intake survives the idle lock and a closed window, Escape asks before wiping the desk,
// fixed bars never cover the field being typed in, and each role sees only what it can do.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const PASS = 'a long enough password 1';

/** What the person sees: the window as it is, not the whole page. */
async function view(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
}

/** The element is inside the window and no fixed bar (top bar, save bar, letter bar) lies over it. */
async function expectClearOfBars(target: Locator): Promise<void> {
  const overlap = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const outside = box.top < 0 || box.bottom > el.ownerDocument.defaultView!.innerHeight;
    const covering = [...el.ownerDocument.querySelectorAll('[data-fixed-bar], .letter-palette, .desk__bar, .topbar')]
      .filter((bar) => !bar.contains(el))
      .map((bar) => bar.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top);
    return { outside, covered: covering.length };
  });
  expect(overlap).toEqual({ outside: false, covered: 0 });
}


let deskUrl = '';
let caseId = '';
let clientId = '';

test('setting up: the contact point, a session for today, a client with a case, and one user per role', async ({ page, app }) => {
  await openApp(page, app, 'tg');
  await ensureOwnContactPoint(page, 'tg');
  await planSession(page, 'tg', 'Деҳаи Ёва');
  await page.getByRole('link', { name: tr('tg', 'sessions.openDesk') }).click();
  await expect(page.getByRole('heading', { level: 1, name: tr('tg', 'desk.title') })).toBeVisible();
  deskUrl = page.url();
  const saved = await api<{ client: { id: string } }>(page, 'clients:save', {
    surname: 'Раҳимова',
    givenName: 'Гулнора',
    sex: 'F',
    birthDate: '1990-05-15',
    phones: [],
    household: null,
    children: [],
  });
  clientId = saved.client.id;
  const status = await api<{ installation: { contactPointId: string } }>(page, 'app:status', {});
  const opened = await api<{ case: { id: string } }>(page, 'cases:save', {
    clientId,
    caseType: 'alimony_share',
    openedOn: '2026-01-10',
    contactPointId: status.installation.contactPointId,
  });
  caseId = opened.case.id;
  for (const role of ['lawyer', 'paralegal', 'analyst', 'readonly'] as UserRole[]) {
    await api(page, 'users:create', { username: `u-${role}`, displayName: `User ${role}`, role, password: PASS, passwordConfirm: PASS });
  }
});

for (const lang of ['tg', 'ru'] as const) {
  test(`a refused save at the desk takes the eye to the problem (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await page.goto(deskUrl);
    const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
    await expect(field('clients.surname')).toBeFocused();
    await page.keyboard.type('Каримова');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Мадина');
    await field('clients.birthDate').fill('12.05.1991');
    await field('clients.surname').focus();
    // No issue ticked: Enter moves the focus to the issues, with their message in view, and the summary
    // sits by the save button.
    await page.keyboard.press('Enter');
    const firstIssue = page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true });
    await expect(firstIssue).toBeFocused();
    await expectClearOfBars(firstIssue);
    const message = page.locator('.checkbox-group.field--invalid .field__error');
    await expect(message).toBeInViewport();
    const summary = page.locator('.desk__bar').getByText(tr(lang, 'workday.fixFields', { count: 1 }));
    await expect(summary).toBeInViewport();
    await view(page, lang, 'desk-refused-no-issue');
    // Escape asks first; cancelling keeps what was typed.
    await page.keyboard.press('Escape');
    const dialog = page.getByRole('dialog', { name: tr(lang, 'workday.clearTitle') });
    await expect(dialog).toBeVisible();
    await view(page, lang, 'desk-clear-asks');
    await dialog.getByRole('button', { name: tr(lang, 'common.cancel') }).click();
    await expect(field('clients.surname')).toHaveValue('Каримова');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: tr(lang, 'workday.clearConfirm') }).click();
    await expect(field('clients.surname')).toHaveValue('');
  });
}

for (const lang of ['tg', 'ru'] as const) {
  test(`a half-typed intake survives the idle lock and a closed window (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await page.goto(deskUrl);
    const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
    await field('clients.surname').fill('Назарова');
    await field('clients.givenName').fill('Шаҳло');
    await field('clients.city').fill('Екатеринбург');
    await page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true }).check();
    // Kept in the database as she types.
    const formKey = `desk:${deskUrl.split('/').at(-2)}`;
    await expect
      .poll(async () => (await api<{ draft: { values: { desk: { city: string; issues: string[] } } } | null }>(page, 'drafts:get', { formKey })).draft?.values.desk)
      .toMatchObject({ city: 'Екатеринбург', issues: ['alimony'] });
    // The lock (as the idle clock does it), then unlocking: the entry is back, with a note.
    await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    await page.locator('form input[type=password]').fill(ADMIN.passphrase);
    await page.locator('form input[type=password]').press('Enter');
    await expect(field('clients.surname')).toHaveValue('Назарова');
    await expect(field('clients.city')).toHaveValue('Екатеринбург');
    await expect(page.getByRole('checkbox', { name: tr(lang, 'enum.issue.alimony'), exact: true })).toBeChecked();
    const note = page.locator('.draft-note');
    const said = tr(lang, 'workday.draftRestored', { time: '@' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('@', '\\d\\d:\\d\\d');
    await expect(note).toContainText(new RegExp(said));
    await view(page, lang, 'desk-restored');

    // A closed window (or a crash): a new page, signed in again, finds the same entry.
    await openApp(page, app, lang);
    await page.goto(deskUrl);
    await expect(field('clients.givenName')).toHaveValue('Шаҳло');
    // Discarded on request: gone for good.
    await note.getByRole('button', { name: tr(lang, 'workday.draftDiscard') }).click();
    await expect(field('clients.surname')).toHaveValue('');
    await openApp(page, app, lang);
    await page.goto(deskUrl);
    await expect(field('clients.surname')).toBeFocused();
    await expect(field('clients.surname')).toHaveValue('');
    await expect(page.getByText(tr(lang, 'workday.draftDiscard'))).toHaveCount(0);
  });
}

test('a client record begun before a lock comes back (tg)', async ({ page, app }) => {
  const lang: Lang = 'tg';
  await openApp(page, app, lang);
  await page.goto(`${new URL(deskUrl).origin}/#/clients/new`);
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  await field('clients.surname').fill('Юсупова');
  await field('clients.givenName').fill('Дилором');
  await expect.poll(async () => (await api<{ draft: { values: { surname: string } } | null }>(page, 'drafts:get', { formKey: 'client:new' })).draft?.values.surname).toBe('Юсупова');
  await openApp(page, app, lang);
  await page.goto(`${new URL(deskUrl).origin}/#/clients/new`);
  await expect(field('clients.givenName')).toHaveValue('Дилором');
  await view(page, lang, 'client-restored');
});

/** A window on a 1366×768 screen: the title bar and the task bar take their share of the height. */
const LAPTOP_WINDOW = { width: 1366, height: 720 };

test('Tab in Russian never lands under the save bar or the letter bar (ru)', async ({ page, app }) => {
  const lang: Lang = 'ru';
  await openApp(page, app, lang);
  await page.setViewportSize(LAPTOP_WINDOW);
  await page.goto(deskUrl);
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  await field('clients.surname').focus();
  await page.evaluate('window.scrollTo(0, 0)');
  for (const key of ['clients.city', 'clients.departureDate', 'clients.lastRemittanceDate', 'consultations.advice']) {
    const target = field(key);
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await expect(page.locator('.letter-palette')).toBeVisible();
    await expectClearOfBars(target);
    if (key === 'clients.lastRemittanceDate') await view(page, lang, 'desk-tab-remittance');
  }
});

for (const lang of ['tg', 'ru'] as const) {
  test(`the filing wizard's fields stay clear of the letter bar (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await page.setViewportSize(LAPTOP_WINDOW);
    await page.goto(`${new URL(deskUrl).origin}/#/filings/new/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(tr(lang, 'filings.wizardTitle', { number: '' }).trim().split(' ')[0]!) })).toBeVisible();
    const inputs = page.locator('.filing-wizard input[type=text], .filing-wizard input:not([type]), .filing-wizard textarea');
    await expect(inputs.first()).toBeVisible();
    const count = await inputs.count();
    expect(count).toBeGreaterThan(1);
    await inputs.first().focus();
    let checked = 0;
    for (let i = 0; i < 60 && checked < count; i++) {
      const focused = page.locator(':focus');
      if (await focused.evaluate((el) => el.matches('input[type=text], input:not([type]), textarea'))) {
        await expect(page.locator('.letter-palette')).toBeVisible();
        await expectClearOfBars(focused);
        checked++;
        if (checked === count) await view(page, lang, 'filing-last-field');
      }
      await page.keyboard.press('Tab');
    }
    expect(checked).toBe(count);
  });
}

test('each role starts on its own page and is offered only what it may do', async ({ page, app }) => {
  const lang: Lang = 'ru';
  await openApp(page, app, lang);
  const h1 = (key: string) => page.getByRole('heading', { level: 1, name: tr(lang, key) });
  const nav = page.getByRole('navigation');
  const origin = new URL(deskUrl).origin;

  // The analyst: the reports, no client screens at all, no import of registers.
  await signInAs(page, lang, 'u-analyst', PASS);
  await expect(h1('reports.title')).toBeVisible();
  for (const section of ['dashboard', 'clients', 'consultations', 'cases', 'mobileSessions', 'filings']) {
    await expect(nav.getByRole('link', { name: tr(lang, `nav.${section}`), exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: tr(lang, 'reports.import.open') })).toHaveCount(0);
  await view(page, lang, 'role-analyst-start');
  // An address typed by hand leads back to the reports, not to a "not allowed" page.
  await page.goto(`${origin}/#/clients`);
  await expect(h1('reports.title')).toBeVisible();

  // The paralegal: filings to prepare first; may open cases and clients, but no merge or erasure.
  await signInAs(page, lang, 'u-paralegal', PASS);
  await expect(h1('filings.title')).toBeVisible();
  await expect(page.getByRole('link', { name: tr(lang, 'filings.prepare') }).first()).toBeVisible();
  await view(page, lang, 'role-paralegal-start');
  await page.goto(`${origin}/#/clients/${clientId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Раҳимова Гулнора/ })).toBeVisible();
  await expect(page.getByRole('link', { name: tr(lang, 'common.edit') })).toBeVisible();
  await expect(page.getByRole('button', { name: tr(lang, 'clients.merge') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: tr(lang, 'security.erase.button') })).toHaveCount(0);

  // Read-only: today's work to look at, no write buttons anywhere it goes.
  await signInAs(page, lang, 'u-readonly', PASS);
  await expect(h1('dashboard.title')).toBeVisible();
  await expect(page.getByRole('link', { name: tr(lang, 'clients.new') })).toHaveCount(0);
  await expect(page.getByRole('link', { name: tr(lang, 'consultations.new') })).toHaveCount(0);
  await page.goto(`${origin}/#/clients/${clientId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Раҳимова Гулнора/ })).toBeVisible();
  for (const name of ['clients.newConsultation', 'clients.newCase', 'common.edit']) {
    await expect(page.getByRole('link', { name: tr(lang, name) })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: tr(lang, 'clients.merge') })).toHaveCount(0);
  await view(page, lang, 'role-readonly-client');
  await goSection(page, lang, 'cases');
  await page.goto(`${origin}/#/cases/${caseId}`);
  await expect(page.getByRole('link', { name: tr(lang, 'filings.prepare') })).toHaveCount(0);
  await expect(page.getByRole('form', { name: tr(lang, 'cases.addHearing') })).toHaveCount(0);

  // The lawyer: today's work, with the buttons to do it.
  await signInAs(page, lang, 'u-lawyer', PASS);
  await expect(h1('dashboard.title')).toBeVisible();
  await expect(page.getByRole('link', { name: tr(lang, 'clients.new') })).toBeVisible();
  await view(page, lang, 'role-lawyer-start');
  await page.goto(`${origin}/#/clients/${clientId}`);
  await expect(page.getByRole('button', { name: tr(lang, 'clients.merge') })).toBeVisible();
});
