import { describe, expect, it } from 'vitest';
import { claimFact, claimValues, refValue, respondentSexOf } from '../../electron/documents/claimValues';
import type { FilingData } from '../../db/queries/filingData';
import type { LegalRef } from '../../shared/api/filingsTypes';

// The values worked out from the others: who the father is, the value of a property claim, the
// reference a share rests on, fees from the reference data.

function data(sex: 'F' | 'M', children: number, filing: Record<string, unknown> = {}): FilingData {
  return {
    case: {
      id: 'c', number: 'N-1', caseType: 'paternity', status: 'open', openedOn: '2024-04-10', courtName: '', courtDistrictId: null, courtCaseNumber: '',
      respondentName: 'Мирзоев Ҷамшед Олимович', respondentBirthDate: null, respondentAddress: '', respondentWhereabouts: '', monthlyAlimonyDiram: null,
      details: { filing },
    },
    client: {
      id: 'k', surname: 'Саидова', givenName: 'Фарзона', patronymic: '', sex, birthDate: null, idDocType: '', idDocNumber: '',
      residenceDistrictId: null, jamoat: '', village: '', address: '', phones: [],
    },
    household: null,
    children: Array.from({ length: children }, (_, i) => ({ surname: 'Мирзоев', givenName: `Бача${i}`, patronymic: '', birthDate: null, sex: null, birthCertificate: '' })),
    contactPoint: null,
    responsibleName: '',
  };
}

const money = (diram: number) => ({ figures: `${diram / 100} сомони`, words: 'сумма' });
const ref = (over: Partial<LegalRef>): LegalRef => ({ id: 'r', key: 'k', textTg: '', textRu: '', textEn: '', value: '', confirmed: false, source: '', ...over });

describe('claim values', () => {
  it('names the father: the respondent when a woman claims, the claimant when a man does', () => {
    const values = { client_name: 'Мирзоев Ҷамшед', client_name_gen: 'Мирзоева Ҷамшеда', respondent_name: 'Саидова Фарзона', respondent_name_gen: 'Саидовой Фарзоны' };
    const him = claimValues({ data: data('M', 1), lang: 'ru', respondentSex: 'F', values, raw: new Map(), propertyTotalDiram: 0, money });
    expect([him.values.father_name, him.values.father_name_gen]).toEqual(['Мирзоев Ҷамшед', 'Мирзоева Ҷамшеда']);
    const her = claimValues({ data: data('F', 1), lang: 'ru', respondentSex: 'M', values: { ...values, respondent_name_gen: 'Мирзоева Ҷамшеда' }, raw: new Map(), propertyTotalDiram: 0, money });
    expect(her.values.father_name_gen).toBe('Мирзоева Ҷамшеда');
    expect([her.values.my_spouse, him.values.my_spouse]).toEqual(['Мой муж', 'Моя жена']);
  });

  it('works out the value of a property claim from the claimed share of the total', () => {
    const v = claimValues({ data: data('F', 0), lang: 'ru', respondentSex: 'M', values: {}, raw: new Map([['claimed_share', '2/3']]), propertyTotalDiram: 30_000_000, money });
    expect([v.values.claim_value, v.values.claim_value_words, v.claimDiram]).toEqual(['200000 сомони', 'сумма', 20_000_000]);
    const none = claimValues({ data: data('F', 0), lang: 'ru', respondentSex: 'M', values: {}, raw: new Map(), propertyTotalDiram: 30_000_000, money });
    expect([none.values.claim_value, none.claimDiram]).toEqual(['—', null]);
  });

  it('says which reference the share of earnings rests on, by the number of children', () => {
    const raw = new Map([['share', 'одной трети (1/3)']]);
    expect(claimValues({ data: data('F', 2), lang: 'ru', respondentSex: 'M', values: {}, raw, propertyTotalDiram: 0, money }).refOf).toEqual({ share: 'alimony_share_2' });
    expect(claimValues({ data: data('F', 5), lang: 'ru', respondentSex: 'M', values: {}, raw, propertyTotalDiram: 0, money }).refOf).toEqual({ share: 'alimony_share_3' });
    expect(claimValues({ data: data('F', 2), lang: 'ru', respondentSex: 'M', values: {}, raw: new Map(), propertyTotalDiram: 0, money }).refOf).toEqual({});
  });

  it('writes a fee from its value in figures and words, an exemption agreeing with the claimant, a reference in the dative', () => {
    expect(refValue('fee_divorce', ref({ value: '105000', textRu: '1 050 сомони' }), 'ru', 'F', money)).toBe('1050 сомони (сумма)');
    // A share of the claim's value: written once the claim has one; an unreadable rule is no value at all.
    const share = ref({ value: '3% ≤ 375000; 0.5%', textRu: 'государственная пошлина от цены иска' });
    expect(refValue('fee_property_division', share, 'ru', 'F', money, 15_375_025)).toBe('768.75 сомони (сумма)');
    expect(refValue('fee_property_division', share, 'ru', 'F', money, 300_000)).toBe('90 сомони (сумма)');
    expect(refValue('fee_property_division', share, 'ru', 'F', money, null)).toBe('—');
    expect(refValue('fee_property_division', ref({ value: '0,5 процента' }), 'ru', 'F', money, 300_000)).toBeNull();
    const exempt = ref({ textRu: 'истец освобождён от уплаты государственной пошлины', textTg: 'даъвогар аз пардохти боҷи давлатӣ озод аст' });
    expect(refValue('fee_alimony', exempt, 'ru', 'F', money)).toBe('истец освобождена от уплаты государственной пошлины');
    expect(refValue('fee_alimony', exempt, 'tg', 'F', money)).toBe('даъвогар аз пардохти боҷи давлатӣ озод аст');
    expect(refValue('civil_missing', ref({ textRu: 'Гражданского кодекса Республики Таджикистан' }), 'ru', 'M', money)).toBe('Гражданскому кодексу Республики Таджикистан');
  });

  it('knows the respondent: the father in the filings about a child, otherwise the other spouse', () => {
    expect(respondentSexOf({ id: 'paternity-fact' }, 'F')).toBe('M');
    expect(respondentSexOf({ id: 'birth-registration' }, 'M')).toBe('M');
    expect(respondentSexOf({ id: 'divorce' }, 'M')).toBe('F');
    expect(respondentSexOf({ id: 'paternity' }, 'F')).toBe('M');
  });

  it('answers the facts passages depend on', () => {
    const raw = new Map([['client_birth_date', '12.04.1992'], ['respondent_id_doc', ''], ['children_residence', 'claimant'], ['children_support', 'sum']]);
    expect(claimFact('present:client_birth_date', data('F', 1), raw)).toBe('yes');
    expect(claimFact('present:respondent_id_doc', data('F', 1), raw)).toBe('no');
    expect(claimFact('claimantSex', data('M', 1), raw)).toBe('M');
    expect(claimFact('support_claim', data('F', 1), raw)).toBe('sum');
    expect(claimFact('support_claim', data('F', 0), raw)).toBe('none');
    expect(claimFact('support_claim', data('F', 1), new Map([['children_residence', 'respondent'], ['children_support', 'sum']]))).toBe('none');
    expect(claimFact('marriage', data('F', 1), raw)).toBeUndefined();
  });
});
