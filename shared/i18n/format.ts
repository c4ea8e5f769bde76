import type { Language } from '../domain/enums';
import { formatDate } from '../domain/dates';

// Numbers, moments and counts in the reader's language, with Intl: the screens, the report exports,
// the chart axes and the audit list all call these, so "13 836" reads the same in a table and on an axis.

const LOCALES: Record<Language, string> = { tg: 'tg', ru: 'ru', en: 'en-GB' };

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A count or amount with the language's digit grouping ("13 836" in Tajik and Russian, "13,836" in English). */
export function formatNumber(value: number, language: Language): string {
  let f = numberFormats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
    numberFormats.set(language, f);
  }
  return f.format(value);
}

/**
 * A moment (an ISO time, usually UTC) as the local date and time, "03.12.2026 17:37": the date as every
 * date of the app (dd.mm.yyyy), the hour on a 24-hour clock in `timeZone` (this computer's when omitted).
 */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

/** A catalog's word at the start of a line or sentence ("клиент" → "Клиент"), by the language's own rules. */
export function upperFirst(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
