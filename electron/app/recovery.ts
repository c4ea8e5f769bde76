import { existsSync } from 'node:fs';
import { backupsOfDatabase, checkBackup, keepDamagedAside, putBackupInPlace, type BackupInfo } from '../../db/backup';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { openDatabase } from '../../db/open';
import { appendAudit } from '../../db/queries/audit';
import { AppError } from '../../shared/api/errors';
import { userOfSlot } from './database';
import { APP_VERSION } from './version';

// Restoring a backup when the database cannot be opened, before anyone is signed in: plain Node, called
// by the recovery channels. Nobody can prove who they are to a damaged database, so each backup is its
// own judge: its key file unwraps its key only with a passphrase that was valid when it was made, and
// only one of its administrators may put it back.

/**
 * The files alone show that the database cannot be opened: the key file is there but damaged, or it is
 * there without its database. (Damage inside the database shows only with a key, at the unlock.)
 */
export function filesNeedRecovery(dbPath: string): boolean {
  const keyPath = keyringPathFor(dbPath);
  if (!existsSync(keyPath)) return false;
  if (!existsSync(dbPath)) return true;
  return liveDatabaseId(dbPath) === null;
}

function liveDatabaseId(dbPath: string): string | null {
  try {
    return readKeyring(keyringPathFor(dbPath)).databaseId;
  } catch {
    return null;
  }
}

export function recoveryBackups(dbPath: string): BackupInfo[] {
  return backupsOfDatabase(dbPath);
}

export interface RecoveryRestore {
  name: string;
  username: string;
  passphrase: string;
}

/**
 * Puts a backup in the damaged database's place. The passphrase must open the backup's own key slot and
 * belong to an active administrator in the backup; the backup must pass SQLite's full integrity check
 * and belong to this database (when the live key file can still tell). The damaged files are moved
 * aside, never deleted, and the restore is written to the restored database's audit trail.
 * Returns the name the damaged database file was kept under (null when there was none).
 */
export async function restoreInRecovery(dbPath: string, input: RecoveryRestore, now = new Date()): Promise<{ keptAside: string | null }> {
  const backup = recoveryBackups(dbPath).find((b) => b.name === input.name);
  if (!backup) throw new AppError('NOT_FOUND', 'No such backup');
  const keyring = readKeyring(`${backup.file}.keys.json`);
  const liveId = liveDatabaseId(dbPath);
  if (liveId !== null && liveId !== keyring.databaseId) throw new AppError('BAD_REQUEST', 'This backup belongs to another database');
  const { dbKey, slot } = await unwrapKey(keyring, input.username, input.passphrase);
  try {
    const inBackup = await openDatabase({ path: backup.file, key: dbKey, appVersion: APP_VERSION, readonly: true });
    let admin: { id: string; username: string };
    try {
      const row = await userOfSlot(inBackup, slot);
      if (!row || !row.active || row.role !== 'administrator') {
        throw new AppError('FORBIDDEN', 'Only an administrator of this backup can restore it', undefined, { permission: 'settings:manage' });
      }
      admin = { id: row.id, username: row.username };
    } finally {
      await inBackup.close();
    }
    // The full check reads every page of the backup: a restore is rare and must not bring back damage.
    checkBackup(backup.file, dbKey, keyring.databaseId);
    const hadFiles = existsSync(dbPath) || existsSync(keyringPathFor(dbPath));
    const keptAside = hadFiles ? keepDamagedAside(dbPath, now) : null;
    putBackupInPlace(backup.file, dbPath);
    const restored = await openDatabase({ path: dbPath, key: dbKey, appVersion: APP_VERSION });
    try {
      await appendAudit(restored.db, {
        userId: admin.id,
        username: admin.username,
        action: 'backup.restore',
        entity: 'database',
        detail: { name: backup.name, recovery: true, keptAside },
      });
    } finally {
      await restored.close();
    }
    return { keptAside };
  } finally {
    dbKey.fill(0);
  }
}
