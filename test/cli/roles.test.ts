import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../db/backup';
import { unlockDatabase } from '../../electron/app/database';
import { DB_FILE } from '../../electron/app/paths';
import { seedDemo } from '../../electron/seed/demo';
import type { UserRole } from '../../shared/domain/enums';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';
import { runCliCaptured } from '../support/cli';

// Every command of the command line, as a user of every role: the same permissions as the screens.
// A refused command exits 1 with the refusal, writes nothing but its audit entry, and makes no file.

const PASS = ADMIN.passphrase;
const REFUSAL = 'Your role does not allow this action';
const ROLES: UserRole[] = ['readonly', 'analyst', 'paralegal', 'lawyer', 'administrator'];
const USER: Record<UserRole, string> = { readonly: 'reader', analyst: 'analyst', paralegal: 'paralegal', lawyer: 'lawyer', administrator: 'admin' };

let t: TestApp;
let db = '';
let caseId = '';
let backupFile = '';

interface Command {
  name: string;
  argv: (out: string) => string[];
  /** The roles that may run it, written out by hand from the permission table. */
  allowed: UserRole[];
  /** What the refusal is audited as. */
  asked: string;
}

const EVERYONE: UserRole[] = ['readonly', 'analyst', 'paralegal', 'lawyer', 'administrator'];
const CASE_WORKERS: UserRole[] = ['paralegal', 'lawyer', 'administrator'];
const EXCHANGERS: UserRole[] = ['lawyer', 'administrator'];
const ADMINISTRATOR: UserRole[] = ['administrator'];
const FIX = join(__dirname, '..', 'fixtures', 'registers');

// Restore comes last: it puts the database back as it was when the backup was made.
const COMMANDS: Command[] = [
  { name: 'report', argv: (out) => ['report', '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json', '--out', out], allowed: EVERYONE, asked: 'reports:indicators' },
  { name: 'cases', argv: () => ['cases', '--format', 'json'], allowed: ['readonly', ...CASE_WORKERS], asked: 'cases:list' },
  { name: 'calendar', argv: (out) => ['calendar', '--from', '2025-01-01', '--to', '2025-12-31', '--out', out], allowed: ['readonly', ...CASE_WORKERS], asked: 'calendar:export' },
  { name: 'filing', argv: (out) => ['filing', '--case', caseId, '--template', 'alimony-fixed-sum', '--lang', 'ru', '--out', out], allowed: CASE_WORKERS, asked: 'filings:save' },
  { name: 'attach', argv: () => ['attach', '--case', caseId, '--type', 'court_decision', join(t.dir, 'decision.pdf')], allowed: CASE_WORKERS, asked: 'documents:attach' },
  { name: 'import --dry-run', argv: () => ['import', '--kind', 'contact-points', join(FIX, 'contact-points.csv'), '--dry-run'], allowed: CASE_WORKERS, asked: 'import:preview' },
  { name: 'import', argv: () => ['import', '--kind', 'contact-points', join(FIX, 'contact-points.csv')], allowed: CASE_WORKERS, asked: 'import:commit' },
  { name: 'backup', argv: (out) => ['backup', '--out', out], allowed: ADMINISTRATOR, asked: 'backups:create' },
  { name: 'verify', argv: () => ['verify'], allowed: ADMINISTRATOR, asked: 'cli:verify' },
  { name: 'verify --rebuild-report-facts', argv: () => ['verify', '--rebuild-report-facts'], allowed: ADMINISTRATOR, asked: 'cli:verify' },
  { name: 'seed', argv: () => ['seed', '--demo'], allowed: ADMINISTRATOR, asked: 'cli:seed' },
  { name: 'pair --out', argv: (out) => ['pair', '--out', out], allowed: EXCHANGERS, asked: 'exchange:pairingFile' },
  { name: 'pair --import', argv: () => ['pair', '--import', join(t.dir, 'peer.pair.json')], allowed: EXCHANGERS, asked: 'exchange:importPairing' },
  { name: 'export-package', argv: (out) => ['export-package', '--to', 'nobody', '--out', out], allowed: EXCHANGERS, asked: 'exchange:exportPackage' },
  { name: 'import-package', argv: () => ['import-package', join(t.dir, 'not-a-package.bin')], allowed: EXCHANGERS, asked: 'exchange:importPackage' },
  { name: 'installation', argv: () => ['installation'], allowed: ADMINISTRATOR, asked: 'exchange:setRole' },
  { name: 'unpair', argv: () => ['unpair', '--peer', 'nobody'], allowed: ADMINISTRATOR, asked: 'exchange:unpair' },
  { name: 'conflicts', argv: () => ['conflicts', '--format', 'json'], allowed: EXCHANGERS, asked: 'exchange:conflicts' },
  { name: 'conflicts --resolve', argv: () => ['conflicts', '--resolve', 'no-such-conflict', '--keep', 'theirs'], allowed: EXCHANGERS, asked: 'exchange:resolveConflict' },
  { name: 'apply-update', argv: () => ['apply-update', join(t.dir, 'not-an-update.json')], allowed: ADMINISTRATOR, asked: 'updates:apply' },
  { name: 'restore', argv: () => ['restore', '--from', backupFile], allowed: ADMINISTRATOR, asked: 'backups:restore' },
  { name: 'rekey', argv: () => ['rekey'], allowed: ADMINISTRATOR, asked: 'security:rotateKey' },
];

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliCaptured(argv);
}

