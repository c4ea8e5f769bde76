import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRow } from '../../db/write';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage, writePackage } from '../../electron/exchange/exchangeService';
import { ownKeys } from '../../electron/exchange/identity';
import { witnessFor } from '../../electron/exchange/auditWitness';
import { bodyLines, bufferSource, generateKeys, readEnvelope, sealPackage, verifySignature } from '../../electron/exchange/packageFile';
import { PackageRefused } from '../../electron/exchange/refusal';
import { tempDir } from '../support/temp';
import { installation, pair, write } from './network';
import { contactPoint, KULOB, session } from './records';

// The streamed format made the package's lines travel as bytes (read by SQLite, compressed off the main thread, split
// without one string per block) and stores each message's values as the sender wrote them. What a user
// relies on: a package arrives whole and in order, a relayed change is the same change, and a line
// written by another program is still understood.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase, hub2: UnlockedDatabase;
const CP = '0190b000-0000-7000-8000-0000000001aa';
const sessionId = (i: number) => `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`;

beforeAll(async () => {
  dir = tempDir('lad-lines-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  hub2 = await installation(dir, 'cp2', 'contact_point');
  await pair(cp, team);
  await pair(cp, hub2);
});

afterAll(async () => {
  for (const db of [cp, team, hub2]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Logged = { hlc: string; table_name: string; row_id: string; origin: string; data: string };

/** The stored messages of some rows, as change_log holds them (data is the text as stored). */
function logOf(db: UnlockedDatabase, rowIds: string[]): Logged[] {
  const rows = db.raw
    .prepare(`SELECT hlc, table_name, row_id, origin, data FROM change_log WHERE row_id IN (${rowIds.map(() => '?').join(',')}) ORDER BY hlc`)
    .all(...rowIds) as Logged[];
  return rows;
}

describe('package lines', () => {
  it('brings a body of several compressed blocks, text and bytes mixed, back whole and in order', async () => {
    const enc = generateKeys('x25519');
    const sig = generateKeys('ed25519');
    // About 12 MB of lines with Cyrillic and Tajik letters: several blocks of 4 MB.
    const lines: string[] = [];
    for (let i = 0; i < 24_000; i++) lines.push(JSON.stringify([i, 'Ҷӯраева Гулрухсор Раҳимовна '.repeat(1 + (i % 37)), 'x'.repeat(i % 101)]));
    const file = await sealPackage({
      header: { packageId: 'p-lines', kind: 'full', sender: 'a', recipient: 'b', created: new Date().toISOString(), counts: {} },
      lines: lines.map((l, i) => (i % 2 ? Buffer.from(l, 'utf8') : l)),
      recipientEncPublic: enc.publicKey,
      senderSignPrivate: sig.privateKey,
    });
    const env = await readEnvelope(bufferSource(file));
    await verifySignature(env, sig.publicKey);
    const back: string[] = [];
    for await (const line of bodyLines(env, enc.privateKey, enc.publicKey)) back.push(line);
    expect(back.length).toBe(lines.length);
    expect(back).toEqual(lines);

    // One flipped byte in the middle of the body: refused before anything is read.
    const flipped = Buffer.from(file);
    flipped[Math.floor(flipped.length / 2)]! ^= 1;
    const refused = await verifySignature(await readEnvelope(bufferSource(flipped)), sig.publicKey).then(
      () => 'accepted',
      (e: unknown) => (e instanceof PackageRefused ? e.reason : String(e)),
    );
    expect(refused).toBe('badSignature');
  });

  it('relays every change byte for byte: the contact point stores and passes on exactly what the team wrote', async () => {
    await write(team, contactPoint(CP, 'KLB', KULOB));
    const ids = [CP];
    await write(team, async (ctx) => {
      for (let i = 1; i <= 30; i++) {
        ids.push(sessionId(i));
        await session(sessionId(i), `KLB-M${i}`, CP, '2024-05-06', KULOB)(ctx);
      }
    });
    // Quotes, backslashes, a line break and Tajik letters inside values.
    await write(team, (ctx) => updateRow(ctx.trx, ctx.w, 'mobile_sessions', sessionId(1), { village: 'деҳаи "Ҷилликӯл"\\ №2\nканори дарё', notes: 'қайд: 50% \u2028 тамом' }));

    const first = join(dir, 'team-cp.ladpkg');
    await writePackage(team, cp.installation.id, { kind: 'full' }, first);
    await importPackage(cp, first);
    const sent = logOf(team, ids);
    expect(sent.length).toBe(32);
    expect(logOf(cp, ids)).toEqual(sent);

    const relay = join(dir, 'cp-cp2.ladpkg');
    await writePackage(cp, hub2.installation.id, { kind: 'full' }, relay);
    await importPackage(hub2, relay);
    expect(logOf(hub2, ids)).toEqual(sent);
    const village = hub2.raw.prepare('SELECT village, notes FROM mobile_sessions WHERE id = ?').get(sessionId(1));
    expect(village).toEqual({ village: 'деҳаи "Ҷилликӯл"\\ №2\nканори дарё', notes: 'қайд: 50% \u2028 тамом' });
  });

  it('understands a message line laid out with spaces, and keeps its values as JSON', async () => {
    const id = sessionId(500);
    await write(team, session(id, 'KLB-M500', CP, '2024-07-01', KULOB));
    const [stored] = logOf(team, [id]);
    const message = [stored!.hlc, stored!.table_name, stored!.row_id, JSON.parse(stored!.data) as unknown, stored!.origin];
    const spaced = JSON.stringify(message, null, 1).replace(/\n/g, ' ');
    expect(spaced).toMatch(/^\[\s+"/);
    const teamKeys = await ownKeys(team.db);
    const file = await sealPackage({
      header: { packageId: '0190b000-0000-7000-9000-000000000500', kind: 'full', sender: team.installation.id, recipient: cp.installation.id, created: new Date().toISOString(), counts: {}, seq: { from: 0, to: 0, ack: 0 }, audit: await witnessFor(team.db, cp.installation.id, new Date().toISOString()) },
      lines: ['{}', spaced, JSON.stringify({ end: { changes: 1, newest: stored!.hlc } })],
      recipientEncPublic: (await ownKeys(cp.db)).encPublic,
      senderSignPrivate: teamKeys.signPrivate,
    });
    await importPackage(cp, file);
    expect(cp.raw.prepare('SELECT code, village FROM mobile_sessions WHERE id = ?').get(id)).toEqual({ code: 'KLB-M500', village: 'деҳаи Ғозималик' });
    const [received] = logOf(cp, [id]);
    expect(JSON.parse(received!.data)).toEqual(JSON.parse(stored!.data));
  });
});
