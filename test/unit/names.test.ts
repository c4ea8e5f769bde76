import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, checkCaseTransition } from '../../shared/domain/caseWorkflow';
import { formatSomoni, parseSomoni } from '../../shared/domain/money';
import { cyrillicKey, duplicateNameKey, latinKey, nameKeys } from '../../shared/domain/names';
import { normalizePhone, phoneSearchPrefix } from '../../shared/domain/phone';
import { ageOnDate, takeSnapshot } from '../../shared/domain/snapshot';

describe('name keys', () => {
  it('gives one Latin key for the Tajik, Russian and Latin spellings of a name', () => {
    const spellings = ['Раҳимова', 'Рахимова', 'Rahimova', 'Rakhimova', 'Raximova', 'RAHIMOVA'];
    expect(new Set(spellings.map(latinKey))).toEqual(new Set(['rahimova']));
    expect(new Set(['Ҷӯраева', 'Джураева', 'Djuraeva', 'Dzhuraeva', 'Juraeva'].map(latinKey)).size).toBe(1);
    expect(new Set(['Қурбонова', 'Qurbonova', 'Kurbonova', 'Курбонова'].map(latinKey)).size).toBe(1);
    expect(new Set(['Ғафурова', 'Ghafurova', 'Гафурова'].map(latinKey)).size).toBe(1);
    expect(new Set(['Якубова', 'Yakubova'].map(latinKey)).size).toBe(1);
    expect(new Set(['Раҳимӣ', 'Rahimiy', 'Rahimi', 'Рахими'].map(latinKey)).size).toBe(1);
    expect(latinKey('Шарипова')).not.toBe(latinKey('Сарипова'));
  });

  it('folds the Tajik letters and ё in the Cyrillic key', () => {
    expect(cyrillicKey('Раҳимова  Ҷамила-Қурбон')).toBe('рахимова чамила курбон');
    expect(cyrillicKey('Ғӣӯё')).toBe('гиуе');
    expect(cyrillicKey('Раҳимова'.normalize('NFD'))).toBe('рахимова');
  });

  it('keys the full name surname first and the duplicate key without the patronymic', () => {
    expect(nameKeys({ surname: 'Раҳимова', givenName: 'Малика', patronymic: 'Ҷамшедовна' }).searchKey).toBe('rahimova malika jamshedovna');
    expect(duplicateNameKey({ surname: 'Rakhimova', givenName: 'Malika' })).toBe('rahimova malika');
  });
});

describe('phones', () => {
  it('normalises the usual ways of writing a Tajik number to +992XXXXXXXXX', () => {
    for (const s of ['+992 93 123 45 67', '992931234567', '00992931234567', '93-123-45-67', '(93) 1234567', '8931234567', '931234567']) {
      expect(normalizePhone(s)).toBe('+992931234567');
    }
  });
  it('refuses what is not a Tajik number', () => {
    for (const s of ['12345', '+7 916 123 45 67', '93 123 45 6x', '', '+992 93 123 45 678']) expect(normalizePhone(s)).toBeNull();
  });
  it('turns a partial number into an indexed prefix', () => {
    expect(phoneSearchPrefix('93 123')).toBe('+99293123');
    expect(phoneSearchPrefix('+992 93 12')).toBe('+9929312');
    expect(phoneSearchPrefix('93')).toBeNull();
    expect(phoneSearchPrefix('Раҳимова')).toBeNull();
  });
});

describe('case workflow', () => {
  it('allows forward steps, sensible skips and closing', () => {
    expect(checkCaseTransition('open', 'preparing_documents', null)).toEqual({ ok: true });
    expect(checkCaseTransition('open', 'filed', null)).toEqual({ ok: true });
    expect(checkCaseTransition('filed', 'decided', null)).toEqual({ ok: true });
    expect(checkCaseTransition('decided', 'closed', 'granted')).toEqual({ ok: true });
    expect(checkCaseTransition('open', 'closed', 'withdrawn')).toEqual({ ok: true });
    expect(checkCaseTransition('hearing', 'closed', 'settled')).toEqual({ ok: true });
    expect(checkCaseTransition('decided', 'hearing', null)).toEqual({ ok: true });
  });
  it('refuses going back, skipping to a decision before filing, reopening, and closing without a fitting outcome', () => {
    expect(checkCaseTransition('filed', 'open', null)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkCaseTransition('open', 'decided', null)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkCaseTransition('closed', 'open', null)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkCaseTransition('open', 'closed', null)).toMatchObject({ ok: false, reason: 'outcome_required' });
    expect(checkCaseTransition('open', 'closed', 'granted')).toMatchObject({ ok: false, reason: 'outcome_not_allowed' });
    expect(allowedNextStatuses('closed')).toEqual([]);
  });
});

describe('money', () => {
  it('reads somoni as typed into diram and shows it back', () => {
    expect(parseSomoni('1 250,50')).toBe(125050);
    expect(parseSomoni('350')).toBe(35000);
    expect(parseSomoni('')).toBeNull();
    expect(parseSomoni('12.345')).toBeNaN();
    expect(formatSomoni(125050)).toBe('1\u00a0250.50');
  });
});

describe('age and snapshot', () => {
  it('computes the age on a date from the birth date, or from the recorded age', () => {
    expect(ageOnDate({ birthDate: '1990-05-15', ageRecorded: null, ageRecordedOn: null }, '2024-05-14')).toBe(33);
    expect(ageOnDate({ birthDate: '1990-05-15', ageRecorded: null, ageRecordedOn: null }, '2024-05-15')).toBe(34);
    expect(ageOnDate({ birthDate: null, ageRecorded: 30, ageRecordedOn: '2022-03-10' }, '2024-03-09')).toBe(31);
    expect(ageOnDate({ birthDate: null, ageRecorded: 30, ageRecordedOn: '2022-03-10' }, '2024-03-10')).toBe(32);
    expect(ageOnDate({ birthDate: null, ageRecorded: null, ageRecordedOn: null }, '2024-03-10')).toBeNull();
  });

  it('uses the override when there is one and keeps the computed value beside it', () => {
    const client = {
      sex: 'F' as const,
      birthDate: '2007-01-01',
      ageRecorded: null,
      ageRecordedOn: null,
      employment: 'homemaker' as const,
      education: 'general_secondary' as const,
      residenceType: 'rural' as const,
      socialAssistance: true,
      residenceDistrictId: 'su-khujand',
    };
    const household = { relation: 'wife' as const, departureDate: '2023-01-01', lastRemittanceDate: null, maritalStatus: 'religious_only' as const, abandonedOverride: false };
    const s = takeSnapshot(client, household, '2024-06-01');
    expect(s).toMatchObject({ age: 17, ageBand: '<18', migrantHousehold: true, abandoned: false, abandonedComputed: true, abandonedReason: 'override' });
    expect(takeSnapshot(client, null, '2024-06-01')).toMatchObject({ migrantHousehold: false, abandoned: null, relation: null });
  });
});