const COUNTED = ['change_log', 'clients', 'cases', 'consultations', 'documents', 'contact_points', 'mobile_sessions', 'peers', 'meta'] as const;

/** What a command could have written: rows of the data and of the change log, and the last audit entry. */
async function snapshot(): Promise<{ counts: Record<string, number>; lastAudit: { action: string; entity: string; username: string } }> {
  const open = await unlockDatabase(db, 'admin', PASS);
  try {
    const counts: Record<string, number> = {};
    for (const table of COUNTED) counts[table] = (open.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    // The newest entry is this look's own unlock.
    const lastAudit = open.raw.prepare('SELECT action, entity, username FROM audit_log ORDER BY seq DESC LIMIT 1 OFFSET 1').get() as { action: string; entity: string; username: string };
    return { counts, lastAudit };
  } finally {
    await open.close();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  db = join(t.dir, DB_FILE);
  for (const role of ROLES.filter((r) => r !== 'administrator')) {
    await t.call('users:create', { username: USER[role], displayName: USER[role], role, password: PASS, passwordConfirm: PASS });
  }
  caseId = (await seedDemo(t.app.requireUnlocked())).caseIds[0]!;
  const backup = await t.call('backups:create', {});
  backupFile = join(backupDirFor(db), backup.name);
  writeFileSync(join(t.dir, 'peer.pair.json'), JSON.stringify(await t.call('exchange:pairingFile', {})));
  writeFileSync(join(t.dir, 'not-a-package.bin'), 'not a package');
  writeFileSync(join(t.dir, 'decision.pdf'), '%PDF-1.4\n%%EOF\n');
  writeFileSync(join(t.dir, 'not-an-update.json'), '{}');
  await t.app.lock();
  process.env.LEGAL_AID_PASSPHRASE = PASS;
}, 120_000);

afterAll(async () => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  await t.cleanup();
});

describe('the command line acts as a user, with the permissions of the screens', () => {
  // Before the matrix: its administrator restores a backup, which is sealed for administrators only, so
  // the other users need a new password from an administrator afterwards.
  it('what a role may do, it does: the report of an analyst, the cases of a reader, an import by a paralegal', async () => {
    const report = await cli(['report', '--db', db, '--user', 'analyst', '--from', '2025-01-01', '--to', '2025-12-31', '--out', join(t.dir, 'analyst.json')]);
    expect(report.code, report.err).toBe(0);
    expect(existsSync(join(t.dir, 'analyst.json'))).toBe(true);
    const cases = await cli(['cases', '--db', db, '--user', 'reader', '--format', 'json']);
    expect(cases.code, cases.err).toBe(0);
    expect((JSON.parse(cases.out) as { id: string }[]).map((c) => c.id)).toContain(caseId);
    // Audited as the screens' case list is: a read by that user.
    expect((await snapshot()).lastAudit).toEqual({ action: 'read', entity: 'cases:list', username: 'reader' });
    const before = await snapshot();
    const imported = await cli(['import', '--db', db, '--user', 'paralegal', '--kind', 'contact-points', join(FIX, 'contact-points.csv')]);
    expect(imported.code, imported.err).toBe(0);
    expect((await snapshot()).counts.contact_points).toBeGreaterThan(before.counts.contact_points!);
  }, 60_000);

  for (const role of ROLES) {
    it(`as ${role}: every command allowed to the role runs, every other is refused and writes nothing`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [i, command] of COMMANDS.entries()) {
        const out = join(t.dir, `${role}-${i}.out`);
        const before = await snapshot();
        const r = await cli([...command.argv(out), '--db', db, '--user', USER[role]]);
        const refused = r.err.includes(REFUSAL);
        outcomes.push(`${command.name}: ${refused ? 'refused' : 'ran'}`);
        expected.push(`${command.name}: ${command.allowed.includes(role) ? 'ran' : 'refused'}`);
        if (!refused) continue;
        expect(r.code, command.name).toBe(1);
        expect(existsSync(out), command.name).toBe(false);
        const after = await snapshot();
        expect(after.counts, command.name).toEqual(before.counts);
        expect(after.lastAudit, command.name).toEqual({ action: 'access.denied', entity: command.asked, username: USER[role] });
      }
      expect(outcomes).toEqual(expected);
    }, 120_000);
  }

});
