import { ensureNative } from './native';
import { bin, run, step } from './run';

// `npm test`: everything CI checks, in order, stopping at the first failure:
// type checks (node and web), lint, the production build (the bench smoke test and the end-to-end
// tests serve it), unit/db/api/CLI tests (vitest), electronegativity, and the end-to-end tests in
// Chromium (browser mode).

const steps: [string, () => number][] = [
  ['Native module for Node', () => (ensureNative('node'), 0)],
  ['Type check (node)', () => run(bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])],
  ['Type check (web)', () => run(bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])],
  ['Lint', () => run(bin('eslint'), ['.'])],
  ['Build', () => run(bin('electron-vite'), ['build', '--config', 'electron.config.ts'])],
  ['Unit, database, API and CLI tests', () => run(bin('vitest'), ['run'])],
  ['Electron security scan', () => run(process.execPath, [require.resolve('tsx/cli'), 'electron/launcher/electronegativity.ts'])],
  ['End-to-end tests (browser mode, Chromium)', () => run(bin('playwright'), ['test'])],
];

for (const [title, fn] of steps) {
  step(title);
  const code = fn();
  if (code !== 0) {
    process.stderr.write(`\nFAILED: ${title}\n`);
    process.exit(code);
  }
}
process.stdout.write('\nAll checks passed.\n');
