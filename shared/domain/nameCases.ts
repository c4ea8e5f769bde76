import type { Sex } from './enums';

// Names in the grammatical case a filing needs ("Взыскать с Каримова Рустама Саидовича", "Согласно
// заявлению Раҳимовой Малики"). Tajik has no case endings on names (relations are shown with
// prepositions and the izofat), so in Tajik a name stays as written. Russian: the genitive and the
// dative of the patterns of names of the region, Russian and Tajik forms alike. A name keeps its
// letters as the client gave them (Раҳимов → Раҳимова, not Рахимова): it is the spelling of the
// identity document; only the ending changes.
// Deliberate limits: a word that follows no rule below stays as written (the safe choice for a court
// paper: an undeclined foreign name is acceptable, a wrongly declined one is not); stress-dependent
// cases are not guessed; surnames keep their vowels (Кравец → Кравеца, as registry practice writes
// them); compound names with a hyphen are declined part by part.

/** Genitive, dative, accusative («Признать Бобоеву Шаҳло безвестно отсутствующей»). */
export type NameCase = 'gen' | 'dat' | 'acc';

const CONSONANT = /[бвгджзйклмнпрстфхцчшщҷқҳғ]$/i;
/** After these, Russian writes -и, not -ы (Малика → Малики). */
const HUSHING_OR_VELAR = /[гкхжшщчҷқҳғ]$/i;
/** Endings no Russian pattern declines: Tajik -зода/-заде, vowels other than -а/-я, -ых/-их, -иа/-уа. */
const INDECLINABLE = /(зода|заде|[ӣиоуеэюыӯё]|ых|их|[иу]а)$/i;

/** Given names whose stem changes (fleeting vowel, ё → е): nominative → stem for the endings. */
const IRREGULAR_GIVEN: Record<string, { stem: string; sex: Sex }> = {
  павел: { stem: 'Павл', sex: 'M' },
  лев: { stem: 'Льв', sex: 'M' },
  пётр: { stem: 'Петр', sex: 'M' },
  петр: { stem: 'Петр', sex: 'M' },
  любовь: { stem: 'Любов', sex: 'F' },
};

function ending(c: NameCase, gen: string, dat: string, acc = gen): string {
  return c === 'gen' ? gen : c === 'dat' ? dat : acc;
}

/** A noun-like word in -а/-я (Малика, Мария, Илья, Никита, Сковорода). */
function firstDeclension(w: string, c: NameCase): string {
  if (/ия$/i.test(w)) return `${w.slice(0, -1)}${ending(c, 'и', 'и', 'ю')}`;
  if (/я$/i.test(w)) return `${w.slice(0, -1)}${ending(c, 'и', 'е', 'ю')}`;
  const stem = w.slice(0, -1);
  return `${stem}${ending(c, HUSHING_OR_VELAR.test(stem) ? 'и' : 'ы', 'е', 'у')}`;
}

/** A masculine noun-like word ending in a consonant, -й or -ь (Рустам, Андрей, Игорь). */
function secondDeclension(w: string, c: NameCase): string {
  if (/[йь]$/i.test(w)) return `${w.slice(0, -1)}${ending(c, 'я', 'ю')}`;
  return `${w}${ending(c, 'а', 'у')}`;
}

function surname(w: string, sex: Sex, c: NameCase): string {
  if (/(зода|заде)$/i.test(w)) return w;
  if (sex === 'F') {
    if (/(ова|ева|ёва|ина|ына)$/i.test(w)) return `${w.slice(0, -1)}${ending(c, 'ой', 'ой', 'у')}`;
    if (/(ая)$/i.test(w)) return `${w.slice(0, -2)}${ending(c, 'ой', 'ой', 'ую')}`;
    if (/[иу]а$/i.test(w)) return w;
    if (/[ая]$/i.test(w)) return firstDeclension(w, c);
    return w;
  }
  if (INDECLINABLE.test(w)) return w;
  if (/(ов|ев|ёв|ин|ын)$/i.test(w)) return `${w}${ending(c, 'а', 'у')}`;
  if (/(ский|цкий|[гкх]ь?ий|ой|ый)$/i.test(w)) return `${w.slice(0, -2)}${ending(c, 'ого', 'ому')}`;
  if (/(ий)$/i.test(w)) return `${w.slice(0, -2)}${ending(c, 'его', 'ему')}`;
  if (/[ая]$/i.test(w)) return firstDeclension(w, c);
  if (CONSONANT.test(w) || /ь$/i.test(w)) return secondDeclension(w, c);
  return w;
}

