import { describe, expect, it } from 'vitest';
import { moneyToWords, numberToWords } from '../../shared/domain/moneyWords';
import { nameGenitive, nameWithInitials } from '../../shared/domain/nameCases';

describe('amounts in words', () => {
  it('writes Tajik numbers with the joining vowel between parts', () => {
    expect(numberToWords(0, 'tg')).toBe('сифр');
    expect(numberToWords(15, 'tg')).toBe('понздаҳ');
    expect(numberToWords(32, 'tg')).toBe('сию ду');
    expect(numberToWords(1250, 'tg')).toBe('як ҳазору дусаду панҷоҳ');
    expect(numberToWords(2000, 'tg')).toBe('ду ҳазор');
    expect(numberToWords(307500, 'tg')).toBe('сесаду ҳафт ҳазору панҷсад');
    expect(numberToWords(1_000_001, 'tg')).toBe('як миллиону як');
  });

  it('writes Russian numbers with feminine thousands and the right plural forms', () => {
    expect(numberToWords(1, 'ru')).toBe('один');
    expect(numberToWords(1250, 'ru')).toBe('одна тысяча двести пятьдесят');
    expect(numberToWords(2000, 'ru')).toBe('две тысячи');
    expect(numberToWords(11_000, 'ru')).toBe('одиннадцать тысяч');
    expect(numberToWords(21_000_000, 'ru')).toBe('двадцать один миллион');
    expect(numberToWords(45_312, 'ru')).toBe('сорок пять тысяч триста двенадцать');
  });

  it('adds somoni, and diram in figures when there are any', () => {
    expect(moneyToWords(150000, 'tg')).toBe('як ҳазору панҷсад сомонӣ');
    expect(moneyToWords(150000, 'ru')).toBe('одна тысяча пятьсот сомони');
    expect(moneyToWords(125050, 'ru')).toBe('одна тысяча двести пятьдесят сомони 50 дирамов');
    expect(moneyToWords(102, 'ru')).toBe('один сомони 02 дирама');
    expect(moneyToWords(101, 'tg')).toBe('як сомонӣ 01 дирам');
  });

  it('refuses what it cannot write', () => {
    expect(() => numberToWords(-1, 'tg')).toThrow(RangeError);
    expect(() => numberToWords(1.5, 'ru')).toThrow(RangeError);
    expect(() => moneyToWords(Number.NaN, 'ru')).toThrow(RangeError);
  });
});

describe('names in the genitive', () => {
  it('declines the common Russian and Tajik patterns of men’s names', () => {
    expect(nameGenitive('Каримов Рустам Саидович', 'M', 'ru')).toBe('Каримова Рустама Саидовича');
    expect(nameGenitive('Мирзоев Ҷамшед Олимович', 'M', 'ru')).toBe('Мирзоева Ҷамшеда Олимовича');
    expect(nameGenitive('Раҳмонзода Алӣ', 'M', 'ru')).toBe('Раҳмонзода Алӣ');
    expect(nameGenitive('Савицкий Андрей Ильич', 'M', 'ru')).toBe('Савицкого Андрея Ильича');
    expect(nameGenitive('Холов Некрӯз Саттарович', 'M', 'ru')).toBe('Холова Некрӯза Саттаровича');
  });

  it('declines women’s names ending in -ова/-ева/-а and leaves the rest', () => {
    expect(nameGenitive('Раҳимова Малика Саидовна', 'F', 'ru')).toBe('Раҳимовой Малики Саидовны');
    expect(nameGenitive('Ҷӯраева Нигина', 'F', 'ru')).toBe('Ҷӯраевой Нигины');
    expect(nameGenitive('Исмоилзода Дилором', 'F', 'ru')).toBe('Исмоилзода Дилором');
  });

  it('keeps Tajik names as written (Tajik has no case endings)', () => {
    expect(nameGenitive('Каримов Рустам Саидович', 'M', 'tg')).toBe('Каримов Рустам Саидович');
    expect(nameWithInitials('Каримов Рустам Саидович')).toBe('Каримов Р. С.');
  });
});
