import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { setMeta, META_KEYS } from '../../db/queries/meta';
import type { WriteCtx } from '../../db/queries/writeContext';
import type { Database } from '../../db/schema';
import { createDatabase, type UnlockedDatabase } from '../../electron/app/database';
import { exportPackage, importPackage } from '../../electron/exchange/exchangeService';
import { EXCHANGED_TABLES } from '../../electron/exchange/fullSync';
import { describeHubPostgres } from '../../electron/exchange/hubPostgres';
import { migrateHubPostgres } from '../../electron/exchange/hubPostgresSchema';
import type { HubDatabase } from '../../electron/exchange/hubStore';
import { importPairing, pairingFile } from '../../electron/exchange/identity';
import type { PackageKind } from '../../electron/exchange/packageFile';
import type { InstallationRole } from '../../shared/domain/enums';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { FAST_KDF, tempDir } from '../support/temp';
import { client, contactPoint, KULOB } from './records';

// Helpers for the exchange tests: installations in temp databases, one shared fake wall clock (so the
// order of edits across installations is the order the test makes them in), pairing, packages.

let wall = Date.now() - 60_000;
/** Every reading is one millisecond later than the one before, on every installation. */
export const tick = () => ++wall;

export async function installation(dir: string, name: string, role: InstallationRole): Promise<UnlockedDatabase> {
  const db = await createDatabase({
    dbPath: join(dir, `${name}.db`),
    username: 'admin',
    displayName: `Admin ${name}`,
    passphrase: 'correct horse battery staple',
    installationName: name,
    installationRole: role,
    kdf: FAST_KDF,
  });
  db.writer.clock = new HybridClock(nodeIdFromInstallation(db.installation.id), undefined, tick);
  // Tombstone times are data (deleted_at travels): the same edit gives the same value everywhere.
  db.writer.now = () => new Date('2024-12-31T12:00:00.000Z');
  return db;
}

export function ctxOf(db: UnlockedDatabase, trx: WriteCtx['trx']): WriteCtx {
  return { trx, w: db.writer, user: db.user };
}

export async function write(db: UnlockedDatabase, fn: (ctx: WriteCtx) => Promise<unknown>): Promise<void> {
  await db.db.transaction().execute((trx) => fn(ctxOf(db, trx)));
}

export async function setOwnContactPoint(db: UnlockedDatabase, id: string): Promise<void> {
  await setMeta(db.db, META_KEYS.contactPointId, id);
  db.installation.contactPointId = id;
}

export async function pair(a: UnlockedDatabase, b: UnlockedDatabase): Promise<void> {
  const fa = JSON.stringify(await pairingFile(a.db));
  const fb = JSON.stringify(await pairingFile(b.db));
  await write(a, (ctx) => importPairing(ctx, fb));
  await write(b, (ctx) => importPairing(ctx, fa));
}

export interface Pkg {
  to: UnlockedDatabase;
  file: Buffer;
}

export async function pack(from: UnlockedDatabase, to: UnlockedDatabase, kind: PackageKind = 'full', period?: { from: string; to: string }): Promise<Pkg> {
  const out = await exportPackage(from, to.installation.id, { kind, ...(period ?? {}) });
  return { to, file: out.content };
}

export async function deliver(p: Pkg) {
  return importPackage(p.to, p.file);
}

/** Every synced row that travels, without the per-installation bookkeeping (stamps, times, accounts). */
export async function canonicalDump(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const skip = new Set(['created_at', 'updated_at', 'hlc', 'user_id', 'responsible_user_id', 'assignee_user_id', 'lawyer_user_id', 'created_by_user_id', 'imported_by_user_id']);
  const out: Record<string, unknown[]> = {};
  for (const table of EXCHANGED_TABLES) {
    const rows = (await (db as Kysely<any>).selectFrom(table).selectAll().orderBy('id').execute()) as Record<string, unknown>[];
    out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : v])));
  }
  return out;
}

/** A small deterministic random source, so a failing shuffle can be replayed. */
export function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/**
 * A contact point and a mobile team, paired, in a folder of their own (`prefix`), the team having
 * recorded one client and her contact point: a package from the team carries a person. `close` closes
 * both and removes the folder.
 */
export async function teamWithOneClient(prefix: string): Promise<{ cp: UnlockedDatabase; team: UnlockedDatabase; close: () => Promise<void> }> {
  const dir = tempDir(prefix);
  const cp = await installation(dir, 'cp', 'contact_point');
  const team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
  await write(team, contactPoint('0190a000-0000-7000-8000-0000000000ca', 'KLB', KULOB));
  await write(team, client({ id: '0190a000-0000-7000-8000-0000000000cb', surname: 'Назарова', givenName: 'Мавҷуда', patronymic: '', birthDate: '1988-01-02', phone: '+992917770202', doc: 'B2' }));
  return {
    cp,
    team,
    close: async () => {
      for (const db of [cp, team]) await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Two contact points (A and B, each with its own contact point row) and a hub, all paired, with the
 * network secret made at A and handed to B.
 */
export async function twoContactPointsAndHub(
  dir: string,
  a: { id: string; code: string; districtId: string },
  b: { id: string; code: string; districtId: string },
): Promise<{ cpA: UnlockedDatabase; cpB: UnlockedDatabase; hub: UnlockedDatabase }> {
  const cpA = await installation(dir, 'cp-a', 'contact_point');
  const cpB = await installation(dir, 'cp-b', 'contact_point');
  const hub = await installation(dir, 'hub', 'hub');
  for (const [db, cp] of [[cpA, a], [cpB, b]] as const) {
    await write(db, contactPoint(cp.id, cp.code, cp.districtId));
    await setOwnContactPoint(db, cp.id);
  }
  await pair(cpA, cpB);
  await pair(cpA, hub);
  await pair(cpB, hub);
  await deliver(await pack(cpA, cpB, 'networkKey'));
  return { cpA, cpB, hub };
}

/** The hub's store on PostgreSQL in the process (PGlite), named after the hub. Slow to start: tens of seconds. */
export async function pgliteStore(hub: UnlockedDatabase): Promise<Kysely<HubDatabase>> {
  const pg = new Kysely<HubDatabase>({ dialect: new PGliteDialect(new PGlite()) });
  await migrateHubPostgres(pg);
  await describeHubPostgres(pg, hub.installation.id, hub.installation.name);
  return pg;
}
