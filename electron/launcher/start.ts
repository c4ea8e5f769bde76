import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureNative } from './native';
import { appProcessEnv, bin, ROOT, run } from './run';

// `npm start`: Electron where its binary exists; otherwise one line saying so and browser mode on
// loopback (the same handlers, the same interface, in the system's browser).

function electronBinary(): string | null {
  try {
    // The electron package exports the path of its binary, and throws when it was never downloaded.
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function build(): void {
  if (run(bin('electron-vite'), ['build', '--config', 'electron.config.ts']) !== 0) process.exit(1);
}

function main(): void {
  const forceBrowser = process.argv.includes('--browser');
  const electron = forceBrowser ? null : electronBinary();
  if (!electron && !forceBrowser) {
    process.stdout.write('Electron is not installed on this machine (its binary could not be downloaded); starting browser mode instead.\n');
  }
  build();
  if (electron) {
    ensureNative('electron');
    const child = spawn(electron, ['.'], { cwd: ROOT, stdio: 'inherit', env: appProcessEnv() });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  ensureNative('node');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser/serve.ts', ...process.argv.slice(2).filter((a) => a !== '--browser')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: appProcessEnv(),
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

main();
