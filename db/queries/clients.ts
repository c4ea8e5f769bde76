import { sql, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Sex } from '../../shared/domain/enums';
import { latinKey, nameWords, prefixEnd } from '../../shared/domain/names';
import { MIN_DIGIT_RUN, phoneDigitRun, phoneSearchPrefix } from '../../shared/domain/phone';
import type { ChildRow, ClientRow, Database, HouseholdRow } from '../schema';
import { nameHasWordStarting, type SearchTermKind } from './search';
import { clientVisibleSql, type Viewer } from './visibility';
import type { Db } from './writeContext';

// Reading clients: the ids of a page of the list (indexed filters), the rows of given clients with
// their first phone and whether they have a migrant household (two extra queries for any number of
// clients, no N+1), and the parts of one client.

export function normalizeIdDoc(s: string): string {
  return s.trim().replace(/\s+/g, '').toUpperCase();
}

/** A client row with what the lists show beside it. */
export interface ClientListing {
  row: ClientRow;
  /** Her first phone ('' when none). */
  phone: string;
  migrantHousehold: boolean;
}

/** The given clients (live ones), in the order of `ids`. */
export async function clientListings(db: Db, ids: readonly string[]): Promise<ClientListing[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows: ClientRow[] = [];
  // SQLite's bound-parameter limit: chunk long id lists.
  for (let i = 0; i < unique.length; i += 500) {
    rows.push(...(await db.selectFrom('clients').selectAll().where('id', 'in', unique.slice(i, i + 500)).where('deleted_at', 'is', null).execute()));
  }
  const phones = new Map<string, string>();
  const migrants = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const ph = await db
      .selectFrom('client_phones')
      .select(['client_id', 'phone'])
      .where('client_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const p of ph) if (!phones.has(p.client_id)) phones.set(p.client_id, p.phone);
    const mh = await db.selectFrom('migrant_households').select('client_id').where('client_id', 'in', chunk).where('deleted_at', 'is', null).execute();
    for (const m of mh) migrants.add(m.client_id);
  }
  const byId = new Map(rows.map((row) => [row.id, { row, phone: phones.get(row.id) ?? '', migrantHousehold: migrants.has(row.id) }]));
  return ids.map((id) => byId.get(id)).filter((s): s is ClientListing => s !== undefined);
}

/** Beyond this many matches past the page, a count that tests every client stops ("1,000 or more"). */
export const CLIENT_COUNT_LIMIT = 1000;

/** The client list's filters and page. */
export interface ClientListFilter {
  /** Name (any spelling, prefix), phone or identity document number. */
  query: string;
  sex?: Sex;
  migrantHousehold?: boolean;
  residenceDistrictId?: string | null;
  sort: 'name' | 'birthDate' | 'createdAt' | 'updatedAt';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Who reads: a client hidden from them is left out of a search (a list shows her place, see clientSummaries). */
  viewer: Viewer;
}

type ClientQuery = SelectQueryBuilder<Database & { c: Database['clients'] }, 'c', object>;

/**
 * Walking the sort order's index and testing each live client until the page is full reads about
 * (offset + limit) × clients ÷ matches rows; taking the matches from the sex index and sorting them reads
 * about `matches` rows. Walking is cheaper once matches² ≥ 2 × (offset + limit) × clients.
 */
function walkPays(matches: number, f: ClientListFilter, clients: number): boolean {
  return matches * matches >= 2 * (f.offset + f.limit) * clients;
}

/**
 * The number of matching clients. Exact when it is a range of an index (all live clients, one sex, a
 * name or number searched). The household and district filters test each client (an EXISTS lookup
 * or the row itself): an exact count was 130,000 lookups for "women from migrant households", 40–100 ms
 * on a national database, more than the rest of the list; so those count only until they know there
 * are CLIENT_COUNT_LIMIT more than the page's offset (in thousands), and the list says "or more".
 * Deeper pages count further, so a virtual list can still scroll through every match. The count goes
 * at least as far as the number of matches from which walking pays (walkPays), so that a stopped
 * count still tells how to fetch the page.
 */
async function countClients(db: Db, q: ClientQuery, f: ClientListFilter, clients: number): Promise<{ total: number; totalAtLeast: boolean }> {
  if (f.migrantHousehold === undefined && !f.residenceDistrictId) {
    const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(r.n), totalAtLeast: false };
  }
  const needed = Math.max(f.offset + Math.max(f.limit, CLIENT_COUNT_LIMIT), f.sex ? Math.sqrt(2 * (f.offset + f.limit) * clients) : 0);
  const limit = Math.ceil(needed / 1000) * 1000;
  const r = await db
    .selectFrom(q.select('c.id').limit(limit + 1).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return n > limit ? { total: limit, totalAtLeast: true } : { total: n, totalAtLeast: false };
}

