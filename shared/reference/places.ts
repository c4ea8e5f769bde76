import type { LocalizedName } from '../api/types';
import { russianSpelling } from '../domain/filingLanguage';
import { REGIONS } from './regions';

// Countries and cities where Tajik labour migrants usually work, in Tajik, Russian and English: the
// forms offer them, and a filing prints the place in its own language whichever language the lawyer
// typed it in. `formal` is the name a court paper uses ("Федератсияи Россия" / "Российская Федерация");
// `aliases` are other spellings met in the data (matched without case). Free text stays possible: a
// place not listed is printed as typed.

export interface Place {
  id: string;
  name: LocalizedName;
  aliases?: readonly string[];
}

export interface Country extends Place {
  formal: LocalizedName;
  cities: readonly Place[];
}

const n = (tg: string, ru: string, en: string): LocalizedName => ({ tg, ru, en });
const city = (id: string, tg: string, ru: string, en: string, aliases?: string[]): Place => ({ id, name: n(tg, ru, en), ...(aliases ? { aliases } : {}) });

export const MIGRATION_COUNTRIES: readonly Country[] = [
  {
    id: 'ru',
    name: n('Русия', 'Россия', 'Russia'),
    formal: n('Федератсияи Россия', 'Российская Федерация', 'Russian Federation'),
    aliases: ['Россия', 'Руссия', 'РФ', 'Федератсияи Русия'],
    cities: [
      city('ru-moscow', 'Маскав', 'Москва', 'Moscow', ['Москва']),
      city('ru-spb', 'Санкт-Петербург', 'Санкт-Петербург', 'Saint Petersburg', ['Петербург', 'СПб']),
      city('ru-yekaterinburg', 'Екатеринбург', 'Екатеринбург', 'Yekaterinburg'),
      city('ru-novosibirsk', 'Новосибирск', 'Новосибирск', 'Novosibirsk'),
      city('ru-krasnoyarsk', 'Красноярск', 'Красноярск', 'Krasnoyarsk'),
      city('ru-kazan', 'Қазон', 'Казань', 'Kazan'),
      city('ru-samara', 'Самара', 'Самара', 'Samara'),
      city('ru-surgut', 'Сургут', 'Сургут', 'Surgut'),
      city('ru-tyumen', 'Тюмен', 'Тюмень', 'Tyumen'),
      city('ru-nizhny-novgorod', 'Нижний Новгород', 'Нижний Новгород', 'Nizhny Novgorod'),
      city('ru-rostov', 'Ростов-на-Дону', 'Ростов-на-Дону', 'Rostov-on-Don'),
      city('ru-krasnodar', 'Краснодар', 'Краснодар', 'Krasnodar'),
      city('ru-chelyabinsk', 'Челябинск', 'Челябинск', 'Chelyabinsk'),
      city('ru-omsk', 'Омск', 'Омск', 'Omsk'),
      city('ru-irkutsk', 'Иркутск', 'Иркутск', 'Irkutsk'),
      city('ru-ufa', 'Уфа', 'Уфа', 'Ufa'),
      city('ru-perm', 'Перм', 'Пермь', 'Perm'),
      city('ru-voronezh', 'Воронеж', 'Воронеж', 'Voronezh'),
      city('ru-vladivostok', 'Владивосток', 'Владивосток', 'Vladivostok'),
      city('ru-yakutsk', 'Якутск', 'Якутск', 'Yakutsk'),
    ],
  },
  {
    id: 'kz',
    name: n('Қазоқистон', 'Казахстан', 'Kazakhstan'),
    formal: n('Ҷумҳурии Қазоқистон', 'Республика Казахстан', 'Republic of Kazakhstan'),
    cities: [
      city('kz-almaty', 'Алмаато', 'Алматы', 'Almaty', ['Алма-Ата']),
      city('kz-astana', 'Остона', 'Астана', 'Astana', ['Нур-Султан']),
      city('kz-shymkent', 'Шимкент', 'Шымкент', 'Shymkent', ['Чимкент']),
      city('kz-karaganda', 'Қарағанда', 'Караганда', 'Karaganda'),
    ],
  },
  {
    id: 'uz',
    name: n('Ӯзбекистон', 'Узбекистан', 'Uzbekistan'),
    formal: n('Ҷумҳурии Ӯзбекистон', 'Республика Узбекистан', 'Republic of Uzbekistan'),
    cities: [
      city('uz-tashkent', 'Тошкент', 'Ташкент', 'Tashkent'),
      city('uz-samarkand', 'Самарқанд', 'Самарканд', 'Samarkand'),
      city('uz-bukhara', 'Бухоро', 'Бухара', 'Bukhara'),
    ],
  },
  {
    id: 'kg',
    name: n('Қирғизистон', 'Кыргызстан', 'Kyrgyzstan'),
    formal: n('Ҷумҳурии Қирғизистон', 'Кыргызская Республика', 'Kyrgyz Republic'),
    aliases: ['Киргизия', 'Қирғизия'],
    cities: [city('kg-bishkek', 'Бишкек', 'Бишкек', 'Bishkek'), city('kg-osh', 'Ӯш', 'Ош', 'Osh')],
  },
  {
    id: 'tr',
    name: n('Туркия', 'Турция', 'Türkiye'),
    formal: n('Ҷумҳурии Туркия', 'Турецкая Республика', 'Republic of Türkiye'),
    aliases: ['Turkey'],
    cities: [city('tr-istanbul', 'Истанбул', 'Стамбул', 'Istanbul'), city('tr-ankara', 'Анқара', 'Анкара', 'Ankara')],
  },
  {
    id: 'ae',
    name: n('Аморати Муттаҳидаи Араб', 'Объединённые Арабские Эмираты', 'United Arab Emirates'),
    formal: n('Аморати Муттаҳидаи Араб', 'Объединённые Арабские Эмираты', 'United Arab Emirates'),
    aliases: ['ОАЭ', 'UAE', 'Объединенные Арабские Эмираты'],
    cities: [city('ae-dubai', 'Дубай', 'Дубай', 'Dubai'), city('ae-abu-dhabi', 'Абу-Забӣ', 'Абу-Даби', 'Abu Dhabi')],
  },
  {
    id: 'kr',
    name: n('Кореяи Ҷанубӣ', 'Южная Корея', 'South Korea'),
    formal: n('Ҷумҳурии Корея', 'Республика Корея', 'Republic of Korea'),
    cities: [city('kr-seoul', 'Сеул', 'Сеул', 'Seoul'), city('kr-ansan', 'Ансан', 'Ансан', 'Ansan')],
  },
  {
    id: 'by',
    name: n('Беларус', 'Беларусь', 'Belarus'),
    formal: n('Ҷумҳурии Беларус', 'Республика Беларусь', 'Republic of Belarus'),
    cities: [city('by-minsk', 'Минск', 'Минск', 'Minsk')],
  },
];

