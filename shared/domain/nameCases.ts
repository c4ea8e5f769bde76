import type { Sex } from './enums';

// Names in the grammatical form a filing needs ("о взыскании алиментов с Каримова Рустама Саидовича").
// Tajik has no case endings on names (relations are shown with prepositions and the izofat), so in
// Tajik a name stays as written. Russian: the genitive of the common patterns of names of the region.
// Deliberate limits: words that follow no rule below stay as written (the safe choice for a court
// paper: an undeclined foreign name is acceptable, a wrongly declined one is not); stress-dependent
// cases are not guessed; compound names with a hyphen are declined part by part.

/** Tajik surnames and name parts that Russian leaves undeclined (-зода, -заде, -ӣ/-и, -о, -у, -е…). */
function indeclinable(word: string): boolean {
  return /(зода|заде|[ӣиоуеэюыӯ])$/i.test(word);
}

const HUSHING_OR_VELAR = /[гкхжшщчҷқҳғ]$/i;

function keepCase(source: string, result: string): string {
  return source === source.toUpperCase() && source.length > 1 ? result.toUpperCase() : result;
}

function genitiveSurname(word: string, sex: Sex): string {
  const w = word;
  if (sex === 'F') {
    if (/(ова|ева|ёва|ина|ына)$/i.test(w)) return `${w.slice(0, -1)}ой`;
    if (/(ская|цкая)$/i.test(w)) return `${w.slice(0, -2)}ой`;
    return w;
  }
  if (indeclinable(w)) return w;
  if (/(ов|ев|ёв|ин|ын)$/i.test(w)) return `${w}а`;
  if (/(ский|цкий)$/i.test(w)) return `${w.slice(0, -2)}ого`;
  if (/[бвгдзклмнпрстфхцчшщҷқҳғ]$/i.test(w)) return `${w}а`;
  return w;
}

function genitiveGiven(word: string, sex: Sex): string {
  const w = word;
  if (/ия$/i.test(w)) return `${w.slice(0, -1)}и`;
  if (/я$/i.test(w)) return `${w.slice(0, -1)}и`;
  if (/а$/i.test(w)) return `${w.slice(0, -1)}${HUSHING_OR_VELAR.test(w.slice(0, -1)) ? 'и' : 'ы'}`;
  if (sex === 'F') return w;
  if (indeclinable(w)) return w;
  if (/й$/i.test(w)) return `${w.slice(0, -1)}я`;
  if (/ь$/i.test(w)) return `${w.slice(0, -1)}я`;
  if (/[бвгдзклмнпрстфхцчшщҷқҳғ]$/i.test(w)) return `${w}а`;
  return w;
}

function genitivePatronymic(word: string, sex: Sex): string {
  if (/(ович|евич|ич)$/i.test(word)) return `${word}а`;
  if (/(овна|евна|ична|инична)$/i.test(word)) return `${word.slice(0, -1)}ы`;
  // Tajik-style patronymics ("Саид", "Саидзода") follow the rules for given names and surnames.
  return sex === 'M' ? genitiveGiven(word, sex) : word;
}

function eachPart(word: string, fn: (w: string) => string): string {
  return word
    .split('-')
    .map((p) => (p ? keepCase(p, fn(p)) : p))
    .join('-');
}

/**
 * The Russian genitive of a full name written "Surname Given [Patronymic]". Tajik names (language 'tg')
 * are returned as written.
 */
export function nameGenitive(fullName: string, sex: Sex, language: 'tg' | 'ru'): string {
  const trimmed = fullName.trim().replace(/\s+/g, ' ');
  if (language === 'tg' || trimmed === '') return trimmed;
  const words = trimmed.split(' ');
  return words
    .map((word, i) => {
      if (i === 0) return eachPart(word, (w) => genitiveSurname(w, sex));
      if (i === 1) return eachPart(word, (w) => genitiveGiven(w, sex));
      return eachPart(word, (w) => genitivePatronymic(w, sex));
    })
    .join(' ');
}

/** "Каримов Рустам Саидович" → "Каримов Р. С." (initials, as in the signature line). */
export function nameWithInitials(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return '';
  return [surname, rest.map((p) => `${p.charAt(0).toUpperCase()}.`).join(' ')].filter(Boolean).join(' ');
}
