import { sql } from 'kysely';
import { liveCases } from './caseAssignment';
import { caseVisibleSql, type Viewer } from './visibility';
import type { Db } from './writeContext';

// What the calendar shows between two dates: hearings, task deadlines and mobile sessions, for one
// lawyer and/or one contact point. A lawyer's hearings are those of the cases they are responsible for;
// their tasks are those assigned to them, and those of their cases assigned to nobody; their sessions
// are those whose team names them. Hearings are read through `liveCases` (caseAssignment.ts), where a rule
// on which cases a user may see is added once; tasks join their case (a task may have none).

export interface CalendarFilter {
  from: string;
  to: string;
  lawyerUserId?: string | null;
  contactPointId?: string | null;
  /** Who reads: a sensitive case's hearings and tasks only to those who may see it. */
  viewer: Viewer;
}

/** What the calendar and the reminders show of a task (`t`) and its case (`k`). */
const TASK_COLUMNS = ['t.id', 't.case_id', 't.title', 't.due_on', 't.done_on', 't.assignee_user_id', 'k.number', 'k.responsible_user_id'] as const;

/** A task without a case, or of a case the viewer sees (with its client). */
function taskVisibleSql(viewer: Viewer) {
  return sql<number>`(t.case_id IS NULL OR EXISTS (SELECT 1 FROM cases AS vk JOIN clients AS vc ON vc.id = vk.client_id WHERE vk.id = t.case_id AND ${caseVisibleSql(viewer, 'vk', 'vc')}))`;
}

/** Hearings between two dates (inclusive) with what the calendar names: case, court, client. */
export async function calendarHearingRows(db: Db, f: CalendarFilter) {
  let q = liveCases(db)
    .innerJoin('hearings as h', 'h.case_id', 'k.id')
    // A cross join keeps the client's row read last, for the hearings found only (SQLite keeps the order).
    .crossJoin('clients as c')
    .whereRef('c.id', '=', 'k.client_id')
    .select(['h.id', 'h.case_id', 'h.date', 'h.time', 'h.place', 'h.created_at', 'h.updated_at'])
    .select(['k.number', 'k.case_type', 'k.court_name', 'k.court_case_number', 'k.responsible_user_id', 'k.responsible_name', 'k.client_id', 'c.surname', 'c.given_name'])
    .where('h.date', '>=', f.from)
    .where('h.date', '<=', f.to)
    .where('h.deleted_at', 'is', null)
    .where(caseVisibleSql(f.viewer), '=', 1);
  if (f.lawyerUserId) q = q.where('k.responsible_user_id', '=', f.lawyerUserId);
  if (f.contactPointId) q = q.where('k.contact_point_id', '=', f.contactPointId);
  return q.orderBy('h.date').orderBy('h.time').orderBy('h.id').execute();
}

/** Tasks due between two dates (inclusive), done or not, with their case when they have one. */
export async function calendarTaskRows(db: Db, f: CalendarFilter) {
  let q = db
    .selectFrom('tasks as t')
    .leftJoin('cases as k', (j) => j.onRef('k.id', '=', 't.case_id').on('k.deleted_at', 'is', null))
    .select(TASK_COLUMNS)
    .where('t.due_on', '>=', f.from)
    .where('t.due_on', '<=', f.to)
    .where('t.deleted_at', 'is', null)
    .where(taskVisibleSql(f.viewer), '=', 1);
  const lawyer = f.lawyerUserId;
  if (lawyer) q = q.where((eb) => eb.or([eb('t.assignee_user_id', '=', lawyer), eb.and([eb('t.assignee_user_id', 'is', null), eb('k.responsible_user_id', '=', lawyer)])]));
  if (f.contactPointId) q = q.where('k.contact_point_id', '=', f.contactPointId);
  return q.orderBy('t.due_on').orderBy('t.id').execute();
}

/** Mobile sessions between two dates (inclusive), cancelled ones left out. */
export async function calendarSessionRows(db: Db, f: CalendarFilter) {
  let q = db
    .selectFrom('mobile_sessions as s')
    .select(['s.id', 's.code', 's.date', 's.status', 's.district_id', 's.jamoat', 's.village', 's.contact_point_id'])
    .where('s.date', '>=', f.from)
    .where('s.date', '<=', f.to)
    .where('s.status', '!=', 'cancelled')
    .where('s.deleted_at', 'is', null);
  if (f.contactPointId) q = q.where('s.contact_point_id', '=', f.contactPointId);
  const lawyer = f.lawyerUserId;
  if (lawyer)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mobile_session_team as m')
          .innerJoin('staff as st', 'st.id', 'm.staff_id')
          .select('m.id')
          .whereRef('m.mobile_session_id', '=', 's.id')
          .where('m.deleted_at', 'is', null)
          .where('st.user_id', '=', lawyer),
      ),
    );
  return q.orderBy('s.date').orderBy('s.code').execute();
}

/**
 * A lawyer's open tasks due before `today` (the oldest 200): theirs, and unassigned ones of their cases.
 * Two indexed reads joined by UNION ALL (the two sets cannot overlap: a task is assigned or not): the
 * tasks assigned to the lawyer by due date, and the tasks of the lawyer's cases (a cross join keeps the
 * cases first; SQLite would otherwise read every unassigned overdue task of the installation).
 */
export async function overdueTaskRowsOf(db: Db, viewer: Viewer, today: string) {
  const userId = viewer.userId;
  const assigned = db
    .selectFrom('tasks as t')
    .leftJoin('cases as k', (j) => j.onRef('k.id', '=', 't.case_id').on('k.deleted_at', 'is', null))
    .select(TASK_COLUMNS)
    .where('t.assignee_user_id', '=', userId)
    .where('t.due_on', '<', today)
    .where('t.done_on', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where(taskVisibleSql(viewer), '=', 1);
  const ofTheirCases = db
    .selectFrom('cases as k')
    .crossJoin('tasks as t')
    .whereRef('t.case_id', '=', 'k.id')
    .select(TASK_COLUMNS)
    .where('k.responsible_user_id', '=', userId)
    .where('k.deleted_at', 'is', null)
    .where('t.assignee_user_id', 'is', null)
    .where('t.due_on', '<', today)
    .where('t.done_on', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where(taskVisibleSql(viewer), '=', 1);
  return assigned.unionAll(ofTheirCases).orderBy('due_on').limit(200).execute();
}

/** Users who may hold cases, for the calendar's lawyer filter and the transfer of a case. */
export async function caseHolderRows(db: Db, roles: readonly ('administrator' | 'lawyer')[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'active'])
    .where('deleted_at', 'is', null)
    .where('role', 'in', roles)
    .orderBy('display_name')
    .execute();
}

/** The account of a user name as typed in any letter case (user names are Latin letters, digits, `._-`). */
export async function userIdByUsername(db: Db, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}
