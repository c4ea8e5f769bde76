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
