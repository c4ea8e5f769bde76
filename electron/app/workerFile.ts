import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as workerThreads from 'node:worker_threads';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, type ErrorInfo } from '../../shared/api/errors';

/** The app's worker threads, each started from its own file. */
export type WorkerFile = 'appWorker' | 'dbJobWorker' | 'renderWorker' | 'cliWorker';

/** Each worker's file, from this folder: the app's beside it, the command line's with the command line. */
const FILES: Record<WorkerFile, string> = { appWorker: 'appWorker', dbJobWorker: 'dbJobWorker', renderWorker: 'renderWorker', cliWorker: '../cli/cliWorker' };

/**
 * The V8 heap of each worker (MB). Left to itself, V8 sizes a thread's heap from the machine's memory
 * (4 GB on the 24 GB bench machine) and collects lazily: a photo's base64 text, its bytes and its
 * stored copy, a report's rows for the PDF stayed as garbage, and the memory of the app's work at
 * national-5y peaked some 60 MB higher. Bounded, V8 collects sooner; a young generation of 16 MB
 * (instead of up to 48) keeps short-lived objects from piling up between collections.
 * - The app worker: 2 GB, what V8 gives it anyway on a laptop with 8 GB, so nothing that works
 *   there today fails here (the register importer reads a whole workbook of up to 20 MB).
 * - The render worker: 256 MB and a young generation of 8 MB; the PDF and the XLSX of a five-year
 *   report at national-5y were drawn within 64 MB, and a photo's bytes are held outside the heap.
 * - The job worker: V8's old generation (a package with scanned papers has messages of megabytes), a
 *   young generation of 8 MB. A package's messages, parsed by the hundred thousand, are garbage a
 *   moment later; with V8's own young generation (up to 48 MB here) a national year's merge kept some
 *   30 MB more, and the merge took no longer with 8 MB (within the bench's run-to-run spread).
 * - The command line's worker keeps V8's sizing: it seeds and verifies national databases.
 */
const HEAP_LIMITS: Record<WorkerFile, ResourceLimits> = {
  appWorker: { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 16 },
  renderWorker: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 },
  dbJobWorker: { maxYoungGenerationSizeMb: 8 },
  cliWorker: {},
};

/**
 * Starts one of the app's workers: the built file next to the main bundle (out/main, every chunk lands
 * there), or the TypeScript source run through tsx (browser mode, the command line, tests). The command
 * line is never built: its worker always runs from source.
 */
export function startWorkerFile(file: WorkerFile, workerData: unknown): Worker {
  const resourceLimits = HEAP_LIMITS[file];
  const built = join(__dirname, `${FILES[file]}.js`);
  if (existsSync(built)) return new Worker(built, { workerData, resourceLimits });
  const source = join(__dirname, `${FILES[file]}.ts`);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, workerData, resourceLimits });
}

/** An error crossing the thread: an app error as it is shown, anything else by its class and code only. */
export type JobError = { app: ErrorInfo } | { name: string; code?: string };

/** Node 21 and later say which ArrayBuffers may not be handed over; Node 20 has no such question. */
const isUntransferable = (workerThreads as { isMarkedAsUntransferable?: (value: object) => boolean }).isMarkedAsUntransferable ?? (() => false);

/**
 * What bytes can be handed over with instead of copied: their ArrayBuffers, where they are the whole of
 * one. A small Buffer is a slice of Node's shared pool, and a native library's buffer (sharp's, outside
 * Electron) is marked untransferable: Node 21 and later throw DataCloneError for either in a transfer
 * list (Node 20 ignores them), so such bytes are copied.
 */
export function transferList(...values: unknown[]): ArrayBuffer[] {
  return values.flatMap((bytes) =>
    bytes instanceof Uint8Array &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    !isUntransferable(bytes.buffer)
      ? [bytes.buffer]
      : [],
  );
}

export function describeJobError(error: unknown): JobError {
  if (error instanceof AppError) return { app: error.toInfo() };
  const code = (error as { code?: unknown })?.code;
  return { name: (error as Error)?.name ?? 'Error', ...(typeof code === 'string' ? { code } : {}) };
}

/** The error as the dispatcher would have met it: an AppError, or an error with the same class and code (SQLite's). */
export function jobError(error: JobError): Error {
  if ('app' in error) return new AppError(error.app.code, error.app.message, error.app.fields, error.app.params);
  return Object.assign(new Error('The work failed in its worker thread'), { name: error.name, ...(error.code ? { code: error.code } : {}) });
}

/** Bytes that crossed a thread arrive as a Uint8Array; the app's code reads Buffers (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Requests sent to another thread, each waiting, by its number, for the answer of the same number.
 * Should that thread stop, every request still waiting fails with it.
 */
export class PendingReplies<T> {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();

  /** A new request: `send` posts it with its number. */
  ask(send: (id: number) => void): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        send(id);
      } catch (error) {
        this.waiting.delete(id);
        reject(error as Error);
      }
    });
  }

  resolve(id: number, value: T): void {
    this.waiting.get(id)?.resolve(value);
    this.waiting.delete(id);
  }

  reject(id: number, error: Error): void {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }

  rejectAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }
}
