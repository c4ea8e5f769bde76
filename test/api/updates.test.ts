import { afterEach, describe, expect, it } from 'vitest';
import { generateUpdateKeyPair, signUpdate } from '../../electron/updates/signedUpdates';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const REF = { key: 'test.article', textTg: 'моддаи 81 Кодекси оила', textRu: 'статья 81 Семейного кодекса', textEn: 'Family Code art. 81', value: '81', source: 'test', confirmed: true };

async function refByKey(t: TestApp, key: string) {
  const s = t.app.requireUnlocked();
  return s.raw.prepare('SELECT key, text_tg, value, confirmed FROM legal_references WHERE key = ? AND deleted_at IS NULL').get(key);
}

describe('signed updates of templates and legal references', () => {
  it('applies an update signed by a trusted key, and shows the key’s fingerprint', async () => {
    t = await createTestApp();
    const keys = generateUpdateKeyPair();
    const { fingerprint } = await t.call('updates:trustKey', { id: 'coordinator-2026', name: 'Network coordinator', publicKeyPem: keys.publicKeyPem });
    expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect((await t.call('updates:trustedKeys', {})).map((k) => k.fingerprint)).toContain(fingerprint);
    const file = signUpdate({ issuedAt: '2026-11-01', legalReferences: [REF] }, 'coordinator-2026', keys.privateKeyPem);
    const result = await t.call('updates:apply', { file: { base64: b64(file) } });
    expect(result).toMatchObject({ legalReferences: 1, templates: 0 });
    expect(await refByKey(t, 'test.article')).toEqual({ key: 'test.article', text_tg: REF.textTg, value: '81', confirmed: 1 });
  });

  it('never lets an older update from a publisher replace a newer one, even when genuinely signed', async () => {
    t = await createTestApp();
    const keys = generateUpdateKeyPair();
    await t.call('updates:trustKey', { id: 'coordinator', name: 'Coordinator', publicKeyPem: keys.publicKeyPem });
    const v1 = signUpdate({ issuedAt: '2026-03-01', sequence: 1, legalReferences: [{ ...REF, value: '80', confirmed: true }] }, 'coordinator', keys.privateKeyPem);
    const v2 = signUpdate({ issuedAt: '2026-11-01', sequence: 2, legalReferences: [{ ...REF, value: '81', confirmed: true }] }, 'coordinator', keys.privateKeyPem);
    expect(await t.call('updates:apply', { file: { base64: b64(v2) } })).toMatchObject({ sequence: 2 });
    // The March update arrives late (an old USB stick): refused, the November text stays.
    expect(await t.raw('updates:apply', { file: { base64: b64(v1) } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reason: 'notNewer', sequence: 1, newest: 2 } } });
    expect(await t.raw('updates:apply', { file: { base64: b64(v2) } })).toMatchObject({ ok: false, error: { params: { reason: 'notNewer' } } });
    // An update signed before numbering existed counts as number 0: older than any numbered one.
    const unnumbered = signUpdate({ issuedAt: '2025-12-01', legalReferences: [{ ...REF, value: '79' }] }, 'coordinator', keys.privateKeyPem);
    expect(await t.raw('updates:apply', { file: { base64: b64(unnumbered) } })).toMatchObject({ ok: false, error: { params: { reason: 'notNewer', sequence: 0 } } });
    expect(await refByKey(t, 'test.article')).toEqual({ key: 'test.article', text_tg: REF.textTg, value: '81', confirmed: 1 });
    // Numbers are per publisher key: another trusted publisher starts its own count.
    const other = generateUpdateKeyPair();
    await t.call('updates:trustKey', { id: 'ministry', name: 'Ministry', publicKeyPem: other.publicKeyPem });
    const fromOther = signUpdate({ issuedAt: '2026-11-02', sequence: 1, legalReferences: [{ ...REF, key: 'other.article' }] }, 'ministry', other.privateKeyPem);
    expect(await t.call('updates:apply', { file: { base64: b64(fromOther) } })).toMatchObject({ keyId: 'ministry', sequence: 1 });
  });

  it('refuses an update from an untrusted key, a changed file and a non-update, changing nothing', async () => {
    t = await createTestApp();
    const trusted = generateUpdateKeyPair();
    const stranger = generateUpdateKeyPair();
    await t.call('updates:trustKey', { id: 'coordinator', name: 'Coordinator', publicKeyPem: trusted.publicKeyPem });

    const untrusted = signUpdate({ issuedAt: '2026-11-01', legalReferences: [REF] }, 'someone-else', stranger.privateKeyPem);
    expect(await t.raw('updates:apply', { file: { base64: b64(untrusted) } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { reason: 'untrusted' } } });

    // Signed with a stranger's key under the trusted key's name: the signature does not match.
    const forged = signUpdate({ issuedAt: '2026-11-01', legalReferences: [REF] }, 'coordinator', stranger.privateKeyPem);
    expect(await t.raw('updates:apply', { file: { base64: b64(forged) } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { reason: 'signature' } } });

    // A genuine file whose content was changed afterwards.
    const genuine = JSON.parse(signUpdate({ issuedAt: '2026-11-01', legalReferences: [REF] }, 'coordinator', trusted.privateKeyPem));
    genuine.payload = b64(Buffer.from(genuine.payload, 'base64').toString('utf8').replace('81', '99'));
    expect(await t.raw('updates:apply', { file: { base64: b64(JSON.stringify(genuine)) } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await t.raw('updates:apply', { file: { base64: b64('PK not json') } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await refByKey(t, 'test.article')).toBeUndefined();
  });

  it('applies all of an update or nothing: a template with an unknown placeholder stops the legal references too', async () => {
    t = await createTestApp();
    const keys = generateUpdateKeyPair();
    await t.call('updates:trustKey', { id: 'coordinator', name: 'Coordinator', publicKeyPem: keys.publicKeyPem });
    const { Document, Packer, Paragraph } = await import('docx');
    const bad = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('{{no_such_field}}')] }] }));
    const file = signUpdate(
      { issuedAt: '2026-11-01', legalReferences: [REF], templates: [{ templateId: 'alimony-share', language: 'tg', docxBase64: Buffer.from(bad).toString('base64') }] },
      'coordinator',
      keys.privateKeyPem,
    );
    const res = await t.raw('updates:apply', { file: { base64: b64(file) } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await refByKey(t, 'test.article')).toBeUndefined();
  });

  it('only administrators may trust keys or apply updates', async () => {
    t = await createTestApp();
    const pass = 'lawyer password 123';
    await t.call('users:create', { username: 'law', displayName: 'L', role: 'lawyer', password: pass, passwordConfirm: pass });
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'law', passphrase: pass });
    const keys = generateUpdateKeyPair();
    expect(await t.raw('updates:trustKey', { id: 'x', name: 'x', publicKeyPem: keys.publicKeyPem })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
