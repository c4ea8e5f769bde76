import type { Sex } from '../../shared/domain/enums';
import type { Rng } from './prng';

// Synthetic Tajik and Russian names with the naming patterns seen in the registers of the contact
// points: the older Russian-style surnames (Раҳимов / Раҳимова, Мирзоев / Мирзоева), the Tajik forms
// restored since the 2000s (Раҳимӣ, Раҳимзод, Раҳмонзода, Саидиён, Назарпур, Назарфар — the same for
// men and women), patronymics from the father's name (Саидович / Саидовна) that are often left out
// with a Tajik-form surname, and the same names written the Russian way (Рахимова, Джураева) as
// clerks and passports issued abroad often write them. A few clients have Russian names.

export const FEMALE_NAMES = [
  'Малика', 'Гулнора', 'Фарзона', 'Нигина', 'Шаҳло', 'Дилором', 'Зулфия', 'Парвина', 'Мавлуда', 'Меҳрона', 'Зарина', 'Мадина',
  'Сабоҳат', 'Нозанин', 'Гулчеҳра', 'Муниса', 'Шаҳноза', 'Фотима', 'Ситора', 'Манижа', 'Ҳафиза', 'Зебо', 'Таҳмина', 'Мижгона',
  'Фирӯза', 'Дилноза', 'Нилуфар', 'Гулбаҳор', 'Рухшона', 'Садбарг', 'Сурайё', 'Ҷамила', 'Қумрӣ', 'Барно', 'Ойша', 'Муҳаббат',
  'Гулшан', 'Тоҷинисо', 'Шарофат', 'Мунира', 'Навбаҳор', 'Сарвиноз', 'Гулрӯ', 'Ҳилола', 'Дилафрӯз', 'Моҳпайкар', 'Заргуна', 'Хуршеда',
] as const;

export const MALE_NAMES = [
  'Рустам', 'Фаридун', 'Ҷамшед', 'Баҳром', 'Фирӯз', 'Шерали', 'Некрӯз', 'Одил', 'Саид', 'Аҳмад', 'Карим', 'Раҳмат', 'Ғафур',
  'Юсуф', 'Амин', 'Олим', 'Назар', 'Давлат', 'Саттор', 'Шариф', 'Исмоил', 'Бахтиёр', 'Меҳроб', 'Сӯҳроб', 'Умед', 'Фарҳод',
  'Достон', 'Абдулло', 'Қодир', 'Ҳусейн', 'Алишер', 'Муҳаммад', 'Зафар', 'Далер', 'Анвар', 'Комрон', 'Шаҳром', 'Парвиз',
  'Илҳом', 'Ҷаҳонгир', 'Файзулло', 'Ғайрат', 'Маҳмуд', 'Қурбон', 'Нурулло', 'Суҳайл', 'Тоҳир', 'Ёдгор',
] as const;

/** Roots of family names (mostly a forefather's given name). */
export const SURNAME_ROOTS = [
  'Раҳим', 'Карим', 'Назар', 'Саид', 'Шариф', 'Мирзо', 'Ҷӯра', 'Бобо', 'Исмоил', 'Хол', 'Раҳмон', 'Қодир', 'Аҳмад', 'Юсуф',
  'Олим', 'Ғафур', 'Сафар', 'Давлат', 'Ҳусейн', 'Нур', 'Ашур', 'Шукур', 'Файзулло', 'Зоир', 'Абдулло', 'Ҳамид', 'Султон',
  'Турсун', 'Ҷалил', 'Латиф', 'Наим', 'Азиз', 'Маҳмуд', 'Қурбон', 'Шоҳ', 'Ғулом', 'Саидаҳмад', 'Имом', 'Ниёз', 'Ҳайдар',
  'Собир', 'Ризо', 'Умар', 'Усмон', 'Ёқуб', 'Мусо', 'Иброҳим', 'Тоҳир', 'Зариф', 'Неъмат',
] as const;

const RUSSIAN_FEMALE = ['Ольга', 'Наталья', 'Елена', 'Татьяна', 'Светлана', 'Ирина', 'Людмила', 'Галина', 'Валентина', 'Марина'] as const;
const RUSSIAN_MALE = ['Сергей', 'Александр', 'Владимир', 'Николай', 'Виктор', 'Андрей', 'Юрий', 'Иван'] as const;
const RUSSIAN_SURNAME_ROOTS = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Новиков', 'Морозов', 'Волков'] as const;

/** The Tajik surname endings the generator uses (for the tests and for readers). */
export const TAJIK_SURNAME_SUFFIXES = ['ӣ', 'зод', 'зода', 'ён', 'пур', 'фар'] as const;

