import { sql, type Kysely } from 'kysely';

// A case handed from one lawyer to another, with the reason: a synced row per transfer (the case's own
// responsible_user_id/responsible_name say who holds it now; these rows say who held it before and why),
// shown on the case page and carried to paired installations. The names are kept as they were at the
// time, because accounts stay on their installation. The caseload table counts open cases per lawyer.
const SYNCED = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

const STATEMENTS = [
  `CREATE TABLE case_transfers (${SYNCED},
    case_id TEXT NOT NULL REFERENCES cases(id),
    transferred_on TEXT NOT NULL,
    from_user_id TEXT REFERENCES users(id),
    from_name TEXT NOT NULL DEFAULT '',
    to_user_id TEXT REFERENCES users(id),
    to_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    user_id TEXT REFERENCES users(id))`,
  `CREATE INDEX case_transfers_case ON case_transfers(case_id)`,
  // The caseload table counts open cases by lawyer, status and type with the oldest opening date: all of
  // it read from this index (the condition written as the query writes it, 'closed' as a literal).
  `CREATE INDEX cases_live_caseload ON cases(responsible_user_id, status, case_type, opened_on) WHERE deleted_at IS NULL AND status != 'closed'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
