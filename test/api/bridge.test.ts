import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_BODY_BYTES, LARGE_REQUESTS_AT_ONCE } from '../../electron/browser/requestLimits';
import { inProcessHost } from '../../electron/app/inProcessHost';
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
  bridge = await startBridge({ host: inProcessHost(t.app), rendererDir });
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

  it('answers 400, not 500, to a malformed escape in the address', async () => {
    const b = await setup();
    const call = await api(b, 'app%zz:status');
    expect(call.status).toBe(400);
    expect(await call.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await fetch(`http://127.0.0.1:${b.port}/assets/%E0%A4%A`)).status).toBe(400);
  });

  it('handles a few large requests at once and turns the next away with SERVER_BUSY, while small calls go on', async () => {
    const b = await setup();
    const large = LARGE_BODY_BYTES + 1024;
    // Uploads that have sent their headers and the start of their body, and go on no further.
    const arrived: ServerResponse[] = [];
    const allArrived = new Promise<void>((resolve) => {
      b.server.on('request', (_req, res: ServerResponse) => {
        arrived.push(res);
        if (arrived.length === LARGE_REQUESTS_AT_ONCE) resolve();
      });
    });
    const held: ClientRequest[] = [];
    for (let i = 0; i < LARGE_REQUESTS_AT_ONCE; i++) {
      const req = request({
        host: '127.0.0.1',
        port: b.port,
        path: '/api/app:status',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': b.token, 'Content-Length': large },
      });
      req.on('error', () => {});
      req.write('{"pad":"');
      held.push(req);
    }
    await allArrived;
    const body = JSON.stringify({ pad: 'x'.repeat(large) });
    const refused = await api(b, 'app:status', {}, body);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'SERVER_BUSY' } });
    expect((await api(b, 'app:status')).status).toBe(200);

    // One upload gives up: its place is free again.
    const closed = once(arrived[0]!, 'close');
    held[0]!.destroy();
    await closed;
    expect((await api(b, 'app:status', {}, body)).status).toBe(200);
    for (const req of held) req.destroy();
  });
});
