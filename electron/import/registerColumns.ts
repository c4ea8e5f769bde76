import type { ImportKind } from '../../shared/api/reportTypes';
import { parseDate } from '../../shared/domain/dates';
import type { Sex } from '../../shared/domain/enums';
import { enumsEn } from '../../shared/i18n/parts/enumsEn';
import { enumsRu } from '../../shared/i18n/parts/enumsRu';
import { enumsTg } from '../../shared/i18n/parts/enumsTg';
import { REGIONS } from '../../shared/reference/regions';

// The columns of the registers contact points already keep, with the names people write in
// English, Russian and Tajik, and the parsers of their values. Header names are matched after folding
// case, spaces, underscores and hyphens; values of closed lists accept the code or its label in any
// of the three languages ("Домохозяйка", "Хонабону", "homemaker").

export interface ColumnSpec {
  name: string;
  required: boolean;
  aliases: string[];
}

const col = (name: string, required: boolean, ...aliases: string[]): ColumnSpec => ({ name, required, aliases });

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  'contact-points': [
    col('code', true, 'код', 'рамз'),
    col('name', true, 'название', 'наименование', 'ном', 'номгӯй'),
    col('district', true, 'район', 'ноҳия', 'город/район', 'шаҳр/ноҳия'),
    col('established_on', true, 'дата создания', 'дата открытия', 'создан', 'санаи таъсис', 'таъсис'),
    col('closed_on', false, 'дата закрытия', 'закрыт', 'санаи бастан'),
    col('address', false, 'адрес', 'суроға'),
    col('organisation', false, 'organization', 'организация', 'ташкилот'),
  ],
  'mobile-sessions': [
    col('code', true, 'код', 'рамз'),
    col('contact_point', true, 'контактный пункт', 'пункт', 'нуқтаи тамос', 'код пункта'),
    col('date', true, 'дата', 'сана'),
    col('district', true, 'район', 'ноҳия'),
    col('location', false, 'место', 'село', 'ҷой', 'деҳа'),
    col('status', false, 'статус', 'ҳолат'),
  ],
  consultations: [
    col('row_id', false, 'id', '№', 'номер', 'рақам', 'номер строки'),
    col('date', true, 'дата', 'сана', 'дата консультации', 'санаи машварат'),
    col('venue', true, 'место приёма', 'место', 'ҷойи қабул', 'ҷой'),
    col('contact_point', true, 'контактный пункт', 'пункт', 'нуқтаи тамос'),
    col('mobile_session', false, 'мобильная сессия', 'выездная сессия', 'сессияи сайёр'),
    col('surname', true, 'фамилия', 'насаб'),
    col('given_name', true, 'имя', 'ном'),
    col('patronymic', false, 'отчество', 'номи падар'),
    col('sex', true, 'пол', 'ҷинс'),
    col('birth_date', false, 'дата рождения', 'санаи таваллуд'),
    col('age', false, 'возраст', 'синну сол', 'сол'),
    col('district', false, 'район', 'ноҳия', 'район проживания', 'ноҳияи истиқомат'),
    col('phone', false, 'телефон', 'тел'),
    col('migrant_household', false, 'семья мигранта', 'оилаи муҳоҷир', 'мигрант'),
    col('husband_country', false, 'страна мужа', 'страна', 'кишвари шавҳар', 'кишвар'),
    col('last_remittance_date', false, 'последний перевод', 'дата последнего перевода', 'охирин интиқол', 'санаи охирин интиқол'),
    col('abandoned', false, 'оставленная', 'партофташуда'),
    col('employment', false, 'занятость', 'шуғл'),
    col('education', false, 'образование', 'маълумот'),
    col('residence', false, 'город/село', 'местность', 'шаҳр/деҳот', 'маҳал'),
    col('issues', false, 'вопросы', 'проблемы', 'масъалаҳо', 'мушкилот'),
    col('advice', false, 'консультация', 'совет', 'маслиҳат'),
    col('kind', false, 'вид', 'вид консультации', 'намуд'),
  ],
};

export function foldHeader(s: string): string {
  return s.normalize('NFC').toLowerCase().trim().replace(/[\s_-]+/g, ' ');
}

/** Header cell → canonical column name, or the list of headers that name no known column. */
export function mapHeader(kind: ImportKind, header: string[]): { index: Map<string, number>; unknown: string[]; duplicate: string[] } {
  const byAlias = new Map<string, string>();
  for (const spec of COLUMNS[kind]) for (const a of [spec.name, ...spec.aliases]) byAlias.set(foldHeader(a), spec.name);
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const name = byAlias.get(foldHeader(h));
    if (!name) unknown.push(h);
    else if (index.has(name)) duplicate.push(h);
    else index.set(name, i);
  });
  return { index, unknown, duplicate };
}

// ---- value parsers: each returns the value, or null when the text is not acceptable ----

export const foldValue = (s: string) => s.normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' ');

export function parseYesNo(s: string): boolean | null {
  const v = foldValue(s);
  if (['yes', 'y', 'true', '1', 'да', 'д', 'ҳа', 'ha', 'бале'].includes(v)) return true;
  if (['no', 'n', 'false', '0', 'нет', 'н', 'не', 'на', 'ne', 'yoq'].includes(v)) return false;
  return null;
}

export function parseSex(s: string): Sex | null {
  const v = foldValue(s);
  // Ж (женский) and З (зан) are women; М is мужской / мард in both languages.
  if (['f', 'ж', 'з', 'female', 'woman', 'жен', 'женский', 'зан'].includes(v)) return 'F';
  if (['m', 'м', 'male', 'man', 'муж', 'мужской', 'мард'].includes(v)) return 'M';
  return null;
}

export { parseDate };

type EnumName = 'employment' | 'education' | 'residence' | 'issue' | 'consultationKind' | 'sessionStatus' | 'venueKind';

/** The code whose code or label (en, ru, tg) is `s`, or null. */
export function parseEnum<T extends string>(name: EnumName, codes: readonly T[], s: string): T | null {
  const v = foldValue(s);
  for (const code of codes) {
    if (foldValue(code) === v) return code;
    for (const cat of [enumsEn, enumsRu, enumsTg] as unknown as Record<string, Record<string, string> | undefined>[]) {
      const label = cat[name]?.[code];
      if (label && foldValue(label) === v) return code;
    }
  }
  return null;
}

/** A district by id, or by its name in any language (districts of one name in two regions: refused as ambiguous). */
export function parseDistrict(s: string): { id: string } | { error: 'unknown' | 'ambiguous' } {
  const v = foldValue(s);
  const found = new Set<string>();
  for (const region of REGIONS) {
    for (const d of region.divisions) {
      if (d.id === v || [d.name.tg, d.name.ru, d.name.en].some((n) => n && foldValue(n) === v)) found.add(d.id);
    }
  }
  if (found.size === 1) return { id: [...found][0]! };
  return { error: found.size ? 'ambiguous' : 'unknown' };
}

export function parseAge(s: string): number | null {
  if (!/^\d{1,3}$/.test(s.trim())) return null;
  const n = Number(s.trim());
  return n <= 120 ? n : null;
}
