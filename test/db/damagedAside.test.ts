import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepDamagedAside } from '../../db/backup';
import { tempDir } from '../support/temp';

describe('a damaged database kept aside', () => {
  it('moves the file, its WAL and its key file into damaged/, and never puts one over another', () => {
    const dir = tempDir();
    const dbPath = join(dir, 'legal-aid.db');
    const now = new Date('2026-12-03T10:20:30.456Z');
    const damage = (text: string) => {
      writeFileSync(dbPath, `db ${text}`);
      writeFileSync(`${dbPath}-wal`, `wal ${text}`);
      writeFileSync(`${dbPath}.keys.json`, `keys ${text}`);
    };
    damage('first');
    expect(keepDamagedAside(dbPath, now)).toBe('legal-aid-20261203T102030Z.db');
    damage('second');
    expect(keepDamagedAside(dbPath, now)).toBe('legal-aid-20261203T102030Z-2.db');
    expect(existsSync(dbPath) || existsSync(`${dbPath}-wal`) || existsSync(`${dbPath}.keys.json`)).toBe(false);
    const aside = join(dir, 'damaged');
    expect(readdirSync(aside).sort()).toEqual([
      'legal-aid-20261203T102030Z-2.db',
      'legal-aid-20261203T102030Z-2.db-wal',
      'legal-aid-20261203T102030Z-2.db.keys.json',
      'legal-aid-20261203T102030Z.db',
      'legal-aid-20261203T102030Z.db-wal',
      'legal-aid-20261203T102030Z.db.keys.json',
    ]);
    expect(readFileSync(join(aside, 'legal-aid-20261203T102030Z.db-wal'), 'utf8')).toBe('wal first');
    expect(readFileSync(join(aside, 'legal-aid-20261203T102030Z-2.db'), 'utf8')).toBe('db second');
  });
});
