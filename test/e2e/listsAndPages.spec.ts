import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { api } from './support/bridge';
import { SHOTS, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, startServer, test } from './support/fixtures';
import { goSection, openApp } from './support/caseSteps';

// Lists and pages as a lawyer moves between them: the first run creates the contact point it names, a
// filtered list lives in its address (bookmarked, reloaded, opened from the dashboard), the Filings
// screen finds any case, each new page starts at the top while Back returns to where it was, a
// planned session survives a lock, and a read-only user cannot type her way onto the desk.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const PASS = 'a long enough password 1';

/** The page's window as these tests use it (the spec is type-checked without the DOM's types). */
interface Win {
  scrollY: number;
  scrollTo: (x: number, y: number) => void;
  document: { documentElement: { scrollHeight: number }; querySelector: (selector: string) => { click: () => void } | null };
}
const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as Win).scrollY);

/** What the person sees: the window as it is. */
async function view(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
}

const isoDaysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The first-run screen filled in as a contact point, in `lang`. */
async function firstRun(page: Page, url: string, lang: Lang, code: string): Promise<void> {
  await page.goto(url);
  if (lang !== 'tg') await page.getByRole('button', { name: tr(lang, `language.${lang}`), exact: true }).first().click();
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  await field('setup.installationName').fill(ADMIN.installation);
  await expect(page.getByLabel(tr(lang, 'setup.kindContactPoint'))).toBeChecked();
  await field('setup.contactPointCode').fill(code);
  await field('common.region').selectOption({ index: 1 });
  await field('common.district').selectOption({ index: 1 });
  await field('setup.establishedOn').fill('01.03.2024');
  await field('setup.displayName').fill(ADMIN.name);
  await field('setup.username').fill(ADMIN.username);
  await field('setup.passphrase').fill(ADMIN.passphrase);
  await field('setup.passphraseConfirm').fill(ADMIN.passphrase);
  await view(page, lang, 'first-run-contact-point');
  await page.getByRole('button', { name: tr(lang, 'setup.submit') }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  // The contact point is there, and it is this installation's own.
  await goSection(page, lang, 'contactPoints');
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText(ADMIN.installation);
  await expect(row.getByText(tr(lang, 'contactPoints.isThisInstallation'), { exact: true })).toBeVisible();
  await view(page, lang, 'first-run-contact-point-created');
}

const ids = { zarina: '', nodira: '', overdueCase: '', otherCase: '', oldCase: '', session: '', lawyer: '' };

test('the first run creates the contact point it names and makes it this installation\'s own (tg)', async ({ page, app }) => {
  await firstRun(page, app.url, 'tg', 'KHJ-01');
});

test('the first run in Russian creates the contact point too (ru)', async ({ page }) => {
  const server = await startServer();
  try {
    await firstRun(page, server.url, 'ru', 'VHD-02');
  } finally {
    server.stop();
  }
});

test('setting up: a lawyer, clients with consultations, cases (one overdue), and more than 200 open cases', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openApp(page, app, 'tg');
  ids.lawyer = (await api<{ id: string }>(page, 'users:create', { username: 'karim', displayName: 'Каримов Фарҳод', role: 'lawyer', password: PASS, passwordConfirm: PASS })).id;
  await api(page, 'users:create', { username: 'u-readonly', displayName: 'Танҳо барои дидан', role: 'readonly', password: PASS, passwordConfirm: PASS });
  const client = async (surname: string, givenName: string, household: unknown) =>
    (await api<{ client: { id: string } }>(page, 'clients:save', { surname, givenName, sex: 'F', birthDate: '1990-05-15', phones: [], household, children: [] })).client.id;
  ids.zarina = await client('Ҳасанова', 'Зарина', { relation: 'wife', departureDate: isoDaysAgo(400) });
  ids.nodira = await client('Саидова', 'Нодира', null);
  await api(page, 'consultations:save', { clientId: ids.zarina, date: isoDaysAgo(3), venueKind: 'contact_point', issues: ['alimony'], lawyerUserId: ids.lawyer });
  await api(page, 'consultations:save', { clientId: ids.nodira, date: isoDaysAgo(2), venueKind: 'contact_point', issues: ['inheritance'] });
  const opened = async (clientId: string, caseType: string, openedOn: string, responsibleUserId: string | null = null) =>
    (await api<{ case: { id: string } }>(page, 'cases:save', { clientId, caseType, openedOn, responsibleUserId })).case.id;
  // The oldest case of all: the Filings screen used to show only the newest 200.
  ids.oldCase = await opened(ids.nodira, 'inheritance', '2024-03-02');
  ids.overdueCase = await opened(ids.zarina, 'alimony_share', isoDaysAgo(30), ids.lawyer);
  ids.otherCase = await opened(ids.zarina, 'paternity', isoDaysAgo(20));
  await api(page, 'cases:saveTask', { caseId: ids.overdueCase, title: 'Нусхаи шаҳодатнома гирифтан', dueOn: isoDaysAgo(1) });
  const filler = await client('Назарова', 'Гулнора', null);
  for (let i = 0; i < 205; i++) await opened(filler, 'alimony_fixed_sum', isoDaysAgo(i % 300));
  ids.session = (await api<{ session: { id: string } }>(page, 'mobileSessions:save', { date: isoDaysAgo(0), districtId: 'su-khujand', jamoat: 'Ғафуров', village: 'Деҳаи Ёва', team: [] })).session.id;
});

