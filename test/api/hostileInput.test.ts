import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/api/channels';
import type { ChannelInput } from '../../shared/api/contract';
import { LANGUAGES } from '../../shared/domain/enums';
import { translate } from '../../shared/i18n';
import { clientInput } from '../support/caseFixtures';
import { ERROR_CODES } from '../../shared/api/errors';
import { createTestApp, type TestApp } from '../support/testApp';

// Random and malformed input thrown at every API handler: it must answer with an envelope, never
// crash, never leak an internal error, and a refused call must not have written anything.

const SKIP: ChannelName[] = ['login:lock', 'login:unlock', 'login:create', 'backups:restore'];
const NASTY = ["'; DROP TABLE clients; --", '<script>alert(1)</script>', '=HYPERLINK("http://x","y")', '\u0000', '𝒳'.repeat(300), '../../etc/passwd', '-1', 'NaN', '1e309'];

const hostile = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('id', 'surname', 'givenName', 'date', 'limit', 'offset', 'query', 'from', 'to', 'sex', 'name', 'code'), fc.oneof(fc.constantFrom(...NASTY), fc.anything())),
  fc.constantFrom(null, undefined, [], '', 0, -1, { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }),
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

async function writes(): Promise<number> {
  const s = t.app.requireUnlocked();
  const r = s.raw.prepare('SELECT (SELECT count(*) FROM change_log) + (SELECT count(*) FROM meta) AS n').get() as { n: number };
  return r.n;
}

describe('hostile input at every handler', () => {
  it.each(CHANNEL_NAMES.filter((c) => !SKIP.includes(c)))('%s answers every input with a clean envelope', async (channel) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const before = await writes();
        const res = await t.raw(channel, input);
        expect(typeof res.ok).toBe('boolean');
        if (!res.ok) {
          expect(ERROR_CODES).toContain(res.error.code);
          expect(res.error.code, `${channel} crashed on ${JSON.stringify(input)?.slice(0, 200)}`).not.toBe('INTERNAL');
          expect(await writes()).toBe(before);
        }
        // The session must survive whatever was sent.
        expect(t.app.unlocked).not.toBeNull();
      }),
      { numRuns: 25 },
    );
  });
});

describe('hidden characters in names and notes', () => {
  it('refuses control characters and text-direction marks, naming the field; keeps line breaks in notes', async () => {
    const before = await writes();
    const cases: [Partial<ChannelInput<'clients:save'>>, string, string][] = [
      // "Rahimov" followed by a right-to-left override: a filing would print the name reversed after it.
      [{ surname: 'Раҳимов\u202Eвомиҳар' }, 'surname', 'directionControl'],
      [{ givenName: 'Зарина\u2066' }, 'givenName', 'directionControl'],
      [{ patronymic: 'Ali\u0000' }, 'patronymic', 'controlCharacters'],
      [{ givenName: 'Ali\nBaba' }, 'givenName', 'controlCharacters'],
      [{ notes: 'first line\u001b[31m' }, 'notes', 'controlCharacters'],
      [{ notes: 'invoice\u202Dfdp.exe' }, 'notes', 'directionControl'],
    ];
    for (const [override, path, key] of cases) {
      const res = await t.raw('clients:save', clientInput(override));
      expect(res, JSON.stringify(override)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path, key }] } });
    }
    expect(await writes()).toBe(before);
    for (const lang of LANGUAGES) for (const key of ['controlCharacters', 'directionControl']) expect(translate(lang, `validation.${key}`)).not.toBe(`validation.${key}`);

    const saved = await t.call('clients:save', clientInput({ notes: 'First visit.\n\tSecond line.' }));
    expect(saved.client.notes).toBe('First visit.\n\tSecond line.');
  });
});
