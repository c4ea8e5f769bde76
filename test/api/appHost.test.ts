import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAppHost, type AppHost } from '../../electron/app/appHost';
import type { FileDialogs } from '../../electron/app/fileTokens';
import type { FileKind } from '../../shared/api/files';
import { ADMIN, FAST_KDF, tempDir } from '../support/testApp';

// The app as it runs: every call answered by the app worker (its own thread, its own connection), the
// calling thread — Electron's main process, browser mode's server — keeping only the dialogs.

const started: Worker[] = [];
vi.mock('../../electron/app/workerFile', async (original) => {
  const real = await original<typeof import('../../electron/app/workerFile')>();
  // The real worker; the test only keeps hold of it, to stop it as a crash would.
  return { ...real, startWorkerFile: (...args: Parameters<typeof real.startWorkerFile>) => started[started.push(real.startWorkerFile(...args)) - 1]! };
});

const hosts: AppHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  started.length = 0;
});

function host(fileDialogs?: FileDialogs): { host: AppHost; dir: string } {
  const dir = tempDir();
  const h = startAppHost({ dataDir: dir, kdf: FAST_KDF, ...(fileDialogs ? { fileDialogs } : {}) });
  hosts.push(h);
  return { host: h, dir };
}

async function value(h: AppHost, channel: string, input: unknown = {}): Promise<Record<string, unknown>> {
  const envelope = await h.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}`);
  return envelope.value as Record<string, unknown>;
}

const CREATE = { ...ADMIN, passphraseConfirm: ADMIN.passphrase, installationName: 'Нуқтаи тамоси Хуҷанд' };

describe('the app worker', () => {
  it('answers the contract in its own thread, keeping the session from one call to the next', async () => {
    const { host: h, dir } = host();
    expect(await value(h, 'app:status')).toMatchObject({ state: 'no-database' });
    expect(await value(h, 'login:create', CREATE)).toMatchObject({ state: 'unlocked', user: { username: ADMIN.username } });
    // The database was made by the worker, in the data folder it was given.
    expect(existsSync(join(dir, 'legal-aid.db'))).toBe(true);
    expect(await value(h, 'clients:list', {})).toMatchObject({ total: 0 });
    // Errors come back as the dispatcher gives them, field by field.
    expect(await h.dispatch('clients:save', { surname: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: expect.arrayContaining([expect.objectContaining({ path: 'surname' })]) } });
    expect(await h.dispatch('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    await h.lock();
    expect(await h.dispatch('clients:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await value(h, 'login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ state: 'unlocked' });
    expect(await value(h, 'clients:list', {})).toMatchObject({ total: 0 });
    // One worker did all of it, with a heap of its own size: as large as V8 gives it on an 8 GB
    // laptop, not sized from this machine's memory (collected sooner).
    expect(started).toHaveLength(1);
    expect(started[0]!.resourceLimits).toMatchObject({ maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 16 });
  });

  it('shows the calling thread’s open and save dialogs, and nothing crosses but a token and the chosen path', async () => {
    const register = join(__dirname, '..', 'fixtures', 'registers', 'contact-points.csv');
    const saveTo = join(tempDir(), 'audit.csv');
    const asked: string[] = [];
    const { host: h } = host({
      open: async (kind: FileKind) => (asked.push(`open ${kind}`), register),
      save: async (fileName: string) => (asked.push(`save ${fileName}`), saveTo),
    });
    await value(h, 'login:create', CREATE);
    const { file } = (await value(h, 'files:open', { kind: 'register' })) as { file: { token: string; name: string } };
    expect(file.name).toBe('contact-points.csv');
    const byToken = await value(h, 'import:preview', { kind: 'contact-points', file: { token: file.token } });
    const inline = await value(h, 'import:preview', { kind: 'contact-points', file: { base64: readFileSync(register).toString('base64') } });
    expect(byToken).toEqual(inline);

    const made = (await value(h, 'audit:export', {})) as { held: string; fileName: string };
    expect(await value(h, 'files:save', { held: made.held })).toEqual({ saved: true });
    expect(asked).toEqual(['open register', `save ${made.fileName}`]);
    expect(readFileSync(saveTo, 'utf8')).toContain('database.create');
  });

  it('answers a call cut short by the worker stopping, and starts anew, locked, at the next call', async () => {
    let opened: () => void = () => undefined;
    const dialogShown = new Promise<void>((resolve) => (opened = resolve));
    // A dialog the user never answers keeps the call under way in the worker.
    const { host: h } = host({ open: () => (opened(), new Promise(() => undefined)), save: async () => null });
    await value(h, 'login:create', CREATE);
    const pending = h.dispatch('files:open', { kind: 'register' });
    await dialogShown;
    await started[0]!.terminate();

    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // The next call has a new worker, which finds the database on disk and locked.
    expect(await value(h, 'app:status')).toMatchObject({ state: 'locked', user: null });
    expect(started).toHaveLength(2);
    expect(await value(h, 'login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ state: 'unlocked' });
  });

  it('answers nothing more once closed', async () => {
    const { host: h } = host();
    await value(h, 'login:create', CREATE);
    await h.close();
    expect(await h.dispatch('app:status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
