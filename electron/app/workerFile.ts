import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The app's worker threads, each started from its own file. */
export type WorkerFile = 'appWorker' | 'dbJobWorker';

/**
 * Starts one of the app's workers: the built file next to the main bundle (out/main, every chunk lands
 * there), or the TypeScript source run through tsx (browser mode, the command line, tests).
 */
export function startWorkerFile(file: WorkerFile, workerData: unknown): Worker {
  const built = join(__dirname, `${file}.js`);
  if (existsSync(built)) return new Worker(built, { workerData });
  const source = join(__dirname, `${file}.ts`);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
