import { viewerOf } from './visibility';
import { caseHolderRows, calendarHearingRows, calendarSessionRows, calendarTaskRows, overdueTaskRowsOf, type CalendarFilter } from '../../db/queries/calendar';
import { userNames } from '../../db/queries/caseAssignment';
import { audit } from '../../db/queries/writeContext';
import type { CalendarHearing, CalendarRange, CalendarReminders, CalendarTask, CaseHolder } from '../../shared/api/calendarTypes';
import { addDays, todayIso } from '../../shared/domain/dates';
import type { Language } from '../../shared/domain/enums';
import { CASE_HOLDER_ROLES } from '../../shared/domain/permissions';
import { translate } from '../../shared/i18n/index';
import type { HeldFile } from '../app/fileTokens';
import { buildIcs, type IcsEvent } from '../documents/icalendar';
import { withWrite, type Unlocked } from './index';

// The calendar: hearings, task deadlines and mobile sessions of a period; the signed-in user's own work
// (shown at unlock and on the start page); a lawyer's hearings as an iCalendar file.

type HearingRow = Awaited<ReturnType<typeof calendarHearingRows>>[number];
type TaskRow = Awaited<ReturnType<typeof calendarTaskRows>>[number];

function toCalendarHearing(h: HearingRow): CalendarHearing {
  return {
    id: h.id,
    caseId: h.case_id,
    date: h.date,
    time: h.time,
    place: h.place,
    caseNumber: h.number,
    caseType: h.case_type,
    courtName: h.court_name,
    courtCaseNumber: h.court_case_number,
    responsibleName: h.responsible_name,
    clientId: h.client_id,
    clientName: `${h.surname} ${h.given_name}`,
  };
}

function toCalendarTask(t: TaskRow, today: string): CalendarTask {
  const dueOn = t.due_on ?? today;
  return { id: t.id, caseId: t.case_id, caseNumber: t.number, title: t.title, dueOn, doneOn: t.done_on, overdue: !t.done_on && dueOn < today };
}

export async function calendarRange(s: Unlocked, input: Omit<CalendarFilter, 'viewer'>, today: string = todayIso()): Promise<CalendarRange> {
  const f: CalendarFilter = { ...input, viewer: viewerOf(s) };
  const [hearings, tasks, sessions] = [await calendarHearingRows(s.db, f), await calendarTaskRows(s.db, f), await calendarSessionRows(s.db, f)];
  return {
    from: f.from,
    to: f.to,
    today,
    hearings: hearings.map(toCalendarHearing),
    tasks: tasks.map((t) => toCalendarTask(t, today)),
    sessions: sessions.map((m) => ({ id: m.id, code: m.code, date: m.date, status: m.status, districtId: m.district_id, jamoat: m.jamoat, village: m.village })),
  };
}

/** The signed-in user's hearings of today and the next seven days, and their overdue tasks. */
export async function calendarReminders(s: Unlocked, today: string = todayIso()): Promise<CalendarReminders> {
  const hearings = (await calendarHearingRows(s.db, { from: today, to: addDays(today, 7), lawyerUserId: s.user.id, viewer: viewerOf(s) })).map(toCalendarHearing);
  return {
    today,
    hearingsToday: hearings.filter((h) => h.date === today),
    hearingsNext7Days: hearings.filter((h) => h.date > today),
    overdueTasks: (await overdueTaskRowsOf(s.db, viewerOf(s), today)).map((t) => toCalendarTask(t, today)),
  };
}

export async function caseHolders(s: Unlocked): Promise<CaseHolder[]> {
  return (await caseHolderRows(s.db, CASE_HOLDER_ROLES)).map((u) => ({ id: u.id, name: u.display_name, role: u.role, active: u.active !== 0 }));
}

/** A hearing lasts an hour in the calendar: the app records when it starts, not when it ends. */
const HEARING_MINUTES = 60;

/**
 * A lawyer's hearings of a period as an .ics file. Each event names only what the lawyer needs at the
 * court: the case's number and type (title), the court and the hearing's place (location), the court's
 * case number (description) — never the client's or the respondent's name, since a phone's calendar is
 * read by other apps and backed up outside the encrypted database.
 */
export async function hearingsIcs(
  s: Unlocked,
  input: { from: string; to: string; lawyerUserId: string | null; language: Language },
  now: Date = new Date(),
): Promise<HeldFile & { events: number }> {
  const lawyerUserId = input.lawyerUserId ?? s.user.id;
  const rows = await calendarHearingRows(s.db, { from: input.from, to: input.to, lawyerUserId, viewer: viewerOf(s) });
  const lang = input.language;
  const events: IcsEvent[] = rows.map((h) => ({
    id: h.id,
    date: h.date,
    time: h.time,
    durationMinutes: HEARING_MINUTES,
    summary: translate(lang, 'calendar.icsSummary', { number: h.number, type: translate(lang, `enum.caseType.${h.case_type}`) }),
    location: [h.court_name, h.place].filter(Boolean).join(', '),
    description: h.court_case_number ? translate(lang, 'calendar.icsCourtCase', { number: h.court_case_number }) : '',
  }));
  const name = (await userNames(s.db, [lawyerUserId])).get(lawyerUserId) ?? '';
  const text = buildIcs(events, translate(lang, 'calendar.icsName', { name }), now);
  await withWrite(s, (ctx) => audit(ctx, 'calendar.export', 'hearings', null, { lawyerUserId, from: input.from, to: input.to, events: events.length }));
  return { fileName: `hearings_${input.from}_${input.to}.ics`, mimeType: 'text/calendar', bytes: Buffer.from(text, 'utf8'), events: events.length };
}
