import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientInput } from '../support/caseFixtures';
import { createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// The exchange channels as the screen uses them: identity, pairing files, packages and refusals.

let a: TestApp, b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp();
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
});

describe('exchange channels', () => {
  it('pairs two installations, moves a package and refuses a damaged one with its reason', async () => {
    const idA = await a.call('exchange:identity', {});
    expect(idA.fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    await b.call('exchange:setRole', { role: 'mobile_team' });
    const peerOnB = await b.call('exchange:importPairing', { json: JSON.stringify(await a.call('exchange:pairingFile', {})) });
    expect(peerOnB.fingerprint).toBe(idA.fingerprint);
    await a.call('exchange:importPairing', { json: JSON.stringify(await b.call('exchange:pairingFile', {})) });
    const own = await a.raw('exchange:importPairing', { json: JSON.stringify(await a.call('exchange:pairingFile', {})) });
    expect(own).toMatchObject({ ok: false, error: { code: 'PACKAGE_REFUSED', params: { reason: 'ownPairingFile' } } });

    const idB = await b.call('exchange:identity', {});
    const file = await a.call('exchange:exportPackage', { peerId: idB.installationId, kind: 'full' });
    const bytes = inlineBytes(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    const refused = await b.raw('exchange:importPackage', { file: { base64: bytes.toString('base64') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PACKAGE_REFUSED', params: { reason: 'badSignature' } } });
    const applied = await b.call('exchange:importPackage', { file: { base64: inlineBytes(file).toString('base64') } });
    expect(applied).toMatchObject({ kind: 'full', alreadyApplied: false });
    expect((await b.call('exchange:peers', {}))[0]!.lastReceivedAt).not.toBeNull();
    expect(await b.call('exchange:conflicts', { includeResolved: false })).toEqual([]);
    expect((await b.call('exchange:progress', {})).active).toBe(false);
  });
});

describe("the Exchange screen's role choice", () => {
  it('refuses to make an installation with records a hub, next to the role, and lets an empty one become a hub', async () => {
    await a.call('clients:save', clientInput());
    const refused = await a.raw('exchange:setRole', { role: 'hub' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'role', key: 'roleHasRecords' }] } });
    expect((await a.call('exchange:identity', {})).role).toBe('contact_point');
    const empty = await createTestApp();
    try {
      expect((await empty.call('exchange:setRole', { role: 'hub' })).role).toBe('hub');
      expect((await empty.call('app:status', {})).installation?.role).toBe('hub');
    } finally {
      await empty.cleanup();
    }
  });
});
