import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { existsSync } from 'node:fs';
import { AppError } from '../shared/api/errors';
import { mapSqliteError } from './errors';
import { migrate, migrationState, type MigrationState } from './migrate';
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
}

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
    raw.pragma('busy_timeout = 5000');
    // The first real read proves the key fits; a wrong key or a foreign file fails here.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = FULL');
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

/** SQLCipher 4 scheme with a raw 256-bit key (no second key derivation inside SQLite). */
export function applyKey(raw: RawDatabase, key: Buffer): void {
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…).
 * Kysely's ROLLBACK would then fail with "no transaction is active" and hide the real cause (a full
 * disk would show as an internal error); skip ROLLBACK when nothing is open any more.
 */
class SafeSqliteDriver extends SqliteDriver {
  constructor(private readonly raw: RawDatabase) {
    super({ database: raw });
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