for (const lang of ['tg', 'ru'] as const) {
  test(`a filtered list lives in its address: bookmarked, reloaded and opened from the dashboard (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const origin = new URL(app.url).origin;
    // The dashboard's link opens the overdue cases.
    await page.getByRole('link', { name: tr(lang, 'listFilters.overdueCasesLink') }).click();
    await expect(page).toHaveURL(/#\/cases\?overdue=1$/);
    const table = page.getByRole('table', { name: tr(lang, 'cases.listLabel') });
    await expect(table.getByRole('row', { name: /Ҳасанова Зарина/ })).toHaveCount(1);
    await expect(page.getByLabel(tr(lang, 'listFilters.deadlines'), { exact: true })).toHaveValue('1');
    await expect(page.getByText(tr(lang, 'listFilters.overdueRule'))).toBeVisible();
    await view(page, lang, 'cases-overdue-filter');
    // Choosing a lawyer adds to the address; a reload keeps the list as it was.
    await page.getByLabel(tr(lang, 'listFilters.lawyer'), { exact: true }).selectOption({ label: 'Каримов Фарҳод' });
    await expect(page).toHaveURL(new RegExp(`overdue=1&lawyer=${ids.lawyer}`));
    await page.reload();
    await expect(page.getByLabel(tr(lang, 'listFilters.lawyer'), { exact: true })).toHaveValue(ids.lawyer);
    await expect(table.getByRole('row', { name: /Ҳасанова Зарина/ })).toHaveCount(1);
    // A bookmark of the clients without support, by issue.
    await page.goto(`${origin}/#/clients?abandoned=1&issue=alimony`);
    const clients = page.getByRole('table', { name: tr(lang, 'clients.listLabel') });
    await expect(clients.getByRole('row', { name: /Ҳасанова Зарина/ })).toBeVisible();
    await expect(clients.getByRole('row', { name: /Саидова/ })).toHaveCount(0);
    await expect(page.getByLabel(tr(lang, 'listFilters.withoutSupport'), { exact: true })).toHaveValue('1');
    await view(page, lang, 'clients-without-support-filter');
    // Choosing another issue on screen rewrites the address.
    await page.getByLabel(tr(lang, 'listFilters.issue'), { exact: true }).selectOption('inheritance');
    await expect(page).toHaveURL(/issue=inheritance/);
    await expect(page.getByText(tr(lang, 'table.empty'))).toBeVisible();
    // Consultations by issue and lawyer, from an address.
    await page.goto(`${origin}/#/consultations?issue=inheritance`);
    const consultations = page.getByRole('table', { name: tr(lang, 'consultations.listLabel') });
    await expect(consultations.getByRole('row', { name: /Саидова Нодира/ })).toBeVisible();
    await expect(consultations.getByRole('row', { name: /Ҳасанова/ })).toHaveCount(0);
    await page.getByLabel(tr(lang, 'listFilters.issue'), { exact: true }).selectOption('');
    await page.getByLabel(tr(lang, 'listFilters.lawyer'), { exact: true }).selectOption({ label: 'Каримов Фарҳод' });
    await expect(page).toHaveURL(new RegExp(`#/consultations\\?lawyer=${ids.lawyer}$`));
    await expect(consultations.getByRole('row', { name: /Ҳасанова Зарина/ })).toBeVisible();
    await expect(consultations.getByRole('row', { name: /Саидова/ })).toHaveCount(0);
    await view(page, lang, 'consultations-lawyer-filter');
  });

  test(`the Filings screen finds any case, the oldest of 200 and more too (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await goSection(page, lang, 'filings');
    const table = page.getByRole('table', { name: tr(lang, 'listFilters.filingsCasesLabel') });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await page.getByLabel(tr(lang, 'common.search'), { exact: true }).fill('Нодира');
    await expect(table.getByRole('row', { name: /Саидова Нодира/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Назарова/ })).toHaveCount(0);
    await expect(page).toHaveURL(/#\/filings\?q=/);
    await view(page, lang, 'filings-search');
    // By the case's number too; Enter on the row opens the wizard.
    await page.getByLabel(tr(lang, 'common.search'), { exact: true }).fill('KHJ-01-2024');
    const row = table.getByRole('row', { name: /Саидова Нодира/ });
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: tr(lang, 'filings.prepare') }).click();
    await expect(page).toHaveURL(new RegExp(`#/filings/new/${ids.oldCase}`));
  });

  test(`each new page starts at the top, and Back returns to where the page was left (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const origin = new URL(app.url).origin;
    await page.goto(`${origin}/#/cases/${ids.overdueCase}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const bottom = await page.evaluate(() => {
      const w = globalThis as unknown as Win;
      w.scrollTo(0, w.document.documentElement.scrollHeight);
      return w.scrollY;
    });
    expect(bottom).toBeGreaterThan(200);
    await page.waitForTimeout(300);
    // Another page through a link (clicked where it is, without scrolling to it first): at its top.
    await page.evaluate((id) => (globalThis as unknown as Win).document.querySelector(`main a[href="#/clients/${id}"]`)!.click(), ids.zarina);
    await expect(page).toHaveURL(new RegExp(`#/clients/${ids.zarina}`));
    await expect.poll(() => scrollY(page)).toBe(0);
    await view(page, lang, 'new-page-at-top');
    // Back: the case page where it was left.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/cases/${ids.overdueCase}`));
    await expect.poll(() => scrollY(page)).toBeGreaterThan(bottom - 40);
  });
}

