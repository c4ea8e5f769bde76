import { sql, type Kysely } from 'kysely';

// What a user has typed into a form and not saved yet, one row per user and form, so that an idle lock,
// a crash or a closed window does not lose a half-typed intake. It lives in the encrypted database like
// everything else, but it is local working state: not a synced table (never in change_log or an
// exchange package) and never counted in statistics. `client_id` names the client the entry is about,
// when there is one, so that her erasure removes it too.
const STATEMENTS = [
  `CREATE TABLE drafts (
    user_id TEXT NOT NULL,
    form_key TEXT NOT NULL,
    client_id TEXT,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (user_id, form_key))`,
  `CREATE INDEX drafts_client ON drafts(client_id) WHERE client_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
