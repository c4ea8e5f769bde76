import { describe, expect, it } from 'vitest';
import { clientInput } from '../../shared/api/clientInputs';
import { mobileSessionInput } from '../../shared/api/mobileSessionInputs';
import { bareName, formatAddress, placeName, placeWord } from '../../shared/reference/addresses';

// A place prints each of its words once, in the language of the screen or of the document, whether
// the name was typed bare (as the forms now ask) or, in older records, with its word typed in.

const count = (text: string, word: string) => text.split(word).length - 1;

describe('addresses', () => {
  it('strips a word typed before a village or jamoat name, Tajik or Russian, any case, even twice', () => {
    expect(bareName('village', 'деҳаи Гулакандоз')).toBe('Гулакандоз');
    expect(bareName('village', 'Деҳаи деҳаи Гулакандоз')).toBe('Гулакандоз');
    expect(bareName('village', 'с. деҳаи Гулакандоз')).toBe('Гулакандоз');
    expect(bareName('village', 'СЕЛО Гулакандоз')).toBe('Гулакандоз');
    expect(bareName('village', 'с.Гулакандоз')).toBe('Гулакандоз');
    expect(bareName('jamoat', 'Ҷамоати Ҳамдамов')).toBe('Ҳамдамов');
    expect(bareName('jamoat', 'джамоат Ҷамоати Ҳамдамов')).toBe('Ҳамдамов');
    expect(bareName('jamoat', 'ҷамоати деҳоти Чоргулбоғ')).toBe('Чоргулбоғ');
    // Names that only begin with the same letters are names.
    expect(bareName('village', 'Деҳнав')).toBe('Деҳнав');
    expect(bareName('village', 'Селоб')).toBe('Селоб');
    expect(bareName('jamoat', 'Ҷамоат')).toBe('Ҷамоат');
  });

  it('prints an old record typed with its words once, in Tajik and in Russian', () => {
    const old = { address: '', village: 'деҳаи деҳаи Гулакандоз', jamoat: 'Ҷамоати Ҳамдамов', districtId: 'su-jabbor-rasulov' };
    const tg = formatAddress(old, 'tg', 'document');
    expect(tg).toBe('деҳаи Гулакандоз, ҷамоати Ҳамдамов, ноҳияи Ҷаббор Расулов');
    const ru = formatAddress(old, 'ru', 'document');
    expect(ru).toBe('с. Гулакандоз, джамоат Хамдамов, Джаббар-Расуловский район');
    for (const word of ['деҳаи', 'ҷамоати', 'ноҳияи']) expect(count(tg.toLowerCase(), word), word).toBe(1);
    for (const word of ['с.', 'джамоат', 'деҳаи', 'ҷамоати']) expect(count(ru.toLowerCase(), word), word).toBeLessThanOrEqual(1);
    expect(ru).not.toMatch(/деҳаи|ҷамоати/i);
  });

  it('prints a bare name with the word of the screen (as typed on screen, Russian spelling in a document)', () => {
    const bare = { village: 'Гулакандоз', jamoat: 'Ҳамдамов', districtId: 'su-khujand' };
    expect(formatAddress(bare, 'tg')).toBe('деҳаи Гулакандоз, ҷамоати Ҳамдамов, ш. Хуҷанд');
    expect(formatAddress(bare, 'ru')).toBe('с. Гулакандоз, джамоат Ҳамдамов, г. Худжанд');
    expect(formatAddress(bare, 'en')).toBe('Гулакандоз village, Ҳамдамов jamoat, Khujand');
    expect(placeName('village', 'с. Ғозиён', 'ru', 'document')).toBe('с. Гозиён');
  });

  it('does not repeat a city the street address already names', () => {
    expect(formatAddress({ address: 'ш. Хуҷанд, кӯчаи Ленин 5', districtId: 'su-khujand' }, 'tg', 'document')).toBe('ш. Хуҷанд, кӯчаи Ленин 5');
    expect(formatAddress({ address: 'кӯчаи Ленин 5', districtId: 'su-khujand' }, 'ru', 'document')).toBe('ул. Ленин 5, г. Худжанд');
    // A district of the capital is followed by the capital, once.
    expect(formatAddress({ address: 'кӯчаи Бухоро 21', districtId: 'du-sino' }, 'tg', 'document')).toBe('кӯчаи Бухоро 21, ноҳияи Сино, ш. Душанбе');
    expect(formatAddress({ address: 'г. Душанбе, ул. Бухоро 21', districtId: 'du-sino' }, 'ru', 'document')).toBe('г. Душанбе, ул. Бухоро 21, район Сино');
  });

  it('the forms show the word beside the field, in the language of the screen', () => {
    expect(placeWord('village', 'tg')).toEqual({ before: 'деҳаи' });
    expect(placeWord('village', 'ru')).toEqual({ before: 'с.' });
    expect(placeWord('jamoat', 'ru')).toEqual({ before: 'джамоат' });
  });

  it('the client and session channels store the names bare', () => {
    const c = clientInput.parse({ surname: 'Раҳимова', givenName: 'Малика', sex: 'F', age: 30, residenceVillage: 'деҳаи Гулакандоз', residenceJamoat: 'ҷамоати Ҳамдамов' });
    expect([c.residenceVillage, c.residenceJamoat]).toEqual(['Гулакандоз', 'Ҳамдамов']);
    const s = mobileSessionInput.parse({ date: '2024-04-10', districtId: 'ra-rudaki', village: 'с. Чоргулбоғ', jamoat: 'Джамоат Чоргулбоғ' });
    expect([s.village, s.jamoat]).toEqual(['Чоргулбоғ', 'Чоргулбоғ']);
  });
});
