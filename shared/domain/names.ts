// Search keys for people's names. One woman's surname is written "Раҳимова" (Tajik), "Рахимова"
// (Russian) or "Rahimova"/"Rakhimova" (Latin, several systems). Two keys are stored with every client
// (clients.search_name, clients.search_key, both indexed) so that search is an indexed prefix query:
// - the Cyrillic key folds case and the Tajik letters onto their Russian neighbours (ғ→г ӣ→и қ→к ӯ→у
//   ҳ→х ҷ→ч, ё→е);
// - the Latin key transliterates Cyrillic and then folds the common Latin variants onto one spelling
//   (kh/x/h, dzh/dj/zh/j, q/k, gh/g, y/i, doubled letters…), so every writing of a name gives the same
//   key. It is deliberately loose: a search or a duplicate warning that shows one extra person is cheap,
//   a missed duplicate is not.
// Pure string functions: no Node, no DOM.

const TAJIK_TO_RUSSIAN: Record<string, string> = { ғ: 'г', ӣ: 'и', қ: 'к', ӯ: 'у', ҳ: 'х', ҷ: 'ч', ё: 'е' };

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', ӣ: 'i', й: 'y',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ӯ: 'u', ф: 'f',
  х: 'h', ҳ: 'h', ц: 'ts', ч: 'ch', ҷ: 'j', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Uzbek/Kazakh letters seen in names of the region.
  ў: 'u', ң: 'n', ү: 'u', ө: 'o', і: 'i',
};

/** Lower case, NFC, apostrophes dropped, anything that is not a letter turned into one space. */
function fold(input: string): string {
  return input
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`ʻ]/g, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** The Cyrillic search key: "Раҳимова Малика" → "рахимова малика". */
export function cyrillicKey(input: string): string {
  return fold(input).replace(/[ғӣқӯҳҷё]/g, (ch) => TAJIK_TO_RUSSIAN[ch] ?? ch);
}

const LATIN_DIACRITICS: Record<string, string> = { ŭ: 'u', ū: 'u', ī: 'i', ǧ: 'g', ğ: 'g', ç: 'ch', ş: 'sh', ž: 'zh', č: 'ch', š: 'sh', ḩ: 'h', ḥ: 'h', ö: 'o', ü: 'u', é: 'e' };

// Applied in this order to a Latin string; each rule folds spelling variants onto one form.
const LATIN_RULES: Array<[RegExp, string]> = [
  [/dzh|dj|zh/g, 'j'], // ҷ / ж: Джураева, Djuraeva, Dzhuraeva, Juraeva
  [/kh|x/g, 'h'], // х / ҳ: Rakhimova, Raximova, Rahimova
  [/gh/g, 'g'], // ғ
  [/q/g, 'k'], // қ
  [/w/g, 'v'],
  [/sh/g, 'ş'], // ш kept apart from s + h
  [/ch/g, 'ç'], // ч kept apart from c + h
  [/y/g, 'i'], // й / ӣ / я=ya / ю=yu: Yakubova ↔ Якубова, Rahimiy ↔ Раҳимӣ
  [/(\p{L})\1+/gu, '$1'], // doubled letters: Abdullo ↔ Abdulo, Rahimii ↔ Rahimi
];

/** The Latin search key: "Раҳимова", "Рахимова", "Rahimova" and "Rakhimova" all give "rahimova". */
export function latinKey(input: string): string {
  let s = fold(input);
  // Russian spellings of the Tajik ҷ: "дж" (Джураева).
  s = s.replace(/дж/g, 'ҷ');
  s = Array.from(s, (ch) => CYRILLIC_TO_LATIN[ch] ?? LATIN_DIACRITICS[ch] ?? ch).join('');
  for (const [re, to] of LATIN_RULES) s = s.replace(re, to);
  // Back from the placeholders to plain ASCII-ish letters (still distinct from s/c).
  return s.replace(/ş/g, 'sh').replace(/ç/g, 'ch').replace(/[^a-z ]/g, '').replace(/ +/g, ' ').trim();
}

export interface NameParts {
  surname: string;
  givenName: string;
  patronymic?: string;
}

function joined(p: NameParts): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].filter((x) => x.trim() !== '').join(' ');
}

/** The two stored keys of a person's name (surname first, as lists are sorted). */
export function nameKeys(p: NameParts): { searchName: string; searchKey: string } {
  return { searchName: cyrillicKey(joined(p)), searchKey: latinKey(joined(p)) };
}

/** The words of a Latin name key, the longest (most selective) first: each is looked up as a word's start. */
export function nameWords(key: string): string[] {
  return key.split(' ').filter(Boolean).sort((a, b) => b.length - a.length);
}

/** Key of surname + given name only: two records of one person match even if one lacks the patronymic. */
export function duplicateNameKey(p: NameParts): string {
  return latinKey(`${p.surname} ${p.givenName}`);
}

/** The smallest string greater than every string that starts with `prefix` (for indexed range queries). */
export function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

/**
 * A full name typed in one field ("Каримов Рустам Саидович", or given name first: "Rustam Karimov") read
 * both ways as a surname and a given name, for matching it against clients' names.
 */
export function fullNameReadings(full: string): Array<{ surname: string; givenName: string }> {
  const [first, second] = full.trim().split(/\s+/);
  if (!first || !second) return [];
  return [
    { surname: first, givenName: second },
    { surname: second, givenName: first },
  ];
}
