import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, todayIso } from '../../shared/domain/dates';
import { clientInput, consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
});
afterEach(async () => t?.cleanup());

async function fieldErrors(channel: Parameters<TestApp['raw']>[0], input: unknown): Promise<Record<string, string>> {
  const res = await t.raw(channel, input);
  expect(res.ok).toBe(false);
  if (res.ok) return {};
  expect(res.error.code).toBe('VALIDATION');
  return Object.fromEntries((res.error.fields ?? []).map((f) => [f.path, f.key]));
}

async function count(table: 'clients' | 'client_phones' | 'children' | 'migrant_households'): Promise<number> {
  const r = await t.app.requireUnlocked().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('clients:save', () => {
  it('saves a woman with her phones, husband abroad and children, and reads them back', async () => {
    const saved = await t.call(
      'clients:save',
      clientInput({
        phones: [{ phone: '93 123 45 67', label: 'own' }, { phone: '00992 98 765 43 21' }],
        household: { relation: 'wife', migrantSurname: 'Раҳимов', migrantGivenName: 'Ҷамшед', country: 'RU', city: 'Москва', departureDate: '2022-03-01', maritalStatus: 'religious_only' },
        children: [
          { givenName: 'Фарида', birthDate: '2015-02-01', sex: 'F', paternityRegistered: false },
          { givenName: 'Умед', birthDate: '2018-09-10', sex: 'M', birthCertificate: 'I-АР 123456' },
        ],
      }),
    );
    expect(saved.phones.map((p) => p.phone)).toEqual(['+992931234567', '+992987654321']);
    expect(saved.household).toMatchObject({ relation: 'wife', country: 'RU', maritalStatus: 'religious_only', abandonedOverride: null });
    expect(saved.children.map((c) => c.givenName)).toEqual(['Фарида', 'Умед']);
    expect(saved.client.migrantHousehold).toBe(true);
    // Departed in 2022 with no remittance recorded: abandoned today, and the app says why.
    expect(saved.abandonment).toMatchObject({ computed: true, effective: true, reason: { code: 'no_remittance_departed', departure: '2022-03-01' } });

    // Update: one phone removed, one child removed, household cleared.
    const again = await t.call(
      'clients:save',
      clientInput({ id: saved.client.id, phones: [{ id: saved.phones[1]!.id, phone: '+992987654321' }], household: null, children: [{ id: saved.children[0]!.id, givenName: 'Фарида' }] }),
    );
    expect(again.phones.map((p) => p.phone)).toEqual(['+992987654321']);
    expect(again.children).toHaveLength(1);
    expect(again.household).toBeNull();
    expect(again.abandonment).toBeNull();
  });

  it('names each invalid field: bad phone, future birth date, missing birth date and age, out-of-range age', async () => {
    const tomorrow = addMonths(todayIso(), 1);
    expect(await fieldErrors('clients:save', clientInput({ phones: [{ phone: '12345' }], birthDate: tomorrow, surname: '' }))).toMatchObject({
      'phones.0.phone': 'phone',
      birthDate: 'futureDate',
      surname: 'required',
    });
    expect(await fieldErrors('clients:save', clientInput({ birthDate: null, age: null }))).toMatchObject({ birthDate: 'required' });
    expect(await fieldErrors('clients:save', clientInput({ birthDate: null, age: 150 }))).toMatchObject({ age: 'ageRange' });
    expect(await fieldErrors('clients:save', clientInput({ household: { lastRemittanceDate: tomorrow } }))).toMatchObject({ 'household.lastRemittanceDate': 'futureDate' });
    expect(await fieldErrors('clients:save', clientInput({ children: [{ givenName: 'А', birthDate: '2015-02-30' }] }))).toMatchObject({ 'children.0.birthDate': 'noSuchDay' });
  });

  it('saves nothing when one part is invalid', async () => {
    const before = await Promise.all([count('clients'), count('client_phones'), count('children'), count('migrant_households')]);
    // Valid for the schema, refused by the checks that run in the transaction (the same phone twice).
    await fieldErrors('clients:save', clientInput({ phones: [{ phone: '931234567' }, { phone: '+992 93 123 45 67' }], household: { relation: 'wife' }, children: [{ givenName: 'А' }] }));
    // A child id that is not hers: refused, and her existing record is untouched.
    const id = await newClient(t);
    const other = await t.call('clients:save', clientInput({ surname: 'Каримова', children: [{ givenName: 'Б' }] }));
    await fieldErrors('clients:save', clientInput({ id, surname: 'Изменённая', children: [{ id: other.children[0]!.id, givenName: 'Б' }] }));
    expect((await t.call('clients:get', { id })).client.surname).toBe('Раҳимова');
    const after = await Promise.all([count('clients'), count('client_phones'), count('children'), count('migrant_households')]);
    expect(after).toEqual([before[0] + 2, before[1] + 2, before[2] + 1, before[3]]);
  });

  it('keeps a recorded age ageing: the age told two years ago is two years more today', async () => {
    const id = await newClient(t, { birthDate: null, age: 40 });
    const db = t.app.requireUnlocked().db;
    const twoYearsAgo = addMonths(todayIso(), -24);
    await db.updateTable('clients').set({ age_recorded_on: twoYearsAgo }).where('id', '=', id).execute();
    const got = await t.call('clients:get', { id });
    expect(got.client.age).toBe(42);
    // Saving the form back with the same recorded age keeps its date.
    await t.call('clients:save', clientInput({ id, birthDate: null, age: got.client.ageRecorded }));
    expect((await t.call('clients:get', { id })).client.ageRecordedOn).toBe(twoYearsAgo);
  });

  it('audits creation without personal data', async () => {
    const id = await newClient(t);
    const db = t.app.requireUnlocked().db;
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'client.create').where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(entry.username).toBe('admin');
    expect(entry.detail).not.toMatch(/Раҳимова|Малика|931234567/);
  });
});

