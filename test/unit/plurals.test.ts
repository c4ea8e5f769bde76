import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { CATALOGS, translate } from '../../shared/i18n/index';

// A count is followed by the word in the form the number asks for: «1 год», «2 года», «5 лет», «21 год»,
// the same through i18next (screens) and through translate (documents, command line).

describe('plural forms', () => {
  const i18n = i18next.createInstance();
  const ready = i18n.init({
    resources: { tg: { translation: CATALOGS.tg }, ru: { translation: CATALOGS.ru }, en: { translation: CATALOGS.en } },
    lng: 'ru',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });

  it('ages in Russian', async () => {
    await ready;
    const age = (n: number) => i18n.t('common.years', { count: n, lng: 'ru' });
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 101].map(age)).toEqual([
      '1 год', '2 года', '4 года', '5 лет', '11 лет', '12 лет', '21 год', '22 года', '25 лет', '101 год',
    ]);
    expect(translate('ru', 'common.years', { count: 22 })).toBe('22 года');
    expect(translate('ru', 'common.years', { count: 35 })).toBe('35 лет');
  });

  it('ages in Tajik and English', async () => {
    await ready;
    expect(i18n.t('common.years', { count: 22, lng: 'tg' })).toBe('22 сола');
    expect(translate('en', 'common.years', { count: 1 })).toBe('1 y.');
  });

  it('a retention period and a count of consultations in Russian', async () => {
    await ready;
    expect(i18n.t('security.retention.intro', { count: 1, lng: 'ru' })).toMatch(/^Закрытые дела старше 1 года\./);
    expect(i18n.t('security.retention.intro', { count: 5, lng: 'ru' })).toMatch(/^Закрытые дела старше 5 лет\./);
    expect(i18n.t('reports.drilldown.count', { shown: 3, count: 21, lng: 'ru' })).toBe('3 из 21 консультации');
    expect(i18n.t('reports.drilldown.count', { shown: 3, count: 25, lng: 'ru' })).toBe('3 из 25 консультаций');
    expect(i18n.t('reports.drilldown.count', { shown: 1, count: 1, lng: 'en' })).toBe('1 of 1 consultation');
  });

  it('no Russian catalog string puts a count before a noun without plural forms', () => {
    // «{{count}} лет» alone would read «22 лет»; such strings must come as _one/_few/_many.
    const flat = JSON.stringify(CATALOGS.ru);
    const bare = [...flat.matchAll(/"(\w+)":"[^"]*\{\{\w+\}\} (лет|года|год|консультаций|консультации)[^"]*"/g)].filter((m) => !/_(one|few|many|other)$/.test(m[1]!));
    expect(bare.map((m) => m[1])).toEqual([]);
  });
});
