import { sql, type Kysely } from 'kysely';

// The lists' filters (docs/list-filters.md), each a range of an index rather than a walk through the
// whole table at national size:
// - cases by responsible lawyer, newest first: a range of cases(responsible_user_id, opened_on, id);
// - overdue cases: the few tasks still open and hearings still without a result are partial indexes
//   (done tasks and decided hearings, nearly all of them after a few years, are not in them), read
//   by date up to yesterday;
// - consultations by lawyer, newest first: a range of consultations(lawyer_user_id, date, id); the
//   client's id rides along so "clients of this lawyer" reads no consultation row;
// - consultations and clients by issue: consultation_issues(issue, consultation_id) of live rows (the
//   report's index starts with the consultation, for the opposite question);
// - clients by district of residence, by name: a range of clients(residence_district_id, search_name, id);
// - women without support today (shared/domain/abandonment.ts, the lawyer's override first): the
//   overridden households, and the wives without an override by last remittance (a range up to the
//   day six months ago) or, with none recorded, by departure (the range of those without one).
const STATEMENTS = [
  'CREATE INDEX cases_live_responsible ON cases(responsible_user_id, opened_on, id) WHERE deleted_at IS NULL',
  'CREATE INDEX tasks_open_due ON tasks(due_on, case_id) WHERE deleted_at IS NULL AND done_on IS NULL',
  "CREATE INDEX hearings_without_result ON hearings(date, case_id) WHERE deleted_at IS NULL AND result = ''",
  'CREATE INDEX consultations_live_lawyer ON consultations(lawyer_user_id, date, id, client_id) WHERE deleted_at IS NULL',
  'CREATE INDEX consultation_issues_by_issue ON consultation_issues(issue, consultation_id) WHERE deleted_at IS NULL',
  'CREATE INDEX clients_live_district ON clients(residence_district_id, search_name, id) WHERE deleted_at IS NULL',
  'CREATE INDEX migrant_households_override ON migrant_households(abandoned_override, client_id) WHERE deleted_at IS NULL AND abandoned_override IS NOT NULL',
  "CREATE INDEX migrant_households_wife_remittance ON migrant_households(last_remittance_date, client_id) WHERE deleted_at IS NULL AND abandoned_override IS NULL AND relation = 'wife'",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
