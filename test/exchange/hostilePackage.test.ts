import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { PackageRefused } from '../../electron/exchange/refusal';
import { canonicalDump, pack, teamWithOneClient } from './network';

// Random damage to a genuine package, and random bytes: the importer refuses with a reason (never a
// crash, never another kind of error) and changes nothing.

let cp: UnlockedDatabase, team: UnlockedDatabase;
let close: () => Promise<void>;
let genuine: Buffer;

beforeAll(async () => {
  ({ cp, team, close } = await teamWithOneClient('lad-fuzz-'));
  genuine = (await pack(team, cp)).file;
});

afterAll(() => close?.());

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
