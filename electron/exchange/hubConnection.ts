import { Kysely, PostgresDialect } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { isHubStoreAddress } from '../../shared/api/hubStoreTypes';
import type { UnlockedDatabase } from '../app/database';
import { readHubStoreAddress } from '../app/settings';
import { describeHubPostgres } from './hubPostgres';
import { migrateHubPostgres } from './hubPostgresSchema';
import type { HubDatabase } from './hubStore';

// Where the hub's PostgreSQL store is: `postgres://user@host/db` for a server (several analysts on one
// database), or `pglite:DIR` for PostgreSQL embedded in the process with its data in DIR (one computer,
// or trying it out). The schema is brought to this version's on opening (hubPostgresSchema.ts).
// The address may carry a password: it goes into no message, log or error from here. The drivers
// (pg, and PGlite's embedded PostgreSQL) are loaded when a store is first opened: most installations
// never open one.

/** Failures of reaching the server or signing in, as opposed to errors of a query. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

function unreachable(error: unknown): AppError | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  // 28xxx: the server refused the role or its password; 3D000: no such database; 08xxx: connection exceptions.
  if (!UNREACHABLE.has(code) && !/^(28|08|3D)/.test(code) && !/SSL|TLS|certificate/i.test(String((error as Error)?.message))) return null;
  return new AppError('HUB_STORE_UNREACHABLE', `The hub's PostgreSQL store cannot be reached (${code || 'no answer'}).`, undefined, { code });
}

/**
 * Opens the store and brings its schema up to date. `describeAs`: the hub installation that imports
 * into it names the store after itself (reports made on it say where they come from); an analyst who
 * only reads passes nothing, so a read-only role can open it.
 */
export async function openHubPostgres(address: string, describeAs?: { id: string; name: string }): Promise<Kysely<HubDatabase>> {
  if (!isHubStoreAddress(address)) throw new AppError('VALIDATION', 'The PostgreSQL address must be postgres://… or pglite:/folder', [{ path: 'address', key: 'invalid' }]);
  let db: Kysely<HubDatabase>;
  if (address.startsWith('pglite:')) {
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
    db = new Kysely<HubDatabase>({ dialect: new PGliteDialect(new PGlite(address.slice('pglite:'.length))) });
  } else {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: address, max: 4, connectionTimeoutMillis: 15_000 });
    // A connection that drops while idle is an event on the pool; unheard, it would end the process.
    // The next query opens a new one.
    pool.on('error', () => undefined);
    db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    await migrateHubPostgres(db);
    if (describeAs) await describeHubPostgres(db, describeAs.id, describeAs.name);
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw unreachable(error) ?? error;
  }
}

/** The PostgreSQL address a hub's settings name; null when it keeps its statistics in its own SQLite file (or is no hub). */
export async function configuredHubStore(unlocked: UnlockedDatabase): Promise<string | null> {
  return unlocked.installation.role === 'hub' ? readHubStoreAddress(unlocked.db) : null;
}

/** The PostgreSQL store a hub's settings name, opened; null when it keeps its statistics in its own SQLite file. */
export async function openConfiguredHubPostgres(unlocked: UnlockedDatabase, describeAs?: { id: string; name: string }): Promise<Kysely<HubDatabase> | null> {
  const address = await configuredHubStore(unlocked);
  return address ? openHubPostgres(address, describeAs) : null;
}
