import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ImportResult } from '../../shared/api/exchangeTypes';
import type { UnlockedDatabase } from '../app/database';
import { checkWitness, rememberHead } from './auditWitness';
import { checkStats, openPackage, type PackageInput } from './exchangeService';
import { applyStatsFacts, isApplied, type HubDatabase } from './hubStore';
import { PackageRefused } from './refusal';

// The hub's store on PostgreSQL, for an Ombudsman office where several analysts work on one server.
// The hub installation itself (its keys, its peers, the audit trail) stays in its encrypted SQLite file:
// packages are checked and decrypted there, and only the de-identified facts go to PostgreSQL. Only the
// tables the statistics need, with the same names and columns as in SQLite, so the one indicator
// engine (db/queries/indicators.ts) runs on it unchanged; their schema and its versions:
// hubPostgresSchema.ts. No foreign keys: the facts are copies whose whole set is replaced per contact
// point and period in one transaction.

/** Names the PostgreSQL store after the hub installation, so reports made on it say where they come from. */
export async function describeHubPostgres(pg: Kysely<HubDatabase>, installationId: string, name: string): Promise<void> {
  for (const [key, value] of [
    ['installation.id', installationId],
    ['installation.name', name],
  ] as const) {
    const now = await pg.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    if (now?.value === value) continue;
    await pg.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}

/** The indicator engine is typed for the app's database; the hub tables are the subset it reads. */
export function asEngineDb(pg: Kysely<HubDatabase>): Kysely<Database> {
  return pg as unknown as Kysely<Database>;
}

/** Checks a statistics package with the hub installation's keys and stores its facts in PostgreSQL. */
export async function importStatsToPostgres(hub: UnlockedDatabase, pg: Kysely<HubDatabase>, file: PackageInput, now = new Date()): Promise<ImportResult> {
  if (hub.installation.role !== 'hub') throw new PackageRefused('wrongKind');
  const { header, payload, peer } = await openPackage(hub, file);
  if (header.kind !== 'stats' || !header.period) throw new PackageRefused('wrongKind');
  const result: ImportResult = { packageId: header.packageId, kind: 'stats', senderName: peer.name, alreadyApplied: false, counts: {} };
  if (await isApplied(pg, header.packageId)) return { ...result, alreadyApplied: true };
  // The witnessed heads stay in the hub's own database beside its keys and peers.
  const witness = await checkWitness(hub.db, hub.user, header, now.toISOString());
  const { stats, stamp } = checkStats(header, payload);
  const n = await pg
    .transaction()
    .execute((trx) => applyStatsFacts(trx, stats, { packageId: header.packageId, sender: peer.installationId, now: now.toISOString(), stamp, clock: hub.writer.clock }));
  await hub.db.transaction().execute((trx) => rememberHead(trx, peer.installationId, witness, header.created, now.toISOString()));
  return { ...result, counts: { consultations: n } };
}
