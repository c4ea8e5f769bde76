import { CompiledQuery, sql } from 'kysely';
import { prefixEnd } from '../../shared/domain/names';
import type { Db } from './writeContext';

// The lookups of the search box and of the duplicate check. Every one is an indexed equality or prefix
// range (clients.search_key, client_phones.phone, clients.id_doc_number; cases by number are in
// cases.ts), never a scan of the clients table.

/**
 * The ids a fixed SQL text returns, run without building it: the search box sends these lookups on every
 * keystroke, and building and compiling each query cost about half as much again as SQLite's work for it.
 */
async function ids(db: Db, text: string, parameters: readonly unknown[]): Promise<string[]> {
  return (await db.executeQuery(CompiledQuery.raw(text, [...parameters]))).rows.map((r) => (r as { id: string }).id);
}

const BY_NAME = 'SELECT id FROM clients WHERE search_key >= ? AND search_key < ? AND deleted_at IS NULL ORDER BY search_key LIMIT ?';

/** Live clients whose name key starts with `key`. */
export async function clientIdsByName(db: Db, key: string, limit: number): Promise<string[]> {
  if (!key) return [];
  return ids(db, BY_NAME, [key, prefixEnd(key), limit]);
}

/** The LIKE patterns of a name with a word starting with `w` (Latin name keys hold only a–z and spaces, so `w` is safe in LIKE). */
function wordStartPatterns(w: string): [string, string] {
  return [`${w}%`, `% ${w}%`];
}

const WORD_STARTING = '(c.search_key LIKE ? OR c.search_key LIKE ?)';

/** Whether client `c`'s name has a word starting with `w`. */
export function nameHasWordStarting(w: string) {
  const [start, inside] = wordStartPatterns(w);
  return sql<boolean>`(c.search_key LIKE ${start} OR c.search_key LIKE ${inside})`;
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
  const text = `SELECT t.client_id AS id FROM client_search_terms AS t INNER JOIN clients AS c ON c.id = t.client_id
    WHERE t.term >= ? AND t.term < ? AND c.deleted_at IS NULL${otherWords.map(() => ` AND ${WORD_STARTING}`).join('')} ORDER BY t.term LIMIT ?`;
  const found = await ids(db, text, [start, prefixEnd(start), ...otherWords.flatMap(wordStartPatterns), limit * 2]);
  return [...new Set(found)].slice(0, limit);
}

const BY_PHONE = `SELECT DISTINCT p.client_id AS id FROM client_phones AS p INNER JOIN clients AS c ON c.id = p.client_id
  WHERE p.phone >= ? AND p.phone < ? AND p.deleted_at IS NULL AND c.deleted_at IS NULL LIMIT ?`;

/** Live clients with a phone number that starts with `prefix`. */
export async function clientIdsByPhone(db: Db, prefix: string, limit: number): Promise<string[]> {
  return ids(db, BY_PHONE, [prefix, prefixEnd(prefix), limit]);
}

const BY_DOC = 'SELECT id FROM clients WHERE id_doc_number >= ? AND id_doc_number < ? AND deleted_at IS NULL LIMIT ?';

/** Live clients whose identity document number starts with `doc` (three characters at least). */
export async function clientIdsByDoc(db: Db, doc: string, limit: number): Promise<string[]> {
  if (doc.length < 3) return [];
  return ids(db, BY_DOC, [doc, prefixEnd(doc), limit]);
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
