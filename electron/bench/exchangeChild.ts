import { join } from 'node:path';
import { unlockDatabase } from '../app/database';
import { DB_FILE } from '../app/paths';
import { benchFullPackage, benchStatsPackage, type TwinImport } from './exchange';
import { BENCH_PASSPHRASE, BENCH_USER } from './calls';
import type { Results } from './scenarios';

// The exchange measurements in a child process (`tsx electron/bench/exchangeChild.ts DATA_DIR FROM WORK_DIR [stats]`):
// a package of a national year is large, and if building it runs out of memory the child dies, not the
// benchmark. Prints a JSON line { results, notes, maxRssMb, twin } after each part; WORK_DIR (the
// packages, the peers) is the caller's to remove, once the year's package has been applied again as
// the app applies it (importChild.ts) into the peer's twin left there.

void (async () => {
  const [dataDir, yearFrom, workDir, only] = process.argv.slice(2) as [string, string, string, string | undefined];
  const results: Results = {};
  const notes: Record<string, string> = {};
  let twin: TwinImport | null = null;
  const unlocked = await unlockDatabase(join(dataDir, DB_FILE), BENCH_USER, BENCH_PASSPHRASE);
  const report = () => process.stdout.write(`${JSON.stringify({ results, notes, maxRssMb: process.resourceUsage().maxRSS / 1024, twin })}\n`);
  try {
    // The small statistics package first, reported at once: the full package may exhaust the memory.
    await benchStatsPackage(unlocked, workDir, yearFrom, results, notes);
    report();
    if (only !== 'stats') {
      twin = await benchFullPackage(unlocked, workDir, yearFrom, results, notes);
      report();
    }
  } finally {
    await unlocked.close();
  }
})();
