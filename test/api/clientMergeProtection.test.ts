import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// Merging two records of one person never drops her protection: when either is marked sensitive the
// survivor is, whichever record survives and whichever fields are taken; she stays kept for the lawyer the
// marked record was kept for, and the audit trail says that the survivor was marked by the merge.

const PASS = 'a long enough password 1';
let t: TestApp;
let lawyerA: string;
let lawyerB: string;
let marked: string;
let duplicate: string;

async function signInAs(username: string, passphrase = PASS) {
  await t.call('login:lock', {});
  await t.call('login:unlock', { username, passphrase });
}
const db = () => t.app.requireUnlocked().db;
const auditOf = (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
const protectionOf = (id: string) => db().selectFrom('clients').select(['sensitive', 'recorded_by_user_id']).where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  lawyerA = (await t.call('users:create', { username: 'lawyer.a', displayName: 'Lawyer A', role: 'lawyer', password: PASS, passwordConfirm: PASS })).id;
  lawyerB = (await t.call('users:create', { username: 'lawyer.b', displayName: 'Lawyer B', role: 'lawyer', password: PASS, passwordConfirm: PASS })).id;
  // Lawyer A records her at the contact point and marks her record: she fled violence.
  await signInAs('lawyer.a');
  marked = await newClient(t, { surname: 'Раҳимова', givenName: 'Гулнора', patronymic: 'Ҷамшедовна', birthDate: '1990-05-15', phones: [{ phone: '+992 93 123 45 67' }] });
  await t.call('clients:setSensitive', { id: marked, sensitive: 'violence' });
  await consult(t, marked, '2024-01-10', { issues: ['family_violence'] });
  // Lawyer B records her again at a village session, unmarked, with another phone.
  await signInAs('lawyer.b');
  duplicate = await newClient(t, { surname: 'Рахимова', givenName: 'Гулнора', patronymic: '', birthDate: null, age: 35, phones: [{ phone: '+992 91 700 00 01' }] });
  await consult(t, duplicate, '2024-02-10');
  await signInAs(ADMIN.username, ADMIN.passphrase);
});
afterEach(async () => t?.cleanup());

describe('a merge keeps the sensitive mark', () => {
  it('marks the surviving unmarked record, keeps her for the lawyer of the marked one, and audits the mark', async () => {
    // The unmarked village record survives and takes every field of the marked one: still no field is her mark.
    const merged = await t.call('clients:merge', { keepId: duplicate, mergeId: marked, take: ['surname', 'patronymic', 'birthDate', 'residence', 'notes'] });
    expect(merged.client.sensitive).toBe('violence');
    expect(merged.consultations).toHaveLength(2);
    expect(await protectionOf(duplicate)).toEqual({ sensitive: 'violence', recorded_by_user_id: lawyerA });

    const marks = await auditOf('client.sensitive');
    expect(marks.at(-1)).toMatchObject({ entity: 'clients', entity_id: duplicate, username: ADMIN.username });
    expect(JSON.parse(marks.at(-1)!.detail)).toEqual({ from: null, to: 'violence', mergedId: marked });
    const merge = await auditOf('client.merge');
    expect(JSON.parse(merge[0]!.detail)).toMatchObject({ mergedId: marked, sensitive: 'violence' });

    // Lawyer B, who recorded only the unmarked duplicate, is now kept from her; lawyer A still sees her.
    await signInAs('lawyer.b');
    expect(await t.raw('clients:get', { id: duplicate })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect((await t.call('clients:list', { query: 'Гулнора' })).rows.map((r) => r.id)).toEqual([]);
    await signInAs('lawyer.a');
    expect((await t.call('clients:get', { id: duplicate })).client).toMatchObject({ id: duplicate, sensitive: 'violence' });
    expect(lawyerB).not.toBe(lawyerA);
  });

  it('keeps the marked survivor marked and kept for its own lawyer, without a new marking', async () => {
    const merged = await t.call('clients:merge', { keepId: marked, mergeId: duplicate, take: ['surname', 'birthDate'] });
    expect(merged.client.sensitive).toBe('violence');
    expect(await protectionOf(marked)).toEqual({ sensitive: 'violence', recorded_by_user_id: lawyerA });
    // Marked once, by lawyer A; the merge changed nothing of the mark.
    expect((await auditOf('client.sensitive')).map((a) => a.username)).toEqual(['lawyer.a']);
    expect(JSON.parse((await auditOf('client.merge'))[0]!.detail)).toMatchObject({ mergedId: duplicate, sensitive: 'violence' });
  });

  it('keeps the survivor’s own mark when both records are marked, and her cases keep their lawyers', async () => {
    await t.call('clients:setSensitive', { id: duplicate, sensitive: 'hiv' });
    const kase = await t.call('cases:save', { clientId: marked, caseType: 'alimony_share', responsibleUserId: lawyerA, responsibleName: 'Lawyer A' });
    await t.call('clients:merge', { keepId: duplicate, mergeId: marked });
    // The survivor's own mark and recorder stay; the lawyer of the marked record's case still sees her through it.
    expect(await protectionOf(duplicate)).toEqual({ sensitive: 'hiv', recorded_by_user_id: lawyerB });
    await signInAs('lawyer.a');
    expect((await t.call('clients:get', { id: duplicate })).cases.map((c) => c.id)).toEqual([kase.case.id]);
  });
});
