import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, unlockDatabase } from '../../electron/app/database';
import { checkBackup, copyBackup, listBackups } from '../../db/backup';
import { keyringPathFor, readKeyring } from '../../db/keyring';
import { openDatabase } from '../../db/open';
import { FAST_KDF, tempDir } from '../support/temp';

// The day's automatic backup is made after the unlock, in the background (a national
// database's copy held the unlock for over a minute). What a user relies on: the app is usable at once,
// and the backup is a whole, encrypted copy of the data as it was at the unlock.

const PASS = 'correct horse battery staple';
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freshDb(): Promise<string> {
  dir = tempDir();
  const dbPath = join(dir, 'legal-aid.db');
  const db = await createDatabase({ dbPath, username: 'admin', displayName: 'Admin', passphrase: PASS, installationName: 'Backup test', kdf: FAST_KDF });
  // Some tens of megabytes, so that the copy is still running while the app writes.
  await sql`CREATE TABLE filler (n INTEGER, x BLOB)`.execute(db.db);
  for (let i = 0; i < 40; i++) await sql`INSERT INTO filler VALUES (${i}, randomblob(1000000))`.execute(db.db);
  await db.close();
  rmSync(join(dir, 'backups'), { recursive: true, force: true });
  return dbPath;
}

/**
 * A whole copy: it opens with the database's key, passes SQLite's integrity check and has the rows that
 * were there when the copy began (the first forty, unchanged) — nothing written during the copy.
 */
async function expectTheFirstFortyRows(file: string, dbKey: Buffer, dbPath: string): Promise<void> {
  expect(() => checkBackup(file, dbKey, readKeyring(keyringPathFor(dbPath)).databaseId)).not.toThrow();
  const copy = await openDatabase({ path: file, key: dbKey, readonly: true, appVersion: 'test' });
  try {
    const rows = await sql<{ n: number; top: number }>`SELECT count(*) AS n, max(n) AS top FROM filler`.execute(copy.db);
    expect(rows.rows[0]).toEqual({ n: 40, top: 39 });
  } finally {
    await copy.close();
  }
}

describe("the day's automatic backup", () => {
  it('is made while the app goes on writing, and holds the data as it was at the unlock', async () => {
    const dbPath = await freshDb();
    const unlocked = await unlockDatabase(dbPath, 'admin', PASS);
    expect(unlocked.dailyBackup).toBeDefined();
    // The app writes (and SQLite checkpoints, as it does after every thousand pages) while the copy runs.
    for (let i = 40; i < 80; i++) {
      await sql`INSERT INTO filler VALUES (${i}, randomblob(100000))`.execute(unlocked.db);
      unlocked.raw.pragma('wal_checkpoint(PASSIVE)');
    }
    const backup = await unlocked.dailyBackup!;
    expect(backup?.reason).toBe('daily');
    expect(listBackups(join(dir, 'backups')).map((b) => b.name)).toEqual([backup!.name]);
    const live = await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(unlocked.db);
    expect(live.rows[0]!.n).toBe(80);
    const dbKey = Buffer.from(unlocked.dbKey);
    await unlocked.close();

    await expectTheFirstFortyRows(backup!.file, dbKey, dbPath);
  });

  it('stays a consistent copy when the app changes rows and checkpoints in the middle of copying', async () => {
    const dbPath = await freshDb();
    const unlocked = await unlockDatabase(dbPath, 'admin', PASS);
    await unlocked.dailyBackup;
    // A copy that stops halfway until the app has changed every row and SQLite has checkpointed.
    let reachedHalf = () => {};
    const halfway = new Promise<void>((done) => (reachedHalf = done));
    let goOn = () => {};
    const changed = new Promise<void>((done) => (goOn = done));
    const slowCopy = async (from: string, to: string) => {
      const bytes = readFileSync(from);
      const half = Math.floor(bytes.length / 2);
      writeFileSync(to, bytes.subarray(0, half));
      reachedHalf();
      await changed;
      writeFileSync(to, Buffer.concat([bytes.subarray(0, half), readFileSync(from).subarray(half)]));
    };
    const made = copyBackup(unlocked.raw, dbPath, unlocked.dbKey, 'manual', join(dir, 'backups'), new Date(), slowCopy);
    await halfway;
    await sql`UPDATE filler SET n = n + 1000, x = randomblob(1000000)`.execute(unlocked.db);
    unlocked.raw.pragma('wal_checkpoint(PASSIVE)');
    goOn();
    const backup = await made;
    const dbKey = Buffer.from(unlocked.dbKey);
    await unlocked.close();
    await expectTheFirstFortyRows(backup.file, dbKey, dbPath);
  });

  it('is made through SQLite when the operating system will not copy the open file', async () => {
    const dbPath = await freshDb();
    const unlocked = await unlockDatabase(dbPath, 'admin', PASS);
    try {
      await unlocked.dailyBackup;
      const refuse = async () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      };
      const backup = await copyBackup(unlocked.raw, dbPath, unlocked.dbKey, 'manual', join(dir, 'backups'), new Date(), refuse);
      expect(backup.reason).toBe('manual');
      expect(() => checkBackup(backup.file, unlocked.dbKey, readKeyring(keyringPathFor(dbPath)).databaseId)).not.toThrow();
      expect(listBackups(join(dir, 'backups')).map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
    } finally {
      await unlocked.close();
    }
  });

  it('does not stop the unlock when it fails, and says so in the audit trail', async () => {
    const dbPath = await freshDb();
    // The backups folder cannot be made: a file stands in its place.
    writeFileSync(join(dir, 'backups'), 'not a folder');
    const unlocked = await unlockDatabase(dbPath, 'admin', PASS);
    try {
      expect(await unlocked.dailyBackup).toBeNull();
      const clients = await sql<{ n: number }>`SELECT count(*) AS n FROM clients`.execute(unlocked.db);
      expect(clients.rows[0]!.n).toBe(0);
      const audit = await sql<{ action: string; detail: string }>`SELECT action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT 1`.execute(unlocked.db);
      expect(audit.rows[0]!.action).toBe('backup.failed');
      expect(JSON.parse(audit.rows[0]!.detail)).toMatchObject({ reason: 'daily' });
    } finally {
      await unlocked.close();
    }
  });
});
