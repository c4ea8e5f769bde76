import { sql, type Kysely } from 'kysely';

// Partial indexes for the long lists (clients, consultations, cases): the first page of a sorted list
// with 100,000 rows walks only live rows, in order, instead of counting past tombstones.
const STATEMENTS = [
  'CREATE INDEX clients_live_name ON clients(search_name, id) WHERE deleted_at IS NULL',
  'CREATE INDEX clients_live_updated ON clients(updated_at, id) WHERE deleted_at IS NULL',
  'CREATE INDEX clients_live_created ON clients(created_at, id) WHERE deleted_at IS NULL',
  'CREATE INDEX consultations_live_date ON consultations(date, id) WHERE deleted_at IS NULL',
  'CREATE INDEX cases_live_opened ON cases(opened_on, id) WHERE deleted_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
