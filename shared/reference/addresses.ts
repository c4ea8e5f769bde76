import { russianSpelling } from '../domain/filingLanguage';
import { placeTextIn } from './places';
import { findDistrict } from './regions';

// A person's or a session's place as structured parts: the village and the jamoat are typed as bare
// names (the form shows the word that goes with them), the district is picked from the reference list
// (its region follows from it). Every screen, receipt and filing prints a place through formatAddress,
// so each part carries its word once, in the language of the screen or of the document.
//
// Records typed before the forms showed the word, and records received from installations that still
// keep it, may hold "деҳаи Гулакандоз" or "с. Гулакандоз": bareName strips such a word (Tajik or
// Russian, any case, repeated) wherever a name is read or saved, so old records print once too.

export type PlaceKind = 'village' | 'jamoat';
export type AddressLang = 'tg' | 'ru' | 'en';

/**
 * Words that may stand before a village or jamoat name (longest first, so "ҷамоати деҳоти" goes
 * before "ҷамоати"); each must be followed by a space or end in a dot.
 */
const PREFIXES: Record<PlaceKind, readonly string[]> = {
  village: ['деҳаи', 'деҳа', 'қишлоқи', 'қишлоқ', 'село', 'селение', 'посёлок', 'поселок', 'кишлак', 'пос.', 'с.', 'д.', 'village', 'v.'],
  jamoat: [
    'ҷамоати деҳоти',
    'ҷамоати шаҳраки',
    'ҷамоати',
    'ҷамоат',
    'сельский джамоат',
    'сельская община',
    'джамоата',
    'джамоат',
    'джамоати',
    'ҷ.',
    'дж.',
    'jamoat',
  ],
};

const ORDERED: Record<PlaceKind, readonly string[]> = {
  village: [...PREFIXES.village].sort((a, b) => b.length - a.length),
  jamoat: [...PREFIXES.jamoat].sort((a, b) => b.length - a.length),
};

/** The name without the word(s) a user may have typed before it: "Деҳаи деҳаи Гулакандоз" → "Гулакандоз". */
export function bareName(kind: PlaceKind, text: string): string {
  let s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (;;) {
    const lower = s.toLocaleLowerCase('ru');
    const word = ORDERED[kind].find((p) => lower.startsWith(p) && (p.endsWith('.') || lower.length === p.length || lower[p.length] === ' '));
    if (!word) return s;
    const rest = s.slice(word.length).trim();
    // A name that is nothing but the word stays as typed (there is no name to keep).
    if (rest === '') return s;
    s = rest;
  }
}

/** The word printed with a place name, before or after it, in a language. */
const WORDS: Record<PlaceKind, Record<AddressLang, { before?: string; after?: string }>> = {
  village: { tg: { before: 'деҳаи' }, ru: { before: 'с.' }, en: { after: 'village' } },
  jamoat: { tg: { before: 'ҷамоати' }, ru: { before: 'джамоат' }, en: { after: 'jamoat' } },
};

/** What a form shows beside a place field, so the user types the name only. */
export function placeWord(kind: PlaceKind, lang: string): { before?: string; after?: string } {
  return WORDS[kind][asLang(lang)];
}

function asLang(lang: string): AddressLang {
  return lang === 'ru' || lang === 'en' ? lang : 'tg';
}

/** "деҳаи Гулакандоз" / "с. Гулакандоз" / "Gulakandoz village"; '' when there is no name. */
export function placeName(kind: PlaceKind, text: string, lang: string, spelling: 'asTyped' | 'document' = 'asTyped'): string {
  const bare = bareName(kind, text);
  if (!bare) return '';
  const l = asLang(lang);
  // In a Russian document, Tajik proper names take the Russian spelling of their letters.
  const name = spelling === 'document' && l === 'ru' ? russianSpelling(bare) : bare;
  const w = WORDS[kind][l];
  return [w.before, name, w.after].filter(Boolean).join(' ');
}

/** The district or city of a reference id as it stands inside an address: "ноҳияи Сино", "ш. Хуҷанд", "г. Худжанд". */
export function districtInAddress(id: string | null | undefined, lang: string): string {
  const found = id ? findDistrict(id) : undefined;
  if (!found) return '';
  const l = asLang(lang);
  const name = found.district.name[l] || found.district.name.ru;
  const city = (n: string) => (l === 'tg' ? `ш. ${n}` : l === 'ru' ? `г. ${n}` : n);
  if (found.district.kind === 'city') return city(name);
  // Inside an address the district word is not capitalised: "…, ноҳияи Сино".
  const district = name.replace(/^Ноҳияи /, 'ноҳияи ');
  // A district of the capital is followed by the city it is in: "ноҳияи Сино, ш. Душанбе".
  if (found.district.kind === 'city-district') {
    const capital = (found.region.name[l] || found.region.name.ru).replace(/^(?:Шаҳри|город|City of)\s+/i, '').replace(/\s+City$/i, '');
    return `${district}, ${city(capital)}`;
  }
  return district;
}

export interface AddressParts {
  /** Street, house, flat: free text (a document rewrites its known words in its language). */
  address?: string | null;
  village?: string | null;
  jamoat?: string | null;
  districtId?: string | null;
}

const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * The whole place on one line, smallest part first: "кӯчаи Ленин 5, деҳаи Гулакандоз, ҷамоати
 * Ҳамдамов, ноҳияи Ҷалолиддини Румӣ". `document`: a court paper (free text rewritten in its language,
 * Russian spelling of Tajik names); `screen`: as typed, with the words of the screen's language.
 * A part already said by an earlier one (the city typed into the street address) is not repeated.
 */
export function formatAddress(parts: AddressParts, lang: string, use: 'screen' | 'document' = 'screen'): string {
  const l = asLang(lang);
  const spelling = use === 'document' ? 'document' : 'asTyped';
  const street = (parts.address ?? '').trim();
  const candidates = [
    use === 'document' && l !== 'en' ? placeTextIn(street, l) : street,
    placeName('village', parts.village ?? '', l, spelling),
    placeName('jamoat', parts.jamoat ?? '', l, spelling),
    ...districtInAddress(parts.districtId, l).split(', '),
  ];
  const out: string[] = [];
  for (const part of candidates) {
    if (part.trim() === '') continue;
    const f = fold(part);
    if (out.some((earlier) => fold(earlier).split(', ').includes(f))) continue;
    out.push(part);
  }
  return out.join(', ');
}
