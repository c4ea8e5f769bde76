import { startAppHost } from '../app/appHost';
import { BENCH_PEER_PASSPHRASE, callWith } from './calls';
import { summarize, type Timing } from './measure';

// A year's package applied as the app applies it (`node out/bench/importChild.js DATA_DIR PACKAGE QUERY`,
// compiled by appWorkBuild.ts as the app's own code is): a process arranged as the app — this thread
// serving, the app worker answering, the job worker merging — unlocks the paired peer's copy, picks the
// package in the open dialog and applies it through exchange:importPackage, while name-prefix searches
// go through the dispatcher one after another from the start of the import to its end, and now and
// then the start page's figures. Prints one JSON line { searches, dashboards, seconds, counts, maxRssMb }:
// the searches' times, and the peak memory of the whole process, the import included.

/** A pause between two searches: someone typing a name at the desk, not a loop that takes the thread. */
const TYPING_PAUSE_MS = 20;

void (async () => {
  const [dataDir, packagePath, query] = process.argv.slice(2) as [string, string, string];
  const host = startAppHost({ dataDir, fileDialogs: { open: async () => packagePath, save: async () => null } });
  const call = (channel: string, input: unknown) => callWith(host.dispatch, channel, input);
  let line: { searches: Timing; dashboards: Timing | null; seconds: number; counts: Record<string, number>; maxRssMb: number };
  try {
    await call('login:unlock', { username: 'admin', passphrase: BENCH_PEER_PASSPHRASE });
    const { file } = (await call('files:open', { kind: 'package' })) as { file: { token: string } };
    const samples: number[] = [];
    const dashboards: number[] = [];
    let done = false;
    const t = performance.now();
    const applying = call('exchange:importPackage', { file: { token: file.token } }).finally(() => {
      done = true;
    }) as Promise<{ counts: Record<string, number> }>;
    while (!done) {
      const start = performance.now();
      await call('search:global', { query });
      samples.push(performance.now() - start);
      // Every twentieth pause someone opens the start page.
      if (samples.length % 20 === 0) {
        const opened = performance.now();
        await call('dashboard:summary', {});
        dashboards.push(performance.now() - opened);
      }
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
    }
    const { counts } = await applying;
    const seconds = (performance.now() - t) / 1000;
    line = { searches: summarize(samples), dashboards: dashboards.length ? summarize(dashboards) : null, seconds, counts, maxRssMb: 0 };
  } finally {
    await host.close();
  }
  line.maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(line)}\n`);
})();
