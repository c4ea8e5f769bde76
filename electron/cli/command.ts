import type { ParsedArgs } from './args';

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. `out` prints a line to standard output. */
  run: (args: ParsedArgs, out: (line: string) => void) => Promise<number>;
}
