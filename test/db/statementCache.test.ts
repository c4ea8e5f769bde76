import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open';
import { keptStatements, preparedStatement, STATEMENT_CACHE_SIZE } from '../../db/statementCache';
import { recordStatements } from '../../electron/bench/measure';
import { tempDatabases } from '../support/tempDatabase';

// Statements prepared once per connection and kept (db/statementCache.ts): a kept statement answers
// exactly what a newly prepared one does, also after the schema changed, and never twice at once.

const newDatabase = tempDatabases();

async function open(): Promise<OpenDatabase> {
  const o = await newDatabase();
  o.raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, word TEXT NOT NULL)');
  const insert = o.raw.prepare('INSERT INTO notes (word) VALUES (?)');
  for (const word of ['алиф', 'бе', 'пе', 'те', 'се']) insert.run(word);
  return o;
}

describe('kept statements', () => {
  it('give the rows a newly prepared statement gives, with any parameters, and are prepared once', async () => {
    const o = await open();
    const page = (from: number) => o.db.selectFrom('notes' as never).selectAll().where(sql.ref('id'), '>=', from).orderBy(sql.ref('id')).limit(2).execute();
    const first = await page(1);
    const kept = keptStatements(o.raw);
    const second = await page(3);
    expect(keptStatements(o.raw)).toBe(kept);
    const fresh = (from: number) => o.raw.prepare('SELECT * FROM notes WHERE id >= ? ORDER BY id LIMIT ?').all(from, 2);
    expect(first).toEqual(fresh(1));
    expect(second).toEqual(fresh(3));
    expect(second.map((r) => (r as { word: string }).word)).toEqual(['пе', 'те']);
  });

  it('answer with the new columns after the table changed', async () => {
    const o = await open();
    const all = () => o.db.selectFrom('notes' as never).selectAll().where(sql.ref('id'), '=', 1).execute();
    expect(await all()).toEqual([{ id: 1, word: 'алиф' }]);
    o.raw.exec(`ALTER TABLE notes ADD COLUMN lang TEXT NOT NULL DEFAULT 'tg'`);
    expect(await all()).toEqual([{ id: 1, word: 'алиф', lang: 'tg' }]);
  });

  it('hand a statement still being read row by row to nobody else', async () => {
    const o = await open();
    const text = 'SELECT word FROM notes ORDER BY id';
    const reading = preparedStatement(o.raw, text).iterate() as IterableIterator<{ word: string }>;
    expect(reading.next().value).toEqual({ word: 'алиф' });
    // The same text asked for meanwhile gets a statement of its own.
    expect(preparedStatement(o.raw, text).all()).toHaveLength(5);
    expect([...reading].map((r) => r.word)).toEqual(['бе', 'пе', 'те', 'се']);
  });

  it('are at most a fixed number per connection, the least recently used going first', async () => {
    const o = await open();
    const text = (i: number) => `SELECT ${i} AS n`;
    const first = preparedStatement(o.raw, text(0));
    const second = preparedStatement(o.raw, text(1));
    for (let i = 2; i < STATEMENT_CACHE_SIZE; i++) preparedStatement(o.raw, text(i));
    expect(keptStatements(o.raw)).toBe(STATEMENT_CACHE_SIZE);
    // Used again, the first is the most recent: one more text pushes out the second instead.
    expect(preparedStatement(o.raw, text(0))).toBe(first);
    expect(preparedStatement(o.raw, text(STATEMENT_CACHE_SIZE)).get()).toEqual({ n: STATEMENT_CACHE_SIZE });
    expect(keptStatements(o.raw)).toBe(STATEMENT_CACHE_SIZE);
    expect(preparedStatement(o.raw, text(0))).toBe(first);
    const again = preparedStatement(o.raw, text(1));
    expect(again).not.toBe(second);
    expect(again.get()).toEqual({ n: 1 });
  });

  it('do not hide statements from the bench recorder', async () => {
    const o = await open();
    const count = () => o.db.selectFrom('notes' as never).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await count();
    const recorded = await recordStatements(o.raw, count);
    expect(recorded.map((s) => s.sql)).toEqual(['select count(*) as "n" from "notes"']);
  });
});
