import { mkdtempSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppContext } from '../app/appContext';
import { startAppHost } from '../app/appHost';
import { parseArgs } from '../cli/args';
import { buildAppChildren } from './appWorkBuild';
import { benchBrowser } from './browser';
import { spawnSync } from 'node:child_process';
import { machine, runLimits, summarize, type Timing } from './measure';
import { benchPhoto } from './photo';
import { appProcessEnv } from '../launcher/run';
import { QUICK_LIMITS } from './calls';
import { BENCH_SIZES, prepareDatabase, skipTodaysBackup, type BenchSize } from './prepare';
import type { TwinImport } from './exchange';
import { benchFilesAndExports, benchOpen, benchQueries, benchThroughWorker, findProbes, firstClientId, unlock, type Results } from './scenarios';
import { RATIO_TARGETS, TARGETS, printTable } from './targets';

// `npm run bench -- --size demo|national-1y|national-5y [--seed N] [--out results.json] [--no-browser] [--no-exchange] [--quick]`
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
  if (args.options.get('quick') === true) Object.assign(runLimits, QUICK_LIMITS);

  const prepared = await prepareDatabase(size, seed, log);
  const results: Results = {};
  const notes: Record<string, string> = {};
  const memory: Record<string, number> = {};
  await benchOpen(prepared.dbPath, results);

  // The first unlock of a day makes the app's automatic encrypted backup (a full copy): make sure it fits.
  // On a shared machine the bench keeps a safety margin; without room for the copy it marks today's
  // backup as made (an empty placeholder in the cache's own backups folder) and says so.
  const st = statfsSync(prepared.dataDir);
  const dbSize = statSync(prepared.dbPath).size;
  if (st.bavail * st.bsize < dbSize * 1.2 + 8 * 2 ** 30) {
    skipTodaysBackup(prepared.dataDir);
    notes['open.dailyBackup'] = `not measured: no room for a ${(dbSize / 2 ** 30).toFixed(1)} GB copy with a safe margin on this shared disk; open.unlock excludes the daily backup`;
  }
  const app = new AppContext({ dataDir: prepared.dataDir });
  const first = performance.now();
  await unlock(app);
  results['open.unlock'] = { label: 'login:unlock as the app does it (key derivation, open, migrations; the daily backup starts in the background)', timing: summarize([performance.now() - first]) };
  // Nothing is measured while the day's backup copies the database: it would compete for the two cores.
  const backup = await app.requireUnlocked().dailyBackup;
  if (backup) results['open.dailyBackup'] = { label: `the day's automatic backup, in the background after the unlock (${(backup.sizeBytes / 2 ** 30).toFixed(2)} GB copied)`, timing: summarize([performance.now() - first]) };
  try {
    const probes = findProbes(app.requireUnlocked().raw);
    log(`probes: ${JSON.stringify(probes)}`);
    const clientId = await firstClientId(app);
    await benchQueries(app, prepared.plainPath, probes, results);
    memory.afterQueries = rssMb();
    // The bench's own connection is closed meanwhile: the app has one, and a second one open beside it,
    // even idle, made each search there about a millisecond slower.
    await app.lock();
    const host = startAppHost({ dataDir: prepared.dataDir });
    try {
      await unlock(host);
      await benchThroughWorker(host, probes, results);
    } finally {
      await host.close();
      await unlock(app);
    }
    const photo = await benchPhoto();
    await benchFilesAndExports(app, probes, results, photo, true);
    if (!results['filing.docx']) notes['filing.docx'] = 'no demo case with filing answers in this database';
    memory.afterExports = rssMb();
    await app.lock();
    if (args.options.get('no-exchange') === true) {
      for (const id of ['exchange.export', 'exchange.import', 'exchange.importInApp', 'exchange.stats', 'search.duringImport', 'memory.import']) notes[id] = 'skipped (--no-exchange)';
    } else {
      const workDir = mkdtempSync(join(tmpdir(), 'lad-bench-exchange-'));
      try {
        const exchange = runExchangeChild(prepared.dataDir, probes.yearFrom, workDir);
        Object.assign(results, exchange.results);
        Object.assign(notes, exchange.notes);
        if (exchange.maxRssMb !== undefined) memory.exchangeProcess = exchange.maxRssMb;
        if (exchange.twin) importAsTheApp((await buildAppChildren()).importer, exchange.twin, probes.namePrefix, results, notes);
        else for (const id of AS_THE_APP) notes[id] ??= notes['search.duringImport'] ?? notes['exchange.import'] ?? 'not measured: no copy of the peer to apply the package to';
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
    if (browser) {
      try {
        const timings = await benchBrowser(prepared.dataDir, Math.min(3, runLimits.maxRuns));
        results['browser.toUnlockScreen'] = { label: 'browser mode: a new window (nothing cached) until the unlock screen', timing: timings.toUnlockScreen };
        results['browser.unlockToDashboard'] = { label: 'browser mode: from "unlock" to the dashboard (key derivation included)', timing: timings.unlockToDashboard };
        results['browser.casesFirstRows'] = { label: 'browser mode: cases list, time to first rows', timing: timings.casesFirstRows };
      } catch (error) {
        notes['browser.casesFirstRows'] = `failed: ${(error as Error).message}`;
      }
    } else notes['browser.casesFirstRows'] = 'skipped (--no-browser)';
    // The app's own work in a process of its own: the bench process also holds its instruments (recorded
    // statements replayed on a second, unencrypted connection), which the app never runs.
    const photoDir = mkdtempSync(join(tmpdir(), 'legal-aid-bench-'));
    const photoPath = join(photoDir, 'photo.jpg');
    writeFileSync(photoPath, photo);
    const probesPath = join(photoDir, 'probes.json');
    writeFileSync(probesPath, JSON.stringify({ probes, clientId }));
    const work = spawnSync(process.execPath, [(await buildAppChildren()).work, prepared.dataDir, photoPath, probesPath, ...(args.options.get('quick') === true ? ['quick'] : [])], {
      encoding: 'utf8',
      env: appProcessEnv(),
    });
    rmSync(photoDir, { recursive: true, force: true });
    const line = (work.stdout ?? '').trim().split('\n').pop() ?? '';
    if (work.status === 0 && line.startsWith('{')) {
      results['memory.peakRss'] = {
        label: "peak memory of the app's work (a process arranged as the app, its code compiled as the app ships it: its thread serving, the app worker answering; unlocks and makes every timed call once per run: searches, lists, reports, filing preview, photo, PDF, XLSX; maxRSS, MB)",
        timing: summarize([(JSON.parse(line) as { maxRssMb: number }).maxRssMb]),
      };
    } else notes['memory.peakRss'] = `the memory process ended with ${work.signal ?? `code ${work.status}`}`;
  } finally {
    await app.lock();
    // The backups the unlock made are copies of a synthetic cache: not worth the disk space.
    rmSync(join(prepared.dataDir, 'backups'), { recursive: true, force: true });
  }
  memory.benchProcess = rssMb();

  const report = {
    size,
    seed,
    at: new Date().toISOString(),
    machine: machine(),
    counts: prepared.counts,
    seedSeconds: prepared.seedSeconds,
    memoryMb: memory,
    targets: TARGETS,
    ratioTargets: RATIO_TARGETS,
    results,
    notMeasured: notes,
  };
  writeFileSync(out, JSON.stringify(report, null, 1));
  process.stdout.write(printTable(report));
  process.stdout.write(`\nresults written to ${out}\n`);
  return 0;
}

interface ExchangeChildLine {
  results: Results;
  notes: Record<string, string>;
  maxRssMb?: number;
  twin?: TwinImport | null;
}

/** The exchange runs in a child process: a package of a national year may exhaust its memory. */
function runExchangeChild(dataDir: string, yearFrom: string, workDir: string): ExchangeChildLine {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'exchangeChild.ts'), dataDir, yearFrom, workDir], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: appProcessEnv() });
  const lines = (r.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{'));
  const last: ExchangeChildLine = lines.length ? (JSON.parse(lines[lines.length - 1]!) as ExchangeChildLine) : { results: {}, notes: {} };
  if (r.status !== 0) {
    const why = `the exchange process ended with ${r.signal ?? `code ${r.status}`}: ${(r.stderr ?? '').trim().split('\n').filter((l) => /heap|memory|Error|string/i.test(l)).slice(0, 2).join(' / ').slice(0, 300)}`;
    for (const id of ['exchange.export', 'exchange.import', 'exchange.stats', 'search.duringImport']) if (!last.results[id]) last.notes[id] ??= why;
  }
  return last;
}

/** What the year's package applied as the app applies it measures. */
const AS_THE_APP = ['exchange.importInApp', 'search.duringImport', 'memory.import'];

/**
 * The year's package applied once more, into the peer's twin, as the app applies it (importChild.ts): the
 * desk's searches and start page meanwhile, and the peak memory of the whole process, the import included.
 */
function importAsTheApp(entry: string, twin: TwinImport, query: string, results: Results, notes: Record<string, string>): void {
  const r = spawnSync(process.execPath, [entry, twin.dir, twin.packagePath, query], { encoding: 'utf8', env: appProcessEnv() });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    const why = `the import process ended with ${r.signal ?? `code ${r.status}`}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ').slice(0, 300)}`;
    for (const id of AS_THE_APP) notes[id] = why;
    return;
  }
  const got = JSON.parse(line) as { searches: Timing; dashboards: Timing | null; seconds: number; counts: Record<string, number>; maxRssMb: number };
  const during = `while the year's package (${twin.changes} changes, ${got.counts.applied ?? 0} cells applied) is applied in the job worker, as the app applies it`;
  results['exchange.importInApp'] = {
    label: `the same package applied as the app applies it: picked in the open dialog, merged in the job worker beside the app's reads (WAL), until the answer`,
    timing: summarize([got.seconds * 1000]),
  };
  results['search.duringImport'] = {
    label: `client search by name prefix through the app worker ${during} (${got.searches.runs} searches in ${got.seconds.toFixed(1)} s)`,
    timing: got.searches,
  };
  if (got.dashboards) results['dashboard.duringImport'] = { label: `the start page's figures (dashboard:summary) ${during} (${got.dashboards.runs} times)`, timing: got.dashboards };
  results['memory.import'] = {
    label: `peak memory of the app ${during}, the searches meanwhile (a process arranged as the app, its code compiled as the app ships it; maxRSS, MB)`,
    timing: summarize([got.maxRssMb]),
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
