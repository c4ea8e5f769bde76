import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { ownKeys } from '../../electron/exchange/identity';
import { sealPackage } from '../../electron/exchange/packageFile';
import { PackageRefused } from '../../electron/exchange/refusal';
import { tempDir } from '../support/temp';
import { canonicalDump, installation, pack, pair, write } from './network';
import { client, contactPoint, KULOB } from './records';

// A damaged, cut, forged or misdirected package is refused with its reason, and nothing changes.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase, other: UnlockedDatabase, stranger: UnlockedDatabase;

async function snapshot(db: UnlockedDatabase) {
  const count = async (t: 'change_log' | 'applied_packages' | 'sync_conflicts') =>
    Number((await db.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { data: await canonicalDump(db.db), log: await count('change_log'), applied: await count('applied_packages'), conflicts: await count('sync_conflicts') };
}

async function refusedWith(db: UnlockedDatabase, file: Buffer): Promise<string> {
  const before = await snapshot(db);
  const error = await importPackage(db, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageRefused);
  expect(await snapshot(db)).toEqual(before);
  return (error as PackageRefused).reason;
}

beforeAll(async () => {
  dir = tempDir('lad-refuse-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  other = await installation(dir, 'other-team', 'mobile_team');
  stranger = await installation(dir, 'stranger', 'mobile_team');
  await pair(cp, team);
  await pair(cp, other);
  await write(team, contactPoint('0190a000-0000-7000-8000-0000000000aa', 'KLB', KULOB));
  await write(team, client({ id: '0190a000-0000-7000-8000-0000000000bb', surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: '', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' }));
});

afterAll(async () => {
  for (const db of [cp, team, other, stranger]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('refused packages', () => {
  it('refuses a flipped byte anywhere: header, body or signature', async () => {
    const { file } = await pack(team, cp);
    for (const at of [12, Math.floor(file.length / 2), file.length - 5]) {
      const bad = Buffer.from(file);
      bad[at] = bad[at]! ^ 0x01;
      expect(['badSignature', 'corrupt']).toContain(await refusedWith(cp, bad));
    }
  });

  it('refuses a cut file and a file that is not a package', async () => {
    const { file } = await pack(team, cp);
    expect(await refusedWith(cp, file.subarray(0, file.length - 100))).toBe('truncated');
    expect(await refusedWith(cp, file.subarray(0, 20))).toBe('truncated');
    expect(await refusedWith(cp, Buffer.from('PK\u0003\u0004 not a package at all, a zip file'))).toBe('notPackage');
  });

  it('refuses an unpaired sender and a package signed with a key that is not the paired one', async () => {
    await write(stranger, async (ctx) => {
      const { importPairing, pairingFile } = await import('../../electron/exchange/identity');
      await importPairing(ctx, JSON.stringify(await pairingFile(cp.db)));
    });
    expect(await refusedWith(cp, (await pack(stranger, cp)).file)).toBe('unknownSender');

    // The stranger claims to be the paired team: the signature does not match the team's key.
    const cpKeys = await ownKeys(cp.db);
    const forged = await sealPackage({
      header: { packageId: '0190a000-0000-7000-8000-0000000000ff', kind: 'full', sender: team.installation.id, recipient: cp.installation.id, created: new Date().toISOString(), counts: { changes: 0 }, seq: { from: 0, to: 0, ack: 0 } },
      lines: ['{}', JSON.stringify({ end: { changes: 0, newest: null } })],
      recipientEncPublic: cpKeys.encPublic,
      senderSignPrivate: (await ownKeys(stranger.db)).signPrivate,
    });
    expect(await refusedWith(cp, forged)).toBe('badSignature');
  });

  it('refuses a package meant for another installation', async () => {
    const forTeam = await pack(cp, team);
    expect(await refusedWith(other, forTeam.file)).toBe('notForUs');
  });

  it('refuses a contact point whose code is another record\'s here, naming the record, the field and the code', async () => {
    const a = await installation(dir, 'clash-a', 'contact_point');
    const b = await installation(dir, 'clash-b', 'mobile_team');
    try {
      await pair(a, b);
      // Both offices registered the same contact point by hand, each with a record of its own.
      await write(a, contactPoint('0190a000-0000-7000-8000-0000000000c1', 'ISF', KULOB));
      await write(b, contactPoint('0190a000-0000-7000-8000-0000000000c2', 'ISF', KULOB));
      const { file } = await pack(b, a);
      const before = await snapshot(a);
      const error = await importPackage(a, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PackageRefused);
      expect((error as PackageRefused).reason).toBe('uniqueClash');
      expect((error as PackageRefused).params).toMatchObject({ table: 'contact_points', column: 'code', value: 'ISF' });
      expect(await snapshot(a)).toEqual(before);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('accepts the intact package once; the second time changes nothing', async () => {
    const { file } = await pack(team, cp);
    const first = await importPackage(cp, file);
    expect(first.counts.applied).toBeGreaterThan(0);
    const before = await snapshot(cp);
    expect((await importPackage(cp, file)).alreadyApplied).toBe(true);
    expect(await snapshot(cp)).toEqual(before);
  });
});
