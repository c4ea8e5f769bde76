import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import { expectAccessible } from './support/accessibility';
import { api, signInAs } from './support/bridge';
import { goSection, openApp, shot, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, test } from './support/fixtures';

// The calendar (month and week, by lawyer, moved through with the keyboard, saved as .ics), a case
// handed to another lawyer with its reason, the caseload table, and the reminder a lawyer sees when she
// signs in — in Tajik and in Russian, on a 1366×768 screen.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const PASS = 'a long enough password 1';
const today = todayIso();
let caseId = '';
let caseNumber = '';
let aziza = '';

async function focusedDay(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute: (name: string) => string | null } | null } }).document.activeElement?.getAttribute('data-day') ?? undefined);
}

test('setting up: a contact point, two lawyers, a client whose case has hearings, a task and a session', async ({ page, app }) => {
  await openApp(page, app, 'tg');
  const cp = await api<{ id: string }>(page, 'contactPoints:save', { code: 'CP-KHJ', name: 'Нуқтаи тамоси Хуҷанд', districtId: 'su-khujand', establishedOn: '2024-03-01' });
  await api(page, 'contactPoints:setOwn', { contactPointId: cp.id });
  aziza = (await api<{ id: string }>(page, 'users:create', { username: 'aziza', displayName: 'Азиза Каримова', role: 'lawyer', password: PASS, passwordConfirm: PASS })).id;
  await api(page, 'users:create', { username: 'bakhtiyor', displayName: 'Бахтиёр Назаров', role: 'lawyer', password: PASS, passwordConfirm: PASS });
  const client = await api<{ client: { id: string } }>(page, 'clients:save', { surname: 'Раҳимова', givenName: 'Гулнора', sex: 'F', birthDate: '1990-05-15', phones: [], household: null, children: [] });
  const opened = await api<{ case: { id: string; number: string } }>(page, 'cases:save', {
    clientId: client.client.id,
    caseType: 'alimony_share',
    openedOn: '2026-01-10',
    responsibleUserId: aziza,
    responsibleName: 'Азиза Каримова',
    courtName: 'Суди шаҳри Хуҷанд',
  });
  caseId = opened.case.id;
  caseNumber = opened.case.number;
  await api(page, 'cases:saveHearing', { caseId, date: today, time: '10:00', place: 'Толори 2' });
  await api(page, 'cases:saveHearing', { caseId, date: addDays(today, 3), time: '14:30' });
  await api(page, 'cases:saveTask', { caseId, title: 'Шаҳодатномаи таваллуд гирифтан', dueOn: addDays(today, -2) });
  const staff = await api<{ id: string }>(page, 'staff:save', { contactPointId: cp.id, userId: aziza, fullName: 'Азиза Каримова', position: 'ҳуқуқшинос' });
  await api(page, 'mobileSessions:save', { date: addDays(today, 1), districtId: 'su-khujand', village: 'Ёва', team: [{ staffId: staff.id }] });
  await api(page, 'cases:save', { clientId: client.client.id, caseType: 'paternity', openedOn: '2025-11-02', responsibleUserId: aziza, responsibleName: 'Азиза Каримова' });
});

