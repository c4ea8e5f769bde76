import { hashRaw, type Algorithm } from '@node-rs/argon2';
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/api/errors';

// The database is encrypted with a random 256-bit key kept only wrapped, in a "keyring" file beside the
// database, with one slot per active user.
//
// A slot (format 2) holds:
//  - the user's X25519 key pair: the public key in clear, the private key encrypted (AES-256-GCM) under a
//    key derived from the user's passphrase with Argon2id;
//  - the database key sealed to that public key (an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM).
// Unlocking: passphrase → private key → database key. Rotating the database key needs only the public
// keys, so an administrator gives the database a new key and seals it for every remaining user without
// knowing their passphrases. A disabled user's slot is deleted, and a changed or reset password gets a
// new key pair, so an old passphrase with an old copy of the key file (or a backup's) unwraps only the
// old database key, which the live database no longer accepts.
//
// Both encryptions take the slot's database id, slot id, user id, user name and public key as
// authenticated data: editing any of them (say, giving an analyst's slot the administrator's user id)
// makes the slot fail to open. A passphrase check (HMAC under the passphrase key) tells a wrong
// passphrase from an altered slot, so the user is told which it is; it offers a guesser nothing the
// encrypted private key does not already offer.
//
// Format 1 slots (the database key wrapped directly under the passphrase key, bound only to the database
// and slot ids) still open; the next successful unlock by their own user replaces the slot with a format
// 2 one. Until then their user id and name are not covered by the wrapping, and a slot can only be
// rewrapped by someone who knows its passphrase. So every unlock, by any user (all hold the database key),
// binds each format 1 slot to its user with a MAC (`binding`) under a key derived from the database key,
// over the database id, slot id, user id and user name, once the database confirms that this user id
// carries this name; a slot not yet bound is held to that same check at its own unlock. An edit of a
// bound slot fails the MAC, an edit of an unbound one fails the check against the database: either way
// the unlock is refused as KEY_SLOT_ALTERED. (The role lives in the database, never in the slot.)

const ARGON2ID = 2 as Algorithm;

export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's Argon2id baseline is 19 MiB / t=2; we take 64 MiB / t=3 (about half a second on a laptop). */
export const DEFAULT_KDF: KdfParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const slotBase = {
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
};
const legacySlotSchema = z.object({
  ...slotBase,
  binding: z.string().optional(),
  cipher: z.object({ algorithm: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), wrappedKey: z.string() }),
});
const boundSlotSchema = z.object({
  ...slotBase,
  format: z.literal(2),
  passphraseCheck: z.string(),
  publicKey: z.string(),
  privateKey: sealedSchema,
  databaseKey: sealedSchema.extend({ ephemeralPublicKey: z.string() }),
});
const slotSchema = z.union([boundSlotSchema, legacySlotSchema]);
const keyringSchema = z.object({
  format: z.literal('legal-aid-desk/keyring'),
  version: z.union([z.literal(1), z.literal(2)]),
  databaseId: z.string(),
  createdAt: z.string(),
  /** When the database last got a new key: backups made before it are under a revoked key. */
  rotatedAt: z.string().optional(),
  slots: z.array(slotSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;
export type KeySlot = z.infer<typeof slotSchema>;
export type BoundSlot = z.infer<typeof boundSlotSchema>;
type LegacySlot = z.infer<typeof legacySlotSchema>;
type Sealed = z.infer<typeof sealedSchema>;
type Who = { userId: string | null; username: string };

export const isBoundSlot = (slot: KeySlot): slot is BoundSlot => 'format' in slot;

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

function slotAad(databaseId: string, slot: { id: string; userId: string | null; username: string; publicKey: string }): Buffer {
  return Buffer.from(JSON.stringify(['legal-aid-desk/slot/2', databaseId, slot.id, slot.userId, slot.username, slot.publicKey]));
}

function seal(key: Buffer, plain: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Throws (any error) when the key is wrong or anything authenticated was altered. */
function open(key: Buffer, sealed: Sealed, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(aad);
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

const passphraseCheck = (kek: Buffer) => createHmac('sha256', kek).update('legal-aid-desk/passphrase-check').digest();

function derToPublic(b64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
}

/** The key that seals the database key to one user's public key, from an X25519 exchange. */
function sealingKey(shared: Buffer, ephemeralPublicKey: string, publicKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(ephemeralPublicKey + publicKey), 'legal-aid-desk/database-key', 32));
}

function sealDatabaseKey(databaseId: string, slot: Omit<BoundSlot, 'databaseKey'>, dbKey: Buffer): BoundSlot {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = ephemeral.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: derToPublic(slot.publicKey) });
  const sealed = seal(sealingKey(shared, ephemeralPublicKey, slot.publicKey), dbKey, slotAad(databaseId, slot));
  return { ...slot, databaseKey: { ...sealed, ephemeralPublicKey } };
}

async function makeSlot(databaseId: string, dbKey: Buffer, who: Who, passphrase: string, kdf: KdfParams): Promise<BoundSlot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await deriveKek(passphrase, salt, kdf);
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const bound = { id, userId: who.userId, username: who.username, publicKey };
  const privateDer = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  return sealDatabaseKey(
    databaseId,
    {
      ...bound,
      createdAt: new Date().toISOString(),
      format: 2,
      kdf: { algorithm: 'argon2id', ...kdf, salt: salt.toString('base64') },
      passphraseCheck: passphraseCheck(kek).toString('base64'),
      privateKey: seal(kek, privateDer, slotAad(databaseId, bound)),
    },
    dbKey,
  );
}

