import { addDays, addMonths, daysInMonth } from './dates';
import type { Count, Headline, HeadlineKey, IndicatorReport } from './indicatorReport';

// The trend parts of the indicator report, defined once for the engine, the suppression, the layout
// and the screen: the headline numbers, the calendar months of a period (its series), the previous
// period of equal length, the change from it and the share of a breakdown's cell in its total.

/** The headline numbers, in the order the report prints them; each has a series and a previous value. */
export const HEADLINE_KEYS = [
  'contactPointsOperating',
  'contactPointsEstablishedInPeriod',
  'women123',
  'abandoned123',
  'consultations123',
  'sessions124',
  'women124',
  'abandoned124',
  'consultations124',
  'consultations1210',
  'alimonyClosed',
  'alimonyResolved',
] as const satisfies readonly HeadlineKey[];

/** Where each headline number stands in the report's indicators. */
export const HEADLINE_PATHS: Record<HeadlineKey, [string, string]> = {
  contactPointsOperating: ['1.2.3', 'contactPointsOperating'],
  contactPointsEstablishedInPeriod: ['1.2.3', 'contactPointsEstablishedInPeriod'],
  women123: ['1.2.3', 'womenFromMigrantHouseholds'],
  abandoned123: ['1.2.3', 'abandonedWomen'],
  consultations123: ['1.2.3', 'consultations'],
  sessions124: ['1.2.4', 'mobileSessionsConducted'],
  women124: ['1.2.4', 'womenFromMigrantHouseholds'],
  abandoned124: ['1.2.4', 'abandonedWomen'],
  consultations124: ['1.2.4', 'consultations'],
  consultations1210: ['1.2.10', 'consultations'],
  alimonyClosed: ['2.2.1.b', 'alimonyCasesClosed'],
  alimonyResolved: ['2.2.1.b', 'resolvedSuccessfully'],
};

/** Counts of contact points and sessions name no person: never hidden. */
export const HEADLINE_NOT_ABOUT_PEOPLE: readonly HeadlineKey[] = ['contactPointsOperating', 'contactPointsEstablishedInPeriod', 'sessions124'];

/**
 * Headline numbers whose months add up to the period's number (each consultation, session or case falls
 * in one month). A woman seen in two months counts in each of them but once in the period, so the
 * months of women add up to at least the period's number; contact points operating are a stock.
 */
export const HEADLINE_ADDITIVE: readonly HeadlineKey[] = [
  'contactPointsEstablishedInPeriod',
  'consultations123',
  'sessions124',
  'consultations124',
  'consultations1210',
  'alimonyClosed',
  'alimonyResolved',
];

export function headlineOf(indicators: IndicatorReport['indicators']): Headline {
  const out = {} as Headline;
  for (const key of HEADLINE_KEYS) {
    const [indicator, field] = HEADLINE_PATHS[key];
    out[key] = (indicators as unknown as Record<string, Record<string, Count>>)[indicator]![field]!;
  }
  return out;
}

/** One calendar month of the period (only its days inside the period: the first and last may be partial). */
export interface ReportMonth {
  /** YYYY-MM */
  month: string;
  from: string;
  to: string;
}

/** The calendar months that [from, to] touches, each cut to the period. */
export function monthsOf(from: string, to: string): ReportMonth[] {
  const out: ReportMonth[] = [];
  let start = from;
  while (start <= to) {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    const last = `${start.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    const end = last < to ? last : to;
    out.push({ month: start.slice(0, 7), from: start, to: end });
    start = addDays(last, 1);
  }
  return out;
}

function isMonthStart(iso: string): boolean {
  return iso.endsWith('-01');
}

function isMonthEnd(iso: string): boolean {
  return addDays(iso, 1).endsWith('-01');
}

/**
 * The period of equal length just before [from, to]: as many whole calendar months when the period is
 * whole months (a year before a year, a quarter before a quarter), otherwise as many days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const before = addDays(from, -1);
  if (isMonthStart(from) && isMonthEnd(to)) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    return { from: addMonths(from, -months), to: before };
  }
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(from, -days), to: before };
}

/** What a change or share shows when a number it is worked out from is hidden: it would give that number away. */
export const HIDDEN_DERIVED = 'x';

export interface Change {
  /** This period minus the previous one; HIDDEN_DERIVED when either is hidden. */
  absolute: number | string;
  /** The change in per cent of the previous period, one decimal; null when the previous period had none. */
  percent: number | string | null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function changeOf(current: Count, previous: Count): Change {
  if (typeof current !== 'number' || typeof previous !== 'number') return { absolute: HIDDEN_DERIVED, percent: HIDDEN_DERIVED };
  return { absolute: current - previous, percent: previous === 0 ? null : round1(((current - previous) / previous) * 100) };
}

/**
 * A cell's share of its total in per cent, one decimal; hidden when the cell or the total is hidden (a
 * share of a shown cell in a hidden total would give the total away); null for an empty total.
 */
export function shareOf(cell: Count, total: Count): number | string | null {
  if (typeof cell !== 'number' || typeof total !== 'number') return HIDDEN_DERIVED;
  return total === 0 ? null : round1((cell / total) * 100);
}
