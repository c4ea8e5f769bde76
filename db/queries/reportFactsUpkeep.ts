import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

// Deferred upkeep of report_facts (migration 0009) for a write of many rows at once (an exchange merge
// of a year of national changes). The triggers of 0009 cost a national year's import about a quarter of
// its time — per row fired, even when a WHEN clause would skip their work (SQLite sets up a trigger's
// whole program first). So, inside the merge's transaction, deferFacts sets them aside and puts in
// their place temporary triggers that only note which consultations changed; finish() rebuilds the
// facts of those set-wise from the view report_fact_values, one pass per dictionary, and puts the
// triggers back from their own text in sqlite_master. Schema changes in SQLite are transactional: if
// the merge fails, the rollback restores the triggers with everything else.

const NOTED = 'temp.report_stale';
const note = (id: string) => `INSERT INTO ${NOTED} (id) SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM ${NOTED} s WHERE s.id = ${id})`;
const noteSession = (x: string) => `INSERT INTO ${NOTED} (id) SELECT c.id FROM consultations c
  WHERE c.mobile_session_id = ${x}.id AND NOT EXISTS (SELECT 1 FROM ${NOTED} s WHERE s.id = c.id)`;
/** A changed key leaves its former fact behind: it goes at once (the rebuild knows only current keys). */
const DROP_OLD_FACT = 'DELETE FROM main.report_facts WHERE date = OLD.date AND created_at = OLD.created_at AND id = OLD.id';

const NOTING: Array<[name: string, event: string, statements: string[], when?: string]> = [
  ['report_note_consultation_insert', 'AFTER INSERT ON consultations', [note('NEW.id')]],
  ['report_note_consultation_update', 'AFTER UPDATE ON consultations', [note('NEW.id')]],
  // Only when the key changes (a fact under an unchanged key is replaced by the rebuild).
  ['report_note_consultation_rekey', 'AFTER UPDATE OF date, created_at ON consultations', [DROP_OLD_FACT], 'OLD.date IS NOT NEW.date OR OLD.created_at IS NOT NEW.created_at'],
  ['report_note_consultation_delete', 'AFTER DELETE ON consultations', [DROP_OLD_FACT]],
  ['report_note_issue_insert', 'AFTER INSERT ON consultation_issues', [note('NEW.consultation_id')]],
  ['report_note_issue_update', 'AFTER UPDATE ON consultation_issues', [note('OLD.consultation_id'), note('NEW.consultation_id')]],
  ['report_note_issue_delete', 'AFTER DELETE ON consultation_issues', [note('OLD.consultation_id')]],
  ['report_note_session_insert', 'AFTER INSERT ON mobile_sessions', [noteSession('NEW')]],
  ['report_note_session_update', 'AFTER UPDATE ON mobile_sessions', [noteSession('NEW')]],
  ['report_note_session_delete', 'AFTER DELETE ON mobile_sessions', [noteSession('OLD')]],
];

/**
 * The dictionary ids of fact values `r` (rows shaped like report_fact_values): how a fact is made, by
 * the rebuild below and by checkFacts. `join` is JOIN where every dictionary row must exist, LEFT JOIN
 * where a missing one must show as NULL (the issue set stays a LEFT JOIN: no issues means id 0).
 */
const dictionaryJoins = (join: 'JOIN' | 'LEFT JOIN') => `
     ${join} report_dims d ON d.woman = r.woman AND d.small = r.small
     ${join} report_places p ON p.district_id = r.district_id AND p.home_district_id = r.home_district_id AND p.contact_point_id = r.contact_point_id
     ${join} report_people pe ON pe.client_id = r.client_id
     LEFT JOIN report_issue_sets i ON i.issues = r.issues`;

