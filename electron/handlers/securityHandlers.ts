import { backupDirFor, copyBackup, listBackups, restoreBackup } from '../../db/backup';
import { appendAudit, verifyAuditSinceLastCheck } from '../../db/queries/audit';
import { AppError } from '../../shared/api/errors';
import { toCsv } from '../../shared/util/csv';
import { readKeyring, keyringPathFor } from '../../db/keyring';
import { readSettings, writeSettings } from '../app/settings';
import { changeOwnPassword, createUser, listUsers, resetPassword, setUserActive, updateUser } from '../app/users';
import type { HandlerMap } from './types';

type SecurityChannels =
  | 'users:list'
  | 'users:create'
  | 'users:update'
  | 'users:setActive'
  | 'users:resetPassword'
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
  'session:changePassword': async (input, { app }) => {
    await changeOwnPassword(app.requireSession(), input, app.kdf);
    return { changed: true };
  },

  'audit:list': async ({ offset, limit, action, username }, { app }) => {
    const s = app.requireSession();
    let q = s.db.selectFrom('audit_log');
    if (action) q = q.where('action', 'like', `${action}%`);
    if (username) q = q.where('username', '=', username);
    const [rows, count, chain] = await Promise.all([
      q.selectAll().orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      verifyAuditSinceLastCheck(s.db),
    ]);
    return {
      rows: rows.map((r) => ({ seq: r.seq, at: r.at, username: r.username, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail })),
      total: Number(count.n),
      chainOk: chain.ok,
      brokenAt: chain.brokenAt,
    };
  },
  'audit:export': async (_input, { app }) => {
    const s = app.requireSession();
    const rows = await s.db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
    const csv = toCsv([
      ['seq', 'at', 'username', 'action', 'entity', 'entity_id', 'detail', 'hash'],
      ...rows.map((r) => [r.seq, r.at, r.username, r.action, r.entity, r.entity_id, r.detail, r.hash]),
    ]);
    await appendAudit(s.db, { userId: s.user.id, username: s.user.username, action: 'audit.export', entity: 'audit_log', detail: { entries: rows.length } });
    return { fileName: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
  },

  'backups:list': async (_input, { app }) => {
    const s = app.requireSession();
    return listBackups(backupDirFor(s.dbPath)).map(({ name, createdAt, reason, sizeBytes, auditHead }) => ({ name, createdAt, reason, sizeBytes, auditHead }));
  },
  'backups:create': async (_input, { app }) => {
    const s = app.requireSession();
    const b = await copyBackup(s.raw, s.dbPath, s.dbKey, 'manual');
    await appendAudit(s.db, { userId: s.user.id, username: s.user.username, action: 'backup.create', entity: 'database', detail: { name: b.name } });
    return { name: b.name, createdAt: b.createdAt, reason: b.reason, sizeBytes: b.sizeBytes, auditHead: b.auditHead };
  },
  'backups:restore': async ({ name }, { app }) => {
    const s = app.requireSession();
    const backup = listBackups(backupDirFor(s.dbPath)).find((b) => b.name === name);
    if (!backup) throw new AppError('NOT_FOUND', 'No such backup');
    const dbKey = Buffer.from(s.dbKey);
    const databaseId = readKeyring(keyringPathFor(s.dbPath)).databaseId;
    const who = { userId: s.user.id, username: s.user.username };
    await appendAudit(s.db, { ...who, action: 'backup.restore', entity: 'database', detail: { name } });
    // Close first (checkpoints the WAL), then check the backup and swap the files; the user unlocks again.
    await app.lock();
    try {
      restoreBackup(backup.file, s.dbPath, dbKey, databaseId);
    } finally {
      dbKey.fill(0);
    }
    return app.status();
  },

  'settings:get': async (_input, { app }) => readSettings(app.requireSession().db),
  'settings:save': async (input, { app }) => {
    const s = app.requireSession();
    await s.db.transaction().execute(async (trx) => {
      await writeSettings(trx, input);
      await appendAudit(trx, { userId: s.user.id, username: s.user.username, action: 'settings.save', entity: 'settings', detail: { ...input } });
    });
    app.setIdleLockMinutes(input.idleLockMinutes);
    return readSettings(s.db);
  },
};
