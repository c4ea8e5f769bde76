import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { addMonths, todayIso } from '../../shared/domain/dates';
import type { IssueCategory, Sex } from '../../shared/domain/enums';
import { latinKey, nameWords, prefixEnd } from '../../shared/domain/names';
import { MIN_DIGIT_RUN, phoneDigitRun, phoneSearchPrefix } from '../../shared/domain/phone';
import type { ChildRow, ClientRow, Database, HouseholdRow } from '../schema';
import { nameHasWordStarting, type SearchTermKind } from './search';
import { clientVisibleSql, type Viewer } from './visibility';
import type { Db } from './writeContext';

// Reading clients: the ids of a page of the list (indexed filters), the rows of given clients with
// their first phone and whether they have a migrant household (in the same query, no N+1), and the
// parts of one client.

export function normalizeIdDoc(s: string): string {
  return s.trim().replace(/\s+/g, '').toUpperCase();
}

/** A client row with what the lists show beside it. */
export interface ClientListing {
  row: ClientRow;
  /** Her first phone ('' when none). */
  phone: string;
  migrantHousehold: boolean;
  /** Whether the reader may see her (shared/domain/sensitivity.ts). */
  visible: boolean;
}

/**
 * The given clients (live ones), in the order of `ids`, and whether `viewer` may see each: one query,
 * her first phone and household looked up per row by index.
 */
export async function clientListings(db: Db, viewer: Viewer, ids: readonly string[]): Promise<ClientListing[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const byId = new Map<string, ClientListing>();
  // SQLite's bound-parameter limit: chunk long id lists.
  for (let i = 0; i < unique.length; i += 500) {
    // Written as SQL: a search or a list page runs this on every call, and Kysely's query builder took
    // some 100 µs to put it together each time (the SQL itself takes less), more before V8 optimises it.
    const { rows } = await sql<ClientRow & { first_phone: string | null; migrant: number; visible: number }>`SELECT c.*,
        (SELECT p.phone FROM client_phones AS p WHERE p.client_id = c.id AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1) AS first_phone,
        EXISTS (SELECT m.id FROM migrant_households AS m WHERE m.client_id = c.id AND m.deleted_at IS NULL) AS migrant,
        ${clientVisibleSql(viewer)} AS visible
      FROM clients AS c WHERE c.id IN (${sql.join(unique.slice(i, i + 500))}) AND c.deleted_at IS NULL`.execute(db);
    // The row as SQLite returned it, its extra columns left on it: copying rows of some forty columns
    // (a rest pattern) cost as much as the query.
    for (const r of rows) byId.set(r.id, { row: r, phone: r.first_phone ?? '', migrantHousehold: Number(r.migrant) === 1, visible: Number(r.visible) === 1 });
  }
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
  /** Only women without support today (abandoned: shared/domain/abandonment.ts, the override first). */
  abandoned?: boolean;
  /** Clients who consulted about this issue. */
  issue?: IssueCategory;
  /** Clients a lawyer (a user) advised or whose case is that lawyer's. */
  lawyerUserId?: string | null;
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

/**
 * The clients without support on `today`, by the rule of shared/domain/abandonment.ts with the
 * lawyer's override first: an override of "yes"; else a wife whose last remittance is on or before the
 * day six months ago, or, with no remittance recorded, who was left on or before that day. Each part is
 * a range of a partial index of the overridden households or of the wives without an override
 * (migration 0019), whose conditions are written here as literals, exactly as in the index.
 */
export function abandonedClientIds(today: string) {
  const threshold = addMonths(today, -6);
  return sql<string>`SELECT m.client_id FROM migrant_households m WHERE m.deleted_at IS NULL AND m.abandoned_override IS NOT NULL AND m.abandoned_override = 1
    UNION ALL SELECT m.client_id FROM migrant_households m WHERE m.deleted_at IS NULL AND m.abandoned_override IS NULL AND m.relation = 'wife' AND m.last_remittance_date <= ${threshold}
    UNION ALL SELECT m.client_id FROM migrant_households m WHERE m.deleted_at IS NULL AND m.abandoned_override IS NULL AND m.relation = 'wife' AND m.last_remittance_date IS NULL AND m.departure_date <= ${threshold}`;
}

/**
 * The client list's filters other than the search and the sex (which choose how the page is walked):
 * the one place where what the list shows of the clients is decided, for the page and for the count.
 */
function clientConditions(f: ClientListFilter, today: string): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const id = sql.ref('c.id');
  if (f.residenceDistrictId) out.push(sql<SqlBool>`${sql.ref('c.residence_district_id')} = ${f.residenceDistrictId}`);
  if (f.migrantHousehold !== undefined) {
    const has = sql<SqlBool>`EXISTS (SELECT m.id FROM migrant_households m WHERE m.client_id = ${id} AND m.deleted_at IS NULL)`;
    out.push(f.migrantHousehold ? has : sql<SqlBool>`NOT ${has}`);
  }
  if (f.abandoned) out.push(sql<SqlBool>`${id} IN (${abandonedClientIds(today)})`);
  if (f.issue) {
    out.push(sql<SqlBool>`${id} IN (SELECT k.client_id FROM consultation_issues ci JOIN consultations k ON k.id = ci.consultation_id
      WHERE ci.issue = ${f.issue} AND ci.deleted_at IS NULL AND k.deleted_at IS NULL)`);
  }
  if (f.lawyerUserId) {
    out.push(sql<SqlBool>`${id} IN (SELECT k.client_id FROM consultations k WHERE k.lawyer_user_id = ${f.lawyerUserId} AND k.deleted_at IS NULL
      UNION ALL SELECT ca.client_id FROM cases ca WHERE ca.responsible_user_id = ${f.lawyerUserId} AND ca.deleted_at IS NULL)`);
  }
  return out;
}

