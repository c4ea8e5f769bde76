import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json';
import { bin, ROOT, run } from './run';

// Runs Doyensec's electronegativity over the repository and fails on any HIGH or CRITICAL finding.
// (It cannot fetch Electron's release list offline; the installed version is passed explicitly.)

const out = join(ROOT, 'node_modules', '.tmp', 'electronegativity.csv');
rmSync(out, { force: true });
const version = pkg.devDependencies.electron.replace(/^[^\d]*/, '');
const status = run(bin('electronegativity'), ['-i', ROOT, '-r', '-v', 'false', '-e', version, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
if (status !== 0) process.exit(status);
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
const serious = rows.filter((r) => /"(HIGH|CRITICAL)"/.test(r));
process.stdout.write(`electronegativity: ${rows.length} findings to review, ${serious.length} high or critical\n`);
for (const r of rows) process.stdout.write(`  ${r.split(',').slice(0, 5).join(' ')}\n`);
process.exit(serious.length ? 1 : 0);
