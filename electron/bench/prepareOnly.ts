import { prepareDatabase, type BenchSize } from './prepare';

// `tsx electron/bench/prepareOnly.ts SIZE [SEED]`: makes (or finds) the cached database only, so the
// long national-5y seed can run in the background before the benchmark itself.

void (async () => {
  const size = (process.argv[2] ?? 'demo') as BenchSize;
  const seed = Number(process.argv[3] ?? '1');
  const p = await prepareDatabase(size, seed, (m) => process.stderr.write(`${m}\n`));
  process.stderr.write(`ready: ${p.dbPath} (${p.seedSeconds ?? 'cached'} s) ${JSON.stringify(p.counts)}\n`);
})();
