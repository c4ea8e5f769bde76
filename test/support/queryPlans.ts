import type { OpenDatabase } from '../../db/open';
import { recordStatements } from '../../electron/bench/measure';
import { tempDatabases } from './tempDatabase';

// The query plans of the SQL an app function sends, read on a new empty encrypted database. Without
// ANALYZE statistics SQLite plans the same on an empty and a national database, so the plan a test
// sees is the plan the field gets.

export interface PlannedStatement {
  sql: string;
  /** EXPLAIN QUERY PLAN's details, joined with " | ". */
  plan: string;
}

/** For a plan test file: `open` a fresh database, or run fn on one and get the `plans` of what it sent. */
export function planDatabases() {
  const open = tempDatabases();
  async function plans(fn: (o: OpenDatabase) => Promise<unknown>): Promise<PlannedStatement[]> {
    const o = await open();
    const statements = await recordStatements(o.raw, () => fn(o));
    return statements.map((s) => ({
      sql: s.sql,
      plan: (o.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((p) => p.detail).join(' | '),
    }));
  }
  return { open, plans };
}
