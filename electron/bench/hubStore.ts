import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { computeIndicators } from '../../db/queries/indicators';
import type { WriteCtx } from '../../db/queries/writeContext';
import { createDatabase, type UnlockedDatabase } from '../app/database';
import { parseArgs } from '../cli/args';
import { exportPackage, importPackage } from '../exchange/exchangeService';
import { openHubPostgres } from '../exchange/hubConnection';
import { asEngineDb, importStatsToPostgres } from '../exchange/hubPostgres';
import { importPairing, pairingFile } from '../exchange/identity';
import { NATIONAL_SIZES, SEED_NOW, seedNational } from '../seed/national';
import { machine, measure, summarize, type Timing } from './measure';

// A hub fed a year of statistics by 60 contact points (`npx tsx electron/bench/hubStore.ts --pg
// postgres://…|pglite:DIR [--seed N] [--out F]`): the national-1y synthetic year (electron/seed/,
// without filings or change log, which statistics do not read) is seeded into one contact-point
// database, one statistics package per contact point is made from it, and the 60 packages are imported
// into the hub's SQLite file and into the PostgreSQL store named; then the year's national and regional
// reports are timed on both. The store named must be empty or a hub's own (its facts are replaced).

const CHEAP_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const log = (m: string) => process.stderr.write(`${m}\n`);

async function pair(a: UnlockedDatabase, b: UnlockedDatabase): Promise<void> {
  const write = (db: UnlockedDatabase, fn: (ctx: WriteCtx) => Promise<unknown>) => db.db.transaction().execute((trx) => fn({ trx, w: db.writer, user: db.user }));
  const fa = JSON.stringify(await pairingFile(a.db));
  const fb = JSON.stringify(await pairingFile(b.db));
  await write(a, (ctx) => importPairing(ctx, fb));
  await write(b, (ctx) => importPairing(ctx, fa));
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const address = String(args.options.get('pg') ?? '');
  if (!address) throw new Error('--pg postgres://…|pglite:DIR is required');
  const seed = Number(args.options.get('seed') ?? 1);
  const out = resolve(String(args.options.get('out') ?? 'bench-hub-store.json'));
  const work = mkdtempSync(join(tmpdir(), 'lad-bench-hub-'));
  const results: Record<string, Timing | number | string> = {};
  const spec = { ...NATIONAL_SIZES['national-1y'], documents: 0 };
  const period = { from: new Date(Date.parse(`${SEED_NOW}T00:00:00Z`) - (spec.days - 1) * 86_400_000).toISOString().slice(0, 10), to: SEED_NOW };
  const source = await createDatabase({ dbPath: join(work, 'cp.db'), username: 'admin', displayName: 'Bench', passphrase: 'bench only, synthetic data', installationName: 'Bench contact points', installationRole: 'contact_point', kdf: CHEAP_KDF });
  const hub = await createDatabase({ dbPath: join(work, 'hub.db'), username: 'admin', displayName: 'Hub', passphrase: 'bench only, synthetic data', installationName: 'Bench hub', installationRole: 'hub', kdf: CHEAP_KDF });
  try {
    log(`seeding national-1y (seed ${seed}, no filings, no change log)…`);
    const seeded = await seedNational(source, spec, { seed, changeLog: false, samples: new Map() });
    results.seededConsultations = seeded.counts.consultations ?? 0;
    await pair(source, hub);

    // One package per contact point, as each contact point would send its year.
    const cps = await source.db.selectFrom('contact_points').select(['id', 'code']).where('deleted_at', 'is', null).orderBy('code').execute();
    const packages: Buffer[] = [];
    const exportMs: number[] = [];
    for (const cp of cps) {
      source.installation.contactPointId = cp.id;
      const made = await timed(() => exportPackage(source, hub.installation.id, { kind: 'stats', ...period }));
      exportMs.push(made.ms);
      packages.push(made.value.content);
    }
    results.contactPoints = cps.length;
    results.packageBytes = packages.reduce((s, p) => s + p.length, 0);
    results['export.perPackage'] = summarize(exportMs);
    log(`${packages.length} packages, ${(Number(results.packageBytes) / 2 ** 20).toFixed(1)} MB`);

    const opened = await timed(() => openHubPostgres(address, hub.installation));
    results['postgres.open'] = summarize([opened.ms]);
    const pg = opened.value;
    try {
      for (const [store, importOne] of [
        ['sqlite', (p: Buffer) => importPackage(hub, p)],
        ['postgres', (p: Buffer) => importStatsToPostgres(hub, pg, p)],
      ] as const) {
        const each: number[] = [];
        const all = performance.now();
        for (const p of packages) each.push((await timed(() => importOne(p))).ms);
        results[`${store}.importAll`] = summarize([performance.now() - all]);
        results[`${store}.importPerPackage`] = summarize(each);
        log(`${store}: ${packages.length} packages imported in ${((performance.now() - all) / 1000).toFixed(1)} s`);
      }
      const onPg = asEngineDb(pg);
      const national = await computeIndicators(onPg, period);
      const same = JSON.stringify({ ...national, generated: null }) === JSON.stringify({ ...(await computeIndicators(hub.db, period)), generated: null });
      results.reportsEqual = same ? 'yes' : 'NO';
      results.consultationsInReport = national.indicators['1.2.10'].consultations as number;
      for (const [name, q] of [
        ['national', period],
        ['region', { ...period, region: 'TJ-SU' }],
      ] as const) {
        results[`sqlite.report.${name}`] = await measure(() => computeIndicators(hub.db, q), { warmup: 1, runs: 5 });
        results[`postgres.report.${name}`] = await measure(() => computeIndicators(onPg, q), { warmup: 1, runs: 5 });
      }
      const facts = await sql<{ n: string }>`SELECT COUNT(*) AS n FROM consultations WHERE deleted_at IS NULL`.execute(pg);
      results.postgresConsultations = Number(facts.rows[0]!.n);
    } finally {
      await pg.destroy();
    }
  } finally {
    await source.close();
    await hub.close();
    rmSync(work, { recursive: true, force: true });
  }
  const store = address.startsWith('pglite:') ? 'PGlite (PostgreSQL in the process)' : 'PostgreSQL server';
  const report = { at: new Date().toISOString(), seed, store, machine: machine(), results };
  writeFileSync(out, JSON.stringify(report, null, 1));
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
