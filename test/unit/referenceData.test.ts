import { describe, expect, it } from 'vitest';
import { courtAddressSeed } from '../../db/migrations/0014_court_addresses';
import { legalReferenceSeed } from '../../db/migrations/0002_legal_references';
import { feeSeed, registryAddressSeed } from '../../db/migrations/0017_fees_and_registry_addresses';
import { otherLanguageWords } from '../../shared/domain/filingLanguage';
import { MARITAL_STATUSES } from '../../shared/domain/enums';
import { courtAddressRefKey, courtRefKey, registryAddressRefKey } from '../../shared/reference/courts';
import { DOCUMENT_TYPES, MARITAL_STATUS_PHRASES, documentPhrase } from '../../shared/reference/phrases';
import { MIGRATION_COUNTRIES, abroadIn, cityIn, countryIn, placeTextIn } from '../../shared/reference/places';
import { REGIONS } from '../../shared/reference/regions';

// The reference data the filings print, in both languages.

const refs = new Map([...legalReferenceSeed(), ...courtAddressSeed(), ...feeSeed(), ...registryAddressSeed()].map((r) => [r.key, r]));
const districts = REGIONS.flatMap((r) => r.divisions);

function clean(text: string, lang: 'tg' | 'ru'): boolean {
  return text.trim() !== '' && otherLanguageWords(text, lang).length === 0;
}

describe('courts', () => {
  it('every district and city has a court name and address in Tajik and in Russian', () => {
    expect(districts.length).toBeGreaterThan(60);
    for (const d of districts) {
      const name = refs.get(courtRefKey(d.id));
      const address = refs.get(courtAddressRefKey(d.id));
      const registry = refs.get(registryAddressRefKey(d.id));
      expect(name, d.id).toBeDefined();
      expect(address, d.id).toBeDefined();
      expect(registry, d.id).toBeDefined();
      for (const r of [name!, address!, registry!]) {
        expect(clean(r.tg, 'tg'), `${r.key} tg: ${r.tg}`).toBe(true);
        expect(clean(r.ru, 'ru'), `${r.key} ru: ${r.ru}`).toBe(true);
      }
      expect(name!.tg).toMatch(/^Суди (ноҳияи|шаҳри) /);
      expect(name!.ru).toMatch(/^суд (района|города) |^суд \S+ого района/);
    }
  });

  it('court names are unconfirmed, as are the addresses, until an administrator checks them', () => {
    expect(refs.get(courtRefKey('su-isfara'))).toMatchObject({ tg: 'Суди шаҳри Исфара', ru: 'суд города Исфара', confirmed: 0 });
    expect(refs.get(courtAddressRefKey('su-isfara'))).toMatchObject({ tg: 'ш. Исфара', ru: 'г. Исфара' });
    expect(refs.get(courtAddressRefKey('du-sino'))).toMatchObject({ tg: 'ш. Душанбе, ноҳияи Сино', ru: 'г. Душанбе, район Сино' });
    expect(refs.get(courtAddressRefKey('ra-rudaki'))).toMatchObject({ tg: 'ноҳияи Рӯдакӣ', ru: 'район Рудаки' });
  });
});

describe('places of migration', () => {
  it('has the usual destinations in Russia, Kazakhstan and beyond, each in three languages', () => {
    const ids = MIGRATION_COUNTRIES.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ru', 'kz', 'uz', 'kg', 'tr', 'ae', 'kr']));
    const cities = MIGRATION_COUNTRIES.flatMap((c) => c.cities.map((ci) => ci.name.ru));
    expect(cities).toEqual(expect.arrayContaining(['Москва', 'Санкт-Петербург', 'Екатеринбург', 'Новосибирск', 'Красноярск', 'Казань', 'Самара', 'Алматы', 'Астана']));
    for (const p of MIGRATION_COUNTRIES.flatMap((c) => [c, ...c.cities])) {
      expect(clean(p.name.tg, 'tg'), p.name.tg).toBe(true);
      expect(clean(p.name.ru, 'ru'), p.name.ru).toBe(true);
      expect(p.name.en).not.toBe('');
    }
  });

  it('prints a place typed in either language in the filing language', () => {
    expect(countryIn('Россия', 'tg')).toBe('Федератсияи Россия');
    expect(countryIn('Қазоқистон', 'ru')).toBe('Республика Казахстан');
    expect(countryIn('Russia', 'ru')).toBe('Российская Федерация');
    expect(cityIn('Алмаато', 'ru')).toBe('Алматы');
    expect(cityIn('Казань', 'tg')).toBe('Қазон');
    expect(cityIn('Подольск', 'tg')).toBe('Подольск');
    expect(abroadIn('Туркия', 'Истанбул', 'ru')).toBe('Турецкая Республика, г. Стамбул');
    expect(abroadIn('Россия', 'Москва', 'tg')).toBe('Федератсияи Россия, ш. Маскав');
    expect(placeTextIn('Ҷумҳурии Қазоқистон, ш. Алмаато', 'ru')).toBe('Республика Казахстан, г. Алматы');
    expect(placeTextIn('ш. Хуҷанд, кӯчаи Ленин 45, хонаи 12', 'ru')).toBe('г. Худжанд, ул. Ленин 45, кв. 12');
    expect(placeTextIn('ноҳияи Рӯдакӣ, деҳаи Чоргулбоғ', 'ru')).toBe('район Рудаки, с. Чоргулбог');
    expect(placeTextIn('г. Худжанд, ул. Ленина 45, кв. 12', 'tg')).toBe('ш. Хуҷанд, кӯчаи Ленина 45, хонаи 12');
    // What it does not know stays as typed (and the language check names it).
    expect(placeTextIn('сохтмони метро', 'ru')).toBe('сохтмони метро');
  });
});

describe('phrases', () => {
  it('words every marital status in both languages', () => {
    for (const s of MARITAL_STATUSES) {
      expect(clean(MARITAL_STATUS_PHRASES[s].tg, 'tg'), s).toBe(true);
      expect(clean(MARITAL_STATUS_PHRASES[s].ru, 'ru'), s).toBe(true);
    }
  });

  it('names identity documents in the filing language, however the form stored the type', () => {
    for (const d of DOCUMENT_TYPES) expect(clean(d.name.tg, 'tg') && clean(d.name.ru, 'ru'), d.id).toBe(true);
    expect(documentPhrase('passport', 'A01234567', 'tg')).toBe('шиноснома A01234567');
    expect(documentPhrase('шиноснома', 'A01234567', 'ru')).toBe('паспорт A01234567');
    expect(documentPhrase('удостоверение', ' 12 ', 'ru')).toBe('удостоверение 12');
  });
});
