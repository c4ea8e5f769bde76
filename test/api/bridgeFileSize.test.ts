import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessHost } from '../../electron/app/inProcessHost';
import { startBridge, type BridgeServer } from '../../electron/browser/server';
import { FILE_KINDS, type FileKind } from '../../shared/api/files';
import { createTestApp, type TestApp } from '../support/testApp';

// Browser mode sends files inline as base64 in the request body. The body limit must let through the
// largest file any channel accepts, and a file one byte over must get the channel's own clear refusal.

let t: TestApp;
let bridge: BridgeServer;
beforeAll(async () => {
  t = await createTestApp();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  bridge = await startBridge({ host: inProcessHost(t.app), rendererDir });
});
afterAll(async () => {
  await bridge?.close();
  await t?.cleanup();
});

/** A package of `bytes` zero bytes, inline, posted as the browser would. */
async function postPackage(bytes: number) {
  const body = JSON.stringify({ file: { base64: Buffer.alloc(bytes).toString('base64') } });
  const res = await fetch(`http://127.0.0.1:${bridge.port}/api/exchange:importPackage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': bridge.token },
    body,
  });
  return { status: res.status, envelope: (await res.json()) as unknown };
}

describe('browser mode and the largest file', () => {
  it('takes the largest file of any kind: an exchange package', () => {
    const largest = (Object.keys(FILE_KINDS) as FileKind[]).reduce((a, b) => (FILE_KINDS[a].maxBytes >= FILE_KINDS[b].maxBytes ? a : b));
    expect(largest).toBe('package');
  });

  it('lets a package of the largest size through to the import, which judges its content', async () => {
    const { status, envelope } = await postPackage(FILE_KINDS.package.maxBytes);
    expect(status).toBe(200);
    // Zeros are no package: refused by the import itself, so the body limit and the schema let it in.
    expect(envelope).toMatchObject({ ok: false, error: { code: 'PACKAGE_REFUSED' } });
  });

  it('refuses a package one byte larger with the file’s limit, not a broken connection', async () => {
    const { status, envelope } = await postPackage(FILE_KINDS.package.maxBytes + 1);
    expect(status).toBe(200);
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'file.base64', key: 'fileTooLarge', params: { megabytes: 64 } }] },
    });
    // The server is still there for the next call.
    const next = await fetch(`http://127.0.0.1:${bridge.port}/api/app:status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': bridge.token },
      body: '{}',
    });
    expect(await next.json()).toMatchObject({ ok: true });
  });
});
