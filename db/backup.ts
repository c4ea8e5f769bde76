import Sqlite from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../shared/api/errors';
import { ownerOnlyFiles, ownerOnlyFolder } from './fileModes';
import { keyringPathFor, readKeyring, writeKeyring } from './keyring';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { applyKey, type RawDatabase } from './open';
import { mapSqliteError } from './errors';
import { GENESIS_HASH } from './queries/audit';

// Encrypted backups while the app runs. SQLite's backup API refuses to copy an encrypted database
// into a new file with SQLite3MultipleCiphers (it would need a keyed target), so backups are made in
// one of two ways, both encrypted with the database's own key:
// - createBackup: `VACUUM INTO`, a transactionally consistent, compacted copy made on the open
//   connection. It holds up everything else while it runs (70 s for a national database), so it is
//   used where nothing else may happen meanwhile: before an upgrade or a restore, and by the CLI.
// - copyBackup: a copy of the database file itself, which is already encrypted, made by the operating
//   system off the main thread while a read snapshot keeps the file unchanged (the day's automatic
//   backup, "Make a backup now" and the one before a key rotation: the app stays usable).
// The key file is copied beside each backup, so a backup restores on its own.

export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-rekey';

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  /**
   * The audit trail's newest entry inside the backup (from its side file `<backup>.audit-head.json`),
   * so a backup is a witness of the trail as it was: a later rewrite of older entries no longer
   * matches it. Null for a backup made before backups named it.
   */
  auditHead: { seq: number; hash: string } | null;
}

const headFileOf = (file: string) => `${file}.audit-head.json`;

/** The audit head as the connection sees it now (inside a read snapshot: the head of the copy). */
function readAuditHead(db: Sqlite.Database): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

function readHeadFile(file: string): BackupInfo['auditHead'] {
  try {
    const v = JSON.parse(readFileSync(headFileOf(file), 'utf8')) as { seq?: unknown; hash?: unknown };
    return Number.isSafeInteger(v.seq) && typeof v.hash === 'string' ? { seq: v.seq as number, hash: v.hash } : null;
  } catch {
    return null;
  }
}

/** `<database name>-<time>-<reason>.db`: the database's own name first, so several databases can share one folder. */
const NAME_RE = /^(.+)-(\d{8}T\d{6}Z)-(daily|manual|pre-migration|pre-restore|pre-rekey)\.db$/;

/**
 * Backups (and files kept aside) are named after their database: `office.db` → `office-…`. Before
 * backups were named so, every backup was `legal-aid-…` whatever its database: those are still listed
 * for the database their key file names (see backupsOfDatabase).
 */
export function backupPrefixFor(dbPath: string): string {
  return basename(dbPath).replace(/\.db$/i, '');
}
const OLD_PREFIX = 'legal-aid';

/** How many backups of each kind rotation keeps. */
export const KEEP: Record<BackupReason, number> = { daily: 14, manual: 10, 'pre-migration': 5, 'pre-restore': 3, 'pre-rekey': 3 };

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Every backup in a folder, whatever its database, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  return namedBackups(dir).map(({ info }) => info);
}

function namedBackups(dir: string): { prefix: string; info: BackupInfo }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME_RE.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && existsSync(join(dir, `${x.name}.keys.json`)))
    .map(({ name, m }) => {
      const s = m[2]!;
      const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      const file = join(dir, name);
      return { prefix: m[1]!, info: { file, name, createdAt, reason: m[3] as BackupReason, sizeBytes: statSync(file).size, auditHead: readHeadFile(file) } };
    })
    .sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt));
}

function databaseIdOf(keyFile: string): string | null {
  try {
    return readKeyring(keyFile).databaseId;
  } catch {
    return null;
  }
}

/**
 * The backups of one database in a folder (by default its backups folder), newest first: those named
 * after it, and those made before backups carried their database's name (`legal-aid-…`), each of which
 * counts only for the database its key file names. When the live key file cannot be read (recovery),
 * its database cannot be told: every backup under those two names is listed, and a restore still checks.
 */
export function backupsOfDatabase(dbPath: string, dir = backupDirFor(dbPath)): BackupInfo[] {
  const own = backupPrefixFor(dbPath);
  const liveId = databaseIdOf(keyringPathFor(dbPath));
  return namedBackups(dir)
    .filter(({ prefix, info }) => (prefix === own || prefix === OLD_PREFIX) && (liveId === null || databaseIdOf(`${info.file}.keys.json`) === liveId))
    .map(({ info }) => info);
}

