import { passphrase as passphraseSchema } from '../../shared/api/validation';
import { UsageError, stringOption, type ParsedArgs } from './args';

// The passphrase never comes from the command line (it would sit in shell history and in the process
// list): from the environment variable named by --passphrase-env, or typed at a terminal prompt.

const envNameOf = (args: ParsedArgs, option = 'passphrase-env', defaultEnv = 'LEGAL_AID_PASSPHRASE') => stringOption(args, option, defaultEnv);

/** Where a passphrase is typed: this thread's terminal, or (a command run in the worker) the main thread's. */
export interface Terminal {
  interactive: boolean;
  promptHidden(prompt: string): Promise<string>;
}

/** This thread's own terminal (the process's standard input). */
export const ownTerminal: Terminal = {
  get interactive() {
    return !!process.stdin.isTTY;
  },
  promptHidden,
};

let terminal = ownTerminal;

/** The terminal the passphrase prompts of this thread go to. */
export function useTerminal(other: Terminal): void {
  terminal = other;
}

export async function readPassphrase(args: ParsedArgs, prompt = 'Passphrase: ', option = 'passphrase-env', defaultEnv = 'LEGAL_AID_PASSPHRASE'): Promise<string> {
  const envName = envNameOf(args, option, defaultEnv);
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!terminal.interactive) {
    throw new UsageError(`No passphrase: set the environment variable ${envName} (or run on a terminal to be asked)`);
  }
  return terminal.promptHidden(prompt);
}

/** A new passphrase (a database being created): typed twice at a terminal, and as long as the first-run screen asks. */
export async function readNewPassphrase(args: ParsedArgs): Promise<string> {
  const value = await readPassphrase(args, 'New passphrase: ');
  if (!process.env[envNameOf(args)] && (await readPassphrase(args, 'Repeat the passphrase: ')) !== value) throw new UsageError('The passphrases do not match');
  if (!passphraseSchema.safeParse(value).success) throw new UsageError('The passphrase must have at least 10 characters');
  return value;
}

/** Asks at this thread's terminal, the typed characters not shown. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
