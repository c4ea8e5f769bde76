import { AppError } from '../../shared/api/errors';
import type { Venue } from './indicatorSql';

// The counters of the indicator engine's counting pass (indicatorCount.ts): every dimension of a set of
// consultations (all qualifying ones, or each woman's first), turned at the end into the rows the
// former single SQL statement returned — (dimension, key, venue, count, abandoned among them), in its
// order (by key, then venue, as SQLite's GROUP BY sorted them) — so the folding in indicators.ts and
// the order of the keys in the report are unchanged.

export interface BreakdownRow {
  dim: string;
  k: string | null;
  venue: Venue;
  n: number;
  ab: number;
}

/** Separates the small dimensions inside their field. */
export const FS = '\u001e';
/** Separates the fields of a consultation's text value (and the district from the home district). */
export const US = '\u001f';
/** Order of the small dimensions in their field. */
export const SMALL = ['venue', 'kind', 'sex', 'ageBand', 'employment', 'education', 'residence', 'socialAssistance', 'abandoned'] as const;
/** The dimensions the former cube held, in the order of the former UNION ALL. */
const CUBE_DIMENSIONS = ['sex', 'ageBand', 'employment', 'education', 'residence', 'socialAssistance', 'abandoned', 'kind'] as const;
const ABANDONED = SMALL.indexOf('abandoned');
const KIND = SMALL.indexOf('kind');

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

/** The issues field: each issue as `<length in characters>:<issue>` (no separator that an issue could hold). */
export function parseIssues(text: string): string[] {
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
  /** "district US home district" → count (one lookup per consultation for both dimensions). */
  places: Map<string, Cell>;
  /** The issues field (null: none) → count. */
  issues: Map<string | null, Cell>;
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

  /** One consultation: its small dimensions, "district US home district", and its issues field. */
  add(s: string, places: string, issues: string | null): SmallCell {
    const cell = this.addSmall(s, 1);
    bump(cell.tally.places, places, cell.abandoned ? 1 : 0, 1);
    bump(cell.tally.issues, issues, cell.abandoned ? 1 : 0, 1);
    return cell;
  }

  /** `n` consultations with these small dimensions (joined by FS). */
  private addSmall(s: string, n: number): SmallCell {
    let cell = this.small.get(s);
    if (!cell) {
      const fields = s.split(FS);
      if (fields.length !== SMALL.length) throw unreadable();
      const venue = fields[0]!;
      cell = { n: 0, ab: 0, fields, abandoned: fields[ABANDONED] === 'yes', venue, tally: this.venue(venue) };
      this.small.set(s, cell);
    }
    cell.n += n;
    if (cell.abandoned) cell.ab += n;
    return cell;
  }

  /** `n` consultations at `venue` given at "district US home district", `ab` of them with an abandoned client. */
  addPlaces(venue: string, places: string, n: number, ab: number): void {
    bump(this.venue(venue).places, places, ab, n);
  }

  /** `n` consultations at `venue` with this issues field (null: none), `ab` of them with an abandoned client. */
  addIssues(venue: string, issues: string | null, n: number, ab: number): void {
    bump(this.venue(venue).issues, issues, ab, n);
  }

  /**
   * `n` consultations (`ab` of them with an abandoned client) at `venue` whose `dim` is `key`: a
   * breakdown of the small dimensions ('venue', 'venueKind', 'total' and the cube's) given already
   * counted (indicatorFacts.ts) instead of one combination at a time through addSmall.
   */
  addGrouped(dim: string, key: string, venue: string, n: number, ab: number): void {
    let groups = this.grouped.get(dim);
    if (!groups) this.grouped.set(dim, (groups = new Map()));
    put(groups, key, venue, { n, ab });
  }

  private venue(venue: string): VenueTally {
    let tally = this.venues.get(venue);
    if (!tally) this.venues.set(venue, (tally = { places: new Map(), issues: new Map() }));
    return tally;
  }

  /** The rows of the former UNION ALL, in its order. */
  rows(): BreakdownRow[] {
    const out: BreakdownRow[] = [];
    const cells = [...this.small.values()];
    const given = (dim: string): Groups => this.grouped.get(dim) ?? new Map();
    for (const dim of CUBE_DIMENSIONS) {
      const groups = given(dim);
      const at = SMALL.indexOf(dim);
      for (const c of cells) put(groups, c.fields[at]!, c.venue, c);
      emit(out, dim, groups);
    }
    const districts: Groups = new Map();
    const homes: Groups = new Map();
    for (const [venue, tally] of this.venues) {
      for (const [places, c] of tally.places) {
        const cut = places.indexOf(US);
        if (cut < 0 || places.indexOf(US, cut + 1) >= 0) throw unreadable();
        put(districts, places.slice(0, cut), venue, c);
        put(homes, places.slice(cut + 1), venue, c);
      }
    }
    emit(out, 'district', districts);
    emit(out, 'homeDistrict', homes);
    const venues = given('venue');
    for (const c of cells) put(venues, c.venue, c.venue, c);
    emit(out, 'venue', venues);
    // venueKind: by venue, then kind (the key begins with the venue, so the key's order is that order).
    const venueKind = given('venueKind');
    for (const c of cells) put(venueKind, `${c.venue}:${c.fields[KIND]!}`, c.venue, c);
    emit(out, 'venueKind', venueKind);
    // A consultation counts once for each distinct issue it concerns; one with none, under 'none'.
    const issues: Groups = new Map();
    for (const [venue, tally] of this.venues) {
      for (const [text, c] of tally.issues) {
        for (const issue of text === null ? ['none'] : new Set(parseIssues(text))) put(issues, issue, venue, c);
      }
    }
    emit(out, 'issue', issues);
    const totals = given('total');
    for (const c of cells) put(totals, 'all', c.venue, c);
    emit(out, 'total', totals);
    return out;
  }
}
