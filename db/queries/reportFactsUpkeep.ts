import { sql, type Kysely, type Transaction } from 'kysely';
import { SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { dictionaryJoins, FACT_COLUMNS, FACT_IDS, rebuildFactsOf } from '../reportFactsSql';
import type { Database } from '../schema';
import { deferUpkeep, type Deferral, type NotingTrigger } from './deferredUpkeep';

// Deferred upkeep of report_facts (db/reportFactsSql.ts) for a write of many rows at once (an exchange
// merge of a year of national changes). The report's triggers cost a national year's import about a quarter of
// its time — per row fired, even when a WHEN clause would skip their work (SQLite sets up a trigger's
// whole program first). So, inside the merge's transaction, deferFacts sets them aside and notes which
// consultations changed (deferredUpkeep.ts); finish() rebuilds the facts of those set-wise from the
// view report_fact_values, one pass per dictionary.

const STALE = 'report_stale';
const NOTED = `temp.${STALE}`;
const note = (id: string) => `INSERT INTO ${NOTED} (id) SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM ${NOTED} s WHERE s.id = ${id})`;
const noteSession = (x: string) => `INSERT INTO ${NOTED} (id) SELECT c.id FROM consultations c
  WHERE c.mobile_session_id = ${x}.id AND NOT EXISTS (SELECT 1 FROM ${NOTED} s WHERE s.id = c.id)`;
/** A changed key leaves its former fact behind: it goes at once (the rebuild knows only current keys). */
const DROP_OLD_FACT = 'DELETE FROM main.report_facts WHERE date = OLD.date AND created_at = OLD.created_at AND id = OLD.id';

const NOTING: NotingTrigger[] = [
  ['report_note_consultation_insert', 'AFTER INSERT ON consultations', [note('NEW.id')]],
  ['report_note_consultation_update', 'AFTER UPDATE ON consultations', [note('NEW.id')]],
  // Only when the key changes (a fact under an unchanged key is replaced by the rebuild).
  ['report_note_consultation_rekey', 'AFTER UPDATE OF date, created_at ON consultations', [DROP_OLD_FACT], 'OLD.date IS NOT NEW.date OR OLD.created_at IS NOT NEW.created_at'],
  ['report_note_consultation_delete', 'AFTER DELETE ON consultations', [DROP_OLD_FACT]],
  ...SET_DIMENSIONS.flatMap(({ key, source: { table } }): Array<[string, string, string[]]> => [
    [`report_note_${key}_insert`, `AFTER INSERT ON ${table}`, [note('NEW.consultation_id')]],
    [`report_note_${key}_update`, `AFTER UPDATE ON ${table}`, [note('OLD.consultation_id'), note('NEW.consultation_id')]],
    [`report_note_${key}_delete`, `AFTER DELETE ON ${table}`, [note('OLD.consultation_id')]],
  ]),
  ['report_note_session_insert', 'AFTER INSERT ON mobile_sessions', [noteSession('NEW')]],
  ['report_note_session_update', 'AFTER UPDATE ON mobile_sessions', [noteSession('NEW')]],
  ['report_note_session_delete', 'AFTER DELETE ON mobile_sessions', [noteSession('OLD')]],
];

/** From now until finish(), in this transaction, the report's triggers only note what changed. */
export function deferFacts(trx: Transaction<Database>): Promise<Deferral> {
  return deferUpkeep(trx, { triggers: 'report_facts_*', noted: STALE, noting: NOTING, rebuild: (trx) => rebuildFactsOf(trx, NOTED) });
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
  // The fact's values after its key, as the view and the dictionaries make them (FACT_IDS) and as stored.
  const values = FACT_COLUMNS.slice(3);
  const wanted = FACT_IDS.map((v, k) => `${v} AS ${values[k]}`).join(', ');
  const differs = values.map((c) => `f.${c} IS NOT w.${c}`).join(' OR ');
  const r = await sql<FactsCheck>`
    WITH want AS (SELECT r.date, r.created_at, r.id, ${sql.raw(wanted)} FROM report_fact_values r ${sql.raw(dictionaryJoins('LEFT JOIN'))})
    SELECT
      (SELECT count(*) FROM want w WHERE NOT EXISTS (SELECT 1 FROM report_facts f WHERE f.date = w.date AND f.created_at = w.created_at AND f.id = w.id)) AS missing,
      (SELECT count(*) FROM want w JOIN report_facts f ON f.date = w.date AND f.created_at = w.created_at AND f.id = w.id WHERE ${sql.raw(differs)}) AS stale,
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
