import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { backupsOfDatabase, checkBackup, keepBeforeRestore, keepDamagedAside, putBackupInPlace, type BackupInfo } from '../../db/backup';
import { hasSlot, keyringPathFor, readKeyring, unwrapKey, type Keyring } from '../../db/keyring';
import { keyOpens, openDatabase, type OpenDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { AppError } from '../../shared/api/errors';
import { userOfSlot } from './database';
import { rotateDatabaseKey } from './keyRotation';
import { APP_VERSION } from './version';

// Restoring a backup, one way for all three ways in: Settings and the command line replace a healthy
// database (signed in as an administrator), the recovery screen a damaged one before anyone is signed in.
// Each backup is its own judge: its key file unwraps its key only with a passphrase that was valid when
// it was made, and only one of its administrators may put it back. A backup made under the current
// database key needs no second passphrase from a signed-in administrator.

/**
 * The files alone show that the database cannot be opened: the key file is there but damaged, or it is
 * there without its database. (Damage inside the database shows only with a key, at the unlock.)
 */
export function filesNeedRecovery(dbPath: string): boolean {
  const keyPath = keyringPathFor(dbPath);
  if (!existsSync(keyPath)) return false;
  if (!existsSync(dbPath)) return true;
  return liveKeyring(dbPath) === null;
}

function liveKeyring(dbPath: string): Keyring | null {
  try {
    return readKeyring(keyringPathFor(dbPath));
  } catch {
    return null;
  }
}

export function recoveryBackups(dbPath: string): BackupInfo[] {
  return backupsOfDatabase(dbPath);
}

export interface Credentials {
  username: string;
  passphrase: string;
}

export interface RestoreWays {
  /** Settings and the command line: the signed-in administrator and the current database key. */
  session?: { dbKey: Buffer; user: { id: string; username: string } };
  /**
   * An administrator's name and passphrase from the backup's own key file: asked only when there is no
   * session or the backup does not open with the current key (it was made before a key rotation).
   */
  credentials?: () => Promise<Credentials>;
  /** Every passphrase tried goes through the unlock's throttle. */
  throttle: <T>(username: string, attempt: () => Promise<T>) => Promise<T>;
  /**
   * The database is healthy (Settings, command line): audit and close it; it is then kept as a
   * 'pre-restore' backup. Without it (recovery) whatever is there is moved aside into `damaged/`.
   */
  closeLive?: () => Promise<void>;
}

export interface RestoreOutcome {
  /** The name the replaced database was kept under (null: there was none). */
  keptAs: string | null;
  /** Active users of the restored database who have no slot in its key file, so cannot sign in yet. */
  usersWithoutSlot: string[];
}

/**
 * The backup's key when it is under the current one; else an administrator's passphrase from the backup,
 * or a request for it. `current` tells whether the key is the live database's.
 */
async function backupKey(file: string, ways: RestoreWays): Promise<{ dbKey: Buffer; admin: { id: string; username: string }; current: boolean }> {
  if (ways.session && keyOpens(file, ways.session.dbKey)) return { dbKey: Buffer.from(ways.session.dbKey), admin: ways.session.user, current: true };
  if (!ways.credentials) {
    throw new AppError('VALIDATION', 'This backup was made under an earlier database key: an administrator of that backup must give their passphrase', [
      { path: 'passphrase', key: 'backupEarlierKey' },
    ]);
  }
  const { username, passphrase } = await ways.credentials();
  const keyring = readKeyring(`${file}.keys.json`);
  return ways.throttle(username, async () => {
    let unwrapped: Awaited<ReturnType<typeof unwrapKey>>;
    try {
      unwrapped = await unwrapKey(keyring, username, passphrase);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
        throw new AppError('WRONG_PASSPHRASE', 'This user name and passphrase do not open this backup', [{ path: 'passphrase', key: 'backupPassphrase' }]);
      }
      throw error;
    }
    try {
      const inBackup = await openDatabase({ path: file, key: unwrapped.dbKey, appVersion: APP_VERSION, readonly: true });
      try {
        const row = await userOfSlot(inBackup, unwrapped.slot);
        if (!row || !row.active || row.role !== 'administrator') {
          throw new AppError('FORBIDDEN', 'Only an administrator of this backup can restore it', undefined, { permission: 'settings:manage' });
        }
        return { dbKey: unwrapped.dbKey, admin: { id: row.id, username: row.username }, current: false };
      } finally {
        await inBackup.close();
      }
    } catch (error) {
      unwrapped.dbKey.fill(0);
      throw error;
    }
  });
}

