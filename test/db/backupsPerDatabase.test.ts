import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, unlockDatabase } from '../../electron/app/database';
import { backupDirFor, backupsBeforeRotation, backupsOfDatabase, createBackup, keepDamagedAside } from '../../db/backup';
import { keyringPathFor, readKeyring, writeKeyring } from '../../db/keyring';
import { recoveryBackups } from '../../electron/app/recovery';
import { FAST_KDF, tempDir } from '../support/temp';

// Several databases in one folder (as the command line's examples make them) share its backups folder;
// each must get its own daily backup, its own rotation, and list only its own backups.

const PASS = 'correct horse battery staple';
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function makeDb(name: string): Promise<string> {
  const dbPath = join(dir, name);
  const db = await createDatabase({ dbPath, username: 'admin', displayName: 'Admin', passphrase: PASS, installationName: name, kdf: FAST_KDF });
  await db.close();
  return dbPath;
}

async function unlockAndWait(dbPath: string) {
  const unlocked = await unlockDatabase(dbPath, 'admin', PASS);
  const daily = await unlocked.dailyBackup;
  await unlocked.close();
  return daily;
}

describe('backups of several databases in one folder', () => {
  it("gives each database its daily backup, named after it, and only one a day", async () => {
    dir = tempDir();
    const office = await makeDb('office.db');
    const team = await makeDb('team.db');
    expect(backupDirFor(office)).toBe(backupDirFor(team));

    const first = await unlockAndWait(office);
    const second = await unlockAndWait(team);
    expect(first?.name).toMatch(/^office-\d{8}T\d{6}Z-daily\.db$/);
    expect(second?.name).toMatch(/^team-\d{8}T\d{6}Z-daily\.db$/);
    // The second unlock of the day makes none.
    expect(await unlockAndWait(office)).toBeUndefined();
    expect(await unlockAndWait(team)).toBeUndefined();

    expect(backupsOfDatabase(office).map((b) => b.name)).toEqual([first!.name]);
    expect(backupsOfDatabase(team).map((b) => b.name)).toEqual([second!.name]);
    // The audit head travels beside each backup.
    expect(existsSync(`${first!.file}.audit-head.json`)).toBe(true);
  });

  it("rotates one database's backups without touching another's", async () => {
    dir = tempDir();
    const office = await makeDb('office.db');
    const team = await makeDb('team.db');
    const t = await unlockDatabase(team, 'admin', PASS);
    await t.dailyBackup;
    const teamManual = createBackup(t.raw, team, 'manual', backupDirFor(team), new Date('2026-01-01T08:00:00Z'));
    await t.close();
    const o = await unlockDatabase(office, 'admin', PASS);
    await o.dailyBackup;
    for (let i = 0; i < 12; i++) createBackup(o.raw, office, 'manual', backupDirFor(office), new Date(Date.UTC(2026, 1, 1, 8, i)));
    await o.close();
    expect(backupsOfDatabase(office).filter((b) => b.reason === 'manual')).toHaveLength(10);
    expect(backupsOfDatabase(team).filter((b) => b.reason === 'manual').map((b) => b.name)).toEqual([teamManual.name]);
  });

  it('still lists a backup made before backups were named after their database, for the database it belongs to only', async () => {
    dir = tempDir();
    const office = await makeDb('office.db');
    const team = await makeDb('team.db');
    const daily = (await unlockAndWait(team))!;
    // A backup as the earlier versions named it, whatever the database.
    const old = join(backupDirFor(team), 'legal-aid-20250101T080000Z-manual.db');
    for (const suffix of ['', '.keys.json', '.audit-head.json']) renameSync(`${daily.file}${suffix}`, `${old}${suffix}`);

    expect(backupsOfDatabase(team).map((b) => b.name)).toEqual(['legal-aid-20250101T080000Z-manual.db']);
    expect(backupsOfDatabase(office).map((b) => b.name)).not.toContain('legal-aid-20250101T080000Z-manual.db');
    expect(recoveryBackups(team).map((b) => b.name)).toEqual(['legal-aid-20250101T080000Z-manual.db']);
    // When the live key file is gone (recovery), the database cannot be told: the old backup is offered.
    rmSync(`${office}.keys.json`);
    expect(recoveryBackups(office).map((b) => b.name)).toContain('legal-aid-20250101T080000Z-manual.db');
  });

  it("lists for destruction after a key rotation only that database's older backups", async () => {
    dir = tempDir();
    const office = await makeDb('office.db');
    const team = await makeDb('team.db');
    const officeDaily = (await unlockAndWait(office))!;
    await unlockAndWait(team);
    // The office database's key was replaced after its backup was made.
    const keyring = readKeyring(keyringPathFor(office));
    writeKeyring(keyringPathFor(office), { ...keyring, rotatedAt: new Date(Date.now() + 1000).toISOString() });
    expect(backupsBeforeRotation(office).map((b) => b.name)).toEqual([officeDaily.name]);
    expect(backupsBeforeRotation(team)).toEqual([]);
  });

  it('keeps a damaged database aside under its own name', async () => {
    dir = tempDir();
    const office = await makeDb('office.db');
    const kept = keepDamagedAside(office, new Date('2026-12-03T10:20:30Z'));
    expect(kept).toBe('office-20261203T102030Z.db');
    expect(readdirSync(join(dir, 'damaged')).sort()).toEqual(['office-20261203T102030Z.db', 'office-20261203T102030Z.db.keys.json']);
  });
});
