import { readFileSync } from 'node:fs';
import { startAppHost } from '../app/appHost';
import { runLimits } from './measure';
import { callChannel, fileCalls, querySpecs, unlock, type Probes } from './scenarios';

// The peak memory of the app's own work (`tsx electron/bench/appWorkChild.ts DATA_DIR PHOTO.jpg PROBES.json [quick]`):
// a process arranged as the app is — this thread serving, the app worker (appHost.ts) answering every
// call — unlocks the database and makes every call the bench times: the searches, lists and reports as
// often as they are timed, the filing (previewed, as a user sees it first), the photo, the PDF and the
// XLSX. Without the bench's instruments (the statements recorded and replayed on a second, unencrypted
// connection, the photo made for the bench, docxtemplater beside the filing), which would count in the
// main bench process. The photo comes as a file, as a user picks one; the search terms (PROBES.json)
// were found by the bench. Prints one JSON line { maxRssMb }. `quick` as in the bench's --quick.

void (async () => {
  const [dataDir, photoPath, probesPath, quick] = process.argv.slice(2) as [string, string, string, string | undefined];
  if (quick === 'quick') Object.assign(runLimits, { maxRuns: 2, maxWarmup: 1 });
  const { probes, clientId } = JSON.parse(readFileSync(probesPath, 'utf8')) as { probes: Probes; clientId: string | null };
  const host = startAppHost({ dataDir });
  try {
    await unlock(host);
    for (const q of querySpecs(probes)) for (let i = 0; i < Math.min(q.runs, runLimits.maxRuns) + Math.min(q.runs >= 10 ? 2 : 1, runLimits.maxWarmup); i++) await callChannel(host, q.channel, q.input);
    for (const f of fileCalls(probes, clientId, readFileSync(photoPath))) for (let i = 0; i < Math.min(f.times, runLimits.maxRuns + 1); i++) await callChannel(host, f.channel, f.input);
  } finally {
    await host.close();
  }
  process.stdout.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
})();
