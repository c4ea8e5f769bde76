import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, todayIso } from '../../shared/domain/dates';
import { clientInput, consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let cpId: string;
beforeEach(async () => {
  t = await createTestApp();
  cpId = await ownContactPoint(t);
});
afterEach(async () => t?.cleanup());

const wife = (departureDate: string | null, lastRemittanceDate: string | null) =>
  ({ relation: 'wife', departureDate, lastRemittanceDate, maritalStatus: 'registered' }) as const;

async function snapshotOn(date: string, household: ReturnType<typeof wife>) {
  const id = await newClient(t, { household });
  return (await consult(t, id, date)).snapshot;
}

describe('the abandonment snapshot on the consultation date', () => {
  it('last remittance exactly six months before: abandoned; one day later: not', async () => {
    expect(await snapshotOn('2024-06-15', wife('2020-01-01', '2023-12-15'))).toMatchObject({ abandoned: true, abandonedReason: 'no_remittance_since' });
    expect(await snapshotOn('2024-06-15', wife('2020-01-01', '2023-12-16'))).toMatchObject({ abandoned: false, abandonedReason: 'remittance_within_six_months' });
  });

  it('on 31 August the six months reach back to the end of February (leap year too)', async () => {
    expect(await snapshotOn('2024-08-31', wife('2020-01-01', '2024-02-29'))).toMatchObject({ abandoned: true });
    expect(await snapshotOn('2024-08-31', wife('2020-01-01', '2024-03-01'))).toMatchObject({ abandoned: false });
    expect(await snapshotOn('2023-08-31', wife('2020-01-01', '2023-02-28'))).toMatchObject({ abandoned: true });
  });

  it('no remittance: abandoned when the husband left exactly six months before, not one day later', async () => {
    expect(await snapshotOn('2024-06-15', wife('2023-12-15', null))).toMatchObject({ abandoned: true, abandonedComputed: true, abandonedReason: 'no_remittance_departed' });
    expect(await snapshotOn('2024-06-15', wife('2023-12-16', null))).toMatchObject({ abandoned: false, abandonedReason: 'departed_recently' });
  });

  it("records the lawyer's override with the computed value beside it", async () => {
    const id = await newClient(t, { household: wife('2020-01-01', null) });
    await t.call('clients:setAbandonedOverride', { clientId: id, override: false, reason: 'Шавҳар тавассути хешовандон пул мефиристад' });
    expect((await consult(t, id, '2024-06-15')).snapshot).toMatchObject({ abandoned: false, abandonedComputed: true, abandonedReason: 'override' });
  });

  it('is not a wife → no abandonment; no household → not a migrant household', async () => {
    expect(await snapshotOn('2024-06-15', { ...wife('2020-01-01', null), relation: 'mother' } as never)).toMatchObject({ migrantHousehold: true, abandoned: null, abandonedReason: 'not_wife' });
    const id = await newClient(t);
    expect((await consult(t, id, '2024-06-15')).snapshot).toMatchObject({ migrantHousehold: false, abandoned: null, relation: null });
  });
});

describe('consultations:save', () => {
  it('takes age, age band and socio-economic data as of the consultation, and keeps them when the client changes later', async () => {
    const id = await newClient(t, { birthDate: '2006-07-01', employment: 'unemployed', residenceType: 'rural', socialAssistance: true, residenceDistrictId: 'su-khujand', household: wife('2023-01-01', null) });
    const k = await consult(t, id, '2024-06-30', { issues: ['alimony', 'birth_certificate'], referrals: [{ referral: 'civil_registry' }], advice: 'Ариза ба суд' });
    expect(k.snapshot).toMatchObject({ sex: 'F', age: 17, ageBand: '<18', employment: 'unemployed', residence: 'rural', socialAssistance: true, migrantHousehold: true, abandoned: true, residenceDistrictId: 'su-khujand' });
    expect(k.districtId).toBe('su-khujand'); // where the help was given: the contact point's district
    expect(k.issues).toEqual(['alimony', 'birth_certificate']);

    // Later the client finds work, her husband sends money, the household is even removed…
    await t.call('clients:save', clientInput({ id, birthDate: '2006-07-01', employment: 'employed', residenceType: 'urban', household: null }));
    const again = await t.call('consultations:get', { id: k.id });
    expect(again.snapshot).toEqual(k.snapshot);
    // …and a correction of the advice does not retake it either.
    const edited = await t.call('consultations:save', { id: k.id, clientId: id, date: '2024-06-30', venueKind: 'contact_point', issues: ['alimony'], advice: 'Ариза ба суд (ислоҳ)' });
    expect(edited.snapshot).toEqual(k.snapshot);
    expect(edited.issues).toEqual(['alimony']);
    // A consultation a day after her birthday, recorded now, sees the new data.
    expect((await consult(t, id, '2024-07-01')).snapshot).toMatchObject({ age: 18, ageBand: '18-29', employment: 'employed', migrantHousehold: false });
  });

  it('refuses future dates, follow-ups before the consultation and dates the contact point was not open', async () => {
    const id = await newClient(t);
    const future = await t.raw('consultations:save', { clientId: id, date: addMonths(todayIso(), 1), venueKind: 'contact_point', issues: ['alimony'] });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'date', key: 'futureDate' }] } });
    const order = await t.raw('consultations:save', { clientId: id, date: '2024-06-30', followUpOn: '2024-06-01', venueKind: 'contact_point', issues: ['alimony'] });
    expect(order).toMatchObject({ ok: false, error: { fields: [{ path: 'followUpOn', key: 'dateOrder' }] } });
    const closed = await t.raw('consultations:save', { clientId: id, date: '2019-06-30', venueKind: 'contact_point', issues: ['alimony'] });
    expect(closed).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'invalid' }] } });
    const noIssue = await t.raw('consultations:save', { clientId: id, date: '2024-06-30', venueKind: 'contact_point', issues: [] });
    expect(noIssue).toMatchObject({ ok: false, error: { fields: [{ path: 'issues', key: 'required' }] } });
  });

  it('lists consultations paged and filtered by period, venue and client', async () => {
    const a = await newClient(t);
    const b = await newClient(t, { surname: 'Каримова' });
    for (const d of ['2024-01-05', '2024-02-05', '2024-03-05']) await consult(t, a, d);
    await consult(t, b, '2024-02-20');
    const feb = await t.call('consultations:list', { from: '2024-02-01', to: '2024-02-29', sort: 'date', dir: 'asc' });
    expect(feb.rows.map((r) => [r.date, r.clientId])).toEqual([['2024-02-05', a], ['2024-02-20', b]]);
    const paged = await t.call('consultations:list', { clientId: a, limit: 2, offset: 0, sort: 'date', dir: 'desc' });
    expect(paged.total).toBe(3);
    expect(paged.rows.map((r) => r.date)).toEqual(['2024-03-05', '2024-02-05']);
    expect((await t.call('consultations:list', { venueKind: 'mobile_session' })).total).toBe(0);
    expect((await t.call('consultations:list', { contactPointId: cpId })).total).toBe(4);
  });
});

