import { formatDate } from '../../shared/domain/dates';
import type { Language } from '../../shared/domain/enums';
import { formatDateTime as formatMoment, formatNumber } from '../../shared/i18n/format';
import i18next from './i18n';

export { formatDate };

const language = () => (i18next.language || 'tg') as Language;

/** A moment (ISO with time) as dd.mm.yyyy hh:mm in this computer's time zone, in the screen's language. */
export function formatDateTime(iso: string): string {
  return formatMoment(iso, language());
}

/** A count with the screen's language's digit grouping, as the chart axes write it. */
export function formatCount(value: number): string {
  return formatNumber(value, language());
}

/** A file size in the unit that keeps it short (a contact point's backup is kilobytes, a national one gigabytes). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 || value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** "Surname Given Patronymic" without double spaces when a part is missing. */
export function fullName(p: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].filter(Boolean).join(' ');
}

/** A person as a list names her: the full name, and the birth date in brackets when it is known. */
export function nameWithBirthDate(p: { surname: string; givenName: string; patronymic?: string | null; birthDate: string | null }): string {
  const born = formatDate(p.birthDate);
  return born ? `${fullName(p)} (${born})` : fullName(p);
}

/** The time of day of a moment (ISO) as hh:mm in this computer's time zone. */
export function formatTime(iso: string): string {
  return formatDateTime(iso).slice(-5);
}
