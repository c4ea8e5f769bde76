import { readFileSync } from 'node:fs';
import { AppContext } from '../app/appContext';
import { runLimits } from './measure';
import { benchFilesAndExports, callChannel, findProbes, querySpecs, unlock, type Results } from './scenarios';

// The peak memory of the app's own work (`tsx electron/bench/appWorkChild.ts DATA_DIR PHOTO.jpg [quick]`): a process of
// its own unlocks the database as the app does and makes every call the bench times — the searches,
// lists and reports as often as they are timed, the filing, the PDF and the XLSX — without the bench's
// instruments (the statements recorded and replayed on a second, unencrypted connection, the photo made
// for the bench, docxtemplater beside the filing), which would count in the main bench process. The
// photo comes as a file, as a user picks one. Prints one JSON line { maxRssMb }. `quick` as in the
// bench's --quick.

void (async () => {
  const [dataDir, photoPath, quick] = process.argv.slice(2) as [string, string, string | undefined];
  if (quick === 'quick') Object.assign(runLimits, { maxRuns: 2, maxWarmup: 1 });
  const app = new AppContext({ dataDir });
  try {
    await unlock(app);
    const probes = findProbes(app.requireUnlocked().raw);
    for (const q of querySpecs(probes)) for (let i = 0; i < Math.min(q.runs, runLimits.maxRuns) + Math.min(q.runs >= 10 ? 2 : 1, runLimits.maxWarmup); i++) await callChannel(app, q.channel, q.input);
    const results: Results = {};
    await benchFilesAndExports(app, probes, results, readFileSync(photoPath), false);
  } finally {
    await app.lock();
  }
  process.stdout.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
})();
