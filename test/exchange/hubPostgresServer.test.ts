import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import type { UnlockedDatabase } from '../../electron/app/database';
import { openHubPostgres } from '../../electron/exchange/hubConnection';
import { asEngineDb, importStatsToPostgres } from '../../electron/exchange/hubPostgres';
import { HUB_POSTGRES_SCHEMA_VERSION } from '../../electron/exchange/hubPostgresSchema';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { createTestApp, tempDir, type TestApp } from '../support/testApp';
import { deliver, installation, pack, pair, setOwnContactPoint, write } from './network';
import { client, consultation, contactPoint, KULOB, session } from './records';

// The hub on a real PostgreSQL server (Debian's `postgresql`, started by .ci/run), as docs/hub-postgres.md
// sets it up: the owner's role makes the schema and imports, an analyst's read-only role reads the
// reports — from the command line's library and from an analyst's own installation through Settings.
// LEGAL_AID_TEST_PG_URL names a role that may create roles and databases; each run makes its own and
// drops them. Without it (a developer's machine without a server) the PGlite tests cover the same code.

const ADMIN_URL = process.env.LEGAL_AID_TEST_PG_URL;
const id = (n: number) => `0190e000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const run = randomBytes(4).toString('hex');
const names = { db: `lad_hub_${run}`, owner: `lad_owner_${run}`, analyst: `lad_analyst_${run}` };
const passwords = { owner: randomBytes(12).toString('hex'), analyst: randomBytes(12).toString('hex') };

function urlFor(role: 'owner' | 'analyst'): string {
  const url = new URL(ADMIN_URL!);
  url.username = names[role];
  url.password = passwords[role];
  url.pathname = `/${names.db}`;
  return url.toString();
}

let dir: string;
let cp: UnlockedDatabase, hub: UnlockedDatabase;
let admin: Pool;
let analystApp: TestApp | undefined;
const withoutGenerated = ({ generated: _g, ...rest }: IndicatorReport) => rest;

describe.runIf(ADMIN_URL)('the hub on a PostgreSQL server shared by analysts', () => {
  beforeAll(async () => {
    admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
    await admin.query(`CREATE ROLE ${names.owner} LOGIN PASSWORD '${passwords.owner}'`);
    await admin.query(`CREATE ROLE ${names.analyst} LOGIN PASSWORD '${passwords.analyst}'`);
    // A role that may create roles is not yet a member of those it made (PostgreSQL 15): it must be to give one a database.
    await admin.query(`GRANT ${names.owner} TO CURRENT_USER`);
    await admin.query(`CREATE DATABASE ${names.db} OWNER ${names.owner}`);
    await admin.query(`REVOKE ALL ON DATABASE ${names.db} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${names.db} TO ${names.analyst}`);

    dir = tempDir('lad-hubpg-server-');
    cp = await installation(dir, 'cp', 'contact_point');
    hub = await installation(dir, 'hub', 'hub');
    await write(cp, contactPoint(id(1), 'KLB', KULOB));
    await setOwnContactPoint(cp, id(1));
    await pair(cp, hub);
    await write(cp, client({ id: id(100), surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' }));
    await write(cp, session(id(10), 'KLB-1', id(1), '2024-03-05', KULOB));
    await write(cp, consultation({ id: id(11), clientId: id(100), date: '2024-03-05', cpId: id(1), sessionId: id(10), districtId: KULOB, issues: ['alimony'], referrals: ['court'] }));
    await write(cp, consultation({ id: id(12), clientId: id(100), date: '2024-04-01', cpId: id(1), districtId: KULOB, issues: ['paternity'] }));
  }, 180_000);

  afterAll(async () => {
    await analystApp?.cleanup();
    for (const db of [cp, hub]) await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${names.db} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${names.owner}`);
      await admin.query(`DROP ROLE IF EXISTS ${names.analyst}`);
      await admin.end();
    }
  });

  it("the owner's role makes the schema and imports; an analyst's role reads the same report and cannot write", async () => {
    const owner = await openHubPostgres(urlFor('owner'), hub.installation);
    try {
      expect(Number((await sql<{ v: number }>`SELECT MAX(version) AS v FROM schema_migrations`.execute(owner)).rows[0]!.v)).toBe(HUB_POSTGRES_SCHEMA_VERSION);
      // What docs/hub-postgres.md has the owner run once: analysts read every table, now and later.
      await sql.raw(`GRANT USAGE ON SCHEMA public TO ${names.analyst}`).execute(owner);
      await sql.raw(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${names.analyst}`).execute(owner);
      await sql.raw(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${names.analyst}`).execute(owner);
      const p = await pack(cp, hub, 'stats', YEAR);
      await deliver(p);
      expect((await importStatsToPostgres(hub, owner, p.file)).counts.consultations).toBe(2);
      expect(withoutGenerated(await computeIndicators(asEngineDb(owner), YEAR))).toEqual(withoutGenerated(await computeIndicators(hub.db, YEAR)));

      const analyst = await openHubPostgres(urlFor('analyst'));
      try {
        const report = await computeIndicators(asEngineDb(analyst), YEAR);
        expect(withoutGenerated(report)).toEqual(withoutGenerated(await computeIndicators(hub.db, YEAR)));
        expect(report.generated.installationId).toBe(hub.installation.id);
        await expect(importStatsToPostgres(hub, analyst, (await pack(cp, hub, 'stats', YEAR)).file)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await analyst.destroy();
      }
    } finally {
      await owner.destroy();
    }
  }, 180_000);

  it("an analyst's own installation reads it from the Reports screen, the password never shown again", async () => {
    analystApp = await createTestApp();
    await analystApp.call('exchange:setRole', { role: 'hub' });
    const saved = await analystApp.call('hubStore:save', { store: 'postgres', address: urlFor('analyst') });
    expect(saved).toMatchObject({ store: 'postgres', schemaVersion: HUB_POSTGRES_SCHEMA_VERSION, reachable: true });
    expect(saved.address).not.toContain(passwords.analyst);
    expect(saved.address).toContain('*****');
    const report = await analystApp.call('reports:indicators', { ...YEAR, suppressSmall: false, threshold: 5 });
    expect(report.indicators['1.2.10'].consultations).toBe(2);
    expect(report.indicators['1.2.4'].womenFromMigrantHouseholds).toBe(1);

    // A wrong password is a refusal to sign in, not an error of the app.
    const wrong = new URL(urlFor('analyst'));
    wrong.password = 'not-the-password';
    const refused = await analystApp.raw('hubStore:save', { store: 'postgres', address: wrong.toString() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'HUB_STORE_UNREACHABLE', params: { code: '28P01' } } });
    expect(JSON.stringify(refused)).not.toContain('not-the-password');
  }, 180_000);
});

