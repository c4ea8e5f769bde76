import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, unlockDatabase } from '../../electron/app/database';
import { insertRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import { FAST_KDF, tempDir } from '../support/temp';

const NAME = 'Ҷӯрабоева Гулнора Раҳимовна';
const PASS = 'correct horse battery staple';
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function makeDbWithName(keepOpen = false) {
  dir = tempDir();
  const dbPath = join(dir, 'legal-aid.db');
  const db = await createDatabase({ dbPath, username: 'admin', displayName: 'Admin', passphrase: PASS, installationName: 'Test', kdf: FAST_KDF });
  await db.db.transaction().execute(async (trx) => {
    await insertRow(trx, db.writer, 'contact_points', {
      code: 'KHJ-01',
      name: NAME,
      district_id: 'su-khujand',
      established_on: '2024-01-15',
      address: '',
      organisation: '',
      closed_on: null,
      notes: '',
    });
  });
  if (!keepOpen) await db.close();
  return { dbPath, db };
}

describe('encryption at rest', () => {
  it('leaves no plaintext of a Tajik name in any file of the database, open (WAL) or closed', async () => {
    const { db } = await makeDbWithName(true);
    const needles = [Buffer.from(NAME, 'utf8'), Buffer.from('Ҷӯрабоева', 'utf8'), Buffer.from('KHJ-01')];
    const scan = () => {
      const files = readdirSync(dir).filter((f) => f.startsWith('legal-aid.db'));
      expect(files).toContain('legal-aid.db');
      for (const f of files) {
        const bytes = readFileSync(join(dir, f));
        for (const needle of needles) expect(bytes.includes(needle), `${f} contains plaintext`).toBe(false);
      }
      return files;
    };
    // While open: the WAL holds the fresh rows.
    const openFiles = scan();
    expect(openFiles).toContain('legal-aid.db-wal');
    expect(statSync(join(dir, 'legal-aid.db-wal')).size).toBeGreaterThan(0);
    await db.close();
    scan();
  });

  it('cannot be read by the sqlite3 command-line tool', async () => {
    const { dbPath } = await makeDbWithName();
    const result = spawnSync('sqlite3', [dbPath, 'SELECT name FROM sqlite_master;'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/not a database|encrypted/i);
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and leaves every file byte for byte untouched', async () => {
    const { dbPath } = await makeDbWithName();
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    const err = await unlockDatabase(dbPath, 'admin', 'not the right passphrase').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('WRONG_PASSPHRASE');
    const after = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    expect(after).toEqual(before);
  });

  it('opens again with the right passphrase and reads the name back', async () => {
    const { dbPath } = await makeDbWithName();
    const db = await unlockDatabase(dbPath, 'admin', PASS);
    const row = await db.db.selectFrom('contact_points').select('name').executeTakeFirstOrThrow();
    expect(row.name).toBe(NAME);
    const journal = db.raw.pragma('journal_mode', { simple: true });
    const fk = db.raw.pragma('foreign_keys', { simple: true });
    expect(journal).toBe('wal');
    expect(fk).toBe(1);
    await db.close();
  });

  it('stores the database key only wrapped: the key file holds no raw key and Argon2id parameters', async () => {
    const { dbPath, db } = await makeDbWithName(true);
    const keyFile = readFileSync(`${dbPath}.keys.json`, 'utf8');
    expect(keyFile).not.toContain(db.dbKey.toString('hex'));
    expect(keyFile).not.toContain(db.dbKey.toString('base64'));
    const parsed = JSON.parse(keyFile);
    expect(parsed.slots[0].kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: FAST_KDF.memoryKiB });
    // The user's private key sealed under the passphrase key, the database key sealed to her public key.
    expect(parsed.slots[0]).toMatchObject({ format: 2, privateKey: { iv: expect.any(String) }, databaseKey: { ephemeralPublicKey: expect.any(String) } });
    await db.close();
    if (process.platform !== 'win32') expect(statSync(`${dbPath}.keys.json`).mode & 0o077).toBe(0);
    if (process.platform !== 'win32') expect(statSync(dbPath).mode & 0o077).toBe(0);
  });
  it("writes no temporary file beside it: a large sort and a statement's journal stay in memory", async () => {
    // SQLite3 Multiple Ciphers encrypts the database, its WAL and its journal, not SQLite's temporary
    // files: a sort too large for the cache and a long statement's journal (the former pages it changes)
    // went to /var/tmp in plaintext — unlinked at once, but their blocks stay on the disk.
    const { db } = await makeDbWithName(true);
    const raw = db.raw;
    raw.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER)');
    const insert = raw.prepare('INSERT INTO scratch (name, n) VALUES (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`${NAME} ${i}`, i % 7);
    })();
    raw.pragma('cache_size = -512');
    const temporaryFiles = () =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return { fd, target: readlinkSync(`/proc/self/fd/${fd}`) };
          } catch {
            return null;
          }
        })
        .filter((f): f is { fd: string; target: string } => !!f && f.target.startsWith('/') && !f.target.startsWith(dir) && /etilqs|\(deleted\)/.test(f.target));
    const needle = Buffer.from('Ҷӯрабоева', 'utf8');
    let found: { target: string; plaintext: boolean }[];
    raw.exec('BEGIN');
    try {
      // Every row changes, and a unique name may clash half-way: SQLite keeps the former pages to undo the statement.
      raw.exec(`UPDATE scratch SET name = name || ' *'`);
      const sorted = raw.prepare('SELECT name FROM scratch ORDER BY n, name DESC').iterate();
      try {
        expect(sorted.next().done).toBe(false);
        found = temporaryFiles().map((f) => ({ target: f.target, plaintext: readFileSync(`/proc/self/fd/${f.fd}`).includes(needle) }));
      } finally {
        sorted.return?.();
      }
    } finally {
      raw.exec('ROLLBACK');
      await db.close();
    }
    expect(found.filter((f) => f.plaintext)).toEqual([]);
    expect(found).toEqual([]);
  });
});
