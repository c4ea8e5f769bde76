import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { HUB_POSTGRES_SCHEMA_VERSION } from '../../electron/exchange/hubPostgresSchema';
import { maskHubStoreAddress } from '../../shared/api/hubStoreTypes';
import { translate } from '../../shared/i18n';
import type { IndicatorReport, ReportQuery } from '../../shared/api/reportTypes';
import { deliver, installation, pack, pair, setOwnContactPoint, write } from '../exchange/network';
import { alimonyCase, client, consultation, contactPoint, KHUJAND, KULOB, session } from '../exchange/records';
import { ADMIN, createTestApp, inlineBytes, tempDir, type TestApp } from '../support/testApp';

// A hub named to keep its statistics in PostgreSQL (Settings) imports packages into it and makes the
// Reports screen's report and its PDF, XLSX and CSV exports from it: the same as from its SQLite file,
// from the same packages. PostgreSQL here is PGlite (real PostgreSQL in the process).

const id = (n: number) => `0190d000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

let dir: string;
let hub: TestApp;
let cpA: UnlockedDatabase, cpB: UnlockedDatabase;
let packages: Buffer[];
let pgDir: string;

const asFile = (bytes: Buffer) => ({ file: { base64: bytes.toString('base64') } });
const withoutGenerated = ({ generated: _g, ...rest }: IndicatorReport) => rest;

/** The lines that say when and from which state a report was made (time, data stamp, audit head): they differ between any two runs. */
const MADE = ['generatedAt', 'dataStamp', 'auditHead'].map((k) => `${translate('ru', `reports.meta.${k}`)},`);
function withoutMaking(name: string, text: string): string {
  const lines = text.split('\n');
  // The PDF says it in its opening lines, which end with the audit head's hash.
  if (name === 'pdf') return lines.slice(lines.findIndex((l) => /^[0-9a-f]{64}$/.test(l.trim())) + 1).join('\n');
  return lines.filter((l) => !MADE.some((m) => l.startsWith(m))).join('\n');
}

/** The exports of one report, as text to compare: the CSV, the PDF's text and each sheet of the XLSX as CSV. */
async function exportsOf(q: ReportQuery, out: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  const csv = await hub.call('reports:export', { ...q, format: 'csv', language: 'ru', suppressSmall: false, threshold: 5 });
  texts.csv = inlineBytes(csv).toString('utf8');
  const pdf = await hub.call('reports:export', { ...q, format: 'pdf', language: 'tg', suppressSmall: false, threshold: 5 });
  writeFileSync(join(out, 'r.pdf'), inlineBytes(pdf));
  texts.pdf = execFileSync('pdftotext', ['-layout', join(out, 'r.pdf'), '-']).toString();
  const xlsx = await hub.call('reports:export', { ...q, format: 'xlsx', language: 'ru', suppressSmall: false, threshold: 5 });
  writeFileSync(join(out, 'r.xlsx'), inlineBytes(xlsx));
  execFileSync('libreoffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(out, 'r.xlsx')], {
    stdio: 'ignore',
    env: { ...process.env, HOME: out },
  });
  for (const f of readdirSync(out).filter((n) => n.startsWith('r-') && n.endsWith('.csv')).sort()) texts[`xlsx ${f}`] = readFileSync(join(out, f), 'utf8');
  return Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, withoutMaking(name, text)]));
}

beforeAll(async () => {
  dir = tempDir('lad-hubstore-');
  pgDir = join(dir, 'pg');
  cpA = await installation(dir, 'cp-a', 'contact_point');
  cpB = await installation(dir, 'cp-b', 'contact_point');
  hub = await createTestApp();
  await hub.call('exchange:setRole', { role: 'hub' });
  const hubDb = hub.app.requireUnlocked();
  await write(cpA, contactPoint(id(1), 'KLB', KULOB));
  await write(cpB, contactPoint(id(2), 'KHJ', KHUJAND));
  await setOwnContactPoint(cpA, id(1));
  await setOwnContactPoint(cpB, id(2));
  await pair(cpA, cpB);
  await pair(cpA, hubDb);
  await pair(cpB, hubDb);
  await deliver(await pack(cpA, cpB, 'networkKey'));
  const same = { id: id(100), surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' };
  await write(cpA, client(same));
  await write(cpB, client({ ...same, id: id(200), surname: 'Рахимова' }));
  await write(cpB, client({ id: id(201), surname: 'Қодирова', givenName: 'Зарина', patronymic: '', birthDate: '1979-01-21', phone: '+992917770104', doc: 'B2' }));
  await write(cpA, session(id(10), 'KLB-1', id(1), '2024-03-05', KULOB));
  await write(cpA, consultation({ id: id(11), clientId: id(100), date: '2024-03-05', cpId: id(1), sessionId: id(10), districtId: KULOB, issues: ['alimony'], referrals: ['court'] }));
  await write(cpA, alimonyCase(id(12), id(100), id(1), '2024-06-30', 'settled'));
  await write(cpA, consultation({ id: id(13), clientId: id(100), date: '2024-04-01', cpId: id(1), districtId: KULOB, issues: ['paternity'], caseId: id(12) }));
  await write(cpB, consultation({ id: id(21), clientId: id(201), date: '2024-05-20', cpId: id(2), districtId: KHUJAND, issues: ['land'], referrals: ['police'] }));
  await write(cpB, consultation({ id: id(22), clientId: id(200), date: '2024-07-15', cpId: id(2), districtId: KHUJAND, issues: [] }));
  packages = [(await pack(cpA, hubDb, 'stats', YEAR)).file, (await pack(cpB, hubDb, 'stats', YEAR)).file];
}, 180_000);

afterAll(async () => {
  await hub?.cleanup();
  for (const db of [cpA, cpB]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a hub's store of statistics, chosen in Settings", () => {
  it('gives the same report and exports on PostgreSQL as on SQLite from the same packages', async () => {
    expect(await hub.call('hubStore:get', {})).toEqual({ isHub: true, store: 'sqlite', address: null, schemaVersion: null, reachable: true });
    for (const p of packages) expect(await hub.call('exchange:importPackage', asFile(p))).toMatchObject({ kind: 'stats', alreadyApplied: false });
    const queries: ReportQuery[] = [YEAR, { ...YEAR, region: 'TJ-SU' }, { ...YEAR, contactPointCode: 'KLB' }];
    const onSqlite = await Promise.all(queries.map((q) => hub.call('reports:indicators', { ...q, suppressSmall: false, threshold: 5 })));
    const sqliteOut = join(dir, 'sqlite');
    mkdirSync(sqliteOut);
    const sqliteExports = await exportsOf(YEAR, sqliteOut);
    const cell = { ...YEAR, target: '1.2.10.consultations', dimension: 'referral', key: 'court' } as const;
    const sqliteDrilldown = await hub.call('reports:drilldown', cell);
    expect(sqliteDrilldown.total).toBe(1);

    const address = `pglite:${pgDir}`;
    const saved = await hub.call('hubStore:save', { store: 'postgres', address });
    expect(saved).toMatchObject({ isHub: true, store: 'postgres', address, reachable: true });
    expect(saved.schemaVersion).toBe(HUB_POSTGRES_SCHEMA_VERSION);
    // Nothing in the new store yet: the report is empty until the packages are imported into it.
    expect((await hub.call('reports:indicators', { ...YEAR, suppressSmall: false, threshold: 5 })).indicators['1.2.10'].consultations).toBe(0);
    for (const p of packages) expect(await hub.call('exchange:importPackage', asFile(p))).toMatchObject({ kind: 'stats', alreadyApplied: false });
    expect(await hub.call('exchange:importPackage', asFile(packages[0]!))).toMatchObject({ alreadyApplied: true });
    expect((await hub.call('hub:submissions', {})).map((s) => s.contactPointCode).sort()).toEqual(['KHJ', 'KLB']);

    for (const [i, q] of queries.entries()) {
      const onPostgres = await hub.call('reports:indicators', { ...q, suppressSmall: false, threshold: 5 });
      expect(withoutGenerated(onPostgres)).toEqual(withoutGenerated(onSqlite[i]!));
      expect(onPostgres.generated.installationId).toBe(hub.app.requireUnlocked().installation.id);
      expect(onPostgres.generated.auditHead).not.toBeNull();
    }
    const national = await hub.call('reports:indicators', { ...YEAR, suppressSmall: false, threshold: 5 });
    // The woman registered at both contact points (two spellings) is one woman.
    expect(national.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(2);
    expect(national.indicators['1.2.10'].consultations).toBe(4);
    expect(national.indicators['2.2.1.b'].resolvedSuccessfully).toBe(1);

    // The consultations behind a number, from the same store as the number.
    expect(await hub.call('reports:drilldown', cell)).toEqual(sqliteDrilldown);

    const pgOut = join(dir, 'postgres');
    mkdirSync(pgOut);
    const pgExports = await exportsOf(YEAR, pgOut);
    expect(Object.keys(pgExports).length).toBeGreaterThanOrEqual(3);
    expect(pgExports.pdf).toContain('1.2.10');
    expect(pgExports).toEqual(sqliteExports);
  }, 300_000);

  it('keeps the address out of the screen, the audit trail and the unencrypted bytes, and keeps it across a lock', async () => {
    const address = `pglite:${pgDir}`;
    const trail = await hub.call('audit:list', { offset: 0, limit: 200 });
    expect(trail.rows.some((r) => r.action === 'settings.hubStore' && r.detail.includes('postgres'))).toBe(true);
    expect(JSON.stringify(trail)).not.toContain(pgDir);
    for (const f of readdirSync(hub.dir).filter((n) => n.startsWith('legal-aid'))) {
      expect(readFileSync(join(hub.dir, f)).includes(Buffer.from(pgDir)), f).toBe(false);
    }
    expect(maskHubStoreAddress('postgres://analyst:s3cr%40t@db.ombudsman.tj:5432/hub?sslmode=verify-full')).toBe('postgres://analyst:*****@db.ombudsman.tj:5432/hub?sslmode=verify-full');

    // Locking closes the store; the next session opens it again from the saved address.
    await hub.app.lock();
    await hub.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await hub.call('hubStore:get', {})).toMatchObject({ store: 'postgres', address, reachable: true });
    expect((await hub.call('reports:indicators', { ...YEAR, suppressSmall: false, threshold: 5 })).indicators['1.2.10'].consultations).toBe(4);
  }, 300_000);

  it('refuses an address it cannot reach, next to the field and without repeating the password, and keeps the store it had', async () => {
    const r = await hub.raw('hubStore:save', { store: 'postgres', address: 'postgres://analyst:never-shown@127.0.0.1:1/hub' });
    expect(r).toMatchObject({ ok: false, error: { code: 'HUB_STORE_UNREACHABLE', fields: [{ path: 'address', key: 'hubStoreUnreachable' }] } });
    expect(JSON.stringify(r)).not.toContain('never-shown');
    expect(await hub.raw('hubStore:save', { store: 'postgres', address: 'mysql://x@y/z' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'address' }] } });
    expect((await hub.call('hubStore:get', {})).address).toBe(`pglite:${pgDir}`);

    // Back to SQLite: the reports read the hub's own file again.
    expect(await hub.call('hubStore:save', { store: 'sqlite' })).toMatchObject({ store: 'sqlite', address: null });
    expect((await hub.call('reports:indicators', { ...YEAR, suppressSmall: false, threshold: 5 })).indicators['1.2.10'].consultations).toBe(4);
  }, 300_000);

  it('has no store to choose on a contact point', async () => {
    const cp = await createTestApp();
    try {
      expect((await cp.call('hubStore:get', {})).isHub).toBe(false);
      expect(await cp.raw('hubStore:save', { store: 'postgres', address: 'pglite:/tmp/x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await cp.cleanup();
    }
  });
});
