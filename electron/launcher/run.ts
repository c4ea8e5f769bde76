import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

// Helpers for the launcher scripts (npm start / npm test): run a project binary and stop on failure.
export const ROOT = join(__dirname, '..', '..');

export function bin(name: string): string {
  return join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const res = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, shell: process.platform === 'win32', ...options });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

export function step(title: string): void {
  process.stdout.write(`\n=== ${title} ===\n`);
}

/**
 * The environment the app's own processes start with. On Linux, glibc gives each thread that allocates
 * a malloc arena of its own (up to eight per core) and keeps what was freed in it: after a few photos
 * the image library's threads held about 100 MB more than with two arenas, for no speed anyone sees.
 * A value set by the user wins.
 */
export function appProcessEnv(): NodeJS.ProcessEnv {
  return process.platform === 'linux' ? { MALLOC_ARENA_MAX: '2', ...process.env } : process.env;
}
