import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { FS, SMALL, unreadable, US } from './indicatorTally';

// The dictionaries of report_facts (migration 0009), as arrays indexed by id for the counting pass
// (indicatorFacts.ts). At national scale report_dims holds some 23,000 combinations and reading them
// took a tenth of a one-year report, so they are kept between reports: rows are only ever added to a
// dictionary (by the triggers; nothing updates or deletes them), so a cached dictionary is still right
// when its row count and largest id are unchanged, and grows by reading the rows after its largest id.
// Only the database handle itself keeps a cache — inside a transaction the rows may not be committed.

type Db = Kysely<Database> | Transaction<Database>;

export const VENUES = ['contact_point', 'mobile_session'] as const;
const ABANDONED = SMALL.indexOf('abandoned');

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
  /** "district US home district", as the tally takes it. */
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
  /** The issues field of each issue set (id 0, no issues, is not in the table). */
  issues: Dictionary<string>;
}

const cached = new WeakMap<object, FactDictionaries>();

function readDim(r: { id: number; woman: number; small: string }, values: string[][]): Dim {
  const fields = r.small.split(FS);
  const venue = VENUES.indexOf(fields[0] as (typeof VENUES)[number]);
  if (fields.length !== SMALL.length || venue < 0) throw unreadable();
  const codes = fields.map((value, k) => {
    const known = values[k]!;
    const code = known.indexOf(value);
    return code >= 0 ? code : known.push(value) - 1;
  });
  return { codes, woman: r.woman === 1, venue: venue as 0 | 1, abandoned: fields[ABANDONED] === 'yes' ? 1 : 0 };
}

function readPlace(r: { id: number; district_id: string; home_district_id: string; contact_point_id: string }): Place {
  if (r.district_id.includes(US) || r.home_district_id.includes(US)) throw unreadable();
  return { districtId: r.district_id, contactPointId: r.contact_point_id, text: `${r.district_id}${US}${r.home_district_id}` };
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

export async function factDictionaries(db: Db): Promise<FactDictionaries> {
  let dictionaries = db.isTransaction ? undefined : cached.get(db);
  if (!dictionaries) {
    dictionaries = { values: SMALL.map(() => []), dims: new Dictionary(), places: new Dictionary(), issues: new Dictionary() };
    if (!db.isTransaction) cached.set(db, dictionaries);
  }
  const values = dictionaries.values;
  await refresh(db, dictionaries.dims, 'report_dims', (id) => sql<{ id: number; woman: number; small: string }>`SELECT id, woman, small FROM report_dims WHERE id > ${id}`, (r) => readDim(r, values));
  await refresh(
    db,
    dictionaries.places,
    'report_places',
    (id) => sql<{ id: number; district_id: string; home_district_id: string; contact_point_id: string }>`
      SELECT id, district_id, home_district_id, contact_point_id FROM report_places WHERE id > ${id}`,
    readPlace,
  );
  await refresh(db, dictionaries.issues, 'report_issue_sets', (id) => sql<{ id: number; issues: string }>`SELECT id, issues FROM report_issue_sets WHERE id > ${id}`, (r) => r.issues);
  return dictionaries;
}
