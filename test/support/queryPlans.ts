import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { recordStatements } from '../../electron/bench/measure';
import { tempDir } from './testApp';

// The query plans of the SQL an app function sends, read on a new empty encrypted database. Without
// ANALYZE statistics SQLite plans the same on an empty and a national database, so the plan a test
// sees is the plan the field gets.

export interface PlannedStatement {
  sql: string;
  /** EXPLAIN QUERY PLAN's details, joined with " | ". */
  plan: string;
}

/** Opens databases for plan tests; `close` (in afterEach) removes the last one. */
export function planDatabases() {
  let dir = '';
  let opened: OpenDatabase | null = null;
  async function close(): Promise<void> {
    await opened?.close();
    opened = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  }
  /** A fresh empty database (the previous one is closed and removed). */
  async function open(): Promise<OpenDatabase> {
    await close();
    dir = tempDir();
    opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    return opened;
  }
  /** Runs fn on a fresh database and returns the plan of every statement it sent. */
  async function plans(fn: (o: OpenDatabase) => Promise<unknown>): Promise<PlannedStatement[]> {
    const o = await open();
    const statements = await recordStatements(o.raw, () => fn(o));
    return statements.map((s) => ({
      sql: s.sql,
      plan: (o.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((p) => p.detail).join(' | '),
    }));
  }
  return { open, plans, close };
}
