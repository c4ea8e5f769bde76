import { describe, expect, it } from 'vitest';
import { agreeWithClaimant, grammarWords, legalRefDative } from '../../shared/domain/filingGrammar';

describe('legal references after «согласно»', () => {
  it.each([
    ['Гражданского кодекса Республики Таджикистан от 24.12.2022 № 1918', 'Гражданскому кодексу Республики Таджикистан от 24.12.2022 № 1918'],
    ['Гражданский кодекс Республики Таджикистан, ст. 25', 'Гражданскому кодексу Республики Таджикистан, ст. 25'],
    ['Семейного кодекса Республики Таджикистан', 'Семейному кодексу Республики Таджикистан'],
    ['статьи Семейного кодекса Республики Таджикистан о разделе общего имущества супругов', 'статьям Семейного кодекса Республики Таджикистан о разделе общего имущества супругов'],
    ['статья 25 Гражданского кодекса', 'статье 25 Гражданского кодекса'],
    ['Закона Республики Таджикистан «О государственной пошлине»', 'Закону Республики Таджикистан «О государственной пошлине»'],
    ['Закону Республики Таджикистан «О государственной пошлине»', 'Закону Республики Таджикистан «О государственной пошлине»'],
    ['ст. 81 Семейного кодекса Республики Таджикистан', 'ст. 81 Семейного кодекса Республики Таджикистан'],
    ['правил особого производства', 'правилам особого производства'],
    ['правилам особого производства', 'правилам особого производства'],
    ['национальным правилам присвоения фамилий', 'национальным правилам присвоения фамилий'],
    ['ст. 2 Конституции Республики Таджикистан', 'ст. 2 Конституции Республики Таджикистан'],
  ])('%s → %s', (text, dative) => {
    expect(legalRefDative(text)).toBe(dative);
  });
});

describe('words that follow the data', () => {
  it('agrees an exemption with the claimant', () => {
    expect(agreeWithClaimant('истец освобождён от уплаты государственной пошлины', 'F')).toBe('истец освобождена от уплаты государственной пошлины');
    expect(agreeWithClaimant('истец освобождена от уплаты государственной пошлины', 'M')).toBe('истец освобождён от уплаты государственной пошлины');
  });

  it('chooses the number of the children and the sex of each party, in both languages', () => {
    const one = grammarWords('ru', { children: 1, claimantSex: 'F', respondentSex: 'M' });
    const two = grammarWords('ru', { children: 2, claimantSex: 'M', respondentSex: 'F' });
    expect([one.children_minor_gen, one.my_spouse, one.i_was, one.respondent_left]).toEqual(['несовершеннолетнего ребёнка', 'Мой муж', 'состояла', 'выехал']);
    expect([two.children_minor_gen, two.my_spouse, two.i_was, two.respondent_left]).toEqual(['несовершеннолетних детей', 'Моя жена', 'состоял', 'выехала']);
    const tgOne = grammarWords('tg', { children: 1, claimantSex: 'F', respondentSex: 'M' });
    const tgTwo = grammarWords('tg', { children: 3, claimantSex: 'M', respondentSex: 'F' });
    expect([tgOne.children_word, tgOne.my_spouse, tgOne.spouse_word]).toEqual(['кӯдак', 'Шавҳари ман', 'шавҳар']);
    expect([tgTwo.children_word, tgTwo.my_spouse, tgTwo.spouse_word]).toEqual(['кӯдакон', 'Зани ман', 'зан']);
  });
});
