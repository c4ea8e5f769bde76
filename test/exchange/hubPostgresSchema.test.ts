import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import type { UnlockedDatabase } from '../../electron/app/database';
import { asEngineDb, importStatsToPostgres } from '../../electron/exchange/hubPostgres';
import { HUB_POSTGRES_MIGRATIONS, HUB_POSTGRES_SCHEMA_VERSION, hubPostgresState, migrateHubPostgres } from '../../electron/exchange/hubPostgresSchema';
import type { HubDatabase } from '../../electron/exchange/hubStore';
import { AppError } from '../../shared/api/errors';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { CONSULTATION_DIMENSION_COLUMNS, SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, setOwnContactPoint, write } from './network';
import { client, consultation, contactPoint, KULOB, session } from './records';

// The hub's PostgreSQL schema is versioned: a store made by an older version (or before versions were
// recorded, or before a dimension existed) is brought up to date in one step, a newer one is refused,
// and an analyst's read-only role can open a store that is current but not upgrade one.

const id = (n: number) => `0190c000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

let dir: string;
let cp: UnlockedDatabase, hub: UnlockedDatabase;
let pglite: PGlite;
let pg: Kysely<HubDatabase>;

const columnsOf = async (table: string) =>
  (await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = ${table}`.execute(pg)).rows.map((r) => r.column_name);
