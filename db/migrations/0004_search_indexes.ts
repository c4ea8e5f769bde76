import { sql, type Kysely } from 'kysely';

// Found by the national-scale benchmark. The global search looks up our own case numbers
// ("KHJ-2024-0012") next to court case numbers in one OR; without an index on cases.number SQLite
// could not use the court-number index either and scanned every case on each keystroke (60,000 at
// national scale). The same index serves the numbering of a new case (the highest number of its
// contact point and year), which also scanned the table.
// The consultations list filtered by venue (the mobile sessions' consultations of a year, newest first)
// walked every consultation of the period by date and looked each one up to check its venue.
const STATEMENTS = [
  'CREATE INDEX cases_number ON cases(number)',
  'CREATE INDEX consultations_live_venue_date ON consultations(venue_kind, date, id) WHERE deleted_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
