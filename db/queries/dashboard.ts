import type { CaseType } from '../../shared/domain/enums';
import type { DashboardHearing, DashboardSummary, DashboardTask } from '../../shared/api/caseTracking';
import { addMonths, todayIso } from '../../shared/domain/dates';
import { toHearing, toTask } from './cases';
import type { Db } from './writeContext';

// The lawyer's start page: hearings of today and this week, overdue tasks, open cases by type and this
// month's counts. A handful of indexed queries whatever the size of the database.

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday and Sunday of the week of `iso`. */
export function weekOf(iso: string): { from: string; to: string } {
  const dow = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(iso, -dow);
  return { from, to: addDays(from, 6) };
}

export async function dashboardSummary(db: Db, today: string = todayIso()): Promise<DashboardSummary> {
  const week = weekOf(today);
  const hearings = await db
    .selectFrom('hearings as h')
    .innerJoin('cases as k', 'k.id', 'h.case_id')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .selectAll('h')
    .select(['k.number', 'k.case_type', 'k.court_case_number', 'k.client_id', 'c.surname', 'c.given_name'])
    .where('h.date', '>=', week.from)
    .where('h.date', '<=', week.to)
    .where('h.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .orderBy('h.date')
    .orderBy('h.time')
    .execute();
  const hearingItems: DashboardHearing[] = hearings.map((h) => ({
    ...toHearing(h),
    caseNumber: h.number,
    caseType: h.case_type as CaseType,
    courtCaseNumber: h.court_case_number,
    clientId: h.client_id,
    clientName: `${h.surname} ${h.given_name}`,
  }));
  const tasks = await db
    .selectFrom('tasks as t')
    .leftJoin('cases as k', 'k.id', 't.case_id')
    .leftJoin('clients as c', 'c.id', 'k.client_id')
    .selectAll('t')
    .select(['k.number', 'k.client_id', 'c.surname', 'c.given_name'])
    .where('t.due_on', '<', today)
    .where('t.done_on', 'is', null)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.due_on')
    .limit(200)
    .execute();
  const overdueTasks: DashboardTask[] = tasks.map((t) => ({
    ...toTask(t),
    caseNumber: t.number,
    clientId: t.client_id,
    clientName: t.surname === null ? null : `${t.surname} ${t.given_name}`,
  }));
  const byType = await db
    .selectFrom('cases')
    .select((eb) => ['case_type', eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'closed')
    .where('deleted_at', 'is', null)
    .groupBy('case_type')
    .orderBy('case_type')
    .execute();

  const from = `${today.slice(0, 7)}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const consultations = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const migrantWomen = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.count<number>('client_id').distinct().as('n'))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('snap_sex', '=', 'F')
    .where('snap_migrant_household', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  // created_at is an instant (UTC); the month's bounds are compared as text on the date part.
  const newClients = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', from)
    .where('created_at', '<', addMonths(from, 1))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom('mobile_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', '=', 'conducted')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    today,
    week,
    hearingsToday: hearingItems.filter((h) => h.date === today),
    hearingsThisWeek: hearingItems,
    overdueTasks,
    openCasesByType: byType.map((r) => ({ caseType: r.case_type as CaseType, count: Number(r.n) })),
    month: {
      from,
      to,
      consultations: Number(consultations.n),
      newClients: Number(newClients.n),
      migrantWomen: Number(migrantWomen.n),
      sessionsConducted: Number(sessions.n),
    },
  };
}
