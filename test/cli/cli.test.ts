import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { runCli } from '../../electron/cli/run';
import { deleteAndRechain } from '../support/auditRewrite';
import { tempDir } from '../support/temp';

const PASS = 'correct horse battery staple';
let dir = '';
afterEach(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  delete process.env.MY_PASS;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('command line', () => {
  it('init creates an encrypted database that verify then passes', async () => {
    dir = tempDir();
    const db = join(dir, 'office.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    const init = await cli('init', '--db', db);
    expect(init.code).toBe(0);
    expect(existsSync(db) && existsSync(`${db}.keys.json`)).toBe(true);
    const verify = await cli('verify', '--db', db);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('Database verified: no problems found.');
    expect(verify.out).toMatch(new RegExp(`migrations:\\s+ok \\(schema ${LATEST_SCHEMA_VERSION}\\)`));
    expect(verify.out).toMatch(/report facts:\s+ok/);
    const rebuilt = await cli('verify', '--db', db, '--rebuild-report-facts');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toContain("The report's facts were built again from the consultations.");
    expect(rebuilt.out).toContain('Database verified: no problems found.');
  });

  it('reads the passphrase from the variable named by --passphrase-env, and names a user with --user', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.MY_PASS = PASS;
    expect((await cli('init', '--db', db, '--user', 'nigora', '--passphrase-env', 'MY_PASS')).code).toBe(0);
    expect((await cli('verify', '--db', db, '--passphrase-env', 'MY_PASS')).code).toBe(0);
    expect((await cli('verify', '--db', db, '--user', 'nigora', '--passphrase-env', 'MY_PASS')).code).toBe(0);
    expect((await cli('verify', '--db', db, '--user', 'someone', '--passphrase-env', 'MY_PASS')).code).toBe(1);
  });

  it('fails with exit code 1 on a wrong passphrase and 2 on a missing option', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    process.env.LEGAL_AID_PASSPHRASE = 'wrong passphrase!!';
    expect((await cli('verify', '--db', db)).code).toBe(1);
    expect((await cli('verify')).code).toBe(2);
  });

  it('detects a changed audit entry', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    const open = await unlockDatabase(db, 'admin', PASS);
    open.raw.prepare("UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 1").run();
    await open.close();
    const verify = await cli('verify', '--db', db);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/audit chain:\s+BROKEN at entry 1/);
  });

  it('detects removed audit entries at the end of the log', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    const open = await unlockDatabase(db, 'admin', PASS);
    open.raw.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    await open.close();
    // verify itself unlocks (and audits that), so the tail removed before is what it must notice.
    const verify = await cli('verify', '--db', db);
    expect(verify.code).toBe(1);
  });

  it('detects entries removed from the middle of the log even when the rest is chained again', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    for (let i = 0; i < 3; i += 1) await (await unlockDatabase(db, 'admin', PASS)).close();
    const open = await unlockDatabase(db, 'admin', PASS);
    // Entry 2 (an unlock) goes; every hash after it is recomputed, so each entry links to the one before.
    deleteAndRechain(open.raw, 'seq = 2');
    await open.close();
    const verify = await cli('verify', '--db', db);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/audit chain:\s+BROKEN at entry 3/);
  });

  it('runs as `npm run cli -- --help` in plain Node and lists the commands', () => {
    const res = spawnSync('npm', ['run', '-s', 'cli', '--', '--help'], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('init --db FILE');
    expect(res.stdout).toContain('verify --db FILE');
  });
});

describe('backup and restore from the command line', () => {
  it('backs up, restores after a change, and refuses a damaged backup without touching the database', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    const backup = await cli('backup', '--db', db, '--out', join(dir, 'bk'));
    expect(backup.code).toBe(0);
    const file = /Backup written: (\S+\.db) /.exec(backup.out)![1]!;
    const open = await unlockDatabase(db, 'admin', PASS);
    open.raw.prepare("INSERT INTO meta VALUES ('after.backup', 'yes')").run();
    await open.close();
    expect((await cli('restore', '--db', db, '--from', file)).code).toBe(0);
    const check = await unlockDatabase(db, 'admin', PASS);
    expect(check.raw.prepare("SELECT value FROM meta WHERE key = 'after.backup'").get()).toBeUndefined();
    await check.close();
    expect((await cli('verify', '--db', db)).code).toBe(0);

    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    bytes.fill(1, 4096, 12288);
    writeFileSync(file, bytes);
    const marked = await unlockDatabase(db, 'admin', PASS);
    marked.raw.prepare("INSERT INTO meta VALUES ('before.failed.restore', 'yes')").run();
    await marked.close();
    expect((await cli('restore', '--db', db, '--from', file)).code).toBe(1);
    const after = await unlockDatabase(db, 'admin', PASS);
    expect(after.raw.prepare("SELECT value FROM meta WHERE key = 'before.failed.restore'").get()).toEqual({ value: 'yes' });
    await after.close();
    expect((await cli('verify', '--db', db)).code).toBe(0);
  });
});

describe('signed updates from the command line', () => {
  it('publishes with update-keygen and sign-update; apply-update refuses an untrusted key and applies a trusted one', async () => {
    dir = tempDir();
    const db = join(dir, 'x.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    await cli('init', '--db', db);
    const keygen = await cli('update-keygen', '--out', dir);
    expect(keygen.out).toMatch(/Fingerprint to compare when installations trust it: [0-9A-F-]{24}/);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'payload.json'), JSON.stringify({ issuedAt: '2026-11-20', legalReferences: [{ key: 'fee.test', textTg: 'пошлина', textRu: 'пошлина', textEn: 'fee', value: '1050' }] }));
    const sign = (...more: string[]) => cli('sign-update', '--key', join(dir, 'update-signing.key.pem'), '--key-id', 'coord', '--in', join(dir, 'payload.json'), ...more);
    expect((await sign('--out', join(dir, 'unnumbered.json'))).code).not.toBe(0);
    expect((await sign('--out', join(dir, 'update.json'), '--sequence', '7')).code).toBe(0);
    expect((await cli('apply-update', '--db', db, join(dir, 'update.json'))).code).toBe(1);
    const open = await unlockDatabase(db, 'admin', PASS);
    const { addTrustedKey } = await import('../../electron/updates/signedUpdates');
    await open.db.transaction().execute((trx) => addTrustedKey({ trx, w: open.writer, user: open.user }, { id: 'coord', name: 'Coordinator', publicKeyPem: readFileSync(join(dir, 'update-signing.pub.pem'), 'utf8') }));
    await open.close();
    const applied = await cli('apply-update', '--db', db, join(dir, 'update.json'));
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('Applied update 7 signed by coord: 1 legal references');
    const again = await cli('apply-update', '--db', db, join(dir, 'update.json'));
    expect(again.code).toBe(1);
  });
});
