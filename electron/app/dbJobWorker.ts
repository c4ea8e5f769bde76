import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { exportPackage, importPackage } from '../exchange/exchangeService';
import type { UnlockedDatabase } from './database';
import type { DbJobMessage, DbJobName, DbJobs, DbJobStart } from './dbJobs';
import { asBuffer, describeJobError, transferList } from './workerFile';
import { APP_VERSION } from './version';

// A worker thread that does one long database job (dbJobs.ts) on a connection of its own, then ends.

/** Progress is sent at most this often: the screen polls it, a message per change would only cost. */
const PROGRESS_EVERY_MS = 100;

type Job<N extends DbJobName> = (unlocked: UnlockedDatabase, input: DbJobs[N]['input'], progress: (done: number, total: number) => void) => Promise<DbJobs[N]['output']>;

const JOBS: { [N in DbJobName]: Job<N> } = {
  importPackage: (unlocked, { file }, progress) =>
    // The app's connection reads the database meanwhile: the merge stays in WAL mode.
    importPackage(unlocked, typeof file === 'string' ? file : asBuffer(file), { onProgress: progress, readersBeside: true }),
  exportPackage: (unlocked, { peerId, kind, withAttachments }) => exportPackage(unlocked, peerId, { kind, withAttachments }),
};

async function run(start: DbJobStart, post: (message: DbJobMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  let opened: OpenDatabase | null = null;
  let clock: HybridClock | null = null;
  try {
    const key = asBuffer(start.key);
    try {
      opened = await openDatabase({ path: start.dbPath, key, appVersion: APP_VERSION });
    } finally {
      key.fill(0);
    }
    clock = new HybridClock(nodeIdFromInstallation(start.installation.id), start.clock);
    const unlocked: UnlockedDatabase = { ...opened, dbPath: start.dbPath, dbKey: key, user: start.user, installation: start.installation, writer: { clock, origin: start.installation.id } };
    let sentAt = 0;
    const progress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now;
      post({ type: 'progress', done, total });
    };
    const value = await (JOBS[start.job] as Job<DbJobName>)(unlocked, start.input, progress);
    await opened.close();
    opened = null;
    post({ type: 'done', value, clock: clock.last() }, transferList((value as { content?: unknown }).content));
  } catch (error) {
    await opened?.close().catch(() => undefined);
    post({ type: 'failed', error: describeJobError(error), clock: clock?.last() ?? null });
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as DbJobStart, (message, transfer) => port.postMessage(message, transfer));
}
