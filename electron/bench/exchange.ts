import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { setMeta, META_KEYS } from '../../db/queries/meta';
import type { WriteCtx } from '../../db/queries/writeContext';
import { createDatabase, type UnlockedDatabase } from '../app/database';
import { exportPackage, importPackage, writePackage } from '../exchange/exchangeService';
import { importPairing, pairingFile, peerState, savePeerState } from '../exchange/identity';
import type { Results } from './scenarios';
import { summarize } from './measure';

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
export async function benchStatsPackage(session: UnlockedDatabase, workDir: string, yearFrom: string, results: Results, notes: Record<string, string>): Promise<void> {
  const hub = await createDatabase({ dbPath: join(workDir, 'hub.db'), username: 'admin', displayName: 'Hub', passphrase: 'bench hub, synthetic data only', installationName: 'Bench hub', installationRole: 'hub', kdf: CHEAP_KDF });
  try {
    await pair(session, hub);
    // The busiest contact point's statistics (a package carries one contact point's year).
    const busiest = await sql<{ id: string }>`SELECT contact_point_id AS id FROM consultations WHERE date >= ${yearFrom} GROUP BY contact_point_id ORDER BY count(*) DESC LIMIT 1`.execute(session.db);
    const own = session.installation.contactPointId;
    session.installation.contactPointId = busiest.rows[0]?.id ?? own;
    try {
      const exported = await timed(() => exportPackage(session, hub.installation.id, { kind: 'stats', from: yearFrom, to: '2026-10-31' }));
      const file = Buffer.from(exported.value.base64, 'base64');
      const imported = await timed(() => importPackage(hub, file));
      const n = exported.value.counts.consultations ?? 0;
      results['exchange.stats'] = { label: `statistics package for the hub, one contact point's year (${n} consultations): export + import`, timing: summarize([exported.ms + imported.ms]) };
    } finally {
      session.installation.contactPointId = own;
      if (own) await setMeta(session.db, META_KEYS.contactPointId, own);
    }
  } catch (error) {
    notes['exchange.stats'] = `failed: ${(error as Error).message}`;
  } finally {
    await hub.close();
  }
}

/**
 * A year of changes to a paired contact point: export to a file, then import. At national-5y the peer
 * first receives every earlier change (not measured: a real peer has them from earlier exchanges), so
 * that the year's package finds the rows it refers to; at national-1y the year is the whole database.
 */
export async function benchFullPackage(session: UnlockedDatabase, workDir: string, yearFrom: string, results: Results, notes: Record<string, string>): Promise<void> {
  const peer = await createDatabase({ dbPath: join(workDir, 'peer.db'), username: 'admin', displayName: 'Peer', passphrase: 'bench peer, synthetic data only', installationName: 'Bench peer', kdf: CHEAP_KDF });
  try {
    await pair(session, peer);
    const stamp = `${String(Date.parse(`${yearFrom}T00:00:00Z`)).padStart(15, '0')}`;
    const before = await sql<{ seq: number | null }>`SELECT seq FROM change_log WHERE hlc < ${stamp} ORDER BY hlc DESC LIMIT 1`.execute(session.db);
    const earlier = Number(before.rows[0]?.seq ?? 0);
    if (earlier > 0) {
      const path = join(workDir, 'earlier.ladpkg');
      const setup = await timed(async () => {
        const w = await writePackage(session, peer.installation.id, { kind: 'full', seqTo: earlier }, path);
        await importPackage(peer, path);
        return w;
      });
      rmSync(path, { force: true });
      notes['exchange.setup'] = `the peer first received the ${setup.value.counts.changes} changes before ${yearFrom} in one package (${(setup.value.bytes / 1e6).toFixed(0)} MB) in ${(setup.ms / 1000).toFixed(1)} s, not counted`;
      await savePeerState(session.db, peer.installation.id, { ...(await peerState(session.db, peer.installation.id)), acked: earlier });
    }
    const path = join(workDir, 'year.ladpkg');
    const exported = await timed(() => writePackage(session, peer.installation.id, { kind: 'full' }, path));
    const changes = exported.value.counts.changes ?? 0;
    results['exchange.export'] = { label: `full package export, a year of changes (${changes} changes, ${(exported.value.bytes / 1e6).toFixed(1)} MB)`, timing: summarize([exported.ms]) };
    const imported = await timed(() => importPackage(peer, path));
    results['exchange.import'] = { label: `full package import into a paired contact point (${changes} changes, ${imported.value.counts.applied ?? 0} cells applied)`, timing: summarize([imported.ms]) };
  } catch (error) {
    notes['exchange.export'] ??= `failed: ${(error as Error).message}`;
    notes['exchange.import'] ??= `failed: ${(error as Error).message}`;
  } finally {
    await peer.close();
  }
}
