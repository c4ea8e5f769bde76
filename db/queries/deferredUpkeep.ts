import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

// The shape both deferred upkeeps share (the report's facts, reportFactsUpkeep.ts; the clients' search
// terms, searchTermsUpkeep.ts) for a write of many rows at once: inside the writer's transaction, the
// triggers that keep a derived table are set aside, temporary triggers in their place only note which
// records changed (in a temporary table), and finish() rebuilds the derived rows of those set-wise, then
// puts the triggers back from their own text in sqlite_master. Schema changes in SQLite are
// transactional: if the write fails, the rollback restores the triggers with everything else.

/** A temporary trigger that notes: its name, its event ("AFTER INSERT ON t"), its statements, and an optional WHEN. */
export type NotingTrigger = [name: string, event: string, statements: string[], when?: string];

export interface Deferral {
  /** Rebuilds what was noted since the deferral began and puts the triggers back. */
  finish(): Promise<void>;
}

export interface DeferredUpkeep {
  /** The triggers set aside: their names match this GLOB pattern. */
  triggers: string;
  /** The temporary table of noted ids (made here, dropped by finish). */
  noted: string;
  noting: readonly NotingTrigger[];
  /** Rebuilds what is derived from the records noted, in the writer's transaction. */
  rebuild: (trx: Transaction<Database>) => Promise<void>;
}

/** From now until finish(), in this transaction, the triggers of `upkeep` only note what changed. */
export async function deferUpkeep(trx: Transaction<Database>, upkeep: DeferredUpkeep): Promise<Deferral> {
  const { rows: triggers } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB ${upkeep.triggers} ORDER BY name`.execute(trx);
  for (const t of triggers) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(trx);
  await sql.raw(`CREATE TEMP TABLE ${upkeep.noted} (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID`).execute(trx);
  for (const [name, event, statements, when] of upkeep.noting) {
    await sql.raw(`CREATE TEMP TRIGGER ${name} ${event} FOR EACH ROW${when ? ` WHEN ${when}` : ''} BEGIN ${statements.map((s) => `${s};`).join(' ')} END`).execute(trx);
  }
  return {
    async finish() {
      await upkeep.rebuild(trx);
      for (const [name] of upkeep.noting) await sql.raw(`DROP TRIGGER temp.${name}`).execute(trx);
      await sql.raw(`DROP TABLE temp.${upkeep.noted}`).execute(trx);
      for (const t of triggers) await sql.raw(t.sql).execute(trx);
    },
  };
}
