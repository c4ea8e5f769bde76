import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/testApp';

// Malformed and random registers at the importer: never a crash, always a clear answer, and when the
// answer is an error, nothing written.

const KINDS = ['contact-points', 'mobile-sessions', 'consultations'] as const;
const FIXTURES = join(__dirname, '..', 'fixtures', 'registers');
const VALID = {
  'contact-points': readFileSync(join(FIXTURES, 'contact-points.csv'), 'utf8'),
  'mobile-sessions': readFileSync(join(FIXTURES, 'mobile-sessions.csv'), 'utf8'),
  consultations: readFileSync(join(FIXTURES, 'consultations-core.csv'), 'utf8'),
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

function writes(): number {
  const s = t.app.requireUnlocked();
  return (s.raw.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

/** A valid register with random damage: cut, a cell replaced, bytes flipped, or junk appended. */
const damaged = (text: string) =>
  fc.oneof(
    fc.nat({ max: text.length }).map((n) => Buffer.from(text.slice(0, n))),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom('"', ';', ',', '\n', '\u0000', '=CMD()', "'; DROP TABLE clients; --", '99.99.9999', '-5')).map(([i, s]) =>
      Buffer.from(text.slice(0, i) + s + text.slice(i + 1)),
    ),
    fc.tuple(fc.nat({ max: 200 }), fc.integer({ min: 1, max: 255 })).map(([i, b]) => {
      const buf = Buffer.from(text);
      buf[Math.min(i, buf.length - 1)]! ^= b;
      return buf;
    }),
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.concat([Buffer.from(text), Buffer.from(bytes)])),
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  );

describe('hostile registers at the importer', () => {
  it.each(KINDS)('%s: damaged files get a clear answer and change nothing when refused', async (kind) => {
    await fc.assert(
      fc.asyncProperty(damaged(VALID[kind]), async (bytes) => {
        const before = writes();
        const res = await t.raw('import:commit', { kind, file: { base64: bytes.toString('base64') } });
        if (res.ok) {
          const summary = res.value as { committed: boolean; errors: unknown[] };
          if (!summary.committed) expect(writes()).toBe(before);
          if (summary.errors.length > 0) expect(summary.committed).toBe(false);
        } else {
          expect(res.error.code).not.toBe('INTERNAL');
          expect(writes()).toBe(before);
        }
      }),
      { numRuns: 30 },
    );
  });
});
