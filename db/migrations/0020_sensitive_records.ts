import { sql, type Kysely } from 'kysely';

// Sensitive records and the conflict-of-interest check.
// - `sensitive` (cases, clients): null, or why the record is kept from other users (violence, sexual
//   assault, HIV; shared/domain/sensitivity.ts says who may still see it). Synced like every column.
// - `clients.recorded_by_user_id`: who recorded the client; one of those who see her when she is marked
//   sensitive. Unknown (null) for clients recorded before this step.
// - `cases.respondent_phone`: the opposing party's phone, compared with the office's clients' phones.
// - `cases.conflict_note`: why the lawyer went on although the respondent matched a client of the office.
const STATEMENTS = [
  `ALTER TABLE cases ADD COLUMN sensitive TEXT`,
  `ALTER TABLE cases ADD COLUMN respondent_phone TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE cases ADD COLUMN conflict_note TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE clients ADD COLUMN sensitive TEXT`,
  `ALTER TABLE clients ADD COLUMN recorded_by_user_id TEXT REFERENCES users(id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
