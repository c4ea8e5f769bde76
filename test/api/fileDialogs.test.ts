import { readFileSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../electron/app/fileTokens';
import { FILE_KINDS, type FileKind } from '../../shared/api/files';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// Files in Electron: main's open dialog gives the renderer a token, never a path, and the channel
// reads the file in main; a file the app makes stays in main until main's save dialog writes it.
// The dialogs stand in for the user's choice; everything after them is the app's real code.

const FIX = join(__dirname, '..', 'fixtures', 'registers');

/** Dialogs that answer with the path the test sets, as a user choosing a file would. */
class ChosenPaths implements FileDialogs {
  toOpen: string | null = null;
  toSave: string | null = null;
  readonly asked: { kind?: FileKind; suggested?: string } = {};
  async open(kind: FileKind) {
    this.asked.kind = kind;
    return this.toOpen;
  }
  async save(fileName: string) {
    this.asked.suggested = fileName;
    return this.toSave;
  }
}

const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) await t.cleanup();
});

async function electronApp() {
  const dialogs = new ChosenPaths();
  const t = await createTestApp({ fileDialogs: dialogs });
  apps.push(t);
  return { t, dialogs };
}

async function openToken(t: TestApp, dialogs: ChosenPaths, path: string, kind: FileKind): Promise<string> {
  dialogs.toOpen = path;
  const { file } = await t.call('files:open', { kind });
  if (!file) throw new Error('the dialog was not answered');
  return file.token;
}

describe('files through main’s dialogs', () => {
  it('imports a register picked in the open dialog by its token, as the same file sent inline would', async () => {
    const { t, dialogs } = await electronApp();
    dialogs.toOpen = join(FIX, 'contact-points.csv');
    const { file } = await t.call('files:open', { kind: 'register' });
    expect(dialogs.asked.kind).toBe('register');
    expect(file).toMatchObject({ name: 'contact-points.csv', size: readFileSync(join(FIX, 'contact-points.csv')).length });
    // The renderer learns a name and a token; the folder stays in main.
    expect(JSON.stringify(file)).not.toContain(FIX);

    const byToken = await t.call('import:preview', { kind: 'contact-points', file: { token: file!.token } });
    const inline = await t.call('import:preview', { kind: 'contact-points', file: { base64: readFileSync(join(FIX, 'contact-points.csv')).toString('base64') } });
    expect(byToken).toEqual(inline);
    expect(byToken.toAdd).toBeGreaterThan(0);
    // The same pick serves the check and then the import.
    expect((await t.call('import:commit', { kind: 'contact-points', file: { token: file!.token } })).committed).toBe(true);
  });

  it('accepts no token it did not give: made up, for another kind of file, or after the lock; and none at all in browser mode', async () => {
    const { t, dialogs } = await electronApp();
    const madeUp = 'A'.repeat(43);
    expect(await t.raw('import:preview', { kind: 'contact-points', file: { token: madeUp } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await t.raw('import:preview', { kind: 'contact-points', file: { token: '../../etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const token = await openToken(t, dialogs, join(FIX, 'contact-points.csv'), 'register');
    expect(await t.raw('updates:apply', { file: { token } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const browser = await createTestApp();
    apps.push(browser);
    expect(await browser.raw('files:open', { kind: 'register' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await browser.raw('import:preview', { kind: 'contact-points', file: { token } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    await t.app.lock();
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await t.raw('import:preview', { kind: 'contact-points', file: { token } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a file over its kind’s limit when it is picked, and again if it grew after', async () => {
    const { t, dialogs } = await electronApp();
    const big = join(t.dir, 'big.docx');
    writeFileSync(big, '');
    truncateSync(big, FILE_KINDS.template.maxBytes + 1);
    dialogs.toOpen = big;
    expect(await t.raw('files:open', { kind: 'template' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'file', key: 'fileTooLarge', params: { megabytes: 10 } }] },
    });

    truncateSync(big, 100);
    const token = await openToken(t, dialogs, big, 'template');
    truncateSync(big, FILE_KINDS.template.maxBytes + 1);
    expect(await t.raw('templates:import', { templateId: 'divorce', language: 'tg', file: { token } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ key: 'fileTooLarge' }] },
    });
  });

  it('keeps a made file in main and writes it where the save dialog says, once', async () => {
    const { t, dialogs } = await electronApp();
    await t.call('import:commit', { kind: 'contact-points', file: { token: await openToken(t, dialogs, join(FIX, 'contact-points.csv'), 'register') } });
    const out = await t.call('reports:export', { from: '2025-01-01', to: '2025-12-31', format: 'csv', language: 'ru', suppressSmall: true });
    expect(out.base64).toBeUndefined();
    expect(out.held).toMatch(/^[\w-]{43}$/);

    dialogs.toSave = join(t.dir, 'chosen.csv');
    expect(await t.call('files:save', { held: out.held! })).toEqual({ saved: true });
    expect(dialogs.asked.suggested).toBe(out.fileName);
    expect(readFileSync(dialogs.toSave, 'utf8')).toContain('2025');
    // Saved once: the bytes are let go.
    expect(await t.raw('files:save', { held: out.held! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('writes nothing when the save dialog is cancelled, and forgets made files at the lock', async () => {
    const { t, dialogs } = await electronApp();
    const cancelled = await t.call('audit:export', {});
    dialogs.toSave = null;
    expect(await t.call('files:save', { held: cancelled.held! })).toEqual({ saved: false });

    const kept = await t.call('audit:export', {});
    await t.app.lock();
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    dialogs.toSave = join(t.dir, 'after-lock.csv');
    expect(await t.raw('files:save', { held: kept.held! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(dialogs.toSave)).toBe(false);
  });

  it('moves an exchange package from one installation’s save dialog to the other’s open dialog', async () => {
    const { t: a, dialogs: da } = await electronApp();
    const { t: b, dialogs: db } = await electronApp();
    await b.call('exchange:setRole', { role: 'mobile_team' });
    await b.call('exchange:importPairing', { json: JSON.stringify(await a.call('exchange:pairingFile', {})) });
    await a.call('exchange:importPairing', { json: JSON.stringify(await b.call('exchange:pairingFile', {})) });
    const idB = await b.call('exchange:identity', {});

    const out = await a.call('exchange:exportPackage', { peerId: idB.installationId, kind: 'full' });
    da.toSave = join(a.dir, out.fileName);
    expect((await a.call('files:save', { held: out.held! })).saved).toBe(true);

    const applied = await b.call('exchange:importPackage', { file: { token: await openToken(b, db, da.toSave, 'package') } });
    expect(applied).toMatchObject({ kind: 'full', alreadyApplied: false, packageId: out.packageId });
  });
});
