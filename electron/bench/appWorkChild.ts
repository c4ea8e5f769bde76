import { readFileSync } from 'node:fs';
import { startAppHost } from '../app/appHost';
import { QUICK_LIMITS, callWith, fileCalls, querySpecs, unlockWith, warmupOf, type Probes } from './calls';
import { runLimits } from './measure';

// The peak memory of the app's own work (`node out/bench/appWorkChild.js DATA_DIR PHOTO.jpg PROBES.json [quick]`,
// compiled by appWorkBuild.ts as the app's own code is):
// a process arranged as the app is — this thread serving, the app worker (appHost.ts) answering every
// call — unlocks the database and makes every call the bench times: the searches, lists and reports as
// often as they are timed, the filing (previewed, as a user sees it first), the photo, the PDF and the
// XLSX. Without the bench's instruments (the statements recorded and replayed on a second, unencrypted
// connection, the photo made for the bench, docxtemplater beside the filing), which would count in the
// main bench process. The photo comes as a file, as a user picks one; the search terms (PROBES.json)
// were found by the bench. Prints one JSON line { maxRssMb }. `quick` as in the bench's --quick.
// This thread loads the host and the calls as data only (calls.ts), as the app's serving thread loads
// the host and its bridge: the whole app loaded here as well would count twice.

void (async () => {
  const [dataDir, photoPath, probesPath, quick] = process.argv.slice(2) as [string, string, string, string | undefined];
  if (quick === 'quick') Object.assign(runLimits, QUICK_LIMITS);
  const { probes, clientId } = JSON.parse(readFileSync(probesPath, 'utf8')) as { probes: Probes; clientId: string | null };
  const host = startAppHost({ dataDir });
  const call = (channel: string, input: unknown) => callWith(host.dispatch, channel, input);
  try {
    await unlockWith(host.dispatch);
    for (const q of querySpecs(probes)) for (let i = 0; i < Math.min(q.runs, runLimits.maxRuns) + Math.min(warmupOf(q), runLimits.maxWarmup); i++) await call(q.channel, q.input);
    for (const f of fileCalls(probes, clientId, readFileSync(photoPath))) for (let i = 0; i < Math.min(f.times, runLimits.maxRuns + 1); i++) await call(f.channel, f.input);
  } finally {
    await host.close();
  }
  process.stdout.write(`${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
})();
