import { AppError } from '../../shared/api/errors';
import { INDICATOR_DIMENSIONS, NO_VALUE_KEY, PLACE_DIMENSIONS, SET_DIMENSIONS, SMALL_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import type { Venue } from './indicatorSql';

// The counters of the indicator engine's counting passes (indicatorCount.ts, indicatorFacts.ts): every
// dimension of a set of consultations (all qualifying ones, or each woman's first), turned at the end
// into rows (dimension, key, venue, count, abandoned among them), per dimension by key, then venue
// (as SQLite's GROUP BY sorted them), for the folding in indicators.ts. The dimensions and the layout
// of their values follow their declaration (shared/domain/indicatorDimensions.ts).

export interface BreakdownRow {
  dim: string;
  k: string | null;
  venue: Venue;
  n: number;
  ab: number;
}

/**
 * The headline counts of a stretch of days, per venue (index in VENUES: contact point, mobile session):
 * qualifying consultations, women from migrant households (each once), and the abandoned among them (as
 * her first qualifying consultation of the stretch records her).
 */
export interface HeadlineCounts {
  consultations: number[];
  women: number[];
  abandoned: number[];
}

export function emptyMonth(): HeadlineCounts {
  return { consultations: [0, 0], women: [0, 0], abandoned: [0, 0] };
}

/** What a counting pass gives: the breakdowns of the period, its calendar months' counts in order, and its own counts. */
export interface PassCounts {
  women: BreakdownRow[];
  consultations: BreakdownRow[];
  months: HeadlineCounts[];
  period: HeadlineCounts;
}

/** Separates the small dimensions inside their field. */
export const FS = '\u001e';
/** Separates the fields of a consultation's text value (and the place dimensions in their field). */
export const US = '\u001f';
/** Order of the small dimensions in their field. */
export const SMALL: readonly string[] = SMALL_DIMENSIONS.map((d) => d.key);
export const VENUE_AT = SMALL.indexOf('venue');
export const ABANDONED_AT = SMALL.indexOf('abandoned');
const KIND_AT = SMALL.indexOf('kind');

export function unreadable(): AppError {
  return new AppError('INTERNAL', 'A consultation holds a value the report cannot read');
}

/** SQLite's BINARY order (UTF-8 bytes), which is also code point order; JavaScript's `<` compares UTF-16 units. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (code points above U+FFFF) sort after U+E000–U+FFFF in code point order.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** NULL first, as in SQLite's ascending order. */
function compareKey(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareText(a, b);
}

/** A set's field: each value as `<length in characters>:<value>` (no separator that a value could hold). */
export function parseSet(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const colon = text.indexOf(':', at);
    const length = colon > at ? Number(text.slice(at, colon)) : NaN;
    if (!Number.isInteger(length) || length < 0) throw unreadable();
    let end = colon + 1;
    for (let k = 0; k < length; k++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    if (end > text.length) throw unreadable();
    out.push(text.slice(colon + 1, end));
    at = end;
  }
  return out;
}

interface Cell {
  n: number;
  ab: number;
}

interface VenueTally {
  /** The place dimensions joined by US → count (one lookup per consultation for all of them). */
  places: Map<string, Cell>;
  /** Per set dimension, its field (null: none) → count. */
  sets: Map<string | null, Cell>[];
}

export interface SmallCell extends Cell {
  fields: string[];
  abandoned: boolean;
  venue: string;
  tally: VenueTally;
}

function bump<K>(map: Map<K, Cell>, key: K, ab: number, n: number): void {
  const cell = map.get(key);
  if (cell) {
    cell.n += n;
    cell.ab += ab;
  } else map.set(key, { n, ab });
}

type Groups = Map<string | null, Map<string, Cell>>;

function put(groups: Groups, key: string | null, venue: string, c: Cell): void {
  let byVenue = groups.get(key);
  if (!byVenue) groups.set(key, (byVenue = new Map()));
  const cell = byVenue.get(venue);
  if (cell) {
    cell.n += c.n;
    cell.ab += c.ab;
  } else byVenue.set(venue, { n: c.n, ab: c.ab });
}

function emit(out: BreakdownRow[], dim: string, groups: Groups): void {
  for (const key of [...groups.keys()].sort(compareKey)) {
    const byVenue = groups.get(key)!;
    for (const venue of [...byVenue.keys()].sort(compareText)) {
      const c = byVenue.get(venue)!;
      out.push({ dim, k: key, venue: venue as Venue, n: c.n, ab: c.ab });
    }
  }
}

/** Counts of every dimension for a set of consultations. */
export class Tally {
  private readonly small = new Map<string, SmallCell>();
  private readonly venues = new Map<string, VenueTally>();
  private readonly grouped = new Map<string, Groups>();

  /** One consultation: its small dimensions, its place dimensions joined by US, and the field of each set dimension. */
  add(s: string, places: string, sets: readonly (string | null)[]): SmallCell {
    const cell = this.addSmall(s, 1);
    const ab = cell.abandoned ? 1 : 0;
    bump(cell.tally.places, places, ab, 1);
    for (let k = 0; k < sets.length; k++) bump(cell.tally.sets[k]!, sets[k]!, ab, 1);
    return cell;
  }

  /** `n` consultations with these small dimensions (joined by FS). */
  private addSmall(s: string, n: number): SmallCell {
    let cell = this.small.get(s);
    if (!cell) {
      const fields = s.split(FS);
      if (fields.length !== SMALL.length) throw unreadable();
      const venue = fields[VENUE_AT]!;
      cell = { n: 0, ab: 0, fields, abandoned: fields[ABANDONED_AT] === 'yes', venue, tally: this.venue(venue) };
      this.small.set(s, cell);
    }
    cell.n += n;
    if (cell.abandoned) cell.ab += n;
    return cell;
  }

  /** `n` consultations at `venue` given at these places (joined by US), `ab` of them with an abandoned client. */
  addPlaces(venue: string, places: string, n: number, ab: number): void {
    bump(this.venue(venue).places, places, ab, n);
  }

  /** `n` consultations at `venue` with this field (null: none) of set dimension `k`, `ab` of them with an abandoned client. */
  addSet(k: number, venue: string, text: string | null, n: number, ab: number): void {
    bump(this.venue(venue).sets[k]!, text, ab, n);
  }

  /**
   * `n` consultations (`ab` of them with an abandoned client) at `venue` whose `dim` is `key`: a
   * breakdown of the small dimensions ('venueKind', 'total' and the declared ones) given already
   * counted (indicatorFacts.ts) instead of one combination at a time through addSmall.
   */
  addGrouped(dim: string, key: string, venue: string, n: number, ab: number): void {
    let groups = this.grouped.get(dim);
    if (!groups) this.grouped.set(dim, (groups = new Map()));
    put(groups, key, venue, { n, ab });
  }

  private venue(venue: string): VenueTally {
    let tally = this.venues.get(venue);
    if (!tally) this.venues.set(venue, (tally = { places: new Map(), sets: SET_DIMENSIONS.map(() => new Map()) }));
    return tally;
  }

  /** The rows of every dimension, in the order of their declaration, then 'venueKind' and 'total'. */
  rows(): BreakdownRow[] {
    const out: BreakdownRow[] = [];
    const cells = [...this.small.values()];
    const given = (dim: string): Groups => this.grouped.get(dim) ?? new Map();
    const places: Groups[] = PLACE_DIMENSIONS.map(() => new Map());
    for (const [venue, tally] of this.venues) {
      for (const [text, c] of tally.places) {
        const fields = text.split(US);
        if (fields.length !== places.length) throw unreadable();
        fields.forEach((value, k) => put(places[k]!, value, venue, c));
      }
    }
    for (const d of INDICATOR_DIMENSIONS) {
      switch (d.source.kind) {
        case 'small': {
          const groups = given(d.key);
          const at = SMALL.indexOf(d.key);
          for (const c of cells) put(groups, c.fields[at]!, c.venue, c);
          emit(out, d.key, groups);
          break;
        }
        case 'place':
          emit(out, d.key, places[PLACE_DIMENSIONS.findIndex((p) => p.key === d.key)]!);
          break;
        case 'set': {
          // A consultation counts once for each distinct value of the set; one with none, under 'none'.
          const k = SET_DIMENSIONS.findIndex((x) => x.key === d.key);
          const groups: Groups = new Map();
          for (const [venue, tally] of this.venues) {
            for (const [text, c] of tally.sets[k]!) {
              for (const value of text === null ? [NO_VALUE_KEY] : new Set(parseSet(text))) put(groups, value, venue, c);
            }
          }
          emit(out, d.key, groups);
          break;
        }
        case 'region':
          break; // from the districts, when the rows are folded
      }
    }
    // venueKind: by venue, then kind (the key begins with the venue, so the key's order is that order).
    const venueKind = given('venueKind');
    for (const c of cells) put(venueKind, `${c.venue}:${c.fields[KIND_AT]!}`, c.venue, c);
    emit(out, 'venueKind', venueKind);
    const totals = given('total');
    for (const c of cells) put(totals, 'all', c.venue, c);
    emit(out, 'total', totals);
    return out;
  }
}
