import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/api/errors';
import { ownerOnlyFiles } from '../../db/fileModes';

/** Wrong passphrases: free tries per user, then an exponentially growing wait (capped). */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60 * 1000;
/** Guessed user names are counted too; the oldest are forgotten so the file cannot grow without end. */
const MAX_USERS = 200;

interface Attempts {
  failures: number;
  blockedUntil: number;
}

/** Beside the key file, so a restart of the app (or another run of the command line) sees the count. */
export function throttlePathFor(dbPath: string): string {
  return `${dbPath}.unlock-attempts.json`;
}

function userKey(username: string): string {
  return username.normalize('NFC').toLocaleLowerCase();
}

/**
 * Failed unlocks counted per user name in a small owner-only file. The wait is checked and the attempt
 * counted before the passphrase is tried (a right one clears the count), so attempts made in parallel
 * cannot all be tried before the first failure is written; and they are tried one at a time, so a burst
 * of attempts cannot run many Argon2 derivations at once either.
 */
export class UnlockThrottle {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Tries `unlock` for this user unless the user must wait; a WRONG_PASSPHRASE answer stays counted. */
  attempt<T>(username: string, unlock: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.check(username);
      const before = this.read()[userKey(username)];
      this.recordFailure(username);
      try {
        const value = await unlock();
        this.forget(username);
        return value;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'WRONG_PASSPHRASE')) this.restore(username, before);
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Refuses with TOO_MANY_ATTEMPTS (and the seconds left) while this user must wait. */
  check(username: string): void {
    const wait = (this.read()[userKey(username)]?.blockedUntil ?? 0) - this.now();
    if (wait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', 'Too many wrong attempts; wait before trying again', undefined, {
        seconds: Math.ceil(wait / 1000),
      });
    }
  }

  recordFailure(username: string): void {
    const all = this.read();
    const key = userKey(username);
    const failures = (all[key]?.failures ?? 0) + 1;
    const blockedUntil = failures >= FREE_ATTEMPTS ? this.now() + Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS)) : 0;
    delete all[key];
    all[key] = { failures, blockedUntil };
    this.write(all);
  }

  forget(username: string): void {
    this.restore(username, undefined);
  }

  private restore(username: string, entry: Attempts | undefined): void {
    const all = this.read();
    const key = userKey(username);
    if (entry) all[key] = entry;
    else if (key in all) delete all[key];
    else return;
    this.write(all);
  }

  private read(): Record<string, Attempts> {
    if (!existsSync(this.path)) return {};
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      const all: Record<string, Attempts> = {};
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        const v = value as Partial<Attempts> | null;
        if (v && Number.isInteger(v.failures) && typeof v.blockedUntil === 'number') all[key] = { failures: v.failures!, blockedUntil: v.blockedUntil };
      }
      return all;
    } catch {
      // A damaged count is not a reason to lock everyone out; the next failure writes a new one.
      return {};
    }
  }

  private write(all: Record<string, Attempts>): void {
    const keys = Object.keys(all);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_USERS))) delete all[key];
    writeFileSync(this.path, `${JSON.stringify(all)}\n`, { mode: 0o600 });
    ownerOnlyFiles(this.path);
  }
}
