import { sql, type Kysely } from 'kysely';

// Whether a child has a birth certificate at all, apart from its number: at a village session the
// lawyer asks "does the child have a birth certificate?" long before anyone has the paper at hand, and
// a child without one is the reason for a birth-registration case. NULL: not asked. A synced column
// like the others of `children` (it travels in exchange packages and merges column by column).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE children ADD COLUMN has_birth_certificate INTEGER CHECK (has_birth_certificate IN (0, 1))`.execute(db);
}
