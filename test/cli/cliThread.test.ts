import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliInWorker } from '../../electron/cli/cliThread';
import { UsageError } from '../../electron/cli/args';
import { tempDir } from '../support/temp';

// The command line as it runs (`npm run cli`): each command in a worker thread of its own, its output
// and its passphrase prompts through the thread that started it, which alone has the terminal.

const started: { file: string; worker: Worker }[] = [];
vi.mock('../../electron/app/workerFile', async (original) => {
  const real = await original<typeof import('../../electron/app/workerFile')>();
  return {
    ...real,
    startWorkerFile: (...args: Parameters<typeof real.startWorkerFile>) => started[started.push({ file: args[0], worker: real.startWorkerFile(...args) }) - 1]!.worker,
  };
});

const PASS = 'correct horse battery staple';
let dir = '';
afterEach(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  started.length = 0;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[], answers?: (string | Error)[]) {
  const lines: string[] = [];
  const prompts: string[] = [];
  const terminal = {
    interactive: answers !== undefined,
    promptHidden: async (prompt: string) => {
      prompts.push(prompt);
      const answer = answers?.shift() ?? new UsageError('Cancelled');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const code = await runCliInWorker(argv, { out: (l) => lines.push(l), terminal });
  return { code, out: lines.join('\n'), prompts };
}

describe('the command line in its worker', () => {
  it('runs each command in a worker of its own and prints its output here', async () => {
    dir = tempDir();
    const db = join(dir, 'office.db');
    process.env.LEGAL_AID_PASSPHRASE = PASS;
    const init = await cli(['init', '--db', db]);
    expect(init).toMatchObject({ code: 0, prompts: [] });
    expect(init.out).toContain(`Created encrypted database ${db}`);
    expect(existsSync(db)).toBe(true);
    const verify = await cli(['verify', '--db', db]);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('Database verified: no problems found.');
    expect(started.map((s) => s.file)).toEqual(['cliWorker', 'cliWorker']);
    // Each worker ended with its command.
    for (const { worker } of started) expect(worker.threadId).toBe(-1);
  });

  it('asks for a passphrase at the terminal of the thread that started it', async () => {
    dir = tempDir();
    const db = join(dir, 'office.db');
    const init = await cli(['init', '--db', db], [PASS, PASS]);
    expect(init.code).toBe(0);
    expect(init.prompts).toEqual(['New passphrase: ', 'Repeat the passphrase: ']);
    const verify = await cli(['verify', '--db', db], [PASS]);
    expect(verify).toMatchObject({ code: 0, prompts: ['Passphrase: '] });
    expect(verify.out).toContain('Database verified: no problems found.');
    // A wrong passphrase fails as before (1); a cancelled prompt is a usage matter (2).
    expect((await cli(['verify', '--db', db], ['not the passphrase at all'])).code).toBe(1);
    expect((await cli(['verify', '--db', db], [new UsageError('Cancelled')])).code).toBe(2);
    // Without a terminal and without the variable there is nothing to ask: 2, and nothing asked.
    expect(await cli(['verify', '--db', db])).toMatchObject({ code: 2, prompts: [] });
  });
});