describe('abandonment override', () => {
  it('needs a reason to override, and can be cleared', async () => {
    const id = await newClient(t, { household: { relation: 'wife', departureDate: '2020-01-01' } });
    expect(await fieldErrors('clients:setAbandonedOverride', { clientId: id, override: false, reason: '' })).toMatchObject({ reason: 'required' });
    const set = await t.call('clients:setAbandonedOverride', { clientId: id, override: false, reason: 'Шавҳар моҳи гузашта пул фиристод' });
    expect(set.abandonment).toMatchObject({ computed: true, override: false, effective: false });
    const cleared = await t.call('clients:setAbandonedOverride', { clientId: id, override: null, reason: '' });
    expect(cleared.abandonment).toMatchObject({ override: null, overrideReason: '', effective: true });
  });

  it('refuses an override for a client without a migrant household', async () => {
    const id = await newClient(t);
    expect(await fieldErrors('clients:setAbandonedOverride', { clientId: id, override: true, reason: 'x' })).toMatchObject({ override: 'invalid' });
  });
});

describe('duplicates and merge', () => {
  it('finds the same person by name in another spelling, by name + birth date, by phone and by document', async () => {
    const tajik = await newClient(t, { surname: 'Раҳимова', givenName: 'Малика', birthDate: '1990-05-15', phones: [], idDocNumber: 'A 1234567' });
    const russian = await newClient(t, { surname: 'Рахимова', givenName: 'Малика', patronymic: '', birthDate: '1991-01-01', phones: [] });
    const phoneOnly = await newClient(t, { surname: 'Каримова', givenName: 'Зарина', phones: [{ phone: '+992 92 000 11 22' }] });
    await newClient(t, { surname: 'Раҳимова', givenName: 'Нигина', phones: [] });

    const found = await t.call('clients:findDuplicates', { surname: 'Rakhimova', givenName: 'Malika', birthDate: '1990-05-15', phones: ['92 000 11 22'], idDocNumber: 'a1234567' });
    const reasons = Object.fromEntries(found.map((d) => [d.client.id, d.reasons]));
    expect(reasons[tajik]).toEqual(['name_birth_date', 'id_document']);
    expect(reasons[russian]).toEqual(['name']);
    expect(reasons[phoneOnly]).toEqual(['phone']);
    expect(found).toHaveLength(3); // Раҳимова Нигина is another woman
    expect(found[0]!.client.id).toBe(tajik); // strongest match first
    expect(await t.call('clients:findDuplicates', { excludeId: tajik, surname: 'Раҳимова', givenName: 'Малика' })).toHaveLength(1);
  });

  it('merges two records of one person keeping all consultations, cases, phones and children', async () => {
    const keep = await newClient(t, { phones: [{ phone: '931234567' }], idDocNumber: '' });
    const other = await newClient(t, {
      surname: 'Рахимова',
      phones: [{ phone: '931234567' }, { phone: '987654321' }],
      idDocNumber: 'A7654321',
      children: [{ givenName: 'Фарида' }],
      household: { relation: 'wife', departureDate: '2021-01-01' },
    });
    await consult(t, keep, '2024-01-10');
    await consult(t, other, '2024-02-10');
    await consult(t, other, '2024-03-10');
    const kase = await t.call('cases:save', { clientId: other, caseType: 'alimony_share' });

    const merged = await t.call('clients:merge', { keepId: keep, mergeId: other });
    expect(merged.consultations).toHaveLength(3);
    expect(merged.cases.map((c) => c.id)).toEqual([kase.case.id]);
    expect(merged.phones.map((p) => p.phone).sort()).toEqual(['+992931234567', '+992987654321']);
    expect(merged.children.map((c) => c.givenName)).toEqual(['Фарида']);
    expect(merged.household).toMatchObject({ departureDate: '2021-01-01' });
    expect(merged.client.idDocNumber).toBe('A7654321'); // empty field filled from the merged record

    const gone = await t.raw('clients:get', { id: other });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { mergedIntoId: keep } } });
    const list = await t.call('clients:list', { query: 'Rahimova' });
    expect(list.rows.map((r) => r.id)).toEqual([keep]);
  });

  it('does not let a paralegal merge', async () => {
    const db = t.app.requireUnlocked().db;
    await db.updateTable('users').set({ role: 'paralegal' }).execute();
    t.app.requireUnlocked().user.role = 'paralegal';
    const a = await newClient(t);
    const b = await newClient(t);
    await expect(t.call('clients:merge', { keepId: a, mergeId: b })).rejects.toMatchObject({ info: { code: 'FORBIDDEN' } });
  });
});

