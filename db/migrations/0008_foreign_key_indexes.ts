import { sql, type Kysely } from 'kysely';

// Found by the national-scale benchmark: SQLite finds the rows that point at a row through an
// index on the pointing column. Without one, every row added to a table that others point at made
// SQLite read the whole pointing table while foreign keys were deferred (an exchange import): a client
// arriving in a package read every document (documents.client_id) and every client
// (clients.merged_into_id). A partial index serves the lookup only when its condition is `x IS NOT NULL`. References to user accounts are left out: accounts are few and local.
const STATEMENTS = [
  // Partial: SQLite uses an index WHERE x IS NOT NULL for the lookup x = ?, and this one stays as small
  // as the number of merged records — a full one looked so selective for `merged_into_id IS NULL` that
  // the report's search for removed clients walked it instead of clients_not_live.
  'CREATE INDEX clients_merged_into ON clients(merged_into_id) WHERE merged_into_id IS NOT NULL',
  'CREATE INDEX documents_client ON documents(client_id)',
  'CREATE INDEX mobile_sessions_contact_point ON mobile_sessions(contact_point_id, date)',
  'CREATE INDEX cases_contact_point ON cases(contact_point_id)',
  'CREATE INDEX consultations_contact_point ON consultations(contact_point_id, date)',
  'CREATE INDEX mobile_session_team_staff ON mobile_session_team(staff_id)',
  // The unique index of a client's live household is partial, which the lookup cannot use.
  'CREATE INDEX migrant_households_client_all ON migrant_households(client_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
