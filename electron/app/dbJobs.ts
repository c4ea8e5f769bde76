import type { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from '../../db/open';
import { appendAudit, appendReadEntry, type AuditEntry } from '../../db/queries/audit';
import { AppError } from '../../shared/api/errors';
import type { ImportResult } from '../../shared/api/exchangeTypes';
import type { SessionUser } from '../../shared/api/types';
import type { Installation, UnlockedDatabase } from './database';
import { describeJobError, jobError, startWorkerFile, type JobError } from './workerFile';

// Long database work (applying a package, making a full one) runs in a worker thread with a connection
// of its own to the same encrypted file, so that the thread serving the window keeps answering from
// the last committed state (WAL: readers never wait for the writer). This module is the whole protocol
// between the two: what the worker is given, what it sends back, and how its errors become the same
// AppError the dispatcher would have thrown had the work run here. The worker is dbJobWorker.ts.
//
// While a job holds the write lock (a package being applied, one transaction of up to half a minute),
// a write on the app's connection does not wait — better-sqlite3 waits synchronously, which would
// stop every other call — but fails at once with APPLYING_PACKAGE ("try again in a moment"), and the
// audit entries of reads (searches, lists, records opened) are kept and appended, with the time they
// happened, as soon as the job's worker has ended, so that reading goes on as usual.

/** The jobs, their input and their result: all plain data (structured clone). */
export interface DbJobs {
  importPackage: { input: { file: string | Uint8Array }; output: ImportResult };
  exportPackage: {
    input: { peerId: string; kind: 'full'; withAttachments: boolean };
    output: { fileName: string; packageId: string; counts: Record<string, number>; content: Uint8Array };
  };
}
export type DbJobName = keyof DbJobs;

/** Jobs that hold the database's write lock from start to end. */
export const HOLDS_WRITES: Record<DbJobName, boolean> = { importPackage: true, exportPackage: false };

/** What the worker is given (workerData): enough to open the database as the signed-in user, and the job. */
export interface DbJobStart<N extends DbJobName = DbJobName> {
  dbPath: string;
  /** The database key: only ever in memory (workerData), zeroed by the worker once the database is open. */
  key: Uint8Array;
  user: SessionUser;
  installation: Installation;
  /** The app's clock: the worker's stamps come after every stamp the app gave. */
  clock: string;
  job: N;
  input: DbJobs[N]['input'];
}

/** The worker's messages. `clock`: its clock at the end, which the app's clock moves past. */
export type DbJobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown; clock: string }
  | { type: 'failed'; error: JobError; clock: string | null };

function applyingPackage(): AppError {
  return new AppError('APPLYING_PACKAGE', 'A package is being applied; try again in a moment');
}

interface JobsOf {
  running: Set<Promise<unknown>>;
  holdsWrites: boolean;
  /** Reads' audit entries are kept, with their time, from a writing job's start to its worker's end. */
  keepsAudits: boolean;
  audits: { entry: AuditEntry; at: Date }[];
}

const jobsOf = new WeakMap<UnlockedDatabase, JobsOf>();

function stateOf(unlocked: UnlockedDatabase): JobsOf {
  let state = jobsOf.get(unlocked);
  if (!state) jobsOf.set(unlocked, (state = { running: new Set(), holdsWrites: false, keepsAudits: false, audits: [] }));
  return state;
}

/** A SQLite "busy" met while a job holds the write lock is that job, not another program: say so. */
export function explainBusy(unlocked: UnlockedDatabase | null, error: AppError): AppError {
  return error.code === 'DATABASE_BUSY' && unlocked && jobsOf.get(unlocked)?.holdsWrites ? applyingPackage() : error;
}

/**
 * An audit entry outside a write (a read, a refusal): written now, or, while a job holds the write
 * lock, right after it, with the time it happened.
 */
export async function recordAudit(unlocked: UnlockedDatabase, entry: AuditEntry): Promise<void> {
  const state = jobsOf.get(unlocked);
  if (state?.keepsAudits) state.audits.push({ entry, at: new Date() });
  else {
    if (state?.audits.length) await writeKeptAudits(unlocked, state);
    await appendReadEntry(unlocked, entry);
  }
}

