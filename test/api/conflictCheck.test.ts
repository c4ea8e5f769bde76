import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The conflict-of-interest check: a case's respondent compared with the office's own clients by the
// duplicate check's matching (any spelling of the name, birth date, phone); the lawyer decides before
// the case is saved, and the check and the decision are in the audit trail.

let t: TestApp;
let wifeId: string;
let husbandId: string;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  wifeId = await newClient(t);
  // The husband came to the office earlier on a matter of his own.
  husbandId = await newClient(t, { surname: 'Каримов', givenName: 'Рустам', patronymic: 'Саидович', sex: 'M', birthDate: '1985-02-03', phones: [{ phone: '+992 90 555 11 22' }] });
});
afterEach(async () => t?.cleanup());

const auditOf = (action: string) => t.app.requireUnlocked().db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

describe('conflict check of the respondent', () => {
  it('finds the husband written in Latin letters, with his birth date as the stronger match, and audits the check', async () => {
    const check = await t.call('cases:checkConflicts', { clientId: wifeId, respondentName: 'Karimov Rustam Saidovich', respondentBirthDate: '1985-02-03' });
    expect(check.matches.map((m) => [m.client.id, m.reasons])).toEqual([[husbandId, ['name_birth_date']]]);
    expect(check.matches[0]!.client).toMatchObject({ surname: 'Каримов', givenName: 'Рустам' });
    // Given name first, Russian spelling: still him.
    const other = await t.call('cases:checkConflicts', { clientId: wifeId, respondentName: 'Рустам Каримов', respondentBirthDate: '' });
    expect(other.matches.map((m) => [m.client.id, m.reasons])).toEqual([[husbandId, ['name']]]);
    const checks = await auditOf('case.conflictCheck');
    expect(checks).toHaveLength(2);
    expect(JSON.parse(checks[0]!.detail)).toEqual({ clientId: wifeId, matches: 1, clientIds: [husbandId] });
    // Only ids in the trail, never the name that was typed.
    expect(checks.map((c) => c.detail).join()).not.toMatch(/Karimov|Каримов/);
  });

  it('finds him by his phone number under another name, and never matches the case’s own client', async () => {
    const byPhone = await t.call('cases:checkConflicts', { clientId: wifeId, respondentName: 'Неизвестный', respondentPhone: '90 555 11 22' });
    expect(byPhone.matches.map((m) => [m.client.id, m.reasons])).toEqual([[husbandId, ['phone']]]);
    const ownPhone = await t.call('cases:checkConflicts', { clientId: wifeId, respondentName: 'Раҳимова Малика', respondentPhone: '+992 93 123 45 67' });
    expect(ownPhone.matches).toEqual([]);
    const stranger = await t.call('cases:checkConflicts', { clientId: wifeId, respondentName: 'Шарипов Фаридун', respondentPhone: '+992 91 000 00 01' });
    expect(stranger.matches).toEqual([]);
  });

  it('refuses to save over a match without the lawyer’s decision; with it, saves the reason and audits the decision', async () => {
    const input = { clientId: wifeId, caseType: 'alimony_fixed_sum' as const, openedOn: '2024-03-01', respondentName: 'Karimov Rustam', respondentPhone: '+992 90 555 11 22' };
    const refused = await t.raw('cases:save', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT_OF_INTEREST', params: { matches: 1 } } });
    expect((await t.call('cases:list', {})).total).toBe(0);
    // A decision that does not name every match is no decision.
    const partial = await t.raw('cases:save', { ...input, conflict: { reason: 'Другой человек', clientIds: [wifeId] } });
    expect(partial).toMatchObject({ ok: false, error: { code: 'CONFLICT_OF_INTEREST' } });
    const noReason = await t.raw('cases:save', { ...input, conflict: { reason: '', clientIds: [husbandId] } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'conflict.reason', key: 'required' }] } });

    const saved = await t.call('cases:save', { ...input, conflict: { reason: 'Другой человек: иной паспорт', clientIds: [husbandId] } });
    expect(saved.case).toMatchObject({ respondentPhone: '+992905551122', conflictNote: 'Другой человек: иной паспорт' });
    const decisions = await auditOf('case.conflictProceed');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.entity_id).toBe(saved.case.id);
    expect(JSON.parse(decisions[0]!.detail)).toEqual({ clientIds: [husbandId], matches: 1 });

    // Editing the case without touching the respondent does not ask again; a new respondent does.
    expect((await t.call('cases:save', { ...input, id: saved.case.id, notes: 'Суд назначен' })).case.notes).toBe('Суд назначен');
    const changed = await t.raw('cases:save', { ...input, id: saved.case.id, respondentName: 'Каримов Рустам Саидович', respondentBirthDate: '1985-02-03' });
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT_OF_INTEREST' } });
  });

  it('audits the lawyer’s decision not to go on', async () => {
    await t.call('cases:declineConflict', { clientId: wifeId, clientIds: [husbandId] });
    const declined = await auditOf('case.conflictCancel');
    expect(declined).toHaveLength(1);
    expect(JSON.parse(declined[0]!.detail)).toEqual({ clientId: wifeId, clientIds: [husbandId] });
  });
});

