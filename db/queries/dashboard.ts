import { caseVisibleSql, type Viewer } from './visibility';
import type { Db } from './writeContext';

// What the lawyer's start page counts and lists: a handful of indexed queries whatever the size of
// the database.

/** Hearings between two dates (inclusive) with their case and client, of the cases `viewer` may see. */
export async function hearingRowsBetween(db: Db, viewer: Viewer, from: string, to: string) {
  return db
    .selectFrom('hearings as h')
    .innerJoin('cases as k', 'k.id', 'h.case_id')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .selectAll('h')
    .select(['k.number', 'k.case_type', 'k.court_case_number', 'k.client_id', 'c.surname', 'c.given_name'])
    .where('h.date', '>=', from)
    .where('h.date', '<=', to)
    .where('h.deleted_at', 'is', null)
    .where('k.deleted_at', 'is', null)
    .where(caseVisibleSql(viewer), '=', 1)
    .orderBy('h.date')
    .orderBy('h.time')
    .execute();
}

/** Open tasks due before `today` (the oldest 200), with their case and client when they have one, of the cases `viewer` may see. */
export async function overdueTaskRows(db: Db, viewer: Viewer, today: string) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('cases as k', 'k.id', 't.case_id')
    .leftJoin('clients as c', 'c.id', 'k.client_id')
    .selectAll('t')
    .select(['k.number', 'k.client_id', 'c.surname', 'c.given_name'])
    .where('t.due_on', '<', today)
    .where('t.done_on', 'is', null)
    .where('t.deleted_at', 'is', null)
    // A task without a case has no client: the rule then passes it (its joined columns are null).
    .where(caseVisibleSql(viewer), '=', 1)
    .orderBy('t.due_on')
    .limit(200)
    .execute();
}

/** Cases not closed, counted by type. */
export async function openCaseCounts(db: Db) {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['case_type', eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'closed')
    .where('deleted_at', 'is', null)
    .groupBy('case_type')
    .orderBy('case_type')
    .execute();
  return rows.map((r) => ({ caseType: r.case_type, count: Number(r.n) }));
}

/**
 * A month's work from `from` to `to` (dates, inclusive): consultations, migrant women seen (distinct),
 * new clients, sessions conducted. `nextMonth` is the first day after it.
 */
export async function monthCounts(db: Db, from: string, to: string, nextMonth: string) {
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
    .where('created_at', '<', nextMonth)
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
    consultations: Number(consultations.n),
    newClients: Number(newClients.n),
    migrantWomen: Number(migrantWomen.n),
    sessionsConducted: Number(sessions.n),
  };
}
