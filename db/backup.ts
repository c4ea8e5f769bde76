import Sqlite from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../shared/api/errors';
import { keyringPathFor, readKeyring } from './keyring';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { applyKey, type RawDatabase } from './open';
import { mapSqliteError } from './errors';

// Encrypted backups while the app runs. SQLite's backup API refuses to copy an encrypted database
// into a new file with SQLite3MultipleCiphers (it would need a keyed target), so backups use
// `VACUUM INTO`: a transactionally consistent, compacted copy made on the open connection, encrypted
// with the same key. The key file is copied beside it, so a backup restores on its own.

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

const NAME_RE = /^legal-aid-(\d{8}T\d{6}Z)-(daily|manual|pre-migration|pre-restore)\.db$/;

/** How many backups of each kind rotation keeps. */
export const KEEP: Record<BackupReason, number> = { daily: 14, manual: 10, 'pre-migration': 5, 'pre-restore': 3 };

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME_RE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && existsSync(join(dir, `${x.name}.keys.json`)))
    .map(({ name, m }) => {
      const s = m[1]!;
      const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return { file: join(dir, name), name, createdAt, reason: m[2] as BackupReason, sizeBytes: statSync(join(dir, name)).size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Makes an encrypted copy of the open database (and its key file) in `dir`, then rotates old ones. */
export function createBackup(raw: RawDatabase, dbPath: string, reason: BackupReason, dir = backupDirFor(dbPath), now = new Date()): BackupInfo {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `legal-aid-${stamp(now)}-${reason}.db`;
  const target = join(dir, name);
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  try {
    raw.prepare('VACUUM INTO ?').run(tmp);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw mapSqliteError(error);
  }
  copyFileSync(keyringPathFor(dbPath), `${target}.keys.json`);
  renameSync(tmp, target);
  rotate(dir);
  return listBackups(dir).find((b) => b.name === name)!;
}

export function rotate(dir: string): void {
  const all = listBackups(dir);
  for (const reason of Object.keys(KEEP) as BackupReason[]) {
    for (const old of all.filter((b) => b.reason === reason).slice(KEEP[reason])) {
      rmSync(old.file, { force: true });
      rmSync(`${old.file}.keys.json`, { force: true });
    }
  }
}

export function hasBackupOn(dir: string, day: string): boolean {
  return listBackups(dir).some((b) => b.reason === 'daily' && b.createdAt.startsWith(day));
}

/**
 * Opens a backup read-only with the database key and checks it: same database, integrity ok, a schema
 * this version can open. Throws a clear AppError otherwise.
 */
export function checkBackup(file: string, dbKey: Buffer, expectedDatabaseId: string): { schemaVersion: number } {
  if (!existsSync(file) || !existsSync(`${file}.keys.json`)) throw new AppError('NOT_FOUND', 'The backup or its key file is missing');
  const keyring = readKeyring(`${file}.keys.json`);
  if (keyring.databaseId !== expectedDatabaseId) throw new AppError('BAD_REQUEST', 'This backup belongs to another database');
  let db: Sqlite.Database | null = null;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    applyKey(db, dbKey);
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') throw new AppError('DATABASE_CORRUPT', 'The backup fails the integrity check');
    const v = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    const schemaVersion = v.v ?? 0;
    if (schemaVersion > LATEST_SCHEMA_VERSION) throw new AppError('SCHEMA_TOO_NEW', 'The backup was written by a newer version of the app');
    return { schemaVersion };
  } catch (error) {
    throw mapSqliteError(error);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the (closed) database by a checked backup. The replaced files are kept as a
 * 'pre-restore' pair, so a restore can itself be undone.
 */
export function restoreBackup(file: string, dbPath: string, dbKey: Buffer, databaseId: string, now = new Date()): void {
  checkBackup(file, dbKey, databaseId);
  const dir = backupDirFor(dbPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keep = join(dir, `legal-aid-${stamp(now)}-pre-restore.db`);
  // The database must be closed here: its WAL was checkpointed into the main file on close.
  if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) {
    throw new AppError('DATABASE_BUSY', 'Close the database before restoring a backup');
  }
  copyFileSync(dbPath, keep);
  copyFileSync(keyringPathFor(dbPath), `${keep}.keys.json`);
  const tmp = `${dbPath}.restoring`;
  copyFileSync(file, tmp);
  copyFileSync(`${file}.keys.json`, `${keyringPathFor(dbPath)}.restoring`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(tmp, dbPath);
  renameSync(`${keyringPathFor(dbPath)}.restoring`, keyringPathFor(dbPath));
  rotate(dir);
}