describe('conflict check of a respondent named in a filing', () => {
  // A case saved without its respondent: the filing wizard asks for him, and keeps the answer with the case.
  const filing = (caseId: string, respondentName: string) => ({
    caseId,
    templateId: 'alimony-share',
    language: 'ru' as const,
    answers: { respondent_name: respondentName, respondent_birth_date: '03.02.1985', respondent_address: 'г. Худжанд, ул. Ленина 45', paternity_basis: 'совместное заявление родителей от 12.05.2019' },
  });

  /** A mother with what the filing takes from her record: her address and her child. */
  const mother = () =>
    newClient(t, {
      surname: 'Саидова',
      givenName: 'Зарина',
      phones: [{ phone: '+992 92 700 00 01' }],
      residenceDistrictId: 'su-khujand',
      residenceAddress: 'ул. Ленина 45',
      children: [{ givenName: 'Мадина', surname: 'Каримова', birthDate: '2017-08-01', sex: 'F' }],
    });

  it('refuses a filing whose typed respondent is a client of the office, audits the check, and saves one naming a stranger', async () => {
    const motherId = await mother();
    const kase = (await t.call('cases:save', { clientId: motherId, caseType: 'alimony_share', courtName: 'Суд города Худжанд' })).case;
    const refused = await t.raw('filings:save', filing(kase.id, 'Каримов Рустам Саидович'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT_OF_INTEREST', fields: [{ path: 'answers.respondent_name', key: 'respondentIsClient' }], params: { matches: 1 } } });
    expect(await t.call('documents:list', { caseId: kase.id })).toEqual([]);
    const checks = await auditOf('case.conflictCheck');
    expect(checks.map((c) => [c.entity_id, JSON.parse(c.detail)])).toEqual([[kase.id, { clientId: motherId, matches: 1, clientIds: [husbandId], filing: true }]]);
    expect(checks[0]!.detail).not.toMatch(/Каримов/);

    const saved = await t.call('filings:save', filing(kase.id, 'Шарипов Фаридун Бахтиёрович'));
    expect(saved).toMatchObject({ kind: 'filing', caseId: kase.id });
    expect(JSON.parse((await auditOf('case.conflictCheck'))[1]!.detail)).toEqual({ clientId: motherId, matches: 0, clientIds: [], filing: true });
  });

  it('does not ask again for a respondent the case holds: the case’s form checked him and the lawyer decided', async () => {
    const kase = (
      await t.call('cases:save', {
        clientId: await mother(),
        caseType: 'alimony_share',
        courtName: 'Суд города Худжанд',
        respondentName: 'Каримов Рустам Саидович',
        respondentBirthDate: '1985-02-03',
        respondentAddress: 'г. Худжанд, ул. Ленина 45',
        conflict: { reason: 'Другой человек: иной паспорт', clientIds: [husbandId] },
      })
    ).case;
    // The filing takes him from the case; a name typed in the wizard does not replace the case's.
    const saved = await t.call('filings:save', filing(kase.id, 'Каримов Рустам'));
    expect(saved).toMatchObject({ kind: 'filing', caseId: kase.id });
    expect(await auditOf('case.conflictCheck')).toEqual([]);
  });
});
