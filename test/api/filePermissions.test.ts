import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup';
import { ADMIN, createTestApp, tempDir, type TestApp } from '../support/testApp';

// What another account on the same Linux or macOS computer can see of the data folder: nothing. The
// folder is 0700, every file in it 0600 — whatever the user's umask — and the preferences, which are
// not encrypted, do not name the last user.

const mode = (path: string) => statSync(path).mode & 0o777;
let root: string;
let t: TestApp;
let umask: number;

beforeAll(() => {
  // The common desktop default, which gives new files 0644 and new folders 0755.
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});
afterEach(async () => {
  await t?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

async function freshApp() {
  root = tempDir();
  const dataDir = join(root, 'Legal Aid Desk');
  t = await createTestApp({ dir: dataDir });
  return dataDir;
}

function expectOwnerOnly(dataDir: string) {
  expect(mode(dataDir)).toBe(0o700);
  const db = join(dataDir, 'legal-aid.db');
  for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}.keys.json`, join(dataDir, 'preferences.json')]) {
    expect(existsSync(file), file).toBe(true);
    expect(mode(file).toString(8), file).toBe('600');
  }
}

describe('file permissions', () => {
  it('makes the data folder 0700 and the database, WAL, shared memory, key file and preferences 0600', async () => {
    const dataDir = await freshApp();
    expectOwnerOnly(dataDir);
  });

  it('writes backups 0600 in a 0700 folder, copied by the system or written by SQLite', async () => {
    const dataDir = await freshApp();
    await t.call('backups:create', {});
    // The way before an upgrade or a restore, and the command line's: VACUUM INTO a new file.
    const s = t.app.requireUnlocked();
    createBackup(s.raw, s.dbPath, 'pre-migration');
    const dir = join(dataDir, 'backups');
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir);
    // Two backups, each with its key file and the audit head it was made at.
    expect(files.length).toBe(6);
    for (const name of files) expect(mode(join(dir, name)).toString(8), name).toBe('600');
  });

  it('keeps no user name in the preferences, and tightens what an earlier version left open', async () => {
    const dataDir = await freshApp();
    const prefs = join(dataDir, 'preferences.json');
    expect(readFileSync(prefs, 'utf8')).not.toContain(ADMIN.username);
    await t.call('login:lock', {});
    expect(await t.call('app:status', {})).not.toHaveProperty('lastUsername');

    // As an earlier version left them: an open folder and files, and the last user's name.
    writeFileSync(prefs, JSON.stringify({ language: 'ru', lastUsername: ADMIN.username }));
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) if (statSync(join(dataDir, file)).isFile()) chmodSync(join(dataDir, file), 0o644);
    const status = await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(status.language).toBe('ru');
    expect(readFileSync(prefs, 'utf8')).not.toContain(ADMIN.username);
    expectOwnerOnly(dataDir);
  });
});
