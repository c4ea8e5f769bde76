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
 * The environment the app's own processes start with. On Linux, glibc keeps what a program frees for
 * later instead of giving it back, in two ways the app pays for:
 * - each thread that allocates gets a malloc arena of its own (up to eight per core): after a few photos
 *   the image library's threads held about 100 MB more than with two arenas;
 * - a block above the mmap threshold is mapped on its own and given back when freed, but glibc raises
 *   the threshold (up to 32 MB) each time such a block is freed, so after the first photo a decoded
 *   picture or a PDF's buffers came from the heap and stayed: fixed at its starting value (128 KiB),
 *   the memory of the app's work at national-5y peaked some 100 MB lower.
 * Neither costs a speed anyone sees (the bench). A value set by the user wins.
 */
export function appProcessEnv(): NodeJS.ProcessEnv {
  return process.platform === 'linux' ? { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: String(128 * 1024), ...process.env } : process.env;
}
