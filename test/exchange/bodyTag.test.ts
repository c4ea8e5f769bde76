import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage } from '../../electron/exchange/exchangeService';
import { PackageRefused } from '../../electron/exchange/refusal';
import { tempDir } from '../support/temp';
import { canonicalDump, installation, pack, pair, write } from './network';
import { client, contactPoint, KULOB } from './records';

// The package's file is read twice: once for the sender's signature, then for its body. Someone able to
// change the file in between (the desktop's download folder, a shared stick left in the laptop) would
// pass the first check with the genuine file and feed the second with another. The body's own
// authentication tag (AES-GCM) closes that gap: it is checked once the body is read to its end, before
// the merge commits. Here the signature check is let through, as a swapped file would pass it.
vi.mock('../../electron/exchange/packageFile', async (original) => ({
  ...(await original<typeof import('../../electron/exchange/packageFile')>()),
  verifySignature: async () => undefined,
}));

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;
let genuine: Buffer;

beforeAll(async () => {
  dir = tempDir('lad-tag-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
  await write(team, contactPoint('0190a000-0000-7000-8000-0000000000da', 'KLB', KULOB));
  await write(team, client({ id: '0190a000-0000-7000-8000-0000000000db', surname: 'Назарова', givenName: 'Мавҷуда', patronymic: '', birthDate: '1988-01-02', phone: '+992917770303', doc: 'B3' }));
  genuine = (await pack(team, cp)).file;
});

afterAll(async () => {
  for (const db of [cp, team]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

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
