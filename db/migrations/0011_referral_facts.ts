import { sql, type Kysely } from 'kysely';

// The referral breakdown of the indicator report (where a consultation sent the woman: court, police,
// crisis centre…). Storage only: the dictionary of referral sets and the fact's column for it. The
// triggers and the view that fill them are generated from the declaration of the dimensions and
// rebuilt, with every fact, when the database opens after this step (db/reportFactsSchema.ts).
const STATEMENTS = [
  'CREATE TABLE report_referral_sets (id INTEGER PRIMARY KEY, referrals TEXT NOT NULL UNIQUE)',
  'ALTER TABLE report_facts ADD COLUMN referrals INTEGER NOT NULL DEFAULT 0',
  // A consultation's live referrals in one probe, without the table (as consultation_issues_live, 0006).
  'CREATE INDEX consultation_referrals_live ON consultation_referrals(consultation_id, referral, deleted_at) WHERE deleted_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
