import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ROOT, run } from './run';

// better-sqlite3-multiple-ciphers is a native module: Node (tests, CLI, browser mode) and Electron
// need different builds. These functions switch between them when needed, so nobody has to think
// about it: `npm test` ensures the Node build, `npm start` with Electron the Electron build.

const MODULE = 'better-sqlite3-multiple-ciphers';
const MARKER = join(ROOT, 'node_modules', '.legal-aid-native-target');

type Target = 'node' | 'electron';

function current(): Target {
  return existsSync(MARKER) && readFileSync(MARKER, 'utf8').trim() === 'electron' ? 'electron' : 'node';
}

function loadsInNode(): boolean {
  const res = spawnSync(process.execPath, ['-e', `new (require('${MODULE}'))(':memory:').close()`], { cwd: ROOT });
  return res.status === 0;
}

export function ensureNative(target: Target): void {
  if (target === 'node') {
    if (current() === 'node' && loadsInNode()) return;
    process.stdout.write(`Building ${MODULE} for Node (about a minute)…\n`);
    if (run('npm', ['rebuild', MODULE]) !== 0 || !loadsInNode()) throw new Error(`Could not build ${MODULE} for Node`);
    writeFileSync(MARKER, 'node\n');
    return;
  }
  if (current() === 'electron') return;
  process.stdout.write(`Building ${MODULE} for Electron (about a minute)…\n`);
  if (run(bin('electron-rebuild'), ['-f', '-o', MODULE]) !== 0) throw new Error(`Could not build ${MODULE} for Electron`);
  writeFileSync(MARKER, 'electron\n');
}
