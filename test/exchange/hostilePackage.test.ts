import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { PackageRefused } from '../../electron/exchange/refusal';
import { tempDir } from '../support/temp';
import { canonicalDump, installation, pack, pair, write } from './network';
import { client, contactPoint, KULOB } from './records';

// Random damage to a genuine package, and random bytes: the importer refuses with a reason (never a
// crash, never another kind of error) and changes nothing.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;
let genuine: Buffer;

beforeAll(async () => {
  dir = tempDir('lad-fuzz-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
  await write(team, contactPoint('0190a000-0000-7000-8000-0000000000ca', 'KLB', KULOB));
  await write(team, client({ id: '0190a000-0000-7000-8000-0000000000cb', surname: 'Назарова', givenName: 'Мавҷуда', patronymic: '', birthDate: '1988-01-02', phone: '+992917770202', doc: 'B2' }));
  genuine = (await pack(team, cp)).file;
});

afterAll(async () => {
  for (const db of [cp, team]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const damaged = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
    const b = Buffer.from(genuine);
    b[i % b.length] = b[i % b.length]! ^ x;
    return b;
  }),
  fc.nat().map((n) => genuine.subarray(0, n % genuine.length)),
  fc.uint8Array({ maxLength: 4096 }).map((u) => Buffer.from(u)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((u) => Buffer.concat([genuine, Buffer.from(u)])),
);

describe('hostile packages at the package importer', () => {
  it('refuses every damaged package with a reason and changes nothing', async () => {
    const before = await canonicalDump(cp.db);
    await fc.assert(
      fc.asyncProperty(damaged, async (file) => {
        const outcome = await importPackage(cp, file).then(
          () => 'applied',
          (e: unknown) => e,
        );
        expect(outcome).toBeInstanceOf(PackageRefused);
        expect((outcome as PackageRefused).reason).toMatch(/\w+/);
      }),
      { numRuns: 60 },
    );
    expect(await canonicalDump(cp.db)).toEqual(before);
  });
});