/**
 * The clients (alias `c`) a searched text finds: a name in any spelling (its start, or a word of it
 * anywhere: a given name or patronymic alone), a run of digits inside a phone or document number, a
 * phone number's start, an identity document's start. The client list and every list searched by the
 * client's name (cases, the Filings screen) match the same. null: nothing to search.
 */
export function clientMatches(text: string): Expression<SqlBool> | null {
  const query = text.trim();
  if (!query) return null;
  const phone = phoneSearchPrefix(query);
  const key = latinKey(query);
  const doc = normalizeIdDoc(query);
  const run = phoneDigitRun(query);
  const [word, ...otherWords] = nameWords(key);
  const id = sql.ref('c.id');
  const range = (column: string, prefix: string) => sql<SqlBool>`(${sql.ref(column)} >= ${prefix} AND ${sql.ref(column)} < ${prefixEnd(prefix)})`;
  // A term's range (client_search_terms): a run inside a number, or a word of the name anywhere.
  const term = (kind: SearchTermKind, prefix: string) =>
    sql<SqlBool>`${id} IN (SELECT client_id FROM client_search_terms WHERE term >= ${`${kind}:${prefix}`} AND term < ${prefixEnd(`${kind}:${prefix}`)})`;
  const ors: Expression<SqlBool>[] = [range('c.id_doc_number', doc)];
  if (doc.length >= MIN_DIGIT_RUN) ors.push(term('d', doc));
  if (run) ors.push(term('p', run));
  if (key) ors.push(range('c.search_key', key));
  if (word) ors.push(sql<SqlBool>`(${sql.join([term('n', word), ...otherWords.map(nameHasWordStarting)], sql` AND `)})`);
  if (phone) ors.push(sql<SqlBool>`${id} IN (SELECT client_id FROM client_phones WHERE phone >= ${phone} AND phone < ${prefixEnd(phone)} AND deleted_at IS NULL)`);
  return sql<SqlBool>`(${sql.join(ors, sql` OR `)})`;
}

/** The ids of one page of the list, in its order, and how many clients match. */
export async function listClientIds(db: Db, f: ClientListFilter, today: string = todayIso()): Promise<{ ids: string[]; total: number; totalAtLeast: boolean }> {
  let q = db.selectFrom('clients as c').where('c.deleted_at', 'is', null);
  const query = f.query.trim();
  const matches = clientMatches(query);
  if (matches) {
    q = q.where(matches);
    // A search never names a client hidden from its reader, not even as a restricted row.
    q = q.where(clientVisibleSql(f.viewer), '=', 1);
  }
  for (const condition of clientConditions(f, today)) q = q.where(condition);
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
  // The same choice for the filters that name a set of clients (without support, an issue, a lawyer):
  // when few match, their ids are looked up and sorted (`+` keeps SQLite from walking the whole sort
  // order's index to find them); when many do, walking the order fills the page sooner.
  const narrow = (f.abandoned || f.issue || f.lawyerUserId) && !walkPays(total, f, clients);
  const ids = await q
    .select('c.id')
    .orderBy(narrow ? sql`+${sql.ref(column[f.sort])}` : sql.ref(column[f.sort]), f.dir)
    .orderBy(narrow ? sql`+${sql.ref('c.id')}` : sql.ref('c.id'), f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { ids: ids.map((r) => r.id), total, totalAtLeast };
}

/** The records merged into this client, the latest merge first. */
export async function mergedRows(db: Db, id: string) {
  return db
    .selectFrom('clients')
    .select(['id', 'surname', 'given_name', 'patronymic', 'birth_date', 'id_doc_number', 'deleted_at'])
    .where('merged_into_id', '=', id)
    .orderBy('deleted_at', 'desc')
    .execute();
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

/** A live client's birth date: null when it is not known, undefined when there is no such client. */
export async function clientBirthDate(db: Db, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('clients').select('birth_date').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? row.birth_date : undefined;
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