describe('mobile sessions and the session desk', () => {
  async function plan(date: string) {
    return t.call('mobileSessions:save', { date, districtId: 'su-bobojon-ghafurov', jamoat: 'Ҷамоати Унҷи', village: 'Деҳаи Унҷи', partnerAuthority: 'Ҳукумати ноҳия', team: [{ name: 'Шарипова Н.', role: 'lawyer' }] });
  }

  it('plans a session with a generated code, then conducts it; a future session cannot be conducted', async () => {
    const past = await plan('2024-05-10');
    expect(past.session).toMatchObject({ code: 'KH-01-20240510-1', status: 'planned', contactPointId: cpId });
    expect(past.team.map((m) => m.name)).toEqual(['Шарипова Н.']);
    expect((await plan('2024-05-10')).session.code).toBe('KH-01-20240510-2');
    const future = await plan(addMonths(todayIso(), 1));
    expect(await t.raw('mobileSessions:setStatus', { id: future.session.id, status: 'conducted' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect((await t.call('mobileSessions:setStatus', { id: past.session.id, status: 'conducted' })).session.status).toBe('conducted');
    expect((await t.call('mobileSessions:setStatus', { id: future.session.id, status: 'cancelled' })).session.status).toBe('cancelled');
    const list = await t.call('mobileSessions:list', { status: 'planned' });
    expect(list.rows.map((r) => r.id)).toEqual([expect.any(String)]);
    expect((await t.call('mobileSessions:list', { from: '2024-05-01', to: '2024-05-31', sort: 'code', dir: 'asc' })).rows.map((r) => r.code)).toEqual(['KH-01-20240510-1', 'KH-01-20240510-2']);
  });

  it('registers a woman and her consultation in one call, with venue, date and district from the session', async () => {
    const s = await plan('2024-05-10');
    const reg = await t.call('desk:register', {
      mobileSessionId: s.session.id,
      client: clientInput({ residenceDistrictId: 'su-khujand', household: wife('2023-01-01', null), children: [{ givenName: 'Фарида' }, { givenName: 'Умед' }] }),
      consultation: { issues: ['alimony_abroad'], lawyerName: 'Шарипова Н.' },
    });
    const k = await t.call('consultations:get', { id: reg.consultationId });
    expect(k).toMatchObject({ venueKind: 'mobile_session', mobileSessionId: s.session.id, date: '2024-05-10', districtId: 'su-bobojon-ghafurov', contactPointId: cpId });
    expect(k.snapshot).toMatchObject({ migrantHousehold: true, abandoned: true, residenceDistrictId: 'su-khujand' });
    expect(reg.client.children).toHaveLength(2);
    // Recording a consultation marks the planned session conducted; it cannot be undone or cancelled now.
    const detail = await t.call('mobileSessions:get', { id: s.session.id });
    expect(detail.session).toMatchObject({ status: 'conducted', consultationCount: 1, clientCount: 1 });
    expect(detail.consultations.map((c) => c.clientId)).toEqual([reg.clientId]);
    expect(await t.raw('mobileSessions:setStatus', { id: s.session.id, status: 'planned' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    // An existing client, found by search, is registered by id.
    const again = await t.call('desk:register', { mobileSessionId: s.session.id, clientId: reg.clientId, consultation: { issues: ['paternity'] } });
    expect(again.client.consultations).toHaveLength(2);
  });

  it('saves nothing when the consultation part of the desk registration fails', async () => {
    const s = await plan('2024-05-10');
    await t.call('mobileSessions:setStatus', { id: s.session.id, status: 'cancelled' });
    const before = (await t.call('clients:list', {})).total;
    const res = await t.raw('desk:register', { mobileSessionId: s.session.id, client: clientInput(), consultation: { issues: ['alimony'] } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'mobileSessionId', key: 'invalid' }] } });
    expect((await t.call('clients:list', {})).total).toBe(before);
  });

  it("names the desk's own fields when it refuses a registration", async () => {
    const s = await plan('2024-05-10');
    const phone = '+992 92 777 11 22';
    const twice = await t.raw('desk:register', {
      mobileSessionId: s.session.id,
      client: clientInput({ phones: [{ phone }, { phone }] }),
      consultation: { issues: ['alimony'] },
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'client.phones.1.phone', key: 'duplicate' }] } });
    const early = await t.raw('desk:register', { mobileSessionId: s.session.id, client: clientInput(), consultation: { issues: ['alimony'], followUpOn: '2024-05-01' } });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'consultation.followUpOn', key: 'dateOrder' }] } });
    // The desk has no date: a session still to come is refused on the session.
    const future = await plan(addMonths(todayIso(), 1));
    const ahead = await t.raw('desk:register', { mobileSessionId: future.session.id, client: clientInput(), consultation: { issues: ['alimony'] } });
    expect(ahead).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'mobileSessionId', key: 'futureDate' }] } });
  });

  it('refuses a consultation before the client was born, next to the date (contact point, session and desk)', async () => {
    const id = await newClient(t, { birthDate: '2024-05-20' });
    const atPoint = await t.raw('consultations:save', { clientId: id, date: '2024-05-19', venueKind: 'contact_point', issues: ['alimony'] });
    expect(atPoint).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'date', key: 'beforeBirth' }] } });
    expect((await consult(t, id, '2024-05-20')).date).toBe('2024-05-20');
    const s = await plan('2024-05-10');
    const inSession = await t.raw('consultations:save', { clientId: id, venueKind: 'mobile_session', mobileSessionId: s.session.id, issues: ['alimony'] });
    expect(inSession).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'beforeBirth' }] } });
    // At the desk the date is the session's: the birth date typed there is the one to correct.
    const before = (await t.call('clients:list', {})).total;
    const desk = await t.raw('desk:register', { mobileSessionId: s.session.id, client: clientInput({ birthDate: '2024-05-11' }), consultation: { issues: ['alimony'] } });
    expect(desk).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'client.birthDate', key: 'bornAfterConsultation', params: { date: '10.05.2024' } }] } });
    expect((await t.call('clients:list', {})).total).toBe(before);
  });

  it('says which date problem it is: no such day, not a date, in the future (one message per field)', async () => {
    const typed = async (birthDate: string) => (await t.raw('clients:save', clientInput({ birthDate }))) as { ok: false; error: { fields: Array<{ path: string; key: string; params?: unknown }> } };
    expect((await typed('31.02.1990')).error.fields).toEqual([{ path: 'birthDate', key: 'noSuchDay', params: { days: 28 } }]);
    expect((await typed('29.02.2023')).error.fields).toEqual([{ path: 'birthDate', key: 'noSuchDay', params: { days: 28 } }]);
    expect((await typed('25.13.1990')).error.fields).toEqual([{ path: 'birthDate', key: 'invalidDate' }]);
    expect((await typed(addMonths(todayIso(), 1))).error.fields).toEqual([{ path: 'birthDate', key: 'futureDate' }]);
  });

  it('registers the children typed at the desk, with whether each has a birth certificate', async () => {
    const s = await plan('2024-05-10');
    const reg = await t.call('desk:register', {
      mobileSessionId: s.session.id,
      client: clientInput({ children: [{ givenName: 'Фарида', birthDate: '2019-03-02', sex: 'F', hasBirthCertificate: false }, { givenName: 'Умед', sex: 'M', hasBirthCertificate: true }] }),
      consultation: { issues: ['birth_certificate'] },
    });
    const kids = (await t.call('clients:get', { id: reg.clientId })).children;
    expect(kids.map((c) => [c.givenName, c.birthDate, c.sex, c.hasBirthCertificate]).sort()).toEqual([
      ['Умед', null, 'M', true],
      ['Фарида', '2019-03-02', 'F', false],
    ]);
  });

  it('stores village and jamoat names without the word typed before them', async () => {
    const s = await plan('2024-05-10');
    expect(s.session).toMatchObject({ jamoat: 'Унҷи', village: 'Унҷи' });
    const c = await t.call('clients:save', clientInput({ residenceVillage: 'с. деҳаи Гулакандоз', residenceJamoat: 'ҶАМОАТИ Ҳамдамов' }));
    expect(c.client).toMatchObject({ residenceVillage: 'Гулакандоз', residenceJamoat: 'Ҳамдамов' });
  });

  it('refuses a session date that is not a consultation date in it', async () => {
    const s = await plan('2024-05-10');
    const id = await newClient(t);
    const res = await t.raw('consultations:save', { clientId: id, venueKind: 'mobile_session', mobileSessionId: s.session.id, date: '2024-05-11', issues: ['alimony'] });
    expect(res).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'invalid' }] } });
  });
});