const VOWELS = /[аоуӯиеэяюё]$/;

/** Russian-style family name: -ов/-ова, or -ев/-ева after a vowel (Мирзоев, Ҷӯраева). */
export function russianStyleSurname(root: string, sex: Sex): string {
  const base = VOWELS.test(root) ? `${root}ев` : `${root}ов`;
  return sex === 'F' ? `${base}а` : base;
}

/** Tajik-form family name, the same for men and women. */
export function tajikStyleSurname(root: string, suffix: (typeof TAJIK_SURNAME_SUFFIXES)[number]): string {
  if (suffix === 'ӣ') return `${root}ӣ`;
  if (suffix === 'ён') return VOWELS.test(root) ? `${root}ён` : `${root}иён`;
  return `${root}${suffix}`;
}

/** Patronymic from the father's given name: Саидович / Саидовна, Абдуллоевич / Абдуллоевна. */
export function patronymicOf(fatherName: string, sex: Sex): string {
  const base = VOWELS.test(fatherName) ? `${fatherName}ев` : `${fatherName}ов`;
  return sex === 'F' ? `${base}на` : `${base}ич`;
}

const TO_RUSSIAN: Record<string, string> = { ҳ: 'х', Ҳ: 'Х', ҷ: 'дж', Ҷ: 'Дж', қ: 'к', Қ: 'К', ғ: 'г', Ғ: 'Г', ӣ: 'ий', ӯ: 'у', Ӯ: 'У' };

/** The same name in Russian spelling, as written by a Russian-speaking clerk: Раҳимова → Рахимова, Ҷӯраева → Джураева. */
export function russianSpelling(name: string): string {
  return name.replace(/[ҳҲҷҶқҚғҒӣӯӮ]/g, (ch) => TO_RUSSIAN[ch] ?? ch);
}

export interface PersonName {
  surname: string;
  givenName: string;
  patronymic: string;
  /** The father's given name (patronymics of children, the migrant's own name). */
  fatherName: string;
  style: 'russian_form' | 'tajik_form' | 'russian_spelling' | 'russian';
}

/** A name for a person of the given sex; `familyRoot` keeps one family's surname (a wife's husband, children). */
export function personName(rng: Rng, sex: Sex, bornYear: number): PersonName {
  const style = rng.weighted<PersonName['style']>([
    // Tajik-form surnames are more common among the young (restored since the 2000s and made the rule in 2020).
    ['russian_form', bornYear < 1985 ? 60 : 35],
    ['tajik_form', bornYear < 1985 ? 20 : 45],
    ['russian_spelling', 15],
    ['russian', 3],
  ]);
  if (style === 'russian') {
    const father = rng.pick(RUSSIAN_MALE);
    const root = rng.pick(RUSSIAN_SURNAME_ROOTS);
    const patronymic = father.endsWith('й') ? `${father.slice(0, -1)}ев${sex === 'F' ? 'на' : 'ич'}` : patronymicOf(father, sex);
    return { surname: sex === 'F' ? `${root}а` : root, givenName: rng.pick(sex === 'F' ? RUSSIAN_FEMALE : RUSSIAN_MALE), patronymic, fatherName: father, style };
  }
  const father = rng.pick(MALE_NAMES);
  const root = rng.pick(SURNAME_ROOTS);
  const givenName = rng.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES);
  if (style === 'tajik_form') {
    const suffix = rng.weighted<(typeof TAJIK_SURNAME_SUFFIXES)[number]>([['зода', 40], ['ӣ', 20], ['зод', 15], ['ён', 10], ['пур', 10], ['фар', 5]]);
    // With a Tajik-form surname the patronymic is often not written at all.
    const patronymic = rng.chance(0.45) ? '' : patronymicOf(father, sex);
    return { surname: tajikStyleSurname(root, suffix), givenName, patronymic, fatherName: father, style };
  }
  const name = { surname: russianStyleSurname(root, sex), givenName, patronymic: rng.chance(0.05) ? '' : patronymicOf(father, sex), fatherName: father, style };
  if (style === 'russian_spelling') {
    return { ...name, surname: russianSpelling(name.surname), givenName: russianSpelling(name.givenName), patronymic: russianSpelling(name.patronymic) };
  }
  return name;
}

/** Letters a name may use: the Tajik alphabet plus the Russian letters used in Russian spellings. */
export const NAME_LETTERS = /^[А-Яа-яЁёҒғӢӣҚқӮӯҲҳҶҷ -]+$/u;
