import type Sqlite from 'better-sqlite3-multiple-ciphers';

// Prepared statements kept per connection, by their SQL text. Kysely's SQLite driver prepares every
// statement it runs anew (SQLite parses it and resolves every name against the schema), though the app
// sends the same few hundred texts again and again with other parameters: for the short indexed reads of
// a search or a list page, preparing cost more than running. A statement SQLite finds out of date after
// a schema change is prepared again by SQLite itself (sqlite3_prepare_v2), so a kept one stays right.

/** How many texts a connection keeps (the least recently used one goes first). */
export const STATEMENT_CACHE_SIZE = 400;

const caches = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();

/** Statements run many times: reads, row writes and the transaction's own; not schema changes or pragmas. */
const REUSED = /^\s*(select|with|insert|update|delete|replace|begin|commit|rollback|savepoint|release)\b/i;

/** The prepared statement of `sql` on `raw`: the kept one, or a new one (kept when it is of a kind run again). */
export function preparedStatement(raw: Sqlite.Database, sql: string): Sqlite.Statement {
  let cache = caches.get(raw);
  if (!cache) caches.set(raw, (cache = new Map()));
  const kept = cache.get(sql);
  if (kept) {
    // A statement being iterated cannot run a second time meanwhile: this run gets one of its own.
    if (kept.busy) return raw.prepare(sql);
    cache.delete(sql);
    cache.set(sql, kept);
    return kept;
  }
  const stmt = raw.prepare(sql);
  if (REUSED.test(sql)) {
    cache.set(sql, stmt);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return stmt;
}

/** Drops the statements kept for `raw` (the bench's recorder wants to see every statement prepared). */
export function forgetStatements(raw: Sqlite.Database): void {
  caches.delete(raw);
}

/** How many statements are kept for `raw`. */
export function keptStatements(raw: Sqlite.Database): number {
  return caches.get(raw)?.size ?? 0;
}