function key(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function spellings(p: Place & { formal?: LocalizedName }): string[] {
  return [p.name.tg, p.name.ru, p.name.en, ...(p.formal ? [p.formal.tg, p.formal.ru, p.formal.en] : []), ...(p.aliases ?? [])];
}

const countryByName = new Map<string, Country>();
const cityByName = new Map<string, Place>();
for (const c of MIGRATION_COUNTRIES) {
  for (const s of spellings(c)) countryByName.set(key(s), c);
  for (const ci of c.cities) for (const s of spellings(ci)) cityByName.set(key(s), ci);
}
// Tajikistan's own cities and districts, as the admin divisions name them.
const homeCityByName = new Map<string, Place>();
const districtByName = new Map<string, Place>();
for (const r of REGIONS) {
  for (const d of r.divisions) {
    const place: Place = { id: d.id, name: d.name };
    if (d.kind === 'city') for (const s of spellings(place)) homeCityByName.set(key(s), place);
    else for (const s of spellings(place)) districtByName.set(key(s), place);
  }
}

/** The country whatever language `text` names it in ("Россия", "Федератсияи Россия", "Russia"). */
export function findCountry(text: string): Country | undefined {
  return countryByName.get(key(text));
}

/** A city of migration or of Tajikistan, named in any of the three languages. */
export function findCity(text: string): Place | undefined {
  return cityByName.get(key(text)) ?? homeCityByName.get(key(text));
}

/** The country as a court paper writes it in `lang`, or the text as typed. */
export function countryIn(text: string, lang: 'tg' | 'ru'): string {
  return findCountry(text)?.formal[lang] ?? text.trim();
}

/** The city in `lang`, or the text as typed. */
export function cityIn(text: string, lang: 'tg' | 'ru'): string {
  return findCity(text)?.name[lang] ?? text.trim();
}

/** Names the forms offer for a country field (in the screen's language first, each once). */
export function countryChoices(ui: string): string[] {
  const lang = ui === 'ru' ? 'ru' : ui === 'en' ? 'en' : 'tg';
  return MIGRATION_COUNTRIES.map((c) => c.name[lang]);
}

/** Names the forms offer for a city field: the cities of the typed country, or all of them. */
export function cityChoices(ui: string, countryText = ''): string[] {
  const lang = ui === 'ru' ? 'ru' : ui === 'en' ? 'en' : 'tg';
  const country = findCountry(countryText);
  return (country ? [country] : MIGRATION_COUNTRIES).flatMap((c) => c.cities.map((ci) => ci.name[lang]));
}

/** Whereabouts lines the case form offers ("Федератсияи Россия, ш. Маскав"), in Tajik or Russian. */
export function abroadChoices(ui: string): string[] {
  const lang = ui === 'ru' ? 'ru' : 'tg';
  return MIGRATION_COUNTRIES.flatMap((c) => [c.formal[lang], ...c.cities.map((ci) => abroadIn(c.name[lang], ci.name[lang], lang))]);
}

// One comma-separated part of an address or of a "whereabouts" line, recognised and rewritten in the
// other language: "ш. Москва" ↔ "г. Москва", "кӯчаи Ленин 45" ↔ "ул. Ленина 45"… Street, village and
// jamoat names are proper names: Russian writes the Tajik letters its own way (russianSpelling).
const CITY_PREFIX = /^(?:ш\.|шаҳри|г\.|город)\s*(.+)$/iu;
const STREET = /^(?:кӯчаи|ул\.|улица)\s*(.+)$/iu;
const FLAT = /^(?:хонаи|кв\.|квартира)\s*(\d+\S*)$/iu;
const VILLAGE = /^(?:деҳаи|с\.|село)\s*(.+)$/iu;
const JAMOAT = /^(?:ҷамоати|джамоат)\s*(.+)$/iu;
const DISTRICT_TG = /^ноҳияи\s+(.+)$/iu;

function properName(name: string, lang: 'tg' | 'ru'): string {
  return lang === 'ru' ? russianSpelling(name) : name;
}

function districtIn(text: string, lang: 'tg' | 'ru'): string | undefined {
  const t = text.trim();
  const m = DISTRICT_TG.exec(t);
  const d = districtByName.get(key(t)) ?? (m ? districtByName.get(key(`Ноҳияи ${m[1]}`)) : undefined);
  if (!d) return undefined;
  // Inside an address the district word is not capitalised: "…, ноҳияи Сино".
  return d.name[lang].replace(/^Ноҳияи /, 'ноҳияи ');
}

function partIn(part: string, lang: 'tg' | 'ru'): string {
  const t = part.trim();
  if (!t) return t;
  const country = findCountry(t);
  if (country) return country.formal[lang];
  const district = districtIn(t, lang);
  if (district) return district;
  let m = CITY_PREFIX.exec(t);
  if (m) {
    const c = findCity(m[1]!);
    return `${lang === 'tg' ? 'ш.' : 'г.'} ${c ? c.name[lang] : properName(m[1]!, lang)}`;
  }
  if (findCity(t)) return `${lang === 'tg' ? 'ш.' : 'г.'} ${findCity(t)!.name[lang]}`;
  if ((m = STREET.exec(t))) return `${lang === 'tg' ? 'кӯчаи' : 'ул.'} ${properName(m[1]!, lang)}`;
  if ((m = FLAT.exec(t))) return `${lang === 'tg' ? 'хонаи' : 'кв.'} ${m[1]}`;
  if ((m = VILLAGE.exec(t))) return `${lang === 'tg' ? 'деҳаи' : 'с.'} ${properName(m[1]!, lang)}`;
  if ((m = JAMOAT.exec(t))) return `${lang === 'tg' ? 'ҷамоати' : 'джамоат'} ${properName(m[1]!, lang)}`;
  return t;
}

/**
 * An address or whereabouts line typed in either language, written in `lang` part by part (parts are
 * separated by commas). Parts it does not recognise stay as typed; the filing's language check then
 * names them.
 */
export function placeTextIn(text: string, lang: 'tg' | 'ru'): string {
  return text
    .split(',')
    .map((p) => partIn(p, lang))
    .filter((p) => p !== '')
    .join(', ');
}

/** "Россия, Москва" → "Федератсияи Россия, ш. Маскав": a household's country and city in `lang`. */
export function abroadIn(country: string, cityText: string, lang: 'tg' | 'ru'): string {
  const c = country.trim() ? countryIn(country, lang) : '';
  const ci = cityText.trim() ? `${lang === 'tg' ? 'ш.' : 'г.'} ${cityIn(cityText, lang)}` : '';
  return [c, ci].filter(Boolean).join(', ');
}
