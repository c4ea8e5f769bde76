import { prefixEnd } from '../../shared/domain/names';
import type { Db } from './writeContext';

// The lookups of the search box and of the duplicate check. Every one is an indexed equality or prefix
// range (clients.search_key, client_phones.phone, clients.id_doc_number, cases.court_case_number,
// cases.number), never a scan of the clients table.

/** Live clients whose name key starts with `key`. */
export async function clientIdsByName(db: Db, key: string, limit: number): Promise<string[]> {
  if (!key) return [];
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('search_key', '>=', key)
    .where('search_key', '<', prefixEnd(key))
    .where('deleted_at', 'is', null)
    .orderBy('search_key')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Live clients with a phone number that starts with `prefix`. */
export async function clientIdsByPhone(db: Db, prefix: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('client_phones as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select('p.client_id')
    .distinct()
    .where('p.phone', '>=', prefix)
    .where('p.phone', '<', prefixEnd(prefix))
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.client_id);
}

/** Live clients whose identity document number starts with `doc` (three characters at least). */
export async function clientIdsByDoc(db: Db, doc: string, limit: number): Promise<string[]> {
  if (doc.length < 3) return [];
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('id_doc_number', '>=', doc)
    .where('id_doc_number', '<', prefixEnd(doc))
    .where('deleted_at', 'is', null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Live cases whose court case number or own number starts with `q`. */
export async function casesByNumber(db: Db, q: string, limit: number): Promise<Array<{ id: string; court_case_number: string }>> {
  return db
    .selectFrom('cases')
    .select(['id', 'court_case_number'])
    .where((eb) =>
      eb.or([
        eb.and([eb('court_case_number', '>=', q), eb('court_case_number', '<', prefixEnd(q))]),
        eb.and([eb('number', '>=', q), eb('number', '<', prefixEnd(q))]),
      ]),
    )
    .where('deleted_at', 'is', null)
    .limit(limit)
    .execute();
}

/**
 * Live clients whose stored name key ("surname given patronymic") is `key` or starts with `key` and a
 * space (the name key is the prefix of the stored key up to a word boundary), with their birth dates.
 */
export async function clientsByNameKey(db: Db, key: string): Promise<Array<{ id: string; birth_date: string | null }>> {
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'search_key', 'birth_date'])
    .where('search_key', '>=', key)
    .where('search_key', '<', prefixEnd(key))
    .where('deleted_at', 'is', null)
    .limit(200)
    .execute();
  return rows.filter((r) => r.search_key === key || r.search_key.startsWith(`${key} `));
}

/** Live clients who have one of these (normalised) phone numbers. */
export async function clientIdsWithPhones(db: Db, phones: string[]): Promise<string[]> {
  if (phones.length === 0) return [];
  const rows = await db
    .selectFrom('client_phones as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select('p.client_id')
    .where('p.phone', 'in', phones)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.client_id);
}

/** Live clients with exactly this (normalised) identity document number. */
export async function clientIdsWithDoc(db: Db, doc: string): Promise<string[]> {
  return (await db.selectFrom('clients').select('id').where('id_doc_number', '=', doc).where('deleted_at', 'is', null).execute()).map((r) => r.id);
}
