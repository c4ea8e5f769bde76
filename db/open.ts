import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { existsSync } from 'node:fs';
import { AppError } from '../shared/api/errors';
import { mapSqliteError } from './errors';
import { migrate, migrationState, type MigrationState } from './migrate';
import { preparedStatement } from './statementCache';
import type { Database } from './schema';

export type RawDatabase = Sqlite.Database;

export interface OpenDatabase {
  db: Kysely<Database>;
  raw: RawDatabase;
  migration: MigrationState;
  close: () => Promise<void>;
}

export interface OpenOptions {
  path: string;
  key: Buffer;
  /** Create the file when missing (only when making a new database). */
  create?: boolean;
  appVersion: string;
  /** Runs before pending migrations of an existing database (the pre-migration backup). */
  beforeMigrate?: (raw: RawDatabase, state: MigrationState) => Promise<void> | void;
  readonly?: boolean;
  /** Refuse (DATABASE_CORRUPT) a database whose vital tables fail SQLite's quick_check, before any migration writes. */
  checkVitalTables?: boolean;
}

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (or creates) the encrypted database. The key is applied before any other statement; then WAL,
 * foreign keys, full fsync (a power cut loses nothing committed), and pending migrations.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  if (!options.create && !existsSync(options.path)) throw new AppError('NO_DATABASE', 'No database at this location');
  if (options.key.length !== 32) throw new Error('Database key must be 32 bytes');
  let raw: RawDatabase;
  try {
    raw = new Sqlite(options.path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    throw mapSqliteError(error);
  }
  try {
    applyKey(raw, options.key);
    // Wait for another process's lock (a crash recovery, the CLI) instead of failing at once.
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first real read proves the key fits; a wrong key or a foreign file fails here.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = FULL');
    // Pages are decrypted into this cache: SQLite's default 2 MB makes every search, list and calendar
    // decrypt again the index pages it read a moment ago (4–5× the time of the same query unencrypted
    // at national size); 32 MB holds the hot indexes of a national database.
    raw.pragma('cache_size = -32768');
    if (options.checkVitalTables && !vitalTablesWhole(raw)) {
      throw new AppError('DATABASE_CORRUPT', 'The database fails its integrity check');
    }
  } catch (error) {
    raw.close();
    throw mapSqliteError(error);
  }
  const db = new Kysely<Database>({ dialect: new SafeSqliteDialect(raw) });
  let migration: MigrationState;
  try {
    migration = options.readonly
      ? await migrationState(db)
      : await migrate(db, options.appVersion, options.beforeMigrate ? (state) => options.beforeMigrate!(raw, state) : undefined);
  } catch (error) {
    await db.destroy();
    throw mapSqliteError(error);
  }
  return { db, raw, migration, close: () => db.destroy() };
}

/**
 * The tables an unlock cannot do without. SQLite's quick_check of the whole file reads every page
 * (about 160 MB/s with decryption on a laptop: half a minute for a national database), too slow for
 * every unlock, so the unlock checks these small tables and their indexes only. The rest is still
 * checked page by page: SQLCipher verifies each page's HMAC whenever it is read, and a damaged page met
 * during work sends the app to recovery as well (electron/handlers/dispatch.ts). `verify` and every
 * restore run the full integrity check.
 */
export const VITAL_TABLES = ['schema_migrations', 'meta', 'users', 'contact_points', 'staff'] as const;

/** True when SQLite's quick_check finds the vital tables whole; a page that cannot be read counts as damage. */
export function vitalTablesWhole(raw: RawDatabase): boolean {
  try {
    // An older schema may not have all of them yet.
    const present = new Set((raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    return VITAL_TABLES.filter((table) => present.has(table)).every((table) => {
      const rows = raw.pragma(`quick_check(${table})`) as { quick_check: string }[];
      return rows.length === 1 && rows[0]!.quick_check === 'ok';
    });
  } catch (error) {
    if (mapSqliteError(error).code === 'DATABASE_CORRUPT') return false;
    throw error;
  }
}

/**
 * SQLCipher 4 scheme with a raw 256-bit key (no second key derivation inside SQLite), and SQLite's
 * temporary storage in memory. SQLite3 Multiple Ciphers encrypts the database, its WAL and its journal,
 * not SQLite's temporary files: a sort larger than the page cache, a temporary table and the journal
 * of a statement that changes many rows (the former content of its pages) went to /var/tmp in
 * plaintext — unlinked at once, but their blocks stay on the disk of a laptop that may be stolen. In
 * memory, such work costs memory instead (a merge notes a year's changes there, see exchangeService.ts).
 */
export function applyKey(raw: RawDatabase, key: Buffer): void {
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
  raw.pragma('temp_store = MEMORY');
}

/**
 * Whether this key opens the database file: the first page is read and authenticated. Not read-only,
 * so that a rollback journal left by a crash is played back first (it is encrypted like the pages).
 */
export function keyOpens(path: string, key: Buffer): boolean {
  const raw = new Sqlite(path, { fileMustExist: true });
  try {
    applyKey(raw, key);
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    raw.close();
  }
}

/**
 * Re-encrypts every page of an open database under a new key (SQLCipher's rekey). SQLite3 Multiple
 * Ciphers refuses to rekey in WAL mode, so the journal goes back to a rollback journal for the rewrite
 * (a crash half-way is rolled back from that journal at the next open) and returns to WAL after it.
 * The integrity check reads every page under the new key; `beforeCheck` is told when it starts.
 */
export function rekeyDatabase(raw: RawDatabase, newKey: Buffer, beforeCheck: () => void = () => {}): void {
  raw.pragma('main.wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  try {
    raw.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    raw.pragma('journal_mode = WAL');
  }
  beforeCheck();
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new AppError('DATABASE_CORRUPT', 'The database failed its integrity check after the new key');
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…).
 * Kysely's ROLLBACK would then fail with "no transaction is active" and hide the real cause (a full
 * disk would show as an internal error); skip ROLLBACK when nothing is open any more.
 */
class SafeSqliteDriver extends SqliteDriver {
  constructor(private readonly raw: RawDatabase) {
    // Each statement is prepared once per connection and kept (db/statementCache.ts).
    super({ database: { prepare: (sql: string) => preparedStatement(raw, sql), close: () => raw.close() } });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.raw.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class SafeSqliteDialect extends SqliteDialect {
  constructor(private readonly raw: RawDatabase) {
    super({ database: raw });
  }

  override createDriver(): Driver {
    return new SafeSqliteDriver(this.raw);
  }
}
