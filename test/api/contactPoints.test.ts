import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t?.cleanup());

describe('contact points and staff', () => {
  it('creates a contact point, makes it this installation, and lists it with its staff', async () => {
    const id = await ownContactPoint(t);
    expect((await t.call('app:status', {})).installation?.contactPointId).toBe(id);
    await t.call('staff:save', { contactPointId: id, fullName: 'Шарипова Нигина', position: 'Ҳуқуқшинос', phone: '93 111 22 33' });
    const [cp] = await t.call('contactPoints:list', {});
    expect(cp).toMatchObject({ id, code: 'KH-01', districtId: 'su-khujand', isOwn: true, staffCount: 1 });
    expect((await t.call('staff:list', { contactPointId: id }))[0]).toMatchObject({ fullName: 'Шарипова Нигина', phone: '+992931112233', active: true });
  });

  it('refuses a used code, an unknown district and a closing date before the opening', async () => {
    await ownContactPoint(t);
    const res = await t.raw('contactPoints:save', { code: 'X-1', name: 'X', districtId: 'nowhere', establishedOn: '2021-01-01', closedOn: '2020-01-01' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!res.ok) expect(Object.fromEntries(res.error.fields!.map((f) => [f.path, f.key]))).toEqual({ districtId: 'invalid', closedOn: 'dateOrder' });
    const dup = await t.raw('contactPoints:save', { code: 'KH-01', name: 'Другой', districtId: 'su-isfara', establishedOn: '2021-01-01' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'code', key: 'duplicate' }] } });
  });
});
