import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { setMeta, META_KEYS } from '../../db/queries/meta';
import type { WriteCtx } from '../../db/queries/writeContext';
import { createDatabase, type UnlockedDatabase } from '../app/database';
import { DB_FILE } from '../app/paths';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { exportPackage, importPackage, useMergeSettings, writePackage } from '../exchange/exchangeService';
import { ATTACHMENT_KIND, EXCHANGED_TABLES, notAttachmentMessage } from '../exchange/fullSync';
import { importPairing, pairingFile, peerState, savePeerState } from '../exchange/identity';
import type { Results } from './scenarios';
import { summarize } from './measure';
import { BENCH_PASSPHRASE, BENCH_PEER_PASSPHRASE, BENCH_USER } from './calls';
import { skipTodaysBackup } from './prepare';
import { deferFacts } from '../../db/queries/reportFactsUpkeep';
import { deferSearchTerms } from '../../db/queries/searchTermsUpkeep';

// Exchange packages (electron/exchange): a full package with a year of changes from the seeded
// database to a paired contact point (export to a file, then import), and a statistics package of one
// contact point's year to a hub. Each is timed once: a package is applied once, and a second export
// of the same changes would measure the same work.

const CHEAP_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

async function write(db: UnlockedDatabase, fn: (ctx: WriteCtx) => Promise<unknown>): Promise<void> {
  await db.db.transaction().execute((trx) => fn({ trx, w: db.writer, user: db.user }));
}

