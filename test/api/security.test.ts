import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/api/contract';
import type { UserRole } from '../../shared/domain/enums';
import { translate } from '../../shared/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { ADMIN, createTestApp, inlineBytes, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const PASS = 'a long enough password 1';

async function addUser(t: TestApp, username: string, role: UserRole) {
  return t.call('users:create', { username, displayName: `User ${username}`, role, password: PASS, passwordConfirm: PASS });
}

async function switchTo(t: TestApp, username: string, password = PASS) {
  await t.call('login:lock', {});
  return t.call('login:unlock', { username, passphrase: password });
}

describe('users and key slots', () => {
  it('lets every active user open the same database with their own password, without re-encrypting it', async () => {
    t = await createTestApp();
    const dbBefore = readFileSync(join(t.dir, 'legal-aid.db.keys.json'), 'utf8');
    const lawyer = await addUser(t, 'lawyer1', 'lawyer');
    expect(lawyer).toMatchObject({ role: 'lawyer', active: true, canUnlock: true });
    const keyring = JSON.parse(readFileSync(join(t.dir, 'legal-aid.db.keys.json'), 'utf8'));
    expect(keyring.databaseId).toBe(JSON.parse(dbBefore).databaseId);
    expect(keyring.slots).toHaveLength(2);
    const status = await switchTo(t, 'lawyer1');
    expect(status.user).toMatchObject({ username: 'lawyer1', role: 'lawyer' });
    await switchTo(t, ADMIN.username, ADMIN.passphrase);
  });

  it('a disabled user can no longer unlock; enabling with a new password and resetting work', async () => {
    t = await createTestApp();
    const u = await addUser(t, 'para', 'paralegal');
    const disabled = await t.call('users:setActive', { id: u.id, active: false });
    expect(disabled).toMatchObject({ active: false, canUnlock: false });
    await t.call('login:lock', {});
    expect(await t.raw('login:unlock', { username: 'para', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await t.call('users:setActive', { id: u.id, active: true, password: 'brand new password 2' });
    await t.call('users:resetPassword', { id: u.id, password: 'third password here', passwordConfirm: 'third password here' });
    await t.call('login:lock', {});
    expect(await t.raw('login:unlock', { username: 'para', passphrase: 'brand new password 2' })).toMatchObject({ ok: false });
    expect((await t.call('login:unlock', { username: 'para', passphrase: 'third password here' })).user?.role).toBe('paralegal');
  });

  it('never leaves the database without an active administrator', async () => {
    t = await createTestApp();
    const me = (await t.call('users:list', {})).find((u) => u.username === 'admin')!;
    expect(await t.raw('users:setActive', { id: me.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('users:update', { id: me.id, displayName: 'X', role: 'lawyer' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('changes one’s own password only with the current one', async () => {
    t = await createTestApp();
    expect(await t.raw('login:changePassword', { current: 'wrong one', password: 'new password 123', passwordConfirm: 'new password 123' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await t.call('login:changePassword', { current: ADMIN.passphrase, password: 'new password 123', passwordConfirm: 'new password 123' });
    expect((await switchTo(t, 'admin', 'new password 123')).state).toBe('unlocked');
  });
});

describe('permissions are enforced in the handlers', () => {
  // One representative call per permission; inputs are valid so only the role decides.
  const someId = randomUUID();
  const calls: Record<string, [ChannelName, unknown]> = {
    readPersonal: ['clients:list', {}],
    writePersonal: ['clients:save', { surname: 'Раҳимова', givenName: 'Нигора', sex: 'F', age: 30 }],
    merge: ['clients:merge', { keepId: someId, mergeId: randomUUID() }],
    manageUsers: ['users:list', {}],
    readAudit: ['audit:list', {}],
    manageSettings: ['backups:list', {}],
  };
  const matrix: Record<UserRole, Record<keyof typeof calls, boolean>> = {
    administrator: { readPersonal: true, writePersonal: true, merge: true, manageUsers: true, readAudit: true, manageSettings: true },
    lawyer: { readPersonal: true, writePersonal: true, merge: true, manageUsers: false, readAudit: false, manageSettings: false },
    paralegal: { readPersonal: true, writePersonal: true, merge: false, manageUsers: false, readAudit: false, manageSettings: false },
    analyst: { readPersonal: false, writePersonal: false, merge: false, manageUsers: false, readAudit: false, manageSettings: false },
    readonly: { readPersonal: true, writePersonal: false, merge: false, manageUsers: false, readAudit: false, manageSettings: false },
  };

  it('follows the role matrix, and every refusal is a clear FORBIDDEN that is audited', async () => {
    t = await createTestApp();
    for (const role of ['lawyer', 'paralegal', 'analyst', 'readonly'] as const) await addUser(t, `u_${role}`, role);
    for (const [role, expected] of Object.entries(matrix) as [UserRole, Record<string, boolean>][]) {
      if (role === 'administrator') await switchTo(t, 'admin', ADMIN.passphrase);
      else await switchTo(t, `u_${role}`);
      for (const [what, [channel, input]] of Object.entries(calls)) {
        const res = await t.raw(channel, input);
        const forbidden = !res.ok && res.error.code === 'FORBIDDEN';
        expect(forbidden, `${role} ${what} (${channel})`).toBe(!expected[what]);
      }
    }
    await switchTo(t, 'admin', ADMIN.passphrase);
    const denied = await t.call('audit:list', { action: 'access.denied', limit: 500 });
    const expectedDenials = Object.values(matrix).flatMap((m) => Object.values(m)).filter((allowed) => !allowed).length;
    expect(denied.total).toBe(expectedDenials);
    expect(denied.rows.some((r) => r.username === 'u_analyst' && r.entity === 'clients:list')).toBe(true);
  });
});

describe('audit log', () => {
  it('records who did what, keeps an intact chain, and exports as CSV without personal data', async () => {
    t = await createTestApp();
    await addUser(t, 'lawyer1', 'lawyer');
    const page = await t.call('audit:list', {});
    expect(page.chainOk).toBe(true);
    expect(page.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['database.create', 'user.create']));
    const file = await t.call('audit:export', {});
    const csv = inlineBytes(file).toString('utf8');
    expect(csv.startsWith('\uFEFFseq,at,When,username,action,Action,entity,Record,')).toBe(true);
    expect(csv).toContain('user.create');
    expect(csv).not.toContain(PASS);
    // In the screen's language: beside each stored code and UTC time, its words and this computer's time.
    const created = page.rows.find((r) => r.action === 'user.create')!;
    const ru = inlineBytes(await t.call('audit:export', { language: 'ru' })).toString('utf8');
    expect(ru.split('\r\n')[0]).toBe('\uFEFFseq,at,Когда,username,action,Действие,entity,Запись,entity_id,detail,hash');
    const line = ru.split('\r\n').find((l) => l.startsWith(`${created.seq},`))!;
    expect(line.split(',').slice(0, 8)).toEqual([
      String(created.seq),
      created.at,
      formatDateTime(created.at, 'ru'),
      ADMIN.username,
      'user.create',
      translate('ru', 'security.audit.actions.user.create'),
      'users',
      translate('ru', 'security.audit.entities.users'),
    ]);
  });
});

describe('backups', () => {
  it('makes an encrypted backup while the app runs, lists it, and restores it after checking it', async () => {
    t = await createTestApp();
    const backup = await t.call('backups:create', {});
    expect(backup.reason).toBe('manual');
    const file = join(t.dir, 'backups', backup.name);
    expect(existsSync(file) && existsSync(`${file}.keys.json`)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('Администратор'))).toBe(false);
    // A change after the backup...
    await addUser(t, 'later', 'lawyer');
    expect((await t.call('users:list', {})).map((u) => u.username)).toContain('later');
    // ...is gone after restoring it; the app is locked and opens again.
    const restored = await t.call('backups:restore', { name: backup.name });
    expect(restored).toMatchObject({ status: { state: 'locked' }, usersWithoutSlot: [] });
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await t.call('users:list', {})).map((u) => u.username)).not.toContain('later');
    // The day's backup of this unlock is made in the background; it is listed once done.
    await t.app.requireUnlocked().dailyBackup;
    const kinds = (await t.call('backups:list', {})).map((b) => b.reason);
    expect(kinds).toEqual(expect.arrayContaining(['manual', 'pre-restore', 'daily']));
  });

  it('names the audit head it holds, in the backup and in the list', async () => {
    t = await createTestApp();
    const db = t.app.requireUnlocked().db;
    const newest = async () => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const before = await newest();
    const backup = await t.call('backups:create', {});
    // The entry saying a backup was made comes after the copy; the backup holds the head before it.
    expect(backup.auditHead).toEqual({ seq: before.seq, hash: before.hash });
    expect((await newest()).seq).toBe(before.seq + 1);
    const listed = (await t.call('backups:list', {})).find((b) => b.name === backup.name);
    expect(listed?.auditHead).toEqual(backup.auditHead);
  });

  it('refuses to restore a damaged backup and changes nothing', async () => {
    t = await createTestApp();
    const backup = await t.call('backups:create', {});
    const file = join(t.dir, 'backups', backup.name);
    const bytes = readFileSync(file);
    bytes.fill(7, 4096, 8192);
    (await import('node:fs')).writeFileSync(file, bytes);
    const res = await t.raw('backups:restore', { name: backup.name });
    expect(res).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect((await t.call('users:list', {})).length).toBe(1);
  });
});

describe('idle lock and settings', () => {
  it('locks the database after the configured idle time, whatever the interface does', async () => {
    let now = 1_000_000;
    t = await createTestApp();
    (t.app as unknown as { now: () => number }).now = () => now;
    await t.call('settings:save', { idleLockMinutes: 5, retentionYears: 7 });
    expect(await t.call('settings:get', {})).toEqual({ idleLockMinutes: 5, retentionYears: 7 });
    now += 4 * 60 * 1000;
    expect((await t.raw('users:list', {})).ok).toBe(true);
    now += 5 * 60 * 1000 + 1;
    expect(await t.raw('users:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await t.call('app:status', {})).state).toBe('locked');
  });

  it('refuses out-of-range settings naming the field', async () => {
    t = await createTestApp();
    const res = await t.raw('settings:save', { idleLockMinutes: 0, retentionYears: 5 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'idleLockMinutes' }] } });
  });
});

describe('views are audited', () => {
  it('records who opened which client record', async () => {
    t = await createTestApp();
    const { ownContactPoint, newClient } = await import('../support/caseFixtures');
    await ownContactPoint(t);
    const id = await newClient(t);
    await t.call('clients:get', { id });
    const views = await t.call('audit:list', { action: 'view' });
    expect(views.rows).toEqual([expect.objectContaining({ username: 'admin', action: 'view', entity: 'clients', entityId: id })]);
  });
});
