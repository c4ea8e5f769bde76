import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage, openPackage } from '../../electron/exchange/exchangeService';
import { asEngineDb, importStatsToPostgres } from '../../electron/exchange/hubPostgres';
import type { HubDatabase } from '../../electron/exchange/hubStore';
import { exportReport } from '../../electron/reports/exportReport';
import type { ImportResult } from '../../shared/api/exchangeTypes';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { madeAtOf } from '../../shared/domain/statsPeriods';
import { translate } from '../../shared/i18n';
import { layoutReport } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';
import { tempDir } from '../support/temp';
import { pack, pgliteStore, twoContactPointsAndHub, write, type Pkg } from './network';
import { client, consultation, ISTARAVSHAN, KHUJAND, KULOB, session, type Person } from './records';

// Packages carried by hand reach the hub in any order. The hub keeps, day by day, the facts of the
// newest package a contact point made for that day; an older one is refused and changes nothing. The
// same on the hub's SQLite store and on its PostgreSQL store (PGlite: real PostgreSQL in-process).
// The report's data stamp moves whenever the facts change, and the report names which contact
// point's data for which days it holds, made when.

const id = (n: number) => `0190c000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const CP_A = id(1);
const CP_B = id(2);
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

const woman = (n: number, surname: string, birthDate: string): Person => ({
  id: id(100 + n),
  surname,
  givenName: 'Нилуфар',
  patronymic: '',
  birthDate,
  phone: `+99291777${String(n).padStart(4, '0')}`,
  doc: `A${n}`,
});

let dir: string;
let cpA: UnlockedDatabase, cpB: UnlockedDatabase, hub: UnlockedDatabase;
let pg: Kysely<HubDatabase>;

interface Store {
  name: string;
  apply(p: Pkg): Promise<ImportResult>;
  report(q?: { contactPointCode?: string }): Promise<IndicatorReport>;
  count(): Promise<number>;
}
let stores: Store[];

/** What an analyst reads: the numbers, without the time the report was made. */
const numbers = (r: IndicatorReport) => ({ indicators: r.indicators, breakdowns: r.breakdowns });

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; params?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; params?: Record<string, unknown> };
  }
  throw new Error('The package was applied');
}

beforeAll(async () => {
  dir = tempDir('lad-hubstats-');
  ({ cpA, cpB, hub } = await twoContactPointsAndHub(dir, { id: CP_A, code: 'KLB', districtId: KULOB }, { id: CP_B, code: 'KHJ', districtId: KHUJAND }));

  // Starting PostgreSQL in the process (PGlite) takes tens of seconds on a busy 2-core machine.
  pg = await pgliteStore(hub);
  const countIn = async (db: Kysely<any>) => Number((await db.selectFrom('applied_packages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);
  stores = [
    {
      name: 'SQLite',
      apply: (p) => importPackage(hub, p.file),
      report: (q) => computeIndicators(hub.db, { ...YEAR, ...q }),
      count: () => countIn(hub.db),
    },
    {
      name: 'PostgreSQL',
      apply: (p) => importStatsToPostgres(hub, pg, p.file),
      report: (q) => computeIndicators(asEngineDb(pg), { ...YEAR, ...q }),
      count: () => countIn(pg),
    },
  ];
}, 180_000);

afterAll(async () => {
  await pg?.destroy();
  for (const db of [cpA, cpB, hub]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stampOf = async (p: Pkg) => (await openPackage(hub, p.file)).header.period!.stamp!;

describe('statistics at the hub never go back in time', () => {
  it('refuses contact point A’s older package after its re-sent one and B’s, on SQLite and PostgreSQL alike', async () => {
    // A sends its year; then records more and sends the year again.
    await write(cpA, session(id(10), 'KLB-1', CP_A, '2024-03-05', KULOB));
    await write(cpA, client(woman(1, 'Раҳимова', '1990-03-14')));
    await write(cpA, consultation({ id: id(11), clientId: id(101), date: '2024-03-05', cpId: CP_A, sessionId: id(10), districtId: KULOB, issues: ['alimony'] }));
    const a1 = await pack(cpA, hub, 'stats', YEAR);
    await write(cpA, client(woman(2, 'Джураева', '1987-11-02')));
    await write(cpA, consultation({ id: id(12), clientId: id(102), date: '2024-03-05', cpId: CP_A, sessionId: id(10), districtId: KULOB, issues: ['paternity'] }));
    await write(cpA, session(id(13), 'KLB-2', CP_A, '2024-06-01', KULOB));
    await write(cpA, consultation({ id: id(14), clientId: id(101), date: '2024-06-01', cpId: CP_A, sessionId: id(13), districtId: KULOB, issues: ['land'] }));
    const a2 = await pack(cpA, hub, 'stats', YEAR);
    // B: two women at one session.
    await write(cpB, session(id(20), 'KHJ-1', CP_B, '2024-05-20', ISTARAVSHAN));
    await write(cpB, client(woman(3, 'Қодирова', '1979-01-21')));
    await write(cpB, client(woman(4, 'Саидзода', '1995-06-30')));
    await write(cpB, consultation({ id: id(21), clientId: id(103), date: '2024-05-20', cpId: CP_B, sessionId: id(20), districtId: ISTARAVSHAN, issues: ['land'] }));
    await write(cpB, consultation({ id: id(22), clientId: id(104), date: '2024-05-20', cpId: CP_B, sessionId: id(20), districtId: ISTARAVSHAN, issues: [] }));
    const b = await pack(cpB, hub, 'stats', YEAR);

    for (const store of stores) {
      await store.apply(a2);
      await store.apply(b);
      const before = await store.report();
      // Hand-worked: A's women 1 and 2 (three consultations at two sessions), B's women 3 and 4.
      expect(before.indicators['1.2.4'], store.name).toMatchObject({ mobileSessionsConducted: 3, womenFromMigrantHouseholds: 4, consultations: 5 });
      const applied = await store.count();

      const refused = await refusal(store.apply(a1));
      expect(refused.code, store.name).toBe('PACKAGE_REFUSED');
      expect(refused.params, store.name).toEqual({ reason: 'olderStats', madeAt: madeAtOf(await stampOf(a2)) });
      const after = await store.report();
      expect(numbers(after), store.name).toEqual(numbers(before));
      expect(after.generated.dataStamp, store.name).toBe(before.generated.dataStamp);
      expect(await store.count(), store.name).toBe(applied);
    }
    // The text a user reads names the package the hub keeps.
    expect(translate('en', 'exchange.refused.olderStats', { madeAt: '05.12.2026 10:00' })).toBe('An older package for this period: the hub keeps the one made on 05.12.2026 10:00. Nothing was changed.');
  }, 120_000);

  it('replaces, for partly overlapping periods, only the days a package is the newest for', async () => {
    // A records on; three packages made one after another, delivered in another order.
    await write(cpA, client(woman(5, 'Назарова', '1985-04-17')));
    await write(cpA, consultation({ id: id(15), clientId: id(105), date: '2024-02-10', cpId: CP_A, districtId: KULOB, issues: ['alimony'] }));
    const q1 = await pack(cpA, hub, 'stats', { from: '2024-01-01', to: '2024-03-31' });
    await write(cpA, client(woman(6, 'Азимова', '1999-12-12')));
    await write(cpA, consultation({ id: id(16), clientId: id(106), date: '2024-09-01', cpId: CP_A, districtId: KULOB, issues: ['alimony'] }));
    const year = await pack(cpA, hub, 'stats', YEAR);
    await write(cpA, consultation({ id: id(17), clientId: id(106), date: '2024-02-20', cpId: CP_A, districtId: KULOB, issues: ['paternity'] }));
    const h1 = await pack(cpA, hub, 'stats', { from: '2024-01-01', to: '2024-06-30' });

    for (const store of stores) {
      const stamps: (string | null)[] = [(await store.report()).generated.dataStamp];
      // The first half-year, the newest package: Jan–Jun hold 11, 12, 14, 15, 17.
      await store.apply(h1);
      stamps.push((await store.report()).generated.dataStamp);
      // The year, made before the half-year: it is the newest only for Jul–Dec (16).
      expect((await store.apply(year)).counts, store.name).toEqual({ consultations: 1 });
      stamps.push((await store.report()).generated.dataStamp);
      // The first quarter, made before both: newer for none of its days.
      const refused = await refusal(store.apply(q1));
      expect(refused.params, store.name).toEqual({ reason: 'olderStats', madeAt: madeAtOf(await stampOf(h1)) });

      const r = await store.report({ contactPointCode: 'KLB' });
      // At the contact point itself: 15, 17 (from the half-year) and 16 (from the year).
      expect(r.indicators['1.2.3'], store.name).toMatchObject({ consultations: 3, womenFromMigrantHouseholds: 2 });
      expect(r.indicators['1.2.10'].consultations, store.name).toBe(6);
      expect(r.generated.coverage, store.name).toEqual([
        { contactPointCode: 'KLB', contactPointName: 'Нуқтаи тамос KLB', from: '2024-01-01', to: '2024-06-30', madeAt: madeAtOf(await stampOf(h1)), generation: 1 },
        { contactPointCode: 'KLB', contactPointName: 'Нуқтаи тамос KLB', from: '2024-07-01', to: '2024-12-31', madeAt: madeAtOf(await stampOf(year)), generation: 1 },
      ]);
      stamps.push((await store.report()).generated.dataStamp);
      // Each change of the facts gave a new, later data stamp; the refusal none.
      expect(stamps[0], store.name).not.toBeNull();
      expect(stamps[1]! > stamps[0]! && stamps[2]! > stamps[1]!, store.name).toBe(true);
      expect(stamps[3], store.name).toBe(stamps[2]);
    }
    // Both stores hold the same facts.
    expect(numbers(await stores[1]!.report())).toEqual(numbers(await stores[0]!.report()));
  }, 120_000);

  it('names in the report, its PDF, spreadsheet and CSV, which contact point’s data covers which days', async () => {
    const report = await stores[1]!.report();
    expect(report.generated.coverage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contactPointCode: 'KHJ', from: '2024-01-01', to: '2024-12-31' }),
        expect.objectContaining({ contactPointCode: 'KLB', from: '2024-07-01', to: '2024-12-31' }),
      ]),
    );
    const layout = layoutReport(report, reportText('ru'));
    const section = layout.sections.find((s) => s.name === 'coverage')!;
    expect(section.title).toBe('Данные контактных пунктов');
    expect(section.sheet).toBe('Coverage');
    expect(section.rows.map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : c.value)).slice(0, 2))).toEqual([
      ['KHJ — Нуқтаи тамос KHJ', '01.01.2024 – 31.12.2024'],
      ['KLB — Нуқтаи тамос KLB', '01.01.2024 – 30.06.2024'],
      ['KLB — Нуқтаи тамос KLB', '01.07.2024 – 31.12.2024'],
    ]);
    // The exported files show the same rows.
    const csv = (await exportReport(report, { format: 'csv', language: 'ru' })).bytes.toString('utf8');
    expect(csv).toContain('Данные контактных пунктов');
    const madeAt = section.rows[2]!.cells[2]!;
    expect(csv).toContain(`KLB — Нуқтаи тамос KLB,01.07.2024 – 31.12.2024,${madeAt.kind === 'text' ? madeAt.text : ''}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReport(report, { format: 'xlsx', language: 'ru' })).bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Coverage')!.getRow(2).values).toEqual([undefined, 'KHJ — Нуқтаи тамос KHJ', '01.01.2024 – 31.12.2024', expect.stringMatching(/^\d\d\.\d\d\.\d{4} \d\d:\d\d UTC$/)]);
    const pdf = join(dir, 'hub.pdf');
    writeFileSync(pdf, (await exportReport(report, { format: 'pdf', language: 'tg' })).bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Маълумоти нуқтаҳои тамос');
    expect(text).toMatch(/KLB — Нуқтаи тамос KLB\s+01\.01\.2024 – 30\.06\.2024/);

    // An installation counting its own records has no such section.
    const own = await computeIndicators(cpA.db, YEAR);
    expect(own.generated.coverage).toBeNull();
    expect(layoutReport(own, reportText('ru')).sections.some((s) => s.name === 'coverage')).toBe(false);
  }, 120_000);
});