test('a mobile session being planned survives a lock, with a note and a way to drop it (tg)', async ({ page, app }) => {
  const lang: Lang = 'tg';
  await openApp(page, app, lang);
  const origin = new URL(app.url).origin;
  await page.goto(`${origin}/#/mobileSessions/new`);
  const field = (key: string) => page.getByLabel(tr(lang, key), { exact: true });
  await field('sessions.village').fill('Деҳаи Гулакандоз');
  await field('sessions.partner').fill('Ҷамоати деҳот');
  await expect.poll(async () => (await api<{ draft: { values: { village: string } } | null }>(page, 'drafts:get', { formKey: 'mobileSession:new' })).draft?.values.village).toBe('Деҳаи Гулакандоз');
  await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
  // Locked for certain before the page is loaded again: a reload while the lock is on its way would find the app still open.
  await expect(page.getByRole('heading', { name: tr(lang, 'unlock.title') })).toBeVisible();
  await openApp(page, app, lang);
  await page.goto(`${origin}/#/mobileSessions/new`);
  await expect(field('sessions.village')).toHaveValue('Деҳаи Гулакандоз');
  await expect(page.getByRole('button', { name: tr(lang, 'workday.draftDiscard') })).toBeVisible();
  await view(page, lang, 'session-draft-restored');
  await page.getByRole('button', { name: tr(lang, 'workday.draftDiscard') }).click();
  await expect(field('sessions.village')).toHaveValue('');
});

for (const lang of ['tg', 'ru'] as const) {
  test(`a read-only user who types the desk's address gets the sessions, not the desk (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const origin = new URL(app.url).origin;
    await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    const user = page.locator('form input[autocomplete=username]');
    await user.fill('u-readonly');
    await page.locator('form input[type=password]').fill(PASS);
    await page.locator('form input[type=password]').press('Enter');
    await expect(page.getByRole('navigation')).toBeVisible();
    for (const address of [`#/mobileSessions/${ids.session}/desk`, '#/clients/new', `#/cases/${ids.overdueCase}/edit`]) {
      await page.goto(`${origin}/${address}`);
      await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'desk.title') })).toHaveCount(0);
      await expect(page).not.toHaveURL(new RegExp(address.replace(/[/?]/g, '\\$&')));
    }
    await page.goto(`${origin}/#/mobileSessions/${ids.session}/desk`);
    await expect(page).toHaveURL(/#\/mobileSessions$/);
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'sessions.title') })).toBeVisible();
    await view(page, lang, 'readonly-desk-refused');
    // The session's own page is still hers to read.
    await page.goto(`${origin}/#/mobileSessions/${ids.session}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr(lang, 'sessions.editTitle'));
    // Back to the administrator for whatever runs next.
    await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    await user.fill(ADMIN.username);
    await page.locator('form input[type=password]').fill(ADMIN.passphrase);
    await page.locator('form input[type=password]').press('Enter');
    await expect(page.getByRole('navigation')).toBeVisible();
  });
}

for (const lang of ['tg', 'ru'] as const) {
  test(`locking says it is under way, and a lock that fails says so (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    const lockCall = '**/api/login%3Alock';
    const topbar = page.locator('.topbar');
    // A lock refused by the app: said at the top of the page, the button ready again.
    await page.route(lockCall, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'refused' } }) }),
    );
    await topbar.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    const refused = page.getByRole('alert').filter({ hasText: tr(lang, 'error.INTERNAL') });
    await expect(refused).toBeVisible();
    await expect(topbar.getByRole('button', { name: tr(lang, 'shell.lock') })).toBeEnabled();
    await view(page, lang, 'lock-failed');
    await page.unroute(lockCall);
    // A lock that takes its time (after a large package, the database's log is still being copied).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(lockCall, async (route) => {
      await held;
      await route.continue();
    });
    await topbar.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
    await expect(topbar.getByRole('button', { name: tr(lang, 'shell.locking') })).toBeDisabled();
    await expect(refused).toHaveCount(0);
    await view(page, lang, 'locking');
    release();
    await expect(page.getByRole('heading', { name: tr(lang, 'unlock.title') })).toBeVisible();
    await page.unroute(lockCall);
    await openApp(page, app, 'tg');
  });
}
