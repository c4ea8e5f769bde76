import { mkdtempSync, readFileSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppContext } from '../app/appContext';
import { parseArgs } from '../cli/args';
import { benchBrowser } from './browser';
import { benchExchange } from './exchange';
import { runLimits, summarize } from './measure';
import { BENCH_SIZES, prepareDatabase, type BenchSize } from './prepare';
import { benchFilesAndExports, benchOpen, benchQueries, findProbes, unlock, type Results } from './scenarios';
import { TARGETS, printTable } from './targets';

// `npm run bench -- --size demo|national-1y|national-5y [--seed N] [--out results.json] [--no-browser] [--quick]`
// Seeds (or reuses) the database of that size, measures, prints a table marking missed targets and
// writes the results as JSON. Never fails on speed: the exit code is 1 only when the bench itself breaks.

const log = (m: string) => process.stderr.write(`${m}\n`);

function rssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const size = String(args.options.get('size') ?? 'demo') as BenchSize;
  if (!BENCH_SIZES.includes(size)) throw new Error(`--size must be one of ${BENCH_SIZES.join(', ')}`);
  const seed = Number(args.options.get('seed') ?? 1);
  const out = resolve(String(args.options.get('out') ?? 'bench-results.json'));
  const browser = args.options.get('no-browser') !== true;
  if (args.options.get('quick') === true) Object.assign(runLimits, { maxRuns: 2, maxWarmup: 1 });

  const prepared = await prepareDatabase(size, seed, log);
  const results: Results = {};
  const notes: Record<string, string> = {};
  const memory: Record<string, number> = {};
  await benchOpen(prepared.dbPath, results);

  // The first unlock of a day makes the app's automatic encrypted backup (a full copy): make sure it fits.
  const st = statfsSync(prepared.dataDir);
  if (st.bavail * st.bsize < statSync(prepared.dbPath).size * 1.2) throw new Error('not enough free disk space for the daily backup the first unlock makes');
  const app = new AppContext({ dataDir: prepared.dataDir });
  const first = performance.now();
  await unlock(app);
  results['open.unlock'] = { label: 'session:unlock as the app does it (key derivation, open, migrations; a daily backup when none today)', timing: summarize([performance.now() - first]) };
  const workDir = mkdtempSync(join(tmpdir(), 'lad-bench-'));
  try {
    const probes = findProbes(app.requireSession().raw);
    log(`probes: ${JSON.stringify(probes)}`);
    await benchQueries(app, prepared.plainPath, probes, results);
    memory.afterQueries = rssMb();
    await benchFilesAndExports(app, probes, results);
    if (!results['filing.docx']) notes['filing.docx'] = 'no demo case with filing answers in this database';
    memory.afterExports = rssMb();
    await benchExchange(app.requireSession(), workDir, probes.yearFrom, results, notes);
    memory.afterExchange = rssMb();
    await app.lock();
    if (browser) {
      try {
        results['browser.casesFirstRows'] = { label: 'browser mode: cases list, time to first rows', timing: await benchBrowser(prepared.dataDir, Math.min(3, runLimits.maxRuns)) };
      } catch (error) {
        notes['browser.casesFirstRows'] = `failed: ${(error as Error).message}`;
      }
    } else notes['browser.casesFirstRows'] = 'skipped (--no-browser)';
  } finally {
    await app.lock();
    rmSync(workDir, { recursive: true, force: true });
    // The backups the unlock made are copies of a synthetic cache: not worth the disk space.
    rmSync(join(prepared.dataDir, 'backups'), { recursive: true, force: true });
  }
  results['memory.peakRss'] = { label: 'peak memory of the bench process (maxRSS, MB)', timing: summarize([rssMb()]) };

  const report = {
    size,
    seed,
    at: new Date().toISOString(),
    machine: machine(),
    counts: prepared.counts,
    seedSeconds: prepared.seedSeconds,
    memoryMb: memory,
    targets: TARGETS,
    results,
    notMeasured: notes,
  };
  writeFileSync(out, JSON.stringify(report, null, 1));
  process.stdout.write(printTable(report));
  process.stdout.write(`\nresults written to ${out}\n`);
  return 0;
}

function machine(): Record<string, unknown> {
  let model = cpus()[0]?.model ?? '';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  return { cpus: cpus().length, cpuModel: model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), freeGb: +(freemem() / 2 ** 30).toFixed(1), node: process.version };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
