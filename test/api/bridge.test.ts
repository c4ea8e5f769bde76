import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type BridgeServer } from '../../electron/browser/server';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let bridge: BridgeServer;
afterEach(async () => {
  await bridge?.close();
  await t?.cleanup();
});

async function setup() {
  t = await createTestApp({ unlocked: false });
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  bridge = await startBridge({ app: t.app, rendererDir });
  return bridge;
}

function api(b: BridgeServer, channel: string, headers: Record<string, string> = {}, body = '{}') {
  return fetch(`http://127.0.0.1:${b.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': b.token, ...headers },
    body,
  });
}

describe('browser-mode bridge', () => {
  it('listens on loopback only and gives the token in the address fragment', async () => {
    const b = await setup();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
    expect((b.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers a call that carries the token with the envelope', async () => {
    const b = await setup();
    const res = await api(b, 'app:status');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { state: 'no-database' } });
  });

  it('refuses calls without the token, with a wrong token, from a foreign origin or host', async () => {
    const b = await setup();
    expect((await api(b, 'app:status', { 'X-Legal-Aid-Token': '' })).status).toBe(401);
    expect((await api(b, 'app:status', { 'X-Legal-Aid-Token': 'x'.repeat(b.token.length) })).status).toBe(401);
    expect((await api(b, 'app:status', { Origin: 'http://evil.example' })).status).toBe(403);
    // A DNS-rebinding page reaches 127.0.0.1 under a foreign Host name.
    const rebinding = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        const req = request(
          { host: '127.0.0.1', port: b.port, path: '/api/app:status', method: 'POST', headers: { Host: `evil.example:${b.port}`, 'Content-Type': 'application/json', 'X-Legal-Aid-Token': b.token } },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.end('{}');
      });
    });
    expect(rebinding).toBe(421);
  });

  it('turns malformed JSON into a BAD_REQUEST envelope and unknown channels into UNKNOWN_CHANNEL', async () => {
    const b = await setup();
    expect(await (await api(b, 'app:status', {}, '{not json')).json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await (await api(b, 'nope:nothing')).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves the interface with a strict Content Security Policy and no path escapes', async () => {
    const b = await setup();
    const res = await fetch(`http://127.0.0.1:${b.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`http://127.0.0.1:${b.port}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