describe('clients:list and search:global', () => {
  it('pages, sorts and filters, with the total of matching rows', async () => {
    const names = ['Давлатова', 'Азимова', 'Бобоева', 'Валиева', 'Ғаниева'];
    for (const [i, surname] of names.entries()) {
      await newClient(t, { surname, birthDate: `198${i}-01-01`, phones: [], household: i % 2 === 0 ? { relation: 'wife' } : null });
    }
    await newClient(t, { surname: 'Юсуфов', givenName: 'Далер', sex: 'M', phones: [] });
    const page1 = await t.call('clients:list', { sort: 'name', dir: 'asc', limit: 2, offset: 0, sex: 'F' });
    const page2 = await t.call('clients:list', { sort: 'name', dir: 'asc', limit: 2, offset: 2, sex: 'F' });
    expect(page1.total).toBe(5);
    expect([...page1.rows, ...page2.rows].map((r) => r.surname)).toEqual(['Азимова', 'Бобоева', 'Валиева', 'Ғаниева']);
    const byBirth = await t.call('clients:list', { sort: 'birthDate', dir: 'desc', limit: 1, sex: 'F' });
    expect(byBirth.rows[0]!.surname).toBe('Ғаниева');
    const migrants = await t.call('clients:list', { migrantHousehold: true, sort: 'name', dir: 'asc' });
    // Tajik alphabetical order: Ғ comes right after Г, before Д.
    expect(migrants.rows.map((r) => r.surname)).toEqual(['Бобоева', 'Ғаниева', 'Давлатова']);
    expect(migrants.rows.every((r) => r.migrantHousehold)).toBe(true);
    const notMigrants = await t.call('clients:list', { migrantHousehold: false });
    expect(notMigrants.total).toBe(3);
  });

  it('shows with each woman, in the list and in a search, her first phone and whether her household is a migrant one', async () => {
    const id = await newClient(t, { phones: [{ phone: '+992 93 123 45 67' }, { phone: '+992 90 555 00 11' }], household: { relation: 'wife' } });
    await newClient(t, { surname: 'Азимова', phones: [], household: null });
    const listed = (await t.call('clients:list', { sort: 'name', dir: 'asc' })).rows.map((r) => [r.surname, r.phone, r.migrantHousehold]);
    expect(listed).toEqual([
      ['Азимова', '', false],
      ['Раҳимова', '+992931234567', true],
    ]);
    expect((await t.call('search:global', { query: 'Раҳимова' })).clients.map((c) => [c.id, c.phone, c.migrantHousehold])).toEqual([[id, '+992931234567', true]]);
  });

  it('finds Rahimova, Раҳимова and Рахимова from each other, by phone, document and court case number', async () => {
    const tajik = await newClient(t, { surname: 'Раҳимова', phones: [{ phone: '+992 93 555 66 77' }], idDocNumber: 'A0001234' });
    const russian = await newClient(t, { surname: 'Рахимова', givenName: 'Зарина', phones: [] });
    const latin = await newClient(t, { surname: 'Rahimova', givenName: 'Nigora', phones: [] });
    await newClient(t, { surname: 'Раҳимов', givenName: 'Далер', sex: 'M', phones: [] });
    await t.call('cases:save', { clientId: tajik, caseType: 'alimony_share', courtCaseNumber: '2-345/2024' });

    for (const query of ['Rahimova', 'Раҳимова', 'Рахимова', 'rakhimova', 'Рахимова ']) {
      const r = await t.call('search:global', { query });
      expect(new Set(r.clients.map((c) => c.id)), query).toEqual(new Set([tajik, russian, latin]));
    }
    const prefix = await t.call('search:global', { query: 'Раҳ' });
    expect(prefix.clients).toHaveLength(4);
    const phone = await t.call('search:global', { query: '935556677' });
    expect(phone.clients.map((c) => [c.id, c.matchedBy])).toEqual([[tajik, 'phone']]);
    expect((await t.call('search:global', { query: '+992 93 555 66' })).clients.map((c) => c.id)).toEqual([tajik]);
    expect((await t.call('search:global', { query: 'a0001234' })).clients.map((c) => [c.id, c.matchedBy])).toEqual([[tajik, 'id_document']]);
    const court = await t.call('search:global', { query: '2-345/2024' });
    expect(court.cases.map((c) => [c.clientId, c.matchedBy])).toEqual([[tajik, 'court_case_number']]);
    // Her cases come with her name too.
    expect((await t.call('search:global', { query: 'Rahimova Malika' })).cases.map((c) => c.clientId)).toEqual([tajik]);
  });

  it('finds a woman by her given name or patronymic alone, in any script, and by digits from the middle of her phone or document number', async () => {
    const zarina = await newClient(t, { surname: 'Раҳимова', givenName: 'Зарина', patronymic: 'Ҷамшедовна', phones: [{ phone: '+992 93 929 11 22' }], idDocNumber: 'A0045678' });
    const nigora = await newClient(t, { surname: 'Каримова', givenName: 'Нигора', patronymic: 'Ҷамшедовна', phones: [{ phone: '+992 90 111 22 33' }] });
    const zarinabonu = await newClient(t, { surname: 'Ализода', givenName: 'Заринабону', patronymic: 'Алиевна', phones: [] });
    await newClient(t, { surname: 'Юсуфов', givenName: 'Далер', patronymic: 'Каримович', sex: 'M', phones: [{ phone: '+992 92 000 44 55' }] });
    const found = async (query: string) => (await t.call('search:global', { query })).clients.map((c) => c.id);

    // A given name alone: the whole word before longer names that start with it; a patronymic alone.
    for (const query of ['Зарина', 'Zarina', 'зарина']) expect(await found(query), query).toEqual([zarina, zarinabonu]);
    expect(await found('Ҷамшедовна')).toEqual([zarina, nigora]);
    expect(await found('Jamshedovna')).toEqual([zarina, nigora]);
    expect(await found('Нигора Джамшедовна')).toEqual([nigora]);
    // Given name then surname, and every word must match.
    expect(await found('Зарина Раҳимова')).toEqual([zarina]);
    expect(await found('Зарина Каримова')).toEqual([]);
    // Digits from the middle of a phone number or of a document number.
    const phone = await t.call('search:global', { query: '9291' });
    expect(phone.clients.map((c) => [c.id, c.matchedBy])).toEqual([[zarina, 'phone']]);
    expect(await found('29112')).toEqual([zarina]);
    expect(await found('111 22')).toEqual([nigora]);
    expect(await found('45678')).toEqual([zarina]);
    // The clients list's search box finds the same.
    const list = await t.call('clients:list', { query: 'Зарина', sort: 'name', dir: 'asc' });
    expect(list.rows.map((r) => r.id)).toEqual([zarinabonu, zarina]);
    expect((await t.call('clients:list', { query: '9291' })).rows.map((r) => r.id)).toEqual([zarina]);

    // The terms follow every change: a corrected given name, a changed phone, a merge, an erasure.
    await t.call('clients:save', clientInput({ id: nigora, surname: 'Каримова', givenName: 'Нигина', patronymic: 'Ҷамшедовна', phones: [{ phone: '+992 90 777 88 99' }] }));
    expect(await found('Нигора')).toEqual([]);
    expect(await found('Нигина')).toEqual([nigora]);
    expect(await found('111 22')).toEqual([]);
    expect(await found('77788')).toEqual([nigora]);
    await t.call('clients:merge', { keepId: zarina, mergeId: zarinabonu });
    expect(await found('Заринабону')).toEqual([]);
    await t.call('clients:erase', { id: zarina, confirm: true });
    expect(await found('Ҷамшедовна')).toEqual([nigora]);
    expect(await found('9291')).toEqual([]);
    expect(await found('45678')).toEqual([]);
  });

  it('answers a given name or a run of digits from the index of search terms', async () => {
    const db = t.app.requireUnlocked().db;
    const { sql } = await import('kysely');
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT client_id FROM client_search_terms WHERE term >= ${'n:zarina'} AND term < ${'n:zarina\uffff'}`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/SEARCH client_search_terms USING PRIMARY KEY \(term>\? AND term<\?\)/);
  });

  it('answers a name search from the index, not by scanning clients', async () => {
    const db = t.app.requireUnlocked().db;
    const { sql } = await import('kysely');
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM clients WHERE search_key >= ${'rahimova'} AND search_key < ${'rahimova\uffff'} AND deleted_at IS NULL`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX clients_search_key/);
  });
});
