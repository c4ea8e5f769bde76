import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBackup } from '../../db/backup';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { pack, teamWithOneClient } from './network';

// A merge that has the file to itself leaves WAL for a rollback journal and gives it back at the end,
// while its temporary tables have made SQLite's temporary database. Copying the log into the database
// (a backup's first step) right after that answered "database table is locked": SQLite checkpointed
// every database by default, the temporary one included. Only the main database has a log.

let cp: UnlockedDatabase, team: UnlockedDatabase;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ cp, team, close } = await teamWithOneClient('lad-after-'));
});

afterAll(() => close?.());

describe('right after a package is merged on the same connection', () => {
  it('backs the database up', async () => {
    await importPackage(cp, (await pack(team, cp)).file);
    const backup = await copyBackup(cp.raw, cp.dbPath, cp.dbKey, 'manual');
    expect(existsSync(backup.file)).toBe(true);
  });
});
