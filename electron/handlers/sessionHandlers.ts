import { AppError } from '../../shared/api/errors';
import { createDatabase, databaseExists, unlockDatabase } from '../app/database';
import type { HandlerMap } from './types';

export const sessionHandlers: HandlerMap<'session:create' | 'session:unlock' | 'session:lock'> = {
  'session:create': async (input, { app }) => {
    if (databaseExists(app.dbPath)) throw new AppError('DATABASE_EXISTS', 'A database already exists here');
    const db = await createDatabase({
      dbPath: app.dbPath,
      username: input.username,
      displayName: input.displayName,
      passphrase: input.passphrase,
      installationName: input.installationName,
      ...(app.kdf ? { kdf: app.kdf } : {}),
    });
    await app.setSession(db);
    return app.status();
  },
  'session:unlock': async ({ username, passphrase }, { app }) => {
    app.checkThrottle();
    try {
      const db = await unlockDatabase(app.dbPath, username, passphrase);
      await app.setSession(db);
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') app.recordFailedAttempt();
      throw error;
    }
    return app.status();
  },
  'session:lock': async (_input, { app }) => {
    await app.lock();
    return app.status();
  },
};