for (const lang of ['tg', 'ru'] as const satisfies readonly Lang[]) {
  test(`the calendar shows a lawyer's month and week, moves with the keyboard and saves .ics (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await goSection(page, lang, 'calendar');
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'calendar.title') })).toBeVisible();
    await page.getByLabel(tr(lang, 'calendar.lawyer'), { exact: true }).selectOption({ label: 'Азиза Каримова' });
    const grid = page.getByRole('grid');
    const todayCell = grid.locator(`td[data-day="${today}"]`);
    await expect(todayCell).toContainText(`10:00 ${tr(lang, 'enum.caseType.alimony_share')}`);
    await expect(todayCell).toContainText(caseNumber);
    await expect(todayCell).toHaveAttribute('aria-current', 'date');
    await expect(grid.locator(`td[data-day="${addDays(today, -2)}"] .calendar__entry--task.is-overdue`)).toContainText('Шаҳодатномаи таваллуд гирифтан');
    await expect(grid.locator(`td[data-day="${addDays(today, 1)}"] .calendar__entry--session`)).toContainText('Ёва');
    await shot(page, lang, 'calendar-month');
    await expectAccessible(page, 'calendar (month)');

    // Another lawyer: none of Aziza's work.
    await page.getByLabel(tr(lang, 'calendar.lawyer'), { exact: true }).selectOption({ label: 'Бахтиёр Назаров' });
    await expect(grid.locator('.calendar__entry')).toHaveCount(0);
    await expect(page.getByText(tr(lang, 'calendar.nothing'))).toBeVisible();
    await page.getByLabel(tr(lang, 'calendar.lawyer'), { exact: true }).selectOption({ label: 'Азиза Каримова' });

    // The keyboard: one tab stop on today's cell, arrows move a day or a week, Page Down the month.
    await todayCell.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedDay(page)).toBe(addDays(today, 1));
    await page.keyboard.press('ArrowUp');
    expect(await focusedDay(page)).toBe(addDays(today, -6));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedDay(page)).toBe(today);
    const month = (iso: string) => `${tr(lang, `calendar.months.m${iso.slice(5, 7)}`)} ${iso.slice(0, 4)}`;
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 2, name: month(addMonths(today, 1)) })).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.getByRole('heading', { level: 2, name: month(today) })).toBeVisible();
    expect(await focusedDay(page)).toBe(today);

    // The week of today.
    await page.getByLabel(tr(lang, 'calendar.view'), { exact: true }).selectOption({ label: tr(lang, 'calendar.week') });
    await expect(grid.locator('td[data-day]')).toHaveCount(7);
    await expect(todayCell).toContainText('Толори 2');
    await shot(page, lang, 'calendar-week');

    // Saved as .ics: the hearings of the week shown, no client's name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr(lang, 'calendar.exportIcs') }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hearings_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`DTSTART;TZID=Asia/Dushanbe:${today.replace(/-/g, '')}T100000\r\n`);
    expect(ics).not.toContain('Раҳимова');
    await expect(page.getByText(tr(lang, 'calendar.exported'))).toBeVisible();

    // A hearing added on the case page is in the calendar on coming back at once.
    const time = lang === 'tg' ? '09:15' : '08:45';
    const tomorrow = addDays(today, 1);
    await todayCell.getByRole('link', { name: new RegExp(tr(lang, 'enum.caseType.alimony_share')) }).first().click();
    const hearing = page.getByRole('form', { name: tr(lang, 'cases.addHearing') });
    await hearing.getByLabel(tr(lang, 'cases.hearingDate'), { exact: true }).fill(`${tomorrow.slice(8, 10)}.${tomorrow.slice(5, 7)}.${tomorrow.slice(0, 4)}`);
    await hearing.getByLabel(tr(lang, 'cases.hearingTime'), { exact: true }).fill(time);
    await hearing.getByRole('button', { name: tr(lang, 'cases.addHearing') }).click();
    await expect(page.getByRole('region', { name: tr(lang, 'cases.hearings'), exact: true }).getByRole('cell', { name: time })).toBeVisible();
    await page.goBack();
    await expect(grid.locator(`td[data-day="${tomorrow}"]`)).toContainText(time);
    // Removed again: the reminders below count the hearings set up at the start.
    const detail = await api<{ hearings: { id: string; time: string | null }[] }>(page, 'cases:get', { id: caseId });
    const added = detail.hearings.find((h) => h.time === time)!;
    await api(page, 'cases:removeHearing', { id: added.id, caseId, reason: 'Санҷиш' });
  });
}

for (const lang of ['tg', 'ru'] as const satisfies readonly Lang[]) {
  test(`a case goes to another lawyer with a reason, and the caseload counts it (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`);
    const panel = page.getByRole('region', { name: tr(lang, 'cases.responsible') });
    await panel.getByRole('button', { name: tr(lang, 'transfer.action') }).click();
    const dialog = page.getByRole('dialog', { name: tr(lang, 'transfer.title') });
    const holder = lang === 'tg' ? 'Бахтиёр Назаров' : 'Азиза Каримова';
    await dialog.getByLabel(tr(lang, 'transfer.to'), { exact: true }).selectOption({ label: holder });
    // Without a reason: refused, with the message beside the field.
    await dialog.getByRole('button', { name: tr(lang, 'transfer.title') }).click();
    await expect(dialog.getByText(tr(lang, 'validation.required'))).toBeVisible();
    await dialog.getByLabel(tr(lang, 'transfer.reason'), { exact: true }).fill(lang === 'tg' ? 'Азиза ба рухсатӣ меравад' : 'Возвращение из отпуска');
    await shot(page, lang, 'case-transfer-dialog');
    await dialog.getByRole('button', { name: tr(lang, 'transfer.title') }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByText(holder, { exact: true })).toBeVisible();
    await expect(panel.getByRole('list', { name: tr(lang, 'transfer.history') }).getByRole('listitem')).toHaveCount(lang === 'tg' ? 1 : 2);
    await expect(panel).toContainText(lang === 'tg' ? 'Азиза Каримова → Бахтиёр Назаров' : 'Бахтиёр Назаров → Азиза Каримова');
    await shot(page, lang, 'case-transferred');

    await goSection(page, lang, 'cases');
    await page.getByRole('link', { name: tr(lang, 'caseload.title') }).click();
    const table = page.getByRole('table', { name: tr(lang, 'caseload.tableLabel') });
    // Two open cases: the transferred one and Aziza's paternity case.
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    if (lang === 'tg') {
      await expect(row('Бахтиёр Назаров').getByRole('cell').first()).toHaveText('1');
      await expect(row('Азиза Каримова').getByRole('cell').first()).toHaveText('1');
    } else await expect(row('Азиза Каримова').getByRole('cell').first()).toHaveText('2');
    await expect(row(tr(lang, 'caseload.total')).getByRole('cell').first()).toHaveText('2');
    await shot(page, lang, 'caseload');
    await expectAccessible(page, 'caseload');
  });
}

for (const lang of ['tg', 'ru'] as const satisfies readonly Lang[]) {
  test(`a lawyer signing in is reminded of today's hearing and her overdue task (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await signInAs(page, lang, 'aziza', PASS);
    const reminders = page.getByRole('region', { name: tr(lang, 'reminders.title') });
    await expect(reminders).toBeVisible();
    await expect(reminders.locator('.stat').filter({ hasText: tr(lang, 'reminders.hearingsToday') }).locator('.stat__value')).toHaveText('1');
    await expect(reminders.locator('.stat').filter({ hasText: tr(lang, 'reminders.overdueTasks') }).locator('.stat__value')).toHaveText('1');
    await expect(reminders).toContainText('10:00');
    // The start page lists her work: the overdue task and the hearings of the coming week.
    const mine = page.getByRole('region', { name: tr(lang, 'reminders.myWork') });
    await expect(mine).toContainText('Шаҳодатномаи таваллуд гирифтан');
    await expect(mine.getByRole('region', { name: new RegExp(tr(lang, 'reminders.hearingsNext')) }).getByRole('listitem')).toHaveCount(2);
    await shot(page, lang, 'reminders-at-unlock');
    await expectAccessible(page, 'start page with reminders');
    await reminders.getByRole('button', { name: tr(lang, 'reminders.dismiss') }).click();
    await expect(reminders).toBeHidden();
    await signInAs(page, lang, ADMIN.username, ADMIN.passphrase);
  });
}
