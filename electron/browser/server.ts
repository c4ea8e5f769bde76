import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { MAX_REQUEST_BYTES } from '../../shared/api/files';
import type { AppHost } from '../app/appHost';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { decodePath, largeRequestGate, sendBusy } from './requestLimits';

// Browser mode: the same handlers serve the same renderer over HTTP on the loopback interface only
// (this thread only serves; the calls are answered by the app worker, as in Electron).
// Every API call must carry the per-launch random token (given to the browser in the address's
// fragment, which browsers never send to servers), a Host header naming this loopback address, and no
// foreign Origin. Static files are the built renderer.

// Room for the largest file any channel accepts, inline as base64 (derived from the schemas' limits).
const MAX_BODY_BYTES = MAX_REQUEST_BYTES;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface BridgeServer {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close: () => Promise<void>;
}

export interface BridgeOptions {
  /** Where calls are answered: the app worker (serve.ts), or the caller's own thread (tests). */
  host: AppHost;
  rendererDir: string;
  port?: number;
  token?: string;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const root = resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const largeRequests = largeRequestGate();

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden origin');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
        const given = Buffer.from(String(req.headers['x-legal-aid-token'] ?? ''));
        if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) return send(res, 401, 'Unauthorized');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
        const malformed = () => send(res, 400, JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: 'Malformed request' } }), 'application/json');
        const channel = decodePath(url.pathname.slice(5));
        if (channel === null) return malformed();
        if (!largeRequests.admit(req, res)) return sendBusy(req, res);
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return malformed();
        }
        const envelope = await options.host.dispatch(channel, input);
        return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      const path = decodePath(url.pathname);
      if (path === null) return send(res, 400, 'Malformed address');
      const rel = url.pathname === '/' ? 'index.html' : path.replace(/^\/+/, '');
      const file = normalize(join(root, rel));
      if (!file.startsWith(root + sep)) return send(res, 404, 'Not found');
      const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
      if (!existsSync(target)) return send(res, 503, 'The interface is not built yet: run npm run build');
      return send(res, 200, readFileSync(target), MIME[extname(target)] ?? 'application/octet-stream');
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal error');
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
