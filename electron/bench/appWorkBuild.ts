import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../launcher/run';

// The processes arranged as the app (the memory of its work, a year's package applied) run the app's
// code compiled ahead, as the app ships it (electron-vite compiles the main process and its workers
// with Rollup, the packages left outside): run through tsx instead,
// every thread would also hold tsx, the sources it compiled and their source maps, some 25–45 MB the
// app never holds (tsx alone made loading echarts cost 58 MB instead of 20). The bundle lands in
// out/bench, two folders below the project as out/main is, so the code that finds the templates from
// its own folder finds them, and the host finds each worker's file beside its own.

const OUT_DIR = join(ROOT, 'out', 'bench');

let built: Promise<{ work: string; importer: string }> | null = null;

/** Compiles the processes arranged as the app and the app's workers into out/bench, once a run; returns their entries. */
export function buildAppChildren(): Promise<{ work: string; importer: string }> {
  return (built ??= compile());
}

async function compile(): Promise<{ work: string; importer: string }> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      appWorkChild: 'electron/bench/appWorkChild.ts',
      importChild: 'electron/bench/importChild.ts',
      appWorker: 'electron/app/appWorker.ts',
      renderWorker: 'electron/app/renderWorker.ts',
      dbJobWorker: 'electron/app/dbJobWorker.ts',
    },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { work: join(OUT_DIR, 'appWorkChild.js'), importer: join(OUT_DIR, 'importChild.js') };
}
