import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

// CI runs the benchmark at demo size only, as a smoke test that every measurement still works. It
// never checks speed: the numbers only have to be there.

const ROOT = join(__dirname, '..', '..');
const dir = tempDir('lad-bench-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, LEGAL_AID_BENCH_CACHE: join(dir, 'cache'), ...env }, encoding: 'utf8', timeout: 150_000 });
}

const REQUIRED = [
  'open.kdf', 'open.database', 'open.unlock',
  'search.namePrefix', 'search.latin', 'search.phone', 'search.clientsList',
  'list.clients', 'list.consultations', 'list.cases', 'calendar.month', 'caseload.table',
  'report.1y', 'report.5y',
  'filing.docx', 'filing.fill', 'filing.docxtemplater', 'export.pdf', 'export.xlsx', 'document.photo',
  'exchange.export', 'exchange.import', 'exchange.importFloorWithUpkeep', 'exchange.importInApp', 'exchange.stats', 'search.duringImport',
  'memory.peakRss', 'memory.import', 'browser.toUnlockScreen', 'browser.unlockToDashboard', 'browser.casesFirstRows',
];

interface Timing { median: number; p95: number; runs: number }
interface Result { label: string; note?: string; timing: Timing; floor?: Timing; plaintext?: Timing }

describe('npm run bench (demo size)', () => {
  it('measures everything and writes results.json with numeric figures', () => {
    const out = join(dir, 'results.json');
    const r = run(['electron/bench/main.ts', '--size', 'demo', '--quick', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('search.namePrefix');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: Record<string, Result>; notMeasured: Record<string, string>; machine: { cpus: number } };
    expect(report.notMeasured).toEqual({});
    for (const id of REQUIRED) {
      const m = report.results[id];
      expect(m, id).toBeDefined();
      for (const v of [m!.timing.median, m!.timing.p95]) expect(Number.isFinite(v) && v >= 0, id).toBe(true);
    }
    // The import's floor (the same rows written by SQL alone) stands beside it in the table.
    expect(report.results['exchange.import']!.floor!.median).toBeGreaterThan(0);
    // The floor copies what the package carries: the photo the run stored just before travels in
    // neither, so the floor's messages are the package's changes.
    const carried = /\((\d+) changes/.exec(report.results['exchange.import']!.label)![1];
    expect(report.results['exchange.import']!.note).toMatch(new RegExp(`rows and ${carried} messages`));
    // Beside it, the same copy with the report's facts and the search terms rebuilt as the import does.
    expect(report.results['exchange.importFloorWithUpkeep']!.label).toContain(`rows, ${carried} messages`);
    expect(r.stdout).toMatch(/\nexchange\.import\s+[\d.]+\s+[\d.]+\s+1\s+[\d.]+\s+[\d.]+×\s+≤ 1\.5× \+ 0\s+(ok|MISSED)\n/);
    // Each search, list and the one-year report print their ratio to the floor, checked against its target.
    for (const id of ['search.namePrefix', 'list.cases', 'report.1y']) expect(r.stdout).toMatch(new RegExp(`\\n${id.replace('.', '\\.')}\\s.*\\d\\.\\d×\\s+≤ [\\d.]+× \\+ \\d`));
    // (The search during an import is the app's figure only: its floor is search.namePrefix's.)
    for (const id of REQUIRED.filter((k) => /^(search|list|report)\./.test(k) && k !== 'search.duringImport')) {
      expect(Number.isFinite(report.results[id]!.floor!.median), id).toBe(true);
      expect(Number.isFinite(report.results[id]!.plaintext!.median), id).toBe(true);
    }
    // Searches went through the dispatcher while the year's package was applied in the job worker.
    expect(report.results['search.duringImport']!.timing.runs).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/\nsearch\.duringImport\s.*p95 ≤ 50\s+(ok|MISSED)\n/);
    // …as the app applies it, in a process of its own: the same package into the peer's twin, the same
    // cells applied, and that process's peak memory checked against the app's limit.
    const applied = (id: string) => /(\d+) cells applied/.exec(report.results[id]!.label)?.[1];
    expect(applied('search.duringImport')).toBe(applied('exchange.import'));
    expect(Number(applied('memory.import'))).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/\nmemory\.import\s.*≤ 300\s+(ok|MISSED)\n/);
    expect(report.machine.cpus).toBeGreaterThan(0);
  }, 150_000);

  it('finds the cached database as seeded on the next run: the photos a run stored are taken out', () => {
    const again = run(['electron/bench/prepareOnly.ts', 'demo', '1']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/removed [1-9]\d* photos stored by earlier runs/);
    const third = run(['electron/bench/prepareOnly.ts', 'demo', '1']);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stderr).toContain('reusing the seeded database');
    expect(third.stderr).not.toContain('photos stored by earlier runs');
  }, 60_000);

  it('seeds the demo data the same way for the same --seed', () => {
    const seeded = [1, 2].map((i) => {
      const db = join(dir, `demo${i}.db`);
      const r = run(['electron/cli/main.ts', 'seed', '--db', db, '--size', 'demo', '--seed', '5'], { LEGAL_AID_PASSPHRASE: 'correct horse battery staple' });
      expect(r.status, r.stderr).toBe(0);
      const q = run(['electron/cli/main.ts', 'cases', '--db', db, '--format', 'json'], { LEGAL_AID_PASSPHRASE: 'correct horse battery staple' });
      expect(q.status, q.stderr).toBe(0);
      return { said: r.stdout.split('\n').filter((l) => l.startsWith('Seeded')), cases: (JSON.parse(q.stdout) as Array<{ clientName: string; type: string }>).map((c) => `${c.clientName} · ${c.type}`).sort() };
    });
    expect(seeded[0]!.cases.length).toBe(8);
    expect(seeded[1]).toEqual(seeded[0]);
  }, 60_000);
});
