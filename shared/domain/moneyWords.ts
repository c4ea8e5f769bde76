// Amounts in words, as courts expect them beside the figures in claims ("1 250 (одна тысяча двести
// пятьдесят) сомони"). Whole somoni are written in words; diram stay in figures, as in court practice.
// Limits: whole numbers from 0 to 999 999 999 999; Tajik uses the literary joining vowel -у/-ю between
// the parts of a compound number ("ҳазору дусаду панҷоҳ"); Russian treats "сомони" as masculine
// ("один сомони", "два сомони").

export type WordsLanguage = 'tg' | 'ru';

// ---- Tajik ----
const TG_UNITS = ['', 'як', 'ду', 'се', 'чор', 'панҷ', 'шаш', 'ҳафт', 'ҳашт', 'нӯҳ'];
const TG_TEENS = ['даҳ', 'ёздаҳ', 'дувоздаҳ', 'сенздаҳ', 'чордаҳ', 'понздаҳ', 'шонздаҳ', 'ҳабдаҳ', 'ҳаждаҳ', 'нуздаҳ'];
const TG_TENS = ['', '', 'бист', 'си', 'чил', 'панҷоҳ', 'шаст', 'ҳафтод', 'ҳаштод', 'навад'];
const TG_HUNDREDS = ['', 'сад', 'дусад', 'сесад', 'чорсад', 'панҷсад', 'шашсад', 'ҳафтсад', 'ҳаштсад', 'нӯҳсад'];
const TG_SCALES = ['', 'ҳазор', 'миллион', 'миллиард'];

/** The joining vowel of Tajik compound numbers: -ю after a vowel, -у after a consonant. */
function tgJoin(word: string): string {
  return /[аеёиӣоуӯэюя]$/.test(word) ? `${word}ю` : `${word}у`;
}

function tgBelowThousand(n: number): string[] {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(TG_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) parts.push(TG_TEENS[rest - 10]!);
  else {
    if (rest >= 20) parts.push(TG_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) parts.push(TG_UNITS[rest % 10]!);
  }
  return parts;
}

function tgWords(n: number): string {
  if (n === 0) return 'сифр';
  const groups = splitGroups(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (!g) continue;
    const part = tgBelowThousand(g);
    if (i > 0) part.push(TG_SCALES[i]!);
    words.push(...part);
  }
  // Every part but the last takes the joining vowel, except a number word directly before its scale
  // word ("ду ҳазор", not "дую ҳазор").
  return words
    .map((w, idx) => {
      if (idx === words.length - 1) return w;
      const next = words[idx + 1]!;
      return TG_SCALES.includes(next) ? w : tgJoin(w);
    })
    .join(' ');
}

// ---- Russian ----
const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
const RU_SCALES: Array<{ forms: [string, string, string]; feminine: boolean }> = [
  { forms: ['', '', ''], feminine: false },
  { forms: ['тысяча', 'тысячи', 'тысяч'], feminine: true },
  { forms: ['миллион', 'миллиона', 'миллионов'], feminine: false },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false },
];

/** The Russian plural form for a count: 1 рубль, 2 рубля, 5 рублей (11–14 take the third form). */
export function ruPlural(n: number, forms: readonly [string, string, string]): string {
  const mod100 = n % 100;
  const mod10 = n % 10;
  if (mod100 >= 11 && mod100 <= 14) return forms[2];
  if (mod10 === 1) return forms[0];
  if (mod10 >= 2 && mod10 <= 4) return forms[1];
  return forms[2];
}

function ruBelowThousand(n: number, feminine: boolean): string[] {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(RU_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) parts.push(RU_TEENS[rest - 10]!);
  else {
    if (rest >= 20) parts.push(RU_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) parts.push((feminine ? RU_UNITS_F : RU_UNITS_M)[rest % 10]!);
  }
  return parts;
}

function ruWords(n: number): string {
  if (n === 0) return 'ноль';
  const groups = splitGroups(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (!g) continue;
    const scale = RU_SCALES[i]!;
    words.push(...ruBelowThousand(g, scale.feminine));
    if (i > 0) words.push(ruPlural(g, scale.forms));
  }
  return words.join(' ');
}

function splitGroups(n: number): number[] {
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  return groups;
}

const MAX = 999_999_999_999;

/** A whole number in words: 1250 → "як ҳазору дусаду панҷоҳ" / "одна тысяча двести пятьдесят". */
export function numberToWords(n: number, language: WordsLanguage): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX) throw new RangeError(`Cannot write ${n} in words`);
  return language === 'tg' ? tgWords(n) : ruWords(n);
}

/**
 * An amount of diram in words for a document: "як ҳазору дусаду панҷоҳ сомонӣ 50 дирам" /
 * "одна тысяча двести пятьдесят сомони 50 дирамов". Diram are left out when zero.
 */
export function moneyToWords(diram: number, language: WordsLanguage): string {
  if (!Number.isInteger(diram) || diram < 0) throw new RangeError(`Not an amount of diram: ${diram}`);
  const somoni = Math.floor(diram / 100);
  const rest = diram % 100;
  const whole = `${numberToWords(somoni, language)} ${language === 'tg' ? 'сомонӣ' : 'сомони'}`;
  if (!rest) return whole;
  const unit = language === 'tg' ? 'дирам' : ruPlural(rest, ['дирам', 'дирама', 'дирамов']);
  return `${whole} ${String(rest).padStart(2, '0')} ${unit}`;
}