const tableExists = async (table: string) => (await sql<{ t: string | null }>`SELECT to_regclass(${table})::text AS t`.execute(pg)).rows[0]!.t !== null;
const withoutGenerated = ({ generated: _g, ...rest }: IndicatorReport) => rest;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  dir = tempDir('lad-hubpg-schema-');
  cp = await installation(dir, 'cp', 'contact_point');
  hub = await installation(dir, 'hub', 'hub');
  await write(cp, contactPoint(id(1), 'KLB', KULOB));
  await setOwnContactPoint(cp, id(1));
  await pair(cp, hub);
  await write(cp, client({ id: id(100), surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' }));
  await write(cp, session(id(10), 'KLB-1', id(1), '2024-03-05', KULOB));
  await write(cp, consultation({ id: id(11), clientId: id(100), date: '2024-03-05', cpId: id(1), sessionId: id(10), districtId: KULOB, issues: ['alimony'], referrals: ['court'] }));
  await write(cp, consultation({ id: id(12), clientId: id(100), date: '2024-04-01', cpId: id(1), districtId: KULOB, issues: ['paternity'], referrals: ['police'] }));
  pglite = new PGlite();
  pg = new Kysely<HubDatabase>({ dialect: new PGliteDialect(pglite) });
}, 180_000);

afterAll(async () => {
  await pg?.destroy();
  for (const db of [cp, hub]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the hub's PostgreSQL schema", () => {
  it('upgrades a store made before versions were recorded and before a dimension existed, and reports from it as SQLite does', async () => {
    // The store as an older version left it: step 1 only, no record of it, and without the referral
    // dimension's table nor the home-district column.
    await migrateHubPostgres(pg, { upTo: 1 });
    await sql`DROP TABLE schema_migrations`.execute(pg);
    await sql`DROP TABLE consultation_referrals`.execute(pg);
    await sql`ALTER TABLE consultations DROP COLUMN snap_residence_district_id`.execute(pg);
    const before = await hubPostgresState(pg);
    expect(before).toMatchObject({ current: 0, pending: HUB_POSTGRES_MIGRATIONS.map((m) => m.version) });
    expect(before.missing).toEqual(['consultations.snap_residence_district_id', 'consultation_referrals']);

    const after = await migrateHubPostgres(pg);
    expect(after).toMatchObject({ current: HUB_POSTGRES_SCHEMA_VERSION, pending: [], missing: [] });
    const recorded = await sql<{ version: number; name: string }>`SELECT version, name FROM schema_migrations ORDER BY version`.execute(pg);
    expect(recorded.rows).toEqual(HUB_POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await tableExists('cases_cp_closed')).toBe(true);
    // Every column and table the dimensions read, whatever the list holds now.
    const consultationColumns = await columnsOf('consultations');
    for (const c of CONSULTATION_DIMENSION_COLUMNS) expect(consultationColumns).toContain(c.column);
    for (const { source } of SET_DIMENSIONS) expect(await columnsOf(source.table)).toContain(source.column);

    const p = await pack(cp, hub, 'stats', PERIOD);
    await deliver(p);
    await importStatsToPostgres(hub, pg, p.file);
    const onPostgres = await computeIndicators(asEngineDb(pg), PERIOD);
    expect(withoutGenerated(onPostgres)).toEqual(withoutGenerated(await computeIndicators(hub.db, PERIOD)));
    expect(onPostgres.breakdowns['1.2.10.consultations'].referral).toMatchObject({ court: 1, police: 1 });

    // Opening it again changes nothing.
    await migrateHubPostgres(pg);
    expect(Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM schema_migrations`.execute(pg)).rows[0]!.n)).toBe(HUB_POSTGRES_MIGRATIONS.length);
  }, 180_000);

  it('runs the pending steps in one transaction: a failing step leaves the store as it was', async () => {
    const broken = [
      ...HUB_POSTGRES_MIGRATIONS,
      { version: HUB_POSTGRES_SCHEMA_VERSION + 1, name: 'half_done', statements: ['CREATE TABLE half_done (x TEXT)', 'CREATE TABLE meta (key TEXT)'] },
    ];
    await expect(migrateHubPostgres(pg, { migrations: broken })).rejects.toThrow(/meta/);
    expect(await tableExists('half_done')).toBe(false);
    expect((await hubPostgresState(pg)).current).toBe(HUB_POSTGRES_SCHEMA_VERSION);
  }, 180_000);

  it('refuses a store written by a newer version, as the SQLite database is refused', async () => {
    await sql`INSERT INTO schema_migrations VALUES (${HUB_POSTGRES_SCHEMA_VERSION + 1}, 'from the future', '2030-01-01T00:00:00Z', '9.9.9')`.execute(pg);
    const e = await refusal(migrateHubPostgres(pg));
    expect(e.code).toBe('SCHEMA_TOO_NEW');
    expect(e.params).toEqual({ current: HUB_POSTGRES_SCHEMA_VERSION + 1, latest: HUB_POSTGRES_SCHEMA_VERSION });
    await sql`DELETE FROM schema_migrations WHERE version > ${HUB_POSTGRES_SCHEMA_VERSION}`.execute(pg);
  }, 180_000);

  it("lets an analyst's read-only role open a current store, and says an upgrade needs the owner", async () => {
    await sql`CREATE ROLE analyst NOLOGIN`.execute(pg);
    await sql`GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst`.execute(pg);
    await sql`SET ROLE analyst`.execute(pg);
    try {
      expect((await migrateHubPostgres(pg)).current).toBe(HUB_POSTGRES_SCHEMA_VERSION);
      expect((await computeIndicators(asEngineDb(pg), PERIOD)).indicators['1.2.10'].consultations).toBe(2);
    } finally {
      await sql`RESET ROLE`.execute(pg);
    }
    // A newer app version than the store: the analyst cannot make the change, and is told so.
    await sql`DELETE FROM schema_migrations WHERE version = ${HUB_POSTGRES_SCHEMA_VERSION}`.execute(pg);
    await sql`SET ROLE analyst`.execute(pg);
    try {
      const e = await refusal(migrateHubPostgres(pg));
      expect(e.code).toBe('FORBIDDEN');
      expect(e.params).toEqual({ current: HUB_POSTGRES_SCHEMA_VERSION - 1, latest: HUB_POSTGRES_SCHEMA_VERSION });
    } finally {
      await sql`RESET ROLE`.execute(pg);
    }
    expect((await migrateHubPostgres(pg)).current).toBe(HUB_POSTGRES_SCHEMA_VERSION);
  }, 180_000);
});
