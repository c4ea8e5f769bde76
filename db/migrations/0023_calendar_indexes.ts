import { sql, type Kysely } from 'kysely';

// The calendar and the caseload at national size, each a range of an index instead of every row of a
// contact point's five years of cases (the calendar starts from a contact point's cases):
// - a case's live hearings and tasks by date: of the few cases with something in the six weeks shown,
//   only those rows are read;
// - closed cases by the day they closed, with their lawyer and contact point: the caseload's "closed
//   this year" counts from this index alone (deleted_at rides along for that; the query names the index:
//   SQLite would start from the status, every closed case of every year).
const STATEMENTS = [
  'CREATE INDEX hearings_live_case_date ON hearings(case_id, date) WHERE deleted_at IS NULL',
  'CREATE INDEX tasks_live_case_due ON tasks(case_id, due_on) WHERE deleted_at IS NULL',
  "CREATE INDEX cases_live_closed_by ON cases(closed_on, responsible_user_id, contact_point_id, deleted_at) WHERE deleted_at IS NULL AND status = 'closed'",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
