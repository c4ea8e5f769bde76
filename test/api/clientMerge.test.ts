import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// Merging two records of one person by choice: the user picks the record that survives and, field by
// field, whose value it keeps. The chosen values survive, the other record is tombstoned and points to
// the survivor, and its own values stay readable (the survivor's page lists it) and in change_log.

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
});
afterEach(async () => t?.cleanup());

const db = () => t.app.requireUnlocked().db;

/** The careful record (typed from her passport) and a sloppy one made later at a village session. */
async function twoRecords() {
  const careful = await newClient(t, {
    surname: 'Раҳимова',
    givenName: 'Гулнора',
    patronymic: 'Ҷамшедовна',
    birthDate: '1990-05-15',
    phones: [{ phone: '+992 93 123 45 67' }],
    idDocNumber: '',
  });
  const sloppy = await newClient(t, {
    surname: 'Рахимова',
    givenName: 'Гулнора',
    patronymic: '',
    birthDate: null,
    age: 35,
    phones: [{ phone: '+992 91 700 00 01' }],
    idDocType: 'passport',
    idDocNumber: 'A1234567',
    residenceVillage: 'Деҳаи Гулакандоз',
  });
  return { careful, sloppy };
}

describe('clients:merge by choice', () => {
  it('keeps the chosen record and the chosen value of each field; the other record is tombstoned, linked and listed', async () => {
    const { careful, sloppy } = await twoRecords();
    await consult(t, careful, '2024-01-10');
    await consult(t, sloppy, '2024-02-10');
    const kase = await t.call('cases:save', { clientId: sloppy, caseType: 'alimony_share' });

    // The sloppy record survives (its case number is already on court papers) but takes the careful
    // spelling, patronymic and birth date; it keeps its own document number and village.
    const merged = await t.call('clients:merge', { keepId: sloppy, mergeId: careful, take: ['surname', 'patronymic', 'birthDate'] });
    expect(merged.client).toMatchObject({
      id: sloppy,
      surname: 'Раҳимова',
      givenName: 'Гулнора',
      patronymic: 'Ҷамшедовна',
      birthDate: '1990-05-15',
      ageRecorded: null,
      idDocNumber: 'A1234567',
      residenceVillage: 'Гулакандоз',
    });
    expect(merged.consultations).toHaveLength(2);
    expect(merged.cases.map((c) => c.id)).toEqual([kase.case.id]);
    expect(merged.phones.map((p) => p.phone).sort()).toEqual(['+992917000001', '+992931234567']);

    // The merged-away record: gone from lists, its address leads to the survivor, its values kept.
    expect(await t.raw('clients:get', { id: careful })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { mergedIntoId: sloppy } } });
    const row = await db().selectFrom('clients').select(['deleted_at', 'merged_into_id', 'surname', 'patronymic', 'birth_date']).where('id', '=', careful).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ merged_into_id: sloppy, surname: 'Раҳимова', patronymic: 'Ҷамшедовна', birth_date: '1990-05-15' });
    expect(row.deleted_at).not.toBeNull();
    expect(merged.merged).toEqual([{ id: careful, surname: 'Раҳимова', givenName: 'Гулнора', patronymic: 'Ҷамшедовна', birthDate: '1990-05-15', idDocNumber: '', mergedAt: row.deleted_at }]);

    // The survivor's earlier spelling stays in the history: its first message still holds it.
    const history = await db().selectFrom('change_log').select('data').where('table_name', '=', 'clients').where('row_id', '=', sloppy).orderBy('seq').execute();
    expect(JSON.parse(history[0]!.data)).toMatchObject({ surname: 'Рахимова', patronymic: '', age_recorded: 35 });
    expect(JSON.parse(history.at(-1)!.data)).toMatchObject({ surname: 'Раҳимова', patronymic: 'Ҷамшедовна', birth_date: '1990-05-15', age_recorded: null });

    // The search finds the survivor under the spelling now kept, and by the patronymic it took.
    expect((await t.call('clients:list', { query: 'Jamshedovna' })).rows.map((r) => r.id)).toEqual([sloppy]);
    expect((await t.call('clients:list', { query: 'Гулнора' })).rows.map((r) => r.id)).toEqual([sloppy]);

    const audit = await db().selectFrom('audit_log').select('detail').where('action', '=', 'client.merge').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ mergedId: careful, filled: expect.arrayContaining(['surname', 'patronymic', 'birth_date', 'age_recorded']) });
    expect(audit.detail).not.toContain('Раҳимова');
  });

  it('keeps every value of the survivor when nothing is taken, and only the chosen ones otherwise', async () => {
    const { careful, sloppy } = await twoRecords();
    const kept = await t.call('clients:merge', { keepId: careful, mergeId: sloppy, take: [] });
    // An explicit choice is followed even where the survivor is empty: no document number comes over.
    expect(kept.client).toMatchObject({ surname: 'Раҳимова', patronymic: 'Ҷамшедовна', birthDate: '1990-05-15', idDocNumber: '', residenceVillage: '' });
    expect(kept.merged.map((m) => [m.surname, m.idDocNumber])).toEqual([['Рахимова', 'A1234567']]);
  });

  it('without a choice fills only what the survivor lacks', async () => {
    const { careful, sloppy } = await twoRecords();
    const kept = await t.call('clients:merge', { keepId: careful, mergeId: sloppy });
    expect(kept.client).toMatchObject({ surname: 'Раҳимова', patronymic: 'Ҷамшедовна', birthDate: '1990-05-15', idDocNumber: 'A1234567', residenceVillage: 'Гулакандоз' });
  });

  it('refuses an unknown field and merging a record into itself', async () => {
    const { careful, sloppy } = await twoRecords();
    expect(await t.raw('clients:merge', { keepId: careful, mergeId: sloppy, take: ['search_key'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.raw('clients:merge', { keepId: careful, mergeId: careful, take: [] })).toMatchObject({ ok: false, error: { fields: [{ path: 'mergeId', key: 'invalid' }] } });
    expect((await t.call('clients:list', {})).total).toBe(2);
  });

  it('erasing the survivor erases the merged-away record’s values too', async () => {
    const { careful, sloppy } = await twoRecords();
    await t.call('clients:merge', { keepId: careful, mergeId: sloppy, take: ['idDocument'] });
    await t.call('clients:erase', { id: careful, confirm: true });
    const rows = await db().selectFrom('clients').select(['id', 'surname', 'id_doc_number', 'residence_village']).where('id', 'in', [careful, sloppy]).execute();
    expect(rows.map((r) => [r.surname, r.id_doc_number, r.residence_village])).toEqual([
      ['—', '', ''],
      ['—', '', ''],
    ]);
    const logged = await db().selectFrom('change_log').select('data').where('row_id', '=', sloppy).execute();
    expect(logged.map((l) => l.data).join(' ')).not.toContain('Рахимова');
  });
});
