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
