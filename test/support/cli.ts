import { vi } from 'vitest';
import { runCli } from '../../electron/cli/run';

/** Runs the command line in this process: its exit code, its output and what it wrote to stderr. */
export async function runCliCaptured(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  const errs: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    errs.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv, (l) => lines.push(l));
    return { code, out: lines.join('\n'), err: errs.join('') };
  } finally {
    spy.mockRestore();
  }
}
