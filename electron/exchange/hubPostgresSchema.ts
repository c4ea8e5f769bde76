import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { CONSULTATION_DIMENSION_COLUMNS, SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { APP_VERSION } from '../app/version';
import type { HubDatabase } from './hubStore';

// The schema of the hub's PostgreSQL store, versioned like the app's SQLite database (db/migrate.ts):
// numbered steps recorded in schema_migrations, all pending ones run in one transaction, and a store
// written by a newer version refused with the same SCHEMA_TOO_NEW.
//
// What the indicator dimensions need (a consultation column per small or place dimension, a table per
// set dimension) is not written in the steps: it follows shared/domain/indicatorDimensions.ts and is
// added, in the same transaction, whenever the store lacks it — so a dimension added to the code reaches
// every existing hub without a step of its own, as the report's triggers do in SQLite
// (db/reportFactsSchema.ts). A column added that way is NULL in the rows the store already holds until
// the next package for their period replaces them.

export interface HubPostgresMigration {
  version: number;
  name: string;
  statements: readonly string[];
}

const SYNCED = `id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, hlc TEXT NOT NULL, deleted_at TEXT`;

/** The consultation's own columns; those the dimensions read are added from the code. */
const CONSULTATION_BASE = [
  'client_id TEXT NOT NULL',
  'date TEXT NOT NULL',
  'contact_point_id TEXT NOT NULL',
  'mobile_session_id TEXT',
  'case_id TEXT',
  'snap_age INTEGER',
  'snap_migrant_household INTEGER NOT NULL',
];
const BASE_COLUMNS = new Set(CONSULTATION_BASE.map((c) => c.split(' ')[0]!));

/**
 * Never edit a step that has shipped: hubs in use are at its version and would never run the change.
 * Step 1 is the schema hubs had before versions were recorded; its IF NOT EXISTS lets such a store
 * be adopted as it is.
 */
export const HUB_POSTGRES_MIGRATIONS: readonly HubPostgresMigration[] = [
  {
    version: 1,
    name: 'hub_facts',
    statements: [
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
      `CREATE TABLE IF NOT EXISTS consultations (${SYNCED}, ${CONSULTATION_BASE.join(', ')})`,
      `CREATE INDEX IF NOT EXISTS consultations_date ON consultations(date)`,
      `CREATE INDEX IF NOT EXISTS consultations_cp_date ON consultations(contact_point_id, date)`,
    ],
  },
  {
    version: 2,
    name: 'cases_by_contact_point',
    // A package replaces its contact point's cases closed in its period: found by both, not by the
    // closing date across every contact point of the country.
    statements: [`CREATE INDEX IF NOT EXISTS cases_cp_closed ON cases(contact_point_id, closed_on)`],
  },
  {
    version: 3,
    name: 'clients_patronymic',
    // The drill-down reads a client's whole name as on SQLite; a hub's women are pseudonyms, so it is empty.
    statements: [`ALTER TABLE clients ADD COLUMN IF NOT EXISTS patronymic TEXT NOT NULL DEFAULT ''`],
  },
];

export const HUB_POSTGRES_SCHEMA_VERSION = HUB_POSTGRES_MIGRATIONS.at(-1)!.version;

export interface HubPostgresState {
  current: number;
  latest: number;
  /** The steps still to run. */
  pending: number[];
  /** What the dimensions of this version need and the store lacks (`table` or `table.column`). */
  missing: string[];
}

type Pg = Kysely<HubDatabase> | Transaction<HubDatabase>;

async function tablesAndColumns(pg: Pg): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`.execute(pg);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!out.has(r.table_name)) out.set(r.table_name, new Set());
    out.get(r.table_name)!.add(r.column_name);
  }
  return out;
}

function missingFor(schema: Map<string, Set<string>>): string[] {
  const consultations = schema.get('consultations');
  return [
    ...CONSULTATION_DIMENSION_COLUMNS.filter((c) => !BASE_COLUMNS.has(c.column) && !consultations?.has(c.column)).map((c) => `consultations.${c.column}`),
    ...SET_DIMENSIONS.filter(({ source }) => !schema.has(source.table)).map(({ source }) => source.table),
  ];
}

export async function hubPostgresState(pg: Pg, migrations: readonly HubPostgresMigration[] = HUB_POSTGRES_MIGRATIONS): Promise<HubPostgresState> {
  const schema = await tablesAndColumns(pg);
  let current = 0;
  if (schema.has('schema_migrations')) {
    const { rows } = await sql<{ v: number | null }>`SELECT MAX(version) AS v FROM schema_migrations`.execute(pg);
    current = Number(rows[0]?.v ?? 0);
  }
  const latest = migrations.at(-1)!.version;
  return { current, latest, pending: migrations.filter((m) => m.version > current).map((m) => m.version), missing: missingFor(schema) };
}

async function addDimensionStorage(trx: Transaction<HubDatabase>): Promise<void> {
  const schema = await tablesAndColumns(trx);
  const consultations = schema.get('consultations')!;
  // On an empty table a column can be NOT NULL from the start; rows already there get NULL.
  const empty = !(await sql`SELECT 1 FROM consultations LIMIT 1`.execute(trx)).rows.length;
  for (const c of CONSULTATION_DIMENSION_COLUMNS) {
    if (BASE_COLUMNS.has(c.column) || consultations.has(c.column)) continue;
    const notNull = empty && !c.nullable ? ' NOT NULL' : '';
    await sql.raw(`ALTER TABLE consultations ADD COLUMN ${c.column} ${c.integer ? 'INTEGER' : 'TEXT'}${notNull}`).execute(trx);
  }
  for (const { source } of SET_DIMENSIONS) {
    if (schema.has(source.table)) continue;
    await sql.raw(`CREATE TABLE ${source.table} (${SYNCED}, consultation_id TEXT NOT NULL, ${source.column} TEXT NOT NULL)`).execute(trx);
    await sql.raw(`CREATE INDEX ${source.table}_consultation ON ${source.table}(consultation_id)`).execute(trx);
  }
}

/** PostgreSQL's "insufficient privilege": an analyst's read-only role cannot change the schema. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Brings the store to this version's schema (`upTo`: to an older step, for tests of an upgrade), in one
 * transaction: either it reaches it or it stays as it was. A store that is already current is only
 * read, so analysts' read-only roles open it; one that needs an upgrade must be opened once by the
 * owner's role (the hub installation's Settings, an import or a report; docs/hub-postgres.md).
 */
export async function migrateHubPostgres(
  pg: Kysely<HubDatabase>,
  options: { upTo?: number; migrations?: readonly HubPostgresMigration[] } = {},
): Promise<HubPostgresState> {
  const all = options.migrations ?? HUB_POSTGRES_MIGRATIONS;
  const steps = options.upTo === undefined ? all : all.filter((m) => m.version <= options.upTo!);
  return pg.transaction().execute(async (trx) => {
    // Several analysts' apps may open the store at the same moment: one upgrades, the others then find it done.
    await sql`SELECT pg_advisory_xact_lock(hashtext('legal-aid-desk.hub-schema'))`.execute(trx);
    const state = await hubPostgresState(trx, all);
    if (state.current > state.latest) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `The hub's PostgreSQL store was written by a newer version of Legal Aid Desk (schema ${state.current}; this version knows ${state.latest}). Install the newer version.`,
        undefined,
        { current: state.current, latest: state.latest },
      );
    }
    const pending = steps.filter((m) => m.version > state.current);
    if (pending.length === 0 && state.missing.length === 0) return state;
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL,
        app_version TEXT NOT NULL)`.execute(trx);
      for (const m of pending) {
        for (const statement of m.statements) await sql.raw(statement).execute(trx);
        await sql`INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (${m.version}, ${m.name}, ${new Date().toISOString()}, ${APP_VERSION})`.execute(trx);
      }
      await addDimensionStorage(trx);
    } catch (e) {
      if ((e as { code?: unknown }).code === INSUFFICIENT_PRIVILEGE) {
        throw new AppError('FORBIDDEN', `The hub's PostgreSQL store needs an upgrade (schema ${state.current} to ${state.latest}) that only its owner's role may make.`, undefined, {
          current: state.current,
          latest: state.latest,
        });
      }
      throw e;
    }
    return hubPostgresState(trx, all);
  });
}
