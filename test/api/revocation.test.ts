import Sqlite from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { applyKey } from '../../db/open';
import { rotateDatabaseKey } from '../../electron/app/keyRotation';
import { runCli } from '../../electron/cli/run';
import { KEY_ROTATION_PHASES, type KeyRotationPhase, type KeyRotationProgress } from '../../shared/api/securityTypes';
import { runCliCaptured } from '../support/cli';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const PASS = 'a long enough password 1';

/** What an attacker with the files does: open the live database with a key unwrapped elsewhere. */
function rowsReadWith(dbPath: string, key: Buffer): number | 'refused' {
  const raw = new Sqlite(dbPath, { readonly: true });
  try {
    applyKey(raw, key);
    return (raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  } catch {
    return 'refused';
  } finally {
    raw.close();
  }
}

/** Rows of every table, and the integrity check, read with the current key file and a user's password. */
async function contents(dbPath: string, username: string, passphrase: string) {
  const { dbKey } = await unwrapKey(readKeyring(keyringPathFor(dbPath)), username, passphrase);
  const raw = new Sqlite(dbPath, { readonly: true });
  try {
    applyKey(raw, dbKey);
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const rows = Object.fromEntries(tables.map((name) => [name, (raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
    return { rows, integrity: (raw.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check };
  } finally {
    raw.close();
  }
}

async function addUser(username: string, role: 'paralegal' | 'administrator' = 'paralegal') {
  return t.call('users:create', { username, displayName: `User ${username}`, role, password: PASS, passwordConfirm: PASS });
}

describe('revocation gives the database a new key', () => {
  it('a disabled administrator’s old password with an old key file, or a backup’s, cannot open the live database', async () => {
    t = await createTestApp();
    const dbPath = t.app.dbPath;
    const para = await addUser('para', 'administrator');
    const backup = await t.call('backups:create', {});
    const oldKeyFile = join(t.dir, 'copied.keys.json');
    copyFileSync(keyringPathFor(dbPath), oldKeyFile);

    await t.call('users:setActive', { id: para.id, active: false });

    // The old copies still unwrap the old key with the old password…
    const fromCopy = await unwrapKey(readKeyring(oldKeyFile), 'para', PASS);
    const fromBackup = await unwrapKey(readKeyring(join(t.dir, 'backups', `${backup.name}.keys.json`)), 'para', PASS);
    // …which the live database no longer accepts.
    expect(rowsReadWith(dbPath, fromCopy.dbKey)).toBe('refused');
    expect(rowsReadWith(dbPath, fromBackup.dbKey)).toBe('refused');
    // The administrator still opens it, with every row.
    expect(await contents(dbPath, ADMIN.username, ADMIN.passphrase)).toMatchObject({ integrity: 'ok', rows: { users: 2 } });
  });

  it('after a password change the old password opens nothing live', async () => {
    t = await createTestApp();
    const dbPath = t.app.dbPath;
    await addUser('para');
    const oldKeyFile = join(t.dir, 'copied.keys.json');
    copyFileSync(keyringPathFor(dbPath), oldKeyFile);
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'para', passphrase: PASS });
    await t.call('login:changePassword', { current: PASS, password: 'the new password here', passwordConfirm: 'the new password here' });
    await t.call('login:lock', {});

    expect(await t.raw('login:unlock', { username: 'para', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(rowsReadWith(dbPath, (await unwrapKey(readKeyring(oldKeyFile), 'para', PASS)).dbKey)).toBe('refused');
    expect(await t.raw('login:unlock', { username: 'para', passphrase: 'the new password here' })).toMatchObject({ ok: true });
  });

  it('an administrator’s rotation keeps every row and the integrity check, and every active user opens it', async () => {
    t = await createTestApp();
    const dbPath = t.app.dbPath;
    await addUser('para');
    const before = await contents(dbPath, ADMIN.username, ADMIN.passphrase);
    const oldKey = (await unwrapKey(readKeyring(keyringPathFor(dbPath)), ADMIN.username, ADMIN.passphrase)).dbKey;

    const r = await t.call('security:rotateKey', {});
    expect(r.usersWithoutSlot).toEqual([]);
    expect(r.backup).toMatch(/-pre-rekey\.db$/);
    expect(rowsReadWith(dbPath, oldKey)).toBe('refused');
    const after = await contents(dbPath, ADMIN.username, ADMIN.passphrase);
    // One more audit entry (the rotation itself); nothing else changes.
    expect(after.integrity).toBe('ok');
    expect({ ...after.rows, audit_log: after.rows.audit_log! - 1 }).toEqual(before.rows);
    expect(await contents(dbPath, 'para', PASS)).toMatchObject({ integrity: 'ok' });
    // The session goes on under the new key.
    expect(await t.call('users:list', {})).toHaveLength(2);
  });

  it('a rotation cut short between the re-key and the key file’s rename is finished at the next unlock', async () => {
    t = await createTestApp();
    const keyPath = keyringPathFor(t.app.dbPath);
    const oldKeyFile = readFileSync(keyPath);
    await t.call('security:rotateKey', {});
    await t.app.lock();
    // As a crash would leave it: the database under the new key, the new key file still beside the old one.
    renameSync(keyPath, `${keyPath}.next`);
    writeFileSync(keyPath, oldKeyFile);
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(existsSync(`${keyPath}.next`)).toBe(false);
    expect(await t.call('users:list', {})).toHaveLength(1);
    await t.app.lock();
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

    // Cut short before the re-key: the left-over file is dropped and the live one still opens.
    await t.app.lock();
    writeFileSync(`${keyPath}.next`, oldKeyFile);
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(existsSync(`${keyPath}.next`)).toBe(false);
  });

  it('is refused to a user who may not manage users', async () => {
    t = await createTestApp();
    await addUser('para');
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'para', passphrase: PASS });
    expect(await t.raw('security:rotateKey', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the command line rotates the key as the administrator', async () => {
    t = await createTestApp();
    const dbPath = t.app.dbPath;
    const oldKey = (await unwrapKey(readKeyring(keyringPathFor(dbPath)), ADMIN.username, ADMIN.passphrase)).dbKey;
    await t.app.lock();
    process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
    const lines: string[] = [];
    try {
      expect(await runCli(['rekey', '--db', dbPath], (l) => lines.push(l))).toBe(0);
      expect(await runCli(['verify', '--db', dbPath], (l) => lines.push(l))).toBe(0);
    } finally {
      delete process.env.LEGAL_AID_PASSPHRASE;
    }
    expect(lines.join('\n')).toContain('The database has a new key.');
    expect(lines.join('\n')).toContain('Database verified: no problems found.');
    expect(rowsReadWith(dbPath, oldKey)).toBe('refused');
    expect(readFileSync(keyringPathFor(dbPath), 'utf8')).not.toContain('"cipher"');
  });
});

describe('backups after a revocation', () => {
  it('a backup’s key file holds only administrators’ slots', async () => {
    t = await createTestApp();
    await addUser('para');
    const backup = await t.call('backups:create', {});
    const keys = readKeyring(join(t.dir, 'backups', `${backup.name}.keys.json`));
    expect(keys.slots.map((s) => s.username)).toEqual([ADMIN.username]);
    await expect(unwrapKey(keys, 'para', PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it('lists and destroys the backups made before the last key rotation, keeping the later ones', async () => {
    t = await createTestApp();
    const before = await t.call('backups:create', {});
    expect(await t.call('backups:listBeforeRotation', {})).toEqual([]);
    const { backup: preRekey } = await t.call('security:rotateKey', {});
    await new Promise((resolve) => setTimeout(resolve, 1100)); // backup names carry the second they were made
    const after = await t.call('backups:create', {});
    const listed = (await t.call('backups:listBeforeRotation', {})).map((b) => b.name).sort();
    expect(listed).toEqual([before.name, preRekey].sort());
    expect(await t.call('backups:destroyBeforeRotation', {})).toEqual({ destroyed: 2 });
    expect((await t.call('backups:list', {})).map((b) => b.name)).toEqual([after.name]);
  });
});

describe('a key rotation reports its progress', () => {
  /** The phases as first met, and whether the percent never goes back. */
  const phasesOf = (steps: { phase: KeyRotationPhase | null; percent: number }[]) => [...new Set(steps.map((p) => p.phase).filter((p) => p !== null))];
  const neverBack = (percents: number[]) => percents.every((p, i) => i === 0 || p >= percents[i - 1]!);

  it('goes through the backup, the re-key, the check and the key file in order, the backup by the bytes copied, ending at 100%', async () => {
    t = await createTestApp();
    const steps: { phase: KeyRotationPhase; percent: number }[] = [];
    await rotateDatabaseKey(t.app.requireUnlocked(), 'administrator', (step) => steps.push(step));
    expect(phasesOf(steps)).toEqual([...KEY_ROTATION_PHASES]);
    expect(neverBack(steps.map((s) => s.percent))).toBe(true);
    expect(steps.at(-1)).toEqual({ phase: 'done', percent: 100 });
    // The copy of the database file moves the bar within the backup's third.
    expect(steps.filter((s) => s.phase === 'backup' && s.percent > 0 && s.percent < 33).length).toBeGreaterThan(0);
    expect(await contents(t.app.dbPath, ADMIN.username, ADMIN.passphrase)).toMatchObject({ integrity: 'ok' });
  });

  it('the screen reads it while the rotation runs, and finds it finished at 100%', async () => {
    t = await createTestApp();
    expect(await t.call('security:rotateKeyProgress', {})).toMatchObject({ active: false });
    let finished = false;
    const rotation = t.call('security:rotateKey', {}).finally(() => (finished = true));
    const seen: KeyRotationProgress[] = [];
    // Each question comes in its own turn of the event loop, as the screen's do.
    while (!finished) {
      seen.push(await t.call('security:rotateKeyProgress', {}));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await rotation;
    expect(seen.some((p) => p.active && p.phase === 'backup')).toBe(true);
    expect(neverBack(seen.map((p) => p.percent))).toBe(true);
    expect(await t.call('security:rotateKeyProgress', {})).toEqual({ active: false, phase: 'done', percent: 100 });
  });

  it('the command line prints the phases on standard error, in order, ending at 100%', async () => {
    t = await createTestApp();
    const dbPath = t.app.dbPath;
    await t.app.lock();
    process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
    let run: Awaited<ReturnType<typeof runCliCaptured>>;
    try {
      run = await runCliCaptured(['rekey', '--db', dbPath]);
    } finally {
      delete process.env.LEGAL_AID_PASSPHRASE;
    }
    expect(run.code).toBe(0);
    const lines = run.err.trim().split('\n');
    expect(lines[0]).toBe('[  0%] backup under the old key');
    expect(lines.slice(-4)).toEqual([
      '[ 33%] re-encrypting the database under the new key',
      '[ 66%] integrity check under the new key',
      '[ 99%] key file for the new key',
      '[100%] done',
    ]);
    expect(neverBack(lines.map((l) => Number(/^\[\s*(\d+)%\]/.exec(l)![1])))).toBe(true);
  });
});
