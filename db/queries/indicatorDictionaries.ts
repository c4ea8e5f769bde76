import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { PLACE_DIMENSIONS, SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import type { Database } from '../schema';
import { ABANDONED_AT, FS, SMALL, unreadable, US, VENUE_AT } from './indicatorTally';

// The dictionaries of report_facts (db/reportFactsSql.ts), as arrays indexed by id for the counting pass
// (indicatorFacts.ts). At national scale report_dims holds some 23,000 combinations and reading them
// took a tenth of a one-year report, so they are kept between reports: rows are only ever added to a
// dictionary (by the triggers; nothing updates or deletes them but the rebuild when the database
// opens, before any report), so a cached dictionary is still right when its row count and largest id
// are unchanged, and grows by reading the rows after its largest id.
// Only the database handle itself keeps a cache — inside a transaction the rows may not be committed.

type Db = Kysely<Database> | Transaction<Database>;

export const VENUES = ['contact_point', 'mobile_session'] as const;
/** The column of report_places the district filter applies to (where the help was given). */
const DISTRICT_COLUMN = PLACE_DIMENSIONS.find((d) => d.key === 'district')!.source.factColumn;

export interface Dim {
  /** Per small dimension (indicatorTally.ts SMALL), the code of its value (FactDictionaries.values). */
  codes: number[];
  woman: boolean;
  /** Index in VENUES. */
  venue: 0 | 1;
  abandoned: 0 | 1;
}

export interface Place {
  districtId: string;
  contactPointId: string;
  /** The place dimensions joined by US, as the tally takes them. */
  text: string;
}

class Dictionary<T> {
  byId: (T | undefined)[] = [];
  count = 0;
  top = 0;
}

export interface FactDictionaries {
  /** Per small dimension (SMALL), its values met so far; a value's code is its index. */
  values: string[][];
  dims: Dictionary<Dim>;
  places: Dictionary<Place>;
  /** Per set dimension, the field of each set (id 0, none, is not in the table). */
  sets: Dictionary<string>[];
}

const cached = new WeakMap<object, FactDictionaries>();

function readDim(r: { id: number; woman: number; small: string }, values: string[][]): Dim {
  const fields = r.small.split(FS);
  const venue = VENUES.indexOf(fields[VENUE_AT] as (typeof VENUES)[number]);
  if (fields.length !== SMALL.length || venue < 0) throw unreadable();
  const codes = fields.map((value, k) => {
    const known = values[k]!;
    const code = known.indexOf(value);
    return code >= 0 ? code : known.push(value) - 1;
  });
  return { codes, woman: r.woman === 1, venue: venue as 0 | 1, abandoned: fields[ABANDONED_AT] === 'yes' ? 1 : 0 };
}

type PlaceRow = { id: number; contact_point_id: string } & Record<string, string>;

function readPlace(r: PlaceRow): Place {
  const fields = PLACE_DIMENSIONS.map((d) => r[d.source.factColumn]!);
  if (fields.some((f) => typeof f !== 'string' || f.includes(US))) throw unreadable();
  return { districtId: r[DISTRICT_COLUMN]!, contactPointId: r.contact_point_id, text: fields.join(US) };
}

/** Brings `d` up to date with `table`: nothing to read, the rows after its largest id, or all of them. */
async function refresh<R extends { id: number }, T>(db: Db, d: Dictionary<T>, table: string, after: (id: number) => RawBuilder<R>, read: (row: R) => T): Promise<void> {
  const head = (await sql<{ n: number; top: number | null }>`SELECT count(*) AS n, max(id) AS top FROM ${sql.table(table)}`.execute(db)).rows[0];
  const n = Number(head?.n ?? 0);
  const top = Number(head?.top ?? 0);
  if (n === d.count && top === d.top) return;
  const grows = n > d.count && top > d.top;
  const rows = (await after(grows ? d.top : 0).execute(db)).rows;
  if (!grows || d.count + rows.length !== n) {
    d.byId = [];
    d.count = 0;
    if (grows) return refresh(db, d, table, after, read);
  }
  for (const r of rows) d.byId[r.id] = read(r);
  d.count += rows.length;
  d.top = top;
}

const PLACE_COLUMNS = sql.join(['id', 'contact_point_id', ...PLACE_DIMENSIONS.map((d) => d.source.factColumn)].map((c) => sql.ref(c)));

export async function factDictionaries(db: Db): Promise<FactDictionaries> {
  let dictionaries = db.isTransaction ? undefined : cached.get(db);
  if (!dictionaries) {
    dictionaries = { values: SMALL.map(() => []), dims: new Dictionary(), places: new Dictionary(), sets: SET_DIMENSIONS.map(() => new Dictionary()) };
    if (!db.isTransaction) cached.set(db, dictionaries);
  }
  const values = dictionaries.values;
  await refresh(db, dictionaries.dims, 'report_dims', (id) => sql<{ id: number; woman: number; small: string }>`SELECT id, woman, small FROM report_dims WHERE id > ${id}`, (r) => readDim(r, values));
  await refresh(db, dictionaries.places, 'report_places', (id) => sql<PlaceRow>`SELECT ${PLACE_COLUMNS} FROM report_places WHERE id > ${id}`, readPlace);
  for (const [k, d] of SET_DIMENSIONS.entries()) {
    const { dictionary, factColumn } = d.source;
    await refresh(
      db,
      dictionaries.sets[k]!,
      dictionary,
      (id) => sql<{ id: number; v: string }>`SELECT id, ${sql.ref(factColumn)} AS v FROM ${sql.table(dictionary)} WHERE id > ${id}`,
      (r) => r.v,
    );
  }
  return dictionaries;
}