// CROSS JOIN keeps SQLite on the noted consultations as the outer loop: the temporary table has no
// statistics, and SQLite scanned every consultation of the database to probe it instead (a second of a
// national year's import).
const REBUILD = [
  // The values of the noted consultations that are live (the view leaves out tombstoned ones).
  `CREATE TEMP TABLE report_rebuild AS SELECT v.* FROM ${NOTED} s CROSS JOIN report_fact_values v ON v.id = s.id`,
  // The facts of all noted consultations under their current key (tombstoned ones included).
  `DELETE FROM report_facts WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM ${NOTED} s CROSS JOIN consultations c ON c.id = s.id)`,
  `INSERT INTO report_dims (woman, small) SELECT DISTINCT r.woman, r.small FROM temp.report_rebuild r
     WHERE NOT EXISTS (SELECT 1 FROM report_dims d WHERE d.woman = r.woman AND d.small = r.small)`,
  `INSERT INTO report_places (district_id, home_district_id, contact_point_id) SELECT DISTINCT r.district_id, r.home_district_id, r.contact_point_id
     FROM temp.report_rebuild r WHERE NOT EXISTS (SELECT 1 FROM report_places p
       WHERE p.district_id = r.district_id AND p.home_district_id = r.home_district_id AND p.contact_point_id = r.contact_point_id)`,
  `INSERT INTO report_people (client_id) SELECT DISTINCT r.client_id FROM temp.report_rebuild r
     WHERE NOT EXISTS (SELECT 1 FROM report_people pe WHERE pe.client_id = r.client_id)`,
  `INSERT INTO report_issue_sets (issues) SELECT DISTINCT r.issues FROM temp.report_rebuild r
     WHERE r.issues IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_issue_sets i WHERE i.issues = r.issues)`,
  `INSERT INTO report_facts (date, created_at, id, counted, dims, place, issues, person)
     SELECT r.date, r.created_at, r.id, r.counted, d.id, p.id, COALESCE(i.id, 0), pe.id
     FROM temp.report_rebuild r${dictionaryJoins('JOIN')}`,
  'DROP TABLE temp.report_rebuild',
];

export interface FactsDeferral {
  /** Rebuilds the facts of every consultation noted since deferFacts and puts the triggers back. */
  finish(): Promise<void>;
}

/** From now until finish(), in this transaction, the report's triggers only note what changed. */
export async function deferFacts(trx: Transaction<Database>): Promise<FactsDeferral> {
  const { rows: triggers } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_facts_*' ORDER BY name`.execute(trx);
  for (const t of triggers) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(trx);
  await sql.raw(`CREATE TEMP TABLE report_stale (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID`).execute(trx);
  for (const [name, event, statements, when] of NOTING) {
    await sql.raw(`CREATE TEMP TRIGGER ${name} ${event} FOR EACH ROW${when ? ` WHEN ${when}` : ''} BEGIN ${statements.map((s) => `${s};`).join(' ')} END`).execute(trx);
  }
  return {
    async finish() {
      for (const statement of REBUILD) await sql.raw(statement).execute(trx);
      for (const [name] of NOTING) await sql.raw(`DROP TRIGGER temp.${name}`).execute(trx);
      await sql.raw(`DROP TABLE ${NOTED}`).execute(trx);
      for (const t of triggers) await sql.raw(t.sql).execute(trx);
    },
  };
}

export interface FactsCheck {
  /** Live consultations without a fact under their key. */
  missing: number;
  /** Facts whose values are not those of their consultation now. */
  stale: number;
  /** Facts of a consultation that is removed, gone, or now under another key. */
  extra: number;
}

/**
 * Compares report_facts with what the view computes from the consultations (`verify`): the report
 * counts from the facts, so any disagreement would be a wrong number. Reads every consultation.
 */
export async function checkFacts(db: Kysely<Database> | Transaction<Database>): Promise<FactsCheck> {
  const r = await sql<FactsCheck>`
    WITH want AS (
      SELECT r.date, r.created_at, r.id, r.counted, d.id AS dims, p.id AS place,
             CASE WHEN r.issues IS NULL THEN 0 ELSE i.id END AS issues, pe.id AS person
      FROM report_fact_values r${sql.raw(dictionaryJoins('LEFT JOIN'))})
    SELECT
      (SELECT count(*) FROM want w WHERE NOT EXISTS (SELECT 1 FROM report_facts f WHERE f.date = w.date AND f.created_at = w.created_at AND f.id = w.id)) AS missing,
      (SELECT count(*) FROM want w JOIN report_facts f ON f.date = w.date AND f.created_at = w.created_at AND f.id = w.id
        WHERE f.counted IS NOT w.counted OR f.dims IS NOT w.dims OR f.place IS NOT w.place OR f.issues IS NOT w.issues OR f.person IS NOT w.person) AS stale,
      (SELECT count(*) FROM report_facts f LEFT JOIN consultations c ON c.id = f.id
        WHERE c.id IS NULL OR c.deleted_at IS NOT NULL OR c.date IS NOT f.date OR c.created_at IS NOT f.created_at) AS extra`.execute(db);
  const row = r.rows[0]!;
  return { missing: Number(row.missing), stale: Number(row.stale), extra: Number(row.extra) };
}

/** Builds every fact again from the consultations (`verify --rebuild-report-facts`), in the caller's transaction. */
export async function rebuildAllFacts(trx: Transaction<Database>): Promise<void> {
  const facts = await deferFacts(trx);
  await sql`DELETE FROM report_facts`.execute(trx);
  await sql.raw(`INSERT INTO ${NOTED} (id) SELECT id FROM consultations`).execute(trx);
  await facts.finish();
}
