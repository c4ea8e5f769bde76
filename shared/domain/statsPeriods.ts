import { addDays } from './dates';
import { formatHlc, isHlc, parseHlc } from '../sync/hlc';

// Which statistics package the hub's facts come from, day by day. Packages carried by hand arrive in
// any order and their periods may overlap in part, so the hub does not simply keep the last one it
// received: each day of a contact point belongs to the NEWEST package (by the sender's stamp) whose
// period covers it, and the hub holds that package's facts for that day. A package arriving later
// replaces the facts of the days it is newer for and leaves the others alone; a package that is newer
// for none of its days changes nothing and is refused. Pure: the hub stores (SQLite, PostgreSQL) read
// and write through db/queries/hubPeriods.ts.

/** One statistics package the hub has applied: its contact point, period and the sender's stamp. */
export interface HeldPeriod {
  packageId: string;
  contactPointId: string;
  from: string;
  to: string;
  /** The sender's clock (HLC) when it made the package: the order of packages for the same days. */
  stamp: string;
  /** The generation of the network secret its pseudonyms were made under (1 before any replacement). */
  generation: number;
}

export interface DayRange {
  from: string;
  to: string;
}

/**
 * The stamp of a package from a version that did not stamp its statistics: its creation time (the
 * sender's wall clock) in the HLC's form, so the two kinds compare. Node id zero: at the same
 * millisecond a real stamp wins.
 */
export function stampFromTime(iso: string): string {
  const millis = Date.parse(iso);
  return formatHlc({ millis: Number.isFinite(millis) ? millis : 0, counter: 0, node: '0'.repeat(16) });
}

/** When the package was made, as an ISO time, read from its stamp. */
export function madeAtOf(stamp: string): string {
  return isHlc(stamp) ? new Date(parseHlc(stamp).millis).toISOString() : '';
}

/** `range` without the days of `cut` (0, 1 or 2 ranges). */
function subtract(range: DayRange, cut: DayRange): DayRange[] {
  if (cut.to < range.from || cut.from > range.to) return [range];
  const out: DayRange[] = [];
  if (cut.from > range.from) out.push({ from: range.from, to: addDays(cut.from, -1) });
  if (cut.to < range.to) out.push({ from: addDays(cut.to, 1), to: range.to });
  return out;
}

/**
 * The days of a new package's period for which it is newer than every package the hub holds for that
 * contact point: the days whose facts it replaces. Empty: it is older for all its days.
 */
export function daysWon(period: DayRange, stamp: string, held: readonly HeldPeriod[]): DayRange[] {
  let won: DayRange[] = [period];
  for (const h of held) if (h.stamp > stamp) won = won.flatMap((r) => subtract(r, h));
  return won;
}

/** Of the held packages that are newer than `stamp` and overlap `period`, the newest (what the hub keeps). */
export function newestOver(period: DayRange, stamp: string, held: readonly HeldPeriod[]): HeldPeriod | null {
  let best: HeldPeriod | null = null;
  for (const h of held) {
    if (h.stamp > stamp && h.to >= period.from && h.from <= period.to && (!best || h.stamp > best.stamp)) best = h;
  }
  return best;
}

export interface CoveredRange extends DayRange {
  contactPointId: string;
  packageId: string;
  stamp: string;
  generation: number;
}

/**
 * Day ranges of `within` and the package whose facts the hub holds for them, per contact point, in
 * date order: which contact point's data is how old. Days no package covers are left out.
 */
export function coverage(held: readonly HeldPeriod[], within: DayRange): CoveredRange[] {
  const byPoint = new Map<string, HeldPeriod[]>();
  for (const h of held) {
    if (h.to < within.from || h.from > within.to) continue;
    byPoint.set(h.contactPointId, [...(byPoint.get(h.contactPointId) ?? []), h]);
  }
  const out: CoveredRange[] = [];
  for (const [contactPointId, list] of byPoint) {
    // Newest first: each package keeps the days no newer one has taken.
    const sorted = [...list].sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
    const taken: DayRange[] = [];
    const pieces: CoveredRange[] = [];
    for (const h of sorted) {
      let free: DayRange[] = [{ from: h.from < within.from ? within.from : h.from, to: h.to > within.to ? within.to : h.to }];
      for (const t of taken) free = free.flatMap((r) => subtract(r, t));
      for (const r of free) pieces.push({ ...r, contactPointId, packageId: h.packageId, stamp: h.stamp, generation: h.generation });
      taken.push({ from: h.from, to: h.to });
    }
    pieces.sort((a, b) => (a.from < b.from ? -1 : 1));
    // Neighbouring days of the same package are one range.
    for (const p of pieces) {
      const last = out[out.length - 1];
      if (last && last.contactPointId === contactPointId && last.packageId === p.packageId && addDays(last.to, 1) === p.from) last.to = p.to;
      else out.push({ ...p });
    }
  }
  return out;
}
