// Calendar dates are ISO strings (YYYY-MM-DD) everywhere inside the app; dd.mm.yyyy is only for display
// and input. Pure string/UTC arithmetic, so the result never depends on the machine's time zone.

export const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` calendar months earlier (or later), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE_RE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const d = Math.min(Number(m[3]), daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday and Sunday of the week of `iso`. */
export function weekOf(iso: string): { from: string; to: string } {
  const dow = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(iso, -dow);
  return { from, to: addDays(from, 6) };
}

/** Whole years between a birth date and a date (the age on that date). */
export function ageOn(birthDate: string, on: string): number {
  const b = ISO_DATE_RE.exec(birthDate);
  const o = ISO_DATE_RE.exec(on);
  if (!b || !o) throw new Error('Not an ISO date');
  let age = Number(o[1]) - Number(b[1]);
  const bmd = Number(b[2]) * 100 + Number(b[3]);
  const omd = Number(o[2]) * 100 + Number(o[3]);
  if (omd < bmd) age -= 1;
  return age;
}

/** dd.mm.yyyy, as courts and people write dates in Tajikistan. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE_RE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The year, month and day a text names, in dd.mm.yyyy (also with / or -) or YYYY-MM-DD; null when it has neither shape. */
function dateParts(input: string): { y: number; m: number; d: number } | null {
  const s = input.trim();
  const iso = ISO_DATE_RE.exec(s);
  if (iso) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  return dmy ? { y: Number(dmy[3]), m: Number(dmy[2]), d: Number(dmy[1]) } : null;
}

const isoOf = (p: { y: number; m: number; d: number }) => `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;

/** Accepts dd.mm.yyyy (also with / or -) or YYYY-MM-DD; returns ISO or null when not a real date. */
export function parseDate(input: string): string | null {
  const p = dateParts(input);
  if (!p) return null;
  const iso = isoOf(p);
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * What is wrong with a typed date, most precise first:
 * - `invalidDate`: not a date at all (no dd.mm.yyyy shape, or a month that does not exist);
 * - `noSuchDay`: a month that exists but has no such day (31.02.1990, 29.02.2023);
 * - `futureDate`: after `today` (when the date must have happened);
 * - `beforeBirth`: before the person's birth date (a consultation, a remittance to her…).
 * The forms (through the channels' schemas), the services and the register importer all ask this, so
 * a date gets the same message wherever it is typed.
 */
export type DateProblem = 'invalidDate' | 'noSuchDay' | 'futureDate' | 'beforeBirth';

export interface DateLimits {
  /** The latest allowed date (ISO), usually today. */
  notAfter?: string | null | undefined;
  /** The birth date (ISO) the date may not be before. */
  birthDate?: string | null | undefined;
}

export type DateCheck = { iso: string; problem: null } | { iso: null; problem: DateProblem; daysInMonth?: number };

export function checkDate(input: string, limits: DateLimits = {}): DateCheck {
  const p = dateParts(input);
  if (!p || p.m < 1 || p.m > 12 || p.d < 1) return { iso: null, problem: 'invalidDate' };
  const days = daysInMonth(p.y, p.m);
  if (p.d > days) return p.d <= 31 ? { iso: null, problem: 'noSuchDay', daysInMonth: days } : { iso: null, problem: 'invalidDate' };
  const iso = isoOf(p);
  if (limits.notAfter && iso > limits.notAfter) return { iso: null, problem: 'futureDate' };
  if (limits.birthDate && iso < limits.birthDate) return { iso: null, problem: 'beforeBirth' };
  return { iso, problem: null };
}

/** Today's calendar date on this machine's clock, as ISO. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
