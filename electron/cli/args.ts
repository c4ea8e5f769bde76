// A small argument parser for the command line: `--name value`, `--flag`, and positional words.
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          options.set(a.slice(2), next);
          i++;
        } else options.set(a.slice(2), true);
      }
    } else positional.push(a);
  }
  return { command: positional.shift(), positional, options };
}

export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string, fallback?: string): string {
  const v = args.options.get(name);
  if (typeof v === 'string') return v;
  if (v === true) throw new UsageError(`--${name} needs a value`);
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} is required`);
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}
