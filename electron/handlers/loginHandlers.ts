import { mapSqliteError } from '../../db/errors';
import { AppError } from '../../shared/api/errors';
import { rmSync } from 'node:fs';
import { databaseFiles } from '../../db/fileModes';
import { createDatabase, databaseExists, unlockDatabase } from '../app/database';
import { createOwnContactPoint } from '../services/installation';
import type { HandlerMap } from './types';

export const loginHandlers: HandlerMap<'login:create' | 'login:unlock' | 'login:lock' | 'idle:activity' | 'idle:remaining'> = {
  'login:create': async (input, { app }) => {
    if (databaseExists(app.dbPath)) throw new AppError('DATABASE_EXISTS', 'A database already exists here');
    const db = await createDatabase({
      dbPath: app.dbPath,
      username: input.username,
      displayName: input.displayName,
      passphrase: input.passphrase,
      installationName: input.installationName,
      ...(app.kdf ? { kdf: app.kdf } : {}),
    });
    if (input.contactPointCode) {
      try {
        await createOwnContactPoint(db, { code: input.contactPointCode, name: input.installationName, districtId: input.districtId ?? '', establishedOn: input.establishedOn });
      } catch (error) {
        // Nothing half set up stays behind: the screen can be filled in again.
        await db.close();
        for (const file of databaseFiles(app.dbPath)) rmSync(file, { force: true });
        throw error;
      }
    }
    await app.setUnlocked(db);
    return app.status();
  },
  'login:unlock': async ({ username, passphrase }, { app }) => {
    try {
      const db = await app.attemptUnlock(username, () => unlockDatabase(app.dbPath, username, passphrase));
      await app.setUnlocked(db);
    } catch (error) {
      // The passphrase was right but the database is damaged: the answer is the recovery screen.
      if (mapSqliteError(error).code === 'DATABASE_CORRUPT') {
        await app.enterRecovery();
        return app.status();
      }
      throw error;
    }
    return app.status();
  },
  'login:lock': async (_input, { app }) => {
    await app.lock();
    return app.status();
  },
  // The dispatcher has already counted this call as use (it needs the session).
  'idle:activity': async (_input, { app }) => ({ remainingMs: await app.idleRemainingMs() }),
  'idle:remaining': async (_input, { app }) => ({ remainingMs: await app.idleRemainingMs() }),
};
