import { basename } from 'node:path';
import { backupDirFor, backupsBeforeRotation, backupsOfDatabase, copyBackup, deleteBackup, type BackupInfo } from '../../db/backup';
import { audit } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import { restoreBackupFile, type RestoreOutcome, type RestoreWays } from '../app/recovery';
import { withWrite, type Unlocked } from './index';

// Backups made and restored by a user, from Settings or the command line: the same copy, the same
// audit line. (The day's automatic backup is made at unlock: electron/app/database.ts.)

export function backupsOf(s: Unlocked): BackupInfo[] {
  return backupsOfDatabase(s.dbPath);
}

/** The backup of this name in the database's backup folder. */
export function backupNamed(s: Unlocked, name: string): BackupInfo {
  const backup = backupsOf(s).find((b) => b.name === name);
  if (!backup) throw new AppError('NOT_FOUND', 'No such backup');
  return backup;
}

/** An encrypted backup (with its key file) made while the database stays in use. */
export async function makeBackup(s: Unlocked, dir: string = backupDirFor(s.dbPath)): Promise<BackupInfo> {
  const b = await copyBackup(s.raw, s.dbPath, s.dbKey, 'manual', dir);
  await withWrite(s, (ctx) => audit(ctx, 'backup.create', 'database', null, { name: b.name }));
  return b;
}

/**
 * Replaces the database by a checked backup (electron/app/recovery.ts). The restore is audited in the
 * database it replaces, then `close` closes it (which checkpoints the WAL), then the files are swapped;
 * the user unlocks again. A backup made under an earlier database key needs `credentials`.
 */
export async function restoreFrom(
  s: Unlocked,
  file: string,
  close: () => Promise<void>,
  ways: Pick<RestoreWays, 'credentials' | 'throttle'>,
): Promise<RestoreOutcome> {
  const dbKey = Buffer.from(s.dbKey);
  try {
    return await restoreBackupFile(s.dbPath, file, {
      ...ways,
      session: { dbKey, user: s.user },
      closeLive: async () => {
        await withWrite(s, (ctx) => audit(ctx, 'backup.restore', 'database', null, { name: basename(file) }));
        await close();
      },
    });
  } finally {
    dbKey.fill(0);
  }
}

/**
 * Deletes every backup made under a database key since replaced: those a revoked password could still
 * open with the backup's own key file. The caller lists them first (backupsBeforeRotation).
 */
export async function destroyBackupsBeforeRotation(s: Unlocked): Promise<{ destroyed: number }> {
  const old = backupsBeforeRotation(s.dbPath);
  for (const b of old) deleteBackup(b);
  await withWrite(s, (ctx) => audit(ctx, 'backup.destroyBeforeRotation', 'database', null, { names: old.map((b) => b.name) }));
  return { destroyed: old.length };
}
