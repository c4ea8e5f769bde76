import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/testApp';

// Every column that points at another row (except at local user accounts) can be looked up through an
// index: without one, SQLite reads the whole pointing table for each row added while foreign keys are
// deferred, as an exchange import does. The check is SQLite's own plan for that lookup.
describe('foreign keys', () => {
  it('are all looked up through an index, except references to local user accounts', async () => {
    const t = await createTestApp();
    try {
      const raw = t.app.requireUnlocked().raw;
      const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      const scanned: string[] = [];
      for (const table of tables) {
        const fks = raw.prepare('SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)').all(table) as { parent: string; col: string }[];
        for (const fk of fks) {
          if (fk.parent === 'users') continue;
          const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "${table}" WHERE "${fk.col}" = ?`).all('x') as { detail: string }[]).map((p) => p.detail).join(' | ');
          if (!/USING (COVERING )?INDEX/.test(plan)) scanned.push(`${table}.${fk.col}: ${plan}`);
        }
      }
      expect(scanned).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
