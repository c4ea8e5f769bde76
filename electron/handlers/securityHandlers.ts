import { rotateDatabaseKey } from '../app/keyRotation';
import { readSettings } from '../app/settings';
import { changeOwnPassword, createUser, listLawyers, listUsers, resetPassword, setUserActive, updateUser } from '../app/users';
import { exportAudit, listAudit } from '../services/auditTrail';
import { backupsBeforeRotation } from '../../db/backup';
import { backupNamed, backupsOf, destroyBackupsBeforeRotation, makeBackup, restoreFrom } from '../services/backups';
import { saveSettings } from '../services/settings';
import type { HandlerMap } from './types';
import type { BackupInfo } from '../../db/backup';
import type { BackupSummary, KeyRotationProgress } from '../../shared/api/securityTypes';

type SecurityChannels =
  | 'users:list'
  | 'users:lawyers'
  | 'users:create'
  | 'users:update'
  | 'users:setActive'
  | 'users:resetPassword'
  | 'security:rotateKey'
  | 'security:rotateKeyProgress'
  | 'login:changePassword'
  | 'audit:list'
  | 'audit:export'
  | 'backups:list'
  | 'backups:create'
  | 'backups:restore'
  | 'backups:listBeforeRotation'
  | 'backups:destroyBeforeRotation'
  | 'settings:get'
  | 'settings:save';

/** Progress of the key rotation running now (one at a time per app), read by the screen while it waits. */
const rotation: KeyRotationProgress = { active: false, phase: null, percent: 0 };

const summary = ({ name, createdAt, reason, sizeBytes, auditHead }: BackupInfo): BackupSummary => ({ name, createdAt, reason, sizeBytes, auditHead });

export const securityHandlers: HandlerMap<SecurityChannels> = {
  'users:list': async (_input, { app }) => listUsers(app.requireUnlocked()),
  'users:lawyers': async (_input, { app }) => listLawyers(app.requireUnlocked()),
  'users:create': async (input, { app }) => createUser(app.requireUnlocked(), input, app.kdf),
  'users:update': async (input, { app }) => updateUser(app.requireUnlocked(), input),
  'users:setActive': async (input, { app }) => setUserActive(app.requireUnlocked(), input, app.kdf),
  'users:resetPassword': async (input, { app }) => resetPassword(app.requireUnlocked(), input, app.kdf),
  'security:rotateKey': async (_input, { app }) => {
    Object.assign(rotation, { active: true, phase: null, percent: 0 });
    try {
      return await rotateDatabaseKey(app.requireUnlocked(), 'administrator', (step) => Object.assign(rotation, step));
    } finally {
      rotation.active = false;
    }
  },
  'security:rotateKeyProgress': async () => ({ ...rotation }),
  'login:changePassword': async (input, { app }) => {
    await changeOwnPassword(app.requireUnlocked(), input, app.kdf);
    return { changed: true };
  },

  'audit:list': async (input, { app }) => listAudit(app.requireUnlocked(), input),
  'audit:export': async (input, { app }) => app.files.deliver(await exportAudit(app.requireUnlocked(), input.language)),

  'backups:list': async (_input, { app }) => backupsOf(app.requireUnlocked()).map(summary),
  'backups:listBeforeRotation': async (_input, { app }) => backupsBeforeRotation(app.requireUnlocked().dbPath).map(summary),
  'backups:destroyBeforeRotation': async (_input, { app }) => destroyBackupsBeforeRotation(app.requireUnlocked()),
  'backups:create': async (_input, { app }) => summary(await makeBackup(app.requireUnlocked())),
  'backups:restore': async ({ name, username, passphrase }, { app }) => {
    const s = app.requireUnlocked();
    const { usersWithoutSlot } = await restoreFrom(s, backupNamed(s, name).file, () => app.lock(), {
      // Asked for by the screen when the backup was made under an earlier database key.
      ...(username && passphrase ? { credentials: async () => ({ username, passphrase }) } : {}),
      throttle: (user, attempt) => app.attemptUnlock(user, attempt),
    });
    return { status: await app.status(), usersWithoutSlot };
  },

  'settings:get': async (_input, { app }) => readSettings(app.requireUnlocked().db),
  'settings:save': async (input, { app }) => {
    const saved = await saveSettings(app.requireUnlocked(), input);
    app.setIdleLockMinutes(input.idleLockMinutes);
    return saved;
  },
};
