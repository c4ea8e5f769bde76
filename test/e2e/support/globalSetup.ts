import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The tests serve the built interface: build it when it is missing (npm test builds before). */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..', '..');
  if (existsSync(join(root, 'out', 'renderer', 'index.html'))) return;
  const res = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--config', 'electron.config.ts'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('Build failed');
}