/**
 * A backup opens for the active administrators only: other users' slots stay out of its key file, so a
 * copied backup plus a lawyer's or analyst's password reveals nothing. (The recovery screen restores with
 * an administrator's passphrase checked against this file.)
 */
function writeBackupKeys(raw: RawDatabase, dbPath: string, target: string): void {
  const admins = raw.prepare("SELECT id FROM users WHERE role = 'administrator' AND active = 1 AND deleted_at IS NULL").all() as { id: string }[];
  const ids = new Set(admins.map((a) => a.id));
  const keyring = readKeyring(keyringPathFor(dbPath));
  writeKeyring(`${target}.keys.json`, { ...keyring, slots: keyring.slots.filter((slot) => slot.userId !== null && ids.has(slot.userId)) });
}

/** The backups made under a database key that has since been replaced (by their time of making). */
export function backupsBeforeRotation(dbPath: string): BackupInfo[] {
  const rotatedAt = readKeyring(keyringPathFor(dbPath)).rotatedAt;
  return rotatedAt ? backupsOfDatabase(dbPath).filter((b) => Date.parse(b.createdAt) < Date.parse(rotatedAt)) : [];
}

/** Deletes a backup with its key file and audit head. */
export function deleteBackup(b: BackupInfo): void {
  rmSync(b.file, { force: true });
  rmSync(`${b.file}.keys.json`, { force: true });
  rmSync(headFileOf(b.file), { force: true });
}

/** Makes an encrypted copy of the open database (and its key file) in `dir`, then rotates old ones. */
export function createBackup(raw: RawDatabase, dbPath: string, reason: BackupReason, dir = backupDirFor(dbPath), now = new Date()): BackupInfo {
  ownerOnlyFolder(dir, dir === backupDirFor(dbPath));
  const name = `${backupPrefixFor(dbPath)}-${stamp(now)}-${reason}.db`;
  const target = join(dir, name);
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  let head: { seq: number; hash: string };
  try {
    // Read on the same connection right before the copy, with nothing in between: the copy's head.
    head = readAuditHead(raw);
    raw.prepare('VACUUM INTO ?').run(tmp);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw mapSqliteError(error);
  }
  writeFileSync(headFileOf(target), JSON.stringify(head), { mode: 0o600 });
  writeBackupKeys(raw, dbPath, target);
  ownerOnlyFiles(tmp, `${target}.keys.json`);
  renameSync(tmp, target);
  rotate(dir, dbPath);
  return backupsOfDatabase(dbPath, dir).find((b) => b.name === name)!;
}

/**
 * A consistent encrypted backup made without holding up the app: the WAL is checkpointed into the
 * database file, then a second, read-only connection opens a read snapshot while the WAL is empty — a
 * snapshot that reads the file alone. As long as it is open, SQLite's checkpoints do not write into the
 * file (new writes wait in the WAL), so the file can be copied as it is, by the operating system, while
 * the app goes on. If the WAL cannot be emptied first (another program is writing), or the operating
 * system will not copy the open file, it falls back to createBackup.
 */
export function copyBackup(
  raw: RawDatabase,
  dbPath: string,
  dbKey: Buffer,
  reason: BackupReason,
  dir = backupDirFor(dbPath),
  now = new Date(),
  copy: (from: string, to: string) => Promise<void> = copyFile,
): Promise<BackupInfo> {
  // One copy at a time ("backup now" during the day's backup waits for it): a second snapshot would
  // keep the first copy's WAL from being emptied.
  const run = copying.then(() => copyNow(raw, dbPath, dbKey, reason, dir, now, copy));
  copying = run.catch(() => undefined);
  return run;
}

let copying: Promise<unknown> = Promise.resolve();

