import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { newClient } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

describe('login', () => {
  it('starts with no database, creates one and reports the administrator', async () => {
    t = await createTestApp({ unlocked: false });
    expect((await t.call('app:status', {})).state).toBe('no-database');
    const status = await t.call('login:create', { ...ADMIN, passphraseConfirm: ADMIN.passphrase, installationName: 'Нуқтаи Ваҳдат' });
    expect(status.state).toBe('unlocked');
    expect(status.user).toMatchObject({ username: 'admin', role: 'administrator' });
    expect(status.installation?.name).toBe('Нуқтаи Ваҳдат');
    expect(status.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('creates the contact point named at first run and makes it the installation\'s own', async () => {
    t = await createTestApp({ unlocked: false });
    const status = await t.call('login:create', {
      ...ADMIN,
      passphraseConfirm: ADMIN.passphrase,
      installationName: 'Нуқтаи тамоси Ваҳдат',
      contactPointCode: 'VHD-01',
      districtId: 'su-khujand',
      establishedOn: '2024-03-01',
    });
    const points = await t.call('contactPoints:list', { includeClosed: true });
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ code: 'VHD-01', name: 'Нуқтаи тамоси Ваҳдат', districtId: 'su-khujand', establishedOn: '2024-03-01', isOwn: true });
    expect(status.installation?.contactPointId).toBe(points[0]!.id);
    // A case opened next is numbered after the contact point.
    const opened = await t.call('cases:save', { clientId: await newClient(t), caseType: 'alimony_share', openedOn: '2024-05-02' });
    expect(opened.case.number).toBe('VHD-01-2024-0001');
  });

  it('names the missing district of the contact point at first run, and creates nothing', async () => {
    t = await createTestApp({ unlocked: false });
    const res = await t.raw('login:create', { ...ADMIN, passphraseConfirm: ADMIN.passphrase, installationName: 'X', contactPointCode: 'X-1', districtId: '' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'districtId', key: 'required' }] } });
    expect((await t.call('app:status', {})).state).toBe('no-database');
  });

  it('creates no contact point when none is named (a mobile team or the hub)', async () => {
    t = await createTestApp({ unlocked: false });
    const status = await t.call('login:create', { ...ADMIN, passphraseConfirm: ADMIN.passphrase, installationName: 'Гурӯҳи сайёр' });
    expect(status.installation?.contactPointId).toBeNull();
    expect(await t.call('contactPoints:list', { includeClosed: true })).toEqual([]);
  });

  it('locks, refuses a wrong passphrase with WRONG_PASSPHRASE, and unlocks with the right one', async () => {
    t = await createTestApp();
    expect((await t.call('login:lock', {})).state).toBe('locked');
    const wrong = await t.raw('login:unlock', { username: 'admin', passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const unknownUser = await t.raw('login:unlock', { username: 'nobody', passphrase: ADMIN.passphrase });
    expect(unknownUser).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const status = await t.call('login:unlock', { username: 'ADMIN', passphrase: ADMIN.passphrase });
    expect(status.state).toBe('unlocked');
    expect(status.user?.username).toBe('admin');
  });

  it('slows down repeated wrong passphrases', async () => {
    t = await createTestApp();
    await t.call('login:lock', {});
    for (let i = 0; i < 3; i++) await t.raw('login:unlock', { username: 'admin', passphrase: 'wrong wrong wrong' });
    const blocked = await t.raw('login:unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('refuses to create a second database over the first', async () => {
    t = await createTestApp();
    const again = await t.raw('login:create', { ...ADMIN, passphraseConfirm: ADMIN.passphrase, installationName: 'X' });
    expect(again).toMatchObject({ ok: false, error: { code: 'DATABASE_EXISTS' } });
  });

  it('names each invalid field of the setup form', async () => {
    t = await createTestApp({ unlocked: false });
    const res = await t.raw('login:create', { username: 'a b', displayName: '', passphrase: 'short', passphraseConfirm: 'other', installationName: 'X' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    const byPath = Object.fromEntries((res.error.fields ?? []).map((f) => [f.path, f.key]));
    expect(byPath).toMatchObject({ username: 'usernameChars', displayName: 'required', passphrase: 'passphraseTooShort' });
  });

  it('refuses personal-data channels while locked and unknown channels always', async () => {
    t = await createTestApp({ unlocked: false });
    expect(await t.raw('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('remembers the chosen language across restarts', async () => {
    t = await createTestApp({ unlocked: false });
    expect((await t.call('app:status', {})).language).toBe('tg');
    await t.call('prefs:setLanguage', { language: 'ru' });
    const again = await createTestApp({ unlocked: false, dir: t.dir });
    expect((await again.call('app:status', {})).language).toBe('ru');
    await again.cleanup();
  });
});