export async function createKeyring(who: Who, passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<{ keyring: Keyring; dbKey: Buffer }> {
  const dbKey = randomBytes(32);
  const databaseId = randomUUID();
  const slot = await makeSlot(databaseId, dbKey, who, passphrase, kdf);
  return {
    dbKey,
    keyring: { format: 'legal-aid-desk/keyring', version: 2, databaseId, createdAt: new Date().toISOString(), slots: [slot] },
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
  return keyring.slots.find((s) => sameUsername(s.username, username));
}

const wrongPassphrase = () => new AppError('WRONG_PASSPHRASE', 'Wrong user name or passphrase');
export const slotAltered = () => new AppError('KEY_SLOT_ALTERED', "This user's entry in the key file has been altered and cannot be used");

/** Whether two user names are the same for the key file (as the unlock finds a slot by name). */
export function sameUsername(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

/** The MAC binding a format 1 slot to its user, under a key only the database key gives. */
function legacyBinding(databaseId: string, slot: LegacySlot, dbKey: Buffer): Buffer {
  const key = Buffer.from(hkdfSync('sha256', dbKey, Buffer.from(databaseId), 'legal-aid-desk/slot-binding', 32));
  return createHmac('sha256', key).update(JSON.stringify(['legal-aid-desk/slot-binding/1', databaseId, slot.id, slot.userId, slot.username])).digest();
}

function unwrapLegacy(keyring: Keyring, slot: LegacySlot, kek: Buffer): Buffer {
  let dbKey: Buffer;
  try {
    const c = slot.cipher;
    dbKey = open(kek, { iv: c.iv, tag: c.tag, data: c.wrappedKey }, Buffer.from(`${keyring.databaseId}:${slot.id}`));
  } catch {
    throw wrongPassphrase();
  }
  if (slot.binding !== undefined) {
    const given = Buffer.from(slot.binding, 'base64');
    const expected = legacyBinding(keyring.databaseId, slot, dbKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw slotAltered();
  }
  return dbKey;
}

/**
 * Binds the format 1 slots not bound yet to their users (see the top of this file); `owns` says whether
 * the database has this slot's user id with this user name. Returns the same object when nothing changed.
 */
export function bindLegacySlots(keyring: Keyring, dbKey: Buffer, owns: (slot: KeySlot) => boolean): Keyring {
  const unbound = (s: KeySlot): s is LegacySlot => !isBoundSlot(s) && s.binding === undefined && owns(s);
  if (!keyring.slots.some(unbound)) return keyring;
  const slots = keyring.slots.map((s) => (unbound(s) ? { ...s, binding: legacyBinding(keyring.databaseId, s, dbKey).toString('base64') } : s));
  return { ...keyring, slots };
}

function unwrapBound(keyring: Keyring, slot: BoundSlot, kek: Buffer): Buffer {
  const check = Buffer.from(slot.passphraseCheck, 'base64');
  const expected = passphraseCheck(kek);
  if (check.length !== expected.length || !timingSafeEqual(check, expected)) throw wrongPassphrase();
  try {
    const aad = slotAad(keyring.databaseId, slot);
    const privateKey = createPrivateKey({ key: open(kek, slot.privateKey, aad), format: 'der', type: 'pkcs8' });
    const sealed = slot.databaseKey;
    const shared = diffieHellman({ privateKey, publicKey: derToPublic(sealed.ephemeralPublicKey) });
    return open(sealingKey(shared, sealed.ephemeralPublicKey, slot.publicKey), sealed, aad);
  } catch {
    throw slotAltered();
  }
}

/**
 * The database key for this user and passphrase. A wrong passphrase and an unknown user give the same
 * error, so the key file does not tell a guesser which user names exist. `upgrade` is set when the slot
 * is in the old format: the caller writes it once the database has opened with the key.
 */
export async function unwrapKey(
  keyring: Keyring,
  username: string,
  passphrase: string,
): Promise<{ dbKey: Buffer; slot: KeySlot; upgrade?: (who: Who) => Promise<Keyring> }> {
  const slot = findSlot(keyring, username);
  if (!slot) {
    // Spend the same effort as a real attempt before refusing: the derivation of a real slot's cost.
    const dummy = keyring.slots[0]?.kdf ?? DEFAULT_KDF;
    await deriveKek(passphrase, randomBytes(16), dummy);
    throw wrongPassphrase();
  }
  const kek = await deriveKek(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  if (isBoundSlot(slot)) return { dbKey: unwrapBound(keyring, slot, kek), slot };
  const dbKey = unwrapLegacy(keyring, slot, kek);
  const { memoryKiB, iterations, parallelism } = slot.kdf;
  return { dbKey, slot, upgrade: (who) => setUserSlot(keyring, dbKey, who, passphrase, { memoryKiB, iterations, parallelism }) };
}

/** Adds (or replaces) the slot of a user: used when an administrator creates or resets a user. */
export async function setUserSlot(keyring: Keyring, dbKey: Buffer, who: Who, passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<Keyring> {
  const slot = await makeSlot(keyring.databaseId, dbKey, who, passphrase, kdf);
  const others = keyring.slots.filter((s) => s !== findSlot(keyring, who.username));
  return { ...keyring, version: 2, slots: [...others, slot] };
}

/** Whether the key file holds a slot for this user (slots made before users had ids name the user instead). */
export function hasSlot(keyring: Keyring, user: { id: string; username: string }): boolean {
  return keyring.slots.some((s) => (s.userId === null ? sameUsername(s.username, user.username) : s.userId === user.id));
}

export function removeUserSlot(keyring: Keyring, username: string): Keyring {
  const slot = findSlot(keyring, username);
  return { ...keyring, slots: keyring.slots.filter((s) => s !== slot) };
}

/**
 * The key file for a new database key: sealed for the slots `keep` accepts, from their public keys alone.
 * Old-format slots have no public key and cannot be carried over; their users are returned so an
 * administrator can give them a new password.
 */
export function resealKeyring(keyring: Keyring, newKey: Buffer, keep: (slot: KeySlot) => boolean): { keyring: Keyring; dropped: string[] } {
  const kept = keyring.slots.filter(keep);
  const dropped = kept.filter((s) => !isBoundSlot(s)).map((s) => s.username);
  const slots = kept.filter(isBoundSlot).map((s) => sealDatabaseKey(keyring.databaseId, s, newKey));
  return { keyring: { ...keyring, version: 2, rotatedAt: new Date().toISOString(), slots }, dropped };
}
