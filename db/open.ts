import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync } from 'node:fs';
import { AppError } from '../shared/api/errors';
import { mapSqliteError } from './errors';
import { migrate, type MigrationState } from './migrate';
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
  beforeMigrate?: (state: MigrationState) => Promise<void> | void;
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
    // The first real read proves the key fits; a wrong key or a foreign file fails here.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = FULL');
    raw.pragma('busy_timeout = 5000');
  } catch (error) {
    raw.close();
    throw mapSqliteError(error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  let migration: MigrationState;
  try {
    migration = options.readonly
      ? await import('./migrate').then((m) => m.migrationState(db))
      : await migrate(db, options.appVersion, options.beforeMigrate);
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
