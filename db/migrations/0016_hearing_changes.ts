import { sql, type Kysely } from 'kysely';

// Hearings and tasks change after they are added: a hearing is postponed (each earlier date stays on the
// case page, so the client can be told why the court date moved), and a hearing or task entered by
// mistake is removed with a reason. A removal is a tombstone like every other; the reason is kept on the
// row so it travels with the tombstone. The postponements are a synced table of their own (rows of
// history are added, never rewritten), exchanged and merged like the hearings they belong to.

const SYNCED = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

const STATEMENTS = [
  `ALTER TABLE hearings ADD COLUMN removal_reason TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE tasks ADD COLUMN removal_reason TEXT NOT NULL DEFAULT ''`,
  `CREATE TABLE hearing_postponements (${SYNCED},
    hearing_id TEXT NOT NULL REFERENCES hearings(id),
    from_date TEXT NOT NULL,
    from_time TEXT NOT NULL DEFAULT '',
    to_date TEXT NOT NULL,
    to_time TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    user_id TEXT REFERENCES users(id))`,
  `CREATE INDEX hearing_postponements_hearing ON hearing_postponements(hearing_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
