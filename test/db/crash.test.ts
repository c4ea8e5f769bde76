import { spawn } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, unlockDatabase } from '../../electron/app/database';
import { verifyDatabase } from '../../db/verify';
import { insertRow } from '../../db/write';
import { FAST_KDF, tempDir } from '../support/temp';

const PASS = 'correct horse battery staple';
const ROOT = join(__dirname, '..', '..');
let dir = '';
afterEach(() => {
  if (dir) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

async function freshDb(): Promise<string> {
  dir = tempDir();
  const dbPath = join(dir, 'legal-aid.db');
  const db = await createDatabase({ dbPath, username: 'admin', displayName: 'Admin', passphrase: PASS, installationName: 'Crash test', kdf: FAST_KDF });
  await db.close();
  return dbPath;
}

/** Runs the worker, kills it with SIGKILL after `afterCommits` reported commits plus a random delay. */
function runAndKill(dbPath: string, batch: number, mode: string, afterCommits: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crashWorker.ts', dbPath, PASS, String(batch), mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    let lastCommitted = 0;
    let seen = 0;
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const m = /^committed (\d+)$/.exec(line);
        if (!m) continue;
        lastCommitted = Number(m[1]);
        seen += 1;
        if (seen >= afterCommits && !killing) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastCommitted) : reject(new Error(`worker ended without being killed (${signal}): ${errors}`))));
    setTimeout(() => child.kill('SIGKILL'), 60_000);
  });
}

describe('crash safety', () => {
  it('SIGKILL at random points loses nothing committed, never leaves half a transaction, and verify passes', async () => {
    const dbPath = await freshDb();
    for (let attempt = 0; attempt < 3; attempt++) {
      const batch = 50;
      const before = await countRows(dbPath);
      const reported = await runAndKill(dbPath, batch, attempt === 2 ? 'big' : 'small', 1 + Math.floor(Math.random() * 3), Math.floor(Math.random() * 150));
      const s = await unlockDatabase(dbPath, 'admin', PASS);
      const report = await verifyDatabase(s.db);
      const after = Number((await s.db.selectFrom('contact_points').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      await s.close();
      expect(report.ok, JSON.stringify(report)).toBe(true);
      expect(after - before).toBeGreaterThanOrEqual(reported);
      expect((after - before) % batch).toBe(0);
    }
  });

  it('a read-only database gives a clear READ_ONLY error and stays intact', async () => {
    const dbPath = await freshDb();
    (await unlockDatabase(dbPath, 'admin', PASS)).close();
    // Readable but not writable for the user who opens it. Root ignores file modes, so as root the
    // opening process runs as "nobody".
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o555);
    chmodSync(dbPath, 0o444);
    chmodSync(`${dbPath}.keys.json`, 0o444);
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'test/support/openWorker.ts', dbPath, PASS], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, TSX_DISABLE_CACHE: '1', HOME: dir },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.on('exit', () => resolve(text.trim()));
    });
    expect(out).toBe('READ_ONLY');
    chmodSync(dir, 0o700);
    chmodSync(dbPath, 0o600);
    chmodSync(`${dbPath}.keys.json`, 0o600);
    const again = await unlockDatabase(dbPath, 'admin', PASS);
    expect((await verifyDatabase(again.db)).ok).toBe(true);
    await again.close();
  });

  it('a full disk gives DISK_FULL, saves nothing of the failed transaction and leaves a database that verifies', async () => {
    const dbPath = await freshDb();
    const s = await unlockDatabase(dbPath, 'admin', PASS);
    const pages = Number(s.raw.pragma('page_count', { simple: true }));
    // SQLite's own limit on the file size stands in for a full disk.
    s.raw.pragma(`max_page_count = ${pages + 3}`);
    const attempt = s.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) {
        await insertRow(trx, s.writer, 'contact_points', { code: `F-${i}`, name: 'x'.repeat(3000), district_id: 'su-khujand', established_on: '2024-01-01', address: '', organisation: '', closed_on: null, notes: '' });
      }
    });
    const { mapSqliteError } = await import('../../db/errors');
    const err = await attempt.then(() => null, (e: unknown) => mapSqliteError(e));
    expect(err?.code).toBe('DISK_FULL');
    expect(Number((await s.db.selectFrom('contact_points').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    s.raw.pragma('max_page_count = 1073741823');
    expect((await verifyDatabase(s.db)).ok).toBe(true);
    await s.close();
  });
});

async function countRows(dbPath: string): Promise<number> {
  const s = await unlockDatabase(dbPath, 'admin', PASS);
  const n = Number((await s.db.selectFrom('contact_points').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await s.close();
  return n;
}
