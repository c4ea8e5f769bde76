import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyKey } from '../../db/open';
import { allAuditRows, verifyAuditChain } from '../../db/queries/audit';
import { saveClient } from '../../db/queries/clientWrite';
import { settleDbJobs } from '../../electron/app/dbJobs';
import { clientInput as clientSchema } from '../../shared/api/clientInputs';
import { clientInput } from '../support/caseFixtures';
import { createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// A package is applied in the job worker on a connection of its own (electron/app/dbJobs.ts): while it
// merges, the app's own connection answers searches and the dashboard from the last commit, a save is
// refused with a clear "try again in a moment", and the audit entries of those reads reach the trail.

/** Enough changes that merging them takes a while after the first chunk is reported. */
const CLIENTS = 20_000;

let a: TestApp, b: TestApp;

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp();
  await b.call('exchange:importPairing', { json: JSON.stringify(await a.call('exchange:pairingFile', {})) });
  await a.call('exchange:importPairing', { json: JSON.stringify(await b.call('exchange:pairingFile', {})) });
  // A's clients are written through the repository in one transaction (as the seed does): faster than
  // one call each, and the same rows, search terms and change messages.
  const s = a.app.requireUnlocked();
  await s.db.transaction().execute(async (trx) => {
    for (let i = 0; i < CLIENTS; i++) {
      await saveClient({ trx, w: s.writer, user: s.user }, clientSchema.parse({ ...clientInput({ surname: 'Ғафурова', givenName: `Нигина ${i}`, phones: [] }) }));
    }
  });
  await b.call('clients:save', clientInput({ surname: 'Раҳимова' }));
}, 300_000);

afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

/** Clients of that surname in a copy of the database file without its log (-wal). */
async function clientsInFileAlone(t: TestApp, surname: string): Promise<number> {
  const { dbPath, dbKey } = t.app.requireUnlocked();
  const dir = mkdtempSync(join(tmpdir(), 'lad-file-alone-'));
  try {
    copyFileSync(dbPath, join(dir, 'copy.db'));
    const copy = new Sqlite(join(dir, 'copy.db'));
    try {
      applyKey(copy, dbKey);
      return (copy.prepare('SELECT count(*) AS n FROM clients WHERE surname = ?').get(surname) as { n: number }).n;
    } finally {
      copy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('applying a package in the job worker', () => {
  it('answers searches and the dashboard meanwhile, refuses a save until it is done, and audits the reads', async () => {
    const idB = await b.call('exchange:identity', {});
    const file = await a.call('exchange:exportPackage', { peerId: idB.installationId, kind: 'full' });
    const readsBefore = (await allAuditRows(b.app.requireUnlocked().db)).filter((r) => r.entity === 'search:global').length;

    let applied = false;
    const importing = b.call('exchange:importPackage', { file: { base64: inlineBytes(file).toString('base64') } }).finally(() => {
      applied = true;
    });
    // The merge is under way: its transaction is open and a first chunk of A's clients is merged.
    await until(async () => (await b.call('exchange:progress', {})).done > 0);

    const searches = 10;
    for (let i = 0; i < searches; i++) {
      const found = await b.call('search:global', { query: i % 2 ? 'Раҳимова' : 'Ғафурова' });
      // The last commit: B's own client, none of the package's yet.
      expect(found.clients.map((c) => c.surname)).toEqual(i % 2 ? ['Раҳимова'] : []);
      expect(applied).toBe(false);
    }
    expect((await b.call('dashboard:summary', {})).hearingsThisWeek).toEqual([]);
    const save = await b.raw('clients:save', clientInput({ surname: 'Назарова' }));
    expect(save).toMatchObject({ ok: false, error: { code: 'APPLYING_PACKAGE' } });
    // A new key needs the file to itself: refused at once too, not left waiting for the merge.
    expect(await b.raw('security:rotateKey', {})).toMatchObject({ ok: false, error: { code: 'APPLYING_PACKAGE' } });
    expect(applied).toBe(false);

    const result = await importing;
    expect(result).toMatchObject({ kind: 'full', alreadyApplied: false, senderName: 'Нуқтаи тамоси Хуҷанд' });
    expect(result.counts.received).toBeGreaterThanOrEqual(CLIENTS);
    expect(await b.call('exchange:progress', {})).toMatchObject({ active: false });

    // The reads' entries are written once the job's worker has ended.
    await settleDbJobs(b.app.requireUnlocked());

    // The package's clients are found at once: their search terms were built in the merge.
    expect((await b.call('search:global', { query: 'Ғафурова', limit: 100 })).clients).toHaveLength(100);
    // Saving works again, stamped after every change the worker merged.
    const saved = await b.call('clients:save', clientInput({ surname: 'Назарова' }));
    const raw = b.app.requireUnlocked().raw;
    const newest = raw.prepare(`SELECT max(hlc) AS hlc FROM clients WHERE id <> ?`).get(saved.client.id) as { hlc: string };
    const own = raw.prepare(`SELECT hlc FROM clients WHERE id = ?`).get(saved.client.id) as { hlc: string };
    expect(own.hlc > newest.hlc).toBe(true);

    // Every search made during the merge is in the trail (written after it), and the chain is whole.
    const trail = await allAuditRows(b.app.requireUnlocked().db);
    expect(trail.filter((r) => r.entity === 'search:global').length).toBe(readsBefore + searches + 1);
    expect(trail.filter((r) => r.action === 'exchange.import')).toHaveLength(1);
    expect((await verifyAuditChain(b.app.requireUnlocked().db)).ok).toBe(true);
  }, 300_000);

  it("copies the merge's log into the database file after its answer: once its worker has ended, the file alone holds the package", async () => {
    const s = a.app.requireUnlocked();
    await s.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 50; i++) await saveClient({ trx, w: s.writer, user: s.user }, clientSchema.parse(clientInput({ surname: 'Юсупова', givenName: `Зарина ${i}`, phones: [] })));
    });
    const idB = await b.call('exchange:identity', {});
    const file = await a.call('exchange:exportPackage', { peerId: idB.installationId, kind: 'full' });
    const result = await b.call('exchange:importPackage', { file: { base64: inlineBytes(file).toString('base64') } });
    expect(result.counts.received).toBeGreaterThanOrEqual(50);
    // Nothing written here since: the desk's next save is not left the merge's log to copy on its thread.
    await settleDbJobs(b.app.requireUnlocked());
    expect(await clientsInFileAlone(b, 'Юсупова')).toBe(50);
    expect((await b.call('search:global', { query: 'Юсупова', limit: 100 })).clients).toHaveLength(50);
  }, 120_000);
});
