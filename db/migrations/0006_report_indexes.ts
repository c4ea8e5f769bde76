import { sql, type Kysely } from 'kysely';

// The indicator report counts in one pass over the period's consultations
// (db/queries/indicatorCount.ts). At national scale its time is the reading and decrypting of pages,
// so it reads compact covering indexes instead of the tables:
// - consultations_report: every column the report reads, live rows, by date — a range of this index
//   instead of a table lookup per consultation (about half the pages, read in order). deleted_at is
//   listed only so that SQLite sees the index as covering (it is NULL in every entry).
// - consultation_issues_live: a consultation's live issues in one probe, without the table.
// - clients_not_live: the few clients that are tombstoned or merged (the report leaves out the
//   consultations of removed clients and counts a merged client's as the survivor's). The conditions
//   in the report's queries repeat this index's condition word for word, so SQLite can use it.
const STATEMENTS = [
  `CREATE INDEX consultations_report ON consultations(date, venue_kind, mobile_session_id, client_id, contact_point_id,
     district_id, kind, snap_sex, snap_migrant_household, snap_age_band, snap_employment, snap_education, snap_residence,
     snap_social_assistance, snap_abandoned, snap_residence_district_id, created_at, id, deleted_at) WHERE deleted_at IS NULL`,
  'CREATE INDEX consultation_issues_live ON consultation_issues(consultation_id, issue, deleted_at) WHERE deleted_at IS NULL',
  'CREATE INDEX clients_not_live ON clients(id, merged_into_id, deleted_at) WHERE deleted_at IS NOT NULL OR merged_into_id IS NOT NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
