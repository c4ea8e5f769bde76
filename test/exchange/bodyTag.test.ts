import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { PackageRefused } from '../../electron/exchange/refusal';
import { canonicalDump, pack, teamWithOneClient } from './network';

// The package's file is read twice: once for the sender's signature, then for its body. Someone able to
// change the file in between (the desktop's download folder, a shared stick left in the laptop) would
// pass the first check with the genuine file and feed the second with another. The body's own
// authentication tag (AES-GCM) closes that gap: it is checked once the body is read to its end, before
// the merge commits. Here the signature check is let through, as a swapped file would pass it.
vi.mock('../../electron/exchange/packageFile', async (original) => ({
  ...(await original<typeof import('../../electron/exchange/packageFile')>()),
  verifySignature: async () => undefined,
}));

let cp: UnlockedDatabase, team: UnlockedDatabase;
let close: () => Promise<void>;
let genuine: Buffer;

beforeAll(async () => {
  ({ cp, team, close } = await teamWithOneClient('lad-tag-'));
  genuine = (await pack(team, cp)).file;
});

afterAll(() => close?.());

describe("a full package's body is authenticated to its end", () => {
  it('refuses a package whose authentication tag does not match its body, and applies nothing', async () => {
    const before = await canonicalDump(cp.db);
    const swapped = Buffer.from(genuine);
    // The tag: the body's last 16 bytes, just before the 64-byte signature.
    const tagAt = swapped.length - 64 - 16;
    swapped[tagAt] = swapped[tagAt]! ^ 0x01;
    const outcome = await importPackage(cp, swapped).then(
      () => 'applied',
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(PackageRefused);
    expect((outcome as PackageRefused).reason).toBe('cannotDecrypt');
    expect(await canonicalDump(cp.db)).toEqual(before);
  });

  it('applies the genuine package', async () => {
    const result = await importPackage(cp, genuine);
    expect(result.alreadyApplied).toBe(false);
    const names = await cp.db.selectFrom('clients').select('surname').execute();
    expect(names.map((n) => n.surname)).toContain('Назарова');
  });
});
