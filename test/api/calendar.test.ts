import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../electron/app/fileTokens';
import { addDays, todayIso } from '../../shared/domain/dates';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { translate } from '../../shared/i18n/index';
import { ADMIN, createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// The calendar (hearings, task deadlines, mobile sessions of a period, by lawyer and contact point), the
// signed-in lawyer's reminders, and the .ics export read back line by line as a calendar app would.

const PASS = ADMIN.passphrase;
let t: TestApp;
let cpId: string;
let clientId: string;
let aziza: string;
let bakhtiyor: string;

async function user(username: string, displayName: string, role: 'lawyer' | 'analyst' | 'paralegal') {
  return (await t.call('users:create', { username, displayName, role, password: PASS, passwordConfirm: PASS })).id;
}

async function signInAs(username: string) {
  await t.call('login:lock', {});
  await t.call('login:unlock', { username, passphrase: PASS });
}

async function openCase(responsibleUserId: string | null, extra: { caseType?: 'alimony_share' | 'paternity' | 'divorce' | 'birth_registration'; openedOn?: string; courtName?: string; contactPointId?: string } = {}) {
  const c = await t.call('cases:save', {
    clientId,
    caseType: extra.caseType ?? 'alimony_share',
    openedOn: extra.openedOn ?? '2024-01-10',
    responsibleUserId,
    responsibleName: '',
    courtName: extra.courtName ?? 'Суди шаҳри Хуҷанд',
    courtCaseNumber: '2-345/24',
    ...(extra.contactPointId ? { contactPointId: extra.contactPointId } : {}),
  });
  return c.case;
}

beforeEach(async () => {
  t = await createTestApp();
  cpId = await ownContactPoint(t);
  clientId = await newClient(t);
  aziza = await user('aziza', 'Азиза Каримова', 'lawyer');
  bakhtiyor = await user('bakhtiyor', 'Бахтиёр Назаров', 'lawyer');
});
afterEach(async () => t?.cleanup());

/** An .ics file's physical lines (each must end in CRLF) and its content lines once unfolded. */
function readIcs(bytes: Buffer): { physical: Buffer[]; lines: string[] } {
  const physical: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      expect(bytes[i - 1], `line ${physical.length + 1} ends in CRLF`).toBe(0x0d);
      physical.push(bytes.subarray(start, i - 1));
      start = i + 1;
    }
  }
  expect(start, 'the file ends with CRLF').toBe(bytes.length);
  const lines: string[] = [];
  for (const p of physical) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(p);
    if (text.startsWith(' ')) lines[lines.length - 1] += text.slice(1);
    else lines.push(text);
  }
  return { physical, lines };
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function events(lines: string[]): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return out;
}

