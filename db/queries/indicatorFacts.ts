import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { ReportQuery } from '../../shared/domain/indicatorReport';
import type { Database } from '../schema';
import { windows } from './indicatorCount';
import type { ResolvedFilters } from './indicatorSql';
import { SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { reportFactsCurrent } from '../reportFactsSchema';
import { FACT_COLUMNS } from '../reportFactsSql';
import { factDictionaries, VENUES } from './indicatorDictionaries';
import { emptyMonth, SMALL, Tally, unreadable, type PassCounts } from './indicatorTally';
import { monthsOf } from '../../shared/domain/reportTrends';

// The counting pass of the indicator engine on SQLite: the same rules as countConsultations in
// indicatorCount.ts (which the PostgreSQL hub runs, and which the tests compare with this one), read
// from report_facts (db/reportFactsSql.ts): one short row of small numbers per live consultation, kept
// up to date by triggers. Per fact only a few integers cross into JavaScript (as
// bytes in one blob per month, factsQuery); they are counted in typed arrays indexed by
// dictionary id, and the dictionaries (indicatorDictionaries.ts) turn the ids back into text values
// once per distinct value when the counts become breakdown rows (indicatorTally.ts).
//
// The facts come in the order of their primary key (date, time of recording, id), which is the
// first-consultation rule's order, so the first row of a woman at a venue is her cell.

type Db = Kysely<Database> | Transaction<Database>;

/** What a fact sends: its dictionary ids after its key and `counted` (dims, place, the sets, person). */
const SENT = FACT_COLUMNS.slice(4);
const SETS_AT = SENT.indexOf('place') + 1;
/** What a fact sends when only the headline numbers are wanted (the previous period): no sets. */
const SENT_HEADLINE = [...SENT.slice(0, SETS_AT), SENT[SENT.length - 1]!];

/**
 * The facts of [from, before) (or [from, to] when before is null) whose venue counts, as ONE blob: per
 * fact `dims,place,<each set>,person` (SENT) as 32-bit big-endian numbers, in the first-consultation
 * order (a range of the primary key). Turning each value of each row into a JavaScript value cost three
 * times as much as SQLite writing the numbers into one string; reading that string's decimal digits
 * still cost a third of the report, fixed-width hexadecimal turned into bytes (`unhex`) costs SQLite
 * the same and JavaScript nothing. With the blob comes the number of facts: an id outside 0…2³²−1
 * prints wider than 8 digits (or an odd number of them, and `unhex` gives NULL), and the blob is then
 * not 4 bytes per number, which the reader refuses.
 * group_concat follows the order of its subquery: SQLite keeps a subquery's ORDER BY when the outer
 * query uses an aggregate other than count(), min() or max() (select.c, for this very use); the
 * aggregate's own ORDER BY would sort again.
 */
export function factsQuery(from: string, before: string | null, to: string, sent: readonly string[] = SENT): RawBuilder<{ n: number; r: Uint8Array | null }> {
  return sql`SELECT count(*) AS n, unhex(group_concat(r, '')) AS r FROM (
    SELECT printf('${sql.raw(sent.map(() => '%08X').join(''))}', ${sql.raw(sent.map((c) => `f.${c}`).join(', '))}) AS r FROM report_facts f
    WHERE f.date >= ${from} AND ${before === null ? sql`f.date <= ${to}` : sql`f.date < ${before}`} AND f.counted = 1
    ORDER BY f.date, f.created_at, f.id)`;
}

/** The people whose client record is tombstoned or merged (the condition of the index clients_not_live). */
export function notLivePeopleQuery(): RawBuilder<{ person: number; merged_into_id: string | null; into_person: number | null }> {
  return sql`SELECT pe.id AS person, cl.merged_into_id, sv.id AS into_person
    FROM clients cl JOIN report_people pe ON pe.client_id = cl.id
    LEFT JOIN report_people sv ON sv.client_id = cl.merged_into_id
    WHERE (cl.deleted_at IS NOT NULL OR cl.merged_into_id IS NOT NULL)`;
}

/** Counts of each dimension of a set of consultations, indexed by dictionary id (×2 + 1 for the abandoned among them). */
class Counts {
  readonly dims: Float64Array;
  readonly places: [Float64Array, Float64Array];
  /** Per set dimension. */
  readonly sets: [Float64Array, Float64Array][];
  constructor(dims: number, places: number, sets: number[]) {
    this.dims = new Float64Array(dims);
    this.places = [new Float64Array(places * 2), new Float64Array(places * 2)];
    this.sets = sets.map((n) => [new Float64Array(n * 2), new Float64Array(n * 2)]);
  }
}

/**
 * Every breakdown of the period (its women and all its consultations) and its headline counts month by
 * month; with `headlineOnly` (the previous period) only the counts per venue, month by month, and
 * for the whole period, without the breakdowns: the facts then send no sets.
 */
export async function countFromFacts(db: Db, q: ReportQuery, f: ResolvedFilters, headlineOnly = false): Promise<PassCounts> {
  // The facts are only as good as their triggers (set aside only inside a merge's transaction).
  if (!(await reportFactsCurrent(db))) throw new AppError('INTERNAL', 'The report tables are not being kept up to date');
  const { values, dims, places, sets } = await factDictionaries(db);
  const dimCount = dims.byId.length;
  const placeCount = places.byId.length;
  const setCounts = headlineOnly ? [] : sets.map((d) => Math.max(1, d.byId.length));
  /** 1: the place passes the filters; 2: it does not; 0: no such place. */
  const placeState = new Uint8Array(placeCount);
  const districts = f.districtIds ? new Set(f.districtIds) : null;
  places.byId.forEach((p, id) => {
    if (!p) return;
    placeState[id] = (!districts || districts.has(p.districtId)) && (!f.contactPointId || p.contactPointId === f.contactPointId) ? 1 : 2;
  });
  const setText = (k: number, i: number): string | null | undefined => (i === 0 ? null : sets[k]!.byId[i]);
  // What each fact's ids say, in typed arrays read once per fact (the dictionaries' objects and their
  // holes would be looked up some 160,000 times a year's report): a combination's venue, whether the
  // woman is abandoned and whether she is a woman of a migrant household (UNKNOWN: no such id); per set
  // dimension, which ids exist (0, the empty set, always does).
  const UNKNOWN = 255;
  const dimVenue = new Uint8Array(dimCount).fill(UNKNOWN);
  const dimAbandoned = new Uint8Array(dimCount);
  const dimWoman = new Uint8Array(dimCount);
  dims.byId.forEach((dim, id) => {
    if (!dim) return;
    dimVenue[id] = dim.venue;
    dimAbandoned[id] = dim.abandoned;
    dimWoman[id] = dim.woman ? 1 : 0;
  });
  const setKnown = setCounts.map((n, k) => Uint8Array.from({ length: n }, (_, i) => (setText(k, i) === undefined ? 0 : 1)));
  const people = await sql<{ n: number | null }>`SELECT max(id) AS n FROM report_people`.execute(db);
  const personCount = Number(people.rows[0]?.n ?? 0) + 1;

  // A merged client's consultations count for the record she was merged into (one level, as before);
  // a removed (tombstoned, not merged) client's do not count.
  const survivor = new Map<number, number | string>();
  const removed = new Uint8Array(personCount);
  for (const r of (await notLivePeopleQuery().execute(db)).rows) {
    if (r.merged_into_id === null) removed[r.person] = 1;
    else survivor.set(r.person, r.into_person ?? `client:${r.merged_into_id}`);
  }

  const all = new Counts(dimCount, placeCount, setCounts);
  const women = new Counts(dimCount, placeCount, setCounts);
  /** Per venue, the women already counted (by person id; a survivor without facts of her own by client id). */
  const seen = [new Uint8Array(personCount), new Uint8Array(personCount)];
  const seenOther = [new Set<string>(), new Set<string>()];
  // A month at a time: the rows of five years at once would hold some 40 MB, and the process's peak
  // memory is a target too (the windows ascend, so the order holds across them).
  const setCount = headlineOnly ? 0 : SET_DIMENSIONS.length;
  const sent = headlineOnly ? SENT_HEADLINE : SENT;
  const months = monthsOf(q.from, q.to).map(() => emptyMonth());
  const period = emptyMonth();
  /** Per venue, the month (its number + 1) in which each woman was last counted. */
  const seenInMonth = [new Uint16Array(personCount), new Uint16Array(personCount)];
  const seenOtherInMonth = [new Map<string, number>(), new Map<string, number>()];
  let month = period;
  let monthMark = 0;
  const into = (c: Counts, f: number[], d: number, p: number, v: 0 | 1, at: 0 | 1): void => {
    c.dims[d]! += 1;
    c.places[v][p * 2 + at]! += 1;
    for (let k = 0; k < setCount; k++) c.sets[k]![v][f[SETS_AT + k]! * 2 + at]! += 1;
  };
  /** One fact: `f` holds dims, place, the set ids and person (SENT). */
  const count = (f: number[]): void => {
    const d = f[0]!;
    const p = f[1]!;
    const person = f[SETS_AT + setCount]!;
    const state = placeState[p];
    if (state !== 1) {
      if (state === 2) return;
      throw unreadable();
    }
    const venue = dimVenue[d];
    if (venue === undefined || venue === UNKNOWN || person >= personCount) throw unreadable();
    const v = venue as 0 | 1;
    for (let k = 0; k < setCount; k++) if (setKnown[k]![f[SETS_AT + k]!] !== 1) throw unreadable();
    if (removed[person]) return;
    const at = dimAbandoned[d] as 0 | 1;
    month.consultations[v]! += 1;
    period.consultations[v]! += 1;
    if (!headlineOnly) into(all, f, d, p, v, at);
    if (dimWoman[d] === 0) return;
    const who = survivor.size === 0 ? person : (survivor.get(person) ?? person);
    // Her first consultation of the month places her in the month; of the period, in the breakdowns.
    if (typeof who === 'number') {
      if (seenInMonth[v]![who] !== monthMark) {
        seenInMonth[v]![who] = monthMark;
        month.women[v]! += 1;
        month.abandoned[v]! += at;
      }
      if (seen[v]![who]) return;
      seen[v]![who] = 1;
    } else {
      if (seenOtherInMonth[v]!.get(who) !== monthMark) {
        seenOtherInMonth[v]!.set(who, monthMark);
        month.women[v]! += 1;
        month.abandoned[v]! += at;
      }
      if (seenOther[v]!.has(who)) return;
      seenOther[v]!.add(who);
    }
    period.women[v]! += 1;
    period.abandoned[v]! += at;
    if (!headlineOnly) into(women, f, d, p, v, at);
  };
  const width = sent.length * 4;
  const fields = sent.map(() => 0);
  for (const [k, [lo, before]] of windows(q.from, q.to).entries()) {
    month = months[k]!;
    monthMark = k + 1;
    const facts = (await factsQuery(lo, before, q.to, sent).execute(db)).rows[0];
    const bytes = facts?.r ?? new Uint8Array(0);
    if (bytes.length !== Number(facts?.n ?? 0) * width) throw unreadable();
    for (let at = 0; at < bytes.length; at += width) {
      for (let j = 0, b = at; j < fields.length; j++, b += 4) fields[j] = bytes[b]! * 0x1000000 + ((bytes[b + 1]! << 16) | (bytes[b + 2]! << 8) | bytes[b + 3]!);
      count(fields);
    }
  }

  if (headlineOnly) return { women: [], consultations: [], months, period };
  const placeTexts = places.byId;
  const tally = (c: Counts) => {
    const t = new Tally();
    // The small dimensions: each breakdown summed over the combinations, per value and venue.
    const sums = values.map((v) => new Float64Array(v.length * 4));
    c.dims.forEach((n, d) => {
      if (n <= 0) return;
      const dim = dims.byId[d]!;
      const ab = dim.abandoned ? n : 0;
      for (let k = 0; k < dim.codes.length; k++) {
        const at = dim.codes[k]! * 4 + dim.venue * 2;
        sums[k]![at]! += n;
        sums[k]![at + 1]! += ab;
      }
    });
    sums.forEach((sum, k) => {
      const dimension = SMALL[k]!;
      for (let code = 0; code < values[k]!.length; code++) {
        for (let v = 0; v < VENUES.length; v++) {
          const n = sum[code * 4 + v * 2]!;
          if (n <= 0) continue;
          const ab = sum[code * 4 + v * 2 + 1]!;
          const value = values[k]![code]!;
          const venue = VENUES[v]!;
          if (dimension === 'venue') {
            t.addGrouped('venue', value, venue, n, ab);
            t.addGrouped('total', 'all', venue, n, ab);
          } else {
            t.addGrouped(dimension, value, venue, n, ab);
            if (dimension === 'kind') t.addGrouped('venueKind', `${venue}:${value}`, venue, n, ab);
          }
        }
      }
    });
    for (let v = 0; v < VENUES.length; v++) {
      const counts = c.places[v as 0 | 1];
      for (let p = 0; p < placeCount; p++) {
        const n = counts[p * 2]! + counts[p * 2 + 1]!;
        if (n > 0) t.addPlaces(VENUES[v]!, placeTexts[p]!.text, n, counts[p * 2 + 1]!);
      }
      for (let k = 0; k < setCount; k++) {
        const bySet = c.sets[k]![v as 0 | 1];
        for (let i = 0; i < setCounts[k]!; i++) {
          const n = bySet[i * 2]! + bySet[i * 2 + 1]!;
          if (n > 0) t.addSet(k, VENUES[v]!, setText(k, i)!, n, bySet[i * 2 + 1]!);
        }
      }
    }
    return t.rows();
  };
  return { women: tally(women), consultations: tally(all), months, period };
}
