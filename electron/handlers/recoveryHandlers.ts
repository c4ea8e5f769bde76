import { backupDirFor } from '../../db/backup';
import { AppError } from '../../shared/api/errors';
import { recoveryBackups, restoreInRecovery } from '../app/recovery';
import type { HandlerMap } from './types';

// Both channels are public (nobody can sign in to a damaged database) and refuse to act unless the
// database is damaged: someone at a healthy app's unlock screen cannot put an old backup over it.
function requireRecovery(needed: boolean): void {
  if (!needed) throw new AppError('FORBIDDEN', 'The database is not damaged; restore backups from Settings');
}

export const recoveryHandlers: HandlerMap<'recovery:backups' | 'recovery:restore'> = {
  'recovery:backups': async (_input, { app }) => {
    requireRecovery(app.needsRecovery);
    return {
      folder: backupDirFor(app.dbPath),
      backups: recoveryBackups(app.dbPath).map(({ name, createdAt, reason, sizeBytes, auditHead }) => ({ name, createdAt, reason, sizeBytes, auditHead })),
    };
  },
  'recovery:restore': async (input, { app }) => {
    requireRecovery(app.needsRecovery);
    // Passphrases tried here count with the unlock's: the same growing wait after three wrong ones.
    const { usersWithoutSlot } = await restoreInRecovery(app.dbPath, input, (user, attempt) => app.attemptUnlock(user, attempt));
    app.leaveRecovery();
    return { status: await app.status(), usersWithoutSlot };
  },
};
