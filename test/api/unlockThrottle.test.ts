import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../electron/app/appContext';
import { DB_FILE } from '../../electron/app/paths';
import { throttlePathFor } from '../../electron/app/unlockThrottle';
import { runCli } from '../../electron/cli/run';
import { dispatch } from '../../electron/handlers/dispatch';
import { ADMIN, createTestApp, FAST_KDF, tempDir, type TestApp } from '../support/testApp';

// Wrong passphrases are counted per user in a file beside the key file: a restart, attempts made in
// parallel and the command line all meet the same count and the same wait.

const WRONG = 'not the passphrase at all';
let t: TestApp | undefined;
afterEach(async () => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  await t?.cleanup();
  t = undefined;
});

function unlock(app: AppContext, username: string, passphrase: string) {
  return dispatch(app, 'login:unlock', { username, passphrase });
}

describe('waiting after wrong passphrases', () => {
  it('keeps the wait across a restart, for that user only, in an owner-only file; the wait ends', async () => {
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const now = () => clock;
    t = await createTestApp({ now });
    await t.call('users:create', { username: 'lawyer', displayName: 'Lawyer', role: 'lawyer', password: ADMIN.passphrase, passwordConfirm: ADMIN.passphrase });
    await t.app.lock();
    for (let i = 0; i < 3; i++) expect(await unlock(t.app, 'admin', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });

    const restarted = new AppContext({ dataDir: t.dir, kdf: FAST_KDF, now });
    expect(await unlock(restarted, 'admin', ADMIN.passphrase)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', params: { seconds: 1 } } });
    expect((statSync(throttlePathFor(restarted.dbPath)).mode & 0o777).toString(8)).toBe('600');
    // Another user is not kept waiting by someone guessing the administrator's passphrase.
    expect(await unlock(restarted, 'lawyer', ADMIN.passphrase)).toMatchObject({ ok: true });
    await restarted.lock();

    clock += 1001;
    expect(await unlock(restarted, 'ADMIN', ADMIN.passphrase)).toMatchObject({ ok: true });
    await restarted.lock();
    // A right passphrase clears the count: three new wrong tries before any wait.
    for (let i = 0; i < 3; i++) expect(await unlock(restarted, 'admin', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await unlock(restarted, 'admin', WRONG)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('tries parallel wrong attempts one at a time, so only the free ones are tried', async () => {
    t = await createTestApp();
    await t.app.lock();
    const answers = await Promise.all(Array.from({ length: 6 }, () => unlock(t!.app, 'admin', WRONG)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
  });

  it('counts unknown user names like known ones', async () => {
    t = await createTestApp();
    await t.app.lock();
    for (let i = 0; i < 3; i++) expect(await unlock(t.app, 'nobody', WRONG)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await unlock(t.app, 'nobody', WRONG)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('counts the command line’s wrong passphrases with the app’s', async () => {
    const dir = tempDir();
    t = await createTestApp({ dir, unlocked: false });
    const db = join(dir, DB_FILE);
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
      expect(await runCli(['init', '--db', db], () => undefined)).toBe(0);
      process.env.LEGAL_AID_PASSPHRASE = WRONG;
      for (let i = 0; i < 3; i++) expect(await runCli(['verify', '--db', db], () => undefined)).toBe(1);
      process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
      const errors: string[] = [];
      quiet.mockImplementation((chunk: string | Uint8Array) => {
        errors.push(String(chunk));
        return true;
      });
      expect(await runCli(['verify', '--db', db], () => undefined)).toBe(1);
      expect(errors.join('')).toContain('TOO_MANY_ATTEMPTS');
    } finally {
      quiet.mockRestore();
    }
    expect(await unlock(t.app, 'admin', ADMIN.passphrase)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  });
});
