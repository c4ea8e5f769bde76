import { afterEach, describe, expect, it } from 'vitest';
import { clientInput, consult, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

const HOSTILE = `'; DROP TABLE clients; -- <script>alert(1)</script> =HYPERLINK("http://x","y")`;

describe('erasure on request', () => {
  it('removes her personal data everywhere, keeps her statistics anonymous, and leaves no trace in the change history', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const saved = await t.call(
      'clients:save',
      clientInput({
        surname: 'Ҷӯрабоева',
        givenName: 'Гулнора',
        idDocType: 'passport',
        idDocNumber: 'A1234567',
        phones: [{ phone: '+992 93 555 44 33' }],
        household: { relation: 'wife', migrantSurname: 'Ҷӯрабоев', migrantGivenName: 'Алишер', country: 'Russia', city: 'Москва', departureDate: '2022-01-10', lastRemittanceDate: '2023-01-01', maritalStatus: 'registered' },
        children: [{ givenName: 'Фотима', surname: 'Ҷӯрабоева', birthDate: '2018-03-01', sex: 'F', birthCertificate: 'II-ТҶ 123456' }],
      } as never),
    );
    const id = saved.client.id;
    const c = await consult(t, id, '2024-05-10', { advice: 'Гулнора Ҷӯрабоева: ариза ба суд' } as never);
    expect(c).toBeTruthy();

    const res = await t.call('clients:erase', { id, confirm: true });
    expect(res.rows).toBeGreaterThan(3);

    const s = t.app.requireUnlocked();
    // No trace of her name, phone, document or child in any table, including the change history.
    const dump = JSON.stringify(
      ['clients', 'client_phones', 'migrant_households', 'children', 'consultations', 'change_log'].map((table) => s.raw.prepare(`SELECT * FROM ${table}`).all()),
    );
    for (const needle of ['Ҷӯрабоева', 'Гулнора', 'Алишер', 'A1234567', '555 44 33', '935554433', 'Фотима', '123456']) expect(dump, needle).not.toContain(needle);

    // Her consultation still counts: the anonymous snapshot stays.
    const left = s.raw.prepare('SELECT snap_sex, snap_age_band, snap_migrant_household FROM consultations WHERE client_id = ?').all(id);
    expect(left).toEqual([{ snap_sex: 'F', snap_age_band: '30-44', snap_migrant_household: 1 }]);
    // The erasure is itself a set of changes that exchange packages carry.
    expect(s.raw.prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'clients' AND row_id = ? AND json_extract(data, '$.erased_at') IS NOT NULL").get(id)).toEqual({ n: 1 });
    expect(await t.raw('clients:erase', { id, confirm: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The erased record says so, and cannot be filled in again by mistake.
    expect((await t.call('clients:get', { id })).client.erasedAt).not.toBeNull();
    expect(await t.raw('clients:save', { ...clientInput(), id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('is refused to a paralegal', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const id = (await t.call('clients:save', clientInput())).client.id;
    const pass = 'paralegal password 1';
    await t.call('users:create', { username: 'para', displayName: 'P', role: 'paralegal', password: pass, passwordConfirm: pass });
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'para', passphrase: pass });
    expect(await t.raw('clients:erase', { id, confirm: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('retention', () => {
  it('flags closed cases older than the configured number of years for review', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const id = (await t.call('clients:save', clientInput())).client.id;
    const old = await t.call('cases:save', { clientId: id, caseType: 'divorce', openedOn: '2015-02-01' });
    await t.call('cases:setStatus', { id: old.case.id, status: 'closed', on: '2016-03-01', outcome: 'withdrawn' });
    const recent = await t.call('cases:save', { clientId: id, caseType: 'paternity', openedOn: '2024-02-01' });
    await t.call('cases:setStatus', { id: recent.case.id, status: 'closed', on: '2024-06-01', outcome: 'settled' });
    await t.call('settings:save', { idleLockMinutes: 15, retentionYears: 5 });
    const review = await t.call('cases:retentionReview', {});
    expect(review.map((r) => r.caseId)).toEqual([old.case.id]);
  });
});

describe('hostile text stays literal', () => {
  it('stores and returns SQL, HTML and formula text exactly as typed', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const saved = await t.call('clients:save', clientInput({ surname: HOSTILE.slice(0, 100), notes: HOSTILE } as never));
    const back = await t.call('clients:get', { id: saved.client.id });
    expect(back.client.surname).toBe(HOSTILE.slice(0, 100));
    const found = await t.call('clients:list', {});
    expect(found.total).toBe(1);
  });
});
