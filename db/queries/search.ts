import { sql } from 'kysely';
import { prefixEnd } from '../../shared/domain/names';
import type { Db } from './writeContext';

// The lookups of the search box and of the duplicate check. Every one is an indexed equality or prefix
// range (clients.search_key, client_phones.phone, clients.id_doc_number; cases by number are in
// cases.ts), never a scan of the clients table.

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

/** Whether client `c`'s name has a word starting with `w` (Latin name keys hold only a–z and spaces, so `w` is safe in LIKE). */
export function nameHasWordStarting(w: string) {
  return sql<boolean>`(c.search_key LIKE ${`${w}%`} OR c.search_key LIKE ${`% ${w}%`})`;
}

/** What a search term is of: a word of the name, a run inside a phone number, a run inside a document number. */
export type SearchTermKind = 'n' | 'p' | 'd';

/**
 * Live clients with a search term that starts with `prefix` (client_search_terms, migration 0013): a name
 * word starting so, or a phone or document number with this run inside. With `otherWords`, the client's
 * name must also have a word starting with each of them. In the order of the terms, so a whole word
 * comes before longer words that start with it.
 */
export async function clientIdsByTerm(db: Db, kind: SearchTermKind, prefix: string, limit: number, otherWords: readonly string[] = []): Promise<string[]> {
  if (!prefix) return [];
  const start = `${kind}:${prefix}`;
  let q = db
    .selectFrom('client_search_terms as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .select('t.client_id')
    .where('t.term', '>=', start)
    .where('t.term', '<', prefixEnd(start))
    .where('c.deleted_at', 'is', null);
  for (const w of otherWords) q = q.where(nameHasWordStarting(w));
  const rows = await q.orderBy('t.term').limit(limit * 2).execute();
  return [...new Set(rows.map((r) => r.client_id))].slice(0, limit);
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