describe('calendar', () => {
  it('lists the hearings, task deadlines and sessions of a period, by lawyer and by contact point', async () => {
    const a = await openCase(aziza);
    const b = await openCase(bakhtiyor, { caseType: 'paternity' });
    const other = (await t.call('contactPoints:save', { code: 'DU-02', name: 'Нуқтаи Душанбе', districtId: 'su-khujand', establishedOn: '2020-01-01' })).id;
    const c = await openCase(bakhtiyor, { caseType: 'divorce', contactPointId: other });
    const h1 = await t.call('cases:saveHearing', { caseId: a.id, date: '2026-03-02', time: '09:30', place: 'Толори 3' });
    const h2 = await t.call('cases:saveHearing', { caseId: b.id, date: '2026-03-31', time: '' });
    const h3 = await t.call('cases:saveHearing', { caseId: c.id, date: '2026-03-15', time: '11:00' });
    await t.call('cases:saveHearing', { caseId: a.id, date: '2026-04-01', time: '10:00' }); // the day after the period
    await t.call('cases:saveHearing', { caseId: a.id, date: '2026-02-28', time: '10:00' }); // the day before it
    const task = await t.call('cases:saveTask', { caseId: a.id, title: 'Нусхаи шаҳодатнома гирифтан', dueOn: '2026-03-10' });
    const unassignedOfB = await t.call('cases:saveTask', { caseId: b.id, title: 'Ба суд занг задан', dueOn: '2026-03-11' });
    const azizaOnB = await t.call('cases:saveTask', { caseId: b.id, title: 'Ариза навиштан', dueOn: '2026-03-12', assigneeUserId: aziza });
    const staff = await t.call('staff:save', { contactPointId: cpId, userId: aziza, fullName: 'Азиза Каримова', position: 'ҳуқуқшинос' });
    const session = await t.call('mobileSessions:save', { date: '2026-03-20', districtId: 'su-khujand', village: 'Гулистон', team: [{ staffId: staff.id }] });
    await t.call('mobileSessions:save', { date: '2026-03-21', districtId: 'su-khujand', village: 'Ёва', team: [{ name: 'Бахтиёр Назаров' }] });

    const all = await t.call('calendar:range', { from: '2026-03-01', to: '2026-03-31' });
    expect(all.hearings.map((h) => [h.date, h.time, h.caseNumber])).toEqual([
      ['2026-03-02', '09:30', a.number],
      ['2026-03-15', '11:00', c.number],
      ['2026-03-31', '', b.number],
    ]);
    expect(all.hearings[0]).toMatchObject({ id: h1.id, caseType: 'alimony_share', courtName: 'Суди шаҳри Хуҷанд', place: 'Толори 3', clientName: 'Раҳимова Малика' });
    expect(all.tasks.map((x) => x.id)).toEqual([task.id, unassignedOfB.id, azizaOnB.id]);
    expect(all.sessions.map((s) => s.date)).toEqual(['2026-03-20', '2026-03-21']);

    // Aziza's: her cases' hearings, tasks of her cases and those given to her, her sessions.
    const hers = await t.call('calendar:range', { from: '2026-03-01', to: '2026-03-31', lawyerUserId: aziza });
    expect(hers.hearings.map((h) => h.id)).toEqual([h1.id]);
    expect(hers.tasks.map((x) => x.id)).toEqual([task.id, azizaOnB.id]);
    expect(hers.sessions.map((s) => s.id)).toEqual([session.session.id]);
    const his = await t.call('calendar:range', { from: '2026-03-01', to: '2026-03-31', lawyerUserId: bakhtiyor });
    expect(his.hearings.map((h) => h.id)).toEqual([h3.id, h2.id]);
    expect(his.tasks.map((x) => x.id)).toEqual([unassignedOfB.id]);

    // The other contact point: only its case's hearing, and no session of Khujand.
    const there = await t.call('calendar:range', { from: '2026-03-01', to: '2026-03-31', contactPointId: other });
    expect(there.hearings.map((h) => h.caseNumber)).toEqual([c.number]);
    expect(there.tasks).toEqual([]);
    expect(there.sessions).toEqual([]);
    // Reading the calendar is audited as a read of personal data, with its filter.
    const read = await t.app.requireUnlocked().db.selectFrom('audit_log').select('detail').where('entity', '=', 'calendar:range').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(read.detail!)).toMatchObject({ records: 1, filter: { from: '2026-03-01', to: '2026-03-31', contactPointId: other } });

    // Six weeks at most; the end not before the start.
    expect(await t.raw('calendar:range', { from: '2026-03-01', to: '2026-04-11' })).toMatchObject({ ok: true });
    expect(await t.raw('calendar:range', { from: '2026-03-01', to: '2026-04-12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'to', key: 'periodTooLong', params: { days: 42 } }] } });
    expect(await t.raw('calendar:range', { from: '2026-03-10', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'to', key: 'dateOrder' }] } });
    // An analyst sees statistics only.
    await user('analyst', 'Таҳлилгар', 'analyst');
    await signInAs('analyst');
    expect(await t.raw('calendar:range', { from: '2026-03-01', to: '2026-03-31' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('reminds a lawyer at sign-in of her hearings today and this week and of her overdue tasks', async () => {
    const today = todayIso();
    const a = await openCase(aziza);
    const b = await openCase(bakhtiyor);
    const todays = await t.call('cases:saveHearing', { caseId: a.id, date: today, time: '14:00' });
    const inAWeek = await t.call('cases:saveHearing', { caseId: a.id, date: addDays(today, 7), time: '' });
    await t.call('cases:saveHearing', { caseId: a.id, date: addDays(today, 8), time: '' });
    await t.call('cases:saveHearing', { caseId: b.id, date: addDays(today, 1), time: '' });
    const late = await t.call('cases:saveTask', { caseId: a.id, title: 'Шаҳодатнома', dueOn: addDays(today, -3) });
    const done = await t.call('cases:saveTask', { caseId: a.id, title: 'Иҷрошуда', dueOn: addDays(today, -5) });
    await t.call('cases:completeTask', { id: done.id, done: true });
    await t.call('cases:saveTask', { caseId: a.id, title: 'Барои Бахтиёр', dueOn: addDays(today, -2), assigneeUserId: bakhtiyor });
    await t.call('cases:saveTask', { caseId: a.id, title: 'Фардо', dueOn: addDays(today, 1) });
    // Hers on a colleague's case, older: first, before the one of her own case.
    const hersOnHisCase = await t.call('cases:saveTask', { caseId: b.id, title: 'Барои Азиза', dueOn: addDays(today, -4), assigneeUserId: aziza });
    await signInAs('aziza');
    const r = await t.call('calendar:reminders', {});
    expect(r.hearingsToday.map((h) => h.id)).toEqual([todays.id]);
    expect(r.hearingsNext7Days.map((h) => h.id)).toEqual([inAWeek.id]);
    expect(r.overdueTasks.map((x) => [x.id, x.overdue])).toEqual([
      [hersOnHisCase.id, true],
      [late.id, true],
    ]);
    await signInAs('bakhtiyor');
    const his = await t.call('calendar:reminders', {});
    expect(his.hearingsNext7Days).toHaveLength(1);
    expect(his.overdueTasks.map((x) => x.title)).toEqual(['Барои Бахтиёр']);
  });

  it('exports a lawyer’s hearings as RFC 5545 text: CRLF, folded at 75 octets, escaped, stable UIDs, no names', async () => {
    const a = await openCase(aziza, { courtName: 'Суди ноҳияи Бобоҷон Ғафуров, шаҳри Хуҷанд; толори хурд\\2' });
    const b = await openCase(bakhtiyor);
    const timed = await t.call('cases:saveHearing', { caseId: a.id, date: '2026-03-02', time: '09:30', place: 'Толори 3' });
    const allDay = await t.call('cases:saveHearing', { caseId: a.id, date: '2026-03-05', time: '' });
    await t.call('cases:saveHearing', { caseId: b.id, date: '2026-03-03', time: '10:00' });
    await t.call('cases:saveHearing', { caseId: a.id, date: '2026-04-02', time: '10:00' });

    const file = await t.call('calendar:export', { from: '2026-03-01', to: '2026-03-31', lawyerUserId: aziza, language: 'ru' });
    expect(file).toMatchObject({ mimeType: 'text/calendar', fileName: 'hearings_2026-03-01_2026-03-31.ics' });
    const bytes = inlineBytes(file);
    const { physical, lines } = readIcs(bytes);
    for (const p of physical) expect(p.length).toBeLessThanOrEqual(75);
    expect(physical.length).toBeGreaterThan(lines.length); // the long location was folded
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.find((l) => l.startsWith('PRODID:'))).toBeDefined();
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    // The time zone the times are in is described in the file.
    expect(lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1)).toEqual(
      expect.arrayContaining(['TZID:Asia/Dushanbe', 'TZOFFSETFROM:+0500', 'TZOFFSETTO:+0500']),
    );
    const ev = events(lines);
    expect(ev).toHaveLength(2);
    expect(ev[0]).toMatchObject({ UID: `${timed.id}@legal-aid-desk`, 'DTSTART;TZID=Asia/Dushanbe': '20260302T093000', DURATION: 'PT60M' });
    expect(ev[1]).toMatchObject({ UID: `${allDay.id}@legal-aid-desk`, 'DTSTART;VALUE=DATE': '20260305', 'DTEND;VALUE=DATE': '20260306' });
    for (const e of ev) expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(unescape(ev[0]!.SUMMARY!)).toBe(`Заседание: ${translate('ru', 'enum.caseType.alimony_share')}, дело ${a.number}`);
    // The court's name, with its comma, semicolon and backslash, escaped and read back whole.
    expect(ev[0]!.LOCATION).toContain('\\,');
    expect(ev[0]!.LOCATION).toContain('\\;');
    expect(unescape(ev[0]!.LOCATION!)).toBe('Суди ноҳияи Бобоҷон Ғафуров, шаҳри Хуҷанд; толори хурд\\2, Толори 3');
    expect(unescape(ev[0]!.DESCRIPTION!)).toBe('Номер судебного дела: 2-345/24');
    // Nothing names a person: not the client, not the respondent.
    const text = bytes.toString('utf8');
    expect(text).not.toContain('Раҳимова');
    expect(text).not.toContain('Малика');

    // Exported again, each hearing keeps its UID (a calendar updates it instead of adding a copy).
    const again = events(readIcs(inlineBytes(await t.call('calendar:export', { from: '2026-03-01', to: '2026-03-31', lawyerUserId: aziza, language: 'tg' }))).lines);
    expect(again.map((e) => e.UID)).toEqual(ev.map((e) => e.UID));
    expect(unescape(again[0]!.SUMMARY!)).toBe(`Ҷаласа: ${translate('tg', 'enum.caseType.alimony_share')}, парвандаи ${a.number}`);

    // Without a lawyer: the signed-in user's own hearings; the export is audited.
    await signInAs('bakhtiyor');
    const own = events(readIcs(inlineBytes(await t.call('calendar:export', { from: '2026-03-01', to: '2026-03-31' }))).lines);
    expect(own.map((e) => e['DTSTART;TZID=Asia/Dushanbe'])).toEqual(['20260303T100000']);
    const audit = await t.app.requireUnlocked().db.selectFrom('audit_log').select(['username', 'detail']).where('action', '=', 'calendar.export').orderBy('seq').execute();
    expect(audit.map((x) => [x.username, JSON.parse(x.detail!).events])).toEqual([[ADMIN.username, 2], [ADMIN.username, 2], ['bakhtiyor', 1]]);
  });
});

describe('calendar file in Electron', () => {
  it('is held by main and written where the save dialog says', async () => {
    let chosen: string | null = null;
    let suggested = '';
    const dialogs: FileDialogs = {
      open: async () => null,
      save: async (name: string) => {
        suggested = name;
        return chosen;
      },
    };
    const e = await createTestApp({ fileDialogs: dialogs });
    try {
      await e.call('contactPoints:setOwn', { contactPointId: (await e.call('contactPoints:save', { code: 'KH-01', name: 'Хуҷанд', districtId: 'su-khujand', establishedOn: '2020-01-01' })).id });
      const client = await newClient(e);
      const c = await e.call('cases:save', { clientId: client, caseType: 'divorce', openedOn: '2024-01-10', responsibleUserId: e.app.requireUnlocked().user.id });
      const h = await e.call('cases:saveHearing', { caseId: c.case.id, date: '2026-06-01', time: '09:00' });
      const out = await e.call('calendar:export', { from: '2026-06-01', to: '2026-06-30' });
      expect(out.base64).toBeUndefined();
      chosen = join(e.dir, 'hearings.ics');
      expect(await e.call('files:save', { held: out.held! })).toEqual({ saved: true });
      expect(suggested).toBe('hearings_2026-06-01_2026-06-30.ics');
      expect(readFileSync(chosen, 'utf8')).toContain(`UID:${h.id}@legal-aid-desk\r\n`);
    } finally {
      await e.cleanup();
    }
  });
});

describe('transfer and caseload', () => {
  it('transfers a case to another lawyer with a reason: audited, in the case’s history and in change_log', async () => {
    const a = await openCase(aziza);
    const moved = await t.call('cases:transfer', { id: a.id, toUserId: bakhtiyor, reason: 'Азиза ба рухсатии таваллуд меравад' });
    expect(moved.case).toMatchObject({ responsibleUserId: bakhtiyor, responsibleName: 'Бахтиёр Назаров' });
    expect(moved.transfers).toEqual([
      expect.objectContaining({ on: todayIso(), fromUserId: aziza, toUserId: bakhtiyor, toName: 'Бахтиёр Назаров', reason: 'Азиза ба рухсатии таваллуд меравад' }),
    ]);
    expect((await t.call('cases:get', { id: a.id })).transfers).toHaveLength(1);
    const db = t.app.requireUnlocked().db;
    const audit = await db.selectFrom('audit_log').select(['username', 'entity', 'entity_id', 'detail']).where('action', '=', 'case.transfer').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: ADMIN.username, entity: 'cases', entity_id: a.id });
    // The audit names accounts; the reason (free text) stays out of it.
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ fromUserId: aziza, toUserId: bakhtiyor });
    expect(audit[0]!.detail).not.toContain('рухсатӣ');
    const changes = await db.selectFrom('change_log').select(['table_name', 'data']).where('row_id', 'in', [a.id, moved.transfers[0]!.id]).orderBy('seq').execute();
    expect(changes.at(-2)).toMatchObject({ table_name: 'cases' });
    expect(JSON.parse(changes.at(-2)!.data)).toEqual({ responsible_user_id: bakhtiyor, responsible_name: 'Бахтиёр Назаров' });
    expect(changes.at(-1)!.table_name).toBe('case_transfers');
    expect(JSON.parse(changes.at(-1)!.data)).toMatchObject({ case_id: a.id, from_user_id: aziza, to_user_id: bakhtiyor, reason: 'Азиза ба рухсатии таваллуд меравад' });
  });

  it('refuses a transfer without a reason, to the same lawyer, to a non-lawyer, or of a closed case', async () => {
    const a = await openCase(aziza);
    const analyst = await user('analyst', 'Таҳлилгар', 'analyst');
    const paralegal = await user('para', 'Параюрист', 'paralegal');
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: bakhtiyor, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'reason', key: 'required' }] } });
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: aziza, reason: 'Санҷиш' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'toUserId', key: 'sameLawyer' }] } });
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: analyst, reason: 'Санҷиш' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'toUserId', key: 'notCaseHolder' }] } });
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: paralegal, reason: 'Санҷиш' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'toUserId', key: 'notCaseHolder' }] } });
    await t.call('cases:setStatus', { id: a.id, status: 'closed', outcome: 'withdrawn' });
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: bakhtiyor, reason: 'Санҷиш' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('cases:get', { id: a.id })).case.responsibleUserId).toBe(aziza);
    // Whoever may not write cases may not transfer them.
    await signInAs('analyst');
    expect(await t.raw('cases:transfer', { id: a.id, toUserId: bakhtiyor, reason: 'Санҷиш' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('counts each lawyer’s caseload as worked out by hand, for administrators only', async () => {
    const today = todayIso();
    const yearFrom = `${today.slice(0, 4)}-01-01`;
    // Aziza: an open alimony case, a paternity case filed, a case closed this year.
    await openCase(aziza, { openedOn: '2024-01-10' });
    const filed = await openCase(aziza, { caseType: 'paternity', openedOn: '2023-05-02' });
    await t.call('cases:setStatus', { id: filed.id, status: 'filed', on: '2023-06-01' });
    const closedNow = await openCase(aziza, { openedOn: '2022-03-01' });
    await t.call('cases:setStatus', { id: closedNow.id, status: 'closed', on: today, outcome: 'settled' });
    // Bakhtiyor: an open divorce case; a case closed last year (not "this year").
    await openCase(bakhtiyor, { caseType: 'divorce', openedOn: '2024-06-01' });
    const closedBefore = await openCase(bakhtiyor, { openedOn: '2021-01-01' });
    await t.call('cases:setStatus', { id: closedBefore.id, status: 'closed', on: addDays(yearFrom, -1), outcome: 'withdrawn' });
    // A case with no lawyer of this installation.
    await openCase(null, { caseType: 'birth_registration', openedOn: '2024-02-02' });

    const load = await t.call('cases:caseload', {});
    expect(load.yearFrom).toBe(yearFrom);
    expect(load.rows).toEqual([
      { userId: aziza, name: 'Азиза Каримова', open: 2, byStatus: { open: 1, filed: 1 }, byType: { alimony_share: 1, paternity: 1 }, oldestOpenOn: '2023-05-02', closedThisYear: 1 },
      { userId: bakhtiyor, name: 'Бахтиёр Назаров', open: 1, byStatus: { open: 1 }, byType: { divorce: 1 }, oldestOpenOn: '2024-06-01', closedThisYear: 0 },
      { userId: null, name: '', open: 1, byStatus: { open: 1 }, byType: { birth_registration: 1 }, oldestOpenOn: '2024-02-02', closedThisYear: 0 },
    ]);
    expect(load.total).toEqual({ open: 4, byStatus: { open: 3, filed: 1 }, byType: { alimony_share: 1, paternity: 1, divorce: 1, birth_registration: 1 }, oldestOpenOn: '2023-05-02', closedThisYear: 1 });
    // A transfer moves the case from one row to the other.
    const aOpen = (await t.call('cases:list', { responsibleUserId: aziza, status: 'open' })).rows[0]!;
    await t.call('cases:transfer', { id: aOpen.id, toUserId: bakhtiyor, reason: 'Сарбории зиёд' });
    const after = await t.call('cases:caseload', {});
    expect(after.rows.map((r) => [r.name, r.open])).toEqual([['Бахтиёр Назаров', 2], ['Азиза Каримова', 1], ['', 1]]);
    // Lawyers do not see everybody's caseload.
    await signInAs('aziza');
    expect(await t.raw('cases:caseload', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
