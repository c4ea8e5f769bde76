import { unlockDatabase } from '../../electron/app/database';
import { AppError } from '../../shared/api/errors';

// Child process: opens a database (as whatever user it runs as) and prints the outcome's error code.
const [dbPath, passphrase] = process.argv.slice(2);
unlockDatabase(dbPath!, 'admin', passphrase!).then(
  async (db) => {
    await db.close();
    process.stdout.write('OPENED\n');
  },
  (e: unknown) => process.stdout.write(`${e instanceof AppError ? e.code : 'UNEXPECTED'}\n`),
);