async function pair(a: UnlockedDatabase, b: UnlockedDatabase): Promise<void> {
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

/**
 * `session` is the seeded database, unlocked. The package starts at the first change stamped on or
 * after `yearFrom` (the change log is in the order things happened), so at national-1y it holds the
 * whole database and at national-5y the last year.
 */
export async function benchStatsPackage(unlocked: UnlockedDatabase, workDir: string, yearFrom: string, results: Results, notes: Record<string, string>): Promise<void> {
  const hub = await createDatabase({ dbPath: join(workDir, 'hub.db'), username: 'admin', displayName: 'Hub', passphrase: 'bench hub, synthetic data only', installationName: 'Bench hub', installationRole: 'hub', kdf: CHEAP_KDF });
  try {
    await pair(unlocked, hub);
    // The busiest contact point's statistics (a package carries one contact point's year).
    const busiest = await sql<{ id: string }>`SELECT contact_point_id AS id FROM consultations WHERE date >= ${yearFrom} GROUP BY contact_point_id ORDER BY count(*) DESC LIMIT 1`.execute(unlocked.db);
    const own = unlocked.installation.contactPointId;
    unlocked.installation.contactPointId = busiest.rows[0]?.id ?? own;
    try {
      const exported = await timed(() => exportPackage(unlocked, hub.installation.id, { kind: 'stats', from: yearFrom, to: '2026-10-31' }));
      const imported = await timed(() => importPackage(hub, exported.value.content));
      const n = exported.value.counts.consultations ?? 0;
      results['exchange.stats'] = { label: `statistics package for the hub, one contact point's year (${n} consultations): export + import`, timing: summarize([exported.ms + imported.ms]) };
    } finally {
      unlocked.installation.contactPointId = own;
      if (own) await setMeta(unlocked.db, META_KEYS.contactPointId, own);
    }
  } catch (error) {
    notes['exchange.stats'] = `failed: ${(error as Error).message}`;
  } finally {
    await hub.close();
  }
}

/** Thrown to end a floor's transaction: the peer must stay as it was for the import itself. */
class FloorRolledBack extends Error {}

/**
 * The floor of a year's import: what SQLite alone takes to write the same rows and messages into the
 * peer, copied set-wise with INSERT … SELECT from the sender's database attached to the peer's
 * connection — no package to read, nothing parsed, no merge decision — under the merge's settings
 * (rollback journal, its page cache). Rolled back, so the commit is not in
 * it and the peer is as before. Bare, the tables' triggers are dropped in the transaction: the report's
 * facts and the clients' search terms are left alone. With `upkeep`, they are rebuilt for what was
 * copied as the import rebuilds them (set-wise, after the copy): the least SQL an import that keeps the
 * report and the search right can do.
 */
async function importFloor(unlocked: UnlockedDatabase, peer: UnlockedDatabase, afterSeq: number, { upkeep }: { upkeep: boolean }): Promise<{ ms: number; rows: number; messages: number }> {
  const { dbKey } = await unwrapKey(readKeyring(keyringPathFor(unlocked.dbPath)), BENCH_USER, BENCH_PASSPHRASE);
  const raw = peer.raw;
  const restoreSettings = useMergeSettings(raw);
  raw.prepare(`ATTACH DATABASE ? AS sender KEY "x'${dbKey.toString('hex')}'"`).run(unlocked.dbPath);
  const floor = { ms: 0, rows: 0, messages: 0 };
  const t = performance.now();
  try {
    await peer.db.transaction().execute(async (trx) => {
      await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
      const rebuilds = upkeep ? [await deferFacts(trx), await deferSearchTerms(trx)] : [];
      if (!upkeep) for (const { name } of raw.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]) raw.exec(`DROP TRIGGER main."${name}"`);
      for (const table of EXCHANGED_TABLES) {
        const columns = (raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        // Scanned papers and photos stay out, as they stay out of the package (fullSync.ts).
        const papers = table === 'documents' ? `AND x.kind <> '${ATTACHMENT_KIND}'` : '';
        floor.rows += raw.prepare(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM sender."${table}" x WHERE NOT EXISTS (SELECT 1 FROM main."${table}" m WHERE m.id = x.id) ${papers} ORDER BY x.id`).run().changes;
      }
      const tables = EXCHANGED_TABLES.map((name) => `'${name}'`).join(', ');
      floor.messages = raw
        .prepare(
          `INSERT INTO main.change_log (hlc, table_name, row_id, origin, data) SELECT hlc, table_name, row_id, origin, data FROM sender.change_log c
           WHERE seq > ? AND +table_name IN (${tables}) AND ${notAttachmentMessage('c', 'sender.documents')} ORDER BY seq`,
        )
        .run(afterSeq).changes;
      for (const rebuild of rebuilds) await rebuild.finish();
      floor.ms = performance.now() - t;
      throw new FloorRolledBack();
    });
  } catch (error) {
    if (!(error instanceof FloorRolledBack)) throw error;
  } finally {
    raw.exec('DETACH DATABASE sender');
    restoreSettings();
  }
  return floor;
}

/** What the year's import as the app runs it needs (importChild.ts): the peer's twin and the package. */
export interface TwinImport {
  dir: string;
  packagePath: string;
  changes: number;
}

/**
 * A year of changes to a paired contact point: export to a file, then import. At national-5y the peer
 * first receives every earlier change (not measured: a real peer has them from earlier exchanges), so
 * that the year's package finds the rows it refers to; at national-1y the year is the whole database.
 * Returns the peer's twin as it was before the year (in `workDir`, left for the caller), for the same
 * package to be applied once more as the app applies it, in a process of its own.
 */
export async function benchFullPackage(unlocked: UnlockedDatabase, workDir: string, yearFrom: string, results: Results, notes: Record<string, string>): Promise<TwinImport | null> {
  const peer = await createDatabase({ dbPath: join(workDir, 'peer.db'), username: 'admin', displayName: 'Peer', passphrase: BENCH_PEER_PASSPHRASE, installationName: 'Bench peer', kdf: CHEAP_KDF });
  try {
    await pair(unlocked, peer);
    const stamp = `${String(Date.parse(`${yearFrom}T00:00:00Z`)).padStart(15, '0')}`;
    const before = await sql<{ seq: number | null }>`SELECT seq FROM change_log WHERE hlc < ${stamp} ORDER BY hlc DESC LIMIT 1`.execute(unlocked.db);
    const earlier = Number(before.rows[0]?.seq ?? 0);
    if (earlier > 0) {
      const path = join(workDir, 'earlier.ladpkg');
      const setup = await timed(async () => {
        const w = await writePackage(unlocked, peer.installation.id, { kind: 'full', seqTo: earlier }, path);
        await importPackage(peer, path);
        return w;
      });
      rmSync(path, { force: true });
      notes['exchange.setup'] = `the peer first received the ${setup.value.counts.changes} changes before ${yearFrom} in one package (${(setup.value.bytes / 1e6).toFixed(0)} MB) in ${(setup.ms / 1000).toFixed(1)} s, not counted`;
      await savePeerState(unlocked.db, peer.installation.id, { ...(await peerState(unlocked.db, peer.installation.id)), acked: earlier });
    }
    const twinDir = twinOf(peer, workDir, notes);
    const path = join(workDir, 'year.ladpkg');
    const exported = await timed(() => writePackage(unlocked, peer.installation.id, { kind: 'full' }, path));
    const changes = exported.value.counts.changes ?? 0;
    results['exchange.export'] = { label: `full package export, a year of changes (${changes} changes, ${(exported.value.bytes / 1e6).toFixed(1)} MB)`, timing: summarize([exported.ms]) };
    const floor = await importFloor(unlocked, peer, earlier, { upkeep: false });
    const withUpkeep = await importFloor(unlocked, peer, earlier, { upkeep: true });
    const imported = await timed(() => importPackage(peer, path));
    results['exchange.import'] = {
      label: `full package import into a paired contact point (${changes} changes, ${imported.value.counts.applied ?? 0} cells applied)`,
      timing: summarize([imported.ms]),
      floor: summarize([floor.ms]),
      note: `SQL floor: the same ${floor.rows} rows and ${floor.messages} messages copied set-wise from the sender's database, commit excluded`,
    };
    results['exchange.importFloorWithUpkeep'] = {
      label: `the import's floor with the report's facts and the clients' search terms rebuilt as the import rebuilds them (${withUpkeep.rows} rows, ${withUpkeep.messages} messages, commit excluded)`,
      timing: summarize([withUpkeep.ms]),
      note: 'timed after the bare floor, on the same connection: its pages are partly in the cache already',
    };
    return twinDir ? { dir: twinDir, packagePath: path, changes } : null;
  } catch (error) {
    for (const id of ['exchange.export', 'exchange.import', 'search.duringImport']) if (!results[id]) notes[id] ??= `failed: ${(error as Error).message}`;
    return null;
  } finally {
    await peer.close();
  }
}

/**
 * A copy of the peer as it is before the year's package, in the app's data-folder layout: the same
 * installation, so the same package applies to it once more, as the app applies it.
 */
function twinOf(peer: UnlockedDatabase, workDir: string, notes: Record<string, string>): string | null {
  const dir = join(workDir, 'twin');
  const size = statSync(peer.dbPath).size;
  const free = statfsSync(workDir);
  if (free.bavail * free.bsize < size * 1.2 + 8 * 2 ** 30) {
    notes['search.duringImport'] = `not measured: no room for a ${(size / 2 ** 30).toFixed(1)} GB copy of the peer with a safe margin on this disk`;
    return null;
  }
  mkdirSync(dir);
  // The main database's log only: checkpointing all of them right after the merge gave its journal
  // mode back answered 'database table is locked' for the temporary database.
  peer.raw.pragma('main.wal_checkpoint(TRUNCATE)');
  copyFileSync(peer.dbPath, join(dir, DB_FILE));
  copyFileSync(`${peer.dbPath}.keys.json`, join(dir, `${DB_FILE}.keys.json`));
  // The copy's gigabytes on disk before anything is timed: written back while the export ran, they
  // doubled its time.
  const fd = openSync(join(dir, DB_FILE), 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  skipTodaysBackup(dir);
  return dir;
}