async function copyNow(
  raw: RawDatabase,
  dbPath: string,
  dbKey: Buffer,
  reason: BackupReason,
  dir: string,
  now: Date,
  copy: (from: string, to: string) => Promise<void>,
): Promise<BackupInfo> {
  ownerOnlyFolder(dir, dir === backupDirFor(dbPath));
  const name = `${backupPrefixFor(dbPath)}-${stamp(now)}-${reason}.db`;
  const target = join(dir, name);
  const tmp = `${target}.partial`;
  const walBytes = () => (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  let snapshot: Sqlite.Database | null = null;
  let head: { seq: number; hash: string } | null = null;
  const throughSqlite = () => {
    snapshot?.close();
    snapshot = null;
    return createBackup(raw, dbPath, reason, dir, now);
  };
  try {
    snapshot = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
    applyKey(snapshot, dbKey);
    // Without waiting for another program's reader: then the WAL stays, and the copy goes through SQLite.
    const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
    raw.pragma('busy_timeout = 0');
    try {
      raw.pragma('main.wal_checkpoint(TRUNCATE)');
    } finally {
      raw.pragma(`busy_timeout = ${timeout}`);
    }
    snapshot.exec('BEGIN');
    snapshot.prepare('SELECT count(*) FROM sqlite_master').get();
    if (walBytes() !== 0) return throughSqlite();
    head = readAuditHead(snapshot);
    try {
      await copy(dbPath, tmp);
    } catch {
      // The operating system would not copy the open file: the slower copy through SQLite.
      rmSync(tmp, { force: true });
      return throughSqlite();
    }
    snapshot.exec('COMMIT');
  } catch (error) {
    rmSync(tmp, { force: true });
    throw mapSqliteError(error);
  } finally {
    snapshot?.close();
  }
  if (head) writeFileSync(headFileOf(target), JSON.stringify(head), { mode: 0o600 });
  writeBackupKeys(raw, dbPath, target);
  ownerOnlyFiles(tmp, `${target}.keys.json`);
  renameSync(tmp, target);
  rotate(dir, dbPath);
  return backupsOfDatabase(dbPath, dir).find((b) => b.name === name)!;
}

/** A copy cut short (the app was closed or killed during it) is left as `.partial`; it goes after an hour. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Keeps the newest backups of each kind of this database; other databases' backups in the folder are theirs to rotate. */
export function rotate(dir: string, dbPath: string, now = Date.now()): void {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.db.partial'))) {
    if (now - statSync(join(dir, name)).mtimeMs > STALE_PARTIAL_MS) rmSync(join(dir, name), { force: true });
  }
  const all = backupsOfDatabase(dbPath, dir);
  for (const reason of Object.keys(KEEP) as BackupReason[]) {
    for (const old of all.filter((b) => b.reason === reason).slice(KEEP[reason])) deleteBackup(old);
  }
}

/** Whether this database has its daily backup of that day (another database in the same folder does not count). */
export function hasBackupOn(dbPath: string, day: string): boolean {
  return backupsOfDatabase(dbPath).some((b) => b.reason === 'daily' && b.createdAt.startsWith(day));
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
 * Before a (checked) backup replaces the closed, healthy database: the database and its key file are kept
 * as a 'pre-restore' pair, so a restore can itself be undone. Returns the name they were kept under.
 */
export function keepBeforeRestore(dbPath: string, now = new Date()): string {
  const dir = backupDirFor(dbPath);
  ownerOnlyFolder(dir, true);
  const name = `${backupPrefixFor(dbPath)}-${stamp(now)}-pre-restore.db`;
  const keep = join(dir, name);
  // The database must be closed here: its WAL was checkpointed into the main file on close.
  if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) {
    throw new AppError('DATABASE_BUSY', 'Close the database before restoring a backup');
  }
  copyFileSync(dbPath, keep);
  copyFileSync(keyringPathFor(dbPath), `${keep}.keys.json`);
  rotate(dir, dbPath);
  return name;
}

/**
 * Copies a backup and its key file to the database's place. Both are copied beside their targets first
 * and renamed over them, so a crash leaves either the old pair or the new one, never half a file.
 */
export function putBackupInPlace(file: string, dbPath: string): void {
  const tmp = `${dbPath}.restoring`;
  copyFileSync(file, tmp);
  copyFileSync(`${file}.keys.json`, `${keyringPathFor(dbPath)}.restoring`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(tmp, dbPath);
  renameSync(`${keyringPathFor(dbPath)}.restoring`, keyringPathFor(dbPath));
}

export function damagedDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'damaged');
}

/**
 * Moves a damaged database aside before a backup takes its place: the file, its WAL (which may hold the
 * last committed changes) and its key file, renamed with the time into `damaged/`, which rotation never
 * touches — a technician may still rescue rows from them. Renaming costs nothing however large the file.
 * Returns the name the database file was given.
 */
export function keepDamagedAside(dbPath: string, now = new Date()): string {
  const dir = damagedDirFor(dbPath);
  ownerOnlyFolder(dir);
  // Two restores within the same second must not put one damaged file over the other.
  const prefix = backupPrefixFor(dbPath);
  let name = `${prefix}-${stamp(now)}.db`;
  for (let n = 2; existsSync(join(dir, name)) || existsSync(join(dir, `${name}.keys.json`)); n += 1) name = `${prefix}-${stamp(now)}-${n}.db`;
  for (const suffix of ['', '-wal', '-shm', '.keys.json']) {
    if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, join(dir, `${name}${suffix}`));
  }
  return name;
}
