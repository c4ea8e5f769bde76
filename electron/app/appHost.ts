import type { Worker } from 'node:worker_threads';
import type { KdfParams } from '../../db/keyring';
import type { Envelope } from '../../shared/api/envelope';
import type { FileKind } from '../../shared/api/files';
import type { FileDialogs } from './fileTokens';
import { PendingReplies, startWorkerFile } from './workerFile';

// Where the app's calls are answered. In the app (Electron, browser mode) that is a worker thread
// (appWorker.ts) holding the AppContext, the database connection and the plain-Node dispatcher, so the
// thread that serves the window — Electron's main process, browser mode's HTTP server — never runs a
// query, a report or a PDF and stays responsive whatever the database does. A package being applied
// runs in a further worker with its own connection (dbJobs.ts), so the app worker keeps answering
// from the last committed state meanwhile. Tests and the bench call the dispatcher in their own thread
// (inProcessHost.ts) to reach the connection directly.
//
// This module is the whole protocol between the two threads. The main thread keeps only what must
// stay there: Electron's open and save dialogs, which the worker asks for by message.

export type Dispatcher = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

export interface AppHost {
  /** One call of the API contract, answered with its envelope (never throws). */
  dispatch: Dispatcher;
  /** Locks the database (closing it); the next call finds the app locked. */
  lock(): Promise<void>;
  /** Locks and stops answering (the app is quitting). */
  close(): Promise<void>;
}

/** What the app worker is given: plain data (structured clone). */
export interface AppWorkerStart {
  dataDir: string;
  kdf?: KdfParams;
  /** The main thread shows open and save dialogs (Electron): with or without picking several files at once. Browser mode has none. */
  fileDialogs: { openMany: boolean } | null;
}

export type DialogMethod = 'open' | 'openMany' | 'save';

export type ToAppWorker =
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'lock'; id: number }
  | { type: 'dialogAnswer'; id: number; ok: true; value: string | string[] | null }
  | { type: 'dialogAnswer'; id: number; ok: false };

export type FromAppWorker =
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'locked'; id: number }
  | { type: 'dialog'; id: number; method: DialogMethod; arg: string };


/** A call whose thread stopped before answering: the session it held is gone with it. */
const STOPPED: Envelope<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app stopped unexpectedly while answering; the database is locked' },
};

export interface AppHostOptions {
  dataDir: string;
  /** Tests use cheaper key derivation; the app never sets this. */
  kdf?: KdfParams;
  fileDialogs?: FileDialogs;
}

/**
 * Starts the app worker and answers through it. Should the worker stop (an error nothing caught), the
 * calls it held are answered INTERNAL and the next call starts a new one, locked: the database file is
 * as its last commit left it (WAL), and whoever was signed in signs in again.
 */
export function startAppHost(options: AppHostOptions): AppHost {
  const dialogs = options.fileDialogs;
  const start: AppWorkerStart = { dataDir: options.dataDir, ...(options.kdf ? { kdf: options.kdf } : {}), fileDialogs: dialogs ? { openMany: !!dialogs.openMany } : null };
  // An envelope for a call, nothing for a lock.
  const replies = new PendingReplies<Envelope<unknown> | undefined>();
  let worker: Worker | null = null;
  let closed = false;

  function answerDialog(from: Worker, id: number, method: DialogMethod, arg: string): void {
    // The worker asks only for what `start` said this thread can show.
    const asked = method === 'save' ? dialogs?.save(arg) : dialogs?.[method]?.(arg as FileKind);
    (asked ?? Promise.reject(new Error('no such dialog'))).then(
      (value) => from.postMessage({ type: 'dialogAnswer', id, ok: true, value } satisfies ToAppWorker),
      () => from.postMessage({ type: 'dialogAnswer', id, ok: false } satisfies ToAppWorker),
    );
  }

  function running(): Worker {
    if (worker) return worker;
    const started = startWorkerFile('appWorker', start);
    started.on('message', (message: FromAppWorker) => {
      if (message.type === 'dialog') answerDialog(started, message.id, message.method, message.arg);
      else replies.resolve(message.id, message.type === 'result' ? message.envelope : undefined);
    });
    const stopped = () => {
      if (worker !== started) return;
      worker = null;
      replies.rejectAll(new Error('The app worker stopped'));
    };
    started.on('error', (error) => {
      // The class only: an error's message can carry personal data.
      process.stderr.write(`[legal-aid] the app worker stopped: ${error?.name ?? 'Error'}\n`);
      stopped();
    });
    started.on('exit', stopped);
    worker = started;
    return started;
  }

  const post = (message: ToAppWorker) => running().postMessage(message);
  const lockWorker = () => replies.ask((id) => post({ type: 'lock', id })).catch(() => undefined);

  // Started at once: the first call should not wait for the handlers to load.
  running();
  // libvips (sharp, for scanned pages and photos) cannot be unloaded on glibc: were the worker that
  // loaded it to end while no other thread held it, the process would crash. Held here for the
  // process's life (its libraries are mapped once, whichever thread uses them).
  void import('sharp').catch(() => undefined);

  return {
    async dispatch(channel, input) {
      if (closed) return STOPPED;
      return (await replies.ask((id) => post({ type: 'call', id, channel, input })).catch(() => undefined)) ?? STOPPED;
    },
    async lock() {
      if (worker) await lockWorker();
    },
    async close() {
      if (closed) return;
      closed = true;
      const last = worker;
      if (!last) return;
      await lockWorker();
      worker = null;
      await last.terminate();
    },
  };
}
