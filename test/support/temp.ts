import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Key derivation made cheap for tests only, so the suite stays fast; the file format is the same. */
export const FAST_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export function tempDir(prefix = 'lad-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
