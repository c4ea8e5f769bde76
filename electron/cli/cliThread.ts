import { ownTerminal, type Terminal } from './passphrase';
import { startWorkerFile } from '../app/workerFile';

// The command line as the app runs its calls: the command (opening the database, the queries, the
// report, the seeding) runs in a worker thread of its own (cliWorker.ts), and this thread keeps only
// what must stay with the process: its standard output and the terminal, where a passphrase is typed
// with the characters hidden (a worker has no terminal of its own). The worker's own writes to
// standard error (progress, a refused row) reach the process's through Node.

/** What the command line's worker is given: plain data (structured clone). */
export interface CliWorkerStart {
  argv: string[];
  /** Whether a passphrase can be asked for (this thread has a terminal). */
  interactive: boolean;
}

export type FromCliWorker = { type: 'out'; line: string } | { type: 'prompt'; id: number; prompt: string } | { type: 'done'; code: number };
export type ToCliWorker = { type: 'answer'; id: number; ok: true; value: string } | { type: 'answer'; id: number; ok: false; message: string };

export interface CliThreadOptions {
  /** Prints a line to standard output. */
  out?: (line: string) => void;
  /** Where passphrases are typed: this thread's terminal unless given. */
  terminal?: Terminal;
}

/** Runs one command line in the command line's worker; resolves with the exit code once the worker has ended. */
export async function runCliInWorker(argv: string[], options: CliThreadOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const terminal = options.terminal ?? ownTerminal;
  // libvips (sharp, for the photos `attach` stores) must be loaded by a thread that outlives the
  // workers that use it (appHost.ts says why): loaded before any is started.
  await import('sharp').catch(() => undefined);
  const worker = startWorkerFile('cliWorker', { argv, interactive: terminal.interactive } satisfies CliWorkerStart);
  const answer = (message: ToCliWorker) => worker.postMessage(message);
  return new Promise((resolve) => {
    let code: number | null = null;
    worker.on('message', (message: FromCliWorker) => {
      if (message.type === 'out') out(message.line);
      else if (message.type === 'done') code = message.code;
      else
        terminal.promptHidden(message.prompt).then(
          (value) => answer({ type: 'answer', id: message.id, ok: true, value }),
          (error: unknown) => answer({ type: 'answer', id: message.id, ok: false, message: (error as Error)?.message ?? 'Cancelled' }),
        );
    });
    worker.on('error', (error) => {
      // The class only: an error's message can carry personal data.
      process.stderr.write(`Unexpected error: ${error?.name ?? 'Error'}\n`);
      code = 1;
    });
    // Ended by itself, so that what it wrote to standard error has reached this process.
    worker.on('exit', () => resolve(code ?? 1));
  });
}