/** The active users of a database that the key file beside it holds no slot for. */
async function usersWithoutSlot(opened: OpenDatabase, dbPath: string): Promise<string[]> {
  const keyring = readKeyring(keyringPathFor(dbPath));
  const users = await opened.db.selectFrom('users').select(['id', 'username']).where('active', '=', 1).where('deleted_at', 'is', null).orderBy('username').execute();
  return users.filter((u) => !hasSlot(keyring, u)).map((u) => u.username);
}

/**
 * Puts the backup `file` (with its key file) in the database's place. The backup must belong to this
 * database (when the live key file can still tell) and pass SQLite's full integrity check, all before
 * anything is closed or moved. The replaced files are kept (see `closeLive`), never deleted, and the
 * restore is written to the restored database's audit trail by the administrator who vouched for it.
 */
export async function restoreBackupFile(dbPath: string, file: string, ways: RestoreWays, now = new Date()): Promise<RestoreOutcome> {
  if (!existsSync(file) || !existsSync(`${file}.keys.json`)) throw new AppError('NOT_FOUND', 'The backup or its key file is missing');
  const keyring = readKeyring(`${file}.keys.json`);
  const live = liveKeyring(dbPath);
  if (live !== null && live.databaseId !== keyring.databaseId) throw new AppError('BAD_REQUEST', 'This backup belongs to another database');
  const { dbKey, admin, current } = await backupKey(file, ways);
  // A backup made before the live database's last key rotation is under a key that revoked passwords
  // may still unwrap from old key files: once back in place it gets a new key (when in doubt, too).
  const earlierKey = !current && (live === null || live.rotatedAt !== keyring.rotatedAt);
  try {
    // The full check reads every page of the backup: a restore is rare and must not bring back damage.
    checkBackup(file, dbKey, keyring.databaseId);
    let keptAs: string | null;
    if (ways.closeLive) {
      await ways.closeLive();
      keptAs = keepBeforeRestore(dbPath, now);
    } else {
      keptAs = existsSync(dbPath) || existsSync(keyringPathFor(dbPath)) ? keepDamagedAside(dbPath, now) : null;
    }
    putBackupInPlace(file, dbPath);
    const restored = await openDatabase({ path: dbPath, key: dbKey, appVersion: APP_VERSION });
    try {
      const name = basename(file);
      await appendAudit(restored.db, {
        userId: admin.id,
        username: admin.username,
        action: 'backup.restore',
        entity: 'database',
        detail: ways.closeLive ? { name, keptAs } : { name, recovery: true, keptAside: keptAs },
      });
      if (earlierKey) await rotateDatabaseKey({ ...restored, dbPath, dbKey, user: admin }, 'backup.restore');
      return { keptAs, usersWithoutSlot: await usersWithoutSlot(restored, dbPath) };
    } finally {
      await restored.close();
    }
  } finally {
    dbKey.fill(0);
  }
}

export interface RecoveryRestore {
  name: string;
  username: string;
  passphrase: string;
}

/**
 * Puts a backup in the damaged database's place with the passphrase of an active administrator of that
 * backup. The damaged files are moved aside into `damaged/` (keptAs names the database file there).
 */
export async function restoreInRecovery(
  dbPath: string,
  input: RecoveryRestore,
  throttle: RestoreWays['throttle'],
  now = new Date(),
): Promise<RestoreOutcome> {
  const backup = recoveryBackups(dbPath).find((b) => b.name === input.name);
  if (!backup) throw new AppError('NOT_FOUND', 'No such backup');
  return restoreBackupFile(dbPath, backup.file, { credentials: async () => input, throttle }, now);
}
