import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/api/errors';

// The database is encrypted with a random 256-bit key. That key is stored only wrapped (AES-256-GCM)
// by a key derived from a user's passphrase with Argon2id, in a "keyring" file beside the database.
// One slot per user: adding or resetting a user adds or replaces a slot, never re-encrypts the data.

const ARGON2ID = 2 as Algorithm;

export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's Argon2id baseline is 19 MiB / t=2; we take 64 MiB / t=3 (about half a second on a laptop). */
export const DEFAULT_KDF: KdfParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };

const slotSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  username: z.string(),
  createdAt: z.string(),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8),
    iterations: z.number().int().min(1),
    parallelism: z.number().int().min(1),
    salt: z.string(),
  }),
  cipher: z.object({ algorithm: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), wrappedKey: z.string() }),
});
const keyringSchema = z.object({
  format: z.literal('legal-aid-desk/keyring'),
  version: z.literal(1),
  databaseId: z.string(),
  createdAt: z.string(),
  slots: z.array(slotSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;
export type KeySlot = z.infer<typeof slotSchema>;

export function keyringPathFor(dbPath: string): string {
  return `${dbPath}.keys.json`;
}

async function deriveKek(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt,
  });
}

async function makeSlot(
  databaseId: string,
  dbKey: Buffer,
  who: { userId: string | null; username: string },
  passphrase: string,
  kdf: KdfParams,
): Promise<KeySlot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await deriveKek(passphrase, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`${databaseId}:${id}`));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    id,
    userId: who.userId,
    username: who.username,
    createdAt: new Date().toISOString(),
    kdf: { algorithm: 'argon2id', ...kdf, salt: salt.toString('base64') },
    cipher: {
      algorithm: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    },
  };
}

export async function createKeyring(
  who: { userId: string | null; username: string },
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<{ keyring: Keyring; dbKey: Buffer }> {
  const dbKey = randomBytes(32);
  const databaseId = randomUUID();
  const slot = await makeSlot(databaseId, dbKey, who, passphrase, kdf);
  return {
    dbKey,
    keyring: { format: 'legal-aid-desk/keyring', version: 1, databaseId, createdAt: new Date().toISOString(), slots: [slot] },
  };
}

export function readKeyring(path: string): Keyring {
  if (!existsSync(path)) throw new AppError('NO_DATABASE', 'The key file beside the database is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('DATABASE_CORRUPT', 'The key file beside the database is not readable');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new AppError('DATABASE_CORRUPT', 'The key file beside the database is damaged');
  return result.data;
}

/** Writes via a temporary file and rename, so a crash never leaves a half-written key file. */
export function writeKeyring(path: string, keyring: Keyring): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(keyring, null, 2)}\n`, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function findSlot(keyring: Keyring, username: string): KeySlot | undefined {
  const wanted = username.normalize('NFC').toLocaleLowerCase();
  return keyring.slots.find((s) => s.username.normalize('NFC').toLocaleLowerCase() === wanted);
}

/**
 * The database key for this user and passphrase. A wrong passphrase and an unknown user give the same
 * error, so the key file does not tell a guesser which user names exist.
 */
export async function unwrapKey(keyring: Keyring, username: string, passphrase: string): Promise<{ dbKey: Buffer; slot: KeySlot }> {
  const slot = findSlot(keyring, username);
  if (!slot) {
    // Spend the same effort as a real attempt before refusing: the derivation of a real slot's cost.
    const dummy = keyring.slots[0]?.kdf ?? DEFAULT_KDF;
    await deriveKek(passphrase, randomBytes(16), dummy);
    throw new AppError('WRONG_PASSPHRASE', 'Wrong user name or passphrase');
  }
  const kek = await deriveKek(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.cipher.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${keyring.databaseId}:${slot.id}`));
    decipher.setAuthTag(Buffer.from(slot.cipher.tag, 'base64'));
    const dbKey = Buffer.concat([decipher.update(Buffer.from(slot.cipher.wrappedKey, 'base64')), decipher.final()]);
    return { dbKey, slot };
  } catch {
    throw new AppError('WRONG_PASSPHRASE', 'Wrong user name or passphrase');
  }
}

/** Adds (or replaces) the slot of a user: used when an administrator creates or resets a user. */
export async function setUserSlot(
  keyring: Keyring,
  dbKey: Buffer,
  who: { userId: string | null; username: string },
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<Keyring> {
  const slot = await makeSlot(keyring.databaseId, dbKey, who, passphrase, kdf);
  const others = keyring.slots.filter((s) => s !== findSlot(keyring, who.username));
  return { ...keyring, slots: [...others, slot] };
}

export function removeUserSlot(keyring: Keyring, username: string): Keyring {
  const slot = findSlot(keyring, username);
  return { ...keyring, slots: keyring.slots.filter((s) => s !== slot) };
}
