import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserRole } from '../../shared/domain/enums';
import { clientInput, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const PASS = 'a long enough password 1';
const NAME = 'Шарофатмоҳ';

async function addUser(username: string, role: UserRole) {
  return t.call('users:create', { username, displayName: `User ${username}`, role, password: PASS, passwordConfirm: PASS });
}
async function switchTo(username: string, password = PASS) {
  await t.call('login:lock', {});
  await t.call('login:unlock', { username, passphrase: password });
}

describe('unsaved entries (drafts)', () => {
  it('keeps what a user typed across a lock, for that user only, until it is discarded', async () => {
    t = await createTestApp();
    await addUser('lawyer2', 'lawyer');
    const kept = await t.call('drafts:put', { formKey: 'desk:session-1', values: { surname: NAME, issues: ['alimony'] } });
    await t.call('drafts:put', { formKey: 'desk:session-1', values: { surname: NAME, givenName: 'Зарина', issues: ['alimony'] } });
    // The idle lock closes the database; unlocking brings the entry back as last typed.
    await switchTo(ADMIN.username, ADMIN.passphrase);
    const back = (await t.call('drafts:get', { formKey: 'desk:session-1' })).draft;
    expect(back?.values).toEqual({ surname: NAME, givenName: 'Зарина', issues: ['alimony'] });
    expect(Date.parse(back!.savedAt)).toBeGreaterThanOrEqual(Date.parse(kept.savedAt));

    // Another lawyer at the same computer sees nothing of it.
    await switchTo('lawyer2');
    expect((await t.call('drafts:get', { formKey: 'desk:session-1' })).draft).toBeNull();
    expect(await t.call('drafts:discard', { formKey: 'desk:session-1' })).toEqual({ discarded: false });

    await switchTo(ADMIN.username, ADMIN.passphrase);
    expect(await t.call('drafts:discard', { formKey: 'desk:session-1' })).toEqual({ discarded: true });
    expect((await t.call('drafts:get', { formKey: 'desk:session-1' })).draft).toBeNull();
  });

  it('is refused to roles that may not write records', async () => {
    t = await createTestApp();
    await addUser('analyst', 'analyst');
    await addUser('viewer', 'readonly');
    for (const who of ['analyst', 'viewer']) {
      await switchTo(who);
      for (const [channel, input] of [
        ['drafts:get', { formKey: 'client:new' }],
        ['drafts:put', { formKey: 'client:new', values: { surname: NAME } }],
        ['drafts:discard', { formKey: 'client:new' }],
      ] as const) {
        expect(await t.raw(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('never enters the change log (so no exchange package) and is encrypted at rest', async () => {
    t = await createTestApp();
    const db = t.app.requireUnlocked().db;
    const before = await db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.call('drafts:put', { formKey: 'client:new', values: { surname: NAME } });
    const after = await db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await t.call('login:lock', {});
    for (const file of ['legal-aid.db', 'legal-aid.db-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(t.dir, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(NAME, 'utf8'))).toBe(false);
    }
  });

  it('goes with the erasure of the client it is about, and with a disabled user', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const id = (await t.call('clients:save', clientInput())).client.id;
    await t.call('drafts:put', { formKey: `client:${id}`, clientId: id, values: { surname: NAME } });
    await t.call('drafts:put', { formKey: 'client:new', values: { surname: 'Other' } });
    await t.call('clients:erase', { id, confirm: true });
    expect((await t.call('drafts:get', { formKey: `client:${id}` })).draft).toBeNull();
    expect((await t.call('drafts:get', { formKey: 'client:new' })).draft).not.toBeNull();

    const para = await addUser('para', 'paralegal');
    await switchTo('para');
    await t.call('drafts:put', { formKey: 'filing:case-1', values: { respondentAddress: 'Москва' } });
    await switchTo(ADMIN.username, ADMIN.passphrase);
    await t.call('users:setActive', { id: para.id, active: false });
    const left = await t.app.requireUnlocked().db.selectFrom('drafts').select('form_key').where('user_id', '=', para.id).execute();
    expect(left).toEqual([]);
  });

  it('refuses a malformed key or an oversized entry', async () => {
    t = await createTestApp();
    expect(await t.raw('drafts:put', { formKey: '../x y', values: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.raw('drafts:put', { formKey: 'client:new', values: { notes: 'x'.repeat(200_001) } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
