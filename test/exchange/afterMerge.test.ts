import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBackup } from '../../db/backup';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { tempDir } from '../support/temp';
import { installation, pack, pair, write } from './network';
import { client, contactPoint, KULOB } from './records';

// A merge that has the file to itself leaves WAL for a rollback journal and gives it back at the end,
// while its temporary tables have made SQLite's temporary database. Copying the log into the database
// (a backup's first step) right after that answered "database table is locked": SQLite checkpointed
// every database by default, the temporary one included. Only the main database has a log.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;

beforeAll(async () => {
  dir = tempDir('lad-after-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
  await write(team, contactPoint('0190a000-0000-7000-8000-0000000000ea', 'KLB', KULOB));
  await write(team, client({ id: '0190a000-0000-7000-8000-0000000000eb', surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: '', birthDate: '1990-03-04', phone: '+992917770404', doc: 'B4' }));
});

afterAll(async () => {
  for (const db of [cp, team]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('right after a package is merged on the same connection', () => {
  it('backs the database up', async () => {
    await importPackage(cp, (await pack(team, cp)).file);
    const backup = await copyBackup(cp.raw, cp.dbPath, cp.dbKey, 'manual');
    expect(existsSync(backup.file)).toBe(true);
  });
});
