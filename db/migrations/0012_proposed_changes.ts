import { sql, type Kysely } from 'kysely';

// Templates and legal references that arrive from a paired installation are not applied: each message
// waits here as a proposal until an administrator of this installation accepts it (then it is merged
// like any other message) or rejects it. Local to this installation: never synced, never in a package.
const STATEMENTS = [
  `CREATE TABLE proposed_changes (
    id TEXT PRIMARY KEY,
    sender_installation_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    data TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    decided_at TEXT,
    decided_by_user_id TEXT,
    UNIQUE (table_name, row_id, hlc))`,
  `CREATE INDEX proposed_changes_pending ON proposed_changes(received_at) WHERE status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
