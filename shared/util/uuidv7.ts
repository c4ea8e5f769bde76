// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation time, which keeps
// B-tree inserts local and lets two installations create rows offline without ever colliding.
// Uses Web Crypto, present both in Node (globalThis.crypto) and in the renderer.

let lastMs = 0;
let seq = 0;

export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  // A 12-bit counter in rand_a keeps ids created in the same millisecond monotonic.
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) now = lastMs + 1;
    else now = lastMs;
  } else {
    seq = (bytes[6]! & 0x07) << 8 | bytes[7]!;
  }
  lastMs = now;
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(40 - 8 * i)) & 0xffn);
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
