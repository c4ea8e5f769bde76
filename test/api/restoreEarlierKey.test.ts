import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { keyOpens } from '../../db/open';
import { newClient } from '../support/caseFixtures';
import { runCliCaptured } from '../support/cli';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// A backup made before the database got a new key opens only with its own key file: Settings and the
// command line restore it with an administrator's passphrase from that backup, as the recovery screen
// does. Afterwards only the administrators have slots; the others are named and get a new password.

let t: TestApp;
afterEach(async () => t?.cleanup());

const LAWYER = { username: 'lawyer1', password: 'a long enough password 1' };

async function clientNames(): Promise<string[]> {
  return (await t.call('clients:list', { offset: 0, limit: 50 })).rows.map((r) => r.surname);
}

/** Whether this key opens the live database file, as someone holding the files would try. */
const opensLive = (key: Buffer) => keyOpens(t.app.dbPath, key);

/** A backup with a lawyer and one client, then a key rotation and a second client. */
async function backupBeforeRotation(): Promise<string> {
  t = await createTestApp();
  await t.call('users:create', { username: LAWYER.username, displayName: 'Lawyer', role: 'lawyer', password: LAWYER.password, passwordConfirm: LAWYER.password });
  await newClient(t, { surname: 'Назарова', givenName: 'Гулнора' });
  // A copy of the key file of that day, with the lawyer's slot, kept by someone.
  copyFileSync(keyringPathFor(t.app.dbPath), join(t.dir, 'copied.keys.json'));
  const backup = await t.call('backups:create', {});
  await t.call('security:rotateKey', {});
  await newClient(t, { surname: 'Каримова', givenName: 'Зарина' });
  return backup.name;
}

describe('restoring a backup made before a key rotation', () => {
  it('Settings asks for an administrator’s passphrase of that backup, then restores it and names the users left without a slot', async () => {
    const name = await backupBeforeRotation();

    // The current key does not open it: the screen is asked for a passphrase, and nothing changes.
    expect(await t.raw('backups:restore', { name })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'passphrase', key: 'backupEarlierKey' }] },
    });
    expect(await t.raw('backups:restore', { name, username: ADMIN.username, passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'passphrase', key: 'backupPassphrase' }] },
    });
    // The lawyer's password opens nothing: the backup's key file holds the administrators' slots only.
    expect(await t.raw('backups:restore', { name, username: LAWYER.username, passphrase: LAWYER.password })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect((await t.call('app:status', {})).state).toBe('unlocked');
    expect((await clientNames()).sort()).toEqual(['Каримова', 'Назарова']);

    const restored = await t.call('backups:restore', { name, username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(restored).toEqual({ status: expect.objectContaining({ state: 'locked' }), usersWithoutSlot: [LAWYER.username] });

    // The backup's old key, which that day's key file still gives to the lawyer's password, no longer
    // opens the live database: the restored database got a new key.
    expect(opensLive((await unwrapKey(readKeyring(join(t.dir, 'copied.keys.json')), LAWYER.username, LAWYER.password)).dbKey)).toBe(false);
    // The lawyer cannot sign in; the administrator can, and sees the backup's data and the restore in its audit trail.
    expect(await t.raw('login:unlock', { username: LAWYER.username, passphrase: LAWYER.password })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await clientNames()).toEqual(['Назарова']);
    const audit = await t.call('audit:list', { offset: 0, limit: 10, action: 'backup.restore' });
    expect(audit.rows).toHaveLength(1);
    expect(JSON.parse(audit.rows[0]!.detail)).toMatchObject({ name, keptAs: expect.stringMatching(/-pre-restore\.db$/) });

    // The way back for the lawyer: an administrator sets a new password, which gives her a slot.
    const lawyer = (await t.call('users:list', {})).find((u) => u.username === LAWYER.username)!;
    expect(lawyer.canUnlock).toBe(false);
    const fresh = 'a brand new password 2';
    expect(await t.call('users:resetPassword', { id: lawyer.id, password: fresh, passwordConfirm: fresh })).toMatchObject({ canUnlock: true });
    await t.call('login:lock', {});
    expect(await t.call('login:unlock', { username: LAWYER.username, passphrase: fresh })).toMatchObject({ state: 'unlocked', user: { username: LAWYER.username } });
    expect(await clientNames()).toEqual(['Назарова']);
  });

  it('the command line asks for it too, says clearly when it does not open the backup, and prints the users left without a slot', async () => {
    const name = await backupBeforeRotation();
    const dbPath = t.app.dbPath;
    const from = join(t.dir, 'backups', name);
    await t.app.lock();
    process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
    try {
      process.env.LEGAL_AID_BACKUP_PASSPHRASE = 'not the passphrase';
      const refused = await runCliCaptured(['restore', '--db', dbPath, '--from', from]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('Error (WRONG_PASSPHRASE): This user name and passphrase do not open this backup');

      process.env.LEGAL_AID_BACKUP_PASSPHRASE = ADMIN.passphrase;
      const done = await runCliCaptured(['restore', '--db', dbPath, '--from', from]);
      expect(done.code).toBe(0);
      expect(done.out).toContain(`Restored ${dbPath} from ${from}.`);
      expect(done.out).toMatch(/These users cannot sign in until an administrator sets a new password for them \(Settings → Users → Set a new password\): lawyer1$/m);
    } finally {
      delete process.env.LEGAL_AID_PASSPHRASE;
      delete process.env.LEGAL_AID_BACKUP_PASSPHRASE;
    }
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await clientNames()).toEqual(['Назарова']);
  });

  it('a backup under the current key needs no second passphrase, and names nobody when every active user is an administrator', async () => {
    t = await createTestApp();
    const backup = await t.call('backups:create', {});
    const key = Buffer.from(t.app.requireUnlocked().dbKey);
    expect(await t.call('backups:restore', { name: backup.name })).toMatchObject({ status: { state: 'locked' }, usersWithoutSlot: [] });
    // Under the live key already, it keeps it: no second re-encryption.
    expect(opensLive(key)).toBe(true);
  });
});
