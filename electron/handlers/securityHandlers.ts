import { rotateDatabaseKey } from '../app/keyRotation';
import { readSettings } from '../app/settings';
import { changeOwnPassword, createUser, listUsers, resetPassword, setUserActive, updateUser } from '../app/users';
import { exportAudit, listAudit } from '../services/auditTrail';
import { backupNamed, backupsOf, makeBackup, restoreFrom } from '../services/backups';
import { saveSettings } from '../services/settings';
import type { HandlerMap } from './types';

type SecurityChannels =
  | 'users:list'
  | 'users:create'
  | 'users:update'
  | 'users:setActive'
  | 'users:resetPassword'
  | 'security:rotateKey'
  | 'session:changePassword'
  | 'audit:list'
  | 'audit:export'
  | 'backups:list'
  | 'backups:create'
  | 'backups:restore'
  | 'settings:get'
  | 'settings:save';

export const securityHandlers: HandlerMap<SecurityChannels> = {
  'users:list': async (_input, { app }) => listUsers(app.requireSession()),
  'users:create': async (input, { app }) => createUser(app.requireSession(), input, app.kdf),
  'users:update': async (input, { app }) => updateUser(app.requireSession(), input),
  'users:setActive': async (input, { app }) => setUserActive(app.requireSession(), input, app.kdf),
  'users:resetPassword': async (input, { app }) => resetPassword(app.requireSession(), input, app.kdf),
  'security:rotateKey': async (_input, { app }) => rotateDatabaseKey(app.requireSession(), 'administrator'),
  'session:changePassword': async (input, { app }) => {
    await changeOwnPassword(app.requireSession(), input, app.kdf);
    return { changed: true };
  },

  'audit:list': async (input, { app }) => listAudit(app.requireSession(), input),
  'audit:export': async (_input, { app }) => app.files.deliver(await exportAudit(app.requireSession())),

  'backups:list': async (_input, { app }) => backupsOf(app.requireSession()).map(({ name, createdAt, reason, sizeBytes, auditHead }) => ({ name, createdAt, reason, sizeBytes, auditHead })),
  'backups:create': async (_input, { app }) => {
    const b = await makeBackup(app.requireSession());
    return { name: b.name, createdAt: b.createdAt, reason: b.reason, sizeBytes: b.sizeBytes, auditHead: b.auditHead };
  },
  'backups:restore': async ({ name }, { app }) => {
    const s = app.requireSession();
    await restoreFrom(s, backupNamed(s, name).file, () => app.lock());
    return app.status();
  },

  'settings:get': async (_input, { app }) => readSettings(app.requireSession().db),
  'settings:save': async (input, { app }) => {
    const saved = await saveSettings(app.requireSession(), input);
    app.setIdleLockMinutes(input.idleLockMinutes);
    return saved;
  },
};
