import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrapKey, type Keyring } from '../../db/keyring';
import { ADMIN, FAST_KDF, createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const PASS = 'a long enough password 1';
const keyFile = () => join(t.dir, 'legal-aid.db.keys.json');
const readKeys = (): Keyring => JSON.parse(readFileSync(keyFile(), 'utf8')) as Keyring;
const writeKeys = (k: unknown) => writeFileSync(keyFile(), JSON.stringify(k));

async function unlockAs(username: string, passphrase: string) {
  await t.call('login:lock', {});
  return t.raw('login:unlock', { username, passphrase });
}

describe('a key slot is bound to its user', () => {
  it('refuses a slot whose user id was changed to the administrator’s, saying the key file was altered', async () => {
    t = await createTestApp();
    await t.call('users:create', { username: 'analyst1', displayName: 'Analyst', role: 'analyst', password: PASS, passwordConfirm: PASS });
    const keys = readKeys();
    const admin = keys.slots.find((s) => s.username === ADMIN.username)!;
    const analyst = keys.slots.find((s) => s.username === 'analyst1')!;
    writeKeys({ ...keys, slots: [admin, { ...analyst, userId: admin.userId }] });
    expect(await unlockAs('analyst1', PASS)).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_ALTERED' } });
    // A wrong passphrase is still told apart from an altered slot.
    expect(await t.raw('login:unlock', { username: 'analyst1', passphrase: 'not the password at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await t.raw('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: true });
  });

  it('refuses a slot whose user name was changed', async () => {
    t = await createTestApp();
    await t.call('users:create', { username: 'analyst1', displayName: 'Analyst', role: 'analyst', password: PASS, passwordConfirm: PASS });
    const keys = readKeys();
    writeKeys({ ...keys, slots: keys.slots.map((s) => (s.username === 'analyst1' ? { ...s, username: 'analyst2' } : s)) });
    expect(await unlockAs('analyst2', PASS)).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_ALTERED' } });
  });

  it('opens a key file of the first format and binds its slot to the user at that unlock', async () => {
    t = await createTestApp();
    const keys = readKeys();
    const slot = keys.slots[0]!;
    const { dbKey } = await unwrapKey(keys, ADMIN.username, ADMIN.passphrase);
    writeKeys({ format: 'legal-aid-desk/keyring', version: 1, databaseId: keys.databaseId, createdAt: keys.createdAt, slots: [await firstFormatSlot(keys.databaseId, slot, ADMIN.passphrase, dbKey)] });

    expect(await unlockAs(ADMIN.username, ADMIN.passphrase)).toMatchObject({ ok: true });
    const upgraded = readKeys();
    expect(upgraded.version).toBe(2);
    expect(upgraded.slots).toHaveLength(1);
    expect(upgraded.slots[0]).toMatchObject({ format: 2, username: ADMIN.username, userId: slot.userId });
    expect(await unlockAs(ADMIN.username, ADMIN.passphrase)).toMatchObject({ ok: true });
  });
});

describe('a key slot of the first format is bound to its user before its own user unlocks', () => {
  /** A key file of the first format with the administrator's and an analyst's slots. */
  async function firstFormatKeys() {
    t = await createTestApp();
    await t.call('users:create', { username: 'analyst1', displayName: 'Analyst', role: 'analyst', password: PASS, passwordConfirm: PASS });
    const keys = readKeys();
    const { dbKey } = await unwrapKey(keys, ADMIN.username, ADMIN.passphrase);
    const admin = await firstFormatSlot(keys.databaseId, keys.slots.find((s) => s.username === ADMIN.username)!, ADMIN.passphrase, dbKey);
    const analyst = await firstFormatSlot(keys.databaseId, keys.slots.find((s) => s.username === 'analyst1')!, PASS, dbKey);
    await t.call('login:lock', {});
    writeKeys({ format: 'legal-aid-desk/keyring', version: 1, databaseId: keys.databaseId, createdAt: keys.createdAt, slots: [admin, analyst] });
    return { admin, analyst };
  }

  it('refuses an analyst’s slot whose user id was changed to the administrator’s', async () => {
    const { admin, analyst } = await firstFormatKeys();
    writeKeys({ ...readKeys(), slots: [admin, { ...analyst, userId: admin.userId }] });
    expect(await t.raw('login:unlock', { username: 'analyst1', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_ALTERED' } });
    expect(await t.raw('login:unlock', { username: 'analyst1', passphrase: 'not the password at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });

  it('after anyone’s unlock, refuses a slot given the administrator’s user id and name in place of the administrator’s', async () => {
    const { admin, analyst } = await firstFormatKeys();
    // The administrator's unlock upgrades the administrator's slot and binds the analyst's to the analyst.
    expect(await t.raw('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: true });
    await t.call('login:lock', {});
    const keys = readKeys();
    const bound = keys.slots.find((s) => s.id === analyst.id)!;
    expect(bound).toHaveProperty('binding');
    // The analyst's slot dressed as the administrator's (who is no longer in the file): the database
    // would agree that this id has this name, but the binding no longer matches.
    writeKeys({ ...keys, slots: [{ ...bound, userId: admin.userId, username: ADMIN.username }] });
    expect(await t.raw('login:unlock', { username: ADMIN.username, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_ALTERED' } });
    // Without its binding it is refused as well: the database remembers that the slots were bound.
    const { binding: _dropped, ...stripped } = bound as typeof bound & { binding?: string };
    writeKeys({ ...keys, slots: [{ ...stripped, userId: admin.userId, username: ADMIN.username }] });
    expect(await t.raw('login:unlock', { username: ADMIN.username, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_ALTERED' } });
    // Untouched, the bound slot opens for its own user, who then gets a slot of the current format.
    writeKeys(keys);
    expect(await t.raw('login:unlock', { username: 'analyst1', passphrase: PASS })).toMatchObject({ ok: true, value: { user: { username: 'analyst1', role: 'analyst' } } });
    expect(readKeys().slots.every((s) => 'format' in s)).toBe(true);
  });
});

/** A slot of the first format, as earlier versions wrote it: the database key under the passphrase key, bound to the database and slot ids only. */
async function firstFormatSlot(databaseId: string, slot: { id: string; userId: string | null; username: string; createdAt: string }, passphrase: string, dbKey: Buffer) {
  const salt = randomBytes(16);
  const kek = await hashRaw(passphrase, { algorithm: 2 as Algorithm, memoryCost: FAST_KDF.memoryKiB, timeCost: FAST_KDF.iterations, parallelism: 1, outputLen: 32, salt });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from(`${databaseId}:${slot.id}`));
  const wrappedKey = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    id: slot.id,
    userId: slot.userId,
    username: slot.username,
    createdAt: slot.createdAt,
    kdf: { algorithm: 'argon2id', ...FAST_KDF, salt: salt.toString('base64') },
    cipher: { algorithm: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrappedKey.toString('base64') },
  };
}
