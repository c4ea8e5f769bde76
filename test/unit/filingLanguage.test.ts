import { describe, expect, it } from 'vitest';
import { nameExemptions, otherLanguageWords, russianSpelling } from '../../shared/domain/filingLanguage';

// The one rule for "text in the other language", as the wizard and the command line apply it.

const CASES: Array<[lang: 'tg' | 'ru', text: string, found: string[], exempt?: string[]]> = [
  // Russian filings: a Tajik-only letter, or a common Tajik word.
  ['ru', 'Работает на стройке, зарплата около 60 000 рублей.', []],
  ['ru', 'Суди шаҳри Исфара', ['шаҳри']],
  ['ru', 'Федератсияи Россия, ш. Москва', []],
  ['ru', 'Дар сохтмон кор мекунад', ['Дар', 'кор', 'мекунад']],
  ['ru', 'Ғизо, либос ва дору', ['Ғизо', 'ва']],
  ['ru', 'ҷ ҳ қ ғ ӣ ӯ', ['ҷ', 'ҳ', 'қ', 'ғ', 'ӣ', 'ӯ']],
  ['ru', 'ҶӮРАЕВА', ['ҶӮРАЕВА']],
  ['ru', 'Одна и та же квартира; то есть половина.', []],
  ['ru', 'Ребёнок Муҳаммад живёт с матерью.', [], ['Мирзоев Муҳаммад Ҷамшедович']],
  ['ru', 'Взыскать с Мирзоева Ҷамшеда Олимовича', [], ['Мирзоев Ҷамшед Олимович']],
  ['ru', 'Взыскать с Мирзоева Ҷамшеда, мӯйсафед', ['мӯйсафед'], ['Мирзоев Ҷамшед Олимович']],
  ['ru', 'повторяется: шаҳр, шаҳр', ['шаҳр']],
  // Tajik filings: a letter Tajik has not, or a common Russian word.
  ['tg', 'Ҷавобгар дар таъминоти кӯдакон иштирок намекунад.', []],
  ['tg', 'Шуъбаи САҲШ-и ноҳияи Сино', []],
  ['tg', 'дар он ҷо оила бунёд кардааст', []],
  ['tg', 'Работает на стройке', ['Работает']],
  ['tg', 'он работает и живёт в Москве', ['работает', 'и', 'живёт', 'в']],
  ['tg', 'Федерация', ['Федерация']],
  ['tg', 'Мебели хона, мошини Opel Astra', []],
  ['tg', 'что это было', ['что', 'это', 'было']],
  ['tg', 'Квартира в г. Душанбе', ['Квартира', 'в']],
  ['tg', 'Ответчик Шарипов', ['Ответчик']],
  ['tg', 'Щукина Наталья', [], ['Щукина Наталья Ивановна']],
];

describe('text in the other language', () => {
  it.each(CASES)('%s: %s', (lang, text, found, exempt) => {
    expect(otherLanguageWords(text, lang, nameExemptions(exempt ?? []))).toEqual(found);
  });

  it('writes Tajik place names the Russian way', () => {
    expect(russianSpelling('Чоргулбоғ')).toBe('Чоргулбог');
    expect(russianSpelling('Ҷаббор Расулов')).toBe('Джаббор Расулов');
    expect(russianSpelling('Рӯдакӣ')).toBe('Рудаки');
    expect(russianSpelling('Ҳисор')).toBe('Хисор');
    expect(russianSpelling('Қӯрғонтеппа')).toBe('Кургонтеппа');
  });
});