/** Refuses work that needs the database to itself while a package is being applied (it would wait half a minute unexplained). */
export function refuseWhileApplying(unlocked: object): void {
  if (jobsOf.get(unlocked as UnlockedDatabase)?.holdsWrites) throw applyingPackage();
}

/** Waits for every job on this database to end, its worker's connection closed (before the database is closed or needs the file to itself). */
export async function settleDbJobs(unlocked: object): Promise<void> {
  const state = jobsOf.get(unlocked as UnlockedDatabase);
  if (state) await Promise.allSettled([...state.running]);
}

/** Runs a job in a worker thread; `onProgress` hears the worker's progress. Errors are thrown as they would be here. */
export function runDbJob<N extends DbJobName>(
  unlocked: UnlockedDatabase,
  job: N,
  input: DbJobs[N]['input'],
  onProgress?: (done: number, total: number) => void,
): Promise<DbJobs[N]['output']> {
  const state = stateOf(unlocked);
  const holds = HOLDS_WRITES[job];
  if (holds && state.holdsWrites) return Promise.reject(applyingPackage());
  if (holds) {
    state.holdsWrites = true;
    state.keepsAudits = true;
    unlocked.raw.pragma('busy_timeout = 0');
  }
  const worker = inWorker(unlocked, job, input, onProgress);
  const run = (async () => {
    try {
      return (await worker.answer) as DbJobs[N]['output'];
    } finally {
      if (holds) {
        unlocked.raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        state.holdsWrites = false;
      }
    }
  })();
  // After its answer the worker may still copy the log into the file (dbJobWorker.ts). The reads' audit
  // entries wait for its end: written at once, their commit would find the long log and copy it here,
  // on the thread that answers the window.
  const ended = (async () => {
    await Promise.allSettled([run, worker.ended]);
    if (holds) {
      state.keepsAudits = false;
      // Should the trail refuse them now, they stay kept and go with the next read's entry.
      await writeKeptAudits(unlocked, state).catch(() => undefined);
    }
  })();
  state.running.add(ended);
  void ended.then(() => state.running.delete(ended));
  return run;
}

async function writeKeptAudits(unlocked: UnlockedDatabase, state: JobsOf): Promise<void> {
  while (state.audits.length) {
    const { entry, at } = state.audits[0]!;
    await appendAudit(unlocked.db, entry, at);
    state.audits.shift();
  }
}

/** The job's answer, and the worker's end (which may come later: see dbJobWorker.ts). */
function inWorker(unlocked: UnlockedDatabase, job: DbJobName, input: unknown, onProgress?: (done: number, total: number) => void): { answer: Promise<unknown>; ended: Promise<void> } {
  const start: DbJobStart = {
    dbPath: unlocked.dbPath,
    key: new Uint8Array(unlocked.dbKey),
    user: unlocked.user,
    installation: unlocked.installation,
    clock: unlocked.writer.clock.last(),
    job,
    input: input as never,
  };
  let worker: Worker;
  try {
    worker = startWorkerFile('dbJobWorker', start);
  } catch (error) {
    return { answer: Promise.reject(error as Error), ended: Promise.resolve() };
  } finally {
    // The worker has its own copy (workerData is cloned).
    start.key.fill(0);
  }
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const answer = new Promise((resolve, reject) => {
    let settled = false;
    const settle = (clock: string | null, outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (clock) unlocked.writer.clock.receive(clock);
      outcome();
    };
    worker.on('message', (message: DbJobMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') settle(message.clock, () => resolve(message.value));
      else settle(message.clock, () => reject(jobError(message.error)));
    });
    worker.on('error', (error) => settle(null, () => reject(jobError(describeJobError(error)))));
    worker.on('exit', () => settle(null, () => reject(jobError({ name: 'WorkerExit' }))));
  });
  return { answer, ended };
}
