import { readKeyring } from '../../db/keyring';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newClient } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// A damaged database on a real encrypted file: the unlock leads to recovery, and a backup is put back
// only with an administrator's passphrase from that backup.

let t: TestApp;
afterEach(async () => t?.cleanup());

const LAWYER = { username: 'lawyer1', password: 'a long enough password 1' };
const PAGE = 4096;

/** Overwrites a page of the (closed) database file with junk, as a failing disk would. */
function damagePage(dbPath: string, page: number): Buffer {
  const bytes = readFileSync(dbPath);
  bytes.fill(0x5a, (page - 1) * PAGE, page * PAGE);
  writeFileSync(dbPath, bytes);
  return bytes;
}

function rootPage(t: TestApp, table: string): number {
  const row = t.app.requireUnlocked().raw.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number };
  return row.rootpage;
}

async function clientNames(t: TestApp): Promise<string[]> {
  const page = await t.call('clients:list', { offset: 0, limit: 50 });
  return page.rows.map((r) => r.surname);
}

/** A database with a lawyer and one client in a backup, and a second client made after it. */
async function withBackup(): Promise<{ backupName: string; dbPath: string }> {
  t = await createTestApp();
  await t.call('users:create', { username: LAWYER.username, displayName: 'Lawyer', role: 'lawyer', password: LAWYER.password, passwordConfirm: LAWYER.password });
  await newClient(t, { surname: 'Назарова', givenName: 'Гулнора' });
  const backup = await t.call('backups:create', {});
  await newClient(t, { surname: 'Каримова', givenName: 'Зарина' });
  return { backupName: backup.name, dbPath: t.app.dbPath };
}

describe('recovery of a damaged database before unlock', () => {
  it('leads a damaged database to recovery and restores a backup only with an administrator passphrase of that backup', async () => {
    const { backupName, dbPath } = await withBackup();
    // A table the unlock itself never reads: its integrity check finds the damage.
    const staffPage = rootPage(t, 'staff');
    await t.call('login:lock', {});
    const damaged = damagePage(dbPath, staffPage);

    // Nothing shows before a right passphrase opens the file; then the unlock answers with recovery.
    expect((await t.call('app:status', {})).state).toBe('locked');
    expect(await t.raw('login:unlock', { username: ADMIN.username, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect((await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).state).toBe('recovery');
    expect((await t.call('app:status', {})).state).toBe('recovery');

    const { folder, backups } = await t.call('recovery:backups', {});
    expect(folder).toBe(join(t.dir, 'backups'));
    const listed = backups.find((b) => b.name === backupName);
    expect(listed).toMatchObject({ reason: 'manual' });
    expect(listed!.sizeBytes).toBeGreaterThan(PAGE);

    // A wrong passphrase is refused, and nothing is moved. A lawyer's passphrase opens nothing either:
    // the backup's key file holds administrators' slots only.
    expect(await t.raw('recovery:restore', { name: backupName, username: ADMIN.username, passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(readKeyring(join(t.dir, 'backups', `${backupName}.keys.json`)).slots.map((slot) => slot.username)).toEqual([ADMIN.username]);
    expect(readFileSync(dbPath).equals(damaged)).toBe(true);
    expect(existsSync(join(t.dir, 'damaged'))).toBe(false);

    const restored = await t.call('recovery:restore', { name: backupName, username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(restored.status.state).toBe('locked');
    // The lawyer of the backup has no slot in its key file: named, so an administrator gives a new password.
    expect(restored.usersWithoutSlot).toEqual([LAWYER.username]);

    // The damaged file is kept aside, byte for byte, with its key file.
    const aside = readdirSync(join(t.dir, 'damaged'));
    const keptDb = aside.find((n) => /^legal-aid-\d{8}T\d{6}Z(-\d+)?\.db$/.test(n));
    expect(keptDb).toBeDefined();
    expect(aside).toContain(`${keptDb}.keys.json`);
    expect(readFileSync(join(t.dir, 'damaged', keptDb!)).equals(damaged)).toBe(true);

    // The backup's data is back (the client made after it is not), and the restore is in its audit trail.
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await clientNames(t)).toEqual(['Назарова']);
    const audit = await t.call('audit:list', { offset: 0, limit: 10, action: 'backup.restore' });
    expect(audit.chainOk).toBe(true);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ username: ADMIN.username, action: 'backup.restore' });
    expect(JSON.parse(audit.rows[0]!.detail)).toEqual({ name: backupName, recovery: true, keptAside: keptDb });
  });

  it('refuses recovery while the database is whole, even with the administrator passphrase', async () => {
    const { backupName, dbPath } = await withBackup();
    await t.call('login:lock', {});
    const before = readFileSync(dbPath);
    expect(await t.raw('recovery:backups', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.raw('recovery:restore', { name: backupName, username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await clientNames(t)).toHaveLength(2);
  });

  it('a first page that no longer decrypts and a damaged key file lead to recovery too', async () => {
    const { dbPath } = await withBackup();
    await t.call('login:lock', {});
    damagePage(dbPath, 1);
    expect((await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).state).toBe('recovery');

    // A key file that cannot be read shows without any passphrase (a fresh start of the app).
    const fresh = await createTestApp({ dir: t.dir, unlocked: false });
    writeFileSync(`${dbPath}.keys.json`, '{"format":');
    expect((await fresh.call('app:status', {})).state).toBe('recovery');
    expect((await fresh.call('recovery:backups', {})).backups.length).toBeGreaterThan(0);
  });

  it('a damaged page met during work closes the database and offers recovery', async () => {
    const { dbPath } = await withBackup();
    const clientsPage = rootPage(t, 'clients');
    await t.call('login:lock', {});
    damagePage(dbPath, clientsPage);
    // The unlock checks only the small tables it needs: it opens, and the damage shows at the first read.
    expect((await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).state).toBe('unlocked');
    expect(await t.raw('clients:list', { offset: 0, limit: 50 })).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect((await t.call('app:status', {})).state).toBe('recovery');
  });
});
