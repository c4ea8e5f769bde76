import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ImportResult } from '../../shared/api/exchangeTypes';
import { CONSULTATION_DIMENSION_COLUMNS, SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import type { UnlockedDatabase } from '../app/database';
import { checkWitness, rememberHead } from './auditWitness';
import { checkStats, openPackage, type PackageInput } from './exchangeService';
import { applyStatsFacts, isApplied, type HubDatabase } from './hubStore';
import { PackageRefused } from './refusal';

// The hub's store on PostgreSQL, for an Ombudsman office where several analysts work on one server.
// The hub installation itself (its keys, its peers, the audit trail) stays in its encrypted SQLite file:
// packages are checked and decrypted there, and only the de-identified facts go to PostgreSQL. Only the
// tables the statistics need, with the same names and columns as in SQLite, so the one indicator
// engine (db/queries/indicators.ts) runs on it unchanged. No foreign keys: the facts are copies whose
// whole set is replaced per contact point and period in one transaction.

const SYNCED = `id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, hlc TEXT NOT NULL, deleted_at TEXT`;

/** The consultation's own columns; those the dimensions read (shared/domain/indicatorDimensions.ts) follow. */
const CONSULTATION_BASE = [
  'client_id TEXT NOT NULL',
  'date TEXT NOT NULL',
  'contact_point_id TEXT NOT NULL',
  'mobile_session_id TEXT',
  'case_id TEXT',
  'snap_age INTEGER',
  'snap_migrant_household INTEGER NOT NULL',
];
const DIMENSION_COLUMNS = CONSULTATION_DIMENSION_COLUMNS.filter((c) => !CONSULTATION_BASE.some((b) => b.startsWith(`${c.column} `)));

export const HUB_POSTGRES_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS change_log (seq BIGSERIAL PRIMARY KEY, hlc TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
     data TEXT NOT NULL, origin TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS change_log_hlc ON change_log(hlc)`,
  `CREATE TABLE IF NOT EXISTS applied_packages (package_id TEXT PRIMARY KEY, sender_installation_id TEXT NOT NULL, kind TEXT NOT NULL,
     applied_at TEXT NOT NULL, period_from TEXT, period_to TEXT)`,
  `CREATE TABLE IF NOT EXISTS contact_points (${SYNCED}, code TEXT NOT NULL, name TEXT NOT NULL, district_id TEXT NOT NULL,
     address TEXT NOT NULL DEFAULT '', organisation TEXT NOT NULL DEFAULT '', established_on TEXT NOT NULL, closed_on TEXT,
     notes TEXT NOT NULL DEFAULT '')`,
  `CREATE TABLE IF NOT EXISTS mobile_sessions (${SYNCED}, code TEXT NOT NULL, contact_point_id TEXT NOT NULL, date TEXT NOT NULL,
     district_id TEXT NOT NULL, jamoat TEXT NOT NULL DEFAULT '', village TEXT NOT NULL DEFAULT '', partner_authority TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL, status_changed_on TEXT, notes TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX IF NOT EXISTS mobile_sessions_cp_date ON mobile_sessions(contact_point_id, date)`,
  `CREATE TABLE IF NOT EXISTS clients (${SYNCED}, surname TEXT NOT NULL DEFAULT '', given_name TEXT NOT NULL DEFAULT '',
     sex TEXT NOT NULL, merged_into_id TEXT)`,
  `CREATE TABLE IF NOT EXISTS cases (${SYNCED}, number TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL, case_type TEXT NOT NULL,
     status TEXT NOT NULL, opened_on TEXT NOT NULL, closed_on TEXT, contact_point_id TEXT, outcome TEXT)`,
  `CREATE INDEX IF NOT EXISTS cases_closed ON cases(closed_on)`,
  `CREATE TABLE IF NOT EXISTS consultations (${SYNCED}, ${[...CONSULTATION_BASE, ...DIMENSION_COLUMNS.map((c) => `${c.column} ${c.integer ? 'INTEGER' : 'TEXT'}${c.nullable ? '' : ' NOT NULL'}`)].join(', ')})`,
  // A store made before a dimension existed gains its column, NULL in the rows it holds until the next
  // package for their period replaces them.
  ...DIMENSION_COLUMNS.map((c) => `ALTER TABLE consultations ADD COLUMN IF NOT EXISTS ${c.column} ${c.integer ? 'INTEGER' : 'TEXT'}`),
  `CREATE INDEX IF NOT EXISTS consultations_date ON consultations(date)`,
  `CREATE INDEX IF NOT EXISTS consultations_cp_date ON consultations(contact_point_id, date)`,
  ...SET_DIMENSIONS.flatMap(({ source: { table, column } }) => [
    `CREATE TABLE IF NOT EXISTS ${table} (${SYNCED}, consultation_id TEXT NOT NULL, ${column} TEXT NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS ${table}_consultation ON ${table}(consultation_id)`,
  ]),
];

export async function migrateHubPostgres(pg: Kysely<HubDatabase>): Promise<void> {
  await pg.transaction().execute(async (trx) => {
    for (const statement of HUB_POSTGRES_SCHEMA) await sql.raw(statement).execute(trx);
  });
}

/** Names the PostgreSQL store after the hub installation, so reports made on it say where they come from. */
export async function describeHubPostgres(pg: Kysely<HubDatabase>, installationId: string, name: string): Promise<void> {
  for (const [key, value] of [
    ['installation.id', installationId],
    ['installation.name', name],
  ] as const) {
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
