import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import { monthsOf } from '../../shared/domain/reportTrends';
import type { UnlockedDatabase } from '../../electron/app/database';
import { asEngineDb, describeHubPostgres, importStatsToPostgres } from '../../electron/exchange/hubPostgres';
import { migrateHubPostgres } from '../../electron/exchange/hubPostgresSchema';
import type { HubDatabase } from '../../electron/exchange/hubStore';
import type { IndicatorReport, ReportQuery } from '../../shared/api/reportTypes';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, setOwnContactPoint, write } from './network';
import { alimonyCase, client, consultation, contactPoint, ISTARAVSHAN, KHUJAND, KULOB, session } from './records';

// Issue point 7: the same statistics packages imported into the hub's SQLite store and into its
// PostgreSQL store (PGlite: real PostgreSQL in-process) give the same indicator reports.

const id = (n: number) => `0190b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

let dir: string;
let cpA: UnlockedDatabase, cpB: UnlockedDatabase, hub: UnlockedDatabase;
let pglite: PGlite;
let pg: Kysely<HubDatabase>;

function withoutGenerated(r: IndicatorReport) {
  const { generated: _generated, ...rest } = r;
  return rest;
}

beforeAll(async () => {
  dir = tempDir('lad-hubpg-');
  cpA = await installation(dir, 'cp-a', 'contact_point');
  cpB = await installation(dir, 'cp-b', 'contact_point');
  hub = await installation(dir, 'hub', 'hub');
  await write(cpA, contactPoint(id(1), 'KLB', KULOB));
  await write(cpB, contactPoint(id(2), 'KHJ', KHUJAND));
  await setOwnContactPoint(cpA, id(1));
  await setOwnContactPoint(cpB, id(2));
  await pair(cpA, cpB);
  await pair(cpA, hub);
  await pair(cpB, hub);
  await deliver(await pack(cpA, cpB, 'networkKey'));
  const same = { id: id(100), surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' };
  // The same woman registered separately at both contact points (other record ids, Russian spelling at B).
  await write(cpA, client(same));
  await write(cpB, client({ ...same, id: id(200), surname: 'Рахимова' }));
  await write(cpA, session(id(10), 'KLB-1', id(1), '2024-03-05', KULOB));
  await write(cpA, consultation({ id: id(11), clientId: id(100), date: '2024-03-05', cpId: id(1), sessionId: id(10), districtId: KULOB, issues: ['alimony'], referrals: ['court'] }));
  await write(cpA, alimonyCase(id(12), id(100), id(1), '2024-06-30', 'settled'));
  await write(cpA, consultation({ id: id(13), clientId: id(100), date: '2024-04-01', cpId: id(1), districtId: KULOB, issues: ['paternity', 'alimony'], referrals: ['court', 'police'], caseId: id(12) }));
  await write(cpB, session(id(20), 'KHJ-1', id(2), '2024-05-20', ISTARAVSHAN));
  await write(cpB, client({ id: id(201), surname: 'Қодирова', givenName: 'Зарина', patronymic: '', birthDate: '1979-01-21', phone: '+992917770104', doc: 'B2' }));
  await write(cpB, consultation({ id: id(21), clientId: id(201), date: '2024-05-20', cpId: id(2), sessionId: id(20), districtId: ISTARAVSHAN, issues: ['land'], abandoned: 0 }));
  await write(cpB, consultation({ id: id(22), clientId: id(200), date: '2024-07-15', cpId: id(2), districtId: KHUJAND, issues: [], referrals: ['crisis_centre'] }));

  pglite = new PGlite();
  pg = new Kysely<HubDatabase>({ dialect: new PGliteDialect(pglite) });
  await migrateHubPostgres(pg);
  await describeHubPostgres(pg, hub.installation.id, hub.installation.name);
  // Starting PostgreSQL in the process (PGlite) takes tens of seconds on a busy 2-core machine.
}, 180_000);

afterAll(async () => {
  await pg?.destroy();
  for (const db of [cpA, cpB, hub]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hub on SQLite and on PostgreSQL', () => {
  it('imports the same packages and computes the same national, regional and contact-point reports', async () => {
    for (const from of [cpA, cpB]) {
      const p = await pack(from, hub, 'stats', PERIOD);
      await deliver(p);
      expect((await importStatsToPostgres(hub, pg, p.file)).counts.consultations).toBeGreaterThan(0);
      expect((await importStatsToPostgres(hub, pg, p.file)).alreadyApplied).toBe(true);
    }
    // A re-sent period replaces the contact point's facts, on both stores.
    const again = await pack(cpB, hub, 'stats', PERIOD);
    await deliver(again);
    await importStatsToPostgres(hub, pg, again.file);

    const queries: ReportQuery[] = [PERIOD, { ...PERIOD, region: 'TJ-SU' }, { ...PERIOD, contactPointCode: 'KLB' }, { ...PERIOD, districtId: KULOB }];
    for (const q of queries) {
      const onSqlite = withoutGenerated(await computeIndicators(hub.db, q));
      expect(withoutGenerated(await computeIndicators(asEngineDb(pg), q))).toEqual(onSqlite);
    }
    const national = await computeIndicators(asEngineDb(pg), PERIOD);
    // One woman at both contact points (two records, two spellings) is one woman nationally.
    expect(national.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(1);
    expect(national.indicators['1.2.4'].womenFromMigrantHouseholds).toBe(2);
    expect(national.indicators['1.2.10'].consultations).toBe(4);
    // The months (compared above with SQLite's, with the previous period) hold the same consultations.
    expect(national.series.map((m) => m.month)).toEqual(monthsOf(PERIOD.from, PERIOD.to).map((m) => m.month));
    expect(national.series.reduce((n, m) => n + Number(m.values.consultations1210), 0)).toBe(4);
    expect(national.indicators['2.2.1.b'].resolvedSuccessfully).toBe(1);
    // Referrals, from the package's referral rows: consultation 11 (KLB session) court; 13 (KLB) court
    // and police; 21 (KHJ session) none; 22 (KHJ) crisis centre. A consultation counts under each of
    // its referrals, so the cells add up to more than the 4 consultations.
    const referral = (key: keyof IndicatorReport['breakdowns']) => {
      const cells = national.breakdowns[key].referral!;
      return Object.fromEntries(Object.entries(cells).filter(([, n]) => n !== 0));
    };
    expect(referral('1.2.10.consultations')).toEqual({ court: 2, police: 1, crisis_centre: 1, none: 1 });
    expect(referral('1.2.4.consultations')).toEqual({ court: 1, none: 1 });
    // The woman of both contact points, at her first consultation at a contact point (13, 1 April; not 22, 15 July).
    expect(referral('1.2.3.womenFromMigrantHouseholds')).toEqual({ court: 1, police: 1 });
    // At sessions: the same woman at 11 (court), the other at 21 (none).
    expect(referral('1.2.4.womenFromMigrantHouseholds')).toEqual({ court: 1, none: 1 });
    expect(national.generated.installationId).toBe(hub.installation.id);
  });
});
