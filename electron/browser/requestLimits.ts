import type { IncomingMessage, ServerResponse } from 'node:http';

// A request's body is held whole in memory — a register or a package as base64 JSON, then parsed and
// decoded — until its call has answered: a few times its size while it is handled. One person in a
// browser sends one file at a time; more large requests at once are a page gone wrong or another
// program on this computer, and are turned away instead of taking the memory of everything else.

/** Above this a body counts as large (every form and list call is far below it). */
export const LARGE_BODY_BYTES = 4 * 1024 * 1024;
/** How many large requests are handled at once. */
export const LARGE_REQUESTS_AT_ONCE = 2;

export interface LargeRequestGate {
  /**
   * Takes a slot for a request whose body may be large (its Content-Length says so, or it gives none),
   * given back when its answer is sent or its connection closes; false when every slot is taken.
   * Small requests need no slot.
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
}

export function largeRequestGate(limit = LARGE_REQUESTS_AT_ONCE, threshold = LARGE_BODY_BYTES): LargeRequestGate {
  let active = 0;
  return {
    admit(req, res) {
      const length = req.headers['content-length'];
      if (length !== undefined && Number(length) <= threshold) return true;
      if (active >= limit) return false;
      active += 1;
      res.once('close', () => {
        active -= 1;
      });
      return true;
    },
  };
}

/**
 * The answer to a request turned away: a JSON envelope the renderer shows, and when to try again. Its
 * body is read and dropped as it arrives (never kept), so the sender gets the answer, not a cut line.
 */
export function sendBusy(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const body = JSON.stringify({ ok: false, error: { code: 'SERVER_BUSY', message: 'Too many large requests at once; try again shortly' } });
  res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '5', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** A URL path decoded, or null when an escape in it is malformed ("%zz", a cut "%E0%A4"). */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
