import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRow } from '../../db/write';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage, writePackage } from '../../electron/exchange/exchangeService';
import { ownKeys } from '../../electron/exchange/identity';
import { witnessFor } from '../../electron/exchange/auditWitness';
import { sealPackage } from '../../electron/exchange/packageFile';
import { PackageRefused } from '../../electron/exchange/refusal';
import { tempDir } from '../support/temp';
import { canonicalDump, installation, pair, write } from './network';
import { contactPoint, KULOB, session } from './records';

// Packages are written and read as streams and merged in chunks: a package bigger than one
// chunk, rows whose messages fall into different chunks, and messages of a row that arrive before its
// creation all end in the same rows as the sender's.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;
const CP = '0190a000-0000-7000-8000-0000000001aa';
const sessionId = (i: number) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`;

beforeAll(async () => {
  dir = tempDir('lad-stream-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
});

afterAll(async () => {
  for (const db of [cp, team]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function forged(messages: string[], count = messages.length, newest?: string | null): Promise<Buffer> {
  const teamKeys = await ownKeys(team.db);
  return sealPackage({
    header: {
      packageId: `0190a000-0000-7000-9000-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
      kind: 'full',
      sender: team.installation.id,
      recipient: cp.installation.id,
      created: new Date().toISOString(),
      counts: {},
      seq: { from: 0, to: 0, ack: 0 },
      // As the sender's app would: its audit head, witnessed like any package's.
      audit: await witnessFor(team.db, cp.installation.id, new Date().toISOString()),
    },
    lines: ['{}', ...messages, JSON.stringify({ end: { changes: count, newest: newest !== undefined ? newest : (messages.map((m) => (JSON.parse(m) as string[])[0]!).sort().pop() ?? null) } })],
    recipientEncPublic: (await ownKeys(cp.db)).encPublic,
    senderSignPrivate: teamKeys.signPrivate,
  });
}

function messagesOf(db: UnlockedDatabase, rowId: string): string[] {
  const rows = db.raw.prepare('SELECT hlc, table_name, row_id, data, origin FROM change_log WHERE row_id = ? ORDER BY seq').all(rowId) as Record<string, string>[];
  return rows.map((r) => `[${JSON.stringify(r.hlc)},${JSON.stringify(r.table_name)},${JSON.stringify(r.row_id)},${r.data},${JSON.stringify(r.origin)}]`);
}

async function dumpOf(db: UnlockedDatabase) {
  const d = await canonicalDump(db.db);
  return { contact_points: d.contact_points, mobile_sessions: d.mobile_sessions };
}

describe('streamed packages', () => {
  it('carries more changes than one chunk through a file and ends with the same rows and first-recorded times', async () => {
    await write(team, contactPoint(CP, 'KLB', KULOB));
    await write(team, async (ctx) => {
      for (let i = 1; i <= 2600; i++) await session(sessionId(i), `KLB-M${i}`, CP, '2024-05-06', KULOB)(ctx);
    });
    // An edit of the first session: its row is in the first chunk, this message in the last.
    await write(team, (ctx) => updateRow(ctx.trx, ctx.w, 'mobile_sessions', sessionId(1), { village: 'деҳаи Ҷилликӯл' }));

    const path = join(dir, 'changes.ladpkg');
    const written = await writePackage(team, cp.installation.id, { kind: 'full' }, path);
    expect(written.counts.changes).toBe(2602);
    const progress: [number, number][] = [];
    const result = await importPackage(cp, path, { onProgress: (done, total) => void progress.push([done, total]) });
    expect(result.counts).toMatchObject({ received: 2602, conflicts: 0 });
    expect(progress.length).toBeGreaterThan(1);
    // Progress grows and ends full.
    expect(progress.every(([done, total], i) => done <= total && (i === 0 || done >= progress[i - 1]![0]))).toBe(true);
    const [done, total] = progress[progress.length - 1]!;
    expect(done).toBe(total);

    expect(await dumpOf(cp)).toEqual(await dumpOf(team));
    const created = (db: UnlockedDatabase) => db.raw.prepare('SELECT id, created_at FROM mobile_sessions ORDER BY id').all();
    expect(created(cp)).toEqual(created(team));
    const village = cp.raw.prepare('SELECT village FROM mobile_sessions WHERE id = ?').get(sessionId(1)) as { village: string };
    expect(village.village).toBe('деҳаи Ҷилликӯл');
    // The merge wrote with a rollback journal; the database is back in WAL mode, with no journal left.
    expect(cp.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${cp.raw.name}-journal`)).toBe(false);
  });

  it('builds a row whose edit arrives before its creation', async () => {
    const id = sessionId(9001);
    await write(team, session(id, 'KLB-M9001', CP, '2024-06-07', KULOB));
    await write(team, (ctx) => updateRow(ctx.trx, ctx.w, 'mobile_sessions', id, { status: 'cancelled', status_changed_on: '2024-06-01' }));
    const [create, edit] = messagesOf(team, id);
    await importPackage(cp, await forged([edit!, create!]));
    expect(cp.raw.prepare('SELECT code, status, status_changed_on FROM mobile_sessions WHERE id = ?').get(id)).toEqual({ code: 'KLB-M9001', status: 'cancelled', status_changed_on: '2024-06-01' });
  });

  it('refuses a package whose closing line disagrees with its messages (count or newest stamp), or with a column that does not exist, and changes nothing', async () => {
    const id = sessionId(9002);
    await write(team, session(id, 'KLB-M9002', CP, '2024-06-08', KULOB));
    const [create] = messagesOf(team, id);
    const before = await dumpOf(cp);
    const reason = (p: Promise<unknown>) => p.then(() => 'applied', (e: unknown) => (e instanceof PackageRefused ? e.reason : String(e)));
    expect(await reason(importPackage(cp, await forged([create!], 2)))).toBe('badContent');
    // The closing line's newest stamp must be the newest message's.
    expect(await reason(importPackage(cp, await forged([create!], 1, null)))).toBe('badContent');
    const bad = create!.replace('"village":', '"no_such_column":');
    expect(await reason(importPackage(cp, await forged([bad])))).toBe('badContent');
    expect(await dumpOf(cp)).toEqual(before);
    expect(cp.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
