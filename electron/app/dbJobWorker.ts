import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { exportPackage, importPackage } from '../exchange/exchangeService';
import type { UnlockedDatabase } from './database';
import { HOLDS_WRITES, type DbJobMessage, type DbJobName, type DbJobs, type DbJobStart } from './dbJobs';
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

/** Copies what the log holds into the database file, as far as the app's reads allow; never fails the job. */
function copyLogOnce(opened: OpenDatabase): void {
  try {
    opened.raw.pragma('main.wal_checkpoint(PASSIVE)');
  } catch {
    // The app's next commit copies the log instead.
  }
}

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
    const writes = HOLDS_WRITES[start.job];
    // SQLite copies the log into the database file when a commit leaves it long (a national year's
    // package: some 800 MB of log, 8-9 s of copying). Done at the commit, the user waited for it;
    // here it is done after the answer, while the desk already works on (its reads and writes go on
    // beside a copy). The app waits for this worker's end before it closes the database (dbJobs.ts).
    if (writes) opened.raw.pragma('wal_autocheckpoint = 0');
    const value = await (JOBS[start.job] as Job<DbJobName>)(unlocked, start.input, progress);
    post({ type: 'done', value, clock: clock.last() }, transferList((value as { content?: unknown }).content));
    if (writes) copyLogOnce(opened);
    await opened.close();
    opened = null;
  } catch (error) {
    await opened?.close().catch(() => undefined);
    post({ type: 'failed', error: describeJobError(error), clock: clock?.last() ?? null });
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as DbJobStart, (message, transfer) => port.postMessage(message, transfer));
}