/** The ids of one page of the list, in its order, and how many clients match. */
export async function listClientIds(db: Db, f: ClientListFilter): Promise<{ ids: string[]; total: number; totalAtLeast: boolean }> {
  let q = db.selectFrom('clients as c').where('c.deleted_at', 'is', null);
  const query = f.query.trim();
  if (query) {
    const phone = phoneSearchPrefix(query);
    const key = latinKey(query);
    const doc = normalizeIdDoc(query);
    const run = phoneDigitRun(query);
    const [word, ...otherWords] = nameWords(key);
    q = q.where((eb) => {
      // A term's range (client_search_terms): a run inside a number, or a word of the name anywhere.
      const term = (kind: SearchTermKind, prefix: string) =>
        eb('c.id', 'in', eb.selectFrom('client_search_terms').select('client_id').where('term', '>=', `${kind}:${prefix}`).where('term', '<', prefixEnd(`${kind}:${prefix}`)));
      const ors = [eb.and([eb('c.id_doc_number', '>=', doc), eb('c.id_doc_number', '<', prefixEnd(doc))])];
      if (doc.length >= MIN_DIGIT_RUN) ors.push(term('d', doc));
      if (run) ors.push(term('p', run));
      if (key) ors.push(eb.and([eb('c.search_key', '>=', key), eb('c.search_key', '<', prefixEnd(key))]));
      if (word) {
        ors.push(eb.and([term('n', word), ...otherWords.map(nameHasWordStarting)]));
      }
      if (phone) {
        ors.push(
          eb(
            'c.id',
            'in',
            eb
              .selectFrom('client_phones')
              .select('client_id')
              .where('phone', '>=', phone)
              .where('phone', '<', prefixEnd(phone))
              .where('deleted_at', 'is', null),
          ),
        );
      }
      return eb.or(ors);
    });
    // A search never names a client hidden from its reader, not even as a restricted row.
    q = q.where(clientVisibleSql(f.viewer), '=', 1);
  }
  if (f.residenceDistrictId) q = q.where('c.residence_district_id', '=', f.residenceDistrictId);
  if (f.migrantHousehold !== undefined) {
    const wanted = f.migrantHousehold;
    q = q.where((eb) => {
      const has = eb.exists(eb.selectFrom('migrant_households as m').select('m.id').whereRef('m.client_id', '=', 'c.id').where('m.deleted_at', 'is', null));
      return wanted ? has : eb.not(has);
    });
  }
  // Rows ever stored (tombstones too): the upper bound of what walking an index of live clients passes.
  const stored = await db.selectFrom('clients').select(sql<number>`max(rowid)`.as('n')).executeTakeFirst();
  const clients = Number(stored?.n ?? 0);
  const { total, totalAtLeast } = await countClients(db, f.sex ? q.where('c.sex', '=', f.sex) : q, f, clients);
  const column = { name: 'c.search_name', birthDate: 'c.birth_date', createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const;
  if (f.sex) {
    // SQLite keeps no statistics to choose between walking the sort order's index and sorting the
    // matches of the sex index (walkPays), and chose sorting 130,000 women (0.35 s) over walking 90
    // names; the count decides instead, and `+c.sex` keeps SQLite off the sex index when walking.
    // Birth dates have no index to walk.
    const walk = f.sort !== 'birthDate' && !query && walkPays(total, f, clients);
    q = walk ? q.where(sql<string>`+${sql.ref('c.sex')}`, '=', f.sex) : q.where('c.sex', '=', f.sex);
  }
  const ids = await q
    .select('c.id')
    .orderBy(column[f.sort], f.dir)
    .orderBy('c.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { ids: ids.map((r) => r.id), total, totalAtLeast };
}

export async function getClientRow(db: Db, id: string): Promise<ClientRow> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such client');
  if (row.deleted_at) {
    // A merged record points to the one that was kept, so old links still lead somewhere.
    throw new AppError('NOT_FOUND', 'This client record was merged or removed', undefined, row.merged_into_id ? { mergedIntoId: row.merged_into_id } : undefined);
  }
  return row;
}

/** Whether there is a live client of this id. */
export async function clientExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('clients').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

/** Her migrant household (live), if she has one. */
export async function householdRow(db: Db, clientId: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('migrant_households').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function phoneRows(db: Db, clientId: string): Promise<Array<{ id: string; phone: string; label: string }>> {
  return db.selectFrom('client_phones').select(['id', 'phone', 'label']).where('client_id', '=', clientId).where('deleted_at', 'is', null).orderBy('id').execute();
}

export async function childRows(db: Db, clientId: string): Promise<ChildRow[]> {
  return db.selectFrom('children').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null).orderBy('birth_date').orderBy('id').execute();
}
