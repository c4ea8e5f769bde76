import { sql, type Kysely } from 'kysely';
import { AppError } from '../shared/api/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { reportFactsCurrent, syncReportFacts } from './reportFactsSchema';
import type { Database } from './schema';

export interface MigrationState {
  current: number;
  latest: number;
  pending: Migration[];
}

async function ensureTable(db: Kysely<Database>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    app_version TEXT NOT NULL)`.execute(db);
}

export async function migrationState(db: Kysely<Database>): Promise<MigrationState> {
  await ensureTable(db);
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  const current = Number(row?.v ?? 0);
  return { current, latest: LATEST_SCHEMA_VERSION, pending: MIGRATIONS.filter((m) => m.version > current) };
}

/**
 * Applies every pending migration in one transaction: either the database reaches the latest schema or
 * it stays exactly as it was. A database written by a newer app version is refused.
 * `beforeApply` runs first when there is something to do (the backup before a migration).
 * The report's triggers and view follow the code rather than the migrations (reportFactsSchema.ts):
 * they are brought up to date last, in the same transaction, or on their own when only they differ.
 */
export async function migrate(
  db: Kysely<Database>,
  appVersion: string,
  beforeApply?: (state: MigrationState) => Promise<void> | void,
): Promise<MigrationState> {
  const state = await migrationState(db);
  if (state.current > state.latest) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This database was written by a newer version of Legal Aid Desk (schema ${state.current}; this version knows ${state.latest}). Install the newer version.`,
      undefined,
      { current: state.current, latest: state.latest },
    );
  }
  if (state.pending.length === 0) {
    if (!(await reportFactsCurrent(db))) await db.transaction().execute((trx) => syncReportFacts(trx));
    return state;
  }
  if (state.current > 0 && beforeApply) await beforeApply(state);
  await db.transaction().execute(async (trx) => {
    for (const migration of state.pending) {
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString(), app_version: appVersion })
        .execute();
    }
    await syncReportFacts(trx);
  });
  return { current: state.latest, latest: state.latest, pending: [] };
}
