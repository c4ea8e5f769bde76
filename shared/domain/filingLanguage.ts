import { TAJIK_LETTERS } from './tajikLetters';

// Is this text written in the filing's language? A court filing in Russian must not carry Tajik text,
// and a Tajik one no Russian, yet both are typed on the same keyboard in the same Cyrillic script. The
// signals are deliberately simple, so a lawyer can predict them:
// - in a Russian filing, a word with one of the six Tajik-only letters (ғ ӣ қ ӯ ҳ ҷ), or one of a short
//   list of common Tajik words that are not Russian words ("дар", "ва", "мекунад"…);
// - in a Tajik filing, a word with a letter the Tajik alphabet does not have (ц щ ы ь), or one of a short
//   list of common Russian words that do not exist in Tajik.
// Names of people the client gave are exempt: "Ҷамшед" stays "Ҷамшед" in a Russian claim.

export type FilingLanguage = 'tg' | 'ru';

const TAJIK_ONLY = new RegExp(`[${TAJIK_LETTERS.join('')}]`, 'iu');
const RUSSIAN_ONLY_LETTERS = /[цщыь]/iu;

/** Common Russian words that are not Tajik words (Tajik has "ва", "дар", "аз", "барои", "ӯ", "шаҳр", "кӯча"…). */
export const RUSSIAN_ONLY_WORDS: ReadonlySet<string> = new Set([
  'и', 'в', 'во', 'не', 'что', 'это', 'как', 'так', 'она', 'они', 'мы', 'вы', 'его', 'её', 'ее', 'их', 'ему', 'ей',
  'был', 'была', 'было', 'были', 'есть', 'для', 'по', 'от', 'до', 'при', 'или', 'но', 'также', 'уже', 'ещё', 'еще',
  'который', 'которая', 'которое', 'которые', 'после', 'через', 'около', 'примерно', 'где', 'когда',
  'год', 'года', 'лет', 'месяц', 'месяца', 'город', 'улица', 'ул', 'квартира', 'кв', 'район', 'области', 'область',
  'работает', 'живёт', 'живет', 'проживает', 'муж', 'жена', 'ребёнок', 'ребенок', 'дети', 'детей', 'отец', 'мать',
  'истец', 'ответчик', 'сомони', 'рублей', 'рубля',
]);

/** Common Tajik words that are not Russian words (Tajik text often has none of the six Tajik letters). */
export const TAJIK_ONLY_WORDS: ReadonlySet<string> = new Set([
  'ва', 'дар', 'аз', 'ба', 'бо', 'барои', 'ки', 'аст', 'буд', 'шуд', 'шудааст', 'мебошад', 'мекунад', 'намекунад', 'кард', 'кардааст',
  'кор', 'як', 'ду', 'се', 'ман', 'мо', 'худ', 'бе', 'пеш', 'инҷо', 'мекунанд', 'медиҳад', 'надорад', 'дорад',
]);

/** The words of `text`, with their letters only (hyphenated and punctuated words split). */
function words(text: string): string[] {
  // "САҲШ-и" is one word: the Tajik izofat "-и" is not the Russian "и".
  return text.normalize('NFC').match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];
}

function isOtherLanguage(word: string, lang: FilingLanguage): boolean {
  if (lang === 'ru') return TAJIK_ONLY.test(word) || TAJIK_ONLY_WORDS.has(word.toLowerCase());
  return RUSSIAN_ONLY_LETTERS.test(word) || RUSSIAN_ONLY_WORDS.has(word.toLowerCase());
}

/**
 * Name words (of the client, the respondent, the children…) in a form that also exempts their
 * inflected forms: "Қодиров" exempts "Қодирова", "Ҷамшед" exempts "Ҷамшеда".
 */
export function nameExemptions(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => words(n)).filter((w) => w.length >= 3).map((w) => w.toLowerCase()))];
}

function isExempt(word: string, exempt: readonly string[]): boolean {
  const w = word.toLowerCase();
  return exempt.some((name) => w.startsWith(name) || (w.length >= 3 && name.startsWith(w)));
}

/**
 * The words of `text` that belong to the other language than `lang` (each once, in order of
 * appearance), leaving out the exempt names. Empty when the text fits the filing's language.
 */
export function otherLanguageWords(text: string, lang: FilingLanguage, exempt: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isOtherLanguage(w, lang) && !isExempt(w, exempt) && !out.includes(w)) out.push(w);
  }
  return out;
}

const RUSSIAN_SPELLING: Record<string, string> = { ҷ: 'дж', ҳ: 'х', қ: 'к', ғ: 'г', ӣ: 'и', ӯ: 'у', Ҷ: 'Дж', Ҳ: 'Х', Қ: 'К', Ғ: 'Г', Ӣ: 'И', Ӯ: 'У' };

/**
 * A Tajik proper name of a place as Russian writes it ("Чоргулбоғ" → "Чоргулбог", "Ҷаббор" →
 * "Джаббор", "Рӯдакӣ" → "Рудаки"): the usual Russian renderings of the six Tajik letters.
 */
export function russianSpelling(name: string): string {
  return name.replace(/[ҷҳқғӣӯҶҲҚҒӢӮ]/gu, (ch) => RUSSIAN_SPELLING[ch] ?? ch);
}
