import { describe, expect, it, vi } from 'vitest';
import { createKeyring, unwrapKey } from '../../db/keyring';

// An unknown user name must cost what a real one costs, or the answer's speed tells a guesser which
// names exist: the same Argon2 derivation, with a real slot's parameters, is run before refusing.

const hashRaw = vi.hoisted(() => ({ spy: undefined as unknown as ReturnType<typeof vi.fn> }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  hashRaw.spy = vi.fn(real.hashRaw);
  return { ...real, hashRaw: hashRaw.spy };
});

describe('an unknown user name', () => {
  it('runs the same key derivation as a known one before being refused', async () => {
    const kdf = { memoryKiB: 2048, iterations: 2, parallelism: 1 };
    const { keyring } = await createKeyring({ userId: null, username: 'admin' }, 'correct horse battery staple', kdf);
    hashRaw.spy.mockClear();
    await expect(unwrapKey(keyring, 'admin', 'wrong passphrase here')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const known = hashRaw.spy.mock.calls.map(([, options]) => ({ ...options, salt: undefined }));
    hashRaw.spy.mockClear();
    await expect(unwrapKey(keyring, 'nobody', 'wrong passphrase here')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const unknown = hashRaw.spy.mock.calls.map(([, options]) => ({ ...options, salt: undefined }));
    expect(unknown).toEqual(known);
    expect(unknown).toEqual([expect.objectContaining({ memoryCost: 2048, timeCost: 2 })]);
  });
});
