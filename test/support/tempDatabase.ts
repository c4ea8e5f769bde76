import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from './temp';

/**
 * For a test file: a function that opens a new empty encrypted database (all migrations applied) in a
 * folder of its own; the one opened before it, and the last one at the end of a test, is closed and removed.
 */
export function tempDatabases(): () => Promise<OpenDatabase> {
  let dir = '';
  let opened: OpenDatabase | null = null;
  const removeOpened = async () => {
    await opened?.close();
    opened = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  };
  afterEach(removeOpened);
  return async () => {
    await removeOpened();
    dir = tempDir();
    opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    return opened;
  };
}
