import { sql, type Kysely, type Transaction } from 'kysely';
import { DICTIONARIES, FACT_TRIGGERS, FACT_VALUES_VIEW, rebuildFactsOf } from './reportFactsSql';
import type { Database } from './schema';

// The rule for the report's derived SQL. Migrations add what holds data — the facts table, its
// dictionaries, a column for a new dimension — and never change once released. The triggers that keep
// the facts up to date and the view they are built from hold no data: they are generated from the
// declaration of the dimensions (shared/domain/indicatorDimensions.ts, via reportFactsSql.ts) and
// rebuilt when the database opens, right after its migrations and in their transaction, whenever the
// text SQLite keeps for them (sqlite_master) differs from the generated text — the text is the
// fingerprint. A different text may mean a different fact, so the facts and their dictionaries are
// built again from the consultations at the same time: once per change of the declaration (a few
// seconds for a national database), never at an ordinary open.

type Db = Kysely<Database> | Transaction<Database>;

/** The report's derived objects as SQLite keeps them: triggers report_facts_* and the view report_fact_values. */
async function storedObjects(db: Db): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
    WHERE (type = 'trigger' AND name GLOB 'report_facts_*') OR (type = 'view' AND name = 'report_fact_values')`.execute(db);
  return new Map(rows.map((r) => [r.name, r.sql]));
}

function wantedObjects(): Map<string, string> {
  return new Map([['report_fact_values', FACT_VALUES_VIEW], ...FACT_TRIGGERS.map((t): [string, string] => [t.name, t.sql])]);
}

/** Whether the triggers and the view are those the declaration generates. */
export async function reportFactsCurrent(db: Db): Promise<boolean> {
  const [stored, wanted] = [await storedObjects(db), wantedObjects()];
  return stored.size === wanted.size && [...wanted].every(([name, text]) => stored.get(name) === text);
}

/**
 * Replaces the report's triggers and view by the generated ones and builds every fact again, in the
 * caller's transaction, when they differ (see above). Returns whether it did. Runs on a database at
 * the latest schema.
 */
export async function syncReportFacts(trx: Transaction<Database>): Promise<boolean> {
  if (await reportFactsCurrent(trx)) return false;
  for (const [name] of await storedObjects(trx)) {
    await sql.raw(name === 'report_fact_values' ? `DROP VIEW ${name}` : `DROP TRIGGER ${name}`).execute(trx);
  }
  // Old dictionary rows may be in another layout (a dimension added to report_dims): all go. An open
  // handle's cache of the dictionaries (indicatorDictionaries.ts) is not yet filled at this point.
  for (const table of ['report_facts', ...DICTIONARIES]) await sql.raw(`DELETE FROM ${table}`).execute(trx);
  await sql.raw(FACT_VALUES_VIEW).execute(trx);
  await sql.raw('CREATE TEMP TABLE report_all (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID').execute(trx);
  await sql.raw('INSERT INTO temp.report_all (id) SELECT id FROM consultations').execute(trx);
  await rebuildFactsOf(trx, 'temp.report_all');
  await sql.raw('DROP TABLE temp.report_all').execute(trx);
  for (const t of FACT_TRIGGERS) await sql.raw(t.sql).execute(trx);
  return true;
}