function given(w: string, sex: Sex, c: NameCase): string {
  const irregular = IRREGULAR_GIVEN[w.toLowerCase()];
  if (irregular && irregular.sex === sex) {
    if (sex === 'F' && c === 'acc') return w;
    const e = sex === 'M' ? ending(c, 'а', 'у') : 'и';
    return `${irregular.stem}${e}`;
  }
  if (/[иу]а$/i.test(w)) return w;
  if (/[ая]$/i.test(w)) return firstDeclension(w, c);
  if (sex === 'F') return /ь$/i.test(w) && c !== 'acc' ? `${w.slice(0, -1)}и` : w;
  if (INDECLINABLE.test(w)) return w;
  if (CONSONANT.test(w) || /ь$/i.test(w)) return secondDeclension(w, c);
  return w;
}

function patronymic(w: string, sex: Sex, c: NameCase): string {
  if (/ич$/i.test(w)) return `${w}${ending(c, 'а', 'у')}`;
  if (/(ична|овна|евна)$/i.test(w)) return `${w.slice(0, -1)}${ending(c, 'ы', 'е', 'у')}`;
  // Tajik-style patronymics ("Саид", "Саидзода", "Ҳасан ўғли") follow the rules for given names.
  return given(w, sex, c);
}

function keepCase(source: string, result: string): string {
  return source === source.toUpperCase() && source.length > 1 ? result.toUpperCase() : result;
}

function eachPart(word: string, fn: (w: string) => string): string {
  return word
    .split('-')
    .map((p) => (p ? keepCase(p, fn(p)) : p))
    .join('-');
}

/**
 * A full name written "Surname Given [Patronymic …]" in the Russian genitive or dative. Names in a
 * Tajik filing (language 'tg') are returned as written.
 */
export function nameInCase(fullName: string, sex: Sex, nameCase: NameCase, language: 'tg' | 'ru'): string {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  if (language === 'tg' || trimmed === '') return trimmed;
  return trimmed
    .split(' ')
    .map((word, i) => {
      if (i === 0) return eachPart(word, (w) => surname(w, sex, nameCase));
      if (i === 1) return eachPart(word, (w) => given(w, sex, nameCase));
      return eachPart(word, (w) => patronymic(w, sex, nameCase));
    })
    .join(' ');
}

/** The Russian genitive of a full name ("Каримов Рустам Саидович" → "Каримова Рустама Саидовича"). */
export function nameGenitive(fullName: string, sex: Sex, language: 'tg' | 'ru'): string {
  return nameInCase(fullName, sex, 'gen', language);
}

/** The Russian dative of a full name ("Раҳимова Малика Саидовна" → "Раҳимовой Малике Саидовне"). */
export function nameDative(fullName: string, sex: Sex, language: 'tg' | 'ru'): string {
  return nameInCase(fullName, sex, 'dat', language);
}

/** The Russian accusative of a full name ("Бобоева Шаҳло" → "Бобоеву Шаҳло"; a man's is his genitive). */
export function nameAccusative(fullName: string, sex: Sex, language: 'tg' | 'ru'): string {
  return nameInCase(fullName, sex, 'acc', language);
}

/** "Каримов Рустам Саидович" → "Каримов Р. С." (initials, as in the signature line). */
export function nameWithInitials(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return '';
  return [surname, rest.map((p) => `${p.charAt(0).toUpperCase()}.`).join(' ')].filter(Boolean).join(' ');
}
