import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { tempDir } from '../support/testApp';

// Migration 0005 turns the column-per-message change log into one message per write, keeping the
// sequence numbers peers have acknowledged and the first-recorded time of every row.

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0005: one change message per write', () => {
  it('groups the column messages of each write, keeps acknowledged sequence numbers and adds created_at to the insert', async () => {
    dir = tempDir();
    const raw = new Sqlite(join(dir, 'old.db'));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) await m.up(db);
    const cp = '0190a000-0000-7000-8000-000000000001';
    raw
      .prepare(`INSERT INTO contact_points (id, created_at, updated_at, hlc, deleted_at, code, name, district_id, established_on) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`)
      .run(cp, '2024-01-02T03:04:05.000Z', '2024-02-01T00:00:00.000Z', '001706000000000-0002-aaaa', 'KLB', 'Кӯлоб', 'kt-kulob', '2024-01-02');
    const old = raw.prepare('INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) VALUES (?, ?, ?, ?, ?, ?)');
    // The insert (four columns), then an edit of the name by another installation.
    old.run('001706000000000-0000-aaaa', 'contact_points', cp, 'code', '"KLB"', 'inst-a');
    old.run('001706000000000-0000-aaaa', 'contact_points', cp, 'name', '"Кулоб"', 'inst-a');
    old.run('001706000000000-0000-aaaa', 'contact_points', cp, 'closed_on', null, 'inst-a');
    old.run('001706000000000-0000-aaaa', 'contact_points', cp, 'district_id', '"kt-kulob"', 'inst-a');
    old.run('001706000000000-0002-aaaa', 'contact_points', cp, 'name', '"Кӯлоб"', 'inst-b');

    await MIGRATIONS.find((m) => m.version === 5)!.up(db);

    const rows = raw.prepare('SELECT seq, hlc, table_name, row_id, data, origin FROM change_log ORDER BY seq').all() as { seq: number; data: string; origin: string }[];
    expect(rows.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }))).toEqual([
      {
        seq: 4,
        hlc: '001706000000000-0000-aaaa',
        table_name: 'contact_points',
        row_id: cp,
        data: { code: 'KLB', name: 'Кулоб', closed_on: null, district_id: 'kt-kulob', created_at: '2024-01-02T03:04:05.000Z' },
        origin: 'inst-a',
      },
      { seq: 5, hlc: '001706000000000-0002-aaaa', table_name: 'contact_points', row_id: cp, data: { name: 'Кӯлоб' }, origin: 'inst-b' },
    ]);
    // A message arriving again is recognised by its stamp and row.
    expect(() => raw.prepare('INSERT INTO change_log (hlc, table_name, row_id, data, origin) VALUES (?, ?, ?, ?, ?)').run('001706000000000-0002-aaaa', 'contact_points', cp, '{}', 'x')).toThrow(/UNIQUE/);
    await db.destroy();
  });
});
