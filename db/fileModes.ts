import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { keyringPathFor } from './keyring';

// Owner-only files and folders on Linux and macOS: the data folder 0700; the database, its WAL and
// shared-memory files, the key file, the preferences and backups 0600. The content is encrypted, but
// another account on the same computer should not be able to copy it to try passphrases offline, nor
// read which files exist and when they change. Modes are set with chmod, so the user's umask does not
// decide them. On Windows the user's profile folder already keeps other accounts out, and chmod there
// only sets the read-only flag.

const POSIX = process.platform !== 'win32';

function chmodIfAble(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    // A file system without Unix modes (a FAT-formatted USB stick for backups) refuses; nothing to keep.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'ENOTSUP') throw error;
  }
}

/** Makes these files (those that exist) readable and writable by their owner only. */
export function ownerOnlyFiles(...paths: string[]): void {
  if (!POSIX) return;
  for (const path of paths) if (existsSync(path)) chmodIfAble(path, 0o600);
}

/**
 * Creates a folder for the app's files, owner-only. A folder that already existed is made owner-only
 * only when it is the app's own (`own`): a database given on the command line may sit in any folder.
 */
export function ownerOnlyFolder(dir: string, own = true): void {
  const created = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX && (own || created !== undefined)) chmodIfAble(dir, 0o700);
}

/** The database's own files: the database, its WAL and shared memory, and its key file. */
export function databaseFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, keyringPathFor(dbPath)];
}
